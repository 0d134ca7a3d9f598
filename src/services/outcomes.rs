//! The chairs' outcome of a roundtable: synthesis points and
//! recommendations per guiding question, citing published comments. Only
//! the roundtable's chairs and staff write it; it is a draft until one of
//! them publishes it, and publishing tells each cited author by email.

use super::notifications::{self, wording::Place};
use super::roundtables::{roundtable_detail, RoundtableDetail};
use super::ServiceError;
use crate::db::queries::admin;
use crate::db::queries::outcomes::{self, NewPoint, OutcomeRecord, OutcomeWrite, PointRecord};
use crate::db::AnyConnection;
use crate::domain::ids::RoundtableId;
use crate::domain::outcome::{
    complete_citations, link_citations, resolve, section_field, section_source, OutcomeDraft,
    OutcomeKind, OutcomeStatus, Resolution, SectionSource,
};
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::user::Actor;
use crate::domain::InvalidField;
use crate::domain::Message;
use crate::services::emails::EmailContext;
use crate::text::{render_comment, render_document, SafeHtml};
use chrono::{DateTime, Utc};
use serde_json::json;
use std::collections::HashMap;

/// One point as pages show it and digests quote it.
#[derive(Debug, Clone)]
pub struct ShownPoint {
    pub markdown: String,
    pub html: SafeHtml,
}

/// The points of one question (None: across the questions), in order.
#[derive(Debug, Clone)]
pub struct OutcomeSection {
    pub question: Option<GuidingQuestion>,
    pub synthesis: Vec<ShownPoint>,
    pub recommendations: Vec<ShownPoint>,
}

#[derive(Debug, Clone)]
pub struct ShownOutcome {
    pub status: OutcomeStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub summary_markdown: String,
    pub summary_html: SafeHtml,
    pub sections: Vec<OutcomeSection>,
}

impl ShownOutcome {
    pub fn section_for(&self, question: Option<&GuidingQuestion>) -> Option<&OutcomeSection> {
        let id = question.map(|q| q.id);
        self.sections
            .iter()
            .find(|s| s.question.as_ref().map(|q| q.id) == id)
    }
}

/// Sections in the questions' order, then the points across the questions;
/// empty ones left out.
fn arrange(
    questions: &[GuidingQuestion],
    points: impl IntoIterator<Item = (Option<String>, OutcomeKind, ShownPoint)>,
) -> Vec<OutcomeSection> {
    let mut by_question: HashMap<Option<String>, (Vec<ShownPoint>, Vec<ShownPoint>)> =
        HashMap::new();
    for (question, kind, point) in points {
        let known = question.filter(|id| questions.iter().any(|q| q.id.to_string() == *id));
        let entry = by_question.entry(known).or_default();
        match kind {
            OutcomeKind::Synthesis => entry.0.push(point),
            OutcomeKind::Recommendation => entry.1.push(point),
        }
    }
    questions
        .iter()
        .map(Some)
        .chain([None])
        .filter_map(|question| {
            let (synthesis, recommendations) =
                by_question.remove(&question.map(|q| q.id.to_string()))?;
            Some(OutcomeSection {
                question: question.cloned(),
                synthesis,
                recommendations,
            })
        })
        .collect()
}

pub fn shown_outcome(
    record: &OutcomeRecord,
    points: Vec<PointRecord>,
    questions: &[GuidingQuestion],
) -> ShownOutcome {
    ShownOutcome {
        status: record.status,
        published_at: record.published_at,
        summary_markdown: record.summary_markdown.clone(),
        summary_html: SafeHtml::trust_stored_sanitised_html(record.summary_html.clone()),
        sections: arrange(
            questions,
            points.into_iter().map(|p| {
                (
                    p.question_id,
                    p.kind,
                    ShownPoint {
                        markdown: p.body_markdown,
                        html: SafeHtml::trust_stored_sanitised_html(p.body_html),
                    },
                )
            }),
        ),
    }
}

/// The outcome as the reader may see it: published ones to everyone,
/// drafts only to the roundtable's chairs and staff. One query.
pub fn for_reader(
    conn: &mut AnyConnection,
    detail: &RoundtableDetail,
    may_moderate: bool,
) -> Result<Option<ShownOutcome>, ServiceError> {
    Ok(outcomes::find(conn, detail.roundtable.id)?
        .filter(|(record, _)| may_moderate || record.status == OutcomeStatus::Published)
        .map(|(record, points)| shown_outcome(&record, points, &detail.questions)))
}

