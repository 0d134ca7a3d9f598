//! Delivers outbox rows: claim one in a short statement, send it outside any
//! transaction, record the result. A failed send is retried with exponential
//! backoff and jitter; after `max_attempts` the row is dead and waits for staff.

use super::{claim_next, mark_failed, mark_sent, ClaimedEmail};
use crate::db::{AnyConnection, Pool, StorageError};
use crate::mail::Mailer;
use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone)]
pub struct WorkerSettings {
    pub max_attempts: i32,
    pub first_retry: Duration,
    pub longest_retry: Duration,
    /// How long a claim keeps other workers away; longer than any send.
    pub lease: Duration,
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
            lease: Duration::minutes(5),
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
    settings: &WorkerSettings,
    now: DateTime<Utc>,
) -> Result<TaskOutcome, StorageError> {
    let lease = settings.lease;
    let Some(email) = with_connection(pool, move |c| claim_next(c, now, lease)).await? else {
        return Ok(TaskOutcome::EmptyQueue);
    };
    let result = mailer.send(&email).await;
    let id = email.id.clone();
    match result {
        Ok(()) => {
            tracing::info!(kind = %email.kind, domain = email.recipient_domain(), attempts = email.attempts, "email sent");
            let sent_at = Utc::now().max(now);
            with_connection(pool, move |c| mark_sent(c, &email, sent_at)).await?;
            Ok(TaskOutcome::Sent { id })
        }
        Err(error) => {
            let attempts = email.attempts;
            let retry_at = (attempts < settings.max_attempts)
                .then(|| now + retry_delay(settings, attempts, random_spread()));
            tracing::warn!(
                kind = %email.kind, domain = email.recipient_domain(), attempts, %error,
                retry_at = ?retry_at, "email not sent"
            );
            let failed: ClaimedEmail = email;
            with_connection(pool, move |c| mark_failed(c, &failed, &error, retry_at)).await?;
            Ok(match retry_at {
                Some(at) => TaskOutcome::WillRetry { id, attempts, at },
                None => TaskOutcome::Dead { id },
            })
        }
    }
}

/// Runs until `stop` says so: sends what is due, sleeps when nothing is.
pub async fn run(
    pool: Pool,
    mailer: Mailer,
    settings: WorkerSettings,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    tracing::info!(transport = mailer.describe(), "outbox worker started");
    loop {
        if *stop.borrow() {
            break;
        }
        let idle = match try_execute_task(&pool, &mailer, &settings, Utc::now()).await {
            Ok(TaskOutcome::EmptyQueue) => true,
            Ok(_) => false,
            Err(error) => {
                tracing::error!(%error, "outbox worker cannot reach the database");
                true
            }
        };
        if idle {
            tokio::select! {
                _ = tokio::time::sleep(settings.idle_poll) => {}
                _ = stop.changed() => {}
            }
        }
    }
    tracing::info!("outbox worker stopped");
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
