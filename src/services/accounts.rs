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
use diesel::Connection;
use serde::Serialize;
use std::sync::LazyLock;

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
        .map_err(|e| InvalidField::new("password", format!("cannot be hashed: {e}")))?;
    conn.transaction(|conn| {
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
        };
        users::insert(conn, &user, now)?;
        Ok::<_, StorageError>(AdminAccount::Created(user.id))
    })
    .map_err(ServiceError::from)
}

/// How long a verification link works.
pub const VERIFICATION_LINK_LIFETIME: Duration = Duration::hours(48);
/// How long a session lasts without signing in again.
pub const SESSION_LIFETIME: Duration = Duration::days(30);

#[derive(Serialize)]
struct LinkEmail<'a> {
    name: &'a str,
    link: String,
    expires: &'a str,
}

/// Registers an account, or, when the address already has one, tells its
/// owner so by email: the answer on screen is the same either way, so the
/// form reveals nothing about who has an account.
pub fn register(
    conn: &mut AnyConnection,
    email: EmailContext<'_>,
    input: &RegistrationInput,
    client: &str,
    now: DateTime<Utc>,
) -> Result<(), FormError> {
    let valid = registration::validate(input).map_err(FormError::Invalid)?;
    // Hashing takes a while: before the transaction, not inside it.
    let hash = passwords::hash_password(&valid.password).map_err(|e| {
        FormError::Service(ServiceError::Template(format!(
            "password hashing failed: {e}"
        )))
    })?;
    conn.transaction(|conn| {
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
                expires: "",
            };
            outbox::enqueue(
                conn,
                &email.compose("account_exists", &address, &view, None)?,
                now,
            )?;
            return Ok(());
        }
        let user = NewUser {
            id: UserId::generate(),
            email: valid.email.clone(),
            affiliation: valid.affiliation.clone(),
            gender: valid.gender,
            role: Role::Participant,
            password_hash: Some(hash.clone()),
            verified_at: None,
            consented_at: Some(now),
        };
        if let Err(e) = users::insert(conn, &user, now) {
            // The same form sent twice at once: the first one registered.
            return if e.is_unique_violation() {
                Ok(())
            } else {
                Err(e.into())
            };
        }
        send_verification_link(
            conn,
            email,
            &user.id.to_string(),
            &user.email.as_typed,
            &user.affiliation.display_name,
            now,
        )
    })
    .map_err(FormError::Service)
}

/// A form's refusal: the fields to correct, or a failure that is not the
/// person's doing.
#[derive(Debug)]
pub enum FormError {
    Invalid(Vec<InvalidField>),
    Service(ServiceError),
}

fn send_verification_link(
    conn: &mut AnyConnection,
    email: EmailContext<'_>,
    user_id: &str,
    address: &str,
    name: &str,
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
        link: email.link(&format!("verify-email?token={}", token.expose())),
        expires: "48 hours",
    };
    outbox::enqueue(
        conn,
        &email.compose("verify_email", address, &view, None)?,
        now,
    )?;
    Ok(())
}

