//! Registration, email verification, signing in and out, password
//! recovery and the account page. Each use case has a file of its own; the
//! form plumbing they share is in `views`, the account page in `page`.

mod email_address;
mod notifications;
mod page;
mod profile;
mod recovery;
mod registration;
mod signing;
mod views;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/register", web::get().to(registration::register_form))
        .route("/register", web::post().to(registration::register))
        .route("/verify-email", web::get().to(registration::verify_form))
        .route("/verify-email", web::post().to(registration::verify))
        .route("/sign-in", web::get().to(signing::sign_in_form))
        .route("/sign-in", web::post().to(signing::sign_in))
        .route("/sign-out", web::post().to(signing::sign_out))
        .route(
            "/sign-out-everywhere",
            web::post().to(signing::sign_out_everywhere),
        )
        .route("/account", web::get().to(profile::account))
        .route(
            "/account/verification-link",
            web::post().to(profile::resend_verification),
        )
        .route("/account/profile", web::post().to(profile::update_profile))
        .route(
            "/account/password",
            web::post().to(profile::change_password),
        )
        .route("/account/data.json", web::get().to(profile::download_data))
        .route(
            "/account/emails",
            web::post().to(notifications::save_email_choices),
        )
        .route(
            "/account/api-tokens",
            web::post().to(notifications::create_token),
        )
        .route(
            "/account/api-tokens/{id}/revoke",
            web::post().to(notifications::revoke_token),
        )
        .route(
            "/unsubscribe",
            web::get().to(notifications::unsubscribe_form),
        )
        .route("/unsubscribe", web::post().to(notifications::unsubscribe))
        .route("/account/delete", web::post().to(profile::delete_account))
        .route(
            "/account/email",
            web::post().to(email_address::request_email_change),
        )
        .route(
            "/confirm-email-change",
            web::get().to(email_address::confirm_email_change_form),
        )
        .route(
            "/confirm-email-change",
            web::post().to(email_address::confirm_email_change),
        )
        .route(
            "/reset-password",
            web::get().to(recovery::reset_request_form),
        )
        .route("/reset-password", web::post().to(recovery::request_reset))
        .route(
            "/reset-password/new",
            web::get().to(recovery::new_password_form),
        )
        .route(
            "/reset-password/new",
            web::post().to(recovery::set_new_password),
        );
}
