use super::ServiceError;
use crate::db::queries::rate_limits;
use crate::db::{write_transaction, AnyConnection};
use crate::domain::rate_limit::{check, Limit};
use chrono::{DateTime, Utc};

/// One attempt that was let through, so that it can be taken back when it
/// should not count (a sign-in that succeeded).
#[derive(Debug, Clone)]
pub struct Hit(String);

/// Counts one attempt on `bucket`, or refuses it with the time to wait (and
/// records nothing, so waiting is enough to get through). Attempts on one
/// bucket are counted one at a time, until the caller's transaction ends
/// when there is one, so simultaneous requests cannot slip past the limit.
pub fn hit(
    conn: &mut AnyConnection,
    bucket: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<Hit, ServiceError> {
    write_transaction(conn, |conn| {
        rate_limits::lock_bucket(conn, bucket)?;
        let earlier: Vec<DateTime<Utc>> =
            rate_limits::hits_since(conn, bucket, now - limit.window)?
                .into_iter()
                .map(|(_, at)| at)
                .collect();
        if let Err(wait) = check(limit, &earlier, now) {
            return Err(ServiceError::RateLimited {
                retry_after_seconds: wait.num_seconds().max(1),
            });
        }
        Ok(Hit(rate_limits::record(conn, bucket, now)?))
    })
}

/// Takes back an attempt that turned out not to count.
pub fn forget(conn: &mut AnyConnection, hit: &Hit) -> Result<(), ServiceError> {
    Ok(rate_limits::forget(conn, &hit.0)?)
}
