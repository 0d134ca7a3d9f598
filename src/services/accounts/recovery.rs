//! Choosing a new password through a link sent by email.

use super::links::{follow_link, hours, query_next, LinkEmail, LinkOutcome};
use crate::db::queries::{sessions, tokens, users};
use crate::db::AnyConnection;
use crate::domain::rate_limit;
use crate::domain::registration;
use crate::domain::return_path::ReturnPath;
use crate::domain::token::SecretToken;
use crate::domain::user::EmailAddress;
use crate::domain::InvalidField;
use crate::outbox;
use crate::services::emails::EmailContext;
use crate::services::{passwords, rate_limits, ServiceError};
use chrono::{DateTime, Duration, Utc};

/// How long a password-reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(1);

/// Sends a reset link when the address has an active account, and nothing
/// otherwise; the page says the same either way.
pub fn request_password_reset(
    conn: &mut AnyConnection,
    email: EmailContext<'_>,
    address: &str,
    client: &str,
    next: Option<&ReturnPath>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let Ok(address) = EmailAddress::parse("email", address) else {
        return Err(ServiceError::Invalid(InvalidField::new(
            "email",
            "invalid-email",
        )));
    };
    crate::db::write_transaction(conn, |conn| {
        rate_limits::hit(
            conn,
            &format!("reset:address:{client}"),
            rate_limit::RESET_PER_ADDRESS,
            now,
        )?;
        rate_limits::hit(
            conn,
            &format!("reset:account:{}", address.normalized),
            rate_limit::RESET_PER_ACCOUNT,
            now,
        )?;
        let Some(account) =
            users::credentials(conn, &address.normalized)?.filter(|c| !c.deactivated)
        else {
            // Compose (and drop) an email anyway, so that the answer takes as
            // long for an address without an account.
            let view = LinkEmail {
                name: "",
                link: email.link("reset-password/new?token="),
                expires: String::new(),
            };
            email.compose("reset_password", &address.as_typed, &view, None)?;
            return Ok(());
        };
        let (recipient, name) = users::contact(conn, &account.id)?.unwrap_or_default();
        let token = SecretToken::generate();
        tokens::insert(
            conn,
            &token.digest(),
            &account.id,
            "reset_password",
            None,
            now,
            now + RESET_LINK_LIFETIME,
        )?;
        let view = LinkEmail {
            name: &name,
            link: email.link(&format!(
                "reset-password/new?token={}{}",
                token.expose(),
                next.map(query_next).unwrap_or_default()
            )),
            expires: hours(&email, 1),
        };
        outbox::enqueue(
            conn,
            &email.compose("reset_password", &recipient, &view, None)?,
            now,
        )?;
        Ok(())
    })
}

/// Sets a new password from a reset link. Every session of the account
/// ends, and the address counts as confirmed: the link reached it.
pub fn reset_password(
    conn: &mut AnyConnection,
    token: &str,
    new_password: &str,
    now: DateTime<Utc>,
) -> Result<LinkOutcome, ServiceError> {
    registration::check_password("password", new_password, "")?;
    if SecretToken::from_presented(token).is_none() {
        return Ok(LinkOutcome::Unknown);
    }
    let hash = passwords::hash_password(new_password)
        .map_err(|e| ServiceError::Template(format!("password hashing failed: {e}")))?;
    follow_link(conn, token, "reset_password", now, |conn, user_id, _| {
        users::update_password(conn, user_id, &hash, now)?;
        users::mark_verified(conn, user_id, now)?;
        sessions::delete_all_of_user(conn, user_id)?;
        // Whoever knew the old password may hold an email-change link.
        tokens::void_unused_of_user(conn, user_id, now)?;
        Ok(())
    })
}
