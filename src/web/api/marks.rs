//! Marks for the report in the API, for a roundtable's chairs and staff
//! (a session, with `X-CSRF-Token` for changes, or a token): a
//! roundtable's themes with counts, and a comment's relevance and themes.
//! Everyone else gets 401, 403 or 404 problem bodies.

use super::caller::{ApiCaller, MaybeCaller};
use crate::domain::user::Actor;
use crate::domain::InvalidField;
use crate::services::report_marks::{self, CommentMarks};
use crate::services::ServiceError;
use crate::web::error::WebError;
use crate::web::page_cache::policy::private;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const P401: &str = "No session or API token, or an unknown or revoked token";
const P403: &str = "Not a chair of this roundtable, nor staff";
const P403_WRITE: &str = "Not a chair of this roundtable, nor staff, or no anti-forgery token (`X-CSRF-Token`) with a session";
const P400: &str = "The body cannot be read (see `invalid_params`): not sent as `Content-Type: application/json`, not valid JSON, or not of the documented shape";

#[derive(Serialize, ToSchema)]
pub struct ThemeDto {
    id: String,
    label: String,
}

#[derive(Serialize, ToSchema)]
pub struct ThemeCountDto {
    id: String,
    label: String,
    /// How many comments carry it, whatever their status.
    comments: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ThemeListDto {
    themes: Vec<ThemeCountDto>,
}

#[derive(Serialize, ToSchema)]
pub struct CommentMarksDto {
    reference: String,
    /// The comment's status: only a published (`approved`) comment can be marked.
    status: String,
    /// The stored decision; a comment withdrawn or unpublished keeps it.
    #[schema(pattern = "^(retained|not_retained|undecided)$")]
    relevance: String,
    /// Retained and published now: what figures, filters and digests count.
    counts_as_retained: bool,
    themes: Vec<ThemeDto>,
}

impl CommentMarksDto {
    fn of(marks: &CommentMarks) -> Self {
        let status = marks.record.comment.status;
        Self {
            reference: marks.record.comment.reference.clone(),
            status: status.code().to_owned(),
            relevance: marks.relevance.code().to_owned(),
            counts_as_retained: marks.relevance.counts_as_retained(status),
            themes: marks
                .themes
                .iter()
                .map(|t| ThemeDto {
                    id: t.id.clone(),
                    label: t.label.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RelevanceDto {
    #[schema(pattern = "^(retained|not_retained)$")]
    relevance: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewThemeDto {
    /// A theme of the roundtable by its label (case, accents and spaces do
    /// not matter), or a new one. 1 to 60 characters.
    #[schema(min_length = 1, max_length = 60)]
    label: String,
}

fn signed_in(caller: MaybeCaller) -> Result<Actor, WebError> {
    caller
        .0
        .as_ref()
        .map(Actor::of)
        .ok_or_else(|| WebError::Unauthorized("unauthorized-api".into()))
}

/// A roundtable's themes, with how many comments carry each.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/themes",
    params(
        ("consultation" = String, Path, description = "The consultation's slug"),
        ("roundtable" = String, Path, description = "The roundtable's slug"),
    ),
    tag = "report",
    responses(
        (status = 200, description = "The themes, by label", body = ThemeListDto),
        (status = 401, description = P401, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = P403, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consultation or roundtable", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_themes(
    state: web::Data<AppState>,
    caller: MaybeCaller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (who, (c, r)) = (signed_in(caller)?, path.into_inner());
    let listed = state
        .db(move |conn| report_marks::roundtable_themes(conn, who, &c, &r))
        .await?;
    let themes = listed
        .themes
        .into_iter()
        .map(|t| ThemeCountDto {
            id: t.theme.id,
            label: t.theme.label,
            comments: t.comments,
        })
        .collect();
    Ok(private(&mut HttpResponse::Ok()).json(ThemeListDto { themes }))
}

/// A comment's relevance and themes.
#[utoipa::path(
    get,
    path = "/api/v1/comments/{reference}/marks",
    params(("reference" = String, Path, description = "The comment's reference, such as c-2f9a01bc")),
    tag = "report",
    responses(
        (status = 200, description = "Its marks", body = CommentMarksDto),
        (status = 401, description = P401, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = P403, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No comment has this reference", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_marks(
    state: web::Data<AppState>,
    caller: MaybeCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let (who, reference) = (signed_in(caller)?, path.into_inner());
    let marks = state
        .db(move |conn| report_marks::marks_of(conn, who, &reference))
        .await?;
    Ok(private(&mut HttpResponse::Ok()).json(CommentMarksDto::of(&marks)))
}

/// Retains a published comment for the report, or not.
#[utoipa::path(
    put,
    path = "/api/v1/comments/{reference}/relevance",
    params(("reference" = String, Path, description = "The comment's reference, such as c-2f9a01bc")),
    tag = "report",
    request_body = RelevanceDto,
    responses(
        (status = 200, description = "Decided; the comment's marks", body = CommentMarksDto),
        (status = 400, description = P400, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = P401, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = P403_WRITE, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No comment has this reference", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not `retained` nor `not_retained`, or the comment is not published (see `invalid_params`)", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn put_relevance(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
    body: web::Json<RelevanceDto>,
) -> Result<HttpResponse, WebError> {
    let (who, reference, decision) = (Actor::of(&caller.0), path.into_inner(), body.into_inner());
    let marks = state
        .db(move |conn| {
            report_marks::set_relevance(conn, who, &reference, &decision.relevance, Utc::now())?;
            report_marks::marks_of(conn, who, &reference)
        })
        .await?;
    Ok(HttpResponse::Ok().json(CommentMarksDto::of(&marks)))
}

/// Tags a comment with a theme of its roundtable, created if new.
#[utoipa::path(
    post,
    path = "/api/v1/comments/{reference}/themes",
    params(("reference" = String, Path, description = "The comment's reference, such as c-2f9a01bc")),
    tag = "report",
    request_body = NewThemeDto,
    responses(
        (status = 200, description = "The comment carried the theme already; its marks", body = CommentMarksDto),
        (status = 201, description = "Tagged; the comment's marks", body = CommentMarksDto),
        (status = 400, description = P400, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = P401, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = P403_WRITE, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No comment has this reference", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The label is empty, too long or holds control characters (see `invalid_params`)", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn add_theme(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
    body: web::Json<NewThemeDto>,
) -> Result<HttpResponse, WebError> {
    let (who, reference, label) = (
        Actor::of(&caller.0),
        path.into_inner(),
        body.into_inner().label,
    );
    let (tagged, marks) = state
        .db(move |conn| {
            // The body's property is `label`; the form's field is `theme`.
            let tagged = report_marks::add_theme(conn, who, &reference, &label, Utc::now())
                .map_err(|e| match e {
                    ServiceError::Invalid(field) => ServiceError::Invalid(InvalidField {
                        field: "label",
                        ..field
                    }),
                    other => other,
                })?;
            Ok((
                tagged.tagged,
                report_marks::marks_of(conn, who, &reference)?,
            ))
        })
        .await?;
    let mut response = if tagged {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(response.json(CommentMarksDto::of(&marks)))
}

/// Removes a theme from a comment.
#[utoipa::path(
    delete,
    path = "/api/v1/comments/{reference}/themes/{theme}",
    params(
        ("reference" = String, Path, description = "The comment's reference, such as c-2f9a01bc"),
        ("theme" = String, Path, description = "The theme's id"),
    ),
    tag = "report",
    responses(
        (status = 200, description = "Removed; the comment's marks", body = CommentMarksDto),
        (status = 401, description = P401, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = P403_WRITE, body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such comment, no such theme in its roundtable, or the comment does not carry it", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn remove_theme(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (who, (reference, theme)) = (Actor::of(&caller.0), path.into_inner());
    let marks = state
        .db(move |conn| {
            report_marks::remove_theme(conn, who, &reference, &theme, Utc::now())?;
            report_marks::marks_of(conn, who, &reference)
        })
        .await?;
    Ok(HttpResponse::Ok().json(CommentMarksDto::of(&marks)))
}
