use crate::db::rows::*;
use crate::db::schema::{consultation_organisations, consultations, programme_items, resources};
use crate::db::{AnyConnection, StorageError};
use crate::domain::consultation::*;
use crate::domain::ids::{ConsultationId, OrganisationId, RoundtableId};
use crate::domain::roundtable::{
    speakers_from_lines, speakers_to_lines, ProgrammeItem, Resource, ResourceKind,
};
use crate::domain::slug::Slug;
use crate::text::SafeHtml;
use chrono::{DateTime, Utc};
use diesel::prelude::*;

pub(super) fn to_domain(row: ConsultationRow) -> Result<Consultation, StorageError> {
    Ok(Consultation {
        id: parse_id(&row.id)?,
        slug: Slug::parse("slug", &row.slug).map_err(|e| StorageError::corrupt(e.message))?,
        title: row.title,
        summary: row.summary,
        description_html: SafeHtml::trust_stored_sanitised_html(row.description_html),
        kind: parse_code("consultation kind", &row.kind, ConsultationKind::from_code)?,
        venue: row.venue,
        online: row.online,
        starts_at: row.starts_at.map(utc),
        ends_at: row.ends_at.map(utc),
        time_zone: row.time_zone.parse().map_err(|_| {
            StorageError::corrupt(format!("'{}' is not a time zone", row.time_zone))
        })?,
        languages: row
            .languages
            .split(',')
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        content_language: row.content_language,
        status: parse_code(
            "consultation status",
            &row.status,
            ConsultationStatus::from_code,
        )?,
    })
}

fn to_domain_all(rows: Vec<ConsultationRow>) -> Result<Vec<Consultation>, StorageError> {
    rows.into_iter().map(to_domain).collect()
}

/// Every consultation but drafts.
pub fn public(conn: &mut AnyConnection) -> Result<Vec<Consultation>, StorageError> {
    let rows = consultations::table
        .filter(consultations::status.ne(ConsultationStatus::Draft.code()))
        .select(ConsultationRow::as_select())
        .load(conn)?;
    to_domain_all(rows)
}

/// Public consultations in creation order, after `after`, at most `limit`.
pub fn public_page(
    conn: &mut AnyConnection,
    status: Option<ConsultationStatus>,
    after: Option<ConsultationId>,
    limit: i64,
) -> Result<Vec<Consultation>, StorageError> {
    let mut query = consultations::table
        .filter(consultations::status.ne(ConsultationStatus::Draft.code()))
        .select(ConsultationRow::as_select())
        .order(consultations::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(consultations::status.eq(status.code()));
    }
    if let Some(after) = after {
        query = query.filter(consultations::id.gt(after.to_string()));
    }
    to_domain_all(query.load(conn)?)
}

pub fn find_public_by_slug(
    conn: &mut AnyConnection,
    slug: &str,
) -> Result<Option<Consultation>, StorageError> {
    consultations::table
        .filter(consultations::slug.eq(slug))
        .filter(consultations::status.ne(ConsultationStatus::Draft.code()))
        .select(ConsultationRow::as_select())
        .first(conn)
        .optional()?
        .map(to_domain)
        .transpose()
}

pub fn count(conn: &mut AnyConnection) -> Result<i64, StorageError> {
    Ok(consultations::table.count().get_result(conn)?)
}

pub fn organisations(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
) -> Result<Vec<ConsultationOrganisation>, StorageError> {
    consultation_organisations::table
        .filter(consultation_organisations::consultation_id.eq(consultation.to_string()))
        .order(consultation_organisations::position.asc())
        .select(OrganisationRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|row| {
            Ok(ConsultationOrganisation {
                role: parse_code("organisation role", &row.role, OrganisationRole::from_code)?,
                name: row.name,
                url: row.url,
            })
        })
        .collect()
}

/// The consultation's own resources (`roundtable` None) or one roundtable's.
pub fn resources(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
    roundtable: Option<RoundtableId>,
) -> Result<Vec<Resource>, StorageError> {
    let mut query = resources::table
        .filter(resources::consultation_id.eq(consultation.to_string()))
        .order((resources::position.asc(), resources::id.asc()))
        .select(ResourceRow::as_select())
        .into_boxed();
    query = match roundtable {
        Some(id) => query.filter(resources::roundtable_id.eq(id.to_string())),
        None => query.filter(resources::roundtable_id.is_null()),
    };
    query.load(conn)?.into_iter().map(resource).collect()
}

pub(super) fn resource(row: ResourceRow) -> Result<Resource, StorageError> {
    Ok(Resource {
        id: parse_id(&row.id)?,
        roundtable_id: row.roundtable_id.as_deref().map(parse_id).transpose()?,
        kind: parse_code("resource kind", &row.kind, ResourceKind::from_code)?,
        title: row.title,
        url: row.url,
        description: row.description,
    })
}

