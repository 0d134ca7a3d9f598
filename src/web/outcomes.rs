//! The chairs' outcome: the form that writes it (preview, save, publish,
//! withdraw) and the view model the roundtable page shows it with.

use super::form_pairs::FormPairs;
use super::format::date_time;
use super::session::Viewer;
use crate::domain::outcome::{OutcomeStatus, SectionSource};
use crate::domain::user::Actor;
use crate::i18n::labels::label;
use crate::i18n::{text, Language};
use crate::services::outcomes::{
    self, form_sections, OutcomeAction, OutcomeEditor, OutcomeSubmission, ShownOutcome, Submitted,
};
use crate::services::ServiceError;
use crate::text::SafeHtml;
use crate::web::error::WebError;
use crate::web::state::AppState;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::Utc;
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::HashMap;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/c/{consultation}/{roundtable}/outcome",
        web::get().to(form),
    )
    .route(
        "/c/{consultation}/{roundtable}/outcome",
        web::post().to(submit),
    );
}

/// An outcome as pages show it.
#[derive(Serialize)]
pub struct OutcomeDisplay {
    draft: bool,
    published: Option<String>,
    summary_html: SafeHtml,
    sections: Vec<SectionDisplay>,
}

#[derive(Serialize)]
struct SectionDisplay {
    heading: String,
    anchor: String,
    synthesis: Vec<SafeHtml>,
    recommendations: Vec<SafeHtml>,
}

