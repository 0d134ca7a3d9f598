//! The public pages: thin handlers that load a read model and render it.

pub mod comment_views;
pub mod views;

use super::session::Viewer;
use crate::services::pages;
use crate::web::error::WebError;
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
    let reader = viewer.user.as_ref().map(crate::domain::user::Actor::of);
    let s = slug.clone();
    let page = match state
        .db(move |conn| Ok(pages::consultation_page(conn, &s, reader)))
        .await?
    {
        Ok(page) => page,
        Err(e) => return moved_or(&state, e, slug, None).await,
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
    let reader = viewer.user.as_ref().map(crate::domain::user::Actor::of);
    let now = Utc::now();
    let (c, r) = (consultation.clone(), roundtable.clone());
    let page = match state
        .db(move |conn| {
            Ok(pages::roundtable_page(
                conn,
                &c,
                &r,
                reader,
                now,
                pages::Visit::Count,
            ))
        })
        .await?
    {
        Ok(page) => page,
        Err(e) => return moved_or(&state, e, consultation, Some(roundtable)).await,
    };
    state.render(
        "pages/roundtable.html",
        &views::RoundtablePageView::new(&page, now, viewer.signed_in(), viewer.language),
        &viewer,
    )
}

/// A page that is not found may have moved: an old slug answers with a
/// permanent redirect to the new address.
async fn moved_or(
    state: &web::Data<AppState>,
    error: crate::services::ServiceError,
    consultation: String,
    roundtable: Option<String>,
) -> Result<HttpResponse, WebError> {
    if !matches!(error, crate::services::ServiceError::NotFound(_)) {
        return Err(error.into());
    }
    let moved = state
        .db(move |conn| pages::moved_to(conn, &consultation, roundtable.as_deref()))
        .await?;
    match moved {
        Some(to) => Ok(HttpResponse::MovedPermanently()
            .insert_header((actix_web::http::header::LOCATION, to))
            .finish()),
        None => Err(error.into()),
    }
}
