//! Who is asking: the session cookie (a random token whose digest is looked
//! up in the database, so any instance can serve any request) and the
//! anti-forgery token every form sends back.

use super::cookies::{CSRF_COOKIE, LANGUAGE_COOKIE, SESSION_COOKIE};
use crate::domain::token::SecretToken;
use crate::domain::user::SignedInUser;
use crate::services::accounts;
use crate::web::error::WebError;
use crate::web::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use chrono::Utc;
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

pub struct Viewer {
    pub user: Option<SignedInUser>,
    /// The signed-in person's session: its form token and the digest that ends it.
    session: Option<SessionKeys>,
    anonymous_csrf: Option<String>,
    /// A fresh anti-forgery token the response must set as a cookie.
    pub new_csrf_cookie: Option<String>,
    pub secure_cookies: bool,
    pub client: String,
    /// The language to answer in.
    pub language: crate::i18n::Language,
    /// The page asked for (path and query), for the language switcher's way back.
    pub path: String,
}

#[derive(Clone)]
struct SessionKeys {
    csrf_token: String,
    digest: String,
}

impl Viewer {
    /// The token forms must carry.
    pub fn csrf_token(&self) -> &str {
        match &self.session {
            Some(session) => &session.csrf_token,
            None => self
                .anonymous_csrf
                .as_deref()
                .or(self.new_csrf_cookie.as_deref())
                .unwrap_or_default(),
        }
    }

    /// Refuses a state-changing request whose form did not come from us.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), WebError> {
        let expected = match &self.session {
            Some(session) => Some(session.csrf_token.as_str()),
            None => self.anonymous_csrf.as_deref(),
        };
        match expected {
            Some(expected)
                if !expected.is_empty()
                    && constant_time_eq(expected.as_bytes(), submitted.as_bytes()) =>
            {
                Ok(())
            }
            _ => Err(WebError::Forbidden("forbidden-csrf".into())),
        }
    }

    /// The same visitor once signed out (after deleting the account).
    pub fn anonymous_like(other: &Viewer) -> Viewer {
        let token = SecretToken::generate().expose().to_owned();
        Viewer {
            user: None,
            session: None,
            anonymous_csrf: None,
            new_csrf_cookie: Some(token),
            secure_cookies: other.secure_cookies,
            client: other.client.clone(),
            language: other.language,
            path: other.path.clone(),
        }
    }

    pub fn require_user(&self) -> Option<&SignedInUser> {
        self.user.as_ref()
    }

    /// The stored digest of this visitor's session, to end it.
    pub fn session_digest(&self) -> Option<String> {
        self.session.as_ref().map(|s| s.digest.clone())
    }

    /// The signed-in reader's id and whether their address is confirmed.
    pub fn signed_in(&self) -> Option<(crate::domain::ids::UserId, bool)> {
        self.user.as_ref().map(|u| (u.id, u.verified))
    }
}

