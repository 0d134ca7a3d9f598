//! HTTP: routes, thin handlers, view models, templates and the one error
//! type that maps every failure to a response.

mod account;
mod admin;
mod answer_store;
pub mod api;
mod assets;
mod authoring;
mod comments;
mod cookies;
mod coverage;
mod csrf;
mod digests;
mod error;
mod error_pages;
mod feeds;
mod following;
mod form_pairs;
mod format;
mod guards;
mod health;
mod input_guard;
mod language;
mod methods;
mod metrics;
mod moderation;
mod observability;
mod outcome_version_views;
mod outcome_versions;
pub(crate) mod outcome_views;
pub(crate) mod outcomes;
pub(crate) mod page_cache;
mod page_links;
mod pages;
mod paths;
mod redirects;
mod render;
mod report_marks;
mod search;
mod session;
mod state;
mod terms;
mod upload;
mod verify;

pub use answer_store::{Store as PageCache, BUDGET_BYTES as PAGE_CACHE_BYTES};
pub use error::WebError;
pub use input_guard::guard_input;
pub use methods::head_as_get;
pub use metrics::Metrics;
pub use observability::observe;
pub use page_cache::serve_cached;
pub use state::AppState;

use actix_web::middleware::{DefaultHeaders, ErrorHandlers};
use actix_web::web;

/// Headers every response carries. No page needs a script, an inline style
/// or a frame, so the policy forbids them.
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "strict-origin-when-cross-origin"))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ))
}

/// Error responses of pages become HTML pages in the site's layout; the API
/// keeps its problem bodies.
pub fn error_pages<B: 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(error_pages::render_error_page)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    // Forms may be as long as the input guard lets a body be (a terms
    // notice, a long comment); actix's own default is 16 KB.
    cfg.app_data(web::FormConfig::default().limit(input_guard::BODY_LIMIT));
    cfg.service(web::scope("/api/v1").configure(api::routes))
        .route("/healthz", web::get().to(health::healthz))
        .route("/metrics", web::get().to(observability::metrics))
        .route("/assets/{file:.+}", web::get().to(assets::serve))
        .configure(feeds::routes)
        .configure(language::routes)
        .configure(digests::routes)
        .configure(pages::routes)
        .configure(search::routes)
        .configure(comments::routes)
        .configure(moderation::routes)
        .configure(following::routes)
        .configure(report_marks::routes)
        .configure(outcomes::routes)
        .configure(coverage::routes)
        .configure(outcome_versions::routes)
        .configure(verify::routes)
        .configure(account::routes)
        .configure(admin::routes)
        .configure(terms::routes)
        .configure(authoring::routes)
        // Last: a path no route above takes, or takes with another method.
        .service(methods::site_fallback());
}
