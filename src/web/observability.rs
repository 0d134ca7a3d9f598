//! What operators see: one log line per request with an id that also goes
//! back in `X-Request-Id`, and Prometheus metrics at `/metrics`. Logs name
//! the route and the client's address, never query strings, bodies,
//! passwords, tokens or email addresses.

use super::metrics::Metrics;
use super::session::client_address;
use crate::outbox;
use crate::services::moderation;
use crate::web::error::WebError;
use crate::web::state::AppState;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse};
use prometheus::{Encoder, TextEncoder};
use std::time::{Duration, Instant};

pub const REQUEST_ID: &str = "x-request-id";

/// An id given by the proxy is kept when it looks like one; otherwise a new one.
fn request_id(request: &ServiceRequest) -> String {
    request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(String::from)
        .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string())
}

/// Times, counts and logs every request, and tags its response with its id.
pub async fn observe(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let id = request_id(&request);
    let method = method_label(&request);
    let state = request.app_data::<web::Data<AppState>>().cloned();
    let client = client_of(&request, state.as_ref().map(|s| s.get_ref()));
    let mut response = next.call(request).await?;
    // The route's pattern ("/c/{consultation}"), never the path itself: it
    // keeps the metrics' labels few and the logs free of what users typed.
    let route = response
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".into());
    let status = response.status().as_u16();
    let elapsed = started.elapsed();
    if let Some(state) = &state {
        count(&state.metrics, &method, &route, status, elapsed);
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(REQUEST_ID), value);
    }
    tracing::info!(
        request_id = %id,
        %method,
        %route,
        status,
        duration_ms = elapsed.as_secs_f64() * 1000.0,
        %client,
        "request"
    );
    Ok(response)
}

/// Any token is a method to actix: only the standard ones become labels, so
/// that nobody can grow the metrics without bound.
fn method_label(request: &ServiceRequest) -> String {
    match request.method().as_str() {
        m @ ("GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS") => m.to_owned(),
        _ => "other".to_owned(),
    }
}

fn client_of(request: &ServiceRequest, state: Option<&AppState>) -> String {
    client_address(
        request.peer_addr().map(|a| a.ip()),
        request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok()),
        state.map_or(&[][..], |s| &s.trusted_proxies[..]),
    )
}

fn count(metrics: &Metrics, method: &str, route: &str, status: u16, elapsed: Duration) {
    metrics
        .requests
        .with_label_values(&[method, route, &status.to_string()])
        .inc();
    metrics
        .durations
        .with_label_values(&[method, route])
        .observe(elapsed.as_secs_f64());
}

/// Prometheus text format. Answers only requests made to the instance
/// directly: a request that a trusted proxy forwarded (it says whom for in
/// X-Forwarded-For) is not found, so the public never reads it even if the
/// proxy forgets to block it, while a scrape on the same machine works.
pub async fn metrics(
    state: web::Data<AppState>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let peer = request.peer_addr().map(|a| a.ip());
    let forwarded = request.headers().contains_key("x-forwarded-for");
    if forwarded && peer.is_some_and(|p| state.trusted_proxies.contains(&p)) {
        return Err(WebError::NotFound("missing-page"));
    }
    let now = chrono::Utc::now();
    let (outbox, waiting) = state
        .db(move |conn| Ok((outbox::counts(conn)?, moderation::waiting_everywhere(conn)?)))
        .await?;
    let m = &state.metrics;
    m.outbox_pending.set(outbox.pending);
    m.outbox_dead.set(outbox.dead);
    m.outbox_oldest_pending_seconds.set(
        outbox
            .oldest_unsent
            .map_or(0, |at| (now - at.and_utc()).num_seconds().max(0)),
    );
    m.moderation_pending.set(waiting);
    let pool = state.pool.state();
    m.pool_connections.set(i64::from(pool.connections));
    m.pool_idle_connections
        .set(i64::from(pool.idle_connections));
    let mut body = Vec::new();
    TextEncoder::new()
        .encode(&m.registry.gather(), &mut body)
        .map_err(|e| WebError::Internal(format!("metrics cannot be encoded: {e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(body))
}
