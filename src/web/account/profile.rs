//! The account page: profile, password, data download, deletion, and a new
//! verification link.

use super::page::{account_page, refused};
use super::views::{one_mistake, redirect, Notice};
use crate::domain::registration::RegistrationInput;
use crate::domain::return_path::ReturnPath;
use crate::services::accounts;
use crate::web::cookies::removed_session_cookie;
use crate::web::error::{field_mistakes, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToManageAccount};
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use std::collections::HashMap;

pub(super) async fn account(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToManageAccount>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let notice = match query.get("saved").map(String::as_str) {
        Some("profile") => Some("account-saved-profile"),
        Some("password") => Some("account-saved-password"),
        Some("emails") => Some("account-saved-emails"),
        Some("token") => Some("account-saved-token"),
        _ => query.get("sent").map(|_| "account-link-sent"),
    };
    let notice = notice.map(|key| crate::i18n::text(viewer.language, key, &[]));
    account_page(&state, &viewer, &user, notice.as_deref()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProfileForm {
    csrf_token: String,
    display_name: String,
    organisation: String,
    organisation_type: String,
    country: String,
    gender: String,
}

impl ProfileForm {
    fn into_input(self) -> RegistrationInput {
        RegistrationInput {
            display_name: self.display_name,
            organisation: self.organisation,
            organisation_type: self.organisation_type,
            country: self.country,
            gender: self.gender,
            ..RegistrationInput::default()
        }
    }
}

/// The profile as typed, to show again over the stored one.
fn typed_profile(input: &RegistrationInput) -> HashMap<&'static str, String> {
    HashMap::from([
        ("display_name", input.display_name.clone()),
        ("organisation", input.organisation.clone()),
        ("organisation_type", input.organisation_type.clone()),
        ("country", input.country.clone()),
        ("gender", input.gender.clone()),
    ])
}

pub(super) async fn update_profile(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToManageAccount>,
    form: web::Form<ProfileForm>,
) -> Result<HttpResponse, WebError> {
    let input = form.into_inner().into_input();
    let (typed, owner) = (typed_profile(&input), user.clone());
    let saved = state
        .db(move |conn| accounts::update_profile(conn, &owner, &input, Utc::now()))
        .await;
    match field_mistakes(saved)? {
        Ok(()) => Ok(redirect("/account?saved=profile")),
        Err(errors) => refused(&state, &viewer, &user, errors, typed).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    csrf_token: String,
    current_password: String,
    new_password: String,
}

pub(super) async fn change_password(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToManageAccount>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let Some(session_digest) = viewer.session_digest() else {
        return Ok(redirect("/sign-in"));
    };
    let owner = user.clone();
    let changed = state
        .db(move |conn| {
            let (current, new) = (&form.current_password, &form.new_password);
            accounts::change_password(conn, &owner, &session_digest, current, new, Utc::now())
        })
        .await;
    match field_mistakes(changed)? {
        Ok(()) => Ok(redirect("/account?saved=password")),
        Err(fields) => {
            let errors = one_mistake(fields, "current_password", "new_password");
            refused(&state, &viewer, &user, errors, HashMap::new()).await
        }
    }
}

pub(super) async fn download_data(
    state: web::Data<AppState>,
    SignedIn { user, .. }: SignedIn<ToManageAccount>,
) -> Result<HttpResponse, WebError> {
    let data = state
        .db(move |conn| accounts::export_data(conn, &user))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"roundtable-my-data.json\"",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(data))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeleteForm {
    csrf_token: String,
    #[serde(rename = "delete_password")]
    password: String,
    withdraw_comments: Option<String>,
}

pub(super) async fn delete_account(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToManageAccount>,
    form: web::Form<DeleteForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let (withdraw, owner) = (form.withdraw_comments.is_some(), user.clone());
    let deleted = state
        .db(move |conn| {
            accounts::delete_account(conn, &owner, &form.password, withdraw, Utc::now())
        })
        .await;
    match field_mistakes(deleted)? {
        Ok(()) => farewell(&state, &viewer),
        Err(fields) => {
            let errors = one_mistake(fields, "delete_password", "delete_password");
            refused(&state, &viewer, &user, errors, HashMap::new()).await
        }
    }
}

/// The last page of a deleted account, shown as to a visitor, which ends
/// the session in the browser too.
fn farewell(state: &AppState, viewer: &Viewer) -> Result<HttpResponse, WebError> {
    let anonymous = Viewer::anonymous_like(viewer);
    let message = Notice::new(
        viewer.language,
        ("account-deleted", "account-deleted-detail"),
        &[],
    );
    let mut response = state.render("pages/account/message.html", &message, &anonymous)?;
    response
        .add_removal_cookie(&removed_session_cookie(viewer.secure_cookies))
        .ok();
    Ok(response)
}

/// The form may carry `next`, the page the new link leads back to.
pub(super) async fn resend_verification(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToManageAccount>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let (app, language) = (state.clone(), viewer.language);
    let next = ReturnPath::parse(FormPairs::parse(&body).get("next"));
    state
        .db(move |conn| {
            let email = app.email_context_in(language);
            accounts::resend_verification(conn, email, &user, next.as_ref(), Utc::now())
        })
        .await?;
    Ok(redirect("/account?sent=1"))
}
