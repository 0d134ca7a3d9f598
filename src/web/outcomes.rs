//! The chairs' outcome: the form that writes it (preview, save, publish)
//! and the page that asks before a published outcome is withdrawn to a
//! draft. What they show is in `outcome_views`.

use crate::services::outcome_citing;
use crate::services::outcome_form::{self, Answer, OutcomeEditor, TypedOutcome};
use crate::services::outcome_withdrawal;
use crate::services::outcomes::OutcomeAction;
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToWriteOutcome};
use crate::web::outcome_views::{saved_location, OutcomeDisplay, OutcomeFormView, WithdrawView};
use crate::web::redirects::see_other;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/c/{consultation}/{roundtable}/outcome",
        web::get().to(form),
    )
    .route(
        "/c/{consultation}/{roundtable}/outcome",
        web::post().to(submit),
    )
    .route(
        "/c/{consultation}/{roundtable}/outcome/withdraw",
        web::get().to(withdraw_form),
    )
    .route(
        "/c/{consultation}/{roundtable}/outcome/withdraw",
        web::post().to(withdraw),
    );
}

/// `?cite=c-…` (from the coverage page) opens the form with a point
/// citing that comment.
#[derive(serde::Deserialize)]
struct OpenedWith {
    cite: Option<String>,
}

async fn form(
    state: web::Data<AppState>,
    writing: SignedIn<ToWriteOutcome>,
    path: web::Path<(String, String)>,
    opened: web::Query<OpenedWith>,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (writing.actor(), writing.viewer);
    let (consultation, roundtable) = path.into_inner();
    let cite = opened.into_inner().cite.filter(|c| !c.trim().is_empty());
    let (editor, added) = state
        .db(move |conn| match cite {
            Some(reference) => {
                outcome_citing::editor_citing(conn, who, &consultation, &roundtable, &reference)
                    .map(|(editor, added)| (editor, Some(added)))
            }
            None => outcome_form::editor(conn, who, &consultation, &roundtable).map(|e| (e, None)),
        })
        .await?;
    let mut view = OutcomeFormView::new(&editor, viewer.language);
    if let Some(added) = added {
        view.show_citation(&added, viewer.language);
    }
    state.render("pages/outcome.html", &view, &viewer)
}

fn action_of(intent: &str) -> OutcomeAction {
    match intent {
        "preview" => OutcomeAction::Preview,
        "publish" => OutcomeAction::Publish,
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
    let mut view = OutcomeFormView::new(&answered.editor, viewer.language).with_typed(&form);
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

/// Where a sent form leads: the roundtable's outcome once saved, with a
/// confirmation, else the form again with the preview, the mistakes, or
/// why it was not saved.
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
            let done = match action {
                OutcomeAction::Publish => "published",
                _ => "saved",
            };
            return Ok(see_other(saved_location(d, done)));
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

/// Asks before a published outcome becomes a draft again.
async fn withdraw_form(
    state: web::Data<AppState>,
    writing: SignedIn<ToWriteOutcome>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (writing.actor(), writing.viewer);
    let (consultation, roundtable) = path.into_inner();
    let detail = state
        .db(move |conn| outcome_withdrawal::to_withdraw(conn, who, &consultation, &roundtable))
        .await?;
    state.render(
        "pages/outcome_withdraw.html",
        &WithdrawView::new(&detail, viewer.language),
        &viewer,
    )
}

async fn withdraw(
    state: web::Data<AppState>,
    writing: SignedIn<ToWriteOutcome>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let who = writing.actor();
    let (consultation, roundtable) = path.into_inner();
    let detail = state
        .db(move |conn| {
            outcome_withdrawal::withdraw(conn, who, &consultation, &roundtable, Utc::now())
        })
        .await?;
    Ok(see_other(saved_location(&detail, "withdrawn")))
}
