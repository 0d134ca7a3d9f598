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

/// Roundtables as every post reads them, kept per instance while the
/// database's setup version (which consultations, roundtables, questions,
/// programme, chairs and people move, and comments do not) is unchanged: a
/// post then costs one small query instead of six for them.
#[derive(Default)]
pub struct SetupCache {
    kept: std::sync::Mutex<SetupEntries>,
}

type SetupEntries =
    std::collections::HashMap<(String, String), (i64, std::sync::Arc<RoundtableDetail>)>;

/// Roundtables kept at most; more (a crawl of every one) start afresh.
const SETUP_ENTRIES: usize = 256;

impl SetupCache {
    pub fn roundtable_detail(
        &self,
        conn: &mut AnyConnection,
        consultation_slug: &str,
        roundtable_slug: &str,
    ) -> Result<std::sync::Arc<RoundtableDetail>, ServiceError> {
        let version = crate::db::queries::content::setup_version(conn)?;
        let key = (consultation_slug.to_owned(), roundtable_slug.to_owned());
        if let Some((kept_at, detail)) = self.lock().get(&key) {
            if *kept_at == version {
                return Ok(detail.clone());
            }
        }
        // Read after the version: a change committed meanwhile makes the
        // next post read it again, never the other way round.
        let detail =
            std::sync::Arc::new(roundtable_detail(conn, consultation_slug, roundtable_slug)?);
        let mut kept = self.lock();
        if kept.len() >= SETUP_ENTRIES {
            kept.clear();
        }
        kept.insert(key, (version, detail.clone()));
        Ok(detail)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, SetupEntries> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }
}
