//! The chairs' outcome: the form that writes it (preview, save, publish,
//! withdraw) and the view model the roundtable page shows it with.

use crate::domain::outcome::OutcomeStatus;
use crate::i18n::labels::label;
use crate::i18n::{text, Language};
use crate::services::outcome_form::{self, Answer, TypedOutcome};
use crate::services::outcomes::{self, form_sections, OutcomeAction, OutcomeEditor, ShownOutcome};
use crate::text::SafeHtml;
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;
use crate::web::format::date_time;
use crate::web::guards::{SignedIn, ToWriteOutcome};
use crate::web::session::Viewer;
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

async fn form(
    state: web::Data<AppState>,
    writing: SignedIn<ToWriteOutcome>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (writing.actor(), writing.viewer);
    let (consultation, roundtable) = path.into_inner();
    let editor = state
        .db(move |conn| outcomes::editor(conn, who, &consultation, &roundtable))
        .await?;
    state.render(
        "pages/outcome.html",
        &OutcomeFormView::new(&editor, viewer.language),
        &viewer,
    )
}

fn action_of(intent: &str) -> OutcomeAction {
    match intent {
        "preview" => OutcomeAction::Preview,
        "publish" => OutcomeAction::Publish,
        "unpublish" => OutcomeAction::Unpublish,
        _ => OutcomeAction::Save,
    }
}

async fn submit(
    state: web::Data<AppState>,
    writing: SignedIn<ToWriteOutcome>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (writing.actor(), writing.viewer);
    let (c, r) = path.into_inner();
    let (form, sent) = (FormPairs::parse(&body), FormPairs::parse(&body));
    let typed = TypedOutcome {
        summary: form.get("summary").to_owned(),
        section: Box::new(move |field| sent.get(field).to_owned()),
        read_revision: form.get("revision").parse().unwrap_or(0),
        action: action_of(form.get("intent")),
    };
    let (action, read_revision, app) = (typed.action, typed.read_revision, state.clone());
    let answered = state
        .db(move |conn| {
            let ctx = app.email_context();
            outcome_form::answer(conn, ctx, who, &c, &r, &typed, Utc::now())
        })
        .await?;
    // The form keeps the revision the chair opened: only a 409 moves it on.
    let mut view = OutcomeFormView::new(&answered.editor, viewer.language)
        .with_typed(form.get("summary"), &form);
    view.revision = read_revision;
    answer_page(
        &state,
        &viewer,
        &answered.editor,
        action,
        answered.answer,
        view,
    )
}

/// Where a sent form leads: the roundtable's outcome once saved, else the
/// form again with the preview, the mistakes, or why it was not saved.
fn answer_page(
    state: &AppState,
    viewer: &Viewer,
    editor: &OutcomeEditor,
    action: OutcomeAction,
    answer: Answer,
    mut view: OutcomeFormView,
) -> Result<HttpResponse, WebError> {
    let (d, lang) = (&editor.detail, viewer.language);
    let (status, view) = match answer {
        Answer::Preview(shown) => {
            let zone = d.consultation.time_zone;
            view.preview = Some(OutcomeDisplay::new(&shown, zone, lang));
            (StatusCode::OK, view)
        }
        Answer::Saved(_) => {
            let saved = match action {
                OutcomeAction::Publish => "published",
                OutcomeAction::Unpublish => "withdrawn",
                _ => "saved",
            };
            let (c, r) = (&d.consultation.slug, &d.roundtable.slug);
            let to = format!("/c/{c}/{r}?outcome={saved}#outcome");
            return Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, to))
                .finish());
        }
        Answer::Mistakes(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            view.with_errors(errors, lang),
        ),
        Answer::NotSaved {
            why,
            latest_revision,
        } => {
            view.revision = latest_revision;
            view.conflict = Some(crate::i18n::say(lang, &why));
            (StatusCode::CONFLICT, view)
        }
    };
    state.render_with_status(status, "pages/outcome.html", &view, viewer)
}
