//! The search page, `/search`: the form alone until something is asked,
//! then a page of what matches, as the reader may see it; mistakes come
//! back next to their fields with 422 and everything typed kept.

pub mod params;
pub mod view;

use crate::domain::user::Actor;
use crate::services::search::{self, SearchOutcome};
use crate::web::error::WebError;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use params::SearchParams;
use view::SearchPageView;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/search", web::get().to(search_page));
}

async fn search_page(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<SearchParams>,
) -> Result<HttpResponse, WebError> {
    let params = query.into_inner();
    let input = params.input()?;
    let who = viewer.user.as_ref().map(Actor::of);
    let page = state
        .db(move |conn| search::search_page(conn, who, input.as_ref()))
        .await?;
    let status = match &page.outcome {
        SearchOutcome::Mistakes(_) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let view = SearchPageView::new(&page, &params, viewer.language);
    state.render_with_status(status, "pages/search.html", &view, &viewer)
}
