//! The anti-forgery check for every state-changing request of the site, made
//! before any handler runs, so that a new form route cannot forget it.
//!
//! The viewer (session, language, the token they must send back) is read
//! once here and kept in the request's extensions, where the `Viewer`
//! extractor finds it again. The JSON API checks its own callers (a bearer
//! token, or the session with an `X-CSRF-Token` header), and the one-click
//! unsubscribe of RFC 8058 is authorised by its signed link, posted by mail
//! programs that have no session.

use super::form_pairs::FormPairs;
use super::session::Viewer;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage};
use tokio_stream::StreamExt;

/// Paths whose POST needs no form token, and why (see the module doc).
pub const EXEMPT_PREFIXES: &[&str] = &["/api/", "/unsubscribe"];

fn is_exempt(path: &str) -> bool {
    EXEMPT_PREFIXES
        .iter()
        .any(|prefix| path.starts_with(prefix))
}

/// Forms post; the site registers no other state-changing method outside
/// the API (a test fails if one appears), and other methods must reach the
/// router to be answered 405.
fn changes_state(method: &Method) -> bool {
    *method == Method::POST
}

pub async fn require_csrf(
    mut request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if !changes_state(request.method()) || is_exempt(request.path()) {
        return Ok(next.call(request).await?.map_into_left_body());
    }
    // The input guard before this one has read the body within its limit.
    let mut body = Vec::new();
    let mut payload = request.take_payload();
    while let Some(chunk) = payload.next().await {
        body.extend_from_slice(&chunk?);
    }
    let viewer = match Viewer::from_request(request.request(), &mut Payload::None).await {
        Ok(viewer) => viewer,
        Err(error) => return Ok(request.error_response(error).map_into_right_body()),
    };
    if let Err(refused) = viewer.check_csrf(FormPairs::parse(&body).get("csrf_token")) {
        return Ok(request.error_response(refused).map_into_right_body());
    }
    request.extensions_mut().insert(viewer);
    request.set_payload(Payload::from(bytes::Bytes::from(body)));
    Ok(next.call(request).await?.map_into_left_body())
}
