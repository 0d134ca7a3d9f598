//! What the moderation pages show: the queue, one comment with every
//! decision, and the outcome of a decision.

use crate::db::queries::moderation::{AuditEntry, OpenReport};
use crate::db::queries::queue::QueueRoundtable;
use crate::domain::comment::{Comment, CommentStatus};
use crate::domain::moderation::ModerationReason;
use crate::domain::roundtable::GuidingQuestion;
use crate::services::moderation::{DecisionOutcome, QueueFilter, QueueItem};
use crate::text::SafeHtml;
use crate::web::format::{date_time, waited};
use crate::web::pages::views::{person, PersonView};
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Serialize)]
pub struct Choice {
    value: String,
    label: String,
    selected: bool,
}

pub fn reasons() -> Vec<Choice> {
    ModerationReason::ALL
        .iter()
        .map(|r| Choice {
            value: r.code().into(),
            label: r.label().into(),
            selected: false,
        })
        .collect()
}

fn reason_label(code: &str) -> String {
    ModerationReason::from_code(code)
        .map(|r| r.label().to_owned())
        .unwrap_or_else(|| code.to_owned())
}

fn roundtable_label(place: &QueueRoundtable) -> String {
    match &place.roundtable_code {
        Some(code) => format!("{code} {}", place.roundtable_title),
        None => place.roundtable_title.clone(),
    }
}

#[derive(Serialize)]
pub struct QuestionLine {
    number: usize,
    text: String,
}

