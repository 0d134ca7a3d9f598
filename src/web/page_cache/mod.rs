//! What visitors and the public API receive, kept per instance and served
//! again while it is still true (see `services::freshness`): reading a
//! public page costs one small query instead of a render. An answer is kept
//! only when its handler marked it public (`policy::public`) and set no
//! cookie, and only for requests without a session or a bearer token.
//! Conditional requests (`If-None-Match`) get 304 from the same entries.

pub mod policy;

use super::answer_store::{Encoding, Entry};
use super::cookies::{LANGUAGE_COOKIE, SESSION_COOKIE};
use super::state::AppState;
use actix_web::body::{self, BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, AcceptEncoding, Header, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use std::sync::Arc;

pub async fn serve_cached(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let state = request.app_data::<web::Data<AppState>>().cloned();
    let (Some(state), Some(key)) = (state, key_of(&request)) else {
        return Ok(next.call(request).await?.map_into_boxed_body());
    };
    let now = Utc::now();
    let clock = state.clone();
    // Every answer kept needs the database: when it cannot say the
    // version, the route could not answer either (and would wait for it a
    // second time).
    let current = match state
        .db(move |conn| clock.content_clock.read(conn, now))
        .await
    {
        Ok(current) => current,
        Err(error) => return Ok(request.error_response(error).map_into_boxed_body()),
    };
    let encoding = encoding_for(&request);
    if let Some(kept) = state.page_cache.get(&key) {
        if kept.made_under.holds(&current, now) {
            state.page_cache.served(&kept);
            let (request, _) = request.into_parts();
            let response = respond(&request, &kept, encoding).await;
            return Ok(ServiceResponse::new(request, response));
        }
    }
    keep_and_respond(&state, key, current, encoding, next.call(request).await?).await
}

/// Keeps a fresh answer the handler made keepable, and answers from it.
async fn keep_and_respond(
    state: &AppState,
    key: String,
    current: crate::services::freshness::Freshness,
    encoding: Encoding,
    response: ServiceResponse<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let size = match response.response().body().size() {
        BodySize::Sized(size) => usize::try_from(size).unwrap_or(usize::MAX),
        _ => usize::MAX,
    };
    if !is_keepable(&response) || size > state.page_cache.largest_kept() {
        return Ok(response.map_into_boxed_body());
    }
    let (request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    let Ok(bytes) = body::to_bytes(body).await else {
        return Err(actix_web::error::ErrorInternalServerError(
            "the page could not be read",
        ));
    };
    let kept = Arc::new(Entry::new(current, head.status(), head.headers(), bytes));
    state.page_cache.insert(key, kept.clone());
    let response = respond(&request, &kept, encoding).await;
    Ok(ServiceResponse::new(request, response))
}

/// The key of a request the cache may answer: a visitor's (no session, no
/// bearer token) GET, by language and path with query. None for others.
fn key_of(request: &ServiceRequest) -> Option<String> {
    if request.method() != Method::GET
        || never_kept(request.path())
        || request.headers().contains_key(header::AUTHORIZATION)
        || request
            .cookie(SESSION_COOKIE)
            .is_some_and(|c| !c.value().is_empty())
    {
        return None;
    }
    let language = crate::i18n::negotiate(
        &[request.cookie(LANGUAGE_COOKIE).as_ref().map(|c| c.value())],
        request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let target = request.uri().path_and_query()?.as_str();
    Some(format!("{}|{target}", language.code()))
}

/// Routes that answer without the content (assets carry their own
/// validators; the health check and metrics must stay quick and current;
/// the language switch sets a cookie).
fn never_kept(path: &str) -> bool {
    ["/assets/", "/healthz", "/metrics", "/language/"]
        .iter()
        .any(|prefix| path.starts_with(prefix))
}

/// Kept: a complete 200 its handler made public, setting no cookie.
fn is_keepable(response: &ServiceResponse<impl MessageBody>) -> bool {
    let headers = response.headers();
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING)
        && headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_some_and(policy::is_public)
}

/// The best encoding the client accepts of those kept; identity when it
/// names none (a client that refuses identity too is answered by the
/// compression middleware outside).
fn encoding_for(request: &ServiceRequest) -> Encoding {
    let Ok(accepted) = AcceptEncoding::parse(request) else {
        return Encoding::Identity;
    };
    let offered = [
        header::Encoding::brotli(),
        header::Encoding::gzip(),
        header::Encoding::identity(),
    ];
    match accepted.negotiate(offered.iter()) {
        Some(chosen) if chosen == header::Encoding::brotli() => Encoding::Brotli,
        Some(chosen) if chosen == header::Encoding::gzip() => Encoding::Gzip,
        _ => Encoding::Identity,
    }
}

async fn respond(request: &HttpRequest, kept: &Arc<Entry>, encoding: Encoding) -> HttpResponse {
    let mut response = HttpResponse::build(kept.status);
    for (name, value) in &kept.headers {
        response.append_header((name.clone(), value.clone()));
    }
    if matches_validator(request, &kept.etag) {
        return response.status(StatusCode::NOT_MODIFIED).finish();
    }
    let (body, encoding) = match kept.ready(encoding) {
        true => (kept.body(encoding), encoding),
        // Compressing a large page takes milliseconds: not on the workers
        // that serve every other request.
        false => {
            let compressing = kept.clone();
            match web::block(move || compressing.body(encoding)).await {
                Ok(body) => (body, encoding),
                Err(_) => (kept.body(Encoding::Identity), Encoding::Identity),
            }
        }
    };
    if let Some(value) = encoding.header_value() {
        response.insert_header((header::CONTENT_ENCODING, value));
    }
    response.body(body)
}

/// Whether the client already holds this answer (RFC 9110, 13.1.2: weak
/// comparison, `*` matches any).
fn matches_validator(request: &HttpRequest, etag: &HeaderValue) -> bool {
    let ours = etag
        .as_bytes()
        .strip_prefix(b"W/")
        .unwrap_or(etag.as_bytes());
    request
        .headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag).as_bytes() == ours)
}
