//! Signing in and out; the session behind each request.

use crate::db::queries::{sessions, users};
use crate::db::AnyConnection;
use crate::domain::rate_limit;
use crate::domain::token::SecretToken;
use crate::domain::user::{EmailAddress, SignedInUser};
use crate::domain::InvalidField;
use crate::services::{passwords, rate_limits, ServiceError};
use chrono::{DateTime, Duration, Utc};
use std::sync::LazyLock;

/// How long a session lasts without signing in again.
pub const SESSION_LIFETIME: Duration = Duration::days(30);

/// A new session: the token goes into the cookie, only its digest is stored.
pub struct NewSession {
    pub token: SecretToken,
    pub expires_at: DateTime<Utc>,
}

/// A hash of nothing anyone knows, verified when the address has no account,
/// so that a wrong address takes as long as a wrong password.
static UNKNOWN_ACCOUNT_HASH: LazyLock<String> = LazyLock::new(|| {
    passwords::hash_password(&SecretToken::generate().digest()).unwrap_or_default()
});

/// Opens a new session for the right address and password. A session the
/// browser already had (`replacing`) ends: a new session id at every
/// sign-in. The attempt is counted against the rate limits in transactions
/// of its own, so that a refused attempt still counts; the switch from the
/// old session to the new one is one transaction.
pub fn sign_in(
    conn: &mut AnyConnection,
    email: &str,
    password: &str,
    client: &str,
    replacing: Option<&str>,
    now: DateTime<Utc>,
) -> Result<NewSession, ServiceError> {
    let refused = || ServiceError::Invalid(InvalidField::new("password", "invalid-credentials"));
    let address = EmailAddress::parse("email", email)?;
    // Only failed attempts count: a successful sign-in takes its hits back,
    // or an account in use would be refused sooner than an unknown address,
    // which would tell an attacker that it exists.
    let address_hit = rate_limits::hit(
        conn,
        &format!("sign-in:address:{client}"),
        rate_limit::SIGN_IN_PER_ADDRESS,
        now,
    )?;
    let account_hit = rate_limits::hit(
        conn,
        &format!("sign-in:account:{}", address.normalized),
        rate_limit::SIGN_IN_PER_ACCOUNT,
        now,
    )?;
    let credentials = users::credentials(conn, &address.normalized)?;
    let hash = credentials
        .as_ref()
        .and_then(|c| c.password_hash.clone())
        .unwrap_or_else(|| UNKNOWN_ACCOUNT_HASH.clone());
    let password_ok = passwords::verify_password(password, &hash);
    let Some(credentials) = credentials.filter(|c| c.password_hash.is_some() && password_ok) else {
        return Err(refused());
    };
    if credentials.deactivated {
        return Err(ServiceError::Invalid(InvalidField::new(
            "email",
            "invalid-account-deactivated",
        )));
    }
    let token = SecretToken::generate();
    let expires_at = now + SESSION_LIFETIME;
    crate::db::write_transaction(conn, |conn| {
        rate_limits::forget(conn, &address_hit)?;
        rate_limits::forget(conn, &account_hit)?;
        sessions::insert(
            conn,
            &token.digest(),
            &credentials.id,
            SecretToken::generate().expose(),
            now,
            expires_at,
        )?;
        if let Some(previous) = replacing {
            sessions::delete(conn, previous)?;
        }
        Ok::<_, ServiceError>(())
    })?;
    Ok(NewSession { token, expires_at })
}

/// A live session: who it belongs to, and what only the web layer needs to
/// keep it (the token every form sends back, the stored digest that ends it).
#[derive(Debug, Clone)]
pub struct CurrentSession {
    pub user: SignedInUser,
    pub csrf_token: String,
    pub digest: String,
}

pub fn current_session(
    conn: &mut AnyConnection,
    cookie: &str,
    now: DateTime<Utc>,
) -> Result<Option<CurrentSession>, ServiceError> {
    let Some(token) = SecretToken::from_presented(cookie) else {
        return Ok(None);
    };
    let digest = token.digest();
    let found = sessions::find_user(conn, &digest, now)?;
    Ok(found.map(|(user, csrf_token)| CurrentSession {
        user,
        csrf_token,
        digest,
    }))
}

/// Ends one session (the digest is `CurrentSession::digest`).
pub fn sign_out(conn: &mut AnyConnection, session_digest: &str) -> Result<(), ServiceError> {
    Ok(sessions::delete(conn, session_digest)?)
}

/// Ends every session of the account, on every device.
pub fn sign_out_everywhere(
    conn: &mut AnyConnection,
    user: &SignedInUser,
) -> Result<usize, ServiceError> {
    Ok(sessions::delete_all_of_user(conn, &user.id.to_string())?)
}
