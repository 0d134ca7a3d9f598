//! What staff change when they set up consultations: the consultation and
//! roundtable rows, the order of roundtables and questions, and the
//! redirects that keep old slugs working.

use crate::db::rows::*;
use crate::db::schema::{
    comment_guiding_questions, consultation_organisations, consultations, guiding_questions,
    outcome_points, roundtables, slug_redirects,
};
use crate::db::{AnyConnection, StorageError};
use crate::domain::consultation::{Consultation, ConsultationOrganisation};
use crate::domain::ids::{ConsultationId, OrganisationId, RoundtableId};
use crate::domain::roundtable::Roundtable;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use std::collections::HashMap;

/// Every consultation, drafts included, newest first.
pub fn all_consultations(conn: &mut AnyConnection) -> Result<Vec<Consultation>, StorageError> {
    consultations::table
        .order(consultations::created_at.desc())
        .select(ConsultationRow::as_select())
        .load(conn)?
        .into_iter()
        .map(super::consultations::to_domain)
        .collect()
}

/// A consultation in any state, with its description's Markdown.
pub fn consultation(
    conn: &mut AnyConnection,
    slug: &str,
) -> Result<Option<(Consultation, String)>, StorageError> {
    consultations::table
        .filter(consultations::slug.eq(slug))
        .select(ConsultationRow::as_select())
        .first(conn)
        .optional()?
        .map(|row| {
            let markdown = row.description_markdown.clone();
            Ok((super::consultations::to_domain(row)?, markdown))
        })
        .transpose()
}

pub fn consultation_slug_taken(
    conn: &mut AnyConnection,
    slug: &str,
    except: Option<ConsultationId>,
) -> Result<bool, StorageError> {
    let mut query = consultations::table
        .filter(consultations::slug.eq(slug))
        .into_boxed();
    if let Some(id) = except {
        query = query.filter(consultations::id.ne(id.to_string()));
    }
    Ok(query.count().get_result::<i64>(conn)? > 0)
}

pub fn roundtable_slug_taken(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
    slug: &str,
    except: Option<RoundtableId>,
) -> Result<bool, StorageError> {
    let mut query = roundtables::table
        .filter(roundtables::consultation_id.eq(consultation.to_string()))
        .filter(roundtables::slug.eq(slug))
        .into_boxed();
    if let Some(id) = except {
        query = query.filter(roundtables::id.ne(id.to_string()));
    }
    Ok(query.count().get_result::<i64>(conn)? > 0)
}

/// Writes every field of the consultation and replaces its organisations.
pub fn update_consultation(
    conn: &mut AnyConnection,
    c: &Consultation,
    description_markdown: &str,
    organisations: &[ConsultationOrganisation],
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::update(consultations::table.find(c.id.to_string()))
        .set((
            consultations::slug.eq(c.slug.as_str()),
            consultations::title.eq(&c.title),
            consultations::summary.eq(&c.summary),
            consultations::description_markdown.eq(description_markdown),
            consultations::description_html.eq(c.description_html.as_str()),
            consultations::kind.eq(c.kind.code()),
            consultations::venue.eq(&c.venue),
            consultations::online.eq(c.online),
            consultations::starts_at.eq(c.starts_at.map(naive)),
            consultations::ends_at.eq(c.ends_at.map(naive)),
            consultations::time_zone.eq(c.time_zone.name()),
            consultations::languages.eq(c.languages.join(",")),
            consultations::content_language.eq(&c.content_language),
            consultations::status.eq(c.status.code()),
            consultations::updated_at.eq(naive(now)),
        ))
        .execute(conn)?;
    diesel::delete(
        consultation_organisations::table
            .filter(consultation_organisations::consultation_id.eq(c.id.to_string())),
    )
    .execute(conn)?;
    for (position, organisation) in organisations.iter().enumerate() {
        diesel::insert_into(consultation_organisations::table)
            .values(&OrganisationRow {
                id: OrganisationId::generate().to_string(),
                consultation_id: c.id.to_string(),
                role: organisation.role.code().into(),
                name: organisation.name.clone(),
                url: organisation.url.clone(),
                position: position as i32,
            })
            .execute(conn)?;
    }
    Ok(())
}

