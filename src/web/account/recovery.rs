//! Choosing a new password through a link sent by email.

use super::views::{link_result_page, one_mistake, FormView, NextQuery, Notice};
use crate::domain::return_path::ReturnPath;
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
pub struct ResetRequestForm {
    csrf_token: String,
    email: String,
    next: String,
}

pub(super) async fn reset_request_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, WebError> {
    let view = FormView::new("account-reset-title", viewer.language).coming_back_to(&query.next);
    state.render("pages/account/reset_request.html", &view, &viewer)
}

pub(super) async fn request_reset(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<ResetRequestForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let (address, client, app) = (form.email.clone(), viewer.client.clone(), state.clone());
    let (language, next) = (viewer.language, ReturnPath::parse(&form.next));
    let requested = state
        .db(move |conn| {
            let email = app.email_context_in(language);
            let next = next.as_ref();
            accounts::request_password_reset(conn, email, &address, &client, next, Utc::now())
        })
        .await;
    match field_mistakes(requested)? {
        Ok(()) => {
            let notice = Notice::new(
                viewer.language,
                ("account-inbox", "account-reset-sent-detail"),
                &[("email", form.email.trim().into())],
            );
            state.render("pages/account/message.html", &notice, &viewer)
        }
        Err(fields) => {
            let mut view = FormView::new("account-reset-title", viewer.language)
                .with_errors(one_mistake(fields, "email", "email"))
                .coming_back_to(&form.next);
            view.values.insert("email", form.email);
            state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/account/reset_request.html",
                &view,
                &viewer,
            )
        }
    }
}

pub(super) async fn new_password_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let next = query.get("next").map_or("", String::as_str);
    let mut view = FormView::new("account-reset-new-title", viewer.language).coming_back_to(next);
    view.values
        .insert("token", query.get("token").cloned().unwrap_or_default());
    state.render("pages/account/reset_new.html", &view, &viewer)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewPasswordForm {
    csrf_token: String,
    token: String,
    password: String,
    next: String,
}

pub(super) async fn set_new_password(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<NewPasswordForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let (token, next) = (form.token.clone(), form.next.clone());
    let outcome = state
        .db(move |conn| accounts::reset_password(conn, &form.token, &form.password, Utc::now()))
        .await;
    let outcome = match field_mistakes(outcome)? {
        Ok(outcome) => outcome,
        Err(fields) => {
            let mut view = FormView::new("account-reset-new-title", viewer.language)
                .with_errors(one_mistake(fields, "password", "password"))
                .coming_back_to(&next);
            view.values.insert("token", token);
            return state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/account/reset_new.html",
                &view,
                &viewer,
            );
        }
    };
    link_result_page(
        &state,
        &viewer,
        outcome,
        (
            "account-password-changed",
            "account-password-changed-detail",
        ),
        "account-reset-link-expired",
        ReturnPath::parse(&next),
    )
}
