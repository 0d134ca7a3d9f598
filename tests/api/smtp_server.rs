//! A small real SMTP server on loopback for the tests: it speaks enough of
//! RFC 5321 for lettre, keeps what it receives, can refuse recipients, and
//! can be stopped and started again on the same port.

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

#[derive(Clone, Default)]
struct Shared {
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    refuse_recipients: Arc<Mutex<bool>>,
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
            shared.received.lock().unwrap().push(ReceivedMail {
                from: from.clone(),
                to: to.clone(),
                data,
            });
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
