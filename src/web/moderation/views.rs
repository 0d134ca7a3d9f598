//! What the moderation pages show beside the queue (`queue_view`): one
//! comment with the decisions its state allows, the choices of a form
//! shown again, and the audit trail.

use crate::db::queries::moderation::{AuditEntry, OpenReport};
use crate::domain::comment::{Comment, CommentStatus};
use crate::domain::moderation::{possible_decisions, DecisionTarget, ModerationReason};
use crate::domain::roundtable::GuidingQuestion;
use crate::i18n::labels::label;
use crate::i18n::{text, Language};
use crate::services::search::PossibleDuplicate;
use crate::text::SafeHtml;
use crate::web::format::{date_time, waited};
use crate::web::pages::comment_views::{person, PersonView};
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Serialize)]
pub struct Choice {
    pub(super) value: String,
    pub(super) label: String,
    pub(super) selected: bool,
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

#[derive(Serialize)]
pub struct ReportView {
    reason: String,
    note: Option<String>,
    when: String,
}

pub(super) fn report_views(
    reports: &[OpenReport],
    now: DateTime<Utc>,
    lang: Language,
) -> Vec<ReportView> {
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

/// A comment much like the one waiting, which a chair may reject as its
/// duplicate: the decision's note names it.
#[derive(Serialize)]
pub struct DuplicateView {
    reference: String,
    /// Its page: the thread for a published comment, its own page in the
    /// queue for a waiting one.
    link: String,
    author: String,
    status: String,
    likeness: String,
    excerpt: String,
    /// The note to the author of a rejection as its duplicate.
    note: String,
}

pub(super) fn duplicate_views(found: &[PossibleDuplicate], lang: Language) -> Vec<DuplicateView> {
    found
        .iter()
        .map(|d| DuplicateView {
            reference: d.reference.clone(),
            link: match d.status {
                CommentStatus::Pending => format!("/moderation/{}", d.reference),
                _ => format!("/comment/{}", d.reference),
            },
            author: d.author_name.clone(),
            status: label(lang, "comment", d.status.code()),
            likeness: text(
                lang,
                "moderation-duplicate-likeness",
                &[("percent", i64::from(d.likeness).into())],
            ),
            excerpt: d.excerpt.clone(),
            note: text(
                lang,
                "moderation-duplicate-note",
                &[("reference", d.reference.as_str().into())],
            ),
        })
        .collect()
}

/// What the chair chose on the queue's bulk form, shown again as it was when
/// the form comes back with a mistake: nothing may fall back to "Publish".
#[derive(Serialize, Default, Clone)]
pub struct BulkChoices {
    pub comments: Vec<String>,
    pub action: String,
    pub reason: String,
    pub note: String,
    /// The bulk controls used were those below the list.
    pub bottom: bool,
    /// The comment whose own reject (or unpublish) form was used.
    pub card: Option<String>,
    /// Every comment on the page comes back ticked ("select all on this
    /// page" without JavaScript).
    pub all: bool,
}

/// The decisions a comment's state allows, which are the only ones a page
/// offers for it.
#[derive(Serialize, Default, Clone, Copy)]
pub struct Possible {
    publish: bool,
    reject: bool,
    unpublish: bool,
    highlight: bool,
    unhighlight: bool,
    retag: bool,
    dismiss_reports: bool,
    /// Any at all.
    any: bool,
}

impl Possible {
    pub fn of(target: DecisionTarget) -> Self {
        let codes = possible_decisions(target);
        let has = |code: &str| codes.contains(&code);
        Self {
            publish: has("publish"),
            reject: has("reject"),
            unpublish: has("unpublish"),
            highlight: has("highlight"),
            unhighlight: has("unhighlight"),
            retag: has("retag"),
            dismiss_reports: has("dismiss_reports"),
            any: !codes.is_empty(),
        }
    }

    /// The decision that takes a reason, if one applies: rejecting a
    /// pending comment or unpublishing a published one.
    pub fn with_reason(self) -> Option<&'static str> {
        if self.reject {
            Some("reject")
        } else if self.unpublish {
            Some("unpublish")
        } else {
            None
        }
    }

    /// Whether the comment's own page offers more than a card does:
    /// re-tagging or highlighting.
    pub fn more_on_its_page(self) -> bool {
        self.retag || self.highlight || self.unhighlight
    }

    pub fn highlight_either(self) -> bool {
        self.highlight || self.unhighlight
    }
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
    pub can: Possible,
    /// The place in the queue it was opened from, where a decision returns.
    pub back: String,
    pub duplicates: Vec<DuplicateView>,
    /// Posted late: the chairs' decision and its form.
    pub late: Option<crate::web::pages::late_views::LateView>,
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
        can: Possible::of(DecisionTarget {
            status: comment.status,
            highlighted: comment.highlighted,
            open_reports: reports.len(),
        }),
        back: "/moderation".to_owned(),
        duplicates: Vec::new(),
        late: None,
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
