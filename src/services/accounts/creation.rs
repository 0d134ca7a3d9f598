//! Creating accounts (by registration or the command line) and confirming their address.

use super::links::{
    follow_link, hours, query_next, LinkEmail, LinkOutcome, VERIFICATION_LINK_LIFETIME,
};
use crate::db::queries::{tokens, users};
use crate::db::{AnyConnection, StorageError};
use crate::domain::affiliation::Affiliation;
use crate::domain::ids::UserId;
use crate::domain::rate_limit;
use crate::domain::registration::{self, RegistrationInput};
use crate::domain::return_path::ReturnPath;
use crate::domain::token::SecretToken;
use crate::domain::user::{
    check_password_length, parse_display_name, EmailAddress, NewUser, Role, SignedInUser,
};
use crate::outbox;
use crate::services::emails::EmailContext;
use crate::services::{passwords, rate_limits, terms, ServiceError};
use chrono::{DateTime, Utc};

#[derive(Debug, PartialEq, Eq)]
pub enum AdminAccount {
    Created(UserId),
    /// The address already had an account: it became an admin with the new password.
    Promoted(UserId),
}

/// The first administrator comes from the command line. Verified at once:
/// whoever runs the command controls the server.
pub fn create_admin(
    conn: &mut AnyConnection,
    email: &str,
    display_name: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<AdminAccount, ServiceError> {
    let email = EmailAddress::parse("email", email)?;
    let display_name = parse_display_name("name", display_name)?;
    check_password_length("password", password)?;
    let hash = passwords::hash_password(password)
        .map_err(|e| ServiceError::Template(format!("the password cannot be hashed: {e}")))?;
    crate::db::write_transaction(conn, |conn| {
        if let Some(id) = users::find_id_by_email(conn, &email.normalized)? {
            users::promote_to_admin(conn, id, &hash, now)?;
            return Ok(AdminAccount::Promoted(id));
        }
        let user = NewUser {
            id: UserId::generate(),
            email,
            affiliation: Affiliation {
                display_name,
                organisation: String::new(),
                organisation_type: None,
                country: None,
            },
            gender: None,
            role: Role::Admin,
            password_hash: Some(hash),
            verified_at: Some(now),
            consented_at: Some(now),
            terms_version: None,
        };
        users::insert(conn, &user, now)?;
        Ok::<_, StorageError>(AdminAccount::Created(user.id))
    })
    .map_err(ServiceError::from)
}

/// Registers an account, or, when the address already has one, tells its
/// owner so by email: the answer on screen is the same either way, so the
/// form reveals nothing about who has an account.
pub fn register(
    conn: &mut AnyConnection,
    email: EmailContext<'_>,
    input: &RegistrationInput,
    client: &str,
    next: Option<&ReturnPath>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let valid = registration::validate(input).map_err(ServiceError::InvalidFields)?;
    // Hashing takes a while: before the transaction, not inside it.
    let hash = passwords::hash_password(&valid.password)
        .map_err(|e| ServiceError::Template(format!("password hashing failed: {e}")))?;
    crate::db::write_transaction(conn, |conn| {
        rate_limits::hit(
            conn,
            &format!("register:address:{client}"),
            rate_limit::REGISTRATION_PER_ADDRESS,
            now,
        )?;
        if let Some(existing) = users::find_id_by_email(conn, &valid.email.normalized)? {
            let (address, name) = users::contact(conn, &existing.to_string())?.unwrap_or_default();
            let view = LinkEmail {
                name: &name,
                link: email.link("sign-in"),
                expires: String::new(),
            };
            outbox::enqueue(
                conn,
                &email.compose("account_exists", &address, &view, None)?,
                now,
            )?;
            return Ok(());
        }
        let terms_version = terms::version_to_accept(conn, now)?;
        let user = NewUser {
            id: UserId::generate(),
            email: valid.email.clone(),
            affiliation: valid.affiliation.clone(),
            gender: valid.gender,
            role: Role::Participant,
            password_hash: Some(hash.clone()),
            verified_at: None,
            consented_at: Some(now),
            terms_version: Some(terms_version),
        };
        // In a savepoint: on PostgreSQL a taken address would otherwise
        // abort the transaction, and with it the attempt's rate-limit hit.
        let inserted = crate::db::in_savepoint(conn, |conn| users::insert(conn, &user, now));
        if let Err(e) = inserted {
            // The same form sent twice at once: the first one registered.
            return if e.is_unique_violation() {
                Ok(())
            } else {
                Err(e.into())
            };
        }
        // Their emails come in the language they registered in.
        users::set_language(conn, &user.id.to_string(), email.language.code())?;
        send_verification_link(
            conn,
            email,
            &user.id.to_string(),
            &user.email.as_typed,
            &user.affiliation.display_name,
            next,
            now,
        )
    })
}

fn send_verification_link(
    conn: &mut AnyConnection,
    email: EmailContext<'_>,
    user_id: &str,
    address: &str,
    name: &str,
    next: Option<&ReturnPath>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let token = SecretToken::generate();
    tokens::insert(
        conn,
        &token.digest(),
        user_id,
        "verify_email",
        None,
        now,
        now + VERIFICATION_LINK_LIFETIME,
    )?;
    let view = LinkEmail {
        name,
        link: email.link(&format!(
            "verify-email?token={}{}",
            token.expose(),
            next.map(query_next).unwrap_or_default()
        )),
        expires: hours(&email, 48),
    };
    outbox::enqueue(
        conn,
        &email.compose("verify_email", address, &view, None)?,
        now,
    )?;
    Ok(())
}

/// A signed-in but unverified participant asks for a new link.
/// `next`: the page the new link brings the person back to.
pub fn resend_verification(
    conn: &mut AnyConnection,
    email: EmailContext<'_>,
    user: &SignedInUser,
    next: Option<&ReturnPath>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    if user.verified {
        return Ok(());
    }
    crate::db::write_transaction(conn, |conn| {
        rate_limits::hit(
            conn,
            &format!("verify-resend:account:{}", user.id),
            rate_limit::VERIFICATION_RESEND_PER_ACCOUNT,
            now,
        )?;
        send_verification_link(
            conn,
            email,
            &user.id.to_string(),
            &user.email,
            &user.affiliation.display_name,
            next,
            now,
        )
    })
}

pub fn verify_email(
    conn: &mut AnyConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<LinkOutcome, ServiceError> {
    follow_link(conn, token, "verify_email", now, |conn, user_id, _| {
        Ok(users::mark_verified(conn, user_id, now)?)
    })
}
