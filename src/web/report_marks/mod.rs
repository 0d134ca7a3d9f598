//! Chairs' and staff's marks for the report on the site: a comment's
//! relevance and themes (a form under each comment they moderate, and a
//! page of its own), and a roundtable's themes page (rename, merge).
//! A change comes back (303) with its confirmation in the address.

mod comment;
mod themes;
mod view;

pub use view::{confirmation, MarksView};

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/moderation/{reference}/marks",
        web::get().to(comment::marks_page),
    )
    .route(
        "/moderation/{reference}/relevance",
        web::post().to(comment::relevance),
    )
    .route(
        "/moderation/{reference}/themes",
        web::post().to(comment::add_theme),
    )
    .route(
        "/moderation/{reference}/themes/remove",
        web::post().to(comment::remove_theme),
    )
    .route(
        "/c/{consultation}/{roundtable}/themes",
        web::get().to(themes::themes_page),
    )
    .route(
        "/c/{consultation}/{roundtable}/themes/rename",
        web::post().to(themes::rename),
    )
    .route(
        "/c/{consultation}/{roundtable}/themes/merge",
        web::post().to(themes::merge),
    );
}
