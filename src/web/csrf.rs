//! The anti-forgery check of every state-changing request of the site.
//!
//! The input guard reads each body first and keeps the token it carries;
//! the `Viewer` extractor, which every form handler takes, refuses a POST
//! whose token does not match before the handler runs. A route that matched
//! nothing is answered 404 or 405 first. The JSON API checks its own callers
//! (a bearer token, or the session with an `X-CSRF-Token` header), and the
//! one-click unsubscribe of RFC 8058 is authorised by its signed link,
//! posted by mail programs that have no session. `tests/api/csrf.rs` reads
//! every state-changing route from the router and proves each refuses a
//! request without its token.

use actix_web::http::Method;

/// Paths whose POST needs no form token, and why (see the module doc).
const EXEMPT_PREFIXES: &[&str] = &["/api/", "/unsubscribe"];

/// The `csrf_token` field of a submitted body, as the input guard read it.
#[derive(Debug, Clone, Default)]
pub struct SubmittedToken(pub String);

/// Forms post; the site registers no other state-changing method outside
/// the API (the test above fails if one appears).
pub fn needs_token(method: &Method, path: &str) -> bool {
    *method == Method::POST && !EXEMPT_PREFIXES.iter().any(|p| path.starts_with(p))
}
