use crate::db::rows::*;
use crate::db::schema::rate_limit_hits;
use crate::db::{AnyConnection, StorageError};
use chrono::{DateTime, Utc};
use diesel::prelude::*;

/// (id, time) of the hits on `bucket` since `since`, oldest first.
pub fn hits_since(
    conn: &mut AnyConnection,
    bucket: &str,
    since: DateTime<Utc>,
) -> Result<Vec<(String, DateTime<Utc>)>, StorageError> {
    Ok(rate_limit_hits::table
        .filter(rate_limit_hits::bucket.eq(bucket))
        .filter(rate_limit_hits::created_at.gt(naive(since)))
        .order((rate_limit_hits::created_at.asc(), rate_limit_hits::id.asc()))
        .select((rate_limit_hits::id, rate_limit_hits::created_at))
        .load::<(String, chrono::NaiveDateTime)>(conn)?
        .into_iter()
        .map(|(id, at)| (id, utc(at)))
        .collect())
}

/// Records a hit and returns its id.
pub fn record(
    conn: &mut AnyConnection,
    bucket: &str,
    now: DateTime<Utc>,
) -> Result<String, StorageError> {
    let id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(rate_limit_hits::table)
        .values((
            rate_limit_hits::id.eq(&id),
            rate_limit_hits::bucket.eq(bucket),
            rate_limit_hits::created_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Takes back a hit that was refused.
pub fn forget(conn: &mut AnyConnection, id: &str) -> Result<(), StorageError> {
    diesel::delete(rate_limit_hits::table.filter(rate_limit_hits::id.eq(id))).execute(conn)?;
    Ok(())
}

/// Makes attempts on one bucket wait for each other until the caller's
/// transaction ends, so that counting and recording are exact under
/// concurrency. PostgreSQL's READ COMMITTED transactions do not see each
/// other's uncommitted hits, hence a transaction-scoped advisory lock keyed
/// by the bucket; SQLite's write transactions are already one at a time.
pub fn lock_bucket(conn: &mut AnyConnection, bucket: &str) -> Result<(), StorageError> {
    if let AnyConnection::Postgresql(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind::<diesel::sql_types::Text, _>(bucket)
            .execute(pg)?;
    }
    Ok(())
}
