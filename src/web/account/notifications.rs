//! Which emails a person gets (switches on the account page, and the signed
//! unsubscribe link in every email), and their personal API tokens.

use super::page::{account_page, refused};
use super::views::{redirect, Notice};
use crate::domain::notification::{AlertFrequency, EmailTopic};
use crate::i18n::labels;
use crate::services::accounts::{self, PERSONAL_TOPICS};
use crate::services::notifications::Unsubscribed;
use crate::services::{api_tokens, notifications};
use crate::web::error::{field_mistakes, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToManageAccount};
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub(super) async fn save_email_choices(
    state: web::Data<AppState>,
    SignedIn { user, .. }: SignedIn<ToManageAccount>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    // Only chairs and staff see the choice of alerts; others keep theirs.
    let alerts = match form.get("moderation_alerts") {
        "" => None,
        code => Some(
            AlertFrequency::from_code(code)
                .ok_or_else(|| WebError::invalid("moderation_alerts", "invalid-alert-frequency"))?,
        ),
    };
    let switched_on: Vec<EmailTopic> = PERSONAL_TOPICS
        .iter()
        .copied()
        .filter(|t| form.get(t.code()) == "on")
        .collect();
    state
        .db(move |conn| accounts::save_email_choices(conn, &user, alerts, &switched_on, Utc::now()))
        .await?;
    Ok(redirect("/account?saved=emails"))
}

pub(super) async fn create_token(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToManageAccount>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let (name, owner) = (form.get("token_name").to_owned(), user.clone());
    let created = state
        .db(move |conn| api_tokens::create(conn, &owner, &name, Utc::now()))
        .await;
    match field_mistakes(created)? {
        Ok(token) => {
            let notice = crate::i18n::text(
                viewer.language,
                "account-token-new",
                &[("token", token.as_str().into())],
            );
            account_page(&state, &viewer, &user, Some(&notice)).await
        }
        Err(errors) => refused(&state, &viewer, &user, errors, HashMap::new()).await,
    }
}

pub(super) async fn revoke_token(
    state: web::Data<AppState>,
    SignedIn { user, .. }: SignedIn<ToManageAccount>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
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
            &Notice::new(
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
        done: Some(switched_off_words(topic, viewer.language)),
    };
    state.render("pages/account/unsubscribe.html", &view, &viewer)
}

/// What was switched off, in words: a topic, or a roundtable's emails.
fn switched_off_words(what: Unsubscribed, language: crate::i18n::Language) -> String {
    match what {
        Unsubscribed::Topic(topic) => labels::label(language, "topic", topic.code()),
        Unsubscribed::Roundtable(title) => crate::i18n::text(
            language,
            "follow-unsubscribed-topic",
            &[("roundtable", title.into())],
        ),
    }
}