/// A signed-in but unverified participant asks for a new link.
pub fn resend_verification(
    conn: &mut AnyConnection,
    email: EmailContext<'_>,
    user: &SignedInUser,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    if user.verified {
        return Ok(());
    }
    conn.transaction(|conn| {
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
            now,
        )
    })
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
    conn.transaction(|conn| {
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

pub fn verify_email(
    conn: &mut AnyConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<LinkOutcome, ServiceError> {
    follow_link(conn, token, "verify_email", now, |conn, user_id, _| {
        Ok(users::mark_verified(conn, user_id, now)?)
    })
}

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

pub fn sign_in(
    conn: &mut AnyConnection,
    email: &str,
    password: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<NewSession, ServiceError> {
    let refused = || {
        ServiceError::Invalid(InvalidField::new(
            "password",
            "the email address or the password is wrong",
        ))
    };
    let address = EmailAddress::parse("email", email)?;
    rate_limits::hit(
        conn,
        &format!("sign-in:address:{client}"),
        rate_limit::SIGN_IN_PER_ADDRESS,
        now,
    )?;
    rate_limits::hit(
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
            "this account has been deactivated; write to the organisers if you think this is a mistake",
        )));
    }
    let token = SecretToken::generate();
    let expires_at = now + SESSION_LIFETIME;
    sessions::insert(
        conn,
        &token.digest(),
        &credentials.id,
        SecretToken::generate().expose(),
        now,
        expires_at,
    )?;
    Ok(NewSession { token, expires_at })
}

pub fn current_user(
    conn: &mut AnyConnection,
    cookie: &str,
    now: DateTime<Utc>,
) -> Result<Option<SignedInUser>, ServiceError> {
    let Some(token) = SecretToken::from_presented(cookie) else {
        return Ok(None);
    };
    Ok(sessions::find_user(conn, &token.digest(), now)?)
}

pub fn sign_out(conn: &mut AnyConnection, user: &SignedInUser) -> Result<(), ServiceError> {
    Ok(sessions::delete(conn, &user.session_digest)?)
}

/// Ends every session of the account, on every device.
pub fn sign_out_everywhere(
    conn: &mut AnyConnection,
    user: &SignedInUser,
) -> Result<usize, ServiceError> {
    Ok(sessions::delete_all_of_user(conn, &user.id.to_string())?)
}

/// How long a password-reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(1);

/// Sends a reset link when the address has an active account, and nothing
/// otherwise; the page says the same either way.
pub fn request_password_reset(
    conn: &mut AnyConnection,
    email: EmailContext<'_>,
    address: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let Ok(address) = EmailAddress::parse("email", address) else {
        return Err(ServiceError::Invalid(InvalidField::new(
            "email",
            "must be an email address such as name@example.org",
        )));
    };
    conn.transaction(|conn| {
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
                expires: "",
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
            link: email.link(&format!("reset-password/new?token={}", token.expose())),
            expires: "one hour",
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
            "is not your current password",
        )))
    }
}

/// Changes the password; the account's other sessions end.
pub fn change_password(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    current: &str,
    new_password: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    check_current_password(conn, user, current, "current_password")?;
    registration::check_password("new_password", new_password, &user.email)?;
    let hash = passwords::hash_password(new_password)
        .map_err(|e| ServiceError::Template(format!("password hashing failed: {e}")))?;
    let id = user.id.to_string();
    conn.transaction(|conn| {
        users::update_password(conn, &id, &hash, now)?;
        sessions::delete_others_of_user(conn, &id, &user.session_digest)?;
        tokens::void_unused_of_user(conn, &id, now)?;
        Ok(())
    })
}

/// Changes the identity shown beside future comments; comments already
/// posted keep the identity they were posted under.
pub fn update_profile(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    input: &RegistrationInput,
    now: DateTime<Utc>,
) -> Result<(), FormError> {
    let (affiliation, gender) =
        registration::validate_profile(input).map_err(FormError::Invalid)?;
    users::update_profile(conn, &user.id.to_string(), &affiliation, gender, now)
        .map_err(|e| FormError::Service(e.into()))
}

/// Everything stored about the account, as its owner downloads it.
pub fn export_data(
    conn: &mut AnyConnection,
    user: &SignedInUser,
) -> Result<serde_json::Value, ServiceError> {
    let id = user.id.to_string();
    let row = users::export_row(conn, &id)?.ok_or(ServiceError::NotFound("account"))?;
    let comments: Vec<serde_json::Value> = crate::db::queries::comments::by_author(conn, &id)?
        .into_iter()
        .map(|(c, consultation, roundtable)| {
            serde_json::json!({
                "reference": c.reference,
                "consultation": consultation,
                "roundtable": roundtable,
                "status": c.status,
                "body_markdown": c.body_markdown,
                "shown_as": {
                    "display_name": c.author_name,
                    "organisation": c.author_organisation,
                    "organisation_type": c.author_organisation_type,
                    "country": c.author_country_code,
                },
                "decision_reason": c.decision_reason,
                "decision_note": c.decision_note,
                "created_at": c.created_at.and_utc(),
                "edited_at": c.edited_at.map(|t| t.and_utc()),
            })
        })
        .collect();
    Ok(serde_json::json!({
        "format": "roundtable-account-export",
        "version": 1,
        "account": {
            "id": row.id,
            "email": row.email,
            "display_name": row.display_name,
            "organisation": row.organisation,
            "organisation_type": row.organisation_type,
            "country": row.country_code,
            "gender": row.gender,
            "role": row.role,
            "preferred_language": row.preferred_language,
            "verified_at": row.verified_at.map(|t| t.and_utc()),
            "consented_at": row.consented_at.map(|t| t.and_utc()),
            "created_at": row.created_at.and_utc(),
        },
        "comments": comments,
    }))
}

