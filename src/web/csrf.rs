//! The anti-forgery check of every state-changing request of the site.
//!
//! The input guard reads each body first and keeps the token it carries;
//! the `Viewer` extractor, which every form handler takes, refuses a
//! state-changing request whose token does not match before the handler
//! runs. A route that matched
//! nothing is answered 404 or 405 first. The JSON API checks its own callers
//! (a bearer token, or the session with an `X-CSRF-Token` header), and the
//! one-click unsubscribe of RFC 8058 is authorised by its signed link,
//! posted by mail programs that have no session. `tests/api/csrf.rs` reads
//! every state-changing route from the router's source and proves each
//! refuses a request without its token.

use actix_web::http::Method;

/// The one page whose POST needs no form token (see the module doc).
const ONE_CLICK_UNSUBSCRIBE: &str = "/unsubscribe";

/// The `csrf_token` field of a submitted body, as the input guard read it.
#[derive(Debug, Clone, Default)]
pub struct SubmittedToken(pub String);

/// Every method but the safe ones, on a route that matched (the check runs
/// in the extractor, after routing), outside the API. `path` is the decoded
/// path the router matched.
pub fn needs_token(method: &Method, path: &str) -> bool {
    let safe = matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    );
    !safe && !super::paths::is_api_path(path) && path != ONE_CLICK_UNSUBSCRIBE
}
