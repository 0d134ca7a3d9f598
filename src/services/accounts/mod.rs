//! Accounts: creating and confirming them, signing in and out, recovering
//! a password, and what people change on their account page. This file
//! holds what the use cases share.

mod creation;
mod profile;
mod recovery;
mod signing;

pub use creation::*;
pub use profile::*;
pub use recovery::*;
pub use signing::*;

use super::emails::EmailContext;
use super::{passwords, rate_limits, ServiceError};
use crate::db::queries::tokens::{self, Redeemed};
use crate::db::queries::{sessions, users};
use crate::db::{AnyConnection, StorageError};
use crate::domain::affiliation::Affiliation;
use crate::domain::ids::UserId;
use crate::domain::rate_limit;
use crate::domain::registration::{self, RegistrationInput};
use crate::domain::token::SecretToken;
use crate::domain::user::{
    check_password_length, parse_display_name, EmailAddress, NewUser, Role, SignedInUser,
};
use crate::domain::InvalidField;
use crate::outbox;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::sync::LazyLock;

/// How long a verification link works.
pub const VERIFICATION_LINK_LIFETIME: Duration = Duration::hours(48);

/// How long a session lasts without signing in again.
pub const SESSION_LIFETIME: Duration = Duration::days(30);

#[derive(Serialize)]
struct LinkEmail<'a> {
    name: &'a str,
    link: String,
    expires: String,
}

/// "48 hours", "48 heures", "48 horas": how long a link works, in the email's language.
fn hours(email: &EmailContext<'_>, count: usize) -> String {
    crate::i18n::text(
        email.language,
        "email-expires-hours",
        &[("count", count.into())],
    )
}

#[derive(Debug, PartialEq, Eq)]
pub enum LinkOutcome {
    Done,
    Expired,
    AlreadyUsed,
    Unknown,
}

/// Uses a link's token once: runs `on_first_use` with the account (and the
/// new address for an email change) only the first time, inside the same
/// transaction; tells apart expired, used and unknown links.
fn follow_link(
    conn: &mut AnyConnection,
    token: &str,
    purpose: &str,
    now: DateTime<Utc>,
    on_first_use: impl FnOnce(&mut AnyConnection, &str, Option<String>) -> Result<(), ServiceError>,
) -> Result<LinkOutcome, ServiceError> {
    let Some(token) = SecretToken::from_presented(token) else {
        return Ok(LinkOutcome::Unknown);
    };
    crate::db::write_transaction(conn, |conn| {
        Ok(match tokens::redeem(conn, &token.digest(), purpose, now)? {
            Redeemed::Fresh { user_id, new_email } => {
                on_first_use(conn, &user_id, new_email)?;
                LinkOutcome::Done
            }
            Redeemed::Expired => LinkOutcome::Expired,
            Redeemed::AlreadyUsed => LinkOutcome::AlreadyUsed,
            Redeemed::Unknown => LinkOutcome::Unknown,
        })
    })
}

/// `field` names the form field the password was typed in.
fn check_current_password(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    password: &str,
    field: &'static str,
) -> Result<(), ServiceError> {
    // A session alone must not allow unlimited guesses of the password.
    rate_limits::hit(
        conn,
        &format!("password-check:account:{}", user.id),
        rate_limit::SIGN_IN_PER_ACCOUNT,
        Utc::now(),
    )?;
    let hash = users::password_hash(conn, &user.id.to_string())?.unwrap_or_default();
    if passwords::verify_password(password, &hash) {
        Ok(())
    } else {
        Err(ServiceError::Invalid(InvalidField::new(
            field,
            "invalid-current-password",
        )))
    }
}
