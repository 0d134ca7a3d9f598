//! `GET /api/v1/search`: the search page's search as JSON, for whoever
//! calls (a visitor, or a token's owner or the session's, who may see more).

use super::caller::MaybeCaller;
use super::schemas::found_comment_status_schema;
use crate::domain::search::{plain, ExcerptPart};
use crate::domain::user::Actor;
use crate::services::search::{self, FoundComment, FoundPlace, SearchInput, SearchResults};
use crate::web::error::WebError;
use crate::web::page_cache::policy::{private, public};
use crate::web::search::params::page_number;
use crate::web::search::view::comment_path;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use url::Url;
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchQueryParams {
    /// Words to look for; "a phrase" in quotation marks; -word leaves out what contains it. 1 to 200 characters.
    #[param(required = true, max_length = 200)]
    pub q: Option<String>,
    /// A consultation's slug.
    pub consultation: Option<String>,
    /// A roundtable's slug, within `consultation`.
    pub roundtable: Option<String>,
    /// A guiding question's number, within `roundtable`.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub question: Option<String>,
    /// The authors' type of organisation, by its code.
    pub organisation_type: Option<String>,
    /// The authors' country, ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Written on or after this day (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<String>,
    /// Written on or before this day (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<String>,
    /// For the roundtable's chairs and staff only (422 for anyone else): a
    /// theme's label (case, accents and spaces do not matter).
    pub theme: Option<String>,
    /// For chairs and staff only (422 for anyone else): published comments
    /// `retained` for the report, `not_retained`, or `undecided`.
    #[param(pattern = "^(retained|not_retained|undecided)$")]
    pub relevance: Option<String>,
    /// The page of results, from 1; 20 results a page.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
}

