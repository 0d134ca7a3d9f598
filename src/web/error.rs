//! The web layer's one error type. Which error belongs where:
//! - `NotFound`, `InvalidParameter`: the client's mistake; the message is
//!   written for them and shown as it is.
//! - `Unavailable`: the database cannot be reached; 503, try again later.
//! - `Internal`: our bug; logged with its cause, the client sees a generic 500.
//!
//! Responses are RFC 9457 problem bodies; `error_pages::render_error_page`
//! turns them into HTML pages outside the API.

use crate::domain::time::PeriodState;
use crate::domain::{InvalidField, Message};
use crate::i18n::{self, Language};
use crate::services::ServiceError;
use actix_web::body::BoxBody;
use actix_web::http::{header, Method, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use std::fmt;

#[derive(Debug)]
pub enum WebError {
    /// What is missing, as a catalogue key (`missing-roundtable`).
    NotFound(&'static str),
    InvalidParameter {
        name: String,
        reason: Message,
    },
    /// Fields of a request body that are wrong, each with its reason (422).
    Unprocessable(Vec<InvalidField>),
    /// A refused request whose reason is shown (a missing anti-forgery token).
    Forbidden(Message),
    /// Sign in first (401); the message says how.
    Unauthorized(Message),
    /// The target moved on: decided by another chair, a newer save (409).
    Conflict(Message),
    /// The comment period is not open (409); says when it opens or closed.
    CommentsClosed {
        state: PeriodState,
        zone: chrono_tz::Tz,
    },
    TooManyRequests {
        retry_after_seconds: i64,
    },
    /// A submitted field, named as the client sent it, holds text that is
    /// never stored (a control character): 422.
    RefusedText {
        field: String,
        message: Message,
    },
    /// A request body over the size every route accepts (413).
    PayloadTooLarge {
        limit: usize,
    },
    /// The path exists, but not for this method (405); `allowed` goes in `Allow`.
    MethodNotAllowed {
        method: Method,
        allowed: Vec<Method>,
    },
    Unavailable(String),
    /// Every place for heavy work (digest exports) on this instance is
    /// taken: 503, try again shortly. Not a failure: nothing is logged.
    Busy,
    Internal(String),
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct InvalidParam {
    /// The parameter or body property, or `query` / `body` / `path` when the
    /// part could not be read at all.
    pub name: String,
    /// What is wrong and what would be accepted, in the reader's language.
    pub reason: String,
}

/// An RFC 9457 problem body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status says what kind of problem it is.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// The status in words, in the reader's language.
    pub title: String,
    /// The response's HTTP status.
    #[schema(minimum = 400, maximum = 599)]
    pub status: u16,
    /// What went wrong, for a person.
    pub detail: String,
    /// The parameters or properties at fault (400 and 422).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
}

impl WebError {
    pub fn invalid(name: impl Into<String>, reason: impl Into<Message>) -> Self {
        Self::InvalidParameter {
            name: name.into(),
            reason: reason.into(),
        }
    }

    pub(super) fn title(&self, language: Language) -> String {
        let key = match self {
            Self::NotFound(_) => "problem-not-found",
            Self::InvalidParameter { .. } => "problem-invalid-parameter",
            Self::Unprocessable(_) => "problem-invalid-content",
            Self::Forbidden(_) => "problem-forbidden",
            Self::Unauthorized(_) => "problem-unauthorized",
            Self::Conflict(_) | Self::CommentsClosed { .. } => "problem-conflict",
            Self::TooManyRequests { .. } => "problem-too-many",
            Self::RefusedText { .. } => "problem-invalid-content",
            Self::PayloadTooLarge { .. } => "problem-too-large",
            Self::MethodNotAllowed { .. } => "problem-method-not-allowed",
            Self::Unavailable(_) | Self::Busy => "problem-unavailable",
            Self::Internal(_) => "problem-internal",
        };
        i18n::text(language, key, &[])
    }

    /// What the client may read: never the cause of an internal failure.
    pub(super) fn public_detail(&self, language: Language) -> String {
        match self {
            Self::NotFound(what) => i18n::text(language, what, &[]),
            Self::InvalidParameter { name, reason } => {
                format!("{name}: {}", i18n::say(language, reason))
            }
            Self::Unprocessable(fields) => fields
                .iter()
                .map(|f| format!("{}: {}", f.field, i18n::say(language, &f.message)))
                .collect::<Vec<_>>()
                .join("; "),
            Self::Forbidden(reason) | Self::Unauthorized(reason) | Self::Conflict(reason) => {
                i18n::say(language, reason)
            }
            Self::CommentsClosed { state, zone } => {
                format!("{}.", super::format::period_line(*state, *zone, language))
            }
            Self::TooManyRequests {
                retry_after_seconds,
            } => wait_in_words(*retry_after_seconds, language),
            Self::RefusedText { message, .. } => i18n::say(language, message),
            Self::PayloadTooLarge { limit } => i18n::text(
                language,
                "problem-too-large-detail",
                &[("kilobytes", ((*limit / 1024) as i64).into())],
            ),
            Self::MethodNotAllowed { method, allowed } => i18n::text(
                language,
                "problem-method-allowed",
                &[
                    ("method", method.as_str().into()),
                    ("allowed", allow_value(allowed).into()),
                ],
            ),
            Self::Unavailable(_) => i18n::text(language, "problem-unavailable-detail", &[]),
            Self::Busy => i18n::text(language, "problem-busy-detail", &[]),
            Self::Internal(_) => i18n::text(language, "problem-internal-detail", &[]),
        }
    }

    /// The problem body in English, as `error_response` sends it before
    /// `render_error_page` knows the reader's language.
    pub fn problem(&self) -> Problem {
        self.problem_in(Language::En)
    }

    pub fn problem_in(&self, language: Language) -> Problem {
        let invalid_params = match self {
            Self::InvalidParameter { name, reason } => vec![InvalidParam {
                name: name.clone(),
                reason: i18n::say(language, reason),
            }],
            Self::Unprocessable(fields) => fields
                .iter()
                .map(|f| InvalidParam {
                    name: f.field.into(),
                    reason: i18n::say(language, &f.message),
                })
                .collect(),
            Self::RefusedText { field, message } => vec![InvalidParam {
                name: field.clone(),
                reason: i18n::say(language, message),
            }],
            _ => vec![],
        };
        Problem {
            problem_type: "about:blank".into(),
            title: self.title(language),
            status: self.status_code().as_u16(),
            detail: self.public_detail(language),
            invalid_params,
        }
    }
}

impl fmt::Display for WebError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unavailable(cause) | Self::Internal(cause) => {
                write!(f, "{}: {cause}", self.title(Language::En))
            }
            _ => f.write_str(&self.public_detail(Language::En)),
        }
    }
}

