//! The terms and privacy notice: the public page, and the form where staff
//! publish a new version.

use super::error::{field_mistakes, form_status, WebError};
use super::format::date_time;
use super::guards::{Staff, ToEditTerms};
use super::redirects::see_other;
use super::session::Viewer;
use super::state::AppState;
use crate::domain::{InvalidField, Message};
use crate::i18n::{by_field, text, Language};
use crate::services::terms::{self, Terms};
use crate::text::SafeHtml;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/terms", web::get().to(page))
        .route("/admin/terms", web::get().to(editor))
        .route("/admin/terms", web::post().to(publish));
}

#[derive(Serialize)]
struct TermsPage {
    title: String,
    /// "Version 2, published 6 December 2026, 10:00 UTC".
    version_line: String,
    html: SafeHtml,
}

fn version_line(terms: &Terms, language: Language) -> String {
    match terms.published_at {
        Some(at) => text(
            language,
            "terms-version-published",
            &[
                ("version", i64::from(terms.version).into()),
                ("date", date_time(at, chrono_tz::UTC, language).into()),
            ],
        ),
        None => text(language, "terms-version-shipped", &[]),
    }
}

async fn page(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, WebError> {
    let terms = state.db(terms::current).await?;
    let view = TermsPage {
        title: text(viewer.language, "terms-title", &[]),
        version_line: version_line(&terms, viewer.language),
        html: terms.html,
    };
    state.render("pages/terms.html", &view, &viewer)
}

#[derive(Serialize)]
struct EditorView {
    title: String,
    version_line: String,
    values: HashMap<&'static str, String>,
    errors: HashMap<&'static str, String>,
    preview_html: Option<SafeHtml>,
    /// The version just published, for the confirmation.
    published: Option<i32>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EditorQuery {
    published: Option<i32>,
}

async fn editor(
    state: web::Data<AppState>,
    staff: Staff<ToEditTerms>,
    query: web::Query<EditorQuery>,
) -> Result<HttpResponse, WebError> {
    let terms = state.db(terms::current).await?;
    let typed = terms.markdown.clone();
    let view = editor_view(&terms, staff.viewer.language, typed, &[], None);
    let view = EditorView {
        published: query.published,
        ..view
    };
    state.render("pages/admin/terms_form.html", &view, &staff.viewer)
}

fn editor_view(
    terms: &Terms,
    language: Language,
    typed: String,
    mistakes: &[InvalidField],
    preview_html: Option<SafeHtml>,
) -> EditorView {
    EditorView {
        title: text(language, "terms-editor-title", &[]),
        version_line: version_line(terms, language),
        values: HashMap::from([("body", typed)]),
        errors: by_field(language, mistakes),
        preview_html,
        published: None,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TermsForm {
    body: String,
    /// "preview" shows the text as it would read; anything else publishes.
    intent: String,
}

async fn publish(
    state: web::Data<AppState>,
    staff: Staff<ToEditTerms>,
    form: web::Form<TermsForm>,
) -> Result<HttpResponse, WebError> {
    let TermsForm { body, intent } = form.into_inner();
    match intent.as_str() {
        "preview" => {
            let shown = field_mistakes(terms::preview(&body).map_err(WebError::from))?;
            let mistakes = shown.as_ref().err().cloned().unwrap_or_default();
            show_again(&state, &staff, body, &mistakes, shown.ok()).await
        }
        "publish" => {
            let (actor, typed) = (staff.actor(), body.clone());
            let published = state
                .db(move |conn| terms::publish(conn, actor, &typed, Utc::now()))
                .await;
            match field_mistakes(published)? {
                Ok(version) => Ok(see_other(format!("/admin/terms?published={version}"))),
                Err(mistakes) => show_again(&state, &staff, body, &mistakes, None).await,
            }
        }
        _ => Err(WebError::invalid(
            "intent",
            Message::new("invalid-terms-intent"),
        )),
    }
}

/// The form again, with what was typed: its preview, or its mistakes (422).
async fn show_again(
    state: &AppState,
    staff: &Staff<ToEditTerms>,
    typed: String,
    mistakes: &[InvalidField],
    preview: Option<SafeHtml>,
) -> Result<HttpResponse, WebError> {
    let terms = state.db(terms::current).await?;
    let view = editor_view(&terms, staff.viewer.language, typed, mistakes, preview);
    let status = form_status(mistakes);
    state.render_with_status(status, "pages/admin/terms_form.html", &view, &staff.viewer)
}
