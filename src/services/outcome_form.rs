//! The chairs' outcome form: what it starts from (the text as stored and
//! the published comments to cite beside each question), and the form
//! answered in one use case: the editor it was opened from, the text as
//! typed, and what came of it (a preview, a save, mistakes to show at their
//! fields, or a newer save by someone else).

use super::emails::EmailContext;
use super::outcome_sources::{by_section, SectionSources};
use super::outcomes::{
    require_chair_or_staff, submit, OutcomeAction, OutcomeSubmission, ShownOutcome, Submitted,
};
use super::roundtables::{roundtable_detail, RoundtableDetail};
use super::ServiceError;
use crate::db::queries::outcomes::{self, OutcomeRecord};
use crate::db::AnyConnection;
use crate::domain::outcome::{
    section_field, section_source, OutcomeKind, OutcomeStatus, SectionSource,
};
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::user::Actor;
use crate::domain::{InvalidField, Message};
use chrono::{DateTime, Utc};

/// What the editing form starts from.
pub struct OutcomeEditor {
    pub detail: RoundtableDetail,
    pub record: Option<OutcomeRecord>,
    pub summary: String,
    /// Every question's two sections, then the two across the questions.
    pub sections: Vec<SectionSource>,
    /// The published comments to cite, listed by the section they answer.
    pub sources: Vec<SectionSources>,
    /// The latest published version's number.
    pub version: Option<i32>,
}

/// The sections the form offers: both kinds for each question that has a
/// field, and for the points across the questions.
pub fn form_sections(
    questions: &[GuidingQuestion],
) -> Vec<(Option<&GuidingQuestion>, OutcomeKind, &'static str)> {
    questions
        .iter()
        .map(Some)
        .chain([None])
        .flat_map(|q| {
            OutcomeKind::ALL.iter().filter_map(move |kind| {
                section_field(*kind, q.map(|q| q.number)).map(|f| (q, *kind, f))
            })
        })
        .collect()
}

pub fn editor(
    conn: &mut AnyConnection,
    who: Actor,
    consultation: &str,
    roundtable: &str,
) -> Result<OutcomeEditor, ServiceError> {
    let detail = roundtable_detail(conn, consultation, roundtable)?;
    require_chair_or_staff(&detail, who)?;
    let found = outcomes::find(conn, detail.roundtable.id)?;
    let (record, points) = match found {
        Some((record, points)) => (Some(record), points),
        None => (None, Vec::new()),
    };
    let sections = form_sections(&detail.questions)
        .into_iter()
        .map(|(question, kind, _)| {
            let id = question.map(|q| q.id.to_string());
            SectionSource {
                question: question.map(|q| q.number),
                kind,
                source: section_source(
                    points
                        .iter()
                        .filter(|p| p.kind == kind && p.question_id == id)
                        .map(|p| p.body_markdown.as_str()),
                ),
            }
        })
        .collect();
    let citable = outcomes::citable(conn, detail.roundtable.id)?;
    let version = match &record {
        Some(r) => crate::db::queries::outcome_revisions::stamps(conn, &r.id)?
            .first()
            .map(|(n, _)| *n),
        None => None,
    };
    Ok(OutcomeEditor {
        version,
        summary: record
            .as_ref()
            .map(|r| r.summary_markdown.clone())
            .unwrap_or_default(),
        sources: by_section(&detail.questions, &citable),
        detail,
        record,
        sections,
    })
}

/// The form as sent: each section's text is read by its field's name
/// (see `form_sections`).
pub struct TypedOutcome {
    pub summary: String,
    pub section: Box<dyn Fn(&str) -> String + Send>,
    /// The revision the form was opened at (0: none saved yet).
    pub read_revision: i32,
    pub action: OutcomeAction,
}

pub enum Answer {
    Preview(ShownOutcome),
    Saved(OutcomeStatus),
    Mistakes(Vec<InvalidField>),
    /// Not saved: someone saved since (or the consultation is archived).
    /// The form moves on to the latest revision, so that saving again
    /// replaces it knowingly.
    NotSaved {
        why: Message,
        latest_revision: i32,
    },
}

pub struct Answered {
    /// The outcome as it was when the form was sent.
    pub editor: OutcomeEditor,
    pub answer: Answer,
}

pub fn answer(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    who: Actor,
    consultation: &str,
    roundtable: &str,
    typed: &TypedOutcome,
    now: DateTime<Utc>,
) -> Result<Answered, ServiceError> {
    let editor = editor(conn, who, consultation, roundtable)?;
    let submission = OutcomeSubmission {
        summary: typed.summary.clone(),
        sections: form_sections(&editor.detail.questions)
            .into_iter()
            .map(|(question, kind, field)| SectionSource {
                question: question.map(|q| q.number),
                kind,
                source: (typed.section)(field),
            })
            .collect(),
        read_revision: typed.read_revision,
        action: typed.action,
    };
    let answer = match submit(conn, ctx, who, consultation, roundtable, &submission, now) {
        Ok(Submitted::Preview(shown)) => Answer::Preview(shown),
        Ok(Submitted::Saved(status)) => Answer::Saved(status),
        Err(ServiceError::InvalidFields(fields)) => Answer::Mistakes(fields),
        Err(ServiceError::Conflict(why)) => {
            let latest = outcomes::find(conn, editor.detail.roundtable.id)?;
            Answer::NotSaved {
                why,
                latest_revision: latest.map_or(0, |(record, _)| record.revision),
            }
        }
        Err(other) => return Err(other),
    };
    Ok(Answered { editor, answer })
}