/// The consultation's own programme (`roundtable` None) or one roundtable's, in time order.
pub fn programme(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
    roundtable: Option<RoundtableId>,
) -> Result<Vec<ProgrammeItem>, StorageError> {
    let mut query = programme_items::table
        .filter(programme_items::consultation_id.eq(consultation.to_string()))
        .order((
            programme_items::starts_at.asc(),
            programme_items::position.asc(),
        ))
        .select(ProgrammeItemRow::as_select())
        .into_boxed();
    query = match roundtable {
        Some(id) => query.filter(programme_items::roundtable_id.eq(id.to_string())),
        None => query.filter(programme_items::roundtable_id.is_null()),
    };
    query.load(conn)?.into_iter().map(programme_item).collect()
}

/// Every programme item of a consultation, its roundtables' included, in time order.
pub fn whole_programme(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
) -> Result<Vec<ProgrammeItem>, StorageError> {
    programme_items::table
        .filter(programme_items::consultation_id.eq(consultation.to_string()))
        .order((
            programme_items::starts_at.asc(),
            programme_items::position.asc(),
        ))
        .select(ProgrammeItemRow::as_select())
        .load(conn)?
        .into_iter()
        .map(programme_item)
        .collect()
}

fn programme_item(row: ProgrammeItemRow) -> Result<ProgrammeItem, StorageError> {
    Ok(ProgrammeItem {
        id: parse_id(&row.id)?,
        roundtable_id: row.roundtable_id.as_deref().map(parse_id).transpose()?,
        starts_at: utc(row.starts_at),
        ends_at: row.ends_at.map(utc),
        title: row.title,
        description: row.description,
        speakers: speakers_from_lines(&row.speakers),
    })
}

pub fn insert(
    conn: &mut AnyConnection,
    consultation: &Consultation,
    description_markdown: &str,
    organisations: &[ConsultationOrganisation],
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let c = consultation;
    let row = ConsultationRow {
        id: c.id.to_string(),
        slug: c.slug.to_string(),
        title: c.title.clone(),
        summary: c.summary.clone(),
        description_markdown: description_markdown.to_owned(),
        description_html: c.description_html.as_str().to_owned(),
        kind: c.kind.code().into(),
        venue: c.venue.clone(),
        online: c.online,
        starts_at: c.starts_at.map(naive),
        ends_at: c.ends_at.map(naive),
        time_zone: c.time_zone.name().into(),
        languages: c.languages.join(","),
        content_language: c.content_language.clone(),
        status: c.status.code().into(),
        created_at: naive(now),
        updated_at: naive(now),
    };
    diesel::insert_into(consultations::table)
        .values(&row)
        .execute(conn)?;
    for (position, organisation) in organisations.iter().enumerate() {
        let row = OrganisationRow {
            id: OrganisationId::generate().to_string(),
            consultation_id: c.id.to_string(),
            role: organisation.role.code().into(),
            name: organisation.name.clone(),
            url: organisation.url.clone(),
            position: position as i32,
        };
        diesel::insert_into(consultation_organisations::table)
            .values(&row)
            .execute(conn)?;
    }
    Ok(())
}

pub fn insert_resource(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
    resource: &Resource,
    position: i32,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let row = ResourceRow {
        id: resource.id.to_string(),
        consultation_id: consultation.to_string(),
        roundtable_id: resource.roundtable_id.map(|id| id.to_string()),
        kind: resource.kind.code().into(),
        title: resource.title.clone(),
        url: resource.url.clone(),
        description: resource.description.clone(),
        position,
        created_at: naive(now),
    };
    diesel::insert_into(resources::table)
        .values(&row)
        .execute(conn)?;
    Ok(())
}

pub fn insert_programme_item(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
    item: &ProgrammeItem,
    position: i32,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let row = ProgrammeItemRow {
        id: item.id.to_string(),
        consultation_id: consultation.to_string(),
        roundtable_id: item.roundtable_id.map(|id| id.to_string()),
        starts_at: naive(item.starts_at),
        ends_at: item.ends_at.map(naive),
        title: item.title.clone(),
        description: item.description.clone(),
        speakers: speakers_to_lines(&item.speakers),
        position,
        created_at: naive(now),
    };
    diesel::insert_into(programme_items::table)
        .values(&row)
        .execute(conn)?;
    Ok(())
}

/// Deletes a consultation with everything in it (roundtables, comments, ...).
pub fn delete_by_slug(conn: &mut AnyConnection, slug: &str) -> Result<usize, StorageError> {
    Ok(diesel::delete(consultations::table.filter(consultations::slug.eq(slug))).execute(conn)?)
}

pub fn slug_exists(conn: &mut AnyConnection, slug: &str) -> Result<bool, StorageError> {
    Ok(diesel::select(diesel::dsl::exists(
        consultations::table.filter(consultations::slug.eq(slug)),
    ))
    .get_result(conn)?)
}