/// The Markdown of a roundtable's background and objectives.
pub fn roundtable_sources(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<(String, String), StorageError> {
    Ok(roundtables::table
        .find(roundtable.to_string())
        .select((
            roundtables::background_markdown,
            roundtables::objectives_markdown,
        ))
        .first(conn)?)
}

pub fn update_roundtable(
    conn: &mut AnyConnection,
    r: &Roundtable,
    background_markdown: &str,
    objectives_markdown: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::update(roundtables::table.find(r.id.to_string()))
        .set((
            roundtables::parent_id.eq(r.parent_id.map(|id| id.to_string())),
            roundtables::code.eq(&r.code),
            roundtables::slug.eq(r.slug.as_str()),
            roundtables::title.eq(&r.title),
            roundtables::summary.eq(&r.summary),
            roundtables::background_markdown.eq(background_markdown),
            roundtables::background_html.eq(r.background_html.as_str()),
            roundtables::objectives_markdown.eq(objectives_markdown),
            roundtables::objectives_html.eq(r.objectives_html.as_str()),
            roundtables::moderation_mode.eq(r.moderation_mode.code()),
            roundtables::comments_open_at.eq(r.comment_period.opens_at.map(naive)),
            roundtables::comments_close_at.eq(r.comment_period.closes_at.map(naive)),
            roundtables::grace_minutes.eq(super::roundtables::grace_column(r)),
            roundtables::starts_at.eq(r.starts_at.map(naive)),
            roundtables::ends_at.eq(r.ends_at.map(naive)),
            roundtables::venue.eq(&r.venue),
            roundtables::content_language.eq(&r.content_language),
            roundtables::updated_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_roundtable_position(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    position: i32,
) -> Result<(), StorageError> {
    diesel::update(roundtables::table.find(roundtable.to_string()))
        .set(roundtables::position.eq(position))
        .execute(conn)?;
    Ok(())
}

/// How many comments (and outcome points) use each of these questions.
pub fn question_uses(
    conn: &mut AnyConnection,
    ids: &[String],
) -> Result<HashMap<String, i64>, StorageError> {
    let tagged: Vec<String> = comment_guiding_questions::table
        .filter(comment_guiding_questions::guiding_question_id.eq_any(ids))
        .select(comment_guiding_questions::guiding_question_id)
        .load(conn)?;
    // An outcome's points refer to their question too.
    let cited: Vec<Option<String>> = outcome_points::table
        .filter(outcome_points::guiding_question_id.eq_any(ids))
        .select(outcome_points::guiding_question_id)
        .load(conn)?;
    let mut uses = HashMap::new();
    for id in tagged.into_iter().chain(cited.into_iter().flatten()) {
        *uses.entry(id).or_insert(0) += 1;
    }
    Ok(uses)
}

pub fn update_question(
    conn: &mut AnyConnection,
    id: &str,
    text: &str,
    position: i32,
    retired_at: Option<DateTime<Utc>>,
) -> Result<(), StorageError> {
    diesel::update(guiding_questions::table.find(id))
        .set((
            guiding_questions::text.eq(text),
            guiding_questions::position.eq(position),
        ))
        .execute(conn)?;
    if let Some(at) = retired_at {
        diesel::update(guiding_questions::table.find(id))
            .set(guiding_questions::retired_at.eq(Some(naive(at))))
            .execute(conn)?;
    }
    Ok(())
}

pub fn delete_question(conn: &mut AnyConnection, id: &str) -> Result<(), StorageError> {
    diesel::delete(guiding_questions::table.find(id)).execute(conn)?;
    Ok(())
}

/// Remembers that `old_slug` named this consultation (or one of its
/// roundtables), and forgets any redirect of the slug now in use.
pub fn record_redirect(
    conn: &mut AnyConnection,
    old_slug: &str,
    new_slug: &str,
    consultation: ConsultationId,
    roundtable: Option<RoundtableId>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    forget_redirect(conn, new_slug, consultation, roundtable.is_some())?;
    diesel::insert_into(slug_redirects::table)
        .values((
            slug_redirects::id.eq(uuid::Uuid::now_v7().to_string()),
            slug_redirects::old_slug.eq(old_slug),
            slug_redirects::consultation_id.eq(consultation.to_string()),
            slug_redirects::roundtable_id.eq(roundtable.map(|r| r.to_string())),
            slug_redirects::created_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// A slug taken by a live consultation (or roundtable) no longer redirects.
pub fn forget_redirect(
    conn: &mut AnyConnection,
    slug: &str,
    consultation: ConsultationId,
    of_roundtable: bool,
) -> Result<(), StorageError> {
    if of_roundtable {
        diesel::delete(
            slug_redirects::table
                .filter(slug_redirects::old_slug.eq(slug))
                .filter(slug_redirects::consultation_id.eq(consultation.to_string()))
                .filter(slug_redirects::roundtable_id.is_not_null()),
        )
        .execute(conn)?;
    } else {
        diesel::delete(
            slug_redirects::table
                .filter(slug_redirects::old_slug.eq(slug))
                .filter(slug_redirects::roundtable_id.is_null()),
        )
        .execute(conn)?;
    }
    Ok(())
}

/// Where an old consultation slug points now: the consultation's slug.
pub fn consultation_redirect(
    conn: &mut AnyConnection,
    old_slug: &str,
) -> Result<Option<String>, StorageError> {
    Ok(slug_redirects::table
        .inner_join(consultations::table)
        .filter(slug_redirects::old_slug.eq(old_slug))
        .filter(slug_redirects::roundtable_id.is_null())
        .order(slug_redirects::created_at.desc())
        .select(consultations::slug)
        .first(conn)
        .optional()?)
}

/// Where an old roundtable slug within a consultation points now.
pub fn roundtable_redirect(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
    old_slug: &str,
) -> Result<Option<String>, StorageError> {
    Ok(slug_redirects::table
        .inner_join(
            roundtables::table.on(slug_redirects::roundtable_id.eq(roundtables::id.nullable())),
        )
        .filter(slug_redirects::old_slug.eq(old_slug))
        .filter(slug_redirects::consultation_id.eq(consultation.to_string()))
        .order(slug_redirects::created_at.desc())
        .select(roundtables::slug)
        .first(conn)
        .optional()?)
}

/// Every resource of a consultation, its own and its roundtables', in order.
pub fn all_resources(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
) -> Result<Vec<crate::domain::roundtable::Resource>, StorageError> {
    use crate::db::schema::resources;
    resources::table
        .filter(resources::consultation_id.eq(consultation.to_string()))
        .order((resources::position.asc(), resources::id.asc()))
        .select(ResourceRow::as_select())
        .load(conn)?
        .into_iter()
        .map(super::consultations::resource)
        .collect()
}

/// Where the next programme item or resource goes: after the others.
pub fn next_positions(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
) -> Result<(i32, i32), StorageError> {
    use crate::db::schema::{programme_items, resources};
    let programme: i64 = programme_items::table
        .filter(programme_items::consultation_id.eq(consultation.to_string()))
        .count()
        .get_result(conn)?;
    let resources: i64 = resources::table
        .filter(resources::consultation_id.eq(consultation.to_string()))
        .count()
        .get_result(conn)?;
    Ok((programme as i32, resources as i32))
}

/// Removes a programme item of this consultation; false if there was none.
pub fn delete_programme_item(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
    id: &str,
) -> Result<bool, StorageError> {
    use crate::db::schema::programme_items;
    Ok(diesel::delete(
        programme_items::table
            .filter(programme_items::id.eq(id))
            .filter(programme_items::consultation_id.eq(consultation.to_string())),
    )
    .execute(conn)?
        == 1)
}

/// Removes a resource of this consultation; false if there was none.
pub fn delete_resource(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
    id: &str,
) -> Result<bool, StorageError> {
    use crate::db::schema::resources;
    Ok(diesel::delete(
        resources::table
            .filter(resources::id.eq(id))
            .filter(resources::consultation_id.eq(consultation.to_string())),
    )
    .execute(conn)?
        == 1)
}

/// Saves a programme item of this consultation again; false if there is none.
pub fn update_programme_item(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
    item: &crate::domain::roundtable::ProgrammeItem,
) -> Result<bool, StorageError> {
    use crate::db::schema::programme_items;
    use crate::domain::roundtable::speakers_to_lines;
    Ok(diesel::update(
        programme_items::table
            .filter(programme_items::id.eq(item.id.to_string()))
            .filter(programme_items::consultation_id.eq(consultation.to_string())),
    )
    .set((
        programme_items::roundtable_id.eq(item.roundtable_id.map(|id| id.to_string())),
        programme_items::starts_at.eq(naive(item.starts_at)),
        programme_items::ends_at.eq(item.ends_at.map(naive)),
        programme_items::title.eq(&item.title),
        programme_items::description.eq(&item.description),
        programme_items::speakers.eq(speakers_to_lines(&item.speakers)),
    ))
    .execute(conn)?
        == 1)
}

/// Saves a resource of this consultation again; false if there is none.
pub fn update_resource(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
    resource: &crate::domain::roundtable::Resource,
) -> Result<bool, StorageError> {
    use crate::db::schema::resources;
    Ok(diesel::update(
        resources::table
            .filter(resources::id.eq(resource.id.to_string()))
            .filter(resources::consultation_id.eq(consultation.to_string())),
    )
    .set((
        resources::roundtable_id.eq(resource.roundtable_id.map(|id| id.to_string())),
        resources::kind.eq(resource.kind.code()),
        resources::title.eq(&resource.title),
        resources::url.eq(&resource.url),
        resources::description.eq(&resource.description),
    ))
    .execute(conn)?
        == 1)
}
