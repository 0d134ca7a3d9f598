//! The public pages: thin handlers that load a read model and render it.

mod comment_views;
pub mod views;

use super::session::Viewer;
use super::{AppState, WebError};
use crate::services::pages;
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
        &views::HomeView::new(&consultations, now),
        &viewer,
    )
}

async fn consultation(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = path.into_inner();
    let reader = viewer.user.as_ref().map(pages::Reader::of);
    let page = state
        .db(move |conn| pages::consultation_page(conn, &slug, reader))
        .await?;
    state.render(
        "pages/consultation.html",
        &views::ConsultationPageView::new(&page, Utc::now()),
        &viewer,
    )
}

async fn roundtable(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    let reader = viewer.user.as_ref().map(pages::Reader::of);
    let now = Utc::now();
    let page = state
        .db(move |conn| {
            pages::roundtable_page(
                conn,
                &consultation,
                &roundtable,
                reader,
                now,
                pages::Visit::Count,
            )
        })
        .await?;
    state.render(
        "pages/roundtable.html",
        &views::RoundtablePageView::new(&page, now, viewer.signed_in()),
        &viewer,
    )
}

pub async fn not_found() -> Result<HttpResponse, WebError> {
    Err(WebError::NotFound("page".into()))
}
