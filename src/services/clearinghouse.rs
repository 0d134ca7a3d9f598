//! Staff keep a consultation's programme and resources: items added or
//! edited with every field checked, removed, each change in the audit log.

use super::authoring::{changed_fields, check_staff};
use super::ServiceError;
use crate::db::queries::{admin, authoring, consultations, roundtables};
use crate::db::AnyConnection;
use crate::domain::clearinghouse::{
    ProgrammeFields, ProgrammeInput, ResourceFields, ResourceInput,
};
use crate::domain::consultation::{Consultation, ConsultationStatus};
use crate::domain::ids::{ProgrammeItemId, ResourceId, RoundtableId};
use crate::domain::roundtable::{ProgrammeItem, Resource};
use crate::domain::user::SignedInUser;
use crate::domain::InvalidField;
use chrono::{DateTime, Utc};
use serde_json::json;

/// The consultation, writable, and the roundtable a slug names in it.
fn place(
    conn: &mut AnyConnection,
    consultation: &str,
    roundtable: Option<&str>,
    field: &'static str,
) -> Result<(Consultation, Option<RoundtableId>), ServiceError> {
    let (c, _) = authoring::consultation(conn, consultation)?
        .ok_or(ServiceError::NotFound("missing-consultation"))?;
    if c.status == ConsultationStatus::Archived {
        return Err(ServiceError::Conflict("conflict-archived".into()));
    }
    let roundtable = match roundtable {
        None => None,
        Some(slug) => Some(
            roundtables::for_consultation(conn, c.id)?
                .into_iter()
                .find(|r| r.slug.as_str() == slug)
                .map(|r| r.id)
                .ok_or_else(|| InvalidField::new(field, "invalid-roundtable-choice"))?,
        ),
    };
    Ok((c, roundtable))
}

fn audit(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    c: &Consultation,
    action: &str,
    details: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    admin::record_audit(
        conn,
        &actor.id.to_string(),
        "consultation",
        &c.id.to_string(),
        action,
        &details,
        now,
    )?;
    Ok(())
}

/// Adds a programme item, or saves the one `id` names again.
pub fn save_programme_item(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    id: Option<&str>,
    input: &ProgrammeInput,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    check_staff(actor)?;
    let (c, _) = authoring::consultation(conn, consultation)?
        .ok_or(ServiceError::NotFound("missing-consultation"))?;
    let fields = ProgrammeFields::parse(input, c.time_zone).map_err(ServiceError::InvalidFields)?;
    crate::db::write_transaction(conn, |conn| {
        let (c, roundtable) = place(
            conn,
            consultation,
            fields.roundtable.as_deref(),
            "programme_roundtable",
        )?;
        let before = match id {
            Some(id) => Some(
                consultations::whole_programme(conn, c.id)?
                    .into_iter()
                    .find(|item| item.id.to_string() == id)
                    .ok_or(ServiceError::NotFound("missing-programme-item"))?,
            ),
            None => None,
        };
        let item = ProgrammeItem {
            id: before
                .as_ref()
                .map_or_else(ProgrammeItemId::generate, |b| b.id),
            roundtable_id: roundtable,
            starts_at: fields.starts_at,
            ends_at: fields.ends_at,
            title: fields.title.clone(),
            description: fields.description.clone(),
            speakers: fields.speakers.clone(),
        };
        let details = match &before {
            None => {
                let (position, _) = authoring::next_positions(conn, c.id)?;
                consultations::insert_programme_item(conn, c.id, &item, position, now)?;
                json!({ "id": item.id.to_string(), "title": item.title, "starts_at": item.starts_at, "roundtable": fields.roundtable })
            }
            Some(before) => {
                if !authoring::update_programme_item(conn, c.id, &item)? {
                    return Err(ServiceError::NotFound("missing-programme-item"));
                }
                let [old_slug, new_slug] =
                    roundtable_slugs(conn, c.id, [before.roundtable_id, item.roundtable_id])?;
                json!({
                    "id": item.id.to_string(),
                    "title": item.title,
                    "changes": changed_fields(
                        &ProgrammeInput::of(before, c.time_zone, old_slug),
                        &ProgrammeInput::of(&item, c.time_zone, new_slug),
                    ),
                })
            }
        };
        let action = if before.is_some() {
            "programme_item_updated"
        } else {
            "programme_item_added"
        };
        audit(conn, actor, &c, action, details, now)
    })
}

