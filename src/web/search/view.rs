//! What the search page shows: the form (with the choices the searcher may
//! pick and what they typed), the mistakes next to their fields, and a page
//! of results with links to the other pages that keep every filter.

use super::params::SearchParams;
use crate::db::queries::search::PlaceRow;
use crate::domain::affiliation::OrganisationType;
use crate::domain::comment::CommentStatus;
use crate::domain::search::ExcerptPart;
use crate::domain::InvalidField;
use crate::i18n::{labels, text, Language};
use crate::services::search::{FoundComment, FoundPlace, SearchOutcome, SearchPage, SearchResults};
use crate::web::page_links::{page_link_views, PageLink};
use serde::Serialize;
use std::collections::HashMap;

/// Characters of a guiding question shown in the question filter.
const QUESTION_LABEL_CHARS: usize = 80;

#[derive(Serialize)]
pub struct Choice {
    value: String,
    label: String,
}

#[derive(Serialize)]
pub struct SearchPageView {
    title: String,
    values: HashMap<&'static str, String>,
    errors: HashMap<&'static str, String>,
    error_summary: Vec<(&'static str, String)>,
    consultations: Vec<Choice>,
    /// Offered once a consultation is chosen.
    roundtables: Vec<Choice>,
    /// Offered once a roundtable is chosen.
    questions: Vec<Choice>,
    organisation_types: Vec<Choice>,
    countries: Vec<Choice>,
    /// Whether any filter is set (the filters then show open).
    filtered: bool,
    /// "date", or "text" for what is not a date (a date field would drop it).
    from_type: &'static str,
    to_type: &'static str,
    results: Option<ResultsView>,
}

#[derive(Serialize)]
struct ResultsView {
    count_line: String,
    places: Vec<PlaceView>,
    comments: Vec<CommentView>,
    position: Option<String>,
    previous: Option<String>,
    next: Option<String>,
    links: Vec<PageLink>,
}

#[derive(Serialize)]
struct PlaceView {
    href: String,
    label: String,
    excerpt: Vec<ExcerptPart>,
}

#[derive(Serialize)]
struct CommentView {
    reference: String,
    href: String,
    excerpt: Vec<ExcerptPart>,
    author: String,
    roundtable_code: Option<String>,
    roundtable_title: String,
    roundtable_href: String,
    consultation_title: String,
    questions: Option<String>,
    date: String,
    status: Option<String>,
}

impl SearchPageView {
    pub fn new(page: &SearchPage, params: &SearchParams, lang: Language) -> Self {
        let values = params.values();
        let chosen = |name: &str| values.get(name).map(String::as_str).unwrap_or("");
        let (consultation, roundtable) = (chosen("consultation"), chosen("roundtable"));
        let mut view = Self {
            title: text(lang, "search-title", &[]),
            consultations: consultation_choices(&page.places),
            roundtables: roundtable_choices(&page.places, consultation),
            questions: question_choices(&page.places, consultation, roundtable, lang),
            organisation_types: OrganisationType::ALL
                .iter()
                .map(|t| Choice {
                    value: t.code().to_owned(),
                    label: labels::organisation_type(*t, lang),
                })
                .collect(),
            countries: labels::countries_by_name(lang)
                .into_iter()
                .map(|(c, name)| Choice {
                    value: c.code().to_owned(),
                    label: name,
                })
                .collect(),
            filtered: values.keys().any(|k| *k != "q"),
            from_type: date_field(chosen("from")),
            to_type: date_field(chosen("to")),
            errors: HashMap::new(),
            error_summary: Vec::new(),
            results: None,
            values,
        };
        for (name, choices) in [
            ("consultation", &mut view.consultations),
            ("roundtable", &mut view.roundtables),
            ("question", &mut view.questions),
            ("organisation_type", &mut view.organisation_types),
            ("country", &mut view.countries),
        ] {
            keep_typed(choices, view.values.get(name));
        }
        match &page.outcome {
            SearchOutcome::NotAsked => {}
            SearchOutcome::Found(results) => {
                view.results = Some(ResultsView::new(results, params, lang));
            }
            SearchOutcome::Mistakes(fields) => view.add_errors(fields, lang),
        }
        view
    }

