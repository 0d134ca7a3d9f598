//! Emails that gather several events for one person: each batch is an
//! outbox row held until its send time, with the items it tells of. Whether
//! an item joins the latest batch or opens the next one is decided here, in
//! the caller's transaction, from the database alone, so that every
//! instance decides alike. The outbox worker composes the email from the
//! items once it has taken the batch, and stores what it composed.

use super::outbox::{self, ClaimedEmail, OutgoingEmail};
use crate::db::rows::{naive, parse_code, utc};
use crate::db::schema::{comments, email_batch_items, email_batches};
use crate::db::{
    in_savepoint, insert_unless_taken, write_transaction, AnyConnection, StorageError,
};
use crate::domain::notification::EmailBatchKind;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

/// The latest batch of a kind for one person.
#[derive(Debug, Clone)]
pub struct BatchHead {
    pub id: String,
    /// When it was (or is) due to go.
    pub send_at: DateTime<Utc>,
}

/// The end of the person's chain of batches: the one no batch follows.
/// (Not simply the one due last: instances' clocks may differ, so a batch
/// can be due before the one it follows.)
pub fn latest(
    conn: &mut AnyConnection,
    user: &str,
    kind: EmailBatchKind,
) -> Result<Option<BatchHead>, StorageError> {
    let next = diesel::alias!(email_batches as next_batches);
    // A follower is the same person's and kind's: saying so lets the
    // lookup use the (user_id, kind, follows) key instead of a scan.
    let followed = next
        .filter(
            next.field(email_batches::user_id)
                .eq(email_batches::user_id),
        )
        .filter(next.field(email_batches::kind).eq(email_batches::kind))
        .filter(next.field(email_batches::follows).eq(email_batches::id));
    let row: Option<(String, NaiveDateTime)> = email_batches::table
        .filter(email_batches::user_id.eq(user))
        .filter(email_batches::kind.eq(kind.code()))
        .filter(diesel::dsl::not(diesel::dsl::exists(followed)))
        .order((
            email_batches::send_at.desc(),
            email_batches::created_at.desc(),
            email_batches::id.desc(),
        ))
        .select((email_batches::id, email_batches::send_at))
        .first(conn)
        .optional()?;
    Ok(row.map(|(id, send_at)| BatchHead {
        id,
        send_at: utc(send_at),
    }))
}

/// Keeps the batch open for the caller's transaction; false when a worker
/// has already tried to send it (it may have reached the reader, so it must
/// not change).
pub fn hold(conn: &mut AnyConnection, batch: &BatchHead) -> Result<bool, StorageError> {
    outbox::hold_unsent(conn, &batch.id)
}

pub struct NewBatch<'a> {
    pub user: &'a str,
    pub kind: EmailBatchKind,
    /// The person's latest batch of this kind, if any.
    pub follows: Option<&'a BatchHead>,
    pub send_at: DateTime<Utc>,
    /// What the outbox row says until the worker composes it.
    pub email: &'a OutgoingEmail,
    pub now: DateTime<Utc>,
}

/// Opens the batch that follows `follows`; None when another transaction
/// opened it first (read the latest batch again and join it).
pub fn open(
    conn: &mut AnyConnection,
    batch: &NewBatch<'_>,
) -> Result<Option<String>, StorageError> {
    let id = uuid::Uuid::now_v7().to_string();
    let stored = in_savepoint(conn, |conn| {
        outbox::insert(conn, &id, batch.email, batch.now, batch.send_at)?;
        diesel::insert_into(email_batches::table)
            .values((
                email_batches::id.eq(&id),
                email_batches::user_id.eq(batch.user),
                email_batches::kind.eq(batch.kind.code()),
                email_batches::follows.eq(batch.follows.map_or("", |f| f.id.as_str())),
                email_batches::send_at.eq(naive(batch.send_at)),
                email_batches::created_at.eq(naive(batch.now)),
            ))
            .execute(conn)?;
        Ok(())
    });
    match stored {
        Ok(()) => Ok(Some(id)),
        Err(e) if e.is_unique_violation() => Ok(None),
        Err(e) => Err(e),
    }
}

