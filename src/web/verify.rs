//! /verify: anyone pastes a fingerprint or uploads a digest file and is
//! told, in words, what it matches. The API twin is `api::verify`.

use crate::domain::fingerprint::Fingerprint;
use crate::domain::InvalidField;
use crate::i18n::{by_field, text, Language};
use crate::services::verify::{self, Verdict, UPLOAD_LIMIT};
use crate::web::error::{form_status, WebError};
use crate::web::format::{date_time, day};
use crate::web::input_guard::UPLOAD_BODY_LIMIT;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use crate::web::upload;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use std::collections::HashMap;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/verify")
            .app_data(web::PayloadConfig::new(UPLOAD_BODY_LIMIT))
            .route(web::get().to(page))
            .route(web::post().to(upload_file)),
    );
}

#[derive(Serialize, Default)]
struct VerifyView {
    title: String,
    fingerprint: String,
    errors: HashMap<&'static str, String>,
    /// "version", "digest", "altered" or "nothing".
    outcome: Option<&'static str>,
    answer: Option<String>,
    link: Option<String>,
    limit_mb: usize,
}

/// The verdict in words, and where to read what it matched.
pub fn answer(verdict: &Verdict, lang: Language) -> (&'static str, String, Option<String>) {
    let utc = chrono_tz::UTC;
    match verdict {
        Verdict::OutcomeVersion(place) => (
            "version",
            text(
                lang,
                "verify-answer-version",
                &[
                    ("version", place.version.into()),
                    ("roundtable", place.roundtable_title.as_str().into()),
                    ("date", day(place.published_at, utc, lang).into()),
                ],
            ),
            Some(format!(
                "/c/{}/{}/outcome/versions/{}",
                place.consultation_slug, place.roundtable_slug, place.version
            )),
        ),
        Verdict::DigestFile(file) | Verdict::Altered(file) => {
            let of = match (&file.roundtable_title, &file.consultation_title) {
                (Some(title), _) => match &file.roundtable_code {
                    Some(code) => format!("{code} {title}"),
                    None => title.clone(),
                },
                (None, Some(title)) => title.clone(),
                (None, None) => String::new(),
            };
            let args = [
                ("of", of.into()),
                ("date", date_time(file.generated_at, utc, lang).into()),
                ("format", file.format.to_uppercase().into()),
                ("count", file.comment_count.into()),
            ];
            match verdict {
                Verdict::Altered(_) => {
                    ("altered", text(lang, "verify-answer-altered", &args), None)
                }
                _ => ("digest", text(lang, "verify-answer-digest", &args), None),
            }
        }
        Verdict::Nothing => ("nothing", text(lang, "verify-answer-nothing", &[]), None),
    }
}

fn view(lang: Language) -> VerifyView {
    VerifyView {
        title: text(lang, "verify-title", &[]),
        limit_mb: UPLOAD_LIMIT / (1024 * 1024),
        ..VerifyView::default()
    }
}

fn answered(
    state: &AppState,
    viewer: &Viewer,
    mut shown: VerifyView,
    found: Result<Verdict, Vec<InvalidField>>,
) -> Result<HttpResponse, WebError> {
    let lang = viewer.language;
    let errors = found.as_ref().err().cloned().unwrap_or_default();
    if let Ok(verdict) = &found {
        let (outcome, words, link) = answer(verdict, lang);
        (shown.outcome, shown.answer, shown.link) = (Some(outcome), Some(words), link);
    }
    shown.errors = by_field(lang, &errors);
    state.render_with_status(form_status(&errors), "pages/verify.html", &shown, viewer)
}

/// The page; with `?fingerprint=`, what that fingerprint matches.
async fn page(
    state: web::Data<AppState>,
    viewer: Viewer,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let query = crate::web::form_pairs::FormPairs::parse(request.query_string().as_bytes());
    let mut shown = view(viewer.language);
    if !query.pairs().any(|(name, _)| name == "fingerprint") {
        return state.render("pages/verify.html", &shown, &viewer);
    }
    shown.fingerprint = query.get("fingerprint").to_owned();
    let found = match Fingerprint::parse("fingerprint", &shown.fingerprint) {
        Ok(typed) => Ok(state
            .db(move |conn| verify::fingerprint(conn, &typed))
            .await?),
        Err(mistake) => Err(vec![mistake]),
    };
    answered(&state, &viewer, shown, found)
}

/// The file a form or a client sent, or why there is none to check.
pub fn uploaded_file(request: &HttpRequest, body: &[u8]) -> Result<Vec<u8>, InvalidField> {
    let boundary = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(upload::boundary)
        .ok_or_else(|| InvalidField::new("file", "invalid-verify-file-missing"))?;
    let parts = upload::parts(body, &boundary);
    let file = parts
        .iter()
        .find(|p| p.name == "file")
        .ok_or_else(|| InvalidField::new("file", "invalid-verify-file-missing"))?;
    if file.data.is_empty() {
        return Err(InvalidField::new("file", "invalid-verify-file-empty"));
    }
    if file.data.len() > UPLOAD_LIMIT {
        return Err(InvalidField {
            field: "file",
            message: crate::domain::Message::new("invalid-verify-file-too-large")
                .with("limit", UPLOAD_LIMIT / (1024 * 1024)),
        });
    }
    Ok(file.data.to_vec())
}

async fn upload_file(
    state: web::Data<AppState>,
    viewer: Viewer,
    request: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let found = match uploaded_file(&request, &body) {
        Ok(file) => Ok(state.db(move |conn| verify::file(conn, &file)).await?),
        Err(mistake) => Err(vec![mistake]),
    };
    answered(&state, &viewer, view(viewer.language), found)
}
