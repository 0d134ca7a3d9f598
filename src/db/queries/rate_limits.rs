use crate::db::rows::*;
use crate::db::schema::rate_limit_hits;
use crate::db::{AnyConnection, StorageError};
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

/// Times of the hits on `bucket` since `since`, oldest first.
pub fn hits_since(
    conn: &mut AnyConnection,
    bucket: &str,
    since: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, StorageError> {
    Ok(rate_limit_hits::table
        .filter(rate_limit_hits::bucket.eq(bucket))
        .filter(rate_limit_hits::created_at.gt(naive(since)))
        .order(rate_limit_hits::created_at.asc())
        .select(rate_limit_hits::created_at)
        .load::<chrono::NaiveDateTime>(conn)?
        .into_iter()
        .map(utc)
        .collect())
}

pub fn record(
    conn: &mut AnyConnection,
    bucket: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::insert_into(rate_limit_hits::table)
        .values((
            rate_limit_hits::id.eq(uuid::Uuid::now_v7().to_string()),
            rate_limit_hits::bucket.eq(bucket),
            rate_limit_hits::created_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Hits older than a day count for no limit.
pub fn forget_old(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<usize, StorageError> {
    Ok(diesel::delete(
        rate_limit_hits::table
            .filter(rate_limit_hits::created_at.lt(naive(now - Duration::days(1)))),
    )
    .execute(conn)?)
}