/// A form shown again: 200 after a preview, 422 when it has mistakes.
pub(crate) fn form_status<T>(errors: &[T]) -> actix_web::http::StatusCode {
    if errors.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// The one way a form handler tells field mistakes, shown next to their
/// fields with 422, from any other failure, which is the page's error: the
/// mistakes come back as `Ok(Err(fields))`, never as a non-empty list.
pub fn field_mistakes<T>(
    result: Result<T, WebError>,
) -> Result<Result<T, Vec<InvalidField>>, WebError> {
    match result {
        Ok(value) => Ok(Ok(value)),
        Err(WebError::Unprocessable(fields)) if !fields.is_empty() => Ok(Err(fields)),
        Err(other) => Err(other),
    }
}

/// The first of a form's mistakes, for forms that show one at a time.
pub fn first_mistake(fields: Vec<InvalidField>) -> (&'static str, Message) {
    let first = fields.into_iter().next();
    first.map_or(("", Message::new("problem-invalid-content")), |f| {
        (f.field, f.message)
    })
}

impl From<ServiceError> for WebError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::NotFound(what) => Self::NotFound(what),
            // A mistake in one field is a mistake like several: 422.
            ServiceError::Invalid(field) => Self::Unprocessable(vec![field]),
            ServiceError::Storage(e) if e.is_unavailable() => Self::Unavailable(e.to_string()),
            ServiceError::InvalidFields(fields) => Self::Unprocessable(fields),
            ServiceError::Conflict(message) => Self::Conflict(message),
            ServiceError::CommentsClosed { state, zone } => Self::CommentsClosed { state, zone },
            ServiceError::Forbidden(reason) => Self::Forbidden(Message::new(reason)),
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
            Self::Conflict(_) | Self::CommentsClosed { .. } => StatusCode::CONFLICT,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::RefusedText { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Self::Unavailable(_) | Self::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        if let Self::Unavailable(cause) | Self::Internal(cause) = self {
            tracing::error!(error = %cause, "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        match self {
            Self::Unavailable(_) | Self::Busy => {
                response.insert_header((header::RETRY_AFTER, "30"));
            }
            Self::TooManyRequests {
                retry_after_seconds,
            } => {
                response.insert_header((header::RETRY_AFTER, retry_after_seconds.to_string()));
            }
            Self::MethodNotAllowed { allowed, .. } => {
                response.insert_header((header::ALLOW, allow_value(allowed)));
            }
            _ => {}
        }
        response
            .content_type("application/problem+json")
            .json(self.problem())
    }
}

/// "GET, POST", as the `Allow` header and the problem's detail list them.
fn allow_value(methods: &[Method]) -> String {
    methods
        .iter()
        .map(Method::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

fn wait_in_words(seconds: i64, language: Language) -> String {
    let (key, count) = match seconds {
        s if s < 90 => ("problem-too-many-seconds", s),
        s if s < 5400 => ("problem-too-many-minutes", (s + 59) / 60),
        s => ("problem-too-many-hours", (s + 3599) / 3600),
    };
    i18n::text(language, key, &[("count", count.into())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_its_status() {
        let table = [
            (WebError::NotFound("missing-consultation"), 404),
            (WebError::invalid("cursor", "invalid-cursor"), 400),
            (WebError::Forbidden("forbidden-csrf".into()), 403),
            (
                WebError::Unauthorized("unauthorized-moderation".into()),
                401,
            ),
            (WebError::Conflict("conflict-comment-decided".into()), 409),
            (WebError::Unprocessable(vec![]), 422),
            (
                WebError::TooManyRequests {
                    retry_after_seconds: 60,
                },
                429,
            ),
            (
                WebError::MethodNotAllowed {
                    method: Method::TRACE,
                    allowed: vec![Method::GET],
                },
                405,
            ),
            (WebError::Unavailable("pool timed out".into()), 503),
            (WebError::Busy, 503),
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
        let not_found = WebError::from(ServiceError::NotFound("missing-roundtable"));
        assert_eq!(not_found.status_code(), StatusCode::NOT_FOUND);
        let invalid = WebError::from(ServiceError::Invalid(InvalidField::new(
            "slug",
            "invalid-slug-characters",
        )));
        assert_eq!(invalid.status_code(), StatusCode::UNPROCESSABLE_ENTITY);
        let several = WebError::from(ServiceError::InvalidFields(vec![
            InvalidField::new("slug", "invalid-slug-characters"),
            InvalidField::new("reason", "invalid-moderation-reason"),
        ]));
        assert_eq!(
            several.status_code(),
            invalid.status_code(),
            "one status for field mistakes, however many"
        );
        let forbidden = WebError::from(ServiceError::Forbidden("forbidden-accounts"));
        assert_eq!(forbidden.status_code(), StatusCode::FORBIDDEN);
        let limited = WebError::from(ServiceError::RateLimited {
            retry_after_seconds: 5,
        });
        assert_eq!(limited.status_code(), StatusCode::TOO_MANY_REQUESTS);
        let broken = WebError::from(ServiceError::BrokenDemoContent("x".into()));
        assert_eq!(broken.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
