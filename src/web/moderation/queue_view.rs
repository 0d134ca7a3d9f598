//! What the queue page shows: a page of compact cards, each with the
//! decisions its state allows; the bulk controls above and below the list
//! with their mistakes; and the confirmation of a decision just taken,
//! where the decided item was. Getting around is `queue_nav`.

use super::address::{with_query, QueueAt};
use super::decided::confirmation_text;
use super::queue_nav::{paging_view, places_view, short_label, PlacesView, QueuePaging};
use super::views::{
    duplicate_views, reasons, report_views, BulkChoices, Choice, DuplicateView, Possible,
    ReportView,
};
use crate::domain::comment::CommentStatus;
use crate::domain::moderation::DecisionTarget;
use crate::domain::InvalidField;
use crate::i18n::{say, text, Language};
use crate::services::moderation::QueueFilter;
use crate::services::moderation::{Queue, QueueItem};
use crate::text::SafeHtml;
use crate::web::format::waited;
use crate::web::pages::comment_views::{person, PersonView};
use crate::web::paths::comment_path;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
pub struct ParentView {
    author: String,
    excerpt: String,
}

/// A card's own form for a decision that takes a reason, as it comes back.
#[derive(Serialize, Default)]
pub struct ReasonForm {
    /// "reject" or "unpublish".
    action: &'static str,
    open: bool,
    reason: String,
    note: String,
    errors: HashMap<&'static str, String>,
}

#[derive(Serialize)]
pub struct QueueItemView {
    reference: String,
    revision: i32,
    roundtable: String,
    page_link: String,
    /// Its own page, which comes back to this place in the queue.
    detail_link: String,
    author: PersonView,
    author_record: String,
    waited: String,
    questions: Vec<usize>,
    parent: Option<ParentView>,
    body_html: SafeHtml,
    /// "pending" or "reported".
    kind: &'static str,
    hidden: bool,
    reports: Vec<ReportView>,
    selected: bool,
    can: Possible,
    /// The link to its page, named for what more it offers there.
    more: Option<String>,
    with_reason: Option<ReasonForm>,
    /// Comments much like it, each with a form to reject it as their duplicate.
    duplicates: Vec<DuplicateView>,
    /// "Late — not decided yet" and so on; decided on its own page.
    late: Option<String>,
}

