//! The public pages: thin handlers that load a read model and render it.

pub mod comment_views;
pub mod views;

use crate::domain::user::Actor;
use crate::services::pages::{self, Found};
use crate::web::error::WebError;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;

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

async fn roundtable(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
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
    state.render(
        "pages/roundtable.html",
        &views::RoundtablePageView::new(&page, now, viewer.signed_in(), viewer.language),
        &viewer,
    )
}

/// An old slug answers with a permanent redirect to the new address.
fn moved_permanently(to: String) -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header((actix_web::http::header::LOCATION, to))
        .finish()
}
