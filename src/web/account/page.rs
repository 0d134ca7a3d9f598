//! The account page: shown on its own, and again after a form on it was
//! refused.

use super::views::FormView;
use crate::domain::notification::AlertFrequency;
use crate::domain::user::SignedInUser;
use crate::domain::InvalidField;
use crate::i18n::{labels, Language};
use crate::services::accounts::{self, EmailChoices, PERSONAL_TOPICS};
use crate::web::error::WebError;
use crate::web::format::date_time;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
struct AlertChoice {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
struct TopicSwitch {
    code: &'static str,
    label: String,
    on: bool,
}

#[derive(Serialize)]
struct TokenLine {
    id: String,
    name: String,
    created: String,
    last_used: Option<String>,
}

/// The account page's email switches and API tokens.
#[derive(Serialize)]
struct EmailChoicesView {
    alert_choices: Vec<AlertChoice>,
    topics: Vec<TopicSwitch>,
    tokens: Vec<TokenLine>,
    followed: Vec<FollowedLine>,
}

/// A roundtable one follows, with its stop button.
#[derive(Serialize)]
struct FollowedLine {
    title: String,
    path: String,
    daily_digest: bool,
}

#[derive(Serialize)]
struct AccountView<'a> {
    name: &'a str,
    email: &'a str,
    role: String,
    verified: bool,
    #[serde(flatten)]
    form: FormView<'a>,
    #[serde(flatten)]
    emails: EmailChoicesView,
}

/// The page as stored, with `notice` at the top (what was just done).
pub(super) async fn account_page(
    state: &AppState,
    viewer: &Viewer,
    user: &SignedInUser,
    notice: Option<&str>,
) -> Result<HttpResponse, WebError> {
    let mut form = FormView::new("account-title", viewer.language);
    form.notice = notice;
    show(state, viewer, user, StatusCode::OK, form, HashMap::new()).await
}

/// The page again after a form on it was refused: each mistake next to its
/// field, and what was typed over the stored profile.
pub(super) async fn refused(
    state: &AppState,
    viewer: &Viewer,
    user: &SignedInUser,
    errors: Vec<InvalidField>,
    typed: HashMap<&'static str, String>,
) -> Result<HttpResponse, WebError> {
    let form = FormView::new("account-title", viewer.language).with_errors(errors);
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    show(state, viewer, user, status, form, typed).await
}

async fn show(
    state: &AppState,
    viewer: &Viewer,
    user: &SignedInUser,
    status: StatusCode,
    mut form: FormView<'_>,
    typed: HashMap<&'static str, String>,
) -> Result<HttpResponse, WebError> {
    form.values = stored_profile(user);
    form.values.extend(typed);
    let owner = user.clone();
    let choices = state
        .db(move |conn| accounts::email_choices(conn, &owner))
        .await?;
    let view = AccountView {
        name: &user.affiliation.display_name,
        email: &user.email,
        role: labels::label(viewer.language, "userrole", user.role.code()),
        verified: user.verified,
        form,
        emails: email_choices_view(choices, viewer.language),
    };
    state.render_with_status(status, "pages/account/account.html", &view, viewer)
}

/// The profile form's fields as stored.
fn stored_profile(user: &SignedInUser) -> HashMap<&'static str, String> {
    let a = &user.affiliation;
    HashMap::from([
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
    ])
}

fn email_choices_view(choices: EmailChoices, lang: Language) -> EmailChoicesView {
    EmailChoicesView {
        alert_choices: AlertFrequency::ALL
            .iter()
            .map(|f| AlertChoice {
                value: f.code(),
                label: labels::label(lang, "frequency", f.code()),
                selected: *f == choices.alerts,
            })
            .collect(),
        topics: PERSONAL_TOPICS
            .iter()
            .copied()
            .map(|t| TopicSwitch {
                code: t.code(),
                label: labels::label(lang, "topic", t.code()),
                on: !choices.off.contains(&t),
            })
            .collect(),
        tokens: choices
            .tokens
            .into_iter()
            .map(|t| TokenLine {
                id: t.id,
                name: t.name,
                created: date_time(t.created_at, chrono_tz::UTC, lang),
                last_used: t.last_used_at.map(|at| date_time(at, chrono_tz::UTC, lang)),
            })
            .collect(),
        followed: choices
            .followed
            .into_iter()
            .map(|f| FollowedLine {
                title: match f.code {
                    Some(code) => format!("{code} {}", f.title),
                    None => f.title,
                },
                path: crate::web::paths::roundtable_path(&f.consultation_slug, &f.roundtable_slug),
                daily_digest: f.daily_digest,
            })
            .collect(),
    }
}
