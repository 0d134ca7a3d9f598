//! Emails that gather, for one person, what happens over a short while: a
//! chair's waiting comments and an author's decisions. Each batch is one
//! outbox row held until its send time; an item joins the latest batch while
//! no worker has tried to send it, and is otherwise the first of the next
//! one, due when `EmailBatchKind::send_at` says. The change that causes an
//! item only records it; the outbox worker composes the email from all the
//! batch's items when it takes the batch (see `composer`), so a busy
//! roundtable does not render a growing list on every comment.

use crate::db::queries::email_batches::{self, NewBatch, NewBatchItem};
use crate::db::queries::notifications::Recipient;
use crate::db::{AnyConnection, StorageError};
use crate::domain::notification::EmailBatchKind;
use crate::outbox::OutgoingEmail;
use crate::services::ServiceError;
use crate::text::SafeHtml;
use chrono::{DateTime, Utc};

/// Items listed in one batched email; the rest are counted. Fifty keep the
/// email under the size at which mail clients clip it.
pub(super) const LISTED_ITEMS: usize = 50;

/// How often an item tries again after another instance opened the same
/// batch first: each lost race leaves a batch to join, so two suffice but
/// for a worker taking that batch at the same moment.
const RACES: usize = 5;

/// Adds `item` to `recipient`'s batch of `kind`, opening the next batch
/// when a worker has taken the latest one.
pub(super) fn add(
    conn: &mut AnyConnection,
    kind: EmailBatchKind,
    recipient: &Recipient,
    item: &NewBatchItem<'_>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    for _ in 0..RACES {
        let latest = email_batches::latest(conn, &recipient.user_id, kind)?;
        let batch = match &latest {
            Some(head) if email_batches::hold(conn, head)? => head.id.clone(),
            _ => {
                // What the row says until the worker composes it; never sent.
                let placeholder = OutgoingEmail {
                    kind: kind.code().to_owned(),
                    recipient: recipient.email.clone(),
                    subject: String::new(),
                    body_text: String::new(),
                    body_html: SafeHtml::empty(),
                    headers: Vec::new(),
                    dedup_key: None,
                };
                let opened = email_batches::open(
                    conn,
                    &NewBatch {
                        user: &recipient.user_id,
                        kind,
                        follows: latest.as_ref(),
                        send_at: kind.send_at(latest.as_ref().map(|h| h.send_at), now),
                        email: &placeholder,
                        now,
                    },
                )?;
                match opened {
                    Some(id) => id,
                    // Another instance opened it first: join theirs.
                    None => continue,
                }
            }
        };
        email_batches::add_item(conn, &batch, item, now)?;
        return Ok(());
    }
    Err(StorageError::corrupt(format!(
        "no {} email batch could be opened or joined after {RACES} tries",
        kind.code()
    ))
    .into())
}