fn question_lines(comment: &Comment, questions: &[GuidingQuestion]) -> Vec<QuestionLine> {
    questions
        .iter()
        .filter(|q| comment.question_ids.contains(&q.id))
        .map(|q| QuestionLine {
            number: q.number,
            text: q.text.clone(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct ReportView {
    reason: String,
    note: Option<String>,
    when: String,
}

fn report_views(reports: &[OpenReport], now: DateTime<Utc>) -> Vec<ReportView> {
    reports
        .iter()
        .map(|r| ReportView {
            reason: reason_label(&r.reason),
            note: r.note.clone(),
            when: format!("{} ago", waited(r.at, now)),
        })
        .collect()
}

#[derive(Serialize)]
pub struct ParentView {
    reference: String,
    author: String,
    excerpt: String,
}

#[derive(Serialize)]
pub struct QueueItemView {
    reference: String,
    revision: i32,
    roundtable: String,
    consultation: String,
    page_link: String,
    author: PersonView,
    author_record: String,
    waited: String,
    questions: Vec<QuestionLine>,
    parent: Option<ParentView>,
    body_html: SafeHtml,
    /// "pending" or "reported".
    kind: &'static str,
    hidden: bool,
    reports: Vec<ReportView>,
}

fn record_line((published, rejected): (i64, i64)) -> String {
    match (published, rejected) {
        (0, 0) => "First comment".into(),
        (p, r) => format!("Before: {p} published, {r} not published"),
    }
}

pub fn queue_item_view(item: &QueueItem, now: DateTime<Utc>) -> QueueItemView {
    let c = &item.comment;
    QueueItemView {
        reference: c.reference.clone(),
        revision: c.revision,
        roundtable: roundtable_label(&item.place),
        consultation: item.place.consultation_title.clone(),
        page_link: format!(
            "/c/{}/{}#{}",
            item.place.consultation_slug, item.place.roundtable_slug, c.reference
        ),
        author: person(&c.author, crate::i18n::Language::En),
        author_record: record_line(item.author_record),
        waited: waited(c.created_at, now),
        questions: question_lines(c, &item.questions),
        parent: item
            .parent
            .as_ref()
            .map(|(reference, author, excerpt)| ParentView {
                reference: reference.clone(),
                author: author.clone(),
                excerpt: excerpt.clone(),
            }),
        body_html: c.body_html.clone(),
        kind: if c.status == CommentStatus::Pending {
            "pending"
        } else {
            "reported"
        },
        hidden: c.hidden_by_reports,
        reports: report_views(&item.reports, now),
    }
}

/// A participant whose comment waits, once each, for staff to trust.
#[derive(Serialize)]
pub struct AuthorView {
    id: String,
    name: String,
    organisation: String,
}

pub fn authors(items: &[QueueItem]) -> Vec<AuthorView> {
    let mut authors: Vec<AuthorView> = Vec::new();
    for item in items {
        let Some(id) = item.comment.author_id.map(|a| a.to_string()) else {
            continue;
        };
        if !authors.iter().any(|a| a.id == id) {
            authors.push(AuthorView {
                id,
                name: item.comment.author.display_name.clone(),
                organisation: item.comment.author.organisation.clone(),
            });
        }
    }
    authors
}

#[derive(Serialize)]
pub struct QueueView {
    pub title: &'static str,
    pub items: Vec<QueueItemView>,
    pub places: Vec<Choice>,
    pub consultations: Vec<Choice>,
    pub reasons: Vec<Choice>,
    pub filtered: bool,
    pub authors: Vec<AuthorView>,
    pub errors: std::collections::HashMap<&'static str, String>,
}

pub fn places(all: &[QueueRoundtable], filter: &QueueFilter) -> (Vec<Choice>, Vec<Choice>) {
    let mut consultations: Vec<Choice> = Vec::new();
    for place in all {
        if !consultations
            .iter()
            .any(|c| c.value == place.consultation_slug)
        {
            consultations.push(Choice {
                value: place.consultation_slug.clone(),
                label: place.consultation_title.clone(),
                selected: filter.consultation.as_deref() == Some(&place.consultation_slug),
            });
        }
    }
    let roundtables = all
        .iter()
        .map(|place| Choice {
            value: place.roundtable_id.clone(),
            label: format!("{} – {}", roundtable_label(place), place.consultation_title),
            selected: filter.roundtable.as_deref() == Some(&place.roundtable_id),
        })
        .collect();
    (consultations, roundtables)
}

/// One comment with every decision that applies to it.
#[derive(Serialize)]
pub struct ItemView {
    pub title: String,
    pub reference: String,
    pub revision: i32,
    pub status: &'static str,
    pub highlighted: bool,
    pub author: PersonView,
    pub body_html: SafeHtml,
    pub page_link: String,
    pub questions: Vec<QuestionChoice>,
    pub reports: Vec<ReportView>,
    pub reasons: Vec<Choice>,
    /// For links from emails: the signed token and the action it allows.
    pub token: Option<String>,
    pub action: Option<String>,
    pub errors: std::collections::HashMap<&'static str, String>,
}

#[derive(Serialize)]
pub struct QuestionChoice {
    number: usize,
    text: String,
    checked: bool,
}

pub fn item_view(
    comment: &Comment,
    page_link: String,
    questions: &[GuidingQuestion],
    reports: &[OpenReport],
    now: DateTime<Utc>,
) -> ItemView {
    ItemView {
        title: format!("Comment by {}", comment.author.display_name),
        reference: comment.reference.clone(),
        revision: comment.revision,
        status: comment.status.label(),
        highlighted: comment.highlighted,
        author: person(&comment.author, crate::i18n::Language::En),
        body_html: comment.body_html.clone(),
        page_link,
        questions: questions
            .iter()
            .filter(|q| !q.retired)
            .map(|q| QuestionChoice {
                number: q.number,
                text: q.text.clone(),
                checked: comment.question_ids.contains(&q.id),
            })
            .collect(),
        reports: report_views(reports, now),
        reasons: reasons(),
        token: None,
        action: None,
        errors: Default::default(),
    }
}

#[derive(Serialize)]
pub struct OutcomeLine {
    reference: String,
    done: bool,
    text: String,
}

impl OutcomeLine {
    pub fn done(&self) -> bool {
        self.done
    }
}

fn past_tense(action: &str) -> String {
    match action {
        "published" => "published it".into(),
        "rejected" => "rejected it".into(),
        "unpublished" => "unpublished it".into(),
        "highlighted" => "highlighted it".into(),
        "highlight_removed" => "removed its highlight".into(),
        "retagged" => "changed its questions".into(),
        "reports_dismissed" => "dismissed its reports".into(),
        "withdrawn" => "withdrew it".into(),
        other => other.replace('_', " "),
    }
}

pub fn outcome_lines(outcomes: &[DecisionOutcome], done_text: &str) -> Vec<OutcomeLine> {
    outcomes
        .iter()
        .map(|outcome| match outcome {
            DecisionOutcome::Done { reference } => OutcomeLine {
                reference: reference.clone(),
                done: true,
                text: done_text.to_owned(),
            },
            DecisionOutcome::AlreadyDecided {
                reference,
                by,
                status,
            } => OutcomeLine {
                reference: reference.clone(),
                done: false,
                text: match by {
                    Some(entry) => format!(
                        "Already decided: {} {} on {}.",
                        entry.actor_name.as_deref().unwrap_or("Someone"),
                        past_tense(&entry.action),
                        date_time(entry.at, chrono_tz::UTC, crate::i18n::Language::En)
                    ),
                    None => format!(
                        "Already decided: it is now {}.",
                        status.label().to_lowercase()
                    ),
                },
            },
            DecisionOutcome::NotApplicable { reference, why } => OutcomeLine {
                reference: reference.clone(),
                done: false,
                text: format!("Not possible: {why}."),
            },
            DecisionOutcome::NotFound { reference } => OutcomeLine {
                reference: reference.clone(),
                done: false,
                text: "No comment has this reference.".into(),
            },
            DecisionOutcome::EditedSince { reference } => OutcomeLine {
                reference: reference.clone(),
                done: false,
                text: "Its author edited it since you read it: read the new text before deciding."
                    .into(),
            },
            DecisionOutcome::NotAllowed { reference } => OutcomeLine {
                reference: reference.clone(),
                done: false,
                text: "Not yours to decide: you do not chair its roundtable.".into(),
            },
        })
        .collect()
}

#[derive(Serialize)]
pub struct AuditLine {
    reference: String,
    actor: String,
    action: String,
    change: String,
    reason: Option<String>,
    note: Option<String>,
    at: String,
}

pub fn audit_lines(entries: &[AuditEntry], zone: chrono_tz::Tz) -> Vec<AuditLine> {
    entries
        .iter()
        .map(|e| AuditLine {
            reference: e.comment_reference.clone(),
            actor: e
                .actor_name
                .clone()
                .unwrap_or_else(|| "Former participant".into()),
            action: e.action.replace('_', " "),
            change: match (&e.from_status, &e.to_status) {
                (Some(from), Some(to)) => format!("{from} → {to}"),
                (None, Some(to)) => to.clone(),
                _ => String::new(),
            },
            reason: e.reason.as_deref().map(reason_label),
            note: e.note.clone(),
            at: date_time(e.at, zone, crate::i18n::Language::En),
        })
        .collect()
}
