//! Every save of an outcome (`outcome_revisions`), the published ones
//! numbered as versions with their fingerprint.

use crate::db::rows::{naive, utc};
use crate::db::schema::{consultations, outcome_revisions, roundtable_outcomes, roundtables};
use crate::db::{AnyConnection, StorageError};
use crate::domain::ids::RoundtableId;
use chrono::{DateTime, Utc};
use diesel::prelude::*;

pub struct NewRevision<'a> {
    pub outcome_id: &'a str,
    pub revision: i32,
    pub content_json: &'a str,
    /// None for versions numbered at start-up.
    pub by: Option<&'a str>,
    pub now: DateTime<Utc>,
}

pub fn insert(conn: &mut AnyConnection, new: &NewRevision) -> Result<String, StorageError> {
    let id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(outcome_revisions::table)
        .values((
            outcome_revisions::id.eq(&id),
            outcome_revisions::outcome_id.eq(new.outcome_id),
            outcome_revisions::revision.eq(new.revision),
            outcome_revisions::content_json.eq(new.content_json),
            outcome_revisions::saved_by.eq(new.by),
            outcome_revisions::saved_at.eq(naive(new.now)),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Makes a stored save a published version.
pub fn publish(
    conn: &mut AnyConnection,
    revision_id: &str,
    version: i32,
    content_json: &str,
    fingerprint: &str,
    at: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::update(outcome_revisions::table.find(revision_id))
        .set((
            outcome_revisions::version.eq(Some(version)),
            outcome_revisions::content_json.eq(content_json),
            outcome_revisions::fingerprint.eq(Some(fingerprint)),
            outcome_revisions::published_at.eq(Some(naive(at))),
        ))
        .execute(conn)?;
    Ok(())
}

/// A published version as stored.
#[derive(Debug, Clone)]
pub struct VersionRecord {
    pub version: i32,
    pub content_json: String,
    pub fingerprint: String,
    pub published_at: DateTime<Utc>,
}

type VersionColumns = (
    Option<i32>,
    String,
    Option<String>,
    Option<chrono::NaiveDateTime>,
);

fn record((version, content_json, fingerprint, at): VersionColumns) -> Option<VersionRecord> {
    Some(VersionRecord {
        version: version?,
        content_json,
        fingerprint: fingerprint?,
        published_at: utc(at?),
    })
}

/// The outcome's published versions, the newest first.
pub fn versions(
    conn: &mut AnyConnection,
    outcome_id: &str,
) -> Result<Vec<VersionRecord>, StorageError> {
    let rows: Vec<VersionColumns> = outcome_revisions::table
        .filter(outcome_revisions::outcome_id.eq(outcome_id))
        .filter(outcome_revisions::version.is_not_null())
        .order(outcome_revisions::version.desc())
        .select((
            outcome_revisions::version,
            outcome_revisions::content_json,
            outcome_revisions::fingerprint,
            outcome_revisions::published_at,
        ))
        .load(conn)?;
    Ok(rows.into_iter().filter_map(record).collect())
}

/// How many saves the outcome has kept.
pub fn count_saves(conn: &mut AnyConnection, outcome_id: &str) -> Result<i64, StorageError> {
    Ok(outcome_revisions::table
        .filter(outcome_revisions::outcome_id.eq(outcome_id))
        .count()
        .get_result(conn)?)
}

/// An outcome published before versions were kept: its id, its
/// roundtable's, its revision and its first publication date.
pub type Unnumbered = (String, String, i32, Option<DateTime<Utc>>);

/// The published outcomes that have no version yet.
pub fn published_without_version(
    conn: &mut AnyConnection,
) -> Result<Vec<Unnumbered>, StorageError> {
    let versioned = outcome_revisions::table
        .filter(outcome_revisions::version.is_not_null())
        .select(outcome_revisions::outcome_id);
    let rows: Vec<(String, String, i32, Option<chrono::NaiveDateTime>)> =
        roundtable_outcomes::table
            .filter(roundtable_outcomes::status.eq("published"))
            .filter(roundtable_outcomes::id.ne_all(versioned))
            .select((
                roundtable_outcomes::id,
                roundtable_outcomes::roundtable_id,
                roundtable_outcomes::revision,
                roundtable_outcomes::published_at,
            ))
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, rt, revision, at)| (id, rt, revision, at.map(utc)))
        .collect())
}

/// Where a published version belongs, found by its fingerprint.
#[derive(Debug, Clone)]
pub struct VersionPlace {
    pub consultation_slug: String,
    pub roundtable_slug: String,
    pub roundtable_id: RoundtableId,
    /// "RT 3.2 Strengthening cooperation".
    pub roundtable_title: String,
    pub version: i32,
    pub published_at: DateTime<Utc>,
}

/// The published version of a public consultation's outcome with this
/// fingerprint.
pub fn find_by_fingerprint(
    conn: &mut AnyConnection,
    fingerprint: &str,
) -> Result<Option<VersionPlace>, StorageError> {
    type Row = (
        String,
        String,
        String,
        Option<String>,
        String,
        Option<i32>,
        Option<chrono::NaiveDateTime>,
    );
    let row: Option<Row> = outcome_revisions::table
        .inner_join(roundtable_outcomes::table)
        .inner_join(roundtables::table.on(roundtables::id.eq(roundtable_outcomes::roundtable_id)))
        .inner_join(consultations::table.on(consultations::id.eq(roundtables::consultation_id)))
        .filter(outcome_revisions::fingerprint.eq(fingerprint))
        // Anyone may ask: a withdrawn outcome, or a draft consultation's,
        // is not told of.
        .filter(roundtable_outcomes::status.eq("published"))
        .filter(consultations::status.ne("draft"))
        .select((
            consultations::slug,
            roundtables::slug,
            roundtables::id,
            roundtables::code,
            roundtables::title,
            outcome_revisions::version,
            outcome_revisions::published_at,
        ))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(c, r, id, code, title, version, at)| {
        Some(VersionPlace {
            consultation_slug: c,
            roundtable_slug: r,
            roundtable_id: id.parse().ok()?,
            roundtable_title: match code {
                Some(code) => format!("{code} {title}"),
                None => title,
            },
            version: version?,
            published_at: utc(at?),
        })
    }))
}

/// The numbers and dates of the outcome's versions, the newest first.
pub fn stamps(
    conn: &mut AnyConnection,
    outcome_id: &str,
) -> Result<Vec<(i32, DateTime<Utc>)>, StorageError> {
    let rows: Vec<(Option<i32>, Option<chrono::NaiveDateTime>)> = outcome_revisions::table
        .filter(outcome_revisions::outcome_id.eq(outcome_id))
        .filter(outcome_revisions::version.is_not_null())
        .order(outcome_revisions::version.desc())
        .select((outcome_revisions::version, outcome_revisions::published_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(v, at)| Some((v?, utc(at?))))
        .collect())
}
