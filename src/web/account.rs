//! Registration, email verification, signing in and out, and the account page.

use super::session::{removed_session_cookie, session_cookie, Viewer};
use super::{AppState, WebError};
use crate::domain::affiliation::{Country, Gender, OrganisationType};
use crate::domain::registration::RegistrationInput;
use crate::domain::InvalidField;
use crate::services::accounts::{self, FormError, LinkOutcome, SESSION_LIFETIME};
use crate::services::ServiceError;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/register", web::get().to(register_form))
        .route("/register", web::post().to(register))
        .route("/verify-email", web::get().to(verify_form))
        .route("/verify-email", web::post().to(verify))
        .route("/sign-in", web::get().to(sign_in_form))
        .route("/sign-in", web::post().to(sign_in))
        .route("/sign-out", web::post().to(sign_out))
        .route("/sign-out-everywhere", web::post().to(sign_out_everywhere))
        .route("/account", web::get().to(account))
        .route(
            "/account/verification-link",
            web::post().to(resend_verification),
        )
        .route("/account/profile", web::post().to(update_profile))
        .route("/account/password", web::post().to(change_password))
        .route("/account/data.json", web::get().to(download_data))
        .route("/account/delete", web::post().to(delete_account))
        .route("/account/email", web::post().to(request_email_change))
        .route(
            "/confirm-email-change",
            web::get().to(confirm_email_change_form),
        )
        .route(
            "/confirm-email-change",
            web::post().to(confirm_email_change),
        )
        .route("/reset-password", web::get().to(reset_request_form))
        .route("/reset-password", web::post().to(request_reset))
        .route("/reset-password/new", web::get().to(new_password_form))
        .route("/reset-password/new", web::post().to(set_new_password));
}

#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: &'static str,
}

/// A form as shown again: what was typed (never the password) and, per
/// field, the message to show next to it.
#[derive(Serialize)]
struct FormView<'a> {
    title: &'a str,
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
    fn new(title: &'a str) -> Self {
        Self {
            title,
            values: HashMap::new(),
            errors: HashMap::new(),
            error_summary: Vec::new(),
            organisation_types: OrganisationType::ALL
                .iter()
                .map(|t| Choice {
                    value: t.code(),
                    label: t.label(),
                })
                .collect(),
            countries: Country::all_by_name()
                .into_iter()
                .map(|c| Choice {
                    value: c.code(),
                    label: c.name(),
                })
                .collect(),
            genders: Gender::ALL
                .iter()
                .map(|g| Choice {
                    value: g.code(),
                    label: g.label(),
                })
                .collect(),
            notice: None,
        }
    }

    fn with_errors(mut self, errors: Vec<InvalidField>) -> Self {
        for error in errors {
            if !self.errors.contains_key(error.field) {
                self.error_summary
                    .push((error.field, error.message.clone()));
                self.errors.insert(error.field, error.message);
            }
        }
        self
    }
}

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
}

async fn register_form(
    state: web::Data<AppState>,
    viewer: Viewer,
) -> Result<HttpResponse, WebError> {
    state.render(
        "pages/account/register.html",
        &FormView::new("Create an account"),
        &viewer,
    )
}

async fn register(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<RegistrationForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    viewer.check_csrf(&form.csrf_token)?;
    let input = RegistrationInput {
        email: form.email,
        password: form.password,
        display_name: form.display_name,
        organisation: form.organisation,
        organisation_type: form.organisation_type,
        country: form.country,
        gender: form.gender,
        consent: form.consent.is_some(),
    };
    let typed = input.clone();
    let client = viewer.client.clone();
    let state_for_work = state.clone();
    let result = web::block(move || {
        let mut conn = state_for_work.pool.get().map_err(|e| {
            FormError::Service(ServiceError::from(crate::db::StorageError::from(e)))
        })?;
        accounts::register(
            &mut conn,
            state_for_work.email_context(),
            &input,
            &client,
            Utc::now(),
        )
    })
    .await
    .map_err(|e| WebError::Internal(format!("blocking task failed: {e}")))?;
    match result {
        Ok(()) => state.render(
            "pages/account/check_inbox.html",
            &Message::new("Check your inbox", &typed.email),
            &viewer,
        ),
        Err(FormError::Invalid(errors)) => {
            let mut view = FormView::new("Create an account").with_errors(errors);
            view.values = HashMap::from([
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
            ]);
            state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/account/register.html",
                &view,
                &viewer,
            )
        }
        Err(FormError::Service(error)) => Err(error.into()),
    }
}

