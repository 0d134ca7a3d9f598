use super::ServiceError;
use crate::db::queries::rate_limits;
use crate::db::AnyConnection;
use crate::domain::rate_limit::{check, Limit};
use chrono::{DateTime, Utc};

/// Counts one attempt on `bucket`, or refuses it with the time to wait.
/// The attempt is recorded before the others are counted, so simultaneous
/// requests see each other; a refused attempt is taken back, so waiting is
/// enough to get through.
pub fn hit(
    conn: &mut AnyConnection,
    bucket: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let own = rate_limits::record(conn, bucket, now)?;
    let others: Vec<DateTime<Utc>> = rate_limits::hits_since(conn, bucket, now - limit.window)?
        .into_iter()
        .filter(|(id, _)| *id != own)
        .map(|(_, at)| at)
        .collect();
    if let Err(wait) = check(limit, &others, now) {
        rate_limits::forget(conn, &own)?;
        return Err(ServiceError::RateLimited {
            retry_after_seconds: wait.num_seconds().max(1),
        });
    }
    Ok(())
}
