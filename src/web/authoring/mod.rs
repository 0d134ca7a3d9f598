//! Staff set up consultations and roundtables in the browser. Every form
//! has a "Preview" that renders its Markdown fields on the server and keeps
//! what was typed; mistakes come back next to their fields.

mod ask_first_view;
mod clearinghouse;
mod consultation_view;
mod consultations;
mod done;
mod form;
mod roundtables;
mod time_zones;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/consultations", web::get().to(consultations::list))
        .route(
            "/admin/consultations/new",
            web::get().to(consultations::new_form),
        )
        .route(
            "/admin/consultations/new",
            web::post().to(consultations::create),
        )
        .route(
            "/admin/consultations/{c}",
            web::get().to(consultations::edit_form),
        )
        .route(
            "/admin/consultations/{c}",
            web::post().to(consultations::update),
        )
        .route(
            "/admin/consultations/{c}/programme",
            web::post().to(clearinghouse::add_programme_item),
        )
        .route(
            "/admin/consultations/{c}/programme/{id}/remove",
            web::get().to(clearinghouse::confirm_remove_programme_item),
        )
        .route(
            "/admin/consultations/{c}/programme/{id}/remove",
            web::post().to(clearinghouse::remove_programme_item),
        )
        .route(
            "/admin/consultations/{c}/resources",
            web::post().to(clearinghouse::add_resource),
        )
        .route(
            "/admin/consultations/{c}/resources/{id}/remove",
            web::get().to(clearinghouse::confirm_remove_resource),
        )
        .route(
            "/admin/consultations/{c}/resources/{id}/remove",
            web::post().to(clearinghouse::remove_resource),
        )
        .route(
            "/admin/consultations/{c}/roundtables/new",
            web::get().to(roundtables::new_form),
        )
        .route(
            "/admin/consultations/{c}/roundtables/new",
            web::post().to(roundtables::create),
        )
        .route(
            "/admin/consultations/{c}/roundtables/{r}",
            web::get().to(roundtables::edit_form),
        )
        .route(
            "/admin/consultations/{c}/roundtables/{r}",
            web::post().to(roundtables::update),
        )
        .route(
            "/admin/consultations/{c}/roundtables/{r}/move",
            web::post().to(roundtables::move_roundtable),
        )
        .route(
            "/admin/consultations/{c}/roundtables/{r}/chairs/{user}/remove",
            web::get().to(roundtables::confirm_remove_chair),
        )
        .route(
            "/admin/consultations/{c}/roundtables/{r}/chairs",
            web::post().to(roundtables::chairs),
        );
}
