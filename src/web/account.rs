//! Registration, email verification, signing in and out, and the account page.

use super::session::{removed_session_cookie, session_cookie, Viewer};
use super::{AppState, WebError};
use crate::domain::affiliation::{Country, Gender, OrganisationType};
use crate::domain::registration::RegistrationInput;
use crate::domain::InvalidField;
use crate::services::accounts::{self, LinkOutcome, RegistrationError, SESSION_LIFETIME};
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
        );
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
            self.errors.entry(error.field).or_insert(error.message);
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
            RegistrationError::Service(ServiceError::from(crate::db::StorageError::from(e)))
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
        Err(RegistrationError::Invalid(errors)) => {
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
        Err(RegistrationError::Service(error)) => Err(error.into()),
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
    title: &'a str,
    name: &'a str,
    email: &'a str,
    organisation: &'a str,
    organisation_type: Option<&'static str>,
    country: Option<&'static str>,
    role: &'static str,
    verified: bool,
    notice: Option<&'a str>,
}

async fn account(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let Some(user) = viewer.require_user() else {
        return Ok(redirect("/sign-in"));
    };
    let a = &user.affiliation;
    let view = AccountView {
        title: "Your account",
        name: &a.display_name,
        email: &user.email,
        organisation: &a.organisation,
        organisation_type: a.organisation_type.map(|t| t.label()),
        country: a.country.map(|c| c.name()),
        role: user.role.label(),
        verified: user.verified,
        notice: query
            .get("sent")
            .map(|_| "A new link is on its way. It works for 48 hours."),
    };
    state.render("pages/account/account.html", &view, &viewer)
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
