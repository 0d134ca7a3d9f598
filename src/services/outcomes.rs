//! The chairs' outcome of a roundtable: synthesis points and
//! recommendations per guiding question, citing published comments. Only
//! the roundtable's chairs and staff write it; it is a draft until one of
//! them publishes it, and publishing tells each cited author by email.

use super::notifications::{self, wording::Place};
use super::outcome_versions;
use super::roundtables::{roundtable_detail, RoundtableDetail};
use super::ServiceError;
use crate::db::queries::admin;
use crate::db::queries::outcomes::{
    self, CitableComment, NewPoint, OutcomeRecord, OutcomeWrite, PointRecord,
};
use crate::db::AnyConnection;
use crate::domain::affiliation::Affiliation;
use crate::domain::citation::{
    citations_in, complete_citations, link_citations, resolve_citations,
};
use crate::domain::consultation::ConsultationStatus;
use crate::domain::ids::RoundtableId;
use crate::domain::outcome::{
    section_field, OutcomeDraft, OutcomeKind, OutcomeStatus, SectionSource,
};
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::thread::ThreadEntry;
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
    /// Who wrote the published comments it cites, by reference, for pages
    /// that name them (empty where the comments are shown alongside, as in
    /// a digest).
    pub cited: HashMap<String, Affiliation>,
    /// Its published versions' numbers and dates, the newest first, where
    /// pages show them.
    pub versions: Vec<(i32, DateTime<Utc>)>,
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
        cited: HashMap::new(),
        versions: vec![],
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
/// drafts only to the roundtable's chairs and staff. One query; who wrote
/// each cited comment is read from the threads the page shows.
pub fn for_reader(
    conn: &mut AnyConnection,
    detail: &RoundtableDetail,
    may_moderate: bool,
    threads: &[ThreadEntry],
) -> Result<Option<ShownOutcome>, ServiceError> {
    let Some((record, points)) = outcomes::find(conn, detail.roundtable.id)?
        .filter(|(record, _)| may_moderate || record.status == OutcomeStatus::Published)
    else {
        return Ok(None);
    };
    let mut shown = shown_outcome(&record, points, &detail.questions);
    shown.versions = crate::db::queries::outcome_revisions::stamps(conn, &record.id)?;
    let cited: Vec<String> = std::iter::once(shown.summary_markdown.as_str())
        .chain(shown.sections.iter().flat_map(|s| {
            s.synthesis
                .iter()
                .chain(&s.recommendations)
                .map(|p| p.markdown.as_str())
        }))
        .flat_map(citations_in)
        .collect();
    shown.cited = threads
        .iter()
        .map(|entry| &entry.comment)
        .filter(|c| c.is_public() && cited.contains(&c.reference))
        .map(|c| (c.reference.clone(), c.author.clone()))
        .collect();
    Ok(Some(shown))
}

pub(super) fn require_chair_or_staff(
    detail: &RoundtableDetail,
    who: Actor,
) -> Result<(), ServiceError> {
    if who.staff || detail.chairs.iter().any(|c| c.user_id == who.id) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden("forbidden-outcome"))
    }
}

/// What the form's buttons do. Withdrawing a published outcome is not
/// one of them: it asks first, on a page of its own (`withdraw`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeAction {
    Preview,
    Save,
    Publish,
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

/// The outcome ready to store and to show: its points, its introduction,
/// the comments each cites, and every citation that names none.
struct Prepared {
    points: Vec<NewPoint>,
    shown_points: Vec<(Option<String>, OutcomeKind, ShownPoint)>,
    summary_markdown: String,
    summary_html: SafeHtml,
    summary_cited: Vec<String>,
    /// Who wrote each comment cited, by reference, for the preview.
    cited: HashMap<String, Affiliation>,
    errors: Vec<InvalidField>,
}

/// A field's Markdown with its citations resolved among the citable
/// comments, written in full and made links to the comments' anchors; the
/// ids of the comments it cites; and its mistakes.
fn cite(
    field: &'static str,
    markdown: &str,
    typed: &[String],
    citable: &HashMap<&str, &CitableComment>,
) -> (String, Vec<String>, Vec<InvalidField>) {
    let references: Vec<&str> = citable.keys().copied().collect();
    let (found, errors) = resolve_citations(field, typed, &references);
    let full_of: HashMap<String, String> = found.into_iter().collect();
    let mut cited: Vec<String> = full_of
        .values()
        .filter_map(|full| citable.get(full.as_str()).map(|c| c.id.clone()))
        .collect();
    cited.sort();
    cited.dedup();
    let markdown = complete_citations(markdown, |t| full_of.get(t).cloned());
    (markdown, cited, errors)
}

