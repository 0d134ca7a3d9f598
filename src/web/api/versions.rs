//! The outcome's published versions with their fingerprints, and /verify,
//! as JSON. Versions are public while the outcome is published.

use crate::domain::fingerprint::Fingerprint;
use crate::services::outcome_versions::{self, Version};
use crate::services::verify::{self, Verdict};
use crate::services::ServiceError;
use crate::web::error::WebError;
use crate::web::page_cache::policy::{private, public};
use crate::web::state::AppState;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct VersionSummaryDto {
    version: i32,
    published_at: DateTime<Utc>,
    /// `sha256:` and the SHA-256 of `canonical_json`, in hexadecimal.
    fingerprint: String,
    /// The version's page.
    html_url: String,
}

#[derive(Serialize, ToSchema)]
pub struct VersionListDto {
    /// Newest first; empty while the outcome is not published.
    versions: Vec<VersionSummaryDto>,
}

#[derive(Serialize, ToSchema)]
pub struct VersionDto {
    #[serde(flatten)]
    summary: VersionSummaryDto,
    /// Exactly the text the fingerprint is computed over (see the README,
    /// "Fingerprints"): keys sorted, no whitespace, UTF-8.
    canonical_json: String,
    /// The same, parsed: questions, introduction and points with what they cite.
    #[schema(value_type = Object)]
    content: serde_json::Value,
}

fn summary(version: &Version, base: &url::Url, c: &str, r: &str) -> VersionSummaryDto {
    let path = format!("/c/{c}/{r}/outcome/versions/{}", version.number);
    VersionSummaryDto {
        version: version.number,
        published_at: version.published_at,
        fingerprint: format!("sha256:{}", version.fingerprint),
        html_url: base.join(&path).map_or(path, String::from),
    }
}

/// The published versions of a roundtable's outcome.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/outcome/versions",
    params(
        ("consultation" = String, Path, description = "The consultation's slug"),
        ("roundtable" = String, Path, description = "The roundtable's slug"),
    ),
    tag = "outcomes",
    responses(
        (status = 200, description = "The versions, newest first", body = VersionListDto),
        (status = 404, description = "No such consultation or roundtable", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_versions(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (c, r) = path.into_inner();
    let base = state.base_url.clone();
    let (c2, r2) = (c.clone(), r.clone());
    let versions = state
        .db(move |conn| outcome_versions::versions(conn, None, &c2, &r2))
        .await?;
    let dto = VersionListDto {
        versions: versions
            .versions
            .iter()
            .map(|v| summary(v, &base, &c, &r))
            .collect(),
    };
    Ok(public(&mut HttpResponse::Ok()).json(dto))
}

/// One published version with the canonical JSON its fingerprint covers.
#[utoipa::path(
    get,
    path = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/outcome/versions/{version}",
    params(
        ("consultation" = String, Path, description = "The consultation's slug"),
        ("roundtable" = String, Path, description = "The roundtable's slug"),
        ("version" = i32, Path, description = "The version's number, from 1"),
    ),
    tag = "outcomes",
    responses(
        (status = 200, description = "The version", body = VersionDto),
        (status = 404, description = "No such roundtable, or no such published version", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_version(
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, WebError> {
    let (c, r, n) = path.into_inner();
    let n: i32 = n
        .parse()
        .map_err(|_| WebError::NotFound("missing-outcome-version"))?;
    let base = state.base_url.clone();
    let (c2, r2) = (c.clone(), r.clone());
    let versions = state
        .db(move |conn| outcome_versions::versions(conn, None, &c2, &r2))
        .await?;
    let version = versions.find(n)?;
    let dto = VersionDto {
        summary: summary(version, &base, &c, &r),
        canonical_json: version.canonical_json.clone(),
        content: serde_json::from_str(&version.canonical_json).unwrap_or_default(),
    };
    Ok(public(&mut HttpResponse::Ok()).json(dto))
}

#[derive(Deserialize, IntoParams)]
pub struct VerifyQuery {
    /// `sha256:<hex>` or the bare hex, in any case.
    fingerprint: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct VerifiedDto {
    /// `outcome_version`, `digest_file`, `altered_digest_file` or `nothing`.
    matched: &'static str,
    /// The answer in words, in the caller's language.
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    produced_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fingerprint: Option<String>,
}

/// The caller's language: a token owner's profile, else Accept-Language.
fn language_of(request: &HttpRequest) -> crate::i18n::Language {
    use actix_web::HttpMessage;
    let chosen = request.extensions().get::<crate::i18n::Language>().copied();
    chosen.unwrap_or_else(|| {
        let accept = request
            .headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        crate::i18n::negotiate(&[], accept)
    })
}

fn verified(verdict: &Verdict, lang: crate::i18n::Language) -> VerifiedDto {
    let (_, message, _) = crate::web::verify::answer(verdict, lang);
    let mut dto = VerifiedDto {
        matched: "nothing",
        message,
        version: None,
        published_at: None,
        format: None,
        comment_count: None,
        produced_at: None,
        fingerprint: None,
    };
    match verdict {
        Verdict::OutcomeVersion(place) => {
            dto.matched = "outcome_version";
            dto.version = Some(place.version);
            dto.published_at = Some(place.published_at);
        }
        Verdict::DigestFile(file) | Verdict::Altered(file) => {
            dto.matched = match verdict {
                Verdict::Altered(_) => "altered_digest_file",
                _ => "digest_file",
            };
            dto.format = Some(file.format.clone());
            dto.comment_count = Some(file.comment_count);
            dto.produced_at = Some(file.generated_at);
            dto.fingerprint = Some(format!("sha256:{}", file.fingerprint));
        }
        Verdict::Nothing => {}
    }
    dto
}

/// What a fingerprint matches.
#[utoipa::path(
    get,
    path = "/api/v1/verify",
    params(VerifyQuery),
    tag = "outcomes",
    responses(
        (status = 200, description = "What it matches (`nothing` included)", body = VerifiedDto),
        (status = 422, description = "The fingerprint is missing, not hexadecimal, or not 64 digits long (see `invalid_params`)", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn verify_fingerprint(
    state: web::Data<AppState>,
    query: web::Query<VerifyQuery>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let typed = query.into_inner().fingerprint.unwrap_or_default();
    let fingerprint = Fingerprint::parse("fingerprint", &typed).map_err(ServiceError::Invalid)?;
    let verdict = state
        .db(move |conn| verify::fingerprint(conn, &fingerprint))
        .await?;
    let lang = language_of(&request);
    Ok(private(&mut HttpResponse::Ok()).json(verified(&verdict, lang)))
}

/// What an uploaded digest file is (multipart/form-data, the file in the
/// part named `file`, at most 20 MB).
#[utoipa::path(
    post,
    path = "/api/v1/verify",
    tag = "outcomes",
    request_body(content = String, content_type = "multipart/form-data", description = "A part named `file` holding the digest file"),
    responses(
        (status = 200, description = "What it matches (`nothing` included)", body = VerifiedDto),
        (status = 422, description = "No file, an empty file, or a file over 20 MB (see `invalid_params`)", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "The request is far over the limit", body = crate::web::error::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn verify_file(
    state: web::Data<AppState>,
    request: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let file = crate::web::verify::uploaded_file(&request, &body).map_err(ServiceError::Invalid)?;
    let verdict = state.db(move |conn| verify::file(conn, &file)).await?;
    let lang = language_of(&request);
    Ok(private(&mut HttpResponse::Ok()).json(verified(&verdict, lang)))
}
