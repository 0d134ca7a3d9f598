//! Signing in and out.

use super::views::{one_mistake, redirect, FormView, NextQuery};
use crate::domain::return_path::ReturnPath;
use crate::domain::token::SecretToken;
use crate::services::accounts::{self, SESSION_LIFETIME};
use crate::web::cookies::{removed_session_cookie, session_cookie};
use crate::web::error::{field_mistakes, WebError};
use crate::web::guards::{SignedIn, ToManageAccount};
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignInForm {
    csrf_token: String,
    email: String,
    password: String,
    next: String,
}

pub(super) async fn sign_in_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, WebError> {
    state.render(
        "pages/account/sign_in.html",
        &FormView::new("account-sign-in", viewer.language).coming_back_to(&query.next),
        &viewer,
    )
}

pub(super) async fn sign_in(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<SignInForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let (email, password, client) = (form.email.clone(), form.password, viewer.client.clone());
    let previous = viewer.session_digest();
    let result = state
        .db(move |conn| {
            let replacing = previous.as_deref();
            accounts::sign_in(conn, &email, &password, &client, replacing, Utc::now())
        })
        .await;
    match field_mistakes(result)? {
        Ok(session) => Ok(into_new_session(
            &session.token,
            &form.next,
            viewer.secure_cookies,
        )),
        Err(fields) => {
            let mut view = FormView::new("account-sign-in", viewer.language)
                .with_errors(one_mistake(fields, "email", "password"))
                .coming_back_to(&form.next);
            view.values.insert("email", form.email);
            state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/account/sign_in.html",
                &view,
                &viewer,
            )
        }
    }
}

/// Back where they came from (else to their account), with the new session.
fn into_new_session(token: &SecretToken, next: &str, secure_cookies: bool) -> HttpResponse {
    let back = ReturnPath::parse(next);
    HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            back.as_ref().map_or("/account", ReturnPath::as_str),
        ))
        .cookie(session_cookie(
            token.expose(),
            secure_cookies,
            SESSION_LIFETIME.num_days(),
        ))
        .finish()
}

pub(super) async fn sign_out(
    state: web::Data<AppState>,
    viewer: Viewer,
) -> Result<HttpResponse, WebError> {
    if let Some(digest) = viewer.session_digest() {
        state
            .db(move |conn| accounts::sign_out(conn, &digest))
            .await?;
    }
    let mut response = redirect("/");
    response
        .add_removal_cookie(&removed_session_cookie(viewer.secure_cookies))
        .ok();
    Ok(response)
}

pub(super) async fn sign_out_everywhere(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToManageAccount>,
) -> Result<HttpResponse, WebError> {
    state
        .db(move |conn| accounts::sign_out_everywhere(conn, &user))
        .await?;
    let mut response = redirect("/sign-in");
    response
        .add_removal_cookie(&removed_session_cookie(viewer.secure_cookies))
        .ok();
    Ok(response)
}
