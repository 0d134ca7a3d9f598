//! Creating an account and confirming its address.

use super::views::{link_result_page, FormView, NextQuery, Notice, TokenForm};
use crate::domain::registration::RegistrationInput;
use crate::domain::return_path::ReturnPath;
use crate::domain::InvalidField;
use crate::services::accounts;
use crate::web::error::{field_mistakes, WebError};
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RegistrationForm {
    csrf_token: String,
    email: String,
    password: String,
    display_name: String,
    organisation: String,
    organisation_type: String,
    country: String,
    gender: String,
    consent: Option<String>,
    next: String,
}

pub(super) async fn register_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, WebError> {
    state.render(
        "pages/account/register.html",
        &FormView::new("account-register-title", viewer.language).coming_back_to(&query.next),
        &viewer,
    )
}

impl RegistrationForm {
    fn into_input(self) -> RegistrationInput {
        RegistrationInput {
            email: self.email,
            password: self.password,
            display_name: self.display_name,
            organisation: self.organisation,
            organisation_type: self.organisation_type,
            country: self.country,
            gender: self.gender,
            consent: self.consent.is_some(),
        }
    }
}

/// The form as typed, to show again; never the password.
fn typed_values(typed: RegistrationInput) -> HashMap<&'static str, String> {
    HashMap::from([
        ("email", typed.email),
        ("display_name", typed.display_name),
        ("organisation", typed.organisation),
        ("organisation_type", typed.organisation_type),
        ("country", typed.country),
        ("gender", typed.gender),
        (
            "consent",
            if typed.consent {
                "on".into()
            } else {
                String::new()
            },
        ),
    ])
}

pub(super) async fn register(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<RegistrationForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let (next, coming_back) = (form.next.clone(), ReturnPath::parse(&form.next));
    let input = form.into_input();
    let (typed, client, language, app) = (
        input.clone(),
        viewer.client.clone(),
        viewer.language,
        state.clone(),
    );
    let result = state
        .db(move |conn| {
            let email = app.email_context_in(language);
            let next = coming_back.as_ref();
            accounts::register(conn, email, &input, &client, next, Utc::now())
        })
        .await;
    match field_mistakes(result)? {
        Ok(()) => state.render(
            "pages/account/check_inbox.html",
            &Notice {
                title: crate::i18n::text(viewer.language, "account-inbox", &[]),
                detail: typed.email,
                next: None,
            },
            &viewer,
        ),
        Err(errors) => register_again(&state, &viewer, typed, errors, &next),
    }
}

/// The form again, with its mistakes, what was typed and where to come back to.
fn register_again(
    state: &AppState,
    viewer: &Viewer,
    typed: RegistrationInput,
    errors: Vec<InvalidField>,
    next: &str,
) -> Result<HttpResponse, WebError> {
    let mut view = FormView::new("account-register-title", viewer.language)
        .with_errors(errors)
        .coming_back_to(next);
    view.values = typed_values(typed);
    let page = "pages/account/register.html";
    state.render_with_status(StatusCode::UNPROCESSABLE_ENTITY, page, &view, viewer)
}

pub(super) async fn verify_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let token = query.get("token").cloned().unwrap_or_default();
    let next = query.get("next").and_then(|n| ReturnPath::parse(n));
    state.render(
        "pages/account/verify.html",
        &HashMap::from([
            (
                "title",
                crate::i18n::text(viewer.language, "account-confirm-address-title", &[]),
            ),
            ("token", token),
            (
                "next",
                next.map(|n| n.as_str().to_owned()).unwrap_or_default(),
            ),
        ]),
        &viewer,
    )
}

pub(super) async fn verify(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, WebError> {
    let TokenForm { token, next, .. } = form.into_inner();
    let outcome = state
        .db(move |conn| accounts::verify_email(conn, &token, Utc::now()))
        .await?;
    link_result_page(
        &state,
        &viewer,
        outcome,
        (
            "account-address-confirmed",
            "account-address-confirmed-detail",
        ),
        "account-confirm-link-expired",
        ReturnPath::parse(&next),
    )
}
