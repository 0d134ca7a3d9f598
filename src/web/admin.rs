//! Administration pages: accounts (roles, chairs, deactivation) and the
//! emails that could not be delivered.

use super::guards::{SignedIn, ToAdminister};
use crate::db::queries::admin::{RoundtableLabel, UserFilter};
use crate::domain::user::{Role, SignedInUser};
use crate::services::admin;
use crate::web::error::WebError;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/users", web::get().to(users))
        .route("/admin/users/{id}", web::get().to(user))
        .route("/admin/users/{id}/role", web::post().to(change_role))
        .route("/admin/users/{id}/active", web::post().to(set_active))
        .route("/admin/users/{id}/chairs", web::post().to(assign_chair))
        .route(
            "/admin/users/{id}/chairs/remove",
            web::post().to(remove_chair),
        )
        .route("/admin/emails", web::get().to(emails))
        .route("/admin/emails/{id}/retry", web::post().to(retry_email));
}

use super::redirects::see_other as redirect;

/// Administrators manage accounts, staff retry emails: the services decide
/// which, a visitor who is not signed in is sent to sign in.
type Administering = SignedIn<ToAdminister>;

#[derive(Serialize)]
struct UsersView {
    title: String,
    users: Vec<crate::db::queries::admin::AccountSummary>,
    search: String,
    role: String,
    verified: String,
    roles: Vec<(&'static str, String)>,
}

async fn users(
    state: web::Data<AppState>,
    Administering {
        viewer,
        user: actor,
        ..
    }: Administering,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let get = |key: &str| query.get(key).cloned().unwrap_or_default();
    let filter = UserFilter {
        search: Some(get("q")),
        role: Role::from_code(&get("role")).map(|r| r.code().to_owned()),
        verified: match get("verified").as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
    };
    let users = state
        .db(move |conn| admin::list_users(conn, &actor, &filter))
        .await?;
    let view = UsersView {
        title: crate::i18n::text(viewer.language, "admin-accounts", &[]),
        users,
        search: get("q"),
        role: get("role"),
        verified: get("verified"),
        roles: role_labels(viewer.language),
    };
    state.render("pages/admin/users.html", &view, &viewer)
}

#[derive(Serialize)]
struct UserView {
    title: String,
    user: crate::db::queries::admin::AccountSummary,
    chairs: Vec<RoundtableLabel>,
    roundtables: Vec<RoundtableLabel>,
    roles: Vec<(&'static str, String)>,
    error: Option<String>,
}

async fn user_page(
    state: &AppState,
    administering: &Administering,
    id: String,
    error: Option<String>,
) -> Result<HttpResponse, WebError> {
    let (viewer, actor) = (&administering.viewer, administering.user.clone());
    let detail = state
        .db(move |conn| admin::user_detail(conn, &actor, &id))
        .await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let view = UserView {
        title: crate::i18n::text(
            viewer.language,
            "admin-account-title",
            &[("name", detail.user.display_name.as_str().into())],
        ),
        user: detail.user,
        chairs: detail.chairs,
        roundtables: detail.roundtables,
        roles: role_labels(viewer.language),
        error,
    };
    state.render_with_status(status, "pages/admin/user.html", &view, viewer)
}

async fn user(
    state: web::Data<AppState>,
    administering: Administering,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    user_page(&state, &administering, path.into_inner(), None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AdminForm {
    csrf_token: String,
    role: String,
    active: String,
    roundtable: String,
}

/// Runs an administrator's change, then shows the account again: with the
/// reason on the page when the change was refused.
async fn act(
    state: web::Data<AppState>,
    administering: Administering,
    id: String,
    form: AdminForm,
    change: impl FnOnce(
            &mut crate::db::AnyConnection,
            &SignedInUser,
            &str,
            &AdminForm,
        ) -> Result<(), crate::services::ServiceError>
        + Send
        + 'static,
) -> Result<HttpResponse, WebError> {
    let actor = administering.user.clone();
    let target = id.clone();
    let changed = state
        .db(move |conn| change(conn, &actor, &target, &form))
        .await;
    match super::error::field_mistakes(changed)? {
        Ok(()) => Ok(redirect(format!("/admin/users/{id}"))),
        Err(fields) => {
            let (_, reason) = super::error::first_mistake(fields);
            let reason = crate::i18n::say(administering.viewer.language, &reason);
            user_page(&state, &administering, id, Some(reason)).await
        }
    }
}

async fn change_role(
    state: web::Data<AppState>,
    administering: Administering,
    path: web::Path<String>,
    form: web::Form<AdminForm>,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        administering,
        path.into_inner(),
        form.into_inner(),
        |conn, actor, id, form| admin::change_role(conn, actor, id, &form.role, Utc::now()),
    )
    .await
}

async fn set_active(
    state: web::Data<AppState>,
    administering: Administering,
    path: web::Path<String>,
    form: web::Form<AdminForm>,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        administering,
        path.into_inner(),
        form.into_inner(),
        |conn, actor, id, form| {
            let active = match form.active.as_str() {
                "true" => true,
                "false" => false,
                _ => {
                    return Err(
                        crate::domain::InvalidField::new("active", "invalid-boolean").into(),
                    )
                }
            };
            admin::set_active(conn, actor, id, active, Utc::now())
        },
    )
    .await
}

async fn assign_chair(
    state: web::Data<AppState>,
    administering: Administering,
    path: web::Path<String>,
    form: web::Form<AdminForm>,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        administering,
        path.into_inner(),
        form.into_inner(),
        |conn, actor, id, form| admin::assign_chair(conn, actor, id, &form.roundtable, Utc::now()),
    )
    .await
}

async fn remove_chair(
    state: web::Data<AppState>,
    administering: Administering,
    path: web::Path<String>,
    form: web::Form<AdminForm>,
) -> Result<HttpResponse, WebError> {
    act(
        state,
        administering,
        path.into_inner(),
        form.into_inner(),
        |conn, actor, id, form| admin::remove_chair(conn, actor, id, &form.roundtable, Utc::now()),
    )
    .await
}

#[derive(Serialize)]
struct EmailsView {
    title: String,
    emails: Vec<DeadEmailView>,
}

#[derive(Serialize)]
struct DeadEmailView {
    id: String,
    kind: String,
    recipient: String,
    subject: String,
    attempts: i32,
    last_error: String,
    created_at: String,
}

async fn emails(
    state: web::Data<AppState>,
    Administering {
        viewer,
        user: actor,
        ..
    }: Administering,
) -> Result<HttpResponse, WebError> {
    let dead = state
        .db(move |conn| admin::dead_emails(conn, &actor))
        .await?;
    let emails = dead
        .into_iter()
        .map(
            |(id, kind, recipient, subject, attempts, last_error, created_at)| DeadEmailView {
                id,
                kind,
                recipient,
                subject,
                attempts,
                last_error: last_error.unwrap_or_default(),
                created_at: super::format::date_time(
                    created_at.and_utc(),
                    chrono_tz::UTC,
                    viewer.language,
                ),
            },
        )
        .collect();
    state.render(
        "pages/admin/emails.html",
        &EmailsView {
            title: crate::i18n::text(viewer.language, "admin-emails-title", &[]),
            emails,
        },
        &viewer,
    )
}

async fn retry_email(
    state: web::Data<AppState>,
    Administering { user: actor, .. }: Administering,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    state
        .db(move |conn| admin::retry_email(conn, &actor, &id, Utc::now()))
        .await?;
    Ok(redirect("/admin/emails"))
}

fn role_labels(lang: crate::i18n::Language) -> Vec<(&'static str, String)> {
    Role::ALL
        .iter()
        .map(|r| {
            (
                r.code(),
                crate::i18n::labels::label(lang, "userrole", r.code()),
            )
        })
        .collect()
}
