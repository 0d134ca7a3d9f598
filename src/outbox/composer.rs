//! Emails composed when they go rather than when they are queued: a batch
//! gathers items until a worker takes it, and only then is written, from
//! the items it holds, in its recipient's language. Composing needs the
//! templates and the links of the services, so the worker is handed a
//! `Composer` and knows nothing of them.

use crate::db::queries::email_batches::{self, BatchToCompose};
use crate::db::queries::outbox::{ClaimedEmail, OutgoingEmail};
use crate::db::{AnyConnection, StorageError};
use chrono::{DateTime, Utc};

pub trait Composer: Send + Sync {
    /// The email of a batch, from its items; None when there is nothing to
    /// tell any more (the recipient's account is closed, or the comments it
    /// told of are gone). Err says why it cannot be composed now; it counts
    /// as a failed attempt, retried as a failed send is.
    fn compose(
        &self,
        conn: &mut AnyConnection,
        batch: &BatchToCompose,
        now: DateTime<Utc>,
    ) -> Result<Option<OutgoingEmail>, String>;
}

/// A claimed email, made ready to send.
pub(super) enum Prepared {
    /// As stored, or as just composed and stored.
    Ready(ClaimedEmail),
    /// Composing failed: a failed attempt, with its reason.
    Failed(String),
    NothingToSend,
    /// The claim ran out while composing and another worker took the batch.
    ClaimLost,
}

/// Composes `claimed` when it is a batch that has not been composed, and
/// stores the composition with the claim, so that a retry sends the same.
pub(super) fn prepare(
    conn: &mut AnyConnection,
    composer: &dyn Composer,
    claimed: ClaimedEmail,
    now: DateTime<Utc>,
) -> Result<Prepared, StorageError> {
    let Some(batch) = email_batches::to_compose(conn, &claimed)? else {
        return Ok(Prepared::Ready(claimed));
    };
    let email = match composer.compose(conn, &batch, now) {
        Ok(Some(email)) => email,
        Ok(None) => return Ok(Prepared::NothingToSend),
        Err(error) => return Ok(Prepared::Failed(error)),
    };
    if !email_batches::store_composed(conn, &claimed, &email, now)? {
        return Ok(Prepared::ClaimLost);
    }
    Ok(Prepared::Ready(ClaimedEmail {
        kind: email.kind,
        recipient: email.recipient,
        subject: email.subject,
        body_text: email.body_text,
        body_html: email.body_html.into_string(),
        headers_json: serde_json::to_string(&email.headers).map_err(StorageError::corrupt)?,
        ..claimed
    }))
}
