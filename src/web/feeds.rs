//! "Save in my calendar" (iCalendar) and Atom feeds of published comments
//! and of consultations. Feeds are rendered by templates with XML escaping.

use crate::domain::comment::Comment;
use crate::export::calendar::to_ics;
use crate::services::pages;
use crate::services::syndication::{self, CommentFeed};
use crate::web::error::WebError;
use crate::web::page_cache::policy;
use crate::web::state::AppState;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, TimeZone, Utc};
use serde::Serialize;

/// Registered before the pages: "/c/x/calendar.ics" would otherwise be read
/// as a roundtable called "calendar.ics".
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/feed.atom", web::get().to(consultations_feed))
        .route(
            "/c/{consultation}/calendar.ics",
            web::get().to(consultation_calendar),
        )
        .route(
            "/c/{consultation}/feed.atom",
            web::get().to(consultation_feed),
        )
        .route(
            "/c/{consultation}/{roundtable}/calendar.ics",
            web::get().to(roundtable_calendar),
        )
        .route(
            "/c/{consultation}/{roundtable}/feed.atom",
            web::get().to(roundtable_feed),
        );
}

fn calendar_file(ics: String, name: &str) -> HttpResponse {
    policy::public(&mut HttpResponse::Ok())
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.ics\""),
        ))
        .body(ics)
}

async fn consultation_calendar(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = path.into_inner();
    let s = slug.clone();
    let content = state
        .db(move |conn| syndication::consultation_calendar(conn, &s))
        .await?;
    Ok(calendar_file(to_ics(&content, &state.base_url), &slug))
}

async fn roundtable_calendar(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    let r = roundtable.clone();
    let content = state
        .db(move |conn| syndication::roundtable_calendar(conn, &consultation, &r))
        .await?;
    Ok(calendar_file(
        to_ics(&content, &state.base_url),
        &roundtable,
    ))
}

#[derive(Serialize)]
struct EntryView {
    id: String,
    title: String,
    url: String,
    published: String,
    updated: String,
    author: String,
    html: String,
}

#[derive(Serialize)]
struct FeedView {
    title: String,
    page_url: String,
    self_url: String,
    updated: String,
    entries: Vec<EntryView>,
}

fn link(state: &AppState, path: &str) -> String {
    state
        .base_url
        .join(path)
        .map(String::from)
        .unwrap_or_else(|_| path.to_owned())
}

/// When a feed without entries last changed: a fixed moment, so that
/// readers polling it see nothing new.
fn quiet_since() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap()
}

/// XML 1.0 forbids most control characters even when escaped: one in a
/// name would make the whole feed unreadable.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t' | '\r'))
        .collect()
}

fn atom(state: &AppState, view: &FeedView) -> Result<HttpResponse, WebError> {
    let xml = state.templates.render("feeds/comments.xml", view)?;
    Ok(policy::public(&mut HttpResponse::Ok())
        .content_type("application/atom+xml; charset=utf-8")
        .body(xml))
}

fn comment_entry(
    state: &AppState,
    consultation: &str,
    entry: &(Comment, String, String),
) -> EntryView {
    let (comment, roundtable_slug, roundtable_title) = entry;
    let published = comment.published_at().to_rfc3339();
    EntryView {
        id: format!("urn:uuid:{}", comment.id),
        title: xml_text(&format!(
            "{} on {roundtable_title}",
            comment.author.identity()
        )),
        url: link(
            state,
            &format!("c/{consultation}/{roundtable_slug}#{}", comment.reference),
        ),
        updated: comment
            .edited_at
            .map_or(published.clone(), |e| e.to_rfc3339()),
        published,
        author: xml_text(&comment.author.identity()),
        html: xml_text(comment.body_html.as_str()),
    }
}

fn comment_feed_view(
    state: &AppState,
    consultation: &str,
    feed: &CommentFeed,
    self_path: &str,
) -> FeedView {
    let entries: Vec<EntryView> = feed
        .entries
        .iter()
        .map(|e| comment_entry(state, consultation, e))
        .collect();
    FeedView {
        title: feed.title.clone(),
        page_url: link(state, &feed.path),
        self_url: link(state, self_path),
        updated: feed
            .entries
            .iter()
            .map(|(c, _, _)| c.published_at())
            .max()
            .unwrap_or_else(quiet_since)
            .to_rfc3339(),
        entries,
    }
}

async fn roundtable_feed(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    let (c, r) = (consultation.clone(), roundtable.clone());
    let feed = state
        .db(move |conn| syndication::roundtable_feed(conn, &c, &r))
        .await?;
    let self_path = format!("c/{consultation}/{roundtable}/feed.atom");
    atom(
        &state,
        &comment_feed_view(&state, &consultation, &feed, &self_path),
    )
}

async fn consultation_feed(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let consultation = path.into_inner();
    let c = consultation.clone();
    let (feed, slug) = state
        .db(move |conn| syndication::consultation_feed(conn, &c))
        .await?;
    let self_path = format!("c/{slug}/feed.atom");
    atom(&state, &comment_feed_view(&state, &slug, &feed, &self_path))
}

/// Public consultations, newest first: an entry each.
async fn consultations_feed(state: web::Data<AppState>) -> Result<HttpResponse, WebError> {
    let mut list = state.db(|conn| pages::home(conn, Utc::now())).await?;
    // Ids are UUID v7: their time part is when the consultation was created.
    let created = |c: &crate::domain::consultation::Consultation| {
        c.id.0
            .get_timestamp()
            .map(|t| t.to_unix())
            .and_then(|(secs, nanos)| Utc.timestamp_opt(secs as i64, nanos).single())
            .unwrap_or_else(quiet_since)
    };
    list.sort_by_key(|c| std::cmp::Reverse(created(c)));
    let entries: Vec<EntryView> = list
        .iter()
        .map(|c| {
            let when = created(c).to_rfc3339();
            EntryView {
                id: format!("urn:uuid:{}", c.id),
                title: c.title.clone(),
                url: link(&state, &format!("c/{}", c.slug)),
                published: when.clone(),
                updated: when,
                author: "Roundtable".into(),
                html: format!("<p>{}</p>", crate::templates::escape_html(&c.summary)),
            }
        })
        .collect();
    let view = FeedView {
        title: "Consultations on Roundtable".into(),
        page_url: link(&state, ""),
        self_url: link(&state, "feed.atom"),
        updated: entries
            .first()
            .map(|e| e.updated.clone())
            .unwrap_or_else(|| quiet_since().to_rfc3339()),
        entries,
    };
    atom(&state, &view)
}