#[derive(Serialize)]
struct Message<'a> {
    title: &'a str,
    detail: &'a str,
}

impl<'a> Message<'a> {
    fn new(title: &'a str, detail: &'a str) -> Self {
        Self { title, detail }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    csrf_token: String,
    token: String,
}

/// A GET never uses the link up (mail scanners open links); the page asks
/// for one click, which posts.
async fn verify_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let token = query.get("token").cloned().unwrap_or_default();
    state.render(
        "pages/account/verify.html",
        &HashMap::from([
            ("title", "Confirm your email address".to_owned()),
            ("token", token),
        ]),
        &viewer,
    )
}

async fn verify(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    viewer.check_csrf(&form.csrf_token)?;
    let outcome = state
        .db(move |conn| accounts::verify_email(conn, &form.token, Utc::now()))
        .await?;
    let (status, title, detail) = match outcome {
        LinkOutcome::Done => (StatusCode::OK, "Address confirmed", "Thank you: your email address is confirmed and you can take part."),
        LinkOutcome::Expired => (StatusCode::GONE, "This link has expired", "Links to confirm an address work for 48 hours. Sign in and ask for a new one on your account page."),
        LinkOutcome::AlreadyUsed => (StatusCode::GONE, "This link was already used", "Each link works once. If your address is not confirmed yet, sign in and ask for a new link."),
        LinkOutcome::Unknown => (StatusCode::NOT_FOUND, "Unknown link", "This link is not one we sent, or it was copied incompletely."),
    };
    state.render_with_status(
        status,
        "pages/account/message.html",
        &Message::new(title, detail),
        &viewer,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignInForm {
    csrf_token: String,
    email: String,
    password: String,
}

async fn sign_in_form(
    state: web::Data<AppState>,
    viewer: Viewer,
) -> Result<HttpResponse, WebError> {
    state.render(
        "pages/account/sign_in.html",
        &FormView::new("Sign in"),
        &viewer,
    )
}

async fn sign_in(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<SignInForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    viewer.check_csrf(&form.csrf_token)?;
    let (email, password, client) = (form.email.clone(), form.password, viewer.client.clone());
    let previous = viewer.user.clone();
    let result = state
        .db(move |conn| {
            let session = accounts::sign_in(conn, &email, &password, &client, Utc::now())?;
            // A new session id at every sign-in; the old one ends.
            if let Some(previous) = &previous {
                accounts::sign_out(conn, previous)?;
            }
            Ok(session)
        })
        .await;
    match result {
        Ok(session) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/account"))
            .cookie(session_cookie(
                session.token.expose(),
                viewer.secure_cookies,
                SESSION_LIFETIME.num_days(),
            ))
            .finish()),
        Err(WebError::InvalidParameter { name, reason }) => {
            let field = if name == "email" { "email" } else { "password" };
            let mut view =
                FormView::new("Sign in").with_errors(vec![InvalidField::new(field, reason)]);
            view.values.insert("email", form.email);
            state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/account/sign_in.html",
                &view,
                &viewer,
            )
        }
        Err(other) => Err(other),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlainForm {
    csrf_token: String,
}

fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to.to_owned()))
        .finish()
}

async fn sign_out(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<PlainForm>,
) -> Result<HttpResponse, WebError> {
    viewer.check_csrf(&form.csrf_token)?;
    if let Some(user) = viewer.user.clone() {
        state
            .db(move |conn| accounts::sign_out(conn, &user))
            .await?;
    }
    let mut response = redirect("/");
    response
        .add_removal_cookie(&removed_session_cookie(viewer.secure_cookies))
        .ok();
    Ok(response)
}

async fn sign_out_everywhere(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<PlainForm>,
) -> Result<HttpResponse, WebError> {
    viewer.check_csrf(&form.csrf_token)?;
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    state
        .db(move |conn| accounts::sign_out_everywhere(conn, &user))
        .await?;
    let mut response = redirect("/sign-in");
    response
        .add_removal_cookie(&removed_session_cookie(viewer.secure_cookies))
        .ok();
    Ok(response)
}

#[derive(Serialize)]
struct AccountView<'a> {
    name: &'a str,
    email: &'a str,
    role: &'static str,
    verified: bool,
    #[serde(flatten)]
    form: FormView<'a>,
}

