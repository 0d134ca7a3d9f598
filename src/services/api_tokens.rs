//! Personal API tokens: created on the account page, shown once, stored as
//! a SHA-256 digest, revocable.

use super::ServiceError;
use crate::db::queries::sessions::{self, ApiTokenSummary};
use crate::db::AnyConnection;
use crate::domain::token::SecretToken;
use crate::domain::user::SignedInUser;
use crate::domain::InvalidField;
use chrono::{DateTime, Utc};

/// Tokens are recognisable in logs and secret scanners by this prefix.
pub const PREFIX: &str = "rt_";

pub fn create(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    name: &str,
    now: DateTime<Utc>,
) -> Result<String, ServiceError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(InvalidField::new("token_name", "invalid-token-name").into());
    }
    let secret = SecretToken::generate();
    sessions::insert_api_token(conn, &user.id.to_string(), name, &secret.digest(), now)?;
    Ok(format!("{PREFIX}{}", secret.expose()))
}

pub fn list(
    conn: &mut AnyConnection,
    user: &SignedInUser,
) -> Result<Vec<ApiTokenSummary>, ServiceError> {
    Ok(sessions::api_tokens_of(conn, &user.id.to_string())?)
}

pub fn revoke(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    if sessions::revoke_api_token(conn, &user.id.to_string(), id, now)? {
        Ok(())
    } else {
        Err(ServiceError::NotFound("missing-token"))
    }
}

/// The owner of a presented token, if it is live.
pub fn authenticate(
    conn: &mut AnyConnection,
    presented: &str,
    now: DateTime<Utc>,
) -> Result<Option<SignedInUser>, ServiceError> {
    let Some(secret) = presented
        .strip_prefix(PREFIX)
        .and_then(SecretToken::from_presented)
    else {
        return Ok(None);
    };
    Ok(sessions::find_user_by_api_token(
        conn,
        &secret.digest(),
        now,
    )?)
}
