//! The web layer's one error type. Which error belongs where:
//! - `NotFound`, `InvalidParameter`: the client's mistake; the message is
//!   written for them and shown as it is.
//! - `Unavailable`: the database cannot be reached; 503, try again later.
//! - `Internal`: our bug; logged with its cause, the client sees a generic 500.
//!
//! Responses are RFC 9457 problem bodies; `render_error_page` turns them into
//! HTML pages outside the API.

use super::state::AppState;
use crate::db::StorageError;
use crate::services::ServiceError;
use actix_web::body::BoxBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{web, HttpResponse, ResponseError};
use serde::Serialize;
use std::fmt;

#[derive(Debug)]
pub enum WebError {
    NotFound(String),
    InvalidParameter {
        name: String,
        reason: String,
    },
    /// Fields of a request body that are wrong, each with its reason (422).
    Unprocessable(Vec<InvalidParam>),
    /// A refused request whose reason is shown (a missing anti-forgery token).
    Forbidden(String),
    /// Sign in first (401); the message says how.
    Unauthorized(String),
    /// The target moved on: decided by another chair, comments closed (409).
    Conflict(String),
    TooManyRequests {
        retry_after_seconds: i64,
    },
    Unavailable(String),
    Internal(String),
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct InvalidParam {
    pub name: String,
    pub reason: String,
}

/// An RFC 9457 problem body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
}

impl WebError {
    pub fn invalid(name: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidParameter {
            name: name.into(),
            reason: reason.into(),
        }
    }

    fn title(&self) -> &'static str {
        match self {
            Self::NotFound(_) => "Not found",
            Self::InvalidParameter { .. } => "Invalid parameter",
            Self::Unprocessable(_) => "Invalid content",
            Self::Forbidden(_) => "Forbidden",
            Self::Unauthorized(_) => "Sign-in required",
            Self::Conflict(_) => "Conflict",
            Self::TooManyRequests { .. } => "Too many attempts",
            Self::Unavailable(_) => "Service unavailable",
            Self::Internal(_) => "Internal error",
        }
    }

    /// What the client may read: never the cause of an internal failure.
    fn public_detail(&self) -> String {
        match self {
            Self::NotFound(what) => format!("There is no {what} at this address."),
            Self::InvalidParameter { name, reason } => format!("{name}: {reason}"),
            Self::Unprocessable(params) => params
                .iter()
                .map(|p| format!("{}: {}", p.name, p.reason))
                .collect::<Vec<_>>()
                .join("; "),
            Self::Forbidden(reason) | Self::Unauthorized(reason) | Self::Conflict(reason) => {
                reason.clone()
            }
            Self::TooManyRequests {
                retry_after_seconds,
            } => format!(
                "Too many attempts in a short time. Please try again in {}.",
                wait_in_words(*retry_after_seconds)
            ),
            Self::Unavailable(_) => {
                "The service cannot reach its database right now. Please try again in a minute."
                    .into()
            }
            Self::Internal(_) => {
                "Something went wrong on our side. It has been logged; please try again later."
                    .into()
            }
        }
    }

    pub fn problem(&self) -> Problem {
        let invalid_params = match self {
            Self::InvalidParameter { name, reason } => vec![InvalidParam {
                name: name.clone(),
                reason: reason.clone(),
            }],
            Self::Unprocessable(params) => params
                .iter()
                .map(|p| InvalidParam {
                    name: p.name.clone(),
                    reason: p.reason.clone(),
                })
                .collect(),
            _ => vec![],
        };
        Problem {
            problem_type: "about:blank".into(),
            title: self.title().into(),
            status: self.status_code().as_u16(),
            detail: self.public_detail(),
            invalid_params,
        }
    }
}

impl fmt::Display for WebError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable(cause) | Self::Internal(cause) => {
                write!(f, "{}: {cause}", self.title())
            }
            _ => f.write_str(&self.public_detail()),
        }
    }
}

impl From<ServiceError> for WebError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::NotFound(what) => Self::NotFound(what.into()),
            ServiceError::Invalid(field) => Self::invalid(field.field, field.message),
            ServiceError::Storage(StorageError::Pool(e)) => Self::Unavailable(e.to_string()),
            ServiceError::InvalidFields(fields) => Self::Unprocessable(
                fields
                    .into_iter()
                    .map(|f| InvalidParam {
                        name: f.field.into(),
                        reason: f.message,
                    })
                    .collect(),
            ),
            ServiceError::Conflict(message) => Self::Conflict(upper_first(&message)),
            ServiceError::CommentsClosed { state, zone } => Self::Conflict(format!(
                "{}.",
                super::format::period_line(state, zone, crate::i18n::Language::En)
            )),
            ServiceError::Forbidden(reason) => Self::Forbidden(upper_first(reason)),
            ServiceError::RateLimited {
                retry_after_seconds,
            } => Self::TooManyRequests {
                retry_after_seconds,
            },
            // Listed one by one, so that a new variant must be mapped on purpose.
            error @ (ServiceError::Storage(_)
            | ServiceError::Template(_)
            | ServiceError::BrokenDemoContent(_)) => Self::Internal(error.to_string()),
        }
    }
}