impl QueueItemView {
    /// Whether one of the checkbox values sent ("c-2f9a01bc@3") names it as
    /// it is now: a comment edited since the chair ticked it comes back
    /// unticked, so that nobody applies a decision to text they did not read.
    fn is_among(&self, targets: &[String]) -> bool {
        let current = format!("{}@{}", self.reference, self.revision);
        targets
            .iter()
            .any(|t| *t == current || *t == self.reference)
    }
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

fn queue_item_view(
    item: &QueueItem,
    at: &QueueAt,
    now: DateTime<Utc>,
    lang: Language,
) -> QueueItemView {
    let c = &item.comment;
    let can = Possible::of(DecisionTarget {
        status: c.status,
        highlighted: c.highlighted,
        open_reports: item.reports.len(),
    });
    let more = can.more_on_its_page().then(|| {
        let key = match can.highlight_either() {
            true => "moderation-queue-more-published",
            false => "moderation-queue-more-pending",
        };
        text(lang, key, &[])
    });
    QueueItemView {
        late: item
            .late
            .map(|mark| text(lang, &format!("late-decision-{}", mark.code()), &[])),
        reference: c.reference.clone(),
        revision: c.revision,
        roundtable: short_label(&item.place),
        page_link: comment_path(
            &item.place.consultation_slug,
            &item.place.roundtable_slug,
            &c.reference,
        ),
        detail_link: with_query(&format!("/moderation/{}", c.reference), &at.query()),
        author: person(&c.author, lang),
        author_record: record_line(item.author_record, lang),
        waited: waited(c.created_at, now, lang),
        questions: item
            .questions
            .iter()
            .filter(|q| c.question_ids.contains(&q.id))
            .map(|q| q.number)
            .collect(),
        parent: item.parent.as_ref().map(|(_, author, excerpt)| ParentView {
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
        can,
        more,
        with_reason: can.with_reason().map(|action| ReasonForm {
            action,
            ..ReasonForm::default()
        }),
        duplicates: duplicate_views(&item.duplicates, lang),
    }
}

/// A participant whose comment waits, once each, for staff to trust.
#[derive(Serialize)]
pub struct AuthorView {
    id: String,
    name: String,
    organisation: String,
}

fn authors(items: &[QueueItem]) -> Vec<AuthorView> {
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

/// A mistake of the form, in the summary above it, linked to its field.
#[derive(Serialize)]
pub struct SummaryLine {
    href: String,
    message: String,
}

#[derive(Serialize)]
pub struct QueueView {
    title: String,
    lead: String,
    /// The cards before the confirmation of a decision, and after it.
    before: Vec<QueueItemView>,
    after: Vec<QueueItemView>,
    confirmation: Option<String>,
    on_page: usize,
    filtered: bool,
    /// Only late comments are shown.
    late_only: bool,
    places: Option<PlacesView>,
    paging: QueuePaging,
    reasons: Vec<Choice>,
    authors: Vec<AuthorView>,
    /// Every mistake by field (the page title says "Error:").
    errors: HashMap<&'static str, String>,
    summary: Vec<SummaryLine>,
    /// The mistakes of the bulk controls used, above or below the list.
    top_errors: HashMap<&'static str, String>,
    bottom_errors: HashMap<&'static str, String>,
    choices: BulkChoices,
    /// The queue's own address with its filters, page and order.
    back: String,
    /// The filters as the theme and relevance form shows them again.
    values: HashMap<&'static str, String>,
}

/// The queue page as `at` asked for it (the page the service showed), with
/// the form's choices and mistakes when it comes back.
pub fn queue_view(
    queue: &Queue,
    at: &QueueAt,
    choices: BulkChoices,
    errors: &[InvalidField],
    lang: Language,
) -> QueueView {
    let at = at.on_page(queue.page);
    let now = Utc::now();
    let mut items: Vec<QueueItemView> = queue
        .items
        .iter()
        .map(|i| queue_item_view(i, &at, now, lang))
        .collect();
    for item in &mut items {
        item.selected = choices.all || item.is_among(&choices.comments);
    }
    let by_field = crate::i18n::by_field(lang, errors);
    let (summary, top_errors, bottom_errors) = place_errors(&mut items, &choices, errors, lang);
    let mut choices = choices;
    if choices.card.is_some() {
        // What a card's own form chose stays on that card.
        (choices.action, choices.reason, choices.note) = Default::default();
    }
    let slot = queue.confirmation.as_ref().map_or(items.len(), |c| c.slot);
    let after = items.split_off(slot.min(items.len()));
    QueueView {
        title: text(lang, "moderation-title", &[]),
        lead: lead(queue.total, lang),
        on_page: queue.items.len(),
        before: items,
        after,
        confirmation: queue
            .confirmation
            .as_ref()
            .map(|c| confirmation_text(&c.action, &c.comments, lang)),
        filtered: at.filter != QueueFilter::default(),
        late_only: at.filter.late,
        places: places_view(&queue.places, &at, lang),
        paging: paging_view(&at, queue.pages, lang),
        reasons: reasons(lang),
        authors: authors(&queue.items),
        errors: by_field,
        summary,
        top_errors,
        bottom_errors,
        choices,
        back: at.address(),
        values: [
            ("consultation", &at.filter.consultation),
            ("roundtable", &at.filter.roundtable),
            ("theme", &at.filter.theme),
            ("relevance", &at.filter.relevance),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.clone().map(|v| (name, v)))
        .collect(),
    }
}

fn lead(total: usize, lang: Language) -> String {
    text(
        lang,
        "moderation-queue-waiting",
        &[("count", (total as i64).into())],
    )
}

type FieldErrors = HashMap<&'static str, String>;

/// Each mistake next to the field it is about: a card's own reason form,
/// or the bulk controls used (above or below the list); and the summary.
fn place_errors(
    items: &mut [QueueItemView],
    choices: &BulkChoices,
    errors: &[InvalidField],
    lang: Language,
) -> (Vec<SummaryLine>, FieldErrors, FieldErrors) {
    let (mut top, mut bottom, mut summary) = (HashMap::new(), HashMap::new(), Vec::new());
    let card = choices.card.as_deref().and_then(|reference| {
        items
            .iter_mut()
            .find(|i| i.reference == reference)
            .and_then(|item| item.with_reason.as_mut().map(|form| (reference, form)))
    });
    match card {
        Some((reference, form)) => {
            form.open = true;
            form.reason = choices.reason.clone();
            form.note = choices.note.clone();
            for error in errors {
                let message = say(lang, &error.message);
                summary.push(SummaryLine {
                    href: format!("#{}-{reference}", error.field),
                    message: message.clone(),
                });
                form.errors.insert(error.field, message);
            }
        }
        None => {
            let suffix = if choices.bottom { "-bottom" } else { "" };
            for error in errors {
                let message = say(lang, &error.message);
                summary.push(SummaryLine {
                    href: format!("#bulk-{}{suffix}", error.field),
                    message: message.clone(),
                });
                let set = if choices.bottom {
                    &mut bottom
                } else {
                    &mut top
                };
                set.insert(error.field, message);
            }
        }
    }
    (summary, top, bottom)
}
