//! The account page: profile, password, email address, data download,
//! deletion, and a new verification link.

use super::{redirect, FormView, Notice, TokenForm};
use crate::domain::registration::RegistrationInput;
use crate::domain::InvalidField;
use crate::services::accounts;
use crate::web::error::WebError;
use crate::web::error::{field_mistakes, first_mistake};
use crate::web::session::removed_session_cookie;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Serialize)]
struct AccountView<'a> {
    name: &'a str,
    email: &'a str,
    role: String,
    verified: bool,
    #[serde(flatten)]
    form: FormView<'a>,
    #[serde(flatten)]
    emails: super::notifications::EmailChoicesView,
}

pub(super) async fn account_page(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    status: StatusCode,
    notice: Option<&str>,
    errors: Vec<InvalidField>,
    typed: Option<HashMap<&'static str, String>>,
) -> Result<HttpResponse, WebError> {
    let Some(user) = viewer.require_user() else {
        return Ok(redirect("/sign-in"));
    };
    let a = &user.affiliation;
    let mut form = FormView::new("account-title", viewer.language).with_errors(errors);
    form.notice = notice;
    // The stored profile, with what was just typed over it.
    form.values = HashMap::from([
        ("display_name", a.display_name.clone()),
        ("organisation", a.organisation.clone()),
        (
            "organisation_type",
            a.organisation_type
                .map(|t| t.code().to_owned())
                .unwrap_or_default(),
        ),
        (
            "country",
            a.country.map(|c| c.code().to_owned()).unwrap_or_default(),
        ),
        (
            "gender",
            user.gender.map(|g| g.code().to_owned()).unwrap_or_default(),
        ),
    ]);
    form.values.extend(typed.unwrap_or_default());
    let emails = super::notifications::email_choices(state, user, viewer.language).await?;
    let view = AccountView {
        name: &a.display_name,
        email: &user.email,
        role: crate::i18n::labels::label(viewer.language, "userrole", user.role.code()),
        verified: user.verified,
        form,
        emails,
    };
    state.render_with_status(status, "pages/account/account.html", &view, viewer)
}

pub(super) async fn account(
    state: web::Data<AppState>,
    viewer: Viewer,
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
    account_page(
        &state,
        &viewer,
        StatusCode::OK,
        notice.as_deref(),
        vec![],
        None,
    )
    .await
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

pub(super) async fn update_profile(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<ProfileForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    let input = RegistrationInput {
        display_name: form.display_name,
        organisation: form.organisation,
        organisation_type: form.organisation_type,
        country: form.country,
        gender: form.gender,
        ..RegistrationInput::default()
    };
    let typed = HashMap::from([
        ("display_name", input.display_name.clone()),
        ("organisation", input.organisation.clone()),
        ("organisation_type", input.organisation_type.clone()),
        ("country", input.country.clone()),
        ("gender", input.gender.clone()),
    ]);
    let saved = state
        .db(move |conn| accounts::update_profile(conn, &user, &input, Utc::now()))
        .await;
    match field_mistakes(saved)? {
        Ok(()) => Ok(redirect("/account?saved=profile")),
        Err(errors) => {
            account_page(
                &state,
                &viewer,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                errors,
                Some(typed),
            )
            .await
        }
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
    viewer: Viewer,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let (Some(user), Some(session_digest)) = (viewer.user.clone(), viewer.session_digest()) else {
        return Ok(redirect("/sign-in"));
    };
    let changed = state
        .db(move |conn| {
            accounts::change_password(
                conn,
                &user,
                &session_digest,
                &form.current_password,
                &form.new_password,
                Utc::now(),
            )
        })
        .await;
    match field_mistakes(changed)? {
        Ok(()) => Ok(redirect("/account?saved=password")),
        Err(fields) => {
            let (name, reason) = first_mistake(fields);
            let field = if name == "current_password" {
                "current_password"
            } else {
                "new_password"
            };
            account_page(
                &state,
                &viewer,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                vec![InvalidField::from_message(field, reason)],
                None,
            )
            .await
        }
    }
}

pub(super) async fn download_data(
    state: web::Data<AppState>,
    viewer: Viewer,
) -> Result<HttpResponse, WebError> {
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
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
    viewer: Viewer,
    form: web::Form<DeleteForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    let withdraw = form.withdraw_comments.is_some();
    let deleted = state
        .db(move |conn| accounts::delete_account(conn, &user, &form.password, withdraw, Utc::now()))
        .await;
    match field_mistakes(deleted)? {
        Ok(()) => {
            let anonymous = Viewer::anonymous_like(&viewer);
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
        Err(fields) => {
            let (_, reason) = first_mistake(fields);
            account_page(
                &state,
                &viewer,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                vec![InvalidField::from_message("delete_password", reason)],
                None,
            )
            .await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailChangeForm {
    csrf_token: String,
    new_email: String,
    email_password: String,
}

pub(super) async fn request_email_change(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<EmailChangeForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    let (new_email, app) = (form.new_email.clone(), state.clone());
    let language = viewer.language;
    let requested = state
        .db(move |conn| {
            accounts::request_email_change(
                conn,
                app.email_context_in(language),
                &user,
                &new_email,
                &form.email_password,
                Utc::now(),
            )
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
            let (name, reason) = first_mistake(fields);
            let field = if name == "new_email" {
                "new_email"
            } else {
                "email_password"
            };
            let typed = HashMap::from([("new_email", form.new_email)]);
            account_page(
                &state,
                &viewer,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                vec![InvalidField::from_message(field, reason)],
                Some(typed),
            )
            .await
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
            accounts::confirm_email_change(
                conn,
                app.email_context_in(language),
                &form.token,
                Utc::now(),
            )
        })
        .await;
    // The one mistake a confirmation can have: the address was taken meanwhile.
    let outcome = match field_mistakes(outcome)? {
        Ok(outcome) => outcome,
        Err(_) => {
            let taken = Notice::new(
                viewer.language,
                ("account-address-taken", "account-address-taken-detail"),
                &[],
            );
            return state.render_with_status(
                StatusCode::CONFLICT,
                "pages/account/message.html",
                &taken,
                &viewer,
            );
        }
    };
    super::link_result_page(
        &state,
        &viewer,
        outcome,
        ("account-address-changed", "account-address-changed-detail"),
        "account-address-link-expired",
    )
}

pub(super) async fn resend_verification(
    state: web::Data<AppState>,
    viewer: Viewer,
) -> Result<HttpResponse, WebError> {
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    let (app, language) = (state.clone(), viewer.language);
    state
        .db(move |conn| {
            accounts::resend_verification(conn, app.email_context_in(language), &user, Utc::now())
        })
        .await?;
    Ok(redirect("/account?sent=1"))
}
