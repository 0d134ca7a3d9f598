//! Registration, email verification, signing in and out, password
//! recovery and the account page. Shared form plumbing lives here; each
//! use case has a file of its own.

mod notifications;
mod profile;
mod recovery;
mod registration;
mod signing;

use crate::domain::affiliation::{Gender, OrganisationType};
use crate::domain::InvalidField;
use crate::i18n::labels;
use crate::i18n::{self, Arg, Language};
use crate::services::accounts::LinkOutcome;
use crate::web::error::WebError;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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
            web::post().to(profile::request_email_change),
        )
        .route(
            "/confirm-email-change",
            web::get().to(profile::confirm_email_change_form),
        )
        .route(
            "/confirm-email-change",
            web::post().to(profile::confirm_email_change),
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

#[derive(Serialize)]
pub(super) struct Choice {
    value: &'static str,
    label: String,
}

/// A form as shown again: what was typed (never the password) and, per
/// field, the message to show next to it.
#[derive(Serialize)]
pub(super) struct FormView<'a> {
    title: String,
    #[serde(skip)]
    language: Language,
    values: HashMap<&'static str, String>,
    errors: HashMap<&'static str, String>,
    /// The same messages in the order of the form, for the summary at the top.
    error_summary: Vec<(&'static str, String)>,
    organisation_types: Vec<Choice>,
    countries: Vec<Choice>,
    genders: Vec<Choice>,
    notice: Option<&'a str>,
}

impl<'a> FormView<'a> {
    /// A form whose page title is the catalogue's `title_key`.
    fn new(title_key: &str, language: Language) -> Self {
        Self {
            title: i18n::text(language, title_key, &[]),
            language,
            values: HashMap::new(),
            errors: HashMap::new(),
            error_summary: Vec::new(),
            organisation_types: OrganisationType::ALL
                .iter()
                .map(|t| Choice {
                    value: t.code(),
                    label: labels::organisation_type(*t, language),
                })
                .collect(),
            countries: labels::countries_by_name(language)
                .into_iter()
                .map(|(c, name)| Choice {
                    value: c.code(),
                    label: name,
                })
                .collect(),
            genders: Gender::ALL
                .iter()
                .map(|g| Choice {
                    value: g.code(),
                    label: labels::gender(*g, language),
                })
                .collect(),
            notice: None,
        }
    }

    fn with_errors(mut self, errors: Vec<InvalidField>) -> Self {
        for error in errors {
            if !self.errors.contains_key(error.field) {
                let message = i18n::say(self.language, &error.message);
                self.error_summary.push((error.field, message.clone()));
                self.errors.insert(error.field, message);
            }
        }
        self
    }
}

/// A page that only tells what happened (a link followed, an email sent).
#[derive(Serialize)]
pub(super) struct Notice {
    title: String,
    detail: String,
}

impl Notice {
    /// The title and the detail are catalogue keys; `args` fill the detail.
    fn new(language: Language, (title, detail): (&str, &str), args: &[(&str, Arg)]) -> Self {
        Self {
            title: i18n::text(language, title, &[]),
            detail: i18n::text(language, detail, args),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    csrf_token: String,
    token: String,
}

pub(super) fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.to_owned()))
        .finish()
}

/// The page after following an emailed link. Only a link that worked and one
/// that expired need words of their own; a used or unknown link reads the
/// same whatever it was for.
pub(super) fn link_result_page(
    state: &AppState,
    viewer: &Viewer,
    outcome: LinkOutcome,
    done: (&str, &str),
    expired: &str,
) -> Result<HttpResponse, WebError> {
    let (status, keys) = match outcome {
        LinkOutcome::Done => (StatusCode::OK, done),
        LinkOutcome::Expired => (StatusCode::GONE, ("account-link-expired", expired)),
        LinkOutcome::AlreadyUsed => (
            StatusCode::GONE,
            ("account-link-used", "account-link-used-detail"),
        ),
        LinkOutcome::Unknown => (
            StatusCode::NOT_FOUND,
            ("account-link-unknown", "account-link-unknown-detail"),
        ),
    };
    state.render_with_status(
        status,
        "pages/account/message.html",
        &Notice::new(viewer.language, keys, &[]),
        viewer,
    )
}
