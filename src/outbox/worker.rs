//! Delivers outbox rows: claim one in a short statement, send it outside any
//! transaction, record the result. A failed send is retried with exponential
//! backoff and jitter; after `max_attempts` the row is dead and waits for staff.
//!
//! A claim is a short lease, renewed while the send is in flight: when a
//! worker dies mid-send, its email is taken over within seconds, not minutes.
//! Several emails are in flight at once, each attempt bounded by a timeout,
//! so one wedged relay connection does not hold up the rest. Delivery stays
//! at least once: an email whose sender died after the relay took it is sent
//! again, with the same Message-ID.
//!
//! A batch (see `db::queries::email_batches`) is composed by the worker that
//! takes it, from the items it holds by then, and stored so composed: a
//! retry sends that same text, and items that join later open the next batch.

use super::composer::{prepare, Composer, Prepared};
use crate::db::queries::outbox::{claim_next, mark_failed, mark_sent, renew_claim, ClaimedEmail};
use crate::db::{AnyConnection, Pool, StorageError};
use crate::mail::{Email, Mailer};
use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;
use tokio::task::JoinSet;

#[derive(Debug, Clone)]
pub struct WorkerSettings {
    pub max_attempts: i32,
    pub first_retry: Duration,
    pub longest_retry: Duration,
    /// How long a claim keeps other workers away unless renewed; renewed
    /// every third of it while the send is in flight. It bounds how long the
    /// email of a worker that died waits for another one.
    pub lease: Duration,
    /// How long one attempt may take before it is given up and retried.
    pub attempt_timeout: std::time::Duration,
    /// How many emails are sent at once.
    pub concurrency: usize,
    /// How long to sleep when nothing is due.
    pub idle_poll: std::time::Duration,
}

