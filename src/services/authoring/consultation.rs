//! Consultations: the editor's values, creation, and saving every field.

use super::access::{find, require_staff, writable};
use super::audit::{audit, changed_fields};
use super::slugs::choose_slug;
use crate::db::queries::{authoring, consultations, roundtables};
use crate::db::AnyConnection;
use crate::domain::authoring::*;
use crate::domain::consultation::{Consultation, ConsultationOrganisation, OrganisationRole};
use crate::domain::ids::ConsultationId;
use crate::domain::roundtable::Roundtable;
use crate::domain::slug::Slug;
use crate::domain::user::SignedInUser;
use crate::services::ServiceError;
use crate::text::render_document;
use chrono::{DateTime, Utc};
use serde_json::json;

pub struct ConsultationEditor {
    pub consultation: Consultation,
    pub input: ConsultationInput,
    pub roundtables: Vec<Roundtable>,
    pub programme: Vec<crate::domain::roundtable::ProgrammeItem>,
    pub resources: Vec<crate::domain::roundtable::Resource>,
}

pub fn list(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
) -> Result<Vec<Consultation>, ServiceError> {
    require_staff(actor)?;
    Ok(authoring::all_consultations(conn)?)
}

pub fn consultation_editor(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    slug: &str,
) -> Result<ConsultationEditor, ServiceError> {
    require_staff(actor)?;
    let (c, description) = find(conn, slug)?;
    let organisations = consultations::organisations(conn, c.id)?;
    let lines = |role: OrganisationRole| {
        organisations
            .iter()
            .filter(|o| o.role == role)
            .map(|o| match &o.url {
                Some(url) => format!("{} | {url}", o.name),
                None => o.name.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let zone = c.time_zone;
    Ok(ConsultationEditor {
        input: ConsultationInput {
            title: c.title.clone(),
            slug: c.slug.to_string(),
            summary: c.summary.clone(),
            description,
            kind: c.kind.code().into(),
            venue: c.venue.clone().unwrap_or_default(),
            online: c.online,
            starts_at: local_input(c.starts_at, zone),
            ends_at: local_input(c.ends_at, zone),
            time_zone: zone.name().into(),
            content_language: c.content_language.clone(),
            languages: c.languages.clone(),
            status: c.status.code().into(),
            organisers: lines(OrganisationRole::Organiser),
            partners: lines(OrganisationRole::Partner),
            patrons: lines(OrganisationRole::Patron),
        },
        roundtables: roundtables::for_consultation(conn, c.id)?,
        programme: consultations::whole_programme(conn, c.id)?,
        resources: authoring::all_resources(conn, c.id)?,
        consultation: c,
    })
}

fn organisations_of(fields: &ConsultationFields) -> Vec<ConsultationOrganisation> {
    let with = |role: OrganisationRole, lines: &[OrganisationLine]| {
        lines
            .iter()
            .map(move |l| ConsultationOrganisation {
                role,
                name: l.name.clone(),
                url: l.url.clone(),
            })
            .collect::<Vec<_>>()
    };
    let mut all = with(OrganisationRole::Organiser, &fields.organisers);
    all.extend(with(OrganisationRole::Partner, &fields.partners));
    all.extend(with(OrganisationRole::Patron, &fields.patrons));
    all
}

fn consultation_of(id: ConsultationId, slug: Slug, f: &ConsultationFields) -> Consultation {
    Consultation {
        id,
        slug,
        title: f.title.clone(),
        summary: f.summary.clone(),
        description_html: render_document(&f.description_markdown),
        kind: f.kind,
        venue: f.venue.clone(),
        online: f.online,
        starts_at: f.starts_at,
        ends_at: f.ends_at,
        time_zone: f.time_zone,
        languages: f.languages.clone(),
        content_language: f.content_language.clone(),
        status: f.status,
    }
}

/// Creates a consultation; returns its slug.
pub fn create_consultation(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    input: &ConsultationInput,
    now: DateTime<Utc>,
) -> Result<Slug, ServiceError> {
    require_staff(actor)?;
    let fields = ConsultationFields::parse(input).map_err(ServiceError::InvalidFields)?;
    crate::db::write_transaction(conn, |conn| {
        let slug = choose_slug(fields.slug.clone(), &fields.title, &mut |s| {
            Ok(authoring::consultation_slug_taken(conn, s, None)?)
        })?;
        let c = consultation_of(ConsultationId::generate(), slug.clone(), &fields);
        consultations::insert(
            conn,
            &c,
            &fields.description_markdown,
            &organisations_of(&fields),
            now,
        )?;
        authoring::forget_redirect(conn, slug.as_str(), c.id, false)?;
        audit(
            conn,
            actor,
            "consultation",
            &c.id.to_string(),
            "consultation_created",
            json!({ "slug": slug, "title": c.title, "status": c.status.code() }),
            now,
        )?;
        Ok(slug)
    })
}

/// Saves every field; a new slug leaves a redirect from the old one.
pub fn update_consultation(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    slug: &str,
    input: &ConsultationInput,
    now: DateTime<Utc>,
) -> Result<Slug, ServiceError> {
    require_staff(actor)?;
    let fields = ConsultationFields::parse(input).map_err(ServiceError::InvalidFields)?;
    crate::db::write_transaction(conn, |conn| {
        let before = consultation_editor(conn, actor, slug)?.input;
        let (old, _) = find(conn, slug)?;
        writable(&old)?;
        check_status_change(old.status, fields.status)?;
        let new_slug = match &fields.slug {
            Some(typed) if typed == &old.slug => old.slug.clone(),
            typed => choose_slug(typed.clone(), &fields.title, &mut |s| {
                Ok(authoring::consultation_slug_taken(conn, s, Some(old.id))?)
            })?,
        };
        let c = consultation_of(old.id, new_slug.clone(), &fields);
        authoring::update_consultation(
            conn,
            &c,
            &fields.description_markdown,
            &organisations_of(&fields),
            now,
        )?;
        if new_slug != old.slug {
            authoring::record_redirect(
                conn,
                old.slug.as_str(),
                new_slug.as_str(),
                c.id,
                None,
                now,
            )?;
        }
        let after = consultation_editor(conn, actor, new_slug.as_str())?.input;
        audit(
            conn,
            actor,
            "consultation",
            &c.id.to_string(),
            "consultation_updated",
            json!({
                "slug": new_slug,
                "title": c.title,
                "changes": changed_fields(&before, &after),
            }),
            now,
        )?;
        Ok(new_slug)
    })
}
