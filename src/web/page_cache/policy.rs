//! Who may keep an answer. A visitor's page or a public API answer may be
//! kept by any cache (this instance's, a proxy's, the browser's) as long as
//! it asks again (`no-cache`: an ETag makes that a 304); a signed-in
//! person's answer is kept by none.

use actix_web::http::header::{CACHE_CONTROL, VARY};
use actix_web::HttpResponseBuilder;

const PUBLIC: &str = "public, no-cache";
const PRIVATE: &str = "private, no-store";

/// The language comes from the cookie or Accept-Language, and the session
/// cookie changes who is asking.
const VARIES_WITH: &str = "Accept-Encoding, Accept-Language, Cookie";

pub fn public(response: &mut HttpResponseBuilder) -> &mut HttpResponseBuilder {
    response
        .insert_header((CACHE_CONTROL, PUBLIC))
        .insert_header((VARY, VARIES_WITH))
}

pub fn private(response: &mut HttpResponseBuilder) -> &mut HttpResponseBuilder {
    response.insert_header((CACHE_CONTROL, PRIVATE))
}

pub fn is_public(cache_control: &str) -> bool {
    cache_control
        .split(',')
        .any(|directive| directive.trim().eq_ignore_ascii_case("public"))
}
