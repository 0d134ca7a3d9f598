//! The cookies the site sets: the session, the anti-forgery token of
//! visitors without one, and the interface language.

use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};

pub const SESSION_COOKIE: &str = "rt_session";
/// Anti-forgery token for visitors without a session (registration, sign-in).
pub const CSRF_COOKIE: &str = "rt_csrf";

pub fn session_cookie(token: &str, secure: bool, max_age_days: i64) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, token.to_owned())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(CookieDuration::days(max_age_days))
        .finish()
}

pub fn removed_session_cookie(secure: bool) -> Cookie<'static> {
    let mut cookie = session_cookie("", secure, 0);
    cookie.make_removal();
    cookie
}

pub fn csrf_cookie(token: &str, secure: bool) -> Cookie<'static> {
    Cookie::build(CSRF_COOKIE, token.to_owned())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .finish()
}

/// The interface language a visitor chose with the switcher.
pub const LANGUAGE_COOKIE: &str = "lang";

#[cfg(test)]
mod tests {
    #[test]
    fn session_cookies_are_http_only_lax_and_secure_behind_https() {
        let cookie = super::session_cookie("token", true, 30).to_string();
        for attribute in [
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Path=/",
            "Max-Age=2592000",
        ] {
            assert!(cookie.contains(attribute), "{attribute} in {cookie}");
        }
        assert!(!super::session_cookie("token", false, 30)
            .to_string()
            .contains("Secure"));
    }
}
