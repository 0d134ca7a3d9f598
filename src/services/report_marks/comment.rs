//! One comment's marks: its relevance and its themes.

use super::access::may_mark;
use crate::db::queries::comments::{self, CommentRecord};
use crate::db::queries::moderation::{self, EventRecord};
use crate::db::queries::report_marks::{self as marks, Theme, ThemeCount};
use crate::db::AnyConnection;
use crate::domain::report_marks::{may_mark_relevance, Relevance, ThemeLabel};
use crate::domain::user::Actor;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};

/// A comment's marks as its chairs see them.
#[derive(Debug, Clone)]
pub struct CommentMarks {
    pub record: CommentRecord,
    /// As stored: a withdrawn comment keeps its mark, but does not count.
    pub relevance: Relevance,
    pub themes: Vec<Theme>,
    /// Every theme of its roundtable, for choosing one.
    pub roundtable_themes: Vec<ThemeCount>,
}

impl CommentMarks {
    pub fn may_mark_relevance(&self) -> bool {
        may_mark_relevance(self.record.comment.status).is_ok()
    }
}

/// The comment, if it exists (404) and the caller chairs its roundtable (403).
fn markable(
    conn: &mut AnyConnection,
    who: Actor,
    reference: &str,
) -> Result<CommentRecord, ServiceError> {
    let record = comments::find_by_reference(conn, reference.trim())?
        .ok_or(ServiceError::NotFound("missing-comment"))?;
    if !may_mark(conn, who, &record.comment.roundtable_id.to_string())? {
        return Err(ServiceError::Forbidden("forbidden-not-chair"));
    }
    Ok(record)
}

/// A comment's relevance and themes, for its chairs and staff.
pub fn marks_of(
    conn: &mut AnyConnection,
    who: Actor,
    reference: &str,
) -> Result<CommentMarks, ServiceError> {
    let record = markable(conn, who, reference)?;
    let id = record.comment.id.to_string();
    let ids = [id.clone()];
    let relevance = Relevance::of(marks::relevance_of(conn, &ids)?.get(&id).copied());
    let themes = marks::themes_of_comments(conn, &ids)?
        .remove(&id)
        .unwrap_or_default();
    let roundtable_themes =
        marks::themes_of_roundtable(conn, &record.comment.roundtable_id.to_string())?;
    Ok(CommentMarks {
        record,
        relevance,
        themes,
        roundtable_themes,
    })
}

/// The same, or None when the caller may not mark this comment: for pages
/// that show the marks only to those who may change them.
pub fn marks_if_allowed(
    conn: &mut AnyConnection,
    who: Actor,
    reference: &str,
) -> Result<Option<CommentMarks>, ServiceError> {
    match marks_of(conn, who, reference) {
        Ok(marks) => Ok(Some(marks)),
        Err(ServiceError::Forbidden(_) | ServiceError::NotFound(_)) => Ok(None),
        Err(other) => Err(other),
    }
}

fn event(
    conn: &mut AnyConnection,
    record: &CommentRecord,
    who: Actor,
    action: &str,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let actor = who.id.to_string();
    moderation::record_event(
        conn,
        &EventRecord {
            comment: record.comment.id,
            actor: Some(&actor),
            action,
            from: None,
            to: None,
            reason: None,
            note,
            at: now,
        },
    )?;
    Ok(())
}

/// Retains a published comment for the report, or not. Returns the
/// decision and whether it changed anything (the same decision twice
/// leaves one audit row).
pub fn set_relevance(
    conn: &mut AnyConnection,
    who: Actor,
    reference: &str,
    decision: &str,
    now: DateTime<Utc>,
) -> Result<(String, Relevance, bool), ServiceError> {
    let relevance = Relevance::parse_decision("relevance", decision)?;
    let record = markable(conn, who, reference)?;
    may_mark_relevance(record.comment.status)?;
    let retained = relevance == Relevance::Retained;
    let changed = crate::db::write_transaction(conn, |conn| -> Result<bool, ServiceError> {
        let id = record.comment.id.to_string();
        let changed = marks::set_relevance(conn, &id, retained, &who.id.to_string(), now)?;
        if changed {
            event(conn, &record, who, relevance.code(), None, now)?;
        }
        Ok(changed)
    })?;
    Ok((record.comment.reference, relevance, changed))
}

/// What tagging did: the theme, whether it was created for this, and
/// whether the comment carried it already.
#[derive(Debug, Clone)]
pub struct Tagged {
    pub reference: String,
    pub theme: Theme,
    pub created: bool,
    pub tagged: bool,
}

/// Tags a comment with a theme of its roundtable by label, creating the
/// theme when no theme has this folded label yet.
pub fn add_theme(
    conn: &mut AnyConnection,
    who: Actor,
    reference: &str,
    label: &str,
    now: DateTime<Utc>,
) -> Result<Tagged, ServiceError> {
    let label = ThemeLabel::parse("theme", label)?;
    let record = markable(conn, who, reference)?;
    let roundtable = record.comment.roundtable_id.to_string();
    crate::db::write_transaction(conn, |conn| -> Result<Tagged, ServiceError> {
        let (theme, created) = super::themes::find_or_create(conn, who, &roundtable, &label, now)?;
        let id = record.comment.id.to_string();
        let tagged = marks::tag(conn, &id, &theme.id, &who.id.to_string(), now)?;
        if tagged {
            event(conn, &record, who, "theme_added", Some(&theme.label), now)?;
        }
        Ok(Tagged {
            reference: record.comment.reference.clone(),
            theme,
            created,
            tagged,
        })
    })
}

/// Removes a theme (by id) from a comment; 404 when the comment does not carry it.
pub fn remove_theme(
    conn: &mut AnyConnection,
    who: Actor,
    reference: &str,
    theme_id: &str,
    now: DateTime<Utc>,
) -> Result<(String, Theme), ServiceError> {
    let record = markable(conn, who, reference)?;
    crate::db::write_transaction(conn, |conn| -> Result<_, ServiceError> {
        let theme = marks::theme(conn, theme_id.trim())?
            .filter(|t| t.roundtable_id == record.comment.roundtable_id.to_string())
            .ok_or(ServiceError::NotFound("missing-theme"))?;
        if !marks::untag(conn, &record.comment.id.to_string(), &theme.id)? {
            return Err(ServiceError::NotFound("missing-comment-theme"));
        }
        event(conn, &record, who, "theme_removed", Some(&theme.label), now)?;
        Ok((record.comment.reference.clone(), theme))
    })
}
