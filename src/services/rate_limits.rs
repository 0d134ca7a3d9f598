use super::ServiceError;
use crate::db::queries::rate_limits;
use crate::db::AnyConnection;
use crate::domain::rate_limit::{check, Limit};
use chrono::{DateTime, Utc};

/// Counts one attempt on `bucket`, or refuses it with the time to wait.
/// Refused attempts are not counted, so waiting is enough to get through.
pub fn hit(
    conn: &mut AnyConnection,
    bucket: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let hits = rate_limits::hits_since(conn, bucket, now - limit.window)?;
    check(limit, &hits, now).map_err(|wait| ServiceError::RateLimited {
        retry_after_seconds: wait.num_seconds().max(1),
    })?;
    rate_limits::record(conn, bucket, now)?;
    Ok(())
}
