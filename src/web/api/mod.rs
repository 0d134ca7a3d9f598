//! The JSON API under /api/v1: public reads, and comment posting and
//! moderation for signed-in callers. Lists are capped and paged with an
//! opaque cursor; every refusal is an RFC 9457 problem body.

mod caller;
mod coverage;
mod dto;
mod following;
mod marks;
mod numbers;
mod openapi;
mod params;
mod reads;
mod schemas;
mod search;
mod versions;
mod writes;

use crate::web::error::WebError;
use actix_web::{web, HttpResponse};

pub use openapi::ApiDoc;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.app_data(
        web::PathConfig::default()
            .error_handler(|e, _| WebError::invalid("path", unreadable(e)).into()),
    )
    .app_data(
        web::QueryConfig::default()
            .error_handler(|e, _| WebError::invalid("query", unreadable(e)).into()),
    )
    .app_data(
        web::JsonConfig::default()
            .limit(256 * 1024)
            .error_handler(|e, _| WebError::invalid("body", unreadable(e)).into()),
    )
    .route("/openapi.json", web::get().to(openapi::serve))
    .route("/consultations", web::get().to(reads::list_consultations))
    .route(
        "/consultations/{consultation}",
        web::get().to(reads::get_consultation),
    )
    .route(
        "/consultations/{consultation}/roundtables/{roundtable}",
        web::get().to(reads::get_roundtable),
    )
    .route(
        "/consultations/{consultation}/roundtables/{roundtable}/comments",
        web::get().to(reads::list_comments),
    )
    .route(
        "/consultations/{consultation}/roundtables/{roundtable}/comments",
        web::post().to(writes::post_comment),
    )
    .route(
        "/consultations/{consultation}/roundtables/{roundtable}/coverage",
        web::get().to(coverage::get_coverage),
    )
    .route(
        "/consultations/{consultation}/roundtables/{roundtable}/outcome/versions",
        web::get().to(versions::list_versions),
    )
    .route(
        "/consultations/{consultation}/roundtables/{roundtable}/outcome/versions/{version}",
        web::get().to(versions::get_version),
    )
    .service(
        web::resource("/verify")
            .app_data(web::PayloadConfig::new(
                crate::web::input_guard::UPLOAD_BODY_LIMIT,
            ))
            .route(web::get().to(versions::verify_fingerprint))
            .route(web::post().to(versions::verify_file)),
    )
    .route(
        "/consultations/{consultation}/roundtables/{roundtable}/follow",
        web::get().to(following::get_follow),
    )
    .route(
        "/consultations/{consultation}/roundtables/{roundtable}/follow",
        web::put().to(following::put_follow),
    )
    .route(
        "/consultations/{consultation}/roundtables/{roundtable}/follow",
        web::delete().to(following::delete_follow),
    )
    .route("/search", web::get().to(search::search))
    .route(
        "/comments/{reference}/decisions",
        web::post().to(writes::decide),
    )
    .route(
        "/consultations/{consultation}/roundtables/{roundtable}/themes",
        web::get().to(marks::list_themes),
    )
    .route(
        "/comments/{reference}/marks",
        web::get().to(marks::get_marks),
    )
    .route(
        "/comments/{reference}/relevance",
        web::put().to(marks::put_relevance),
    )
    .route(
        "/comments/{reference}/themes",
        web::post().to(marks::add_theme),
    )
    .route(
        "/comments/{reference}/themes/{theme}",
        web::delete().to(marks::remove_theme),
    )
    // Last: a path no route above takes, or takes with another method.
    .service(super::methods::api_fallback())
    // "/api/v1" itself, which the fallback's pattern does not take.
    .default_service(web::to(|| async {
        Err::<HttpResponse, _>(WebError::NotFound("missing-api-resource"))
    }));
}

/// A request part the extractor could not read; serde's own explanation
/// (English, naming the offending property) goes in as it is.
fn unreadable(error: impl std::fmt::Display) -> crate::domain::Message {
    crate::domain::Message::new("invalid-unreadable").with("detail", error.to_string())
}
