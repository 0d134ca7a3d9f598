//! Which emails a person gets (switches on the account page, and the signed
//! unsubscribe link in every email), and their personal API tokens.

use super::profile::account_page;
use super::redirect;
use crate::domain::notification::{AlertFrequency, EmailTopic};
use crate::domain::user::SignedInUser;
use crate::i18n::labels;
use crate::i18n::Language;
use crate::services::{api_tokens, notifications};
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;
use crate::web::format::date_time;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
pub struct AlertChoice {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
pub struct TopicSwitch {
    code: &'static str,
    label: String,
    on: bool,
}

#[derive(Serialize)]
pub struct TokenLine {
    id: String,
    name: String,
    created: String,
    last_used: Option<String>,
}

/// The account page's email switches and API tokens.
#[derive(Serialize)]
pub struct EmailChoicesView {
    alert_choices: Vec<AlertChoice>,
    topics: Vec<TopicSwitch>,
    tokens: Vec<TokenLine>,
}

pub async fn email_choices(
    state: &AppState,
    user: &SignedInUser,
    lang: Language,
) -> Result<EmailChoicesView, WebError> {
    let (id, owner) = (user.id, user.clone());
    let ((alerts, off), tokens) = state
        .db(move |conn| {
            Ok((
                crate::db::queries::notifications::preferences(conn, id)?,
                api_tokens::list(conn, &owner)?,
            ))
        })
        .await?;
    Ok(EmailChoicesView {
        alert_choices: AlertFrequency::ALL
            .iter()
            .map(|f| AlertChoice {
                value: f.code(),
                label: labels::label(lang, "frequency", f.code()),
                selected: *f == alerts,
            })
            .collect(),
        topics: PERSONAL_TOPICS
            .iter()
            .copied()
            .map(|t| TopicSwitch {
                code: t.code(),
                label: labels::label(lang, "topic", t.code()),
                on: !off.contains(&t),
            })
            .collect(),
        tokens: tokens
            .into_iter()
            .map(|t| TokenLine {
                id: t.id,
                name: t.name,
                created: date_time(t.created_at, chrono_tz::UTC, lang),
                last_used: t.last_used_at.map(|at| date_time(at, chrono_tz::UTC, lang)),
            })
            .collect(),
    })
}

/// The emails about a person's own comments, each with an on/off switch.
const PERSONAL_TOPICS: &[EmailTopic] = &[
    EmailTopic::Decisions,
    EmailTopic::Replies,
    EmailTopic::Citations,
];

pub(super) async fn save_email_choices(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    // Only chairs and staff see the choice of alerts; others keep theirs.
    let alerts = match form.get("moderation_alerts") {
        "" => None,
        code => Some(
            AlertFrequency::from_code(code)
                .ok_or_else(|| WebError::invalid("moderation_alerts", "invalid-alert-frequency"))?,
        ),
    };
    let switches: Vec<(EmailTopic, bool)> = PERSONAL_TOPICS
        .iter()
        .map(|t| (*t, form.get(t.code()) == "on"))
        .collect();
    state
        .db(move |conn| {
            let now = Utc::now();
            if let Some(alerts) = alerts {
                crate::db::queries::notifications::set_alerts(conn, user.id, alerts)?;
            }
            for (topic, on) in switches {
                notifications::set_preference(conn, user.id, topic, on, now)?;
            }
            Ok(())
        })
        .await?;
    Ok(redirect("/account?saved=emails"))
}

pub(super) async fn create_token(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    let name = form.get("token_name").to_owned();
    let created = state
        .db(move |conn| Ok(api_tokens::create(conn, &user, &name, Utc::now())))
        .await?;
    match created {
        Ok(token) => {
            let notice = crate::i18n::text(
                viewer.language,
                "account-token-new",
                &[("token", token.as_str().into())],
            );
            account_page(&state, &viewer, StatusCode::OK, Some(&notice), vec![], None).await
        }
        Err(crate::services::ServiceError::Invalid(field)) => {
            account_page(
                &state,
                &viewer,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                vec![field],
                None,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn revoke_token(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let Some(user) = viewer.user.clone() else {
        return Ok(redirect("/sign-in"));
    };
    let id = path.into_inner();
    state
        .db(move |conn| api_tokens::revoke(conn, &user, &id, Utc::now()))
        .await?;
    Ok(redirect("/account?saved=token"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UnsubscribeQuery {
    token: String,
}

#[derive(Serialize)]
struct UnsubscribeView {
    title: String,
    token: String,
    done: Option<String>,
}

/// A GET only asks (mail scanners open links); the POST switches off.
pub(super) async fn unsubscribe_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<UnsubscribeQuery>,
) -> Result<HttpResponse, WebError> {
    let view = UnsubscribeView {
        title: crate::i18n::text(viewer.language, "account-unsubscribe-button", &[]),
        token: query.into_inner().token,
        done: None,
    };
    state.render("pages/account/unsubscribe.html", &view, &viewer)
}

/// RFC 8058 one-click: the mail provider posts `List-Unsubscribe=One-Click`
/// to the link's address, without cookies; the signed token is the
/// authority, so there is no anti-forgery token to check.
pub(super) async fn unsubscribe(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<UnsubscribeQuery>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let token = match form.get("token") {
        "" => query.into_inner().token,
        token => token.to_owned(),
    };
    let state_for_work = state.clone();
    let switched_off = state
        .db(move |conn| {
            notifications::unsubscribe(conn, state_for_work.email_context(), &token, Utc::now())
        })
        .await?;
    let Some(topic) = switched_off else {
        return state.render_with_status(
            StatusCode::NOT_FOUND,
            "pages/account/message.html",
            &super::Notice::new(
                viewer.language,
                (
                    "account-unsubscribe-broken",
                    "account-unsubscribe-broken-detail",
                ),
                &[],
            ),
            &viewer,
        );
    };
    let view = UnsubscribeView {
        title: crate::i18n::text(viewer.language, "account-unsubscribe-done-title", &[]),
        token: String::new(),
        done: Some(labels::label(viewer.language, "topic", topic.code())),
    };
    state.render("pages/account/unsubscribe.html", &view, &viewer)
}