fn require_chair_or_staff(detail: &RoundtableDetail, who: Actor) -> Result<(), ServiceError> {
    if who.staff || detail.chairs.iter().any(|c| c.user_id == who.id) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden("forbidden-outcome"))
    }
}

/// What the editing form starts from.
pub struct OutcomeEditor {
    pub detail: RoundtableDetail,
    pub record: Option<OutcomeRecord>,
    pub summary: String,
    /// Every question's two sections, then the two across the questions.
    pub sections: Vec<SectionSource>,
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
    Ok(OutcomeEditor {
        summary: record
            .as_ref()
            .map(|r| r.summary_markdown.clone())
            .unwrap_or_default(),
        detail,
        record,
        sections,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeAction {
    Preview,
    Save,
    Publish,
    Unpublish,
}

pub struct OutcomeSubmission {
    pub summary: String,
    pub sections: Vec<SectionSource>,
    /// The revision the form was opened at (0: none saved yet).
    pub read_revision: i32,
    pub action: OutcomeAction,
}

pub enum Submitted {
    Preview(ShownOutcome),
    Saved(OutcomeStatus),
}

type Prepared = (
    Vec<NewPoint>,
    Vec<(Option<String>, OutcomeKind, ShownPoint)>,
    Vec<InvalidField>,
);

/// Resolves each point's citations among the roundtable's published
/// comments and renders it with its links; wrong citations are reported
/// against their section.
fn prepare_points(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    questions: &[GuidingQuestion],
    draft: &OutcomeDraft,
) -> Result<Prepared, ServiceError> {
    let citable = outcomes::citable(conn, roundtable)?;
    let mut errors: Vec<InvalidField> = Vec::new();
    let mut points = Vec::new();
    let mut shown_points = Vec::new();
    for point in &draft.points {
        let field = section_field(point.kind, point.question).unwrap_or("summary");
        let mut cited = Vec::new();
        let mut full_of: HashMap<String, String> = HashMap::new();
        for typed in &point.citations {
            match resolve(typed, citable.keys().map(String::as_str)) {
                Resolution::Found(full) => {
                    cited.extend(citable.get(&full).cloned());
                    full_of.insert(typed.clone(), full);
                }
                Resolution::Unknown => errors.push(
                    InvalidField::new(field, "invalid-citation-unknown")
                        .with("reference", typed.as_str()),
                ),
                Resolution::Ambiguous(n) => errors.push(
                    InvalidField::new(field, "invalid-citation-ambiguous")
                        .with("reference", typed.as_str())
                        .with("count", n),
                ),
            }
        }
        cited.sort();
        cited.dedup();
        let markdown = complete_citations(&point.markdown, |t| full_of.get(t).cloned());
        let html = render_comment(&link_citations(&markdown, |full| {
            citable.contains_key(full).then(|| full.to_owned())
        }));
        let question_id = point.question.and_then(|n| {
            questions
                .iter()
                .find(|q| q.number == n)
                .map(|q| q.id.to_string())
        });
        shown_points.push((
            question_id.clone(),
            point.kind,
            ShownPoint {
                markdown: markdown.clone(),
                html: html.clone(),
            },
        ));
        points.push(NewPoint {
            question_id,
            kind: point.kind,
            body_markdown: markdown,
            body_html: html.into_string(),
            cited,
        });
    }
    Ok((points, shown_points, errors))
}

/// Stores an outcome written elsewhere (the demo content) as it is, without emails.
#[allow(clippy::too_many_arguments)]
pub fn store_as_written(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    questions: &[GuidingQuestion],
    summary: &str,
    sections: &[SectionSource],
    status: OutcomeStatus,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let draft = OutcomeDraft::parse(summary, sections).map_err(ServiceError::InvalidFields)?;
    let (points, _, errors) = prepare_points(conn, roundtable, questions, &draft)?;
    if !errors.is_empty() {
        return Err(ServiceError::InvalidFields(errors));
    }
    let summary_html = render_document(&draft.summary);
    outcomes::save(
        conn,
        &OutcomeWrite {
            roundtable,
            read_revision: 0,
            summary_markdown: &draft.summary,
            summary_html: summary_html.as_str(),
            status,
            points: &points,
            by,
            now,
        },
    )?
    .ok_or_else(|| ServiceError::Conflict("conflict-outcome-exists".into()))?;
    Ok(())
}

/// Checks the text and its citations; previews it, or saves it (and
/// publishes or withdraws it) if nobody saved in between.
pub fn submit(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    who: Actor,
    consultation: &str,
    roundtable: &str,
    submission: &OutcomeSubmission,
    now: DateTime<Utc>,
) -> Result<Submitted, ServiceError> {
    let detail = roundtable_detail(conn, consultation, roundtable)?;
    require_chair_or_staff(&detail, who)?;
    if detail.consultation.status == crate::domain::consultation::ConsultationStatus::Archived {
        return Err(ServiceError::Conflict("conflict-archived-outcome".into()));
    }
    let draft = OutcomeDraft::parse(&submission.summary, &submission.sections)
        .map_err(ServiceError::InvalidFields)?;
    let (points, shown_points, mut errors) =
        prepare_points(conn, detail.roundtable.id, &detail.questions, &draft)?;
    if submission.action == OutcomeAction::Publish && points.is_empty() {
        errors.push(InvalidField::new("outcome", "invalid-outcome-empty"));
    }
    if !errors.is_empty() {
        errors.dedup();
        return Err(ServiceError::InvalidFields(errors));
    }
    let summary_html = render_document(&draft.summary);
    if submission.action == OutcomeAction::Preview {
        return Ok(Submitted::Preview(ShownOutcome {
            status: OutcomeStatus::Draft,
            published_at: None,
            summary_markdown: draft.summary.clone(),
            summary_html,
            sections: arrange(&detail.questions, shown_points),
        }));
    }
    let previous = outcomes::find(conn, detail.roundtable.id)?.map(|(r, _)| r);
    let status = match (submission.action, previous.as_ref().map(|r| r.status)) {
        (OutcomeAction::Publish, _) => OutcomeStatus::Published,
        (OutcomeAction::Unpublish, _) => OutcomeStatus::Draft,
        (_, Some(status)) => status,
        (_, None) => OutcomeStatus::Draft,
    };
    let by = who.id.to_string();
    let place = Place {
        consultation_slug: detail.consultation.slug.to_string(),
        consultation_title: detail.consultation.title.clone(),
        roundtable_slug: detail.roundtable.slug.to_string(),
        roundtable_title: detail.roundtable.title.clone(),
    };
    let saved =
        crate::db::write_transaction(conn, |conn| -> Result<Option<String>, ServiceError> {
            let write = OutcomeWrite {
                roundtable: detail.roundtable.id,
                read_revision: submission.read_revision,
                summary_markdown: &draft.summary,
                summary_html: summary_html.as_str(),
                status,
                points: &points,
                by: &by,
                now,
            };
            let Some((id, revision)) = outcomes::save(conn, &write)? else {
                return Ok(None);
            };
            let action = match (submission.action, previous.as_ref().map(|r| r.status)) {
                (OutcomeAction::Publish, Some(OutcomeStatus::Published)) => "outcome_saved",
                (OutcomeAction::Publish, _) => "outcome_published",
                (OutcomeAction::Unpublish, Some(OutcomeStatus::Published)) => "outcome_unpublished",
                _ => "outcome_saved",
            };
            admin::record_audit(
                conn,
                &by,
                "roundtable",
                &detail.roundtable.id.to_string(),
                action,
                &json!({
                    "revision": revision,
                    "status": status.code(),
                    "points": points.len(),
                    "citations": points.iter().map(|p| p.cited.len()).sum::<usize>(),
                }),
                now,
            )?;
            if status == OutcomeStatus::Published {
                notifications::comments_cited(conn, ctx, &id, &place, now)?;
            }
            Ok(Some(id))
        })?;
    match saved {
        Some(_) => Ok(Submitted::Saved(status)),
        None => Err(conflict(conn, &detail)?),
    }
}

/// Says who saved the outcome after the chair opened the form.
fn conflict(
    conn: &mut AnyConnection,
    detail: &RoundtableDetail,
) -> Result<ServiceError, ServiceError> {
    let latest = outcomes::find(conn, detail.roundtable.id)?.map(|(r, _)| r);
    let message = match latest.and_then(|r| Some((r.updated_by?, r.updated_at))) {
        Some((who, at)) => Message::new("conflict-outcome-saved-since")
            .with("who", who)
            .with(
                "when",
                at.with_timezone(&detail.consultation.time_zone)
                    .format("%Y-%m-%d %H:%M %Z")
                    .to_string(),
            ),
        None => Message::new("conflict-outcome-saved-meanwhile"),
    };
    Ok(ServiceError::Conflict(message))
}