impl OutcomeDisplay {
    pub fn new(outcome: &ShownOutcome, zone: Tz, lang: Language) -> Self {
        Self {
            draft: outcome.status == OutcomeStatus::Draft,
            published: outcome.published_at.map(|at| date_time(at, zone, lang)),
            summary_html: outcome.summary_html.clone(),
            sections: outcome
                .sections
                .iter()
                .map(|s| SectionDisplay {
                    heading: match &s.question {
                        Some(q) => crate::i18n::text(
                            lang,
                            "views-question-heading",
                            &[
                                ("number", q.number.into()),
                                ("text", q.text.as_str().into()),
                            ],
                        ),
                        None => crate::i18n::text(lang, "views-across-questions", &[]),
                    },
                    anchor: match &s.question {
                        Some(q) => format!("outcome-question-{}", q.number),
                        None => "outcome-general".into(),
                    },
                    synthesis: s.synthesis.iter().map(|p| p.html.clone()).collect(),
                    recommendations: s.recommendations.iter().map(|p| p.html.clone()).collect(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct SectionField {
    field: &'static str,
    heading: String,
    /// "synthesis" or "recommendation"; a question's heading comes before its synthesis.
    kind_code: &'static str,
    kind: String,
    source: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct OutcomeFormView {
    title: String,
    consultation: String,
    roundtable: String,
    roundtable_title: String,
    status: String,
    published: bool,
    last_saved: Option<String>,
    revision: i32,
    summary: String,
    sections: Vec<SectionField>,
    errors: HashMap<&'static str, String>,
    conflict: Option<String>,
    preview: Option<OutcomeDisplay>,
}

impl OutcomeFormView {
    fn new(editor: &OutcomeEditor, lang: Language) -> Self {
        let d = &editor.detail;
        let zone = d.consultation.time_zone;
        let sources: HashMap<&'static str, &str> = form_sections(&d.questions)
            .into_iter()
            .zip(&editor.sections)
            .map(|((_, _, field), s)| (field, s.source.as_str()))
            .collect();
        Self {
            title: text(
                lang,
                "moderation-outcome-title",
                &[("roundtable", d.roundtable.full_title().into())],
            ),
            consultation: d.consultation.slug.to_string(),
            roundtable: d.roundtable.slug.to_string(),
            roundtable_title: d.roundtable.full_title(),
            status: match &editor.record {
                Some(r) => label(lang, "outcome", r.status.code()),
                None => text(lang, "moderation-outcome-not-written", &[]),
            },
            published: editor
                .record
                .as_ref()
                .is_some_and(|r| r.status == OutcomeStatus::Published),
            last_saved: editor.record.as_ref().map(|r| {
                let who = r
                    .updated_by
                    .clone()
                    .unwrap_or_else(|| text(lang, "moderation-outcome-former-account", &[]));
                format!("{who}, {}", date_time(r.updated_at, zone, lang))
            }),
            revision: editor.record.as_ref().map_or(0, |r| r.revision),
            summary: editor.summary.clone(),
            sections: form_sections(&d.questions)
                .into_iter()
                .map(|(question, kind, field)| SectionField {
                    field,
                    heading: match question {
                        Some(q) => text(
                            lang,
                            "views-question-heading",
                            &[
                                ("number", q.number.into()),
                                ("text", q.text.as_str().into()),
                            ],
                        ),
                        None => text(lang, "views-across-questions", &[]),
                    },
                    kind_code: kind.code(),
                    kind: label(lang, "point", kind.code()),
                    source: sources.get(field).copied().unwrap_or_default().to_owned(),
                    error: None,
                })
                .collect(),
            errors: HashMap::new(),
            conflict: None,
            preview: None,
        }
    }

    /// Shows what the chair typed instead of what is stored.
    fn with_typed(mut self, summary: &str, form: &FormPairs) -> Self {
        self.summary = summary.to_owned();
        for section in &mut self.sections {
            section.source = form.get(section.field).to_owned();
        }
        self
    }

    fn with_errors(mut self, errors: Vec<crate::domain::InvalidField>, lang: Language) -> Self {
        for e in errors {
            let message = crate::i18n::say(lang, &e.message);
            match self.sections.iter_mut().find(|s| s.field == e.field) {
                Some(section) => {
                    let joined = match section.error.take() {
                        Some(before) => format!("{before} {message}"),
                        None => message,
                    };
                    section.error = Some(joined);
                }
                None => {
                    self.errors.insert(e.field, message);
                }
            }
        }
        self
    }
}

fn moderator(viewer: &Viewer) -> Result<Actor, WebError> {
    viewer
        .user
        .as_ref()
        .map(Actor::of)
        .ok_or_else(|| WebError::Unauthorized("unauthorized-outcome".into()))
}

async fn load_editor(
    state: &web::Data<AppState>,
    who: Actor,
    consultation: String,
    roundtable: String,
) -> Result<OutcomeEditor, WebError> {
    state
        .db(move |conn| outcomes::editor(conn, who, &consultation, &roundtable))
        .await
}

async fn form(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let who = moderator(&viewer)?;
    let (consultation, roundtable) = path.into_inner();
    let editor = load_editor(&state, who, consultation, roundtable).await?;
    state.render(
        "pages/outcome.html",
        &OutcomeFormView::new(&editor, viewer.language),
        &viewer,
    )
}

async fn submit(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let who = moderator(&viewer)?;
    let (consultation, roundtable) = path.into_inner();
    let editor = load_editor(&state, who, consultation.clone(), roundtable.clone()).await?;
    let action = match form.get("intent") {
        "preview" => OutcomeAction::Preview,
        "publish" => OutcomeAction::Publish,
        "unpublish" => OutcomeAction::Unpublish,
        _ => OutcomeAction::Save,
    };
    let summary = form.get("summary").to_owned();
    let submission = OutcomeSubmission {
        summary: summary.clone(),
        sections: form_sections(&editor.detail.questions)
            .into_iter()
            .map(|(question, kind, field)| SectionSource {
                question: question.map(|q| q.number),
                kind,
                source: form.get(field).to_owned(),
            })
            .collect(),
        read_revision: form.get("revision").parse().unwrap_or(0),
        action,
    };
    let read_revision = submission.read_revision;
    let zone = editor.detail.consultation.time_zone;
    let app = state.clone();
    let outcome = state
        .db(move |conn| {
            Ok(outcomes::submit(
                conn,
                app.email_context(),
                who,
                &consultation,
                &roundtable,
                &submission,
                Utc::now(),
            ))
        })
        .await?;
    // The form keeps the revision the chair opened: only a 409 moves it on.
    let mut view = OutcomeFormView::new(&editor, viewer.language).with_typed(&summary, &form);
    view.revision = read_revision;
    match outcome {
        Ok(Submitted::Preview(shown)) => {
            view.preview = Some(OutcomeDisplay::new(&shown, zone, viewer.language));
            state.render("pages/outcome.html", &view, &viewer)
        }
        Ok(Submitted::Saved(status)) => {
            let d = &editor.detail;
            let saved = match (action, status) {
                (OutcomeAction::Publish, _) => "published",
                (OutcomeAction::Unpublish, _) => "withdrawn",
                _ => "saved",
            };
            Ok(HttpResponse::SeeOther()
                .insert_header((
                    header::LOCATION,
                    format!(
                        "/c/{}/{}?outcome={saved}#outcome",
                        d.consultation.slug, d.roundtable.slug
                    ),
                ))
                .finish())
        }
        Err(ServiceError::InvalidFields(errors)) => state.render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            "pages/outcome.html",
            &view.with_errors(errors, viewer.language),
            &viewer,
        ),
        Err(ServiceError::Conflict(message)) => {
            // The form now carries the newer revision: saving again replaces it, knowingly.
            let latest = load_editor(
                &state,
                who,
                editor.detail.consultation.slug.to_string(),
                editor.detail.roundtable.slug.to_string(),
            )
            .await?;
            view.revision = latest.record.as_ref().map_or(0, |r| r.revision);
            view.conflict = Some(crate::i18n::say(viewer.language, &message));
            state.render_with_status(StatusCode::CONFLICT, "pages/outcome.html", &view, &viewer)
        }
        Err(other) => Err(other.into()),
    }
}
