//! Finding a consultation and one of its roundtables by their slugs: the
//! lookup every use case on a roundtable starts from (its page, comments,
//! the outcome, the audit trail, feeds). It imports no other service, so
//! that each of them can build on it.

use super::ServiceError;
use crate::db::queries::{consultations, roundtables};
use crate::db::AnyConnection;
use crate::domain::consultation::Consultation;
use crate::domain::roundtable::{GuidingQuestion, ProgrammeItem, Resource, Roundtable};
use crate::domain::user::Chair;

pub fn find_consultation(
    conn: &mut AnyConnection,
    slug: &str,
) -> Result<Consultation, ServiceError> {
    find_consultation_as(conn, slug, false)
}

/// Staff also see drafts, to check them before they open.
pub fn find_consultation_as(
    conn: &mut AnyConnection,
    slug: &str,
    staff: bool,
) -> Result<Consultation, ServiceError> {
    let found = if staff {
        crate::db::queries::authoring::consultation(conn, slug)?.map(|(c, _)| c)
    } else {
        consultations::find_public_by_slug(conn, slug)?
    };
    found.ok_or(ServiceError::NotFound("missing-consultation"))
}

pub struct RoundtableDetail {
    pub consultation: Consultation,
    pub roundtable: Roundtable,
    pub parent: Option<Roundtable>,
    pub children: Vec<Roundtable>,
    pub questions: Vec<GuidingQuestion>,
    pub programme: Vec<ProgrammeItem>,
    pub chairs: Vec<Chair>,
    pub resources: Vec<Resource>,
}

/// Six queries: consultation, its roundtables, questions, programme, chairs, resources.
pub fn roundtable_detail(
    conn: &mut AnyConnection,
    consultation_slug: &str,
    roundtable_slug: &str,
) -> Result<RoundtableDetail, ServiceError> {
    roundtable_detail_as(conn, consultation_slug, roundtable_slug, false)
}

pub fn roundtable_detail_as(
    conn: &mut AnyConnection,
    consultation_slug: &str,
    roundtable_slug: &str,
    staff: bool,
) -> Result<RoundtableDetail, ServiceError> {
    let consultation = find_consultation_as(conn, consultation_slug, staff)?;
    let mut all = roundtables::for_consultation(conn, consultation.id)?;
    let index = all
        .iter()
        .position(|r| r.slug.as_str() == roundtable_slug)
        .ok_or(ServiceError::NotFound("missing-roundtable"))?;
    let roundtable = all.remove(index);
    let parent = all
        .iter()
        .find(|r| Some(r.id) == roundtable.parent_id)
        .cloned();
    let children = all
        .into_iter()
        .filter(|r| r.parent_id == Some(roundtable.id))
        .collect();
    Ok(RoundtableDetail {
        questions: roundtables::guiding_questions(conn, roundtable.id)?,
        programme: consultations::programme(conn, consultation.id, Some(roundtable.id))?,
        chairs: roundtables::chairs(conn, roundtable.id)?,
        resources: consultations::resources(conn, consultation.id, Some(roundtable.id))?,
        consultation,
        roundtable,
        parent,
        children,
    })
}
