//! A search as typed (a form's or the API's parameters) checked into a
//! query and filters, every mistake named by its field.

use crate::db::queries::search::PlaceRow;
use crate::domain::affiliation::{Country, OrganisationType};
use crate::domain::search::SearchQuery;
use crate::domain::InvalidField;
use crate::services::ServiceError;
use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// The parameters of a search, as typed; blank means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchInput {
    pub q: String,
    /// A consultation's slug.
    pub consultation: String,
    /// A roundtable's slug, within `consultation`.
    pub roundtable: String,
    /// A guiding question's number, within `roundtable`.
    pub question: String,
    pub organisation_type: String,
    /// ISO 3166 alpha-2.
    pub country: String,
    /// Dates (YYYY-MM-DD), both included.
    pub from: String,
    pub to: String,
    /// From 1.
    pub page: usize,
    /// For chairs and staff: a theme's label, and "retained",
    /// "not_retained" or "undecided" (see `services::report_marks`).
    pub theme: String,
    pub relevance: String,
}

/// The checked search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: SearchQuery,
    pub consultation: Option<String>,
    pub roundtable: Option<String>,
    pub question: Option<String>,
    pub organisation_type: Option<OrganisationType>,
    pub country: Option<Country>,
    pub from: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
    pub page: usize,
}

impl SearchRequest {
    /// Whether only comments can answer (filters that places do not have).
    pub fn comments_only(&self) -> bool {
        self.question.is_some()
            || self.organisation_type.is_some()
            || self.country.is_some()
            || self.from.is_some()
            || self.until.is_some()
    }
}

/// Checks every field, naming each mistake; `places` are the consultations,
/// roundtables and questions the searcher may see.
pub fn check(input: &SearchInput, places: &[PlaceRow]) -> Result<SearchRequest, ServiceError> {
    let mut mistakes = Mistakes(Vec::new());
    let query = mistakes.keep(SearchQuery::parse("q", &input.q).map(Some));
    let consultation = mistakes.keep(consultation_id(&input.consultation, places));
    let roundtable = mistakes.keep(roundtable_id(input, consultation.as_deref(), places));
    let question = mistakes.keep(question_id(input, roundtable.as_deref(), places));
    let organisation_type = mistakes.keep(blank_or(&input.organisation_type, |code| {
        OrganisationType::parse("organisation_type", code)
    }));
    let country = mistakes.keep(blank_or(&input.country, |code| {
        Country::parse("country", code)
    }));
    let from = mistakes.keep(date("from", &input.from));
    let to = mistakes.keep(date("to", &input.to));
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            mistakes
                .0
                .push(InvalidField::new("to", "invalid-search-dates-reversed"));
        }
    }
    match query {
        Some(query) if mistakes.0.is_empty() => Ok(SearchRequest {
            query,
            consultation,
            roundtable,
            question,
            organisation_type,
            country,
            from: from.and_then(|d| d.and_hms_opt(0, 0, 0)),
            until: to
                .and_then(|d| d.succ_opt())
                .and_then(|d| d.and_hms_opt(0, 0, 0)),
            page: input.page.clamp(1, PAGE_MAX),
        }),
        _ => Err(ServiceError::InvalidFields(mistakes.0)),
    }
}

/// Every mistake of a form, in the order of its fields.
struct Mistakes(Vec<InvalidField>);

impl Mistakes {
    fn keep<T>(&mut self, checked: Result<Option<T>, InvalidField>) -> Option<T> {
        checked.unwrap_or_else(|mistake| {
            self.0.push(mistake);
            None
        })
    }
}

fn blank_or<T>(
    typed: &str,
    parse: impl FnOnce(&str) -> Result<T, InvalidField>,
) -> Result<Option<T>, InvalidField> {
    match typed.trim() {
        "" => Ok(None),
        value => parse(value).map(Some),
    }
}

fn consultation_id(slug: &str, places: &[PlaceRow]) -> Result<Option<String>, InvalidField> {
    blank_or(slug, |slug| {
        places
            .iter()
            .find(|p| p.consultation_slug == slug)
            .map(|p| p.consultation_id.clone())
            .ok_or_else(|| InvalidField::new("consultation", "invalid-search-consultation"))
    })
}

fn roundtable_id(
    input: &SearchInput,
    consultation: Option<&str>,
    places: &[PlaceRow],
) -> Result<Option<String>, InvalidField> {
    blank_or(&input.roundtable, |slug| {
        places
            .iter()
            .filter(|p| Some(p.consultation_id.as_str()) == consultation)
            .filter_map(|p| p.roundtable.as_ref())
            .find(|r| r.slug == slug)
            .map(|r| r.id.clone())
            .ok_or_else(|| InvalidField::new("roundtable", "invalid-search-roundtable"))
    })
}

fn question_id(
    input: &SearchInput,
    roundtable: Option<&str>,
    places: &[PlaceRow],
) -> Result<Option<String>, InvalidField> {
    blank_or(&input.question, |number| {
        let number: usize = number.parse().unwrap_or(0);
        places
            .iter()
            .filter_map(|p| p.roundtable.as_ref())
            .filter(|r| Some(r.id.as_str()) == roundtable)
            .filter_map(|r| r.question.as_ref())
            .find(|(n, _)| *n == number)
            .map(|(_, id)| id.clone())
            .ok_or_else(|| InvalidField::new("question", "invalid-search-question"))
    })
}

/// A page number past any real search (20 results a page): the last page
/// is shown instead, as for any page past the end.
const PAGE_MAX: usize = 100_000;

/// A day written year-month-day with a four-digit year, as a date field
/// sends it (chrono alone would take signed and five-digit years, which
/// PostgreSQL's timestamps refuse).
fn date(field: &'static str, typed: &str) -> Result<Option<NaiveDate>, InvalidField> {
    blank_or(typed, |value| {
        let shaped = value.len() == 10
            && value.bytes().enumerate().all(|(at, b)| {
                if at == 4 || at == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        shaped
            .then(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
            .flatten()
            .filter(|d| d.year() >= 1)
            .ok_or_else(|| InvalidField::new(field, "invalid-search-date").with("value", value))
    })
}
