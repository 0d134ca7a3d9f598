//! Decisions from a link in a chair's email: its GET shows a confirmation
//! page, only its POST decides. The signed link stands for the chair, so
//! these pages need no session.

use super::decided::decision_report_page;
use super::views::{item_view, BulkChoices, ItemView};
use crate::domain::InvalidField;
use crate::i18n::{text, Language};
use crate::services::moderation::{self, DecisionRequest, EmailLinkProblem, EmailedDecision};
use crate::web::error::{field_mistakes, form_status, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::paths::comment_path;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct TokenQuery {
    token: String,
}

fn link_problem_page(
    state: &AppState,
    viewer: &Viewer,
    problem: EmailLinkProblem,
) -> Result<HttpResponse, WebError> {
    #[derive(Serialize)]
    struct Message {
        title: String,
        detail: String,
    }
    let (status, (title, detail)) = match problem {
        EmailLinkProblem::Expired => (
            StatusCode::GONE,
            ("account-link-expired", "moderation-link-expired-detail"),
        ),
        EmailLinkProblem::Invalid => (
            StatusCode::NOT_FOUND,
            (
                "account-unsubscribe-broken",
                "moderation-link-broken-detail",
            ),
        ),
    };
    let message = Message {
        title: text(viewer.language, title, &[]),
        detail: text(viewer.language, detail, &[]),
    };
    state.render_with_status(
        status,
        "pages/moderation/link_problem.html",
        &message,
        viewer,
    )
}

pub(super) async fn email_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, WebError> {
    email_page(
        &state,
        &viewer,
        path.into_inner(),
        query.into_inner().token,
        BulkChoices::default(),
        vec![],
    )
    .await
}

/// The confirmation page of an emailed link, with messages next to the
/// fields when a reject was sent without a reason.
async fn email_page(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    action: String,
    token: String,
    choices: BulkChoices,
    errors: Vec<InvalidField>,
) -> Result<HttpResponse, WebError> {
    let (a, t, app) = (action.clone(), token.clone(), state.clone());
    let checked = state
        .db(move |conn| moderation::emailed_decision(conn, app.email_context(), &a, &t, Utc::now()))
        .await?;
    let decision = match checked {
        Ok(decision) => decision,
        Err(problem) => return link_problem_page(state, viewer, problem),
    };
    let mut view = confirmation_view(&decision, viewer.language);
    view.token = Some(token);
    view.action = Some(action);
    view.choices = choices;
    let status = form_status(&errors);
    view.show_errors(errors, viewer.language);
    state.render_with_status(status, "pages/moderation/email_action.html", &view, viewer)
}

/// The comment an emailed link decides on, as its confirmation page shows it.
fn confirmation_view(decision: &EmailedDecision, lang: Language) -> ItemView {
    let record = &decision.record;
    let link = comment_path(
        &record.consultation_slug,
        &record.roundtable_slug,
        &record.comment.reference,
    );
    item_view(
        &record.comment,
        link,
        &decision.questions,
        &[],
        Utc::now(),
        lang,
    )
}

pub(super) async fn email_decide(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let action = path.into_inner();
    let request = DecisionRequest {
        action: action.clone(),
        reason: form.get("reason").to_owned(),
        note: form.get("note").to_owned(),
        questions: Vec::new(),
    };
    let token = form.get("token").to_owned();
    // The revision the confirmation page showed.
    let revision = form.get("revision").parse().ok();
    let (t, app) = (token.clone(), state.clone());
    let decided = state.db(move |conn| {
        let ctx = app.email_context();
        moderation::decide_by_email(conn, ctx, &t, revision, &request, Utc::now())
    });
    match field_mistakes(decided.await)? {
        Ok(Err(problem)) => link_problem_page(&state, &viewer, problem),
        Ok(Ok(decided)) => {
            decision_report_page(&state, &viewer, &action, &decided, "/moderation".into())
        }
        Err(fields) => {
            let choices = BulkChoices {
                reason: form.get("reason").to_owned(),
                note: form.get("note").to_owned(),
                ..BulkChoices::default()
            };
            email_page(&state, &viewer, action, token, choices, fields).await
        }
    }
}
