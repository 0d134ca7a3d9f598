//! Moving the account to a new email address: asked for on the account
//! page, done when the link sent to the new address is followed.

use super::page::refused;
use super::views::{link_result_page, one_mistake, Notice, TokenForm};
use crate::services::accounts;
use crate::web::error::{field_mistakes, WebError};
use crate::web::guards::{SignedIn, ToManageAccount};
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailChangeForm {
    csrf_token: String,
    new_email: String,
    email_password: String,
}

pub(super) async fn request_email_change(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToManageAccount>,
    form: web::Form<EmailChangeForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let (new_email, app, owner) = (form.new_email.clone(), state.clone(), user.clone());
    let language = viewer.language;
    let requested = state
        .db(move |conn| {
            let email = app.email_context_in(language);
            let password = &form.email_password;
            accounts::request_email_change(conn, email, &owner, &new_email, password, Utc::now())
        })
        .await;
    match field_mistakes(requested)? {
        Ok(()) => {
            let notice = Notice::new(
                viewer.language,
                ("account-new-inbox", "account-new-inbox-detail"),
                &[("email", form.new_email.trim().into())],
            );
            state.render("pages/account/message.html", &notice, &viewer)
        }
        Err(fields) => {
            let errors = one_mistake(fields, "new_email", "email_password");
            let typed = HashMap::from([("new_email", form.new_email)]);
            refused(&state, &viewer, &user, errors, typed).await
        }
    }
}

pub(super) async fn confirm_email_change_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let token = query.get("token").cloned().unwrap_or_default();
    let view = HashMap::from([
        (
            "title",
            crate::i18n::text(viewer.language, "account-confirm-new-address-title", &[]),
        ),
        ("token", token),
        ("action", "/confirm-email-change".to_owned()),
    ]);
    state.render("pages/account/verify.html", &view, &viewer)
}

pub(super) async fn confirm_email_change(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let (app, language) = (state.clone(), viewer.language);
    let outcome = state
        .db(move |conn| {
            let email = app.email_context_in(language);
            accounts::confirm_email_change(conn, email, &form.token, Utc::now())
        })
        .await;
    match field_mistakes(outcome)? {
        Ok(outcome) => link_result_page(
            &state,
            &viewer,
            outcome,
            ("account-address-changed", "account-address-changed-detail"),
            "account-address-link-expired",
            None,
        ),
        // The one mistake a confirmation can have: the address was taken meanwhile.
        Err(_) => address_taken(&state, &viewer),
    }
}

fn address_taken(state: &AppState, viewer: &Viewer) -> Result<HttpResponse, WebError> {
    let taken = Notice::new(
        viewer.language,
        ("account-address-taken", "account-address-taken-detail"),
        &[],
    );
    state.render_with_status(
        StatusCode::CONFLICT,
        "pages/account/message.html",
        &taken,
        viewer,
    )
}
