//! Outbox rows in the database. Claiming is backend-specific SQL (PostgreSQL
//! skips rows another worker has locked) and lives only here.

use crate::db::{AnyConnection, StorageError};
use crate::text::SafeHtml;
use chrono::{DateTime, Duration, NaiveDateTime, SubsecRound, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Nullable, Text, Timestamp};

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

#[derive(Debug, PartialEq, Eq)]
pub enum EnqueueOutcome {
    Stored,
    /// An email with the same de-duplication key was already stored.
    AlreadyQueued,
}

fn naive(time: DateTime<Utc>) -> NaiveDateTime {
    time.trunc_subsecs(6).naive_utc()
}

/// Stores an email in the caller's transaction; it will be sent once the
/// transaction commits.
pub fn enqueue(
    conn: &mut AnyConnection,
    email: &OutgoingEmail,
    now: DateTime<Utc>,
) -> Result<EnqueueOutcome, StorageError> {
    let id = uuid::Uuid::now_v7().to_string();
    // A savepoint, so that a duplicate does not abort the caller's transaction.
    match conn.transaction(|conn| insert(conn, &id, email, now, now)) {
        Ok(()) => Ok(EnqueueOutcome::Stored),
        Err(e) if e.is_unique_violation() && email.dedup_key.is_some() => {
            Ok(EnqueueOutcome::AlreadyQueued)
        }
        Err(e) => Err(e),
    }
}

/// Stores an email under `id`, to be sent from `due` on.
pub(crate) fn insert(
    conn: &mut AnyConnection,
    id: &str,
    email: &OutgoingEmail,
    now: DateTime<Utc>,
    due: DateTime<Utc>,
) -> Result<(), StorageError> {
    let headers = serde_json::to_string(&email.headers).map_err(StorageError::corrupt)?;
    diesel::sql_query(
        "INSERT INTO email_outbox (id, kind, recipient, subject, body_text, body_html, headers_json, status, \
         attempts, next_attempt_at, dedup_key, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $9, $10)",
    )
    .bind::<Text, _>(id)
    .bind::<Text, _>(&email.kind)
    .bind::<Text, _>(&email.recipient)
    .bind::<Text, _>(&email.subject)
    .bind::<Text, _>(&email.body_text)
    .bind::<Text, _>(email.body_html.as_str())
    .bind::<Text, _>(headers)
    .bind::<Timestamp, _>(naive(due))
    .bind::<Nullable<Text>, _>(email.dedup_key.as_deref())
    .bind::<Timestamp, _>(naive(now))
    .execute(conn)?;
    Ok(())
}

/// Writes what a claimed email says (a batch the worker has just composed);
/// false when the claim is gone.
pub(crate) fn write_claimed(
    conn: &mut AnyConnection,
    claimed: &ClaimedEmail,
    email: &OutgoingEmail,
) -> Result<bool, StorageError> {
    let headers = serde_json::to_string(&email.headers).map_err(StorageError::corrupt)?;
    let updated = diesel::sql_query(
        "UPDATE email_outbox SET kind = $1, recipient = $2, subject = $3, body_text = $4, body_html = $5, \
         headers_json = $6 WHERE id = $7 AND status = 'sending' AND attempts = $8",
    )
    .bind::<Text, _>(&email.kind)
    .bind::<Text, _>(&email.recipient)
    .bind::<Text, _>(&email.subject)
    .bind::<Text, _>(&email.body_text)
    .bind::<Text, _>(email.body_html.as_str())
    .bind::<Text, _>(headers)
    .bind::<Text, _>(&claimed.id)
    .bind::<Integer, _>(claimed.attempts)
    .execute(conn)?;
    Ok(updated == 1)
}

/// Keeps a batch's email nobody has tried to send yet away from the
/// workers until the caller's transaction ends (on PostgreSQL they skip a
/// locked row; on SQLite the transaction writes alone); false when a worker
/// came first, or the email was composed already (an administrator's retry
/// of a dead batch sets its attempts back to 0: its text must not change).
pub(crate) fn hold_unsent(conn: &mut AnyConnection, id: &str) -> Result<bool, StorageError> {
    let updated = diesel::sql_query(
        "UPDATE email_outbox SET status = 'pending' WHERE id = $1 AND status = 'pending' \
         AND attempts = 0 AND NOT EXISTS (SELECT 1 FROM email_batches b \
         WHERE b.id = email_outbox.id AND b.composed_at IS NOT NULL)",
    )
    .bind::<Text, _>(id)
    .execute(conn)?;
    Ok(updated == 1)
}

/// A row a worker has claimed: nobody else sends it until its claim
/// (`claimed_until`) runs out.
#[derive(Debug, Clone, QueryableByName)]
pub struct ClaimedEmail {
    #[diesel(sql_type = Text)]
    pub id: String,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Text)]
    pub recipient: String,
    #[diesel(sql_type = Text)]
    pub subject: String,
    #[diesel(sql_type = Text)]
    pub body_text: String,
    #[diesel(sql_type = Text)]
    pub body_html: String,
    #[diesel(sql_type = Text)]
    pub headers_json: String,
    /// Counts this attempt; also the claim's token (see `mark_sent`).
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
}

