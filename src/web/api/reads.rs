//! The API's public reads: consultations, a roundtable, its published
//! comments as threads.

use super::dto::*;
use super::params::*;
use crate::services::{pages, roundtables};
use crate::web::error::WebError;
use crate::web::page_cache::policy::public;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;

/// Public consultations in creation order.
#[utoipa::path(
    get,
    path = "/api/v1/consultations",
    tag = "consultations",
    params(ConsultationListQuery),
    responses(
        (status = 200, description = "A page of consultations", body = ConsultationListDto),
        (status = 400, description = "A query parameter is invalid (see `invalid_params`): a limit out of range or not a whole number, a status that is not open, closed or archived, an empty or unknown cursor, or a parameter this route does not take", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database cannot be reached; try again after `Retry-After` seconds", body = crate::web::error::Problem, content_type = "application/problem+json", headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn list_consultations(
    state: web::Data<AppState>,
    query: web::Query<ConsultationListQuery>,
) -> Result<HttpResponse, WebError> {
    let query = query.into_inner();
    let limit = parse_limit(query.limit.as_deref(), CONSULTATION_PAGE)?;
    let status = parse_status(query.status.as_deref())?;
    let after = parse_cursor(query.cursor.as_deref())?;
    let base = state.base_url.clone();
    let list = state
        .db(move |conn| pages::consultation_list(conn, status, after, limit))
        .await?;
    Ok(public(&mut HttpResponse::Ok()).json(ConsultationListDto::new(&list, &base)))
}

/// One consultation with its roundtables, programme and resources.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{consultation}",
    tag = "consultations",
    params(("consultation" = String, Path, description = "The consultation's slug")),
    responses(
        (status = 200, description = "The consultation", body = ConsultationDto),
        (status = 404, description = "No public consultation has this slug", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database cannot be reached; try again after `Retry-After` seconds", body = crate::web::error::Problem, content_type = "application/problem+json", headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn get_consultation(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let slug = path.into_inner();
    let base = state.base_url.clone();
    let page = state
        .db(move |conn| pages::consultation_page(conn, &slug, None))
        .await?;
    Ok(public(&mut HttpResponse::Ok()).json(ConsultationDto::new(&page, &base, Utc::now())))
}

/// One roundtable with its guiding questions in order, programme and chairs.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{consultation}/roundtables/{roundtable}",
    params(
        ("consultation" = String, Path, description = "The consultation's slug"),
        ("roundtable" = String, Path, description = "The roundtable's slug"),
    ),
    tag = "consultations",
    responses(
        (status = 200, description = "The roundtable", body = RoundtableDto),
        (status = 404, description = "No such consultation or roundtable", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database cannot be reached; try again after `Retry-After` seconds", body = crate::web::error::Problem, content_type = "application/problem+json", headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn get_roundtable(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    let base = state.base_url.clone();
    let detail = state
        .db(move |conn| roundtables::roundtable_detail(conn, &consultation, &roundtable))
        .await?;
    Ok(public(&mut HttpResponse::Ok()).json(RoundtableDto::new(&detail, &base, Utc::now())))
}

/// Published comments as threads; a page holds whole threads.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/comments",
    params(
        ("consultation" = String, Path, description = "The consultation's slug"),
        ("roundtable" = String, Path, description = "The roundtable's slug"),
        ThreadListQuery,
    ),
    tag = "comments",
    responses(
        (status = 200, description = "A page of comment threads", body = CommentThreadsDto),
        (status = 400, description = "A query parameter is invalid (see `invalid_params`): a limit out of range or not a whole number, an empty or unknown cursor, or a parameter this route does not take", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consultation or roundtable", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database cannot be reached; try again after `Retry-After` seconds", body = crate::web::error::Problem, content_type = "application/problem+json", headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn list_comments(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<ThreadListQuery>,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    let query = query.into_inner();
    let limit = parse_limit(query.limit.as_deref(), THREAD_PAGE)?;
    let after = parse_cursor(query.cursor.as_deref())?;
    let page = state
        .db(move |conn| pages::comment_threads(conn, &consultation, &roundtable, after, limit))
        .await?;
    Ok(public(&mut HttpResponse::Ok()).json(CommentThreadsDto::new(&page)))
}