    fn add_errors(&mut self, fields: &[InvalidField], lang: Language) {
        for error in fields {
            if !self.errors.contains_key(error.field) {
                let message = crate::i18n::say(lang, &error.message);
                self.error_summary.push((error.field, message.clone()));
                self.errors.insert(error.field, message);
            }
        }
        // A mistake in a filter shows the filters open.
        self.filtered |= self.errors.keys().any(|k| *k != "q");
    }
}

impl ResultsView {
    fn new(results: &SearchResults, params: &SearchParams, lang: Language) -> Self {
        let count = i64::try_from(results.total).unwrap_or(i64::MAX);
        let (page, pages) = (results.page, results.pages);
        let href = |n: usize| params.page_href(n);
        Self {
            count_line: text(lang, "search-found", &[("count", count.into())]),
            places: results.places.iter().map(|p| place_view(p, lang)).collect(),
            comments: results
                .comments
                .iter()
                .map(|c| comment_view(c, results.shows_status, lang))
                .collect(),
            position: (pages > 1).then(|| {
                text(
                    lang,
                    "pages-paging-position",
                    &[
                        ("current", (page as i64).into()),
                        ("total", (pages as i64).into()),
                    ],
                )
            }),
            previous: (page > 1).then(|| href(page - 1)),
            next: (page < pages).then(|| href(page + 1)),
            links: if pages > 1 {
                page_link_views(page, pages, href)
            } else {
                Vec::new()
            },
        }
    }
}

fn place_view(place: &FoundPlace, lang: Language) -> PlaceView {
    let consultation = format!("/c/{}", place.consultation_slug);
    let (href, label) = match (&place.roundtable, place.question) {
        (None, _) => (consultation, place.consultation_title.clone()),
        (Some((slug, title)), None) => (format!("{consultation}/{slug}"), title.clone()),
        (Some((slug, title)), Some(number)) => (
            format!("{consultation}/{slug}?question={number}#comments-heading"),
            text(
                lang,
                "search-place-question",
                &[
                    ("number", (number as i64).into()),
                    ("roundtable", title.clone().into()),
                ],
            ),
        ),
    };
    PlaceView {
        href,
        label,
        excerpt: place.excerpt.clone(),
    }
}

/// Where a found comment is read: its permalink once published, the chairs'
/// view of it while it waits (only its chairs and staff find it then).
pub fn comment_path(reference: &str, status: CommentStatus) -> String {
    match status {
        CommentStatus::Approved => format!("/comment/{reference}"),
        _ => format!("/moderation/{reference}"),
    }
}

fn comment_view(c: &FoundComment, shows_status: bool, lang: Language) -> CommentView {
    let a = &c.author;
    let mut author = a.display_name.clone();
    if !a.organisation.is_empty() {
        author.push_str(&format!(", {}", a.organisation));
    }
    if let Some(country) = a.country {
        author.push_str(&format!(" ({})", labels::country(country, lang)));
    }
    let numbers: Vec<String> = c.questions.iter().map(usize::to_string).collect();
    CommentView {
        reference: c.reference.clone(),
        href: comment_path(&c.reference, c.status),
        excerpt: c.excerpt.clone(),
        author,
        roundtable_code: c.roundtable_code.clone(),
        roundtable_title: c.roundtable_title.clone(),
        roundtable_href: format!("/c/{}/{}", c.consultation_slug, c.roundtable_slug),
        consultation_title: c.consultation_title.clone(),
        questions: (!numbers.is_empty()).then(|| {
            text(
                lang,
                "search-questions",
                &[
                    ("count", (numbers.len() as i64).into()),
                    ("numbers", numbers.join(", ").into()),
                ],
            )
        }),
        date: crate::web::format::day(c.created_at, chrono_tz::UTC, lang),
        status: shows_status.then(|| labels::label(lang, "comment", c.status.code())),
    }
}

/// A date field keeps only a well-formed date; anything else typed is
/// given back in a text field, beside its mistake.
fn date_field(typed: &str) -> &'static str {
    let well_formed = chrono::NaiveDate::parse_from_str(typed, "%Y-%m-%d").is_ok();
    if typed.is_empty() || (well_formed && typed.len() == 10) {
        "date"
    } else {
        "text"
    }
}

/// A value typed that is not among the choices stays chosen (shown as
/// typed, with its mistake), so that the form gives back what was sent.
fn keep_typed(choices: &mut Vec<Choice>, typed: Option<&String>) {
    let Some(typed) = typed else { return };
    if !choices.is_empty() && !choices.iter().any(|c| c.value == *typed) {
        choices.push(Choice {
            value: typed.clone(),
            label: typed.clone(),
        });
    }
}

fn consultation_choices(places: &[PlaceRow]) -> Vec<Choice> {
    places
        .iter()
        .filter(|p| p.roundtable.is_none())
        .map(|p| Choice {
            value: p.consultation_slug.clone(),
            label: p.consultation_title.clone(),
        })
        .collect()
}

fn roundtable_choices(places: &[PlaceRow], consultation: &str) -> Vec<Choice> {
    places
        .iter()
        .filter(|p| !consultation.is_empty() && p.consultation_slug == consultation)
        .filter_map(|p| p.roundtable.as_ref())
        .filter(|r| r.question.is_none())
        .map(|r| Choice {
            value: r.slug.clone(),
            label: r.title.clone(),
        })
        .collect()
}

fn question_choices(
    places: &[PlaceRow],
    consultation: &str,
    roundtable: &str,
    lang: Language,
) -> Vec<Choice> {
    places
        .iter()
        .filter(|p| !roundtable.is_empty() && p.consultation_slug == consultation)
        .filter_map(|p| {
            let r = p.roundtable.as_ref().filter(|r| r.slug == roundtable)?;
            let (number, _) = r.question.as_ref()?;
            Some(Choice {
                value: number.to_string(),
                label: question_label(*number, &p.text, lang),
            })
        })
        .collect()
}

/// "2. How can …", cut to a length a select shows on a phone.
pub fn question_label(number: usize, question: &str, lang: Language) -> String {
    let mut shown: String = question.chars().take(QUESTION_LABEL_CHARS).collect();
    if question.chars().count() > QUESTION_LABEL_CHARS {
        shown.push('…');
    }
    text(
        lang,
        "search-question-choice",
        &[("number", (number as i64).into()), ("text", shown.into())],
    )
}
