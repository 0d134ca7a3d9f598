//! Error answers in the reader's language, as the site's pages outside the
//! API and as problem bodies in it.

use super::error::WebError;
use super::state::AppState;
use crate::i18n::{self, Language};
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpMessage, HttpResponse};
use serde::Serialize;

#[derive(Serialize)]
struct ErrorPage {
    title: String,
    status: u16,
    detail: String,
}

/// The reader's language for an error answer: the one the request's viewer
/// was answered in (their profile, cookie or browser), else, when no viewer
/// was read, the switcher's cookie or `Accept-Language`.
fn language_of(request: &actix_web::HttpRequest) -> Language {
    if let Some(language) = request.extensions().get::<Language>() {
        return *language;
    }
    let cookie = request
        .cookie(super::cookies::LANGUAGE_COOKIE)
        .map(|c| c.value().to_owned());
    let accept = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    i18n::negotiate(&[cookie.as_deref()], accept)
}

/// Error answers in the reader's language: problem bodies of the API again
/// in that language, pages as HTML in the site's layout. The health check's
/// plain answer is left alone.
pub fn render_error_page<B: 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    // Pages a handler rendered on purpose (a form shown again with 422, a
    // used link with 410) carry no error and are left as they are.
    let path = res.request().path();
    if path == "/healthz" || res.response().error().is_none() {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let language = language_of(res.request());
    let error = res
        .response()
        .error()
        .and_then(|e| e.as_error::<WebError>());
    let api = super::paths::is_api_path(res.request().match_info().as_str());
    let (content_type, body) = if api {
        match error {
            Some(error) => (
                "application/problem+json",
                serde_json::to_string(&error.problem_in(language)).unwrap_or_default(),
            ),
            None => return Ok(ErrorHandlerResponse::Response(res.map_into_left_body())),
        }
    } else {
        (
            "text/html; charset=utf-8",
            error_page(&res, error, status, language),
        )
    };
    let (request, response) = res.into_parts();
    let mut new_response = HttpResponse::build(status);
    for (name, value) in response.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new_response.append_header((name.clone(), value.clone()));
        }
    }
    let new_response = new_response.content_type(content_type).body(body);
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(request, new_response).map_into_right_body(),
    ))
}

fn error_page<B>(
    res: &ServiceResponse<B>,
    error: Option<&WebError>,
    status: StatusCode,
    language: Language,
) -> String {
    let page = match error {
        Some(error) => ErrorPage {
            title: error.title(language),
            status: status.as_u16(),
            detail: error.public_detail(language),
        },
        None => ErrorPage {
            title: i18n::text(language, "problem-error", &[]),
            status: status.as_u16(),
            detail: i18n::text(
                language,
                match status {
                    StatusCode::NOT_FOUND => "problem-nothing-here",
                    StatusCode::METHOD_NOT_ALLOWED => "problem-method",
                    s if s.is_client_error() => "problem-not-understood",
                    _ => "problem-internal-detail",
                },
                &[],
            ),
        },
    };
    res.request()
        .app_data::<web::Data<AppState>>()
        .and_then(|state| {
            state
                .templates
                .render_in("errors/error.html", &page, language)
                .ok()
        })
        .unwrap_or_else(|| format!("<!doctype html><title>{0}</title><h1>{0}</h1>", page.title))
}