impl From<tera::Error> for WebError {
    fn from(error: tera::Error) -> Self {
        // tera keeps the useful part in the source chain.
        let mut message = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            message.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        Self::Internal(message)
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::InvalidParameter { .. } => StatusCode::BAD_REQUEST,
            Self::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        if let Self::Unavailable(cause) | Self::Internal(cause) = self {
            tracing::error!(error = %cause, "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        match self {
            Self::Unavailable(_) => {
                response.insert_header((header::RETRY_AFTER, "30"));
            }
            Self::TooManyRequests {
                retry_after_seconds,
            } => {
                response.insert_header((header::RETRY_AFTER, retry_after_seconds.to_string()));
            }
            _ => {}
        }
        response
            .content_type("application/problem+json")
            .json(self.problem())
    }
}

/// Service messages start in lower case so they read inside sentences; shown alone, they start a sentence.
fn upper_first(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn wait_in_words(seconds: i64) -> String {
    match seconds {
        s if s < 90 => format!("{s} seconds"),
        s if s < 5400 => format!("{} minutes", (s + 59) / 60),
        s => format!("{} hours", (s + 3599) / 3600),
    }
}

#[derive(Serialize)]
struct ErrorPage {
    title: String,
    status: u16,
    detail: String,
}

/// Renders an error response of a page as HTML in the site's layout. API
/// problem bodies and the health check's plain answer are left alone.
pub fn render_error_page<B: 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    // Pages a handler rendered on purpose (a form shown again with 422, a
    // used link with 410) carry no error and are left as they are.
    let path = res.request().path();
    if path.starts_with("/api/") || path == "/healthz" || res.response().error().is_none() {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let page = match res
        .response()
        .error()
        .and_then(|e| e.as_error::<WebError>())
    {
        Some(error) => ErrorPage {
            title: error.title().into(),
            status: status.as_u16(),
            detail: error.public_detail(),
        },
        None => ErrorPage {
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: match status {
                StatusCode::NOT_FOUND => "There is nothing at this address.".into(),
                StatusCode::METHOD_NOT_ALLOWED => {
                    "This address does not accept that kind of request.".into()
                }
                s if s.is_client_error() => "The request could not be understood.".into(),
                _ => "Something went wrong on our side. Please try again later.".into(),
            },
        },
    };
    let language = {
        let request = res.request();
        let cookie = request
            .cookie(super::session::LANGUAGE_COOKIE)
            .map(|c| c.value().to_owned());
        let accept = request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        crate::i18n::negotiate(&[cookie.as_deref()], accept)
    };
    let html = res
        .request()
        .app_data::<web::Data<AppState>>()
        .and_then(|state| {
            state
                .templates
                .render_in("errors/error.html", &page, language)
                .ok()
        })
        .unwrap_or_else(|| format!("<!doctype html><title>{0}</title><h1>{0}</h1>", page.title));
    let (request, response) = res.into_parts();
    let mut new_response = HttpResponse::build(status);
    for (name, value) in response.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new_response.append_header((name.clone(), value.clone()));
        }
    }
    let new_response = new_response
        .content_type("text/html; charset=utf-8")
        .body(html);
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(request, new_response).map_into_right_body(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_its_status() {
        let table = [
            (WebError::NotFound("consultation".into()), 404),
            (WebError::invalid("limit", "too large"), 400),
            (WebError::Forbidden("no token".into()), 403),
            (WebError::Unauthorized("sign in".into()), 401),
            (WebError::Conflict("decided".into()), 409),
            (WebError::Unprocessable(vec![]), 422),
            (
                WebError::TooManyRequests {
                    retry_after_seconds: 60,
                },
                429,
            ),
            (WebError::Unavailable("pool timed out".into()), 503),
            (WebError::Internal("bug".into()), 500),
        ];
        for (error, status) in table {
            assert_eq!(error.status_code().as_u16(), status, "{error:?}");
            assert_eq!(error.problem().status, status);
        }
    }

    #[test]
    fn internal_causes_stay_out_of_problem_bodies() {
        let problem = WebError::Internal("password=hunter2 in query".into()).problem();
        assert!(!problem.detail.contains("hunter2"));
    }

    #[test]
    fn service_errors_map_to_client_or_server_errors() {
        let not_found = WebError::from(ServiceError::NotFound("roundtable"));
        assert_eq!(not_found.status_code(), StatusCode::NOT_FOUND);
        let invalid = WebError::from(ServiceError::Invalid(crate::domain::InvalidField::new(
            "slug", "bad",
        )));
        assert_eq!(invalid.status_code(), StatusCode::BAD_REQUEST);
        let forbidden = WebError::from(ServiceError::Forbidden("only administrators"));
        assert_eq!(forbidden.status_code(), StatusCode::FORBIDDEN);
        let limited = WebError::from(ServiceError::RateLimited {
            retry_after_seconds: 5,
        });
        assert_eq!(limited.status_code(), StatusCode::TOO_MANY_REQUESTS);
        let broken = WebError::from(ServiceError::BrokenDemoContent("x".into()));
        assert_eq!(broken.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