/// What a batch tells of one comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchItem {
    pub comment_reference: String,
    /// "waiting", or the decision: "published", "rejected", "unpublished".
    pub action: String,
    pub reason: Option<String>,
    pub note: Option<String>,
}

pub struct NewBatchItem<'a> {
    pub comment_id: &'a str,
    pub action: &'a str,
    pub reason: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// Adds an item; the same comment and action twice is kept once.
pub fn add_item(
    conn: &mut AnyConnection,
    batch: &str,
    item: &NewBatchItem<'_>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let insert = diesel::insert_into(email_batch_items::table).values((
        email_batch_items::batch_id.eq(batch),
        email_batch_items::comment_id.eq(item.comment_id),
        email_batch_items::action.eq(item.action),
        email_batch_items::reason.eq(item.reason),
        email_batch_items::note.eq(item.note),
        email_batch_items::created_at.eq(naive(now)),
    ));
    insert_unless_taken(conn, |conn| insert.execute(conn))?;
    Ok(())
}

/// The first `limit` items of a batch in the order they joined, and how
/// many it holds in all.
pub fn items(
    conn: &mut AnyConnection,
    batch: &str,
    limit: i64,
) -> Result<(Vec<BatchItem>, i64), StorageError> {
    let mine = email_batch_items::table.filter(email_batch_items::batch_id.eq(batch));
    let total: i64 = mine.count().get_result(conn)?;
    let rows: Vec<(String, String, Option<String>, Option<String>)> = mine
        .inner_join(comments::table)
        .order((
            email_batch_items::created_at.asc(),
            email_batch_items::comment_id.asc(),
            email_batch_items::action.asc(),
        ))
        .limit(limit)
        .select((
            comments::reference,
            email_batch_items::action,
            email_batch_items::reason,
            email_batch_items::note,
        ))
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|(comment_reference, action, reason, note)| BatchItem {
            comment_reference,
            action,
            reason,
            note,
        })
        .collect();
    Ok((items, total))
}

/// A batch a worker has taken whose email is not composed yet.
#[derive(Debug, Clone)]
pub struct BatchToCompose {
    pub id: String,
    pub user_id: String,
    pub kind: EmailBatchKind,
}

/// The batch behind a claimed outbox row, when it still waits to be
/// composed; None for any other email, and for a batch composed already
/// (a retry sends what was composed the first time).
pub fn to_compose(
    conn: &mut AnyConnection,
    email: &ClaimedEmail,
) -> Result<Option<BatchToCompose>, StorageError> {
    let row: Option<(String, String)> = email_batches::table
        .filter(email_batches::id.eq(&email.id))
        .filter(email_batches::composed_at.is_null())
        .select((email_batches::user_id, email_batches::kind))
        .first(conn)
        .optional()?;
    row.map(|(user_id, kind)| {
        Ok(BatchToCompose {
            id: email.id.clone(),
            user_id,
            kind: parse_code("email batch kind", &kind, EmailBatchKind::from_code)?,
        })
    })
    .transpose()
}

/// Stores the email composed for a claimed batch: false when the claim is
/// gone (its lease ran out and another worker took the batch over), and
/// then nothing changes. Only the holder of the live claim writes, so a
/// batch is composed once.
pub fn store_composed(
    conn: &mut AnyConnection,
    claimed: &ClaimedEmail,
    email: &OutgoingEmail,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    write_transaction(conn, |conn| {
        if !outbox::write_claimed(conn, claimed, email)? {
            return Ok(false);
        }
        diesel::update(email_batches::table.filter(email_batches::id.eq(&claimed.id)))
            .set(email_batches::composed_at.eq(naive(now)))
            .execute(conn)?;
        Ok(true)
    })
}