fn account_page(
    state: &AppState,
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
    let mut form = FormView::new("Your account").with_errors(errors);
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
    let view = AccountView {
        name: &a.display_name,
        email: &user.email,
        role: user.role.label(),
        verified: user.verified,
        form,
    };
    state.render_with_status(status, "pages/account/account.html", &view, viewer)
}

async fn account(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let notice = match query.get("saved").map(String::as_str) {
        Some("profile") => Some("Your profile is saved. Comments you post from now on show it."),
        Some("password") => Some("Your password is changed. Your other sessions have ended."),
        _ => query
            .get("sent")
            .map(|_| "A new link is on its way. It works for 48 hours."),
    };
    account_page(&state, &viewer, StatusCode::OK, notice, vec![], None)
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

async fn update_profile(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<ProfileForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    viewer.check_csrf(&form.csrf_token)?;
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
        .db(move |conn| Ok(accounts::update_profile(conn, &user, &input, Utc::now())))
        .await?;
    match saved {
        Ok(()) => Ok(redirect("/account?saved=profile")),
        Err(FormError::Service(error)) => Err(error.into()),
        Err(FormError::Invalid(errors)) => account_page(
            &state,
            &viewer,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            errors,
            Some(typed),
        ),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    csrf_token: String,
    current_password: String,
    new_password: String,
}

async fn change_password(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    viewer.check_csrf(&form.csrf_token)?;
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    let changed = state
        .db(move |conn| {
            accounts::change_password(
                conn,
                &user,
                &form.current_password,
                &form.new_password,
                Utc::now(),
            )
        })
        .await;
    match changed {
        Ok(()) => Ok(redirect("/account?saved=password")),
        Err(WebError::InvalidParameter { name, reason }) => {
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
                vec![InvalidField::new(field, reason)],
                None,
            )
        }
        Err(other) => Err(other),
    }
}

async fn download_data(
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

async fn delete_account(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<DeleteForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    viewer.check_csrf(&form.csrf_token)?;
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    let withdraw = form.withdraw_comments.is_some();
    let deleted = state
        .db(move |conn| accounts::delete_account(conn, &user, &form.password, withdraw, Utc::now()))
        .await;
    match deleted {
        Ok(()) => {
            let anonymous = Viewer::anonymous_like(&viewer);
            let message = Message::new(
                "Your account is deleted",
                "Your personal data is erased. Comments you chose to keep are shown as by a former participant.",
            );
            let mut response = state.render("pages/account/message.html", &message, &anonymous)?;
            response
                .add_removal_cookie(&removed_session_cookie(viewer.secure_cookies))
                .ok();
            Ok(response)
        }
        Err(WebError::InvalidParameter { reason, .. }) => account_page(
            &state,
            &viewer,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            vec![InvalidField::new("delete_password", reason)],
            None,
        ),
        Err(other) => Err(other),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailChangeForm {
    csrf_token: String,
    new_email: String,
    email_password: String,
}

async fn request_email_change(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<EmailChangeForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    viewer.check_csrf(&form.csrf_token)?;
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    let (new_email, app) = (form.new_email.clone(), state.clone());
    let requested = state
        .db(move |conn| {
            accounts::request_email_change(
                conn,
                app.email_context(),
                &user,
                &new_email,
                &form.email_password,
                Utc::now(),
            )
        })
        .await;
    match requested {
        Ok(()) => {
            let detail = format!(
                "We sent a link to {}. Your account moves to that address when you follow it; until then nothing changes.",
                form.new_email.trim()
            );
            state.render(
                "pages/account/message.html",
                &Message::new("Check the new inbox", &detail),
                &viewer,
            )
        }
        Err(WebError::InvalidParameter { name, reason }) => {
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
                vec![InvalidField::new(field, reason)],
                Some(typed),
            )
        }
        Err(other) => Err(other),
    }
}

async fn confirm_email_change_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let token = query.get("token").cloned().unwrap_or_default();
    let view = HashMap::from([
        ("title", "Confirm your new email address".to_owned()),
        ("token", token),
        ("action", "/confirm-email-change".to_owned()),
    ]);
    state.render("pages/account/verify.html", &view, &viewer)
}

async fn confirm_email_change(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    viewer.check_csrf(&form.csrf_token)?;
    let app = state.clone();
    let outcome = state
        .db(move |conn| {
            accounts::confirm_email_change(conn, app.email_context(), &form.token, Utc::now())
        })
        .await;
    let (status, title, detail) = match outcome {
        Ok(LinkOutcome::Done) => (
            StatusCode::OK,
            "Address changed",
            "Your account now uses the new address; sign in with it from now on.",
        ),
        Ok(LinkOutcome::Expired) => (
            StatusCode::GONE,
            "This link has expired",
            "Links work for 48 hours. Ask again from your account page.",
        ),
        Ok(LinkOutcome::AlreadyUsed) => (
            StatusCode::GONE,
            "This link was already used",
            "Each link works once.",
        ),
        Ok(LinkOutcome::Unknown) => (
            StatusCode::NOT_FOUND,
            "Unknown link",
            "This link is not one we sent, or it was copied incompletely.",
        ),
        Err(WebError::InvalidParameter { .. }) => (
            StatusCode::CONFLICT,
            "Address taken",
            "Another account uses this address now, so yours was not changed.",
        ),
        Err(other) => return Err(other),
    };
    state.render_with_status(
        status,
        "pages/account/message.html",
        &Message::new(title, detail),
        &viewer,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResetRequestForm {
    csrf_token: String,
    email: String,
}

async fn reset_request_form(
    state: web::Data<AppState>,
    viewer: Viewer,
) -> Result<HttpResponse, WebError> {
    state.render(
        "pages/account/reset_request.html",
        &FormView::new("Reset your password"),
        &viewer,
    )
}

async fn request_reset(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<ResetRequestForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    viewer.check_csrf(&form.csrf_token)?;
    let (address, client, app) = (form.email.clone(), viewer.client.clone(), state.clone());
    let requested = state
        .db(move |conn| {
            accounts::request_password_reset(
                conn,
                app.email_context(),
                &address,
                &client,
                Utc::now(),
            )
        })
        .await;
    match requested {
        Ok(()) => {
            let detail = format!(
                "If {} belongs to an account, a link to choose a new password is on its way. It works for one hour.",
                form.email.trim()
            );
            state.render(
                "pages/account/message.html",
                &Message::new("Check your inbox", &detail),
                &viewer,
            )
        }
        Err(WebError::InvalidParameter { name, reason }) if name == "email" => {
            let mut view = FormView::new("Reset your password")
                .with_errors(vec![InvalidField::new("email", reason)]);
            view.values.insert("email", form.email);
            state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/account/reset_request.html",
                &view,
                &viewer,
            )
        }
        Err(other) => Err(other),
    }
}

async fn new_password_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let mut view = FormView::new("Choose a new password");
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
}

async fn set_new_password(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<NewPasswordForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    viewer.check_csrf(&form.csrf_token)?;
    let token = form.token.clone();
    let outcome = state
        .db(move |conn| accounts::reset_password(conn, &form.token, &form.password, Utc::now()))
        .await;
    let (status, title, detail) = match outcome {
        Ok(LinkOutcome::Done) => (
            StatusCode::OK,
            "Password changed",
            "Your new password is set and every session has ended. Sign in with the new password.",
        ),
        Ok(LinkOutcome::Expired) => (
            StatusCode::GONE,
            "This link has expired",
            "Reset links work for one hour. Ask for a new one.",
        ),
        Ok(LinkOutcome::AlreadyUsed) => (
            StatusCode::GONE,
            "This link was already used",
            "Each link works once. Ask for a new one if you need to.",
        ),
        Ok(LinkOutcome::Unknown) => (
            StatusCode::NOT_FOUND,
            "Unknown link",
            "This link is not one we sent, or it was copied incompletely.",
        ),
        Err(WebError::InvalidParameter { reason, .. }) => {
            let mut view = FormView::new("Choose a new password")
                .with_errors(vec![InvalidField::new("password", reason)]);
            view.values.insert("token", token);
            return state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/account/reset_new.html",
                &view,
                &viewer,
            );
        }
        Err(other) => return Err(other),
    };
    state.render_with_status(
        status,
        "pages/account/message.html",
        &Message::new(title, detail),
        &viewer,
    )
}

async fn resend_verification(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<PlainForm>,
) -> Result<HttpResponse, WebError> {
    viewer.check_csrf(&form.csrf_token)?;
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    let app = state.clone();
    state
        .db(move |conn| accounts::resend_verification(conn, app.email_context(), &user, Utc::now()))
        .await?;
    Ok(redirect("/account?sent=1"))
}
