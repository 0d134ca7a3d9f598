//! The transactional outbox: every email is first a row, written in the same
//! transaction as the change that caused it, so an email is sent if and only
//! if that change was committed. `worker` delivers the rows.

mod store;
pub mod worker;

use store::{claim_next, mark_failed, mark_sent, renew_claim};
pub use store::{counts, enqueue, ClaimedEmail, EnqueueOutcome, OutboxCounts};

use crate::text::SafeHtml;

/// A rendered email, ready to be stored.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    /// What the email is about ("verify_email", "comment_published", ...), for
    /// logs, metrics and unsubscribe choices.
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: SafeHtml,
    /// Extra headers, such as List-Unsubscribe.
    pub headers: Vec<(String, String)>,
    /// At most one email per key is ever stored: a change retried, or two
    /// chairs deciding at once, sends one email.
    pub dedup_key: Option<String>,
}
