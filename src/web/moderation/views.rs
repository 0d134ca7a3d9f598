//! What the moderation pages show: the queue, one comment with every
//! decision, and what a decision did.

use crate::db::queries::moderation::{AuditEntry, OpenReport};
use crate::db::queries::queue::QueueRoundtable;
use crate::domain::comment::{Comment, CommentStatus};
use crate::domain::moderation::ModerationReason;
use crate::domain::roundtable::GuidingQuestion;
use crate::i18n::labels::label;
use crate::i18n::{text, Language};
use crate::services::moderation::{QueueFilter, QueueItem};
use crate::text::SafeHtml;
use crate::web::format::{date_time, waited};
use crate::web::pages::comment_views::{person, PersonView};
use crate::web::paths::comment_path;
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Serialize)]
pub struct Choice {
    value: String,
    label: String,
    selected: bool,
}

pub fn reasons(lang: Language) -> Vec<Choice> {
    ModerationReason::ALL
        .iter()
        .map(|r| Choice {
            value: r.code().into(),
            label: label(lang, "reason", r.code()),
            selected: false,
        })
        .collect()
}

fn reason_label(code: &str, lang: Language) -> String {
    ModerationReason::from_code(code)
        .map(|r| label(lang, "reason", r.code()))
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

fn report_views(reports: &[OpenReport], now: DateTime<Utc>, lang: Language) -> Vec<ReportView> {
    reports
        .iter()
        .map(|r| ReportView {
            reason: reason_label(&r.reason, lang),
            note: r.note.clone(),
            when: text(
                lang,
                "views-ago",
                &[("time", waited(r.at, now, lang).into())],
            ),
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
    /// Ticked when the form comes back with a mistake.
    pub selected: bool,
}

impl QueueItemView {
    /// Whether one of the checkbox values sent ("c-2f9a01bc@3") names it as
    /// it is now: a comment edited since the chair ticked it comes back
    /// unticked, so that nobody applies a decision to text they did not read.
    pub fn is_among(&self, targets: &[String]) -> bool {
        let current = format!("{}@{}", self.reference, self.revision);
        targets
            .iter()
            .any(|t| *t == current || *t == self.reference)
    }
}

/// What the chair chose on the queue's bulk form, shown again as it was when
/// the form comes back with a mistake: nothing may fall back to "Publish".
#[derive(Serialize, Default, Clone)]
pub struct BulkChoices {
    pub comments: Vec<String>,
    pub action: String,
    pub reason: String,
    pub note: String,
}

fn record_line((published, rejected): (i64, i64), lang: Language) -> String {
    match (published, rejected) {
        (0, 0) => text(lang, "moderation-record-first", &[]),
        (p, r) => text(
            lang,
            "moderation-record-before",
            &[("published", p.into()), ("rejected", r.into())],
        ),
    }
}

pub fn queue_item_view(item: &QueueItem, now: DateTime<Utc>, lang: Language) -> QueueItemView {
    let c = &item.comment;
    QueueItemView {
        reference: c.reference.clone(),
        revision: c.revision,
        roundtable: roundtable_label(&item.place),
        consultation: item.place.consultation_title.clone(),
        page_link: comment_path(
            &item.place.consultation_slug,
            &item.place.roundtable_slug,
            &c.reference,
        ),
        author: person(&c.author, lang),
        author_record: record_line(item.author_record, lang),
        waited: waited(c.created_at, now, lang),
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
        reports: report_views(&item.reports, now, lang),
        selected: false,
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
    pub title: String,
    pub items: Vec<QueueItemView>,
    pub places: Vec<Choice>,
    pub consultations: Vec<Choice>,
    pub reasons: Vec<Choice>,
    pub filtered: bool,
    pub authors: Vec<AuthorView>,
    pub errors: std::collections::HashMap<&'static str, String>,
    pub choices: BulkChoices,
    /// The queue's own address with its filters, to come back to.
    pub back: String,
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
    pub status: String,
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
    pub choices: BulkChoices,
}

impl ItemView {
    /// The form's mistakes next to their fields.
    pub fn show_errors(&mut self, errors: Vec<crate::domain::InvalidField>, lang: Language) {
        for error in errors {
            self.errors
                .insert(error.field, crate::i18n::say(lang, &error.message));
        }
    }
}

#[derive(Serialize)]
pub struct QuestionChoice {
    id: String,
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
    lang: Language,
) -> ItemView {
    ItemView {
        title: text(
            lang,
            "moderation-item-title",
            &[("name", comment.author.display_name.as_str().into())],
        ),
        reference: comment.reference.clone(),
        revision: comment.revision,
        status: label(lang, "comment", comment.status.code()),
        highlighted: comment.highlighted,
        author: person(&comment.author, lang),
        body_html: comment.body_html.clone(),
        page_link,
        questions: questions
            .iter()
            .filter(|q| !q.retired)
            .map(|q| QuestionChoice {
                id: q.id.to_string(),
                number: q.number,
                text: q.text.clone(),
                checked: comment.question_ids.contains(&q.id),
            })
            .collect(),
        reports: report_views(reports, now, lang),
        reasons: reasons(lang),
        token: None,
        action: None,
        errors: Default::default(),
        choices: BulkChoices::default(),
    }
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

pub fn audit_lines(entries: &[AuditEntry], zone: chrono_tz::Tz, lang: Language) -> Vec<AuditLine> {
    entries
        .iter()
        .map(|e| AuditLine {
            reference: e.comment_reference.clone(),
            actor: e
                .actor_name
                .clone()
                .unwrap_or_else(|| text(lang, "moderation-former-participant", &[])),
            action: text(
                lang,
                "moderation-audit-action",
                &[("action", e.action.as_str().into())],
            ),
            change: match (&e.from_status, &e.to_status) {
                (Some(from), Some(to)) => {
                    format!("{} → {}", status_label(from, lang), status_label(to, lang))
                }
                (None, Some(to)) => status_label(to, lang),
                _ => String::new(),
            },
            reason: e.reason.as_deref().map(|r| reason_label(r, lang)),
            note: match e.action.as_str() {
                "retagged" => e.note.as_deref().map(|note| retag_line(note, lang)),
                _ => e.note.clone(),
            },
            at: date_time(e.at, zone, lang),
        })
        .collect()
}

/// A comment status as stored in the audit trail, by its label.
fn status_label(code: &str, lang: Language) -> String {
    match CommentStatus::from_code(code) {
        Some(status) => label(lang, "comment", status.code()),
        None => code.to_owned(),
    }
}

/// A re-tag's stored question numbers ("1, 3", empty for none) as the
/// reader reads them; a note written otherwise (before numbers were
/// stored) is shown as it is.
fn retag_line(note: &str, lang: Language) -> String {
    let numbers: Result<Vec<usize>, _> = note
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::parse)
        .collect();
    match numbers {
        Ok(numbers) => crate::services::notifications::wording::numbers_line(&numbers, lang),
        Err(_) => note.to_owned(),
    }
}
