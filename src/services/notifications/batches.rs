//! Emails that gather, for one person, what happens over a short while: a
//! chair's waiting comments and an author's decisions. Each batch is one
//! outbox row held until its send time; an item joins the latest batch while
//! no worker has tried to send it, and is otherwise the first of the next
//! one, due when `EmailBatchKind::send_at` says. The email is rendered again
//! from all its items each time one joins, in the transaction of the change
//! that caused it, so the worker sends whatever the batch holds when due.

use crate::db::queries::email_batches::{self, BatchItem, NewBatch, NewBatchItem};
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

/// Adds `item` to `recipient`'s batch of `kind`, and renders the batch
/// again with `render` (given the items listed and how many there are).
pub(super) fn add(
    conn: &mut AnyConnection,
    kind: EmailBatchKind,
    recipient: &Recipient,
    item: &NewBatchItem<'_>,
    now: DateTime<Utc>,
    render: impl Fn(&mut AnyConnection, &[BatchItem], usize) -> Result<OutgoingEmail, ServiceError>,
) -> Result<(), ServiceError> {
    for _ in 0..RACES {
        let latest = email_batches::latest(conn, &recipient.user_id, kind)?;
        let batch = match &latest {
            Some(head) if email_batches::hold(conn, head)? => head.id.clone(),
            _ => {
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
        let (items, total) = email_batches::items(conn, &batch, LISTED_ITEMS as i64)?;
        let email = render(conn, &items, usize::try_from(total).unwrap_or(items.len()))?;
        if !email_batches::rewrite(conn, &batch, &email)? {
            return Err(StorageError::corrupt("a held email batch was taken by a worker").into());
        }
        return Ok(());
    }
    Err(StorageError::corrupt(format!(
        "no {} email batch could be opened or joined after {RACES} tries",
        kind.code()
    ))
    .into())
}
