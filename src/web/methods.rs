//! 405 Method Not Allowed (with `Allow`) for a path that exists but not
//! for the request's method, 404 for a path that does not exist.
//!
//! Each `cfg.route(path, web::get()...)` is a resource guarded by its
//! method, so a request no route takes used to fall through to a 404. While
//! actix-web looks for a route it notes the method of every route whose
//! path matched, and a resource without routes answers 405 with those in
//! `Allow`. A route-less resource that takes every path, registered last,
//! therefore tells "this path, another method" from "no such path"; its
//! middleware turns the answer into our error, so that pages get an HTML
//! page and the API a problem body.

use crate::web::error::WebError;
use actix_web::body::{self, BodySize, EitherBody, MessageBody};
use actix_web::dev::{HttpServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::{from_fn, Next};
use actix_web::web;

/// Registered after every route of the site.
pub fn site_fallback() -> impl HttpServiceFactory {
    web::resource("/{unmatched:.*}").wrap(from_fn(answer_for_site))
}

/// Registered after every route of the API's scope.
pub fn api_fallback() -> impl HttpServiceFactory {
    web::resource("/{unmatched:.*}").wrap(from_fn(answer_for_api))
}

async fn answer_for_site(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse, actix_web::Error> {
    answer(request, next, "missing-page").await
}

async fn answer_for_api(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse, actix_web::Error> {
    answer(request, next, "missing-api-resource").await
}

async fn answer(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
    missing: &'static str,
) -> Result<ServiceResponse, actix_web::Error> {
    let method = request.method().clone();
    let http_request = request.request().clone();
    let response = next.call(request).await?;
    let allowed = allowed_methods(response.headers().get(header::ALLOW));
    let error = if allowed.is_empty() {
        WebError::NotFound(missing)
    } else {
        WebError::MethodNotAllowed { method, allowed }
    };
    Ok(ServiceResponse::from_err(error, http_request))
}

/// HEAD is GET without the body (RFC 9110, 9.3.2), on every GET route:
/// monitors, link checkers and feed readers use it. The route runs as for
/// GET; only its body is left out.
pub async fn head_as_get(
    mut request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, body::None>>, actix_web::Error> {
    let head = request.method() == Method::HEAD;
    if head {
        request.head_mut().method = Method::GET;
    }
    let response = next.call(request).await?;
    // A body of known size stays: the HTTP/1 encoder sends its length (as
    // GET would) and, having read the request as HEAD, not the body. A
    // streamed one (an export) is dropped unread, so it stops at once.
    let streamed = matches!(response.response().body().size(), BodySize::Stream);
    Ok(match head && streamed {
        false => response.map_into_left_body(),
        true => response.map_body(|_, _| EitherBody::right(body::None::new())),
    })
}

/// The methods actix-web listed, once each: a path can match several
/// routes of the same method ("/c/x/feed.atom" is also "/c/{c}/{r}").
fn allowed_methods(allow: Option<&header::HeaderValue>) -> Vec<Method> {
    let mut methods: Vec<Method> = Vec::new();
    let listed = allow.and_then(|v| v.to_str().ok()).unwrap_or_default();
    for method in listed.split(',').filter_map(|m| m.trim().parse().ok()) {
        if !methods.contains(&method) {
            methods.push(method);
        }
    }
    methods
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_methods_are_listed_once_in_their_order() {
        let allow = header::HeaderValue::from_static("GET, POST, GET");
        assert_eq!(allowed_methods(Some(&allow)), [Method::GET, Method::POST]);
        assert!(allowed_methods(None).is_empty());
    }
}
