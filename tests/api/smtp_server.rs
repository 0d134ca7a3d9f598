//! A small real SMTP server on loopback for the tests: it speaks enough of
//! RFC 5321 for lettre, keeps what it receives, can refuse recipients, can
//! take a message and never answer (a wedged relay), and can be stopped and
//! started again on the same port.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent: headers and body, dot-unstuffed.
    pub data: String,
}

impl ReceivedMail {
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_ascii_lowercase());
        self.data
            .lines()
            .take_while(|line| !line.is_empty())
            .find(|line| line.to_ascii_lowercase().starts_with(&prefix))
            .map(|line| line[prefix.len()..].trim().to_owned())
    }
}

impl ReceivedMail {
    /// The decoded text of the part with this content type (text/plain or
    /// text/html), undoing quoted-printable or base64 transfer encoding.
    pub fn part(&self, content_type: &str) -> Option<String> {
        let start = self.data.find(&format!("Content-Type: {content_type}"))?;
        let part = &self.data[start..];
        let (headers, rest) = part.split_once("\n\n")?;
        let body = rest.split("\n--").next().unwrap_or(rest);
        if headers.contains("quoted-printable") {
            Some(decode_quoted_printable(body))
        } else if headers.contains("base64") {
            Some(base64_decode(&body.replace('\n', "")))
        } else {
            Some(body.to_owned())
        }
    }
}

fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn base64_decode(text: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|c| *c != b'=') {
        let Some(value) = ALPHABET.iter().position(|a| *a == c) else {
            continue;
        };
        bits = (bits << 6) | value as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[derive(Clone, Default)]
struct Shared {
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    refuse_recipients: Arc<Mutex<bool>>,
    /// How long to take over each message, to have one in flight.
    delay: Arc<Mutex<std::time::Duration>>,
    hold_next: Arc<Mutex<bool>>,
    held: Arc<Mutex<Vec<HeldMail>>>,
}

/// A message taken in full but never answered.
#[derive(Debug, Clone)]
pub struct HeldMail {
    pub mail: ReceivedMail,
    /// False once the client has hung up.
    open: Arc<AtomicBool>,
}

impl HeldMail {
    pub fn client_still_waiting(&self) -> bool {
        self.open.load(Ordering::SeqCst)
    }
}

pub struct SmtpServer {
    pub port: u16,
    shared: Shared,
    accepting: Option<JoinHandle<()>>,
}

impl SmtpServer {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let port = listener.local_addr().unwrap().port();
        let shared = Shared::default();
        let accepting = Some(tokio::spawn(accept(listener, shared.clone())));
        Self {
            port,
            shared,
            accepting,
        }
    }

    pub fn url(&self) -> url::Url {
        format!("smtp://127.0.0.1:{}", self.port).parse().unwrap()
    }

    /// Closes the port: connections are refused until `restart`.
    pub fn stop(&mut self) {
        if let Some(task) = self.accepting.take() {
            task.abort();
        }
    }

    pub async fn restart(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port))
            .await
            .expect("the same port again");
        self.accepting = Some(tokio::spawn(accept(listener, self.shared.clone())));
    }

    /// Answers 550 to every recipient.
    pub fn refuse_recipients(&self, refuse: bool) {
        *self.shared.refuse_recipients.lock().unwrap() = refuse;
    }

    /// Takes this long to accept each message.
    pub fn slow(&self, delay: std::time::Duration) {
        *self.shared.delay.lock().unwrap() = delay;
    }

    /// Takes the next message in full, then never answers it, holding the
    /// connection open until the client hangs up. Other connections are
    /// served as usual. The held message is not in `received`.
    pub fn hold_next_message(&self) {
        *self.shared.hold_next.lock().unwrap() = true;
    }

    pub fn held(&self) -> Vec<HeldMail> {
        self.shared.held.lock().unwrap().clone()
    }

    /// Messages answered with 250: accepted for delivery.
    pub fn received(&self) -> Vec<ReceivedMail> {
        self.shared.received.lock().unwrap().clone()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn accept(listener: TcpListener, shared: Shared) {
    while let Ok((stream, _)) = listener.accept().await {
        tokio::spawn(session(stream, shared.clone()));
    }
}

async fn session(stream: TcpStream, shared: Shared) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    if write
        .write_all(b"220 localhost test SMTP\r\n")
        .await
        .is_err()
    {
        return;
    }
    let (mut from, mut to) = (String::new(), Vec::new());
    while let Ok(Some(line)) = lines.next_line().await {
        let upper = line.to_ascii_uppercase();
        let answer: &str = if upper.starts_with("EHLO") {
            "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8"
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            "250 OK"
        } else if upper.starts_with("RSET") {
            from.clear();
            to.clear();
            "250 OK"
        } else if upper.starts_with("MAIL FROM:") {
            from = line[10..].trim().to_owned();
            to.clear();
            "250 OK"
        } else if upper.starts_with("RCPT TO:") {
            if *shared.refuse_recipients.lock().unwrap() {
                "550 5.1.1 mailbox unavailable"
            } else {
                to.push(line[8..].trim().to_owned());
                "250 OK"
            }
        } else if upper == "DATA" {
            if write
                .write_all(b"354 end with <CRLF>.<CRLF>\r\n")
                .await
                .is_err()
            {
                return;
            }
            let mut data = String::new();
            while let Ok(Some(line)) = lines.next_line().await {
                if line == "." {
                    break;
                }
                let line = line
                    .strip_prefix('.')
                    .filter(|_| line.starts_with(".."))
                    .unwrap_or(&line);
                data.push_str(line);
                data.push('\n');
            }
            let delay = *shared.delay.lock().unwrap();
            tokio::time::sleep(delay).await;
            // The transaction is over: the next MAIL FROM starts afresh.
            let (from, to) = (std::mem::take(&mut from), std::mem::take(&mut to));
            if std::mem::take(&mut *shared.hold_next.lock().unwrap()) {
                let open = Arc::new(AtomicBool::new(true));
                shared.held.lock().unwrap().push(HeldMail {
                    mail: ReceivedMail { from, to, data },
                    open: open.clone(),
                });
                // Silent until the client gives up and closes the connection.
                while let Ok(Some(_)) = lines.next_line().await {}
                open.store(false, Ordering::SeqCst);
                return;
            }
            shared
                .received
                .lock()
                .unwrap()
                .push(ReceivedMail { from, to, data });
            "250 OK queued"
        } else if upper.starts_with("QUIT") {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            "502 command not implemented"
        };
        if write
            .write_all(format!("{answer}\r\n").as_bytes())
            .await
            .is_err()
        {
            return;
        }
    }
}
