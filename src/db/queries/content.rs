//! What tells whether a cached page is still true: the content version
//! (bumped by triggers in every transaction that changes what pages show)
//! and the next scheduled moment at which a page's wording changes by
//! itself (a comment period or a meeting opening or closing).

use crate::db::rows::{naive, utc};
use crate::db::schema::{consultations, content_versions, programme_items, roundtables};
use crate::db::{AnyConnection, StorageError};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::dsl::min;
use diesel::prelude::*;

/// The number every change to shown content increases.
pub fn content_version(conn: &mut AnyConnection) -> Result<i64, StorageError> {
    version_of(conn, "content")
}

/// The number changes to consultations, roundtables, their questions,
/// programme, chairs and people increase (not comments nor outcomes).
pub fn setup_version(conn: &mut AnyConnection) -> Result<i64, StorageError> {
    version_of(conn, "setup")
}

fn version_of(conn: &mut AnyConnection, scope: &str) -> Result<i64, StorageError> {
    Ok(content_versions::table
        .find(scope)
        .select(content_versions::version)
        .first(conn)?)
}

/// The earliest schedule time at or after `now` (an opening, a closing, a
/// start or an end); None when nothing is scheduled any more.
pub fn next_scheduled_change(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, StorageError> {
    let from = naive(now);
    let candidates: [Option<NaiveDateTime>; 8] = [
        consultations::table
            .filter(consultations::starts_at.ge(from))
            .select(min(consultations::starts_at))
            .first(conn)?,
        consultations::table
            .filter(consultations::ends_at.ge(from))
            .select(min(consultations::ends_at))
            .first(conn)?,
        roundtables::table
            .filter(roundtables::comments_open_at.ge(from))
            .select(min(roundtables::comments_open_at))
            .first(conn)?,
        roundtables::table
            .filter(roundtables::comments_close_at.ge(from))
            .select(min(roundtables::comments_close_at))
            .first(conn)?,
        roundtables::table
            .filter(roundtables::starts_at.ge(from))
            .select(min(roundtables::starts_at))
            .first(conn)?,
        roundtables::table
            .filter(roundtables::ends_at.ge(from))
            .select(min(roundtables::ends_at))
            .first(conn)?,
        programme_items::table
            .filter(programme_items::starts_at.ge(from))
            .select(min(programme_items::starts_at))
            .first(conn)?,
        programme_items::table
            .filter(programme_items::ends_at.ge(from))
            .select(min(programme_items::ends_at))
            .first(conn)?,
    ];
    let grace_ends = grace_ends_after(conn, now)?;
    Ok(candidates
        .into_iter()
        .flatten()
        .map(utc)
        .chain(grace_ends)
        .min())
}

/// The earliest end of a grace period at or after `now`: when late comments
/// stop, the page's period line changes. The sum of a time and minutes is
/// written differently by each database, so it is done here, over the
/// roundtables whose deadline is at most the longest grace period ago.
fn grace_ends_after(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, StorageError> {
    let longest = chrono::Duration::hours(i64::from(crate::domain::time::MAX_GRACE_HOURS));
    let rows: Vec<(Option<NaiveDateTime>, Option<i32>)> = roundtables::table
        .filter(roundtables::grace_minutes.gt(0))
        .filter(roundtables::comments_close_at.ge(naive(now - longest)))
        .select((roundtables::comments_close_at, roundtables::grace_minutes))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(close, minutes)| {
            Some(utc(close?) + chrono::Duration::minutes(i64::from(minutes?)))
        })
        .filter(|end| *end >= now)
        .min())
}

#[cfg(test)]
mod tests {
    /// Tables whose rows no page or public answer shows: changing them
    /// leaves every kept answer true.
    const NOT_SHOWN: [&str; 16] = [
        "content_versions",
        "email_outbox",
        "email_batches",
        "email_batch_items",
        "audit_log",
        "sessions",
        "one_time_tokens",
        "rate_limit_hits",
        "email_opt_outs",
        "api_tokens",
        "roundtable_visits",
        "site_secrets",
        // Changes only with the comments it indexes, which bump; a rebuild
        // bumps the version itself.
        "search_documents",
        "roundtable_followers",
        "digest_files",
        // Only emails are made from them.
        "follower_announcements",
    ];

    fn tables_in_schema() -> Vec<String> {
        let schema = include_str!("../schema.rs");
        schema
            .split("diesel::table! {")
            .skip(1)
            .filter_map(|block| block.split_whitespace().next().map(str::to_owned))
            .collect()
    }

    /// A new table must be either bumping the content version (in a new
    /// migration) or listed above as not shown.
    #[test]
    fn every_shown_table_bumps_the_content_version_on_both_backends() {
        let sqlite = [
            include_str!("../../../migrations/sqlite/2026-12-06-120000_content_version/up.sql"),
            include_str!("../../../migrations/sqlite/2026-12-06-150000_report_trail/up.sql"),
        ]
        .concat();
        let postgres = [
            include_str!("../../../migrations/postgres/2026-12-06-120000_content_version/up.sql"),
            include_str!("../../../migrations/postgres/2026-12-06-150000_report_trail/up.sql"),
        ]
        .concat();
        let tables = tables_in_schema();
        assert!(tables.len() > 20, "the schema was read: {tables:?}");
        for table in tables.iter().filter(|t| !NOT_SHOWN.contains(&t.as_str())) {
            for op in ["INSERT", "UPDATE", "DELETE"] {
                assert!(
                    sqlite.contains(&format!("AFTER {op} ON {table}\n")),
                    "SQLite: {op} on {table} bumps the version"
                );
            }
            assert!(
                postgres.contains(&format!("AFTER INSERT OR UPDATE OR DELETE ON {table}\n")),
                "PostgreSQL: {table} bumps the version"
            );
        }
    }
}
