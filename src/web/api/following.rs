//! The caller's follow of a roundtable: read it, follow (with or without
//! the daily digest), stop.

use super::caller::ApiCaller;
use crate::services::following::{self, FollowChoice};
use crate::web::error::WebError;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Whether the caller follows the roundtable.
#[derive(Serialize, ToSchema)]
pub struct FollowDto {
    /// Emailed when the deadline changes and when an outcome version is published.
    following: bool,
    /// Also a daily email of newly published comments.
    daily_digest: bool,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowRequestDto {
    /// Also a daily email of newly published comments (false if left out).
    #[serde(default)]
    daily_digest: bool,
}

fn dto(follow: Option<crate::db::queries::following::Follow>) -> FollowDto {
    let (following, daily_digest) =
        follow.map_or((false, false), |f| (f.following, f.daily_digest));
    FollowDto {
        following,
        daily_digest,
    }
}

async fn choose_then_read(
    state: &AppState,
    caller: ApiCaller,
    (consultation, roundtable): (String, String),
    choice: Option<FollowChoice>,
) -> Result<HttpResponse, WebError> {
    let follow = state
        .db(move |conn| {
            let user = &caller.0;
            if let Some(choice) = choice {
                following::choose(conn, user, (&consultation, &roundtable), choice, Utc::now())?;
            }
            following::state_of(conn, user.id, (&consultation, &roundtable))
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto(follow)))
}

/// Whether the caller follows the roundtable.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/follow",
    params(
        ("consultation" = String, Path, description = "The consultation's slug"),
        ("roundtable" = String, Path, description = "The roundtable's slug"),
    ),
    tag = "following",
    responses(
        (status = 200, description = "The caller's choice (never chosen: not following)", body = FollowDto),
        (status = 401, description = "No session or API token, or an unknown or revoked token", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "No anti-forgery token (`X-CSRF-Token`) with a session", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consultation or roundtable", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_follow(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    choose_then_read(&state, caller, path.into_inner(), None).await
}

/// Follows the roundtable, with or without the daily digest.
#[utoipa::path(
    put,
    path = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/follow",
    params(
        ("consultation" = String, Path, description = "The consultation's slug"),
        ("roundtable" = String, Path, description = "The roundtable's slug"),
    ),
    tag = "following",
    request_body = FollowRequestDto,
    responses(
        (status = 200, description = "Followed", body = FollowDto),
        (status = 400, description = "The body cannot be read (see `invalid_params`)", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 401, description = "No session or API token, or an unknown or revoked token", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "No anti-forgery token (`X-CSRF-Token`) with a session", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consultation or roundtable", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn put_follow(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(String, String)>,
    body: web::Json<FollowRequestDto>,
) -> Result<HttpResponse, WebError> {
    let choice = FollowChoice::Follow {
        daily_digest: body.into_inner().daily_digest,
    };
    choose_then_read(&state, caller, path.into_inner(), Some(choice)).await
}

/// Stops following the roundtable (commenting on it again does not follow anew).
#[utoipa::path(
    delete,
    path = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/follow",
    params(
        ("consultation" = String, Path, description = "The consultation's slug"),
        ("roundtable" = String, Path, description = "The roundtable's slug"),
    ),
    tag = "following",
    responses(
        (status = 200, description = "No longer followed", body = FollowDto),
        (status = 401, description = "No session or API token, or an unknown or revoked token", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "No anti-forgery token (`X-CSRF-Token`) with a session", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consultation or roundtable", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete_follow(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    choose_then_read(&state, caller, path.into_inner(), Some(FollowChoice::Stop)).await
}
