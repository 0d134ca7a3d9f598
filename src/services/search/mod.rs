//! Finding what was said: comments by their words (with who may see which),
//! the consultations, roundtables and guiding questions whose words match,
//! and the chairs' "possible duplicates" of a waiting comment.

mod duplicates;
mod request;

pub use duplicates::{possible_duplicates, PossibleDuplicate};
pub use request::{check, SearchInput, SearchRequest};

use crate::db::queries::moderation::chaired_roundtables;
use crate::db::queries::report_marks::MarkFilter;
use crate::db::queries::roundtables::guiding_questions_of;
use crate::db::queries::search::{self, CommentFilter, FoundRow, PlaceRow, Visibility};
use crate::db::AnyConnection;
use crate::domain::affiliation::Affiliation;
use crate::domain::comment::CommentStatus;
use crate::domain::ids::RoundtableId;
use crate::domain::queue_pages::{offset, page_count, page_to_show};
use crate::domain::search::{excerpt, index_terms, ExcerptPart, IndexLanguage, SearchQuery};
use crate::domain::user::Actor;
use crate::services::report_marks;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// Comments per page of results.
pub const RESULTS_PER_PAGE: usize = crate::domain::queue_pages::QUEUE_PAGE_SIZE;
/// Consultations, roundtables and questions shown above the comments.
const PLACES_SHOWN: usize = 5;

pub struct SearchResults {
    pub request: SearchRequest,
    /// Consultations, roundtables and questions that match, on the first page.
    pub places: Vec<FoundPlace>,
    pub comments: Vec<FoundComment>,
    /// How many comments match in all.
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    /// Whether the searcher may see unpublished comments (so each shows its status).
    pub shows_status: bool,
}

pub struct FoundComment {
    pub reference: String,
    pub consultation_slug: String,
    pub consultation_title: String,
    pub roundtable_slug: String,
    pub roundtable_title: String,
    pub roundtable_code: Option<String>,
    pub author: Affiliation,
    pub status: CommentStatus,
    pub created_at: DateTime<Utc>,
    /// The guiding questions it answers, by number.
    pub questions: Vec<usize>,
    pub excerpt: Vec<ExcerptPart>,
}

pub struct FoundPlace {
    pub consultation_slug: String,
    pub consultation_title: String,
    /// Slug and title, when the place is a roundtable or one of its questions.
    pub roundtable: Option<(String, String)>,
    pub question: Option<usize>,
    pub excerpt: Vec<ExcerptPart>,
}

/// What the search page shows: its form's choices and what the search gave.
pub struct SearchPage {
    pub places: Vec<PlaceRow>,
    pub outcome: SearchOutcome,
}

pub enum SearchOutcome {
    /// The form only: nothing typed yet.
    NotAsked,
    Found(Box<SearchResults>),
    /// The fields at fault, each with its reason.
    Mistakes(Vec<crate::domain::InvalidField>),
}

/// The checks a search form runs before it searches, for the places it may name.
pub fn places_for(
    conn: &mut AnyConnection,
    who: Option<Actor>,
) -> Result<Vec<PlaceRow>, ServiceError> {
    Ok(search::places(conn, who.is_some_and(|w| w.staff))?)
}

/// A page of what answers the search, as `who` may see it (None: a visitor).
pub fn search(
    conn: &mut AnyConnection,
    who: Option<Actor>,
    input: &SearchInput,
) -> Result<SearchResults, ServiceError> {
    let places = places_for(conn, who)?;
    search_among(conn, who, &places, input)
}

/// The search page: the places its form offers, and the results when a
/// search was asked for (or the mistakes that stopped it).
pub fn search_page(
    conn: &mut AnyConnection,
    who: Option<Actor>,
    input: Option<&SearchInput>,
) -> Result<SearchPage, ServiceError> {
    let places = places_for(conn, who)?;
    let outcome = match input.map(|input| search_among(conn, who, &places, input)) {
        None => SearchOutcome::NotAsked,
        Some(Ok(results)) => SearchOutcome::Found(Box::new(results)),
        Some(Err(ServiceError::InvalidFields(fields))) => SearchOutcome::Mistakes(fields),
        Some(Err(other)) => return Err(other),
    };
    Ok(SearchPage { places, outcome })
}

