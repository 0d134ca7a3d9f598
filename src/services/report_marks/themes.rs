//! A roundtable's themes as a whole: the list with counts, creating one,
//! renaming and merging. Each change leaves an `audit_log` row about the theme.

use super::access::may_mark;
use crate::db::queries::admin;
use crate::db::queries::report_marks::{self as marks, Renamed, Theme, ThemeCount};
use crate::db::{AnyConnection, StorageError};
use crate::domain::report_marks::ThemeLabel;
use crate::domain::user::Actor;
use crate::domain::InvalidField;
use crate::services::roundtables::{roundtable_detail_as, RoundtableDetail};
use crate::services::ServiceError;
use chrono::{DateTime, Utc};

/// A roundtable and its themes, for its chairs and staff.
pub struct RoundtableThemes {
    pub detail: RoundtableDetail,
    pub themes: Vec<ThemeCount>,
}

fn audit(
    conn: &mut AnyConnection,
    who: Actor,
    theme: &Theme,
    action: &str,
    details: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let mut details = details;
    details["roundtable_id"] = serde_json::Value::from(theme.roundtable_id.clone());
    admin::record_audit(
        conn,
        &who.id.to_string(),
        "theme",
        &theme.id,
        action,
        &details,
        now,
    )?;
    Ok(())
}

/// The theme with this folded label, or a new one (audited), inside the
/// caller's transaction. When another chair creates it concurrently, theirs
/// is used, as if this call had come second.
pub(super) fn find_or_create(
    conn: &mut AnyConnection,
    who: Actor,
    roundtable: &str,
    label: &ThemeLabel,
    now: DateTime<Utc>,
) -> Result<(Theme, bool), ServiceError> {
    let key = label.key();
    if let Some(theme) = marks::theme_by_key(conn, roundtable, &key)? {
        return Ok((theme, false));
    }
    let actor = who.id.to_string();
    let Some(theme) = marks::insert_theme(conn, roundtable, label.as_str(), &key, &actor, now)?
    else {
        let theme = marks::theme_by_key(conn, roundtable, &key)?
            .ok_or_else(|| StorageError::corrupt("a taken theme label cannot be read"))?;
        return Ok((theme, false));
    };
    let details = serde_json::json!({ "label": theme.label });
    audit(conn, who, &theme, "created", details, now)?;
    Ok((theme, true))
}

/// The field error for a label that `other` has already.
fn label_taken(other: &str) -> ServiceError {
    ServiceError::Invalid(InvalidField::new("label", "invalid-theme-taken").with("label", other))
}

/// The roundtable, if the caller chairs it or is staff.
fn chaired(
    conn: &mut AnyConnection,
    who: Actor,
    consultation: &str,
    roundtable: &str,
) -> Result<RoundtableDetail, ServiceError> {
    let detail = roundtable_detail_as(conn, consultation, roundtable, who.staff)?;
    if !may_mark(conn, who, &detail.roundtable.id.to_string())? {
        return Err(ServiceError::Forbidden("forbidden-themes"));
    }
    Ok(detail)
}

pub fn roundtable_themes(
    conn: &mut AnyConnection,
    who: Actor,
    consultation: &str,
    roundtable: &str,
) -> Result<RoundtableThemes, ServiceError> {
    let detail = chaired(conn, who, consultation, roundtable)?;
    let themes = marks::themes_of_roundtable(conn, &detail.roundtable.id.to_string())?;
    Ok(RoundtableThemes { detail, themes })
}

/// A theme of this roundtable by id (404 otherwise).
fn theme_of(
    conn: &mut AnyConnection,
    detail: &RoundtableDetail,
    id: &str,
    field: &'static str,
) -> Result<Theme, ServiceError> {
    match marks::theme(conn, id.trim())? {
        Some(theme) if theme.roundtable_id == detail.roundtable.id.to_string() => Ok(theme),
        _ if field.is_empty() => Err(ServiceError::NotFound("missing-theme")),
        _ => Err(ServiceError::Invalid(InvalidField::new(
            field,
            "invalid-theme-unknown",
        ))),
    }
}

/// Renames a theme; a label another theme has already (once folded) is
/// refused with a message that suggests merging. Returns (before, after).
pub fn rename_theme(
    conn: &mut AnyConnection,
    who: Actor,
    (consultation, roundtable): (&str, &str),
    theme_id: &str,
    label: &str,
    now: DateTime<Utc>,
) -> Result<(Theme, Theme), ServiceError> {
    let detail = chaired(conn, who, consultation, roundtable)?;
    let before = theme_of(conn, &detail, theme_id, "")?;
    let label = ThemeLabel::parse("label", label)?;
    if label.as_str() == before.label {
        return Ok((before.clone(), before));
    }
    crate::db::write_transaction(conn, |conn| {
        let key = label.key();
        if let Some(other) = marks::theme_by_key(conn, &before.roundtable_id, &key)? {
            if other.id != before.id {
                return Err(label_taken(&other.label));
            }
        }
        match marks::rename_theme(conn, &before.id, label.as_str(), &key)? {
            Renamed::Done => {}
            Renamed::Missing => return Err(ServiceError::NotFound("missing-theme")),
            // Another chair gave this label to another theme meanwhile.
            Renamed::LabelTaken => {
                let other = marks::theme_by_key(conn, &before.roundtable_id, &key)?;
                let other = other.map_or_else(|| label.as_str().to_owned(), |t| t.label);
                return Err(label_taken(&other));
            }
        }
        let after = Theme {
            label: label.as_str().to_owned(),
            label_key: label.key(),
            ..before.clone()
        };
        let details = serde_json::json!({ "from": before.label, "to": after.label });
        audit(conn, who, &after, "renamed", details, now)?;
        Ok((before, after))
    })
}

/// Merges theme `from` into `into`: every comment tagged `from` carries
/// `into`, and `from` disappears. Returns both and how many comments `into`
/// gained.
pub fn merge_themes(
    conn: &mut AnyConnection,
    who: Actor,
    (consultation, roundtable): (&str, &str),
    from: &str,
    into: &str,
    now: DateTime<Utc>,
) -> Result<(Theme, Theme, usize), ServiceError> {
    let detail = chaired(conn, who, consultation, roundtable)?;
    let from = theme_of(conn, &detail, from, "")?;
    let into = theme_of(conn, &detail, into, "into")?;
    if from.id == into.id {
        return Err(ServiceError::Invalid(InvalidField::new(
            "into",
            "invalid-theme-merge-itself",
        )));
    }
    let actor = who.id.to_string();
    crate::db::write_transaction(conn, |conn| {
        let mut gained = 0;
        for comment in marks::tagged_with(conn, &from.id)? {
            if marks::tag(conn, &comment, &into.id, &actor, now)? {
                gained += 1;
            }
        }
        marks::delete_theme(conn, &from.id)?;
        let details = serde_json::json!({
            "from": from.label, "from_id": from.id, "into": into.label, "moved": gained,
        });
        audit(conn, who, &into, "merged", details, now)?;
        Ok((from, into, gained))
    })
}