impl ClaimedEmail {
    pub fn headers(&self) -> Vec<(String, String)> {
        serde_json::from_str(&self.headers_json).unwrap_or_default()
    }

    /// For logs: the recipient's domain, never the whole address.
    pub fn recipient_domain(&self) -> &str {
        self.recipient
            .rsplit_once('@')
            .map_or("", |(_, domain)| domain)
    }
}

/// Rows that are due, or whose previous claim expired (a worker died while
/// sending), oldest first. `$2` is now.
const DUE: &str =
    "(status = 'pending' AND next_attempt_at <= $2) OR (status = 'sending' AND claimed_until < $2)";

/// Claims the next due email for `lease`, in one short statement.
pub fn claim_next(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
    lease: Duration,
) -> Result<Option<ClaimedEmail>, StorageError> {
    let pick = match conn {
        AnyConnection::Postgresql(_) => format!(
            "SELECT id FROM email_outbox WHERE {DUE} ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"
        ),
        // SQLite has one writer at a time: the UPDATE below is already exclusive.
        AnyConnection::Sqlite(_) => format!("SELECT id FROM email_outbox WHERE {DUE} ORDER BY next_attempt_at, id LIMIT 1"),
    };
    // Placeholders appear in number order: SQLite numbers them as they appear.
    let claim = format!(
        "UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, claimed_until = $1 \
         WHERE id = ({pick}) \
         RETURNING id, kind, recipient, subject, body_text, body_html, headers_json, attempts"
    );
    let claimed: Vec<ClaimedEmail> = diesel::sql_query(claim)
        .bind::<Timestamp, _>(naive(now + lease))
        .bind::<Timestamp, _>(naive(now))
        .load(conn)?;
    Ok(claimed.into_iter().next())
}

/// Extends the claim of an email still being sent to `until`; false when the
/// claim is gone (the attempt was recorded, or another worker took it over).
pub fn renew_claim(
    conn: &mut AnyConnection,
    email: &ClaimedEmail,
    until: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let updated = diesel::sql_query(
        "UPDATE email_outbox SET claimed_until = $1 WHERE id = $2 AND status = 'sending' AND attempts = $3",
    )
    .bind::<Timestamp, _>(naive(until))
    .bind::<Text, _>(&email.id)
    .bind::<Integer, _>(email.attempts)
    .execute(conn)?;
    Ok(updated == 1)
}

/// Marks a claimed email sent. The attempt number guards against a worker
/// whose lease expired and whose row was claimed again meanwhile.
pub fn mark_sent(
    conn: &mut AnyConnection,
    email: &ClaimedEmail,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let updated = diesel::sql_query(
        "UPDATE email_outbox SET status = 'sent', sent_at = $1, claimed_until = NULL, last_error = NULL \
         WHERE id = $2 AND status = 'sending' AND attempts = $3",
    )
    .bind::<Timestamp, _>(naive(now))
    .bind::<Text, _>(&email.id)
    .bind::<Integer, _>(email.attempts)
    .execute(conn)?;
    Ok(updated == 1)
}

/// Records a failed attempt: back to pending at `retry_at`, or dead when
/// `retry_at` is None. Never deleted.
pub fn mark_failed(
    conn: &mut AnyConnection,
    email: &ClaimedEmail,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<(), StorageError> {
    let (status, next) = match retry_at {
        Some(at) => ("pending", Some(naive(at))),
        None => ("dead", None),
    };
    diesel::sql_query(
        "UPDATE email_outbox SET status = $1, next_attempt_at = COALESCE($2, next_attempt_at), \
         claimed_until = NULL, last_error = $3 WHERE id = $4 AND status = 'sending' AND attempts = $5",
    )
    .bind::<Text, _>(status)
    .bind::<Nullable<Timestamp>, _>(next)
    .bind::<Text, _>(error.chars().take(1000).collect::<String>())
    .bind::<Text, _>(&email.id)
    .bind::<Integer, _>(email.attempts)
    .execute(conn)?;
    Ok(())
}

#[derive(Debug, Default, PartialEq, Eq, QueryableByName)]
pub struct OutboxCounts {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub pending: i64,
    /// When the oldest email not sent yet (pending or being sent) was queued,
    /// or for a batch held back on purpose, when it was due.
    #[diesel(sql_type = Nullable<Timestamp>)]
    pub oldest_unsent: Option<NaiveDateTime>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub sending: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub sent: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub dead: i64,
}

pub fn counts(conn: &mut AnyConnection) -> Result<OutboxCounts, StorageError> {
    Ok(diesel::sql_query(
        "SELECT \
           COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0) AS pending, \
           MIN(CASE WHEN status IN ('pending', 'sending') THEN COALESCE(b.send_at, o.created_at) END) AS oldest_unsent, \
           COALESCE(SUM(CASE WHEN status = 'sending' THEN 1 ELSE 0 END), 0) AS sending, \
           COALESCE(SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END), 0) AS sent, \
           COALESCE(SUM(CASE WHEN status = 'dead' THEN 1 ELSE 0 END), 0) AS dead \
         FROM email_outbox o LEFT JOIN email_batches b ON b.id = o.id",
    )
    .get_result(conn)?)
}
