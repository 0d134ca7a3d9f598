//! The boundary check every request passes before a handler runs: text the
//! two backends would not store alike never reaches the database, and bodies
//! over the size limit are refused the same way whatever reads them.
//!
//! PostgreSQL refuses a NUL byte in text (a 500 before this guard) where
//! SQLite stores it; other control characters are invisible, break
//! exports and spreadsheets, and are refused on both. Tab, newline and
//! carriage return are ordinary text.

use super::csrf::SubmittedToken;
use super::form_pairs::FormPairs;
use super::paths::is_api_path;
use crate::domain::message::Arg;
use crate::domain::Message;
use crate::web::error::WebError;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::HttpMessage;
use bytes::{Bytes, BytesMut};
use tokio_stream::StreamExt;

/// The largest request body any route reads (forms and the JSON API alike).
pub const BODY_LIMIT: usize = 256 * 1024;

/// The body of an upload to /verify: its file (checked against its own
/// limit by the handler, with a message by the field) and a little more.
pub const UPLOAD_BODY_LIMIT: usize = crate::services::verify::UPLOAD_LIMIT + 1024 * 1024;

/// A character that has no place in submitted text.
pub fn is_refused(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The first refused character of `text`, written as "U+0000".
pub fn refused_character(text: &str) -> Option<String> {
    text.chars()
        .find(|c| is_refused(*c))
        .map(|c| format!("U+{:04X}", c as u32))
}

fn control_character(field: &str, code: String) -> Message {
    Message::new("invalid-control-character")
        .with("field", field_label(field))
        .with("code", code)
}

/// The field as its form labels it, for the fields people type most; other
/// fields are named as the request named them.
fn field_label(field: &str) -> Arg {
    let key = match field {
        "body" => "comments-your-comment",
        "display_name" | "name" => "account-name",
        "organisation" => "account-organisation",
        "email" => "account-email-address",
        "password" | "new_password" | "current_password" => "account-password",
        _ => return Arg::Text(field.to_owned()),
    };
    Arg::Key(key.to_owned())
}

/// The first field of a URL-encoded text whose name or value holds a
/// refused character.
fn first_refused_pair(encoded: &[u8]) -> Option<(String, String)> {
    url::form_urlencoded::parse(encoded).find_map(|(name, value)| {
        refused_character(&name)
            .or_else(|| refused_character(&value))
            .map(|code| (name.into_owned(), code))
    })
}

/// The path ("comment.body", "questions[1]") of the first string or key of
/// a JSON document that holds a refused character.
fn first_refused_in_json(value: &serde_json::Value, at: &str) -> Option<(String, String)> {
    use serde_json::Value;
    match value {
        Value::String(text) => refused_character(text).map(|code| (at.to_owned(), code)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| first_refused_in_json(item, &format!("{at}[{i}]"))),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            let path = if at.is_empty() {
                key.clone()
            } else {
                format!("{at}.{key}")
            };
            refused_character(key)
                .map(|code| (path.clone(), code))
                .or_else(|| first_refused_in_json(item, &path))
        }),
        _ => None,
    }
}

fn is_json(request: &ServiceRequest) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| {
            let essence = essence.trim().to_ascii_lowercase();
            essence == "application/json" || essence.ends_with("+json")
        })
}

/// Checks the address: a refused character in the path names no page (404),
/// in the query it is a bad parameter (400).
fn check_address(request: &ServiceRequest) -> Result<(), WebError> {
    let path = percent_encoding::percent_decode_str(request.path()).decode_utf8_lossy();
    if refused_character(&path).is_some() {
        return Err(WebError::NotFound("missing-page"));
    }
    if let Some((name, code)) = first_refused_pair(request.query_string().as_bytes()) {
        return Err(WebError::invalid(
            name.clone(),
            control_character(&name, code),
        ));
    }
    Ok(())
}

/// The multipart boundary of a file sent where files are taken.
fn upload_boundary(request: &ServiceRequest) -> Option<String> {
    if !super::upload::takes_uploads(request.match_info().as_str()) {
        return None;
    }
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(super::upload::boundary)
}