/// The client's address: the peer, or, when the peer is a trusted proxy, the
/// nearest address in X-Forwarded-For that is not a trusted proxy. Entries
/// further left are the client's own claims and are not believed.
pub fn client_address(
    peer: Option<IpAddr>,
    forwarded_for: Option<&str>,
    trusted: &[IpAddr],
) -> String {
    let Some(peer) = peer else {
        return "unknown".into();
    };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded = forwarded_for
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .rev();
    for hop in forwarded {
        match hop.parse::<IpAddr>() {
            Ok(address) if trusted.contains(&address) => continue,
            Ok(address) => return address.to_string(),
            Err(_) => break,
        }
    }
    peer.to_string()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl FromRequest for Viewer {
    type Error = WebError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        // A form's token, checked once the viewer is known.
        let submitted = super::csrf::needs_token(request.method(), request.match_info().as_str())
            .then(|| {
                request
                    .extensions()
                    .get::<super::csrf::SubmittedToken>()
                    .cloned()
                    .unwrap_or_default()
            });
        let state = request.app_data::<web::Data<AppState>>().cloned();
        let session = request.cookie(SESSION_COOKIE).map(|c| c.value().to_owned());
        // Only a token as we make them: anything else printed in a form
        // would be escaped, and the page could then pass for one without.
        let anonymous_csrf = request
            .cookie(CSRF_COOKIE)
            .map(|c| c.value().to_owned())
            .filter(|v| SecretToken::from_presented(v).is_some_and(|t| t.expose() == v));
        let peer = request.peer_addr().map(|a| a.ip());
        let language_cookie = request
            .cookie(LANGUAGE_COOKIE)
            .map(|c| c.value().to_owned());
        let accept_language = request
            .headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        // A page that answers a form has no address to come back to: going
        // there again would be a GET of a POST-only route.
        let path = match *request.method() {
            Method::GET | Method::HEAD => request
                .uri()
                .path_and_query()
                .map_or("/".to_owned(), |p| p.as_str().to_owned()),
            _ => String::new(),
        };
        let forwarded_for = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let request = request.clone();
        Box::pin(async move {
            let state = state.ok_or_else(|| WebError::Internal("no application state".into()))?;
            let client = client_address(peer, forwarded_for.as_deref(), &state.trusted_proxies);
            let current = match session {
                Some(cookie) if !cookie.is_empty() => {
                    state
                        .db(move |conn| accounts::current_session(conn, &cookie, Utc::now()))
                        .await?
                }
                _ => None,
            };
            let (user, session) = match current {
                Some(current) => (
                    Some(current.user),
                    Some(SessionKeys {
                        csrf_token: current.csrf_token,
                        digest: current.digest,
                    }),
                ),
                None => (None, None),
            };
            let new_csrf_cookie = (user.is_none() && anonymous_csrf.is_none())
                .then(|| SecretToken::generate().expose().to_owned());
            let language = crate::i18n::negotiate(
                &[
                    user.as_ref().and_then(|u| u.language.as_deref()),
                    language_cookie.as_deref(),
                ],
                accept_language.as_deref(),
            );
            // Error answers are written after the handler, in the same language.
            request.extensions_mut().insert(language);
            let viewer = Viewer {
                user,
                session,
                anonymous_csrf,
                new_csrf_cookie,
                secure_cookies: state.base_url.scheme() == "https",
                client,
                language,
                path,
            };
            if let Some(super::csrf::SubmittedToken(token)) = submitted {
                viewer.check_csrf(&token)?;
            }
            Ok(viewer)
        })
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn only_trusted_proxies_name_the_client() {
        use super::client_address;
        let proxy: std::net::IpAddr = "127.0.0.1".parse().unwrap();
        let visitor = "203.0.113.7".parse().ok();
        assert_eq!(
            client_address(visitor, Some("198.51.100.1"), &[proxy]),
            "203.0.113.7",
            "not a proxy: its header is ignored"
        );
        assert_eq!(
            client_address(Some(proxy), Some("10.9.9.9, 198.51.100.1"), &[proxy]),
            "198.51.100.1"
        );
        assert_eq!(
            client_address(Some(proxy), Some("198.51.100.1, 127.0.0.1"), &[proxy]),
            "198.51.100.1"
        );
        assert_eq!(client_address(Some(proxy), None, &[proxy]), "127.0.0.1");
        assert_eq!(
            client_address(Some(proxy), Some("garbage"), &[proxy]),
            "127.0.0.1"
        );
        assert_eq!(
            client_address(Some(proxy), Some("198.51.100.1"), &[]),
            "127.0.0.1",
            "nothing trusted by default"
        );
    }

    #[test]
    fn tokens_compare_in_full() {
        assert!(super::constant_time_eq(b"abc", b"abc"));
        assert!(!super::constant_time_eq(b"abc", b"abd"));
        assert!(!super::constant_time_eq(b"abc", b"ab"));
    }
}
