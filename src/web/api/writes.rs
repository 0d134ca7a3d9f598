//! The API's state-changing routes: post a comment, decide on one.

use super::caller::ApiCaller;
use super::numbers::Whole;
use super::schemas::*;
use crate::domain::comment::{CommentStatus, QuestionPick};
use crate::domain::message::Arg;
use crate::domain::user::Actor;
use crate::domain::Message;
use crate::services::comments::{self, CommentInput};
use crate::services::moderation::{self, DecisionRequest, DecisionResult, Target};
use crate::web::error::WebError;
use crate::web::moderation::decided::{already_decided, Wording};
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const BODY_UNREADABLE: &str = "The body cannot be read (see `invalid_params`): not sent as `Content-Type: application/json`, not valid JSON, or not of the documented shape (a missing, unknown or mistyped property)";
const BODY_TOO_LARGE: &str = "The request body is too large";

fn question_picks(numbers: Vec<Whole<usize>>) -> Vec<QuestionPick> {
    numbers
        .into_iter()
        .map(|Whole(n)| QuestionPick::Number(n))
        .collect()
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCommentDto {
    #[schema(schema_with = comment_body_schema)]
    body: String,
    #[serde(default)]
    #[schema(schema_with = question_numbers_schema)]
    guiding_questions: Vec<Whole<usize>>,
    /// Reference of the published comment this one replies to (it inherits its questions).
    #[serde(default)]
    parent: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PostedCommentDto {
    reference: String,
    #[schema(schema_with = posted_status_schema)]
    status: &'static str,
    /// The page where the comment shows, with its anchor.
    html: String,
}

/// Posts a comment or a reply as the caller.
#[utoipa::path(
    post,
    path = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/comments",
    params(
        ("consultation" = String, Path, description = "The consultation's slug"),
        ("roundtable" = String, Path, description = "The roundtable's slug"),
    ),
    tag = "comments",
    request_body = NewCommentDto,
    responses(
        (status = 201, description = "Stored: pending, or published at once", body = PostedCommentDto, headers(("Location" = String, description = "The page where the comment shows, with its anchor"))),
        (status = 400, description = BODY_UNREADABLE, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "No session or API token, or an unknown or revoked token", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Address not verified, or no anti-forgery token (`X-CSRF-Token`) with a session", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consultation or roundtable", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The comment period is not open", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = BODY_TOO_LARGE, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The body is blank, too long or holds control characters, or a guiding question or the parent is not valid (see `invalid_params`)", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many comments from this account in the last hour; try again after `Retry-After` seconds", body = crate::web::error::Problem, content_type = "application/problem+json", headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
        (status = 503, description = "The database cannot be reached; try again after `Retry-After` seconds", body = crate::web::error::Problem, content_type = "application/problem+json", headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn post_comment(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(String, String)>,
    body: web::Json<NewCommentDto>,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    let input = body.into_inner().into_input();
    let (c, r, app) = (consultation.clone(), roundtable.clone(), state.clone());
    let posted = state
        .db(move |conn| {
            let (ctx, setup, now) = (app.email_context(), &app.setup_cache, Utc::now());
            comments::post_comment(conn, ctx, setup, &caller.0, (&c, &r), &input, now)
        })
        .await?;
    let html = state
        .base_url
        .join(&format!(
            "c/{consultation}/{roundtable}#{}",
            posted.reference
        ))
        .map(String::from)
        .unwrap_or_default();
    Ok(HttpResponse::Created()
        .insert_header((actix_web::http::header::LOCATION, html.clone()))
        .json(PostedCommentDto {
            status: if posted.status == CommentStatus::Pending {
                "pending"
            } else {
                "published"
            },
            reference: posted.reference,
            html,
        }))
}

impl NewCommentDto {
    /// In the API's own language: the consultation's.
    fn into_input(self) -> CommentInput {
        CommentInput {
            body: self.body,
            questions: question_picks(self.guiding_questions),
            parent: self.parent,
            language: None,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionDto {
    #[schema(schema_with = action_schema)]
    action: String,
    #[serde(default)]
    #[schema(schema_with = reason_schema)]
    reason: String,
    #[serde(default)]
    #[schema(schema_with = note_schema)]
    note: String,
    #[serde(default)]
    #[schema(schema_with = question_numbers_schema)]
    guiding_questions: Vec<Whole<usize>>,
    /// The comment's `revision` as the caller read it: if its author edited
    /// it since, the decision is refused (409) rather than applied unread.
    #[serde(default)]
    #[schema(value_type = Option<i32>)]
    revision: Option<Whole<i32>>,
}

#[derive(Serialize, ToSchema)]
pub struct DecidedDto {
    reference: String,
    #[schema(schema_with = action_schema)]
    action: String,
}

/// Decides on one comment as its chair (or as staff).
#[utoipa::path(
    post,
    path = "/api/v1/comments/{reference}/decisions",
    params(("reference" = String, Path, description = "The comment's reference, such as c-2f9a01bc")),
    tag = "moderation",
    request_body = DecisionDto,
    responses(
        (status = 200, description = "Decided", body = DecidedDto),
        (status = 400, description = BODY_UNREADABLE, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "No session or API token, or an unknown or revoked token", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a chair of this comment's roundtable, or no anti-forgery token (`X-CSRF-Token`) with a session", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No comment has this reference", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already decided (the detail says by whom), edited since `revision`, or the decision does not apply", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = BODY_TOO_LARGE, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown action, no reason for reject or unpublish, a note too long or with control characters, or a guiding question that is not valid (see `invalid_params`)", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database cannot be reached; try again after `Retry-After` seconds", body = crate::web::error::Problem, content_type = "application/problem+json", headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn decide(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
    body: web::Json<DecisionDto>,
) -> Result<HttpResponse, WebError> {
    let body = body.into_inner();
    let action = body.action.clone();
    let target = Target {
        reference: path.into_inner(),
        revision: body.revision.map(|Whole(r)| r),
    };
    let request = DecisionRequest {
        action: body.action,
        reason: body.reason,
        note: body.note,
        questions: question_picks(body.guiding_questions),
    };
    let (who, app) = (Actor::of(&caller.0), state.clone());
    let results = state
        .db(move |conn| {
            let ctx = app.email_context();
            moderation::decide(conn, ctx, who, &[target], &request, Utc::now())
        })
        .await?;
    decided(results.into_iter().next(), action)
}

/// The one comment's result as the API answers it.
fn decided(result: Option<DecisionResult>, action: String) -> Result<HttpResponse, WebError> {
    match result {
        Some(DecisionResult::Done { reference }) => {
            Ok(HttpResponse::Ok().json(DecidedDto { reference, action }))
        }
        Some(DecisionResult::AlreadyDecided { by, status, .. }) => Err(WebError::Conflict(
            already_decided(by.as_ref(), status, Wording::Api),
        )),
        Some(DecisionResult::EditedSince { .. }) => {
            Err(WebError::Conflict("conflict-edited-since".into()))
        }
        Some(DecisionResult::NotApplicable { why, .. }) => Err(WebError::Conflict(
            Message::new("conflict-not-possible").with("why", Arg::Key(why.into())),
        )),
        Some(DecisionResult::NotAllowed { .. }) => {
            Err(WebError::Forbidden("forbidden-not-chair".into()))
        }
        Some(DecisionResult::NotFound { .. }) | None => Err(WebError::NotFound("missing-comment")),
    }
}