/// Resolves the citations of the introduction and of each point among the
/// roundtable's published comments and renders them with their links;
/// wrong citations are reported against their field.
fn prepare(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    questions: &[GuidingQuestion],
    draft: &OutcomeDraft,
) -> Result<Prepared, ServiceError> {
    let comments = outcomes::citable(conn, roundtable)?;
    let citable: HashMap<&str, &CitableComment> =
        comments.iter().map(|c| (c.reference.as_str(), c)).collect();
    let linked = |markdown: &str| {
        link_citations(markdown, |full| {
            citable.contains_key(full).then(|| full.to_owned())
        })
    };
    let (summary_markdown, summary_cited, mut errors) = cite(
        "summary",
        &draft.summary,
        &draft.summary_citations,
        &citable,
    );
    let summary_html = render_document(&linked(&summary_markdown));
    let mut points = Vec::new();
    let mut shown_points = Vec::new();
    let mut cited_ids = summary_cited.clone();
    for point in &draft.points {
        let field = section_field(point.kind, point.question).unwrap_or("outcome");
        let (markdown, cited, wrong) = cite(field, &point.markdown, &point.citations, &citable);
        errors.extend(wrong);
        cited_ids.extend(cited.iter().cloned());
        let html = render_comment(&linked(&markdown));
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
    let cited = comments
        .iter()
        .filter(|c| cited_ids.contains(&c.id))
        .map(|c| (c.reference.clone(), c.author.clone()))
        .collect();
    Ok(Prepared {
        points,
        shown_points,
        summary_markdown,
        summary_html,
        summary_cited,
        cited,
        errors,
    })
}

/// Each mistake once, in the order found (the same wrong citation in two
/// points of a section is one mistake of that section).
fn once_each(errors: Vec<InvalidField>) -> Vec<InvalidField> {
    let mut unique: Vec<InvalidField> = Vec::with_capacity(errors.len());
    for error in errors {
        if !unique.contains(&error) {
            unique.push(error);
        }
    }
    unique
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
    let prepared = prepare(conn, roundtable, questions, &draft)?;
    if !prepared.errors.is_empty() {
        return Err(ServiceError::InvalidFields(prepared.errors));
    }
    let write = OutcomeWrite {
        roundtable,
        read_revision: 0,
        summary_markdown: &prepared.summary_markdown,
        summary_html: prepared.summary_html.as_str(),
        summary_cited: &prepared.summary_cited,
        status,
        points: &prepared.points,
        by,
        now,
    };
    let (id, revision) = outcomes::save(conn, &write)?
        .ok_or_else(|| ServiceError::Conflict("conflict-outcome-exists".into()))?;
    outcome_versions::keep_written(conn, &write, questions, (&id, revision))?;
    Ok(())
}

/// Checks the text and its citations; previews it, or saves it (and
/// publishes it) if nobody saved in between.
pub fn submit(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    who: Actor,
    consultation: &str,
    roundtable: &str,
    submission: &OutcomeSubmission,
    now: DateTime<Utc>,
) -> Result<Submitted, ServiceError> {
    let detail = writable(conn, who, consultation, roundtable)?;
    let (draft, mut errors) = OutcomeDraft::read(&submission.summary, &submission.sections);
    let prepared = prepare(conn, detail.roundtable.id, &detail.questions, &draft)?;
    errors.extend(prepared.errors.iter().cloned());
    if submission.action == OutcomeAction::Publish && prepared.points.is_empty() {
        errors.push(InvalidField::new("outcome", "invalid-outcome-empty"));
    }
    if !errors.is_empty() {
        return Err(ServiceError::InvalidFields(once_each(errors)));
    }
    if submission.action == OutcomeAction::Preview {
        return Ok(Submitted::Preview(ShownOutcome {
            status: OutcomeStatus::Draft,
            published_at: None,
            summary_markdown: prepared.summary_markdown,
            summary_html: prepared.summary_html,
            sections: arrange(&detail.questions, prepared.shown_points),
            cited: prepared.cited,
            versions: vec![],
        }));
    }
    let previous = outcomes::find(conn, detail.roundtable.id)?.map(|(r, _)| r.status);
    let status = match (submission.action, previous) {
        (OutcomeAction::Publish, _) => OutcomeStatus::Published,
        (_, Some(status)) => status,
        (_, None) => OutcomeStatus::Draft,
    };
    let by = who.id.to_string();
    let place = place_of(&detail);
    let saved =
        crate::db::write_transaction(conn, |conn| -> Result<Option<String>, ServiceError> {
            let write = OutcomeWrite {
                roundtable: detail.roundtable.id,
                read_revision: submission.read_revision,
                summary_markdown: &prepared.summary_markdown,
                summary_html: prepared.summary_html.as_str(),
                summary_cited: &prepared.summary_cited,
                status,
                points: &prepared.points,
                by: &by,
                now,
            };
            let Some((id, revision)) = outcomes::save(conn, &write)? else {
                return Ok(None);
            };
            let version =
                outcome_versions::keep_written(conn, &write, &detail.questions, (&id, revision))?;
            let was_published = previous == Some(OutcomeStatus::Published);
            let action = match (submission.action, was_published, version) {
                (OutcomeAction::Publish, false, _) => "outcome_published",
                // A published outcome's changes are published as its next version.
                (_, true, Some(_)) => "outcome_version_published",
                _ => "outcome_saved",
            };
            let citations = prepared.summary_cited.len()
                + prepared.points.iter().map(|p| p.cited.len()).sum::<usize>();
            let details = json!({
                "revision": revision,
                "version": version,
                "status": status.code(),
                "points": prepared.points.len(),
                "citations": citations,
            });
            let entity = detail.roundtable.id.to_string();
            admin::record_audit(conn, &by, "roundtable", &entity, action, &details, now)?;
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

/// The roundtable, if `who` may change its outcome now.
pub(super) fn writable(
    conn: &mut AnyConnection,
    who: Actor,
    consultation: &str,
    roundtable: &str,
) -> Result<RoundtableDetail, ServiceError> {
    let detail = roundtable_detail(conn, consultation, roundtable)?;
    require_chair_or_staff(&detail, who)?;
    if detail.consultation.status == ConsultationStatus::Archived {
        return Err(ServiceError::Conflict("conflict-archived-outcome".into()));
    }
    Ok(detail)
}

fn place_of(detail: &RoundtableDetail) -> Place {
    Place {
        consultation_slug: detail.consultation.slug.to_string(),
        consultation_title: detail.consultation.title.clone(),
        roundtable_slug: detail.roundtable.slug.to_string(),
        roundtable_title: detail.roundtable.title.clone(),
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
