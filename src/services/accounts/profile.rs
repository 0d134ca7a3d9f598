//! What people change on their account page, and leaving for good.

use super::links::{follow_link, hours, LinkEmail, LinkOutcome, VERIFICATION_LINK_LIFETIME};
use crate::db::queries::{sessions, tokens, users};
use crate::db::AnyConnection;
use crate::domain::rate_limit;
use crate::domain::registration::{self, RegistrationInput};
use crate::domain::token::SecretToken;
use crate::domain::user::{EmailAddress, SignedInUser};
use crate::domain::InvalidField;
use crate::outbox;
use crate::services::emails::EmailContext;
use crate::services::{passwords, rate_limits, ServiceError};
use chrono::{DateTime, Utc};

/// Changes the password; the account's other sessions end.
pub fn change_password(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    session_digest: &str,
    current: &str,
    new_password: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    check_current_password(conn, user, current, "current_password")?;
    registration::check_password("new_password", new_password, &user.email)?;
    let hash = passwords::hash_password(new_password)
        .map_err(|e| ServiceError::Template(format!("password hashing failed: {e}")))?;
    let id = user.id.to_string();
    crate::db::write_transaction(conn, |conn| {
        users::update_password(conn, &id, &hash, now)?;
        sessions::delete_others_of_user(conn, &id, session_digest)?;
        tokens::void_unused_of_user(conn, &id, now)?;
        Ok(())
    })
}

/// Changes the identity shown beside future comments; comments already
/// posted keep the identity they were posted under.
/// Keeps the interface language a signed-in person chose for every device.
pub fn set_language(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    language: crate::i18n::Language,
) -> Result<(), ServiceError> {
    users::set_language(conn, &user.id.to_string(), language.code())?;
    Ok(())
}

pub fn update_profile(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    input: &RegistrationInput,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let (affiliation, gender) =
        registration::validate_profile(input).map_err(ServiceError::InvalidFields)?;
    Ok(users::update_profile(
        conn,
        &user.id.to_string(),
        &affiliation,
        gender,
        now,
    )?)
}

/// Everything stored about the account, as its owner downloads it.
pub fn export_data(
    conn: &mut AnyConnection,
    user: &SignedInUser,
) -> Result<serde_json::Value, ServiceError> {
    let id = user.id.to_string();
    let row = users::export_row(conn, &id)?.ok_or(ServiceError::NotFound("missing-account"))?;
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
            "consented_terms_version": row.consented_terms_version,
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
    crate::db::write_transaction(conn, |conn| {
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
    crate::db::write_transaction(conn, |conn| {
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
                expires: String::new(),
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
            expires: hours(&email, 48),
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
                        "invalid-email-taken-meanwhile",
                    ))
                } else {
                    e.into()
                }
            })?;
            let view = LinkEmail {
                name: &name,
                link: email.link("account"),
                expires: String::new(),
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
