//! The outcome's published versions: the list, one version with its
//! fingerprint, and the changes between two versions.

use crate::domain::user::Actor;
use crate::services::outcome_versions::{self, Versions};
use crate::web::error::WebError;
use crate::web::outcome_version_views::{ChangesView, VersionListView, VersionView};
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/c/{consultation}/{roundtable}/outcome/versions",
        web::get().to(list),
    )
    .route(
        "/c/{consultation}/{roundtable}/outcome/versions/{version}",
        web::get().to(one),
    )
    .route(
        "/c/{consultation}/{roundtable}/outcome/versions/{version}/changes",
        web::get().to(changes),
    );
}

async fn versions_for(
    state: &AppState,
    viewer: &Viewer,
    consultation: String,
    roundtable: String,
) -> Result<Versions, WebError> {
    let reader = viewer.user.as_ref().map(Actor::of);
    state
        .db(move |conn| outcome_versions::versions(conn, reader, &consultation, &roundtable))
        .await
}

/// A version number as the address gives it; anything else names no page.
fn number(typed: &str) -> Result<i32, WebError> {
    typed
        .parse::<i32>()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or(WebError::NotFound("missing-outcome-version"))
}

async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (c, r) = path.into_inner();
    let versions = versions_for(&state, &viewer, c, r).await?;
    if versions.versions.is_empty() {
        return Err(WebError::NotFound("missing-outcome-version"));
    }
    let view = VersionListView::new(&versions, viewer.language);
    state.render("pages/outcome_versions.html", &view, &viewer)
}

async fn one(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, WebError> {
    let (c, r, n) = path.into_inner();
    let n = number(&n)?;
    let versions = versions_for(&state, &viewer, c, r).await?;
    let view = VersionView::new(&versions, versions.find(n)?, viewer.language);
    state.render("pages/outcome_version.html", &view, &viewer)
}

#[derive(serde::Deserialize)]
struct ChangesQuery {
    from: Option<String>,
}

/// The changes since the version before, or since `?from=`.
async fn changes(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
    query: web::Query<ChangesQuery>,
) -> Result<HttpResponse, WebError> {
    let (c, r, n) = path.into_inner();
    let to = number(&n)?;
    let from = match query.from.as_deref().filter(|f| !f.is_empty()) {
        Some(typed) => number(typed)?,
        None => to - 1,
    };
    let versions = versions_for(&state, &viewer, c, r).await?;
    let parts = outcome_versions::changes_between(&versions, from, to)?;
    let view = ChangesView::new(&versions, from, to, &parts, viewer.language);
    state.render("pages/outcome_changes.html", &view, &viewer)
}
