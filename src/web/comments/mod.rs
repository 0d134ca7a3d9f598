//! Participants' comment actions from the roundtable page: write a comment
//! on the form's own page, post or preview it or a reply, edit a pending
//! comment, withdraw one, report one.
//! Each works without JavaScript: a form, and a page that answers it.

mod form_page;
mod own;
mod paths;
mod permalink;
mod posting;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/comment/{reference}", web::get().to(permalink::follow))
        .route(
            "/c/{consultation}/{roundtable}/comment",
            web::get().to(form_page::show),
        )
        .route(
            "/c/{consultation}/{roundtable}/comments",
            web::post().to(posting::post),
        )
        .route(
            "/c/{consultation}/{roundtable}/comments/{reference}/reply",
            web::get().to(posting::reply_form),
        )
        .route(
            "/c/{consultation}/{roundtable}/comments/{reference}/edit",
            web::get().to(own::edit_form),
        )
        .route(
            "/c/{consultation}/{roundtable}/comments/{reference}/edit",
            web::post().to(own::edit),
        )
        .route(
            "/c/{consultation}/{roundtable}/comments/{reference}/withdraw",
            web::get().to(own::withdraw_form),
        )
        .route(
            "/c/{consultation}/{roundtable}/comments/{reference}/withdraw",
            web::post().to(own::withdraw),
        )
        .route(
            "/c/{consultation}/{roundtable}/comments/{reference}/report",
            web::get().to(own::report_form),
        )
        .route(
            "/c/{consultation}/{roundtable}/comments/{reference}/report",
            web::post().to(own::report),
        );
}
