//! The chairs' side: the queue, one comment's decisions, bulk decisions,
//! decisions from an emailed link (a GET shows a page; only its POST
//! decides), the audit trail and trusted participants.

mod address;
pub(crate) mod decided;
mod emailed;
mod queue;
mod queue_nav;
mod queue_view;
mod staff;
mod views;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/moderation", web::get().to(queue::queue))
        .route("/moderation/decide", web::post().to(queue::decide))
        .route("/moderation/trust", web::post().to(staff::trust))
        .route(
            "/moderation/email/{action}",
            web::get().to(emailed::email_form),
        )
        .route(
            "/moderation/email/{action}",
            web::post().to(emailed::email_decide),
        )
        .route("/moderation/{reference}", web::get().to(queue::item))
        .route(
            "/c/{consultation}/{roundtable}/audit",
            web::get().to(staff::audit),
        );
}
