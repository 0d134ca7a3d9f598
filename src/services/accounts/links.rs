//! Links sent by email that act once (confirm an address, choose a new
//! password, move the account to a new address): their lifetime, the view
//! their emails share, and following one.

use crate::db::queries::tokens::{self, Redeemed};
use crate::db::AnyConnection;
use crate::domain::return_path::ReturnPath;
use crate::domain::token::SecretToken;
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// How long a verification link works.
pub const VERIFICATION_LINK_LIFETIME: Duration = Duration::hours(48);

#[derive(Serialize)]
pub(super) struct LinkEmail<'a> {
    pub name: &'a str,
    pub link: String,
    pub expires: String,
}

/// "48 hours", "48 heures", "48 horas": how long a link works, in the email's language.
/// `&next=…`: where an emailed link brings the person back to.
pub(super) fn query_next(next: &ReturnPath) -> String {
    let encoded: String = url::form_urlencoded::byte_serialize(next.as_str().as_bytes()).collect();
    format!("&next={encoded}")
}

pub(super) fn hours(email: &EmailContext<'_>, count: usize) -> String {
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
pub(super) fn follow_link(
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