/// Reads the body (refusing it past `BODY_LIMIT`, or `UPLOAD_BODY_LIMIT`
/// for a file sent to /verify) and checks its text.
async fn read_and_check_body(request: &mut ServiceRequest) -> Result<Bytes, WebError> {
    let upload = upload_boundary(request);
    let limit = match upload {
        Some(_) => UPLOAD_BODY_LIMIT,
        None => BODY_LIMIT,
    };
    let body = read_body(request, limit).await?;
    // An uploaded file is bytes, not text: its handler reads it as such.
    if let Some(boundary) = upload {
        let token = super::upload::field(&body, &boundary, "csrf_token").unwrap_or_default();
        request.extensions_mut().insert(SubmittedToken(token));
        return Ok(body);
    }
    // A body that says it is JSON is checked as JSON (malformed JSON is
    // left to the extractor, which says what is wrong). Outside the API,
    // routes read a body as a URL-encoded form whatever its content type
    // says, so it is checked as one too. The path is the one the router
    // matches, decoded: "/%61pi/" is the API as well.
    let in_api = is_api_path(request.match_info().as_str());
    let refused = first_refused_as_json(request, &body).or_else(|| {
        if in_api {
            return None;
        }
        let token = FormPairs::parse(&body).get("csrf_token").to_owned();
        request.extensions_mut().insert(SubmittedToken(token));
        first_refused_pair(&body)
    });
    if let Some((field, code)) = refused {
        let message = control_character(&field, code);
        return Err(WebError::RefusedText { field, message });
    }
    Ok(body)
}

async fn read_body(request: &mut ServiceRequest, limit: usize) -> Result<Bytes, WebError> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(WebError::PayloadTooLarge { limit });
    }
    let mut payload = request.take_payload();
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| {
            WebError::invalid(
                "body",
                Message::new("invalid-unreadable").with("detail", e.to_string()),
            )
        })?;
        if body.len() + chunk.len() > limit {
            return Err(WebError::PayloadTooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// The first refused character of a body that says it is JSON and is.
fn first_refused_as_json(request: &ServiceRequest, body: &[u8]) -> Option<(String, String)> {
    is_json(request)
        .then(|| serde_json::from_slice::<serde_json::Value>(body).ok())
        .flatten()
        .and_then(|value| first_refused_in_json(&value, ""))
        .map(|(field, code)| match field.is_empty() {
            true => ("body".to_owned(), code),
            false => (field, code),
        })
}

/// The middleware. A refusal goes out as a response carrying its error, so
/// that the error pages render it in the reader's language (an HTML page,
/// or the API's problem body).
pub async fn guard_input(
    mut request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if let Err(refusal) = check_address(&request) {
        return Ok(request.error_response(refusal).map_into_right_body());
    }
    let reads_body = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if reads_body {
        match read_and_check_body(&mut request).await {
            Ok(body) => request.set_payload(actix_web::dev::Payload::from(body)),
            Err(refusal) => return Ok(request.error_response(refusal).map_into_right_body()),
        }
    }
    Ok(next.call(request).await?.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_newline_and_carriage_return_pass_other_controls_do_not() {
        assert_eq!(refused_character("a\tb\r\nc"), None);
        assert_eq!(refused_character("nul\0"), Some("U+0000".into()));
        assert_eq!(refused_character("bell\u{7}"), Some("U+0007".into()));
        assert_eq!(refused_character("del\u{7f}"), Some("U+007F".into()));
        assert_eq!(refused_character("c1\u{85}"), Some("U+0085".into()));
        assert_eq!(refused_character("intégration — “ok” 🙂"), None);
    }

    #[test]
    fn forms_and_json_name_the_field_that_holds_one() {
        assert_eq!(
            first_refused_pair(b"csrf_token=x&body=hello%00world"),
            Some(("body".into(), "U+0000".into()))
        );
        assert_eq!(first_refused_pair(b"body=line%0Aline%09tab"), None);
        let json: serde_json::Value =
            serde_json::from_str(r#"{"body":"ok","questions":[1,"x\u0001"]}"#).unwrap();
        assert_eq!(
            first_refused_in_json(&json, ""),
            Some(("questions[1]".into(), "U+0001".into()))
        );
    }
}