/// Erases the account's personal data. Comments stay, attributed to "Former
/// participant", unless `withdraw_comments`.
pub fn delete_account(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    password: &str,
    withdraw_comments: bool,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    check_current_password(conn, user, password, "delete_password")?;
    let id = user.id.to_string();
    conn.transaction(|conn| {
        crate::db::queries::comments::anonymise_author(conn, &id, withdraw_comments)?;
        sessions::delete_all_of_user(conn, &id)?;
        tokens::delete_all_of_user(conn, &id)?;
        users::erase(conn, &id, now)?;
        Ok(())
    })
}

/// Sends a confirmation link to the new address; the account moves there
/// only when the link is followed. An address that already has an account
/// gets a notice instead, and the page says the same either way.
pub fn request_email_change(
    conn: &mut AnyConnection,
    email: EmailContext<'_>,
    user: &SignedInUser,
    new_address: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let new_address = EmailAddress::parse("new_email", new_address)?;
    check_current_password(conn, user, password, "email_password")?;
    conn.transaction(|conn| {
        rate_limits::hit(
            conn,
            &format!("email-change:account:{}", user.id),
            rate_limit::RESET_PER_ACCOUNT,
            now,
        )?;
        if users::find_id_by_email(conn, &new_address.normalized)?.is_some() {
            let view = LinkEmail {
                name: "",
                link: email.link("sign-in"),
                expires: "",
            };
            outbox::enqueue(
                conn,
                &email.compose("account_exists", &new_address.as_typed, &view, None)?,
                now,
            )?;
            return Ok(());
        }
        let token = SecretToken::generate();
        let id = user.id.to_string();
        tokens::insert(
            conn,
            &token.digest(),
            &id,
            "change_email",
            Some(&new_address.as_typed),
            now,
            now + VERIFICATION_LINK_LIFETIME,
        )?;
        let view = LinkEmail {
            name: &user.affiliation.display_name,
            link: email.link(&format!("confirm-email-change?token={}", token.expose())),
            expires: "48 hours",
        };
        outbox::enqueue(
            conn,
            &email.compose("confirm_new_email", &new_address.as_typed, &view, None)?,
            now,
        )?;
        Ok(())
    })
}

/// Follows a confirmation link: the account moves to the new address and the
/// old address is told.
pub fn confirm_email_change(
    conn: &mut AnyConnection,
    email: EmailContext<'_>,
    token: &str,
    now: DateTime<Utc>,
) -> Result<LinkOutcome, ServiceError> {
    follow_link(
        conn,
        token,
        "change_email",
        now,
        |conn, user_id, new_email| {
            let new_email =
                EmailAddress::parse("new_email", new_email.as_deref().unwrap_or_default())?;
            let (old_address, name) = users::contact(conn, user_id)?.unwrap_or_default();
            users::change_email(conn, user_id, &new_email, now).map_err(|e| {
                if e.is_unique_violation() {
                    ServiceError::Invalid(InvalidField::new(
                        "token",
                        "another account took this address meanwhile",
                    ))
                } else {
                    e.into()
                }
            })?;
            let view = LinkEmail {
                name: &name,
                link: email.link("account"),
                expires: "",
            };
            outbox::enqueue(
                conn,
                &email.compose("email_changed", &old_address, &view, None)?,
                now,
            )?;
            Ok(())
        },
    )
}
