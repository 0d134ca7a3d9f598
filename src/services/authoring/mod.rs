//! Staff set up consultations and roundtables in the browser: every field
//! checked, slugs made from titles and kept unique, old slugs redirected,
//! questions retired rather than removed once comments use them, and
//! every change recorded in the audit trail.

mod chairs;
mod consultation;
mod questions;
mod roundtable;

pub use chairs::*;
pub use consultation::*;
pub use roundtable::*;

use super::ServiceError;
use crate::db::queries::admin::{self};
use crate::db::queries::authoring;
use crate::db::AnyConnection;
use crate::domain::authoring::*;
use crate::domain::consultation::{Consultation, ConsultationStatus};
use crate::domain::slug::Slug;
use crate::domain::user::{Role, SignedInUser};
use crate::domain::InvalidField;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;

pub(super) fn require_staff(actor: &SignedInUser) -> Result<(), ServiceError> {
    match actor.role {
        Role::Admin | Role::Staff => Ok(()),
        Role::Participant => Err(ServiceError::Forbidden("forbidden-authoring")),
    }
}

pub(super) fn audit(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    entity: &str,
    id: &str,
    action: &str,
    details: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    admin::record_audit(
        conn,
        &actor.id.to_string(),
        entity,
        id,
        action,
        &details,
        now,
    )?;
    Ok(())
}

/// What a save changed, field by field: `{"title": {"from": …, "to": …}}`.
/// Both sides are read back from storage, so only real changes show, not
/// spaces or line endings as typed.
pub(super) fn changed_fields(before: &impl Serialize, after: &impl Serialize) -> serde_json::Value {
    let (serde_json::Value::Object(before), serde_json::Value::Object(after)) = (
        serde_json::to_value(before).unwrap_or_default(),
        serde_json::to_value(after).unwrap_or_default(),
    ) else {
        return json!({});
    };
    let changed: serde_json::Map<String, serde_json::Value> = after
        .into_iter()
        .filter_map(|(field, to)| {
            let from = before.get(&field).cloned().unwrap_or_default();
            (from != to).then(|| (field, json!({ "from": from, "to": to })))
        })
        .collect();
    serde_json::Value::Object(changed)
}

/// Words the addresses use for pages of their own (/admin/consultations/new,
/// /c/{c}/export, /c/{c}/{r}/outcome …).
const RESERVED_SLUGS: &[&str] = &[
    "new",
    "export",
    "outcome",
    "audit",
    "comments",
    "calendar-ics",
    "feed-atom",
    "roundtables",
];

/// A free slug: the typed one (refused if taken) or one made from the
/// title, numbered if need be.
pub(super) fn choose_slug(
    typed: Option<Slug>,
    title: &str,
    taken: &mut dyn FnMut(&str) -> Result<bool, ServiceError>,
) -> Result<Slug, ServiceError> {
    if let Some(slug) = typed {
        if RESERVED_SLUGS.contains(&slug.as_str()) {
            return Err(InvalidField::new("slug", "invalid-slug-reserved")
                .with("slug", slug.as_str())
                .into());
        }
        if taken(slug.as_str())? {
            return Err(InvalidField::new("slug", "invalid-slug-taken")
                .with("slug", slug.as_str())
                .into());
        }
        return Ok(slug);
    }
    let mut base = slug_from_title(title);
    if RESERVED_SLUGS.contains(&base.as_str()) {
        base.push_str("-1");
    }
    for n in 1..1000 {
        let candidate = if n == 1 {
            base.clone()
        } else {
            let suffix = format!("-{n}");
            let cut = base.len().min(Slug::MAX_LEN - suffix.len());
            format!("{}{suffix}", base[..cut].trim_end_matches('-'))
        };
        if !taken(&candidate)? {
            return Ok(Slug::parse("slug", &candidate)?);
        }
    }
    Err(InvalidField::new("slug", "invalid-slug-exhausted").into())
}

/// Refuses anyone but staff (for what needs no database, such as a preview).
pub fn check_staff(actor: &SignedInUser) -> Result<(), ServiceError> {
    require_staff(actor)
}

pub fn list(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
) -> Result<Vec<Consultation>, ServiceError> {
    require_staff(actor)?;
    Ok(authoring::all_consultations(conn)?)
}

pub(super) fn find(
    conn: &mut AnyConnection,
    slug: &str,
) -> Result<(Consultation, String), ServiceError> {
    authoring::consultation(conn, slug)?.ok_or(ServiceError::NotFound("missing-consultation"))
}

pub(super) fn writable(c: &Consultation) -> Result<(), ServiceError> {
    if c.status == ConsultationStatus::Archived {
        return Err(ServiceError::Conflict("conflict-archived".into()));
    }
    Ok(())
}
