//! The published versions of the terms and privacy notice.

use crate::db::schema::terms_versions;
use crate::db::{AnyConnection, StorageError};
use crate::text::SafeHtml;
use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable)]
pub struct TermsRow {
    pub version: i32,
    pub body_markdown: String,
    pub body_html: String,
    pub published_at: NaiveDateTime,
    /// None: the text the software ships with, stored when first accepted.
    pub published_by: Option<String>,
}

/// The version in force: the newest.
pub fn latest(conn: &mut AnyConnection) -> Result<Option<TermsRow>, StorageError> {
    Ok(terms_versions::table
        .select((
            terms_versions::version,
            terms_versions::body_markdown,
            terms_versions::body_html,
            terms_versions::published_at,
            terms_versions::published_by,
        ))
        .order(terms_versions::version.desc())
        .first(conn)
        .optional()?)
}

/// Stores a version; false when that number is taken already (another
/// instance stored the same version first).
pub fn insert(
    conn: &mut AnyConnection,
    version: i32,
    markdown: &str,
    html: &SafeHtml,
    published_at: DateTime<Utc>,
    published_by: Option<&str>,
) -> Result<bool, StorageError> {
    let insert = diesel::insert_into(terms_versions::table).values((
        terms_versions::version.eq(version),
        terms_versions::body_markdown.eq(markdown),
        terms_versions::body_html.eq(html.as_str()),
        terms_versions::published_at.eq(published_at.trunc_subsecs(6).naive_utc()),
        terms_versions::published_by.eq(published_by),
    ));
    crate::db::insert_unless_taken(conn, |conn| insert.execute(conn))
}
