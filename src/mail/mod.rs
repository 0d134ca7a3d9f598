//! Mail transports: SMTP when `ROUNDTABLE_SMTP_URL` is set, otherwise `.eml`
//! files under `<data dir>/mail/`, so that the default set-up shows every
//! email it would have sent. Tests that put no SMTP behaviour under test keep
//! mail in memory instead (`Mailer::in_memory`).

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use url::Url;

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// The domain part of Message-IDs: our public host.
    message_id_domain: String,
}

#[derive(Clone)]
enum Transport {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        host: String,
    },
    Files {
        transport: AsyncFileTransport<Tokio1Executor>,
        folder: PathBuf,
    },
    /// Shared by the clones of one mailer, so a test reads what the app sent.
    Memory(Arc<Mutex<Vec<SentEmail>>>),
}

/// One email as the mailer sends it; the outbox builds it from a stored row.
#[derive(Debug, Clone)]
pub struct Email {
    /// Stable across retries, so a receiver can drop a duplicate.
    pub message_id: String,
    /// What the email is about ("verify_email", ...), kept by the in-memory backend.
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub headers: Vec<(String, String)>,
}

/// An email the in-memory backend has "sent".
#[derive(Debug, Clone)]
pub struct SentEmail {
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// The whole message as it would have gone on the wire.
    pub raw: String,
}

impl Mailer {
    /// `smtp://host:port` (plain), `smtp://host:587?tls=required` (STARTTLS),
    /// `smtps://user:password@host` (TLS); without a URL, files in `mail_folder`.
    pub fn new(
        smtp_url: Option<&Url>,
        mail_folder: &Path,
        from: Mailbox,
        base_url: &Url,
    ) -> Result<Self, String> {
        let transport = match smtp_url {
            Some(url) => Transport::Smtp {
                // Without lettre's pool (the `pool` feature is off) every
                // send is one conversation on a connection of its own: the
                // outbox worker gives up a wedged attempt by dropping it, and
                // a pooled connection dropped mid-conversation would go back
                // to the pool out of step with the server. The timeout here
                // bounds each network read and write; the worker bounds the
                // whole attempt.
                transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url.as_str())
                    .map_err(|e| format!("ROUNDTABLE_SMTP_URL cannot be used: {e}"))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
                host: url.host_str().unwrap_or_default().to_owned(),
            },
            None => {
                std::fs::create_dir_all(mail_folder).map_err(|e| {
                    format!(
                        "cannot create the mail folder {}: {e}",
                        mail_folder.display()
                    )
                })?;
                Transport::Files {
                    transport: AsyncFileTransport::<Tokio1Executor>::new(mail_folder),
                    folder: mail_folder.to_owned(),
                }
            }
        };
        Ok(Self {
            transport,
            from,
            message_id_domain: base_url.host_str().unwrap_or("localhost").to_owned(),
        })
    }

    /// Keeps every email in memory, for tests: `sent()` reads them back.
    pub fn in_memory(from: Mailbox, base_url: &Url) -> Self {
        Self {
            transport: Transport::Memory(Arc::default()),
            from,
            message_id_domain: base_url.host_str().unwrap_or("localhost").to_owned(),
        }
    }

    /// What the in-memory backend has sent so far, oldest first; empty for
    /// the other backends.
    pub fn sent(&self) -> Vec<SentEmail> {
        match &self.transport {
            Transport::Memory(sent) => sent.lock().unwrap_or_else(|e| e.into_inner()).clone(),
            _ => Vec::new(),
        }
    }

    /// For logs: where mail goes, without credentials.
    pub fn describe(&self) -> String {
        match &self.transport {
            Transport::Smtp { host, .. } => format!("SMTP via {host}"),
            Transport::Files { folder, .. } => format!(".eml files in {}", folder.display()),
            Transport::Memory(_) => "memory (tests)".to_owned(),
        }
    }

    pub fn message(&self, email: &Email) -> Result<Message, String> {
        let to: Mailbox = email
            .recipient
            .parse()
            .map_err(|e| format!("bad recipient address: {e}"))?;
        let mut message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(format!(
                "<{}@{}>",
                email.message_id, self.message_id_domain
            )))
            .multipart(MultiPart::alternative_plain_html(
                email.body_text.clone(),
                email.body_html.clone(),
            ))
            .map_err(|e| format!("cannot build the message: {e}"))?;
        for (name, value) in &email.headers {
            let name = HeaderName::new_from_ascii(name.clone())
                .map_err(|e| format!("bad header name: {e}"))?;
            message
                .headers_mut()
                .insert_raw(HeaderValue::new(name, value.clone()));
        }
        Ok(message)
    }

    /// Sends one email. The error text is stored on the outbox row and
    /// shown to staff, so it names the cause but never the address.
    pub async fn send(&self, email: &Email) -> Result<(), String> {
        let message = self.message(email)?;
        match &self.transport {
            Transport::Smtp { transport, .. } => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| format!("SMTP: {e}")),
            Transport::Files { transport, folder } => {
                let id = transport
                    .send(message)
                    .await
                    .map_err(|e| format!("mail file: {e}"))?;
                tracing::info!(file = %folder.join(format!("{id}.eml")).display(), "email written to a file");
                Ok(())
            }
            Transport::Memory(sent) => {
                let email = SentEmail {
                    kind: email.kind.clone(),
                    recipient: email.recipient.clone(),
                    subject: email.subject.clone(),
                    body_text: email.body_text.clone(),
                    body_html: email.body_html.clone(),
                    raw: String::from_utf8_lossy(&message.formatted()).into_owned(),
                };
                sent.lock().unwrap_or_else(|e| e.into_inner()).push(email);
                Ok(())
            }
        }
    }
}