/// `search` within the places already read for `who`.
fn search_among(
    conn: &mut AnyConnection,
    who: Option<Actor>,
    places: &[PlaceRow],
    input: &SearchInput,
) -> Result<SearchResults, ServiceError> {
    let request = check(input, places)?;
    let chaired = match who {
        Some(actor) if !actor.staff => chaired_roundtables(conn, actor.id)?,
        _ => Vec::new(),
    };
    let visibility = match who {
        Some(actor) if actor.staff => Visibility::Everything,
        Some(_) if !chaired.is_empty() => Visibility::Chair(&chaired),
        _ => Visibility::Public,
    };
    let marks = report_marks::mark_filter(conn, who, &input.theme, &input.relevance).map_err(
        |e| match e {
            ServiceError::Invalid(field) => ServiceError::InvalidFields(vec![field]),
            other => other,
        },
    )?;
    let filter = comment_filter(&request);
    let window = |page: usize| Some((offset(page) as i64, RESULTS_PER_PAGE as i64));
    let mut page = request.page.max(1);
    let (mut hits, total) = match &marks {
        Some(marks) => marked_hits(conn, &request, (filter, visibility), marks)?,
        None => search::matching_comments(conn, &request.query, filter, visibility, window(page))?,
    };
    let total = usize::try_from(total).unwrap_or(0);
    if marks.is_some() {
        page = page_to_show(page, total);
        hits = hits
            .into_iter()
            .skip(offset(page))
            .take(RESULTS_PER_PAGE)
            .collect();
    } else if page_to_show(page, total) != page {
        // Past the end: the last page instead.
        page = page_to_show(page, total);
        hits = search::matching_comments(conn, &request.query, filter, visibility, window(page))?.0;
    }
    let comments = found_comments(conn, &request.query, &hits)?;
    let places = if page == 1 && !request.comments_only() {
        matching_places(places, &request)
    } else {
        Vec::new()
    };
    Ok(SearchResults {
        places,
        comments,
        total,
        page,
        pages: page_count(total),
        shows_status: !matches!(visibility, Visibility::Public),
        request,
    })
}

/// Every hit, narrowed to a theme or a relevance (chairs and staff): the
/// marks live outside the search index, so the page is cut after.
fn marked_hits(
    conn: &mut AnyConnection,
    request: &SearchRequest,
    (filter, visibility): (CommentFilter, Visibility),
    marks: &MarkFilter,
) -> Result<(Vec<(String, f64)>, i64), ServiceError> {
    let (hits, _) = search::matching_comments(conn, &request.query, filter, visibility, None)?;
    let ids: Vec<String> = hits.iter().map(|(id, _)| id.clone()).collect();
    let kept: std::collections::HashSet<String> = report_marks::keep_marked(conn, &ids, marks)?
        .into_iter()
        .collect();
    let hits: Vec<(String, f64)> = hits
        .into_iter()
        .filter(|(id, _)| kept.contains(id))
        .collect();
    let total = i64::try_from(hits.len()).unwrap_or(i64::MAX);
    Ok((hits, total))
}

/// The ids of every comment that answers `query` within a roundtable or a
/// consultation, whatever its status: the digest's filter (the digest
/// chooses statuses itself). Erased authors' comments are not indexed.
pub fn matching_ids(
    conn: &mut AnyConnection,
    query: &SearchQuery,
    consultation: &str,
    roundtable: Option<&str>,
) -> Result<Vec<String>, ServiceError> {
    let filter = CommentFilter {
        consultation: Some(consultation),
        roundtable,
        ..CommentFilter::default()
    };
    let (hits, _) = search::matching_comments(conn, query, filter, Visibility::AllStatuses, None)?;
    Ok(hits.into_iter().map(|(id, _)| id).collect())
}

