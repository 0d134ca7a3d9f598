//! What a decision did, comment by comment: the page after a decision
//! (from the queue, a comment's page or an emailed link), and the one
//! sentence for a comment another chair decided first, which the API says
//! too.

use crate::db::queries::moderation::AuditEntry;
use crate::domain::comment::CommentStatus;
use crate::domain::message::Arg;
use crate::domain::Message;
use crate::i18n::{say, text, Language};
use crate::services::moderation::DecisionResult;
use crate::web::error::WebError;
use crate::web::format::date_time;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde::Serialize;

/// Where the sentence is read: a page writes the time for the reader, the
/// API as RFC 3339; each has its own wording in the catalogue.
#[derive(Debug, Clone, Copy)]
pub enum Wording {
    Page(Language),
    Api,
}

/// "Already decided: who did what, when", or the status now when nobody
/// is on record.
pub fn already_decided(
    by: Option<&AuditEntry>,
    status: CommentStatus,
    wording: Wording,
) -> Message {
    let status = Arg::Key(format!("views-comment-{}", status.code()));
    let (with_who, without) = match wording {
        Wording::Page(_) => (
            "moderation-already-decided-by",
            "moderation-already-decided",
        ),
        Wording::Api => ("conflict-already-decided-by", "conflict-already-decided"),
    };
    let Some(entry) = by else {
        return Message::new(without).with("status", status);
    };
    let at = match wording {
        Wording::Page(lang) => date_time(entry.at, chrono_tz::UTC, lang),
        Wording::Api => entry.at.to_rfc3339(),
    };
    let who = entry
        .actor_name
        .clone()
        .map_or(Arg::Key("moderation-someone".into()), Arg::Text);
    Message::new(with_who)
        .with("who", who)
        .with("action", entry.action.as_str())
        .with("at", at)
        .with("status", status)
}

#[derive(Serialize)]
struct DecisionLine {
    reference: String,
    done: bool,
    text: String,
}

impl DecisionLine {
    fn done(&self) -> bool {
        self.done
    }
}

fn decision_lines(
    results: &[DecisionResult],
    done_text: &str,
    lang: Language,
) -> Vec<DecisionLine> {
    let line = |reference: &String, key: &str, args: &[(&str, Arg)]| DecisionLine {
        reference: reference.clone(),
        done: false,
        text: text(lang, key, args),
    };
    results
        .iter()
        .map(|result| match result {
            DecisionResult::Done { reference } => DecisionLine {
                reference: reference.clone(),
                done: true,
                text: done_text.to_owned(),
            },
            DecisionResult::AlreadyDecided {
                reference,
                by,
                status,
            } => DecisionLine {
                reference: reference.clone(),
                done: false,
                text: say(
                    lang,
                    &already_decided(by.as_ref(), *status, Wording::Page(lang)),
                ),
            },
            DecisionResult::NotApplicable { reference, why } => line(
                reference,
                "moderation-not-possible",
                &[("why", text(lang, why, &[]).into())],
            ),
            DecisionResult::NotFound { reference } => {
                line(reference, "moderation-no-such-comment", &[])
            }
            DecisionResult::EditedSince { reference } => {
                line(reference, "moderation-edited-since", &[])
            }
            DecisionResult::NotAllowed { reference } => {
                line(reference, "moderation-not-yours", &[])
            }
        })
        .collect()
}

#[derive(Serialize)]
struct DecisionReportView {
    title: String,
    lines: Vec<DecisionLine>,
    back: String,
}

/// What a decision did, as the catalogue says it (`moderation-done`
/// selects on the action).
fn done_text(action: &str, lang: Language) -> String {
    text(lang, "moderation-done", &[("action", action.into())])
}

/// The page after a decision: 200 when every comment was decided, 409 when
/// none was because others came first.
pub fn decision_report_page(
    state: &AppState,
    viewer: &Viewer,
    action: &str,
    results: &[DecisionResult],
    back: String,
) -> Result<HttpResponse, WebError> {
    let lines = decision_lines(
        results,
        &done_text(action, viewer.language),
        viewer.language,
    );
    let status = result_status(results, lines.iter().any(|l| l.done()));
    state.render_with_status(
        status,
        "pages/moderation/decided.html",
        &DecisionReportView {
            title: text(viewer.language, "moderation-title", &[]),
            lines,
            back,
        },
        viewer,
    )
}

/// As the API answers for one comment: 403 when none of them was this
/// chair's to decide, 404 when none exists, 409 when others came first.
fn result_status(results: &[DecisionResult], any_done: bool) -> StatusCode {
    let all = |matches: fn(&DecisionResult) -> bool| results.iter().all(matches);
    if any_done {
        StatusCode::OK
    } else if all(|o| matches!(o, DecisionResult::NotAllowed { .. })) {
        StatusCode::FORBIDDEN
    } else if all(|o| matches!(o, DecisionResult::NotFound { .. })) {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::CONFLICT
    }
}
