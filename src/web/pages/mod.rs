//! The public pages: thin handlers that load a read model and render it.

pub mod comment_views;
pub mod late_views;
pub mod paging;
pub mod reading;
pub mod views;

use crate::domain::roundtable::GuidingQuestion;
use crate::domain::user::Actor;
use crate::services::pages::{self, Found};
use crate::web::error::WebError;
use crate::web::outcome_views::outcome_notice;
use crate::web::redirects::moved_permanently;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use paging::Browsing;
use reading::Reading;
use serde::Deserialize;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home))
        .route("/c/{consultation}", web::get().to(consultation))
        .route("/c/{consultation}/{roundtable}", web::get().to(roundtable));
}

async fn home(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, WebError> {
    let now = Utc::now();
    let consultations = state.db(move |conn| pages::home(conn, now)).await?;
    state.render(
        "pages/home.html",
        &views::HomeView::new(&consultations, now, viewer.language),
        &viewer,
    )
}

async fn consultation(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = path.into_inner();
    let reader = viewer.user.as_ref().map(Actor::of);
    let found = state
        .db(move |conn| pages::consultation_page_or_moved(conn, &slug, reader))
        .await?;
    let page = match found {
        Found::Here(page) => page,
        Found::MovedTo(to) => return Ok(moved_permanently(to)),
    };
    state.render(
        "pages/consultation.html",
        &views::ConsultationPageView::new(&page, Utc::now(), viewer.language),
        &viewer,
    )
}

/// `?answer=N`: the reader followed "Comment on this question".
#[derive(Deserialize, Default)]
#[serde(default)]
struct RoundtableQuery {
    answer: Option<String>,
    /// Read one question's threads: its number, or "general".
    question: Option<String>,
    /// "oldest" (the default) or "newest" thread first.
    order: Option<String>,
    page: Option<String>,
    /// A comment's reference: open the page that holds it.
    comment: Option<String>,
    /// What the outcome form just did: "saved", "published" or "withdrawn".
    outcome: Option<String>,
}

impl RoundtableQuery {
    fn browsing(&self, questions: &[GuidingQuestion]) -> Result<Browsing, WebError> {
        // A link to one comment shows it among all threads, whatever the
        // question filter it was copied with.
        let reading = match self.comment {
            Some(_) => Reading::All,
            None => Reading::parse(self.question.as_deref(), questions)?,
        };
        Browsing::parse(
            reading,
            self.order.as_deref(),
            self.page.as_deref(),
            self.comment.as_deref(),
        )
    }
}

async fn roundtable(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    query: web::Query<RoundtableQuery>,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    let reader = viewer.user.as_ref().map(Actor::of);
    let now = Utc::now();
    let found = state
        .db(move |conn| {
            pages::roundtable_page_or_moved(conn, &consultation, &roundtable, reader, now)
        })
        .await?;
    let page = match found {
        Found::Here(page) => page,
        Found::MovedTo(to) => return Ok(moved_permanently(to)),
    };
    let answering = comment_views::open_question(&page.detail.questions, query.answer.as_deref())?;
    let browsing = query.browsing(&page.detail.questions)?;
    let base = crate::web::paths::roundtable_path(
        page.detail.consultation.slug.as_str(),
        page.detail.roundtable.slug.as_str(),
    );
    let questions = &page.detail.questions;
    let shown = paging::show(&page.threads, questions, &browsing, &base, viewer.language)?;
    let notice = outcome_notice(query.outcome.as_deref(), &page, viewer.language);
    let view = views::RoundtablePageView::new(
        &page,
        now,
        viewer.signed_in(),
        answering,
        (&browsing, shown),
        viewer.language,
    );
    let view = view.with_outcome_notice(notice);
    state.render("pages/roundtable.html", &view, &viewer)
}