impl Default for WorkerSettings {
    /// 30 s, 1, 2, 4 ... minutes, at most an hour apart: twelve tries span
    /// about six hours, so an SMTP outage of an hour loses nothing.
    fn default() -> Self {
        Self {
            max_attempts: 12,
            first_retry: Duration::seconds(30),
            longest_retry: Duration::hours(1),
            lease: Duration::seconds(15),
            attempt_timeout: std::time::Duration::from_secs(30),
            concurrency: 4,
            idle_poll: std::time::Duration::from_secs(2),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskOutcome {
    EmptyQueue,
    Sent {
        id: String,
    },
    WillRetry {
        id: String,
        attempts: i32,
        at: DateTime<Utc>,
    },
    Dead {
        id: String,
    },
    /// The claim ran out while the batch was being composed, and another
    /// worker took it over: this one sends nothing.
    TakenOver {
        id: String,
    },
}

/// The delay before the next try after `attempts` failed ones: doubling from
/// `first_retry`, capped at `longest_retry`, then spread by ±20% (`spread` is
/// in [0, 1)) so that many failures do not retry in lockstep.
pub fn retry_delay(settings: &WorkerSettings, attempts: i32, spread: f64) -> Duration {
    let doublings = (attempts.max(1) - 1).min(30) as u32;
    let base = settings
        .first_retry
        .num_milliseconds()
        .saturating_mul(1_i64 << doublings.min(20));
    let capped = base.min(settings.longest_retry.num_milliseconds());
    let factor = 0.8 + 0.4 * spread.clamp(0.0, 1.0);
    Duration::milliseconds((capped as f64 * factor) as i64)
}

fn random_spread() -> f64 {
    let bytes = uuid::Uuid::new_v4().into_bytes();
    f64::from(u16::from_le_bytes([bytes[0], bytes[1]])) / 65536.0
}

async fn with_connection<T: Send + 'static>(
    pool: &Pool,
    work: impl FnOnce(&mut AnyConnection) -> Result<T, StorageError> + Send + 'static,
) -> Result<T, StorageError> {
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || work(&mut *pool.get()?))
        .await
        .map_err(|e| StorageError::corrupt(format!("database task failed: {e}")))?
}

/// One step of the worker, callable by tests: claims at most one due email
/// and tries to send it.
pub async fn try_execute_task(
    pool: &Pool,
    mailer: &Mailer,
    composer: &Arc<dyn Composer>,
    settings: &WorkerSettings,
    now: DateTime<Utc>,
) -> Result<TaskOutcome, StorageError> {
    match claim(pool, settings, now).await? {
        None => Ok(TaskOutcome::EmptyQueue),
        Some(email) => deliver(pool, mailer, composer, settings, email, now).await,
    }
}

async fn claim(
    pool: &Pool,
    settings: &WorkerSettings,
    now: DateTime<Utc>,
) -> Result<Option<ClaimedEmail>, StorageError> {
    let lease = settings.lease;
    with_connection(pool, move |c| claim_next(c, now, lease)).await
}

/// Sends a claimed email (composed first if it is a batch), renewing its
/// claim meanwhile, and records what happened. `now` is when it was claimed.
async fn deliver(
    pool: &Pool,
    mailer: &Mailer,
    composer: &Arc<dyn Composer>,
    settings: &WorkerSettings,
    claimed: ClaimedEmail,
    now: DateTime<Utc>,
) -> Result<TaskOutcome, StorageError> {
    // Renewed until the result is recorded, so no other worker takes the
    // email over between the relay's answer and our record of it.
    let _heartbeat = AbortOnDrop(tokio::spawn(keep_claim(
        pool.clone(),
        claimed.clone(),
        now,
        settings.lease,
    )));
    let id = claimed.id.clone();
    let composer = composer.clone();
    let prepared = with_connection(pool, {
        let claimed = claimed.clone();
        move |c| prepare(c, composer.as_ref(), claimed, now)
    })
    .await?;
    let result = match prepared {
        Prepared::Ready(email) => send(mailer, settings, email).await,
        Prepared::Failed(error) => Err((claimed, error)),
        Prepared::NothingToSend => {
            tracing::info!(kind = %claimed.kind, "an email batch has nothing left to tell");
            let reason = "nothing to send: the recipient's account is closed, or the comments it told of are gone";
            with_connection(pool, move |c| mark_failed(c, &claimed, reason, None)).await?;
            return Ok(TaskOutcome::Dead { id });
        }
        Prepared::ClaimLost => {
            tracing::warn!(kind = %claimed.kind, "the claim of an email batch ran out while it was composed");
            return Ok(TaskOutcome::TakenOver { id });
        }
    };
    record(pool, settings, result, now).await
}

/// One attempt at sending, bounded by the attempt timeout: the email sent,
/// or the email and why it was not.
async fn send(
    mailer: &Mailer,
    settings: &WorkerSettings,
    email: ClaimedEmail,
) -> Result<ClaimedEmail, (ClaimedEmail, String)> {
    let limit = settings.attempt_timeout;
    // Each attempt is an SMTP conversation on its own connection, so giving
    // up here closes it rather than leaving it half-spoken for the next email.
    match tokio::time::timeout(limit, mailer.send(&email_of(&email))).await {
        Ok(Ok(())) => Ok(email),
        Ok(Err(error)) => Err((email, error)),
        Err(_) => Err((
            email,
            format!(
                "gave up: no answer from the mail server within {} s",
                limit.as_secs_f64()
            ),
        )),
    }
}

/// Records an attempt: sent, or failed and retried later, or dead.
async fn record(
    pool: &Pool,
    settings: &WorkerSettings,
    result: Result<ClaimedEmail, (ClaimedEmail, String)>,
    now: DateTime<Utc>,
) -> Result<TaskOutcome, StorageError> {
    match result {
        Ok(email) => {
            let id = email.id.clone();
            tracing::info!(kind = %email.kind, domain = email.recipient_domain(), attempts = email.attempts, "email sent");
            let sent_at = Utc::now().max(now);
            with_connection(pool, move |c| mark_sent(c, &email, sent_at)).await?;
            Ok(TaskOutcome::Sent { id })
        }
        Err((email, error)) => {
            let id = email.id.clone();
            let attempts = email.attempts;
            let retry_at = (attempts < settings.max_attempts)
                .then(|| now + retry_delay(settings, attempts, random_spread()));
            tracing::warn!(
                kind = %email.kind, domain = email.recipient_domain(), attempts, %error,
                retry_at = ?retry_at, "email not sent"
            );
            with_connection(pool, move |c| mark_failed(c, &email, &error, retry_at)).await?;
            Ok(match retry_at {
                Some(at) => TaskOutcome::WillRetry { id, attempts, at },
                None => TaskOutcome::Dead { id },
            })
        }
    }
}

fn email_of(row: &ClaimedEmail) -> Email {
    Email {
        message_id: row.id.clone(),
        kind: row.kind.clone(),
        recipient: row.recipient.clone(),
        subject: row.subject.clone(),
        body_text: row.body_text.clone(),
        body_html: row.body_html.clone(),
        headers: row.headers(),
    }
}

/// Renews the claim every third of the lease until aborted or the claim is
/// gone. Times count from the claim's `claimed_at`, as the claim did.
async fn keep_claim(pool: Pool, email: ClaimedEmail, claimed_at: DateTime<Utc>, lease: Duration) {
    let started = std::time::Instant::now();
    let every = (lease / 3)
        .to_std()
        .unwrap_or_default()
        .max(std::time::Duration::from_millis(100));
    loop {
        tokio::time::sleep(every).await;
        let elapsed = Duration::from_std(started.elapsed()).unwrap_or_default();
        let until = claimed_at + elapsed + lease;
        let email = email.clone();
        match with_connection(&pool, move |c| renew_claim(c, &email, until)).await {
            Ok(true) => {}
            Ok(false) => return,
            Err(error) => tracing::warn!(%error, "cannot renew the claim of an email being sent"),
        }
    }
}

struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Runs until `stop` says so: keeps up to `concurrency` emails in flight,
/// sleeps when nothing is due, and on stop finishes the emails in flight
/// (each within the attempt timeout) without claiming more.
pub async fn run(
    pool: Pool,
    mailer: Mailer,
    composer: Arc<dyn Composer>,
    settings: WorkerSettings,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    tracing::info!(
        transport = mailer.describe(),
        concurrency = settings.concurrency,
        "outbox worker started"
    );
    let mut in_flight = JoinSet::new();
    loop {
        if *stop.borrow() {
            break;
        }
        let mut idle = false;
        while in_flight.len() < settings.concurrency.max(1) {
            let now = Utc::now();
            match claim(&pool, &settings, now).await {
                Ok(Some(email)) => {
                    let (pool, mailer, composer, settings) = (
                        pool.clone(),
                        mailer.clone(),
                        composer.clone(),
                        settings.clone(),
                    );
                    in_flight.spawn(async move {
                        deliver(&pool, &mailer, &composer, &settings, email, now).await
                    });
                }
                Ok(None) => {
                    idle = true;
                    break;
                }
                Err(error) => {
                    tracing::error!(%error, "outbox worker cannot reach the database");
                    idle = true;
                    break;
                }
            }
        }
        tokio::select! {
            Some(done) = in_flight.join_next(), if !in_flight.is_empty() => report(done),
            _ = tokio::time::sleep(settings.idle_poll), if idle => {}
            changed = stop.changed() => if changed.is_err() { break },
        }
    }
    while let Some(done) = in_flight.join_next().await {
        report(done);
    }
    tracing::info!("outbox worker stopped");
}

fn report(done: Result<Result<TaskOutcome, StorageError>, tokio::task::JoinError>) {
    match done {
        Ok(Ok(_)) => {}
        Ok(Err(error)) => {
            tracing::error!(%error, "outbox worker cannot record a delivery attempt")
        }
        Err(error) => tracing::error!(%error, "an email delivery task failed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_exponentially_up_to_a_cap() {
        let settings = WorkerSettings::default();
        let middle = |attempts| retry_delay(&settings, attempts, 0.5);
        assert_eq!(middle(1), Duration::seconds(30));
        assert_eq!(middle(2), Duration::seconds(60));
        assert_eq!(middle(5), Duration::minutes(8));
        assert_eq!(middle(12), Duration::hours(1));
        assert_eq!(middle(40), Duration::hours(1));
    }

    #[test]
    fn jitter_spreads_retries_by_a_fifth() {
        let settings = WorkerSettings::default();
        assert_eq!(retry_delay(&settings, 1, 0.0), Duration::seconds(24));
        assert!(retry_delay(&settings, 1, 0.999) < Duration::seconds(36));
    }

    #[test]
    fn the_default_schedule_outlasts_an_hour_long_outage() {
        let settings = WorkerSettings::default();
        let total: Duration = (1..settings.max_attempts)
            .map(|n| retry_delay(&settings, n, 0.0))
            .sum();
        assert!(total > Duration::hours(4), "{total}");
    }
}
