use crate::db::rows::*;
use crate::db::schema::users;
use crate::db::{AnyConnection, StorageError};
use crate::domain::ids::UserId;
use crate::domain::user::{EmailAddress, NewUser};
use chrono::{DateTime, Utc};
use diesel::prelude::*;

pub fn insert(
    conn: &mut AnyConnection,
    user: &NewUser,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let a = &user.affiliation;
    let row = UserRow {
        id: user.id.to_string(),
        email: user.email.as_typed.clone(),
        email_normalized: user.email.normalized.clone(),
        display_name: a.display_name.clone(),
        organisation: a.organisation.clone(),
        organisation_type: a.organisation_type.map(|t| t.code().into()),
        country_code: a.country.map(|c| c.code().into()),
        gender: user.gender.map(|g| g.code().into()),
        role: user.role.code().into(),
        trusted: false,
        preferred_language: None,
        password_hash: user.password_hash.clone(),
        verified_at: user.verified_at.map(naive),
        consented_at: user.consented_at.map(naive),
        deactivated_at: None,
        erased_at: None,
        created_at: naive(now),
        updated_at: naive(now),
        consented_terms_version: user.terms_version,
    };
    diesel::insert_into(users::table)
        .values(&row)
        .execute(conn)?;
    Ok(())
}

pub fn find_id_by_email(
    conn: &mut AnyConnection,
    normalized_email: &str,
) -> Result<Option<UserId>, StorageError> {
    users::table
        .filter(users::email_normalized.eq(normalized_email))
        .select(users::id)
        .first::<String>(conn)
        .optional()?
        .map(|id| parse_id(&id))
        .transpose()
}

/// Makes an existing account an administrator with a new password, verified.
pub fn promote_to_admin(
    conn: &mut AnyConnection,
    id: UserId,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::update(users::table.filter(users::id.eq(id.to_string())))
        .set((
            users::role.eq("admin"),
            users::password_hash.eq(password_hash),
            users::verified_at.eq(naive(now)),
            users::deactivated_at.eq(None::<chrono::NaiveDateTime>),
            users::updated_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn delete_by_normalized_emails(
    conn: &mut AnyConnection,
    emails: &[String],
) -> Result<usize, StorageError> {
    Ok(
        diesel::delete(users::table.filter(users::email_normalized.eq_any(emails)))
            .execute(conn)?,
    )
}

pub fn count(conn: &mut AnyConnection) -> Result<i64, StorageError> {
    Ok(users::table.count().get_result(conn)?)
}

/// What signing in needs to know about an address.
pub struct Credentials {
    pub id: String,
    pub password_hash: Option<String>,
    pub deactivated: bool,
}

pub fn credentials(
    conn: &mut AnyConnection,
    normalized_email: &str,
) -> Result<Option<Credentials>, StorageError> {
    let row: Option<(String, Option<String>, Option<chrono::NaiveDateTime>)> = users::table
        .filter(users::email_normalized.eq(normalized_email))
        .filter(users::erased_at.is_null())
        .select((users::id, users::password_hash, users::deactivated_at))
        .first(conn)
        .optional()?;
    Ok(row.map(|(id, password_hash, deactivated_at)| Credentials {
        id,
        password_hash,
        deactivated: deactivated_at.is_some(),
    }))
}

/// Returns the address and display name of an account, for emails.
pub fn contact(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<(String, String)>, StorageError> {
    Ok(users::table
        .filter(users::id.eq(id))
        .select((users::email, users::display_name))
        .first(conn)
        .optional()?)
}

pub fn mark_verified(
    conn: &mut AnyConnection,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::verified_at.is_null()),
    )
    .set((
        users::verified_at.eq(naive(now)),
        users::updated_at.eq(naive(now)),
    ))
    .execute(conn)?;
    Ok(())
}

pub fn update_password(
    conn: &mut AnyConnection,
    id: &str,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::password_hash.eq(hash),
            users::updated_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn password_hash(conn: &mut AnyConnection, id: &str) -> Result<Option<String>, StorageError> {
    Ok(users::table
        .filter(users::id.eq(id))
        .select(users::password_hash)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

pub fn update_profile(
    conn: &mut AnyConnection,
    id: &str,
    affiliation: &crate::domain::affiliation::Affiliation,
    gender: Option<crate::domain::affiliation::Gender>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::display_name.eq(&affiliation.display_name),
            users::organisation.eq(&affiliation.organisation),
            users::organisation_type.eq(affiliation.organisation_type.map(|t| t.code())),
            users::country_code.eq(affiliation.country.map(|c| c.code())),
            users::gender.eq(gender.map(|g| g.code())),
            users::updated_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Everything stored about an account, for its owner's download.
pub fn export_row(conn: &mut AnyConnection, id: &str) -> Result<Option<UserRow>, StorageError> {
    Ok(users::table
        .filter(users::id.eq(id))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

/// Erases the personal data of an account; the row stays so that history
/// (decisions, assignments) keeps its shape.
pub fn erase(conn: &mut AnyConnection, id: &str, now: DateTime<Utc>) -> Result<(), StorageError> {
    let placeholder = format!("erased-{id}@invalid");
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::email.eq(&placeholder),
            users::email_normalized.eq(&placeholder),
            users::display_name.eq("Former participant"),
            users::organisation.eq(""),
            users::organisation_type.eq(None::<String>),
            users::country_code.eq(None::<String>),
            users::gender.eq(None::<String>),
            users::password_hash.eq(None::<String>),
            users::erased_at.eq(naive(now)),
            users::updated_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Moves an account to a new, confirmed address. Fails with a unique
/// violation when another account took the address meanwhile.
pub fn change_email(
    conn: &mut AnyConnection,
    id: &str,
    email: &EmailAddress,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::email.eq(&email.as_typed),
            users::email_normalized.eq(&email.normalized),
            users::verified_at.eq(naive(now)),
            users::updated_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Trusted participants' comments are published at once everywhere.
pub fn is_trusted(conn: &mut AnyConnection, id: &str) -> Result<bool, StorageError> {
    Ok(users::table
        .filter(users::id.eq(id))
        .select(users::trusted)
        .first::<bool>(conn)
        .optional()?
        .unwrap_or(false))
}

pub fn set_trusted(
    conn: &mut AnyConnection,
    id: &str,
    trusted: bool,
) -> Result<usize, StorageError> {
    Ok(diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::trusted.eq(trusted))
        .execute(conn)?)
}

/// The role of an active account, for links that act in its name.
pub fn active_role(conn: &mut AnyConnection, id: &str) -> Result<Option<String>, StorageError> {
    Ok(users::table
        .filter(users::id.eq(id))
        .filter(users::deactivated_at.is_null())
        .filter(users::erased_at.is_null())
        .select(users::role)
        .first::<String>(conn)
        .optional()?)
}

/// Remembers the interface language a person chose.
pub fn set_language(
    conn: &mut AnyConnection,
    id: &str,
    language: &str,
) -> Result<(), StorageError> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::preferred_language.eq(Some(language)))
        .execute(conn)?;
    Ok(())
}