/// Indexes the comments of a database that has just been given the search
/// index by `applied` migrations (run under the migration lock).
pub fn index_after_upgrade(
    conn: &mut AnyConnection,
    applied: &[String],
) -> Result<(), crate::db::StorageError> {
    if applied
        .iter()
        .any(|v| v.starts_with(search::INDEX_MIGRATION))
    {
        crate::db::write_transaction(conn, search::rebuild)?;
    }
    Ok(())
}

/// Rebuilds the search index; returns how many comments it holds.
pub fn rebuild_index(conn: &mut AnyConnection) -> Result<usize, ServiceError> {
    Ok(crate::db::write_transaction(conn, search::rebuild)?)
}

fn comment_filter(request: &SearchRequest) -> CommentFilter<'_> {
    CommentFilter {
        consultation: request.consultation.as_deref(),
        roundtable: request.roundtable.as_deref(),
        question: request.question.as_deref(),
        organisation_type: request.organisation_type.map(|t| t.code()),
        country: request.country.map(|c| c.code()),
        from: request.from,
        until: request.until,
    }
}

fn found_comments(
    conn: &mut AnyConnection,
    query: &SearchQuery,
    hits: &[(String, f64)],
) -> Result<Vec<FoundComment>, ServiceError> {
    let ids: Vec<String> = hits.iter().map(|(id, _)| id.clone()).collect();
    let mut rows: HashMap<String, FoundRow> = search::found_comments(conn, &ids)?
        .into_iter()
        .map(|row| (row.id.clone(), row))
        .collect();
    let roundtables: Vec<RoundtableId> = rows.values().map(|r| r.roundtable_id).collect();
    let questions = guiding_questions_of(conn, &roundtables)?;
    let mut found = Vec::with_capacity(ids.len());
    for id in &ids {
        let Some(row) = rows.remove(id) else { continue };
        let mut numbers: Vec<usize> = questions
            .get(&row.roundtable_id)
            .into_iter()
            .flatten()
            .filter(|q| row.question_ids.contains(&q.id.to_string()))
            .map(|q| q.number)
            .collect();
        numbers.sort_unstable();
        let language = IndexLanguage::of(row.language.as_deref());
        let text = crate::text::plain_text(&row.body_markdown);
        found.push(FoundComment {
            excerpt: excerpt(&text, language, query),
            reference: row.reference,
            consultation_slug: row.consultation_slug,
            consultation_title: row.consultation_title,
            roundtable_slug: row.roundtable_slug,
            roundtable_title: row.roundtable_title,
            roundtable_code: row.roundtable_code,
            author: row.author,
            status: row.status,
            created_at: row.created_at,
            questions: numbers,
        });
    }
    Ok(found)
}

/// Consultations, roundtables and questions within the filters whose words
/// answer the query: titles and summaries, or the question's text.
fn matching_places(places: &[PlaceRow], request: &SearchRequest) -> Vec<FoundPlace> {
    places
        .iter()
        .filter(|p| {
            request
                .consultation
                .as_ref()
                .is_none_or(|c| *c == p.consultation_id)
        })
        .filter(|p| {
            request
                .roundtable
                .as_ref()
                .is_none_or(|r| p.roundtable.as_ref().is_some_and(|t| t.id == *r))
        })
        .filter(|p| {
            let language = IndexLanguage::of(Some(&p.language));
            let terms: Vec<String> = index_terms(&p.text, language)
                .split(' ')
                .map(str::to_owned)
                .collect();
            request.query.matches(&terms, language)
        })
        .take(PLACES_SHOWN)
        .map(|p| FoundPlace {
            consultation_slug: p.consultation_slug.clone(),
            consultation_title: p.consultation_title.clone(),
            roundtable: p
                .roundtable
                .as_ref()
                .map(|r| (r.slug.clone(), r.title.clone())),
            question: p
                .roundtable
                .as_ref()
                .and_then(|r| r.question.as_ref().map(|q| q.0)),
            excerpt: excerpt(
                &p.text,
                IndexLanguage::of(Some(&p.language)),
                &request.query,
            ),
        })
        .collect()
}