impl SearchQueryParams {
    fn input(self) -> Result<SearchInput, WebError> {
        let page = page_number(self.page.as_deref().unwrap_or(""))?;
        Ok(SearchInput {
            q: self.q.unwrap_or_default(),
            consultation: self.consultation.unwrap_or_default(),
            roundtable: self.roundtable.unwrap_or_default(),
            question: self.question.unwrap_or_default(),
            organisation_type: self.organisation_type.unwrap_or_default(),
            country: self.country.unwrap_or_default(),
            from: self.from.unwrap_or_default(),
            to: self.to.unwrap_or_default(),
            page,
            theme: self.theme.unwrap_or_default(),
            relevance: self.relevance.unwrap_or_default(),
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct SearchResultsDto {
    /// The query as it was sent.
    query: String,
    /// How many comments match in all.
    total: usize,
    page: usize,
    pages: usize,
    results: Vec<FoundCommentDto>,
    /// Consultations, roundtables and guiding questions that match (first page only).
    places: Vec<FoundPlaceDto>,
}

#[derive(Serialize, ToSchema)]
pub struct FoundCommentDto {
    reference: String,
    /// Where the comment is read: its permalink once published, the chairs' view while it waits.
    url: String,
    consultation: SlugTitleDto,
    roundtable: FoundRoundtableDto,
    /// The guiding questions it answers, by number.
    questions: Vec<usize>,
    author: FoundAuthorDto,
    #[schema(schema_with = found_comment_status_schema)]
    status: &'static str,
    created_at: DateTime<Utc>,
    /// A few lines around the first match, as text.
    excerpt: String,
    /// The same, HTML-escaped, with the matched words in `<mark>`.
    excerpt_html: String,
}

#[derive(Serialize, ToSchema)]
pub struct SlugTitleDto {
    slug: String,
    title: String,
}

#[derive(Serialize, ToSchema)]
pub struct FoundRoundtableDto {
    slug: String,
    title: String,
    code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct FoundAuthorDto {
    name: String,
    organisation: String,
    organisation_type: Option<&'static str>,
    /// ISO 3166-1 alpha-2
    country: Option<&'static str>,
}

#[derive(Serialize, ToSchema)]
pub struct FoundPlaceDto {
    consultation: SlugTitleDto,
    roundtable: Option<SlugTitleDto>,
    /// The guiding question's number, when the place is one.
    question: Option<usize>,
    url: String,
    excerpt: String,
    excerpt_html: String,
}

/// The excerpt escaped for HTML, its matched words in `<mark>`.
fn marked_html(parts: &[ExcerptPart]) -> String {
    let mut html = String::new();
    for part in parts {
        let text = escape(&part.text);
        if part.marked {
            html.push_str(&format!("<mark>{text}</mark>"));
        } else {
            html.push_str(&text);
        }
    }
    html
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

fn absolute(base: &Url, path: &str) -> String {
    base.join(path)
        .map_or_else(|_| path.to_owned(), String::from)
}

impl SearchResultsDto {
    fn new(query: String, found: &SearchResults, base: &Url) -> Self {
        Self {
            query,
            total: found.total,
            page: found.page,
            pages: found.pages,
            results: found.comments.iter().map(|c| comment(c, base)).collect(),
            places: found.places.iter().map(|p| place(p, base)).collect(),
        }
    }
}

fn comment(c: &FoundComment, base: &Url) -> FoundCommentDto {
    FoundCommentDto {
        reference: c.reference.clone(),
        url: absolute(base, &comment_path(&c.reference, c.status)),
        consultation: SlugTitleDto {
            slug: c.consultation_slug.clone(),
            title: c.consultation_title.clone(),
        },
        roundtable: FoundRoundtableDto {
            slug: c.roundtable_slug.clone(),
            title: c.roundtable_title.clone(),
            code: c.roundtable_code.clone(),
        },
        questions: c.questions.clone(),
        author: FoundAuthorDto {
            name: c.author.display_name.clone(),
            organisation: c.author.organisation.clone(),
            organisation_type: c.author.organisation_type.map(|t| t.code()),
            country: c.author.country.map(|c| c.code()),
        },
        status: c.status.code(),
        created_at: c.created_at,
        excerpt: plain(&c.excerpt),
        excerpt_html: marked_html(&c.excerpt),
    }
}

fn place(p: &FoundPlace, base: &Url) -> FoundPlaceDto {
    let consultation = format!("/c/{}", p.consultation_slug);
    let path = match (&p.roundtable, p.question) {
        (None, _) => consultation.clone(),
        (Some((slug, _)), None) => format!("{consultation}/{slug}"),
        (Some((slug, _)), Some(n)) => format!("{consultation}/{slug}?question={n}"),
    };
    FoundPlaceDto {
        consultation: SlugTitleDto {
            slug: p.consultation_slug.clone(),
            title: p.consultation_title.clone(),
        },
        roundtable: p.roundtable.as_ref().map(|(slug, title)| SlugTitleDto {
            slug: slug.clone(),
            title: title.clone(),
        }),
        question: p.question,
        url: absolute(base, &path),
        excerpt: plain(&p.excerpt),
        excerpt_html: marked_html(&p.excerpt),
    }
}

/// Comments (and consultations, roundtables, guiding questions) by their words.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "search",
    params(SearchQueryParams),
    responses(
        (status = 200, description = "A page of results, best first. Visitors find published comments; with a token or a session, a chair also finds the waiting comments of their roundtables and staff every comment but withdrawn ones", body = SearchResultsDto),
        (status = 400, description = "A parameter this route does not take, or a page that is not a whole number from 1", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "An `Authorization` header that is not a valid token", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong, named in `invalid_params`: `q` empty, over 200 characters, with an unclosed quotation mark or no word to look for; an unknown `consultation`, `roundtable` or `question`; an unknown `organisation_type` or `country`; a `from` or `to` that is not a date, or `to` before `from`; `theme` or `relevance` from anyone but chairs and staff, or an unknown `relevance`", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database cannot be reached; try again after `Retry-After` seconds", body = crate::web::error::Problem, content_type = "application/problem+json", headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn search(
    state: web::Data<AppState>,
    caller: MaybeCaller,
    query: web::Query<SearchQueryParams>,
) -> Result<HttpResponse, WebError> {
    let input = query.into_inner().input()?;
    let who = caller.0.as_ref().map(Actor::of);
    let typed = input.q.clone();
    let found = state
        .db(move |conn| search::search(conn, who, &input))
        .await?;
    let mut response = HttpResponse::Ok();
    match who {
        None => public(&mut response),
        Some(_) => private(&mut response),
    };
    Ok(response.json(SearchResultsDto::new(typed, &found, &state.base_url)))
}