/// Adds a resource, or saves the one `id` names again.
pub fn save_resource(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    id: Option<&str>,
    input: &ResourceInput,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    check_staff(actor)?;
    let fields = ResourceFields::parse(input).map_err(ServiceError::InvalidFields)?;
    crate::db::write_transaction(conn, |conn| {
        let (c, roundtable) = place(
            conn,
            consultation,
            fields.roundtable.as_deref(),
            "resource_roundtable",
        )?;
        let before = match id {
            Some(id) => Some(
                authoring::all_resources(conn, c.id)?
                    .into_iter()
                    .find(|r| r.id.to_string() == id)
                    .ok_or(ServiceError::NotFound("missing-resource"))?,
            ),
            None => None,
        };
        let resource = Resource {
            id: before.as_ref().map_or_else(ResourceId::generate, |b| b.id),
            roundtable_id: roundtable,
            kind: fields.kind,
            title: fields.title.clone(),
            url: fields.url.clone(),
            description: fields.description.clone(),
        };
        let details = match &before {
            None => {
                let (_, position) = authoring::next_positions(conn, c.id)?;
                consultations::insert_resource(conn, c.id, &resource, position, now)?;
                json!({ "id": resource.id.to_string(), "title": resource.title, "url": resource.url, "roundtable": fields.roundtable })
            }
            Some(before) => {
                if !authoring::update_resource(conn, c.id, &resource)? {
                    return Err(ServiceError::NotFound("missing-resource"));
                }
                let [old_slug, new_slug] =
                    roundtable_slugs(conn, c.id, [before.roundtable_id, resource.roundtable_id])?;
                json!({
                    "id": resource.id.to_string(),
                    "title": resource.title,
                    "changes": changed_fields(
                        &ResourceInput::of(before, old_slug),
                        &ResourceInput::of(&resource, new_slug),
                    ),
                })
            }
        };
        let action = if before.is_some() {
            "resource_updated"
        } else {
            "resource_added"
        };
        audit(conn, actor, &c, action, details, now)
    })
}

/// The slugs of roundtables of the consultation (before and after an
/// edit), for the audit trail; None for the whole consultation.
fn roundtable_slugs<const N: usize>(
    conn: &mut AnyConnection,
    consultation: crate::domain::ids::ConsultationId,
    ids: [Option<RoundtableId>; N],
) -> Result<[Option<String>; N], ServiceError> {
    let all = roundtables::for_consultation(conn, consultation)?;
    Ok(ids.map(|id| {
        all.iter()
            .find(|r| Some(r.id) == id)
            .map(|r| r.slug.to_string())
    }))
}

/// What can be removed: a programme item or a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    ProgrammeItem,
    Resource,
}

pub fn remove(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    entry: Entry,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    check_staff(actor)?;
    crate::db::write_transaction(conn, |conn| {
        let (c, _) = place(conn, consultation, None, "entry")?;
        let removed = match entry {
            Entry::ProgrammeItem => authoring::delete_programme_item(conn, c.id, id)?,
            Entry::Resource => authoring::delete_resource(conn, c.id, id)?,
        };
        if !removed {
            return Err(ServiceError::NotFound(match entry {
                Entry::ProgrammeItem => "missing-programme-item",
                Entry::Resource => "missing-resource",
            }));
        }
        let action = match entry {
            Entry::ProgrammeItem => "programme_item_removed",
            Entry::Resource => "resource_removed",
        };
        audit(conn, actor, &c, action, json!({ "id": id }), now)
    })
}
