//! The terms and privacy notice: reading the version in force, staff
//! publishing a new one, and the version a new account accepts.

use super::ServiceError;
use crate::db::queries::terms::{self, TermsRow};
use crate::db::AnyConnection;
use crate::domain::terms::{terms_text, DEFAULT_TERMS};
use crate::domain::user::Actor;
use crate::domain::InvalidField;
use crate::text::{render_document, SafeHtml};
use chrono::{DateTime, Utc};

/// The notice as people read it.
#[derive(Debug, Clone)]
pub struct Terms {
    pub version: i32,
    pub markdown: String,
    pub html: SafeHtml,
    /// None: the text the software ships with, never replaced.
    pub published_at: Option<DateTime<Utc>>,
}

/// The first version is the shipped text, stored once someone accepts it or
/// staff replace it, so that a consent always names a stored text.
const SHIPPED_VERSION: i32 = 1;

fn shipped() -> Terms {
    Terms {
        version: SHIPPED_VERSION,
        markdown: DEFAULT_TERMS.to_owned(),
        html: render_document(DEFAULT_TERMS),
        published_at: None,
    }
}

fn from_row(row: TermsRow) -> Terms {
    Terms {
        version: row.version,
        markdown: row.body_markdown,
        html: SafeHtml::trust_stored_sanitised_html(row.body_html),
        // The shipped text reads as such even once stored.
        published_at: row
            .published_by
            .is_some()
            .then(|| row.published_at.and_utc()),
    }
}

/// The version in force.
pub fn current(conn: &mut AnyConnection) -> Result<Terms, ServiceError> {
    Ok(terms::latest(conn)?.map_or_else(shipped, from_row))
}

/// The version in force, stored if it is still the shipped text: the one a
/// person registering now accepts. Runs in the caller's transaction.
pub fn version_to_accept(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
) -> Result<i32, ServiceError> {
    if let Some(row) = terms::latest(conn)? {
        return Ok(row.version);
    }
    let shipped = shipped();
    // Another instance may store it at the same moment: either is the same text.
    terms::insert(
        conn,
        SHIPPED_VERSION,
        &shipped.markdown,
        &shipped.html,
        now,
        None,
    )?;
    Ok(SHIPPED_VERSION)
}

/// Staff publish a new version; earlier consents keep naming theirs.
/// Returns the new version's number.
pub fn publish(
    conn: &mut AnyConnection,
    who: Actor,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<i32, ServiceError> {
    if !who.staff {
        return Err(ServiceError::Forbidden("forbidden-terms"));
    }
    let markdown = terms_text("body", typed)?;
    let html = render_document(&markdown);
    let by = who.id.to_string();
    crate::db::write_transaction(conn, |conn| {
        let in_force = version_to_accept(conn, now)?;
        let version = in_force + 1;
        if !terms::insert(conn, version, &markdown, &html, now, Some(&by))? {
            // Shown next to the text, which stays as typed.
            return Err(InvalidField::new("body", "conflict-terms-published").into());
        }
        Ok(version)
    })
}

/// What the staff form shows before anything is published: a preview of
/// what was typed, or the reason it cannot be published.
pub fn preview(typed: &str) -> Result<SafeHtml, ServiceError> {
    Ok(render_document(&terms_text("body", typed)?))
}
