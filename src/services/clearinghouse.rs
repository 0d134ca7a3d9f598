//! Staff keep a consultation's programme and resources: items added with
//! every field checked, removed, each change in the audit log.

use super::authoring::check_staff;
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
use diesel::Connection;
use serde_json::json;

/// The consultation, writable, and the roundtable a slug names in it.
fn place(
    conn: &mut AnyConnection,
    consultation: &str,
    roundtable: Option<&str>,
    field: &'static str,
) -> Result<(Consultation, Option<RoundtableId>), ServiceError> {
    let (c, _) = authoring::consultation(conn, consultation)?
        .ok_or(ServiceError::NotFound("consultation"))?;
    if c.status == ConsultationStatus::Archived {
        return Err(ServiceError::Conflict(
            "This consultation is archived: it is read-only.".into(),
        ));
    }
    let roundtable = match roundtable {
        None => None,
        Some(slug) => Some(
            roundtables::for_consultation(conn, c.id)?
                .into_iter()
                .find(|r| r.slug.as_str() == slug)
                .map(|r| r.id)
                .ok_or_else(|| InvalidField::new(field, "Choose the roundtable from the list."))?,
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

pub fn add_programme_item(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    input: &ProgrammeInput,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    check_staff(actor)?;
    let (c, _) = authoring::consultation(conn, consultation)?
        .ok_or(ServiceError::NotFound("consultation"))?;
    let fields = ProgrammeFields::parse(input, c.time_zone).map_err(ServiceError::InvalidFields)?;
    conn.transaction(|conn| {
        let (c, roundtable) = place(conn, consultation, fields.roundtable.as_deref(), "programme_roundtable")?;
        let (position, _) = authoring::next_positions(conn, c.id)?;
        let item = ProgrammeItem {
            id: ProgrammeItemId::generate(),
            roundtable_id: roundtable,
            starts_at: fields.starts_at,
            ends_at: fields.ends_at,
            title: fields.title.clone(),
            description: fields.description.clone(),
            speakers: fields.speakers.clone(),
        };
        consultations::insert_programme_item(conn, c.id, &item, position, now)?;
        audit(conn, actor, &c, "programme_item_added", json!({ "id": item.id.to_string(), "title": item.title, "starts_at": item.starts_at, "roundtable": fields.roundtable }), now)
    })
}

pub fn add_resource(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    input: &ResourceInput,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    check_staff(actor)?;
    let fields = ResourceFields::parse(input).map_err(ServiceError::InvalidFields)?;
    conn.transaction(|conn| {
        let (c, roundtable) = place(conn, consultation, fields.roundtable.as_deref(), "resource_roundtable")?;
        let (_, position) = authoring::next_positions(conn, c.id)?;
        let resource = Resource {
            id: ResourceId::generate(),
            roundtable_id: roundtable,
            kind: fields.kind,
            title: fields.title.clone(),
            url: fields.url.clone(),
            description: fields.description.clone(),
        };
        consultations::insert_resource(conn, c.id, &resource, position, now)?;
        audit(conn, actor, &c, "resource_added", json!({ "id": resource.id.to_string(), "title": resource.title, "url": resource.url, "roundtable": fields.roundtable }), now)
    })
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
    conn.transaction(|conn| {
        let (c, _) = place(conn, consultation, None, "entry")?;
        let removed = match entry {
            Entry::ProgrammeItem => authoring::delete_programme_item(conn, c.id, id)?,
            Entry::Resource => authoring::delete_resource(conn, c.id, id)?,
        };
        if !removed {
            return Err(ServiceError::NotFound(match entry {
                Entry::ProgrammeItem => "programme item",
                Entry::Resource => "resource",
            }));
        }
        let action = match entry {
            Entry::ProgrammeItem => "programme_item_removed",
            Entry::Resource => "resource_removed",
        };
        audit(conn, actor, &c, action, json!({ "id": id }), now)
    })
}
