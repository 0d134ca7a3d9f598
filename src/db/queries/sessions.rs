use crate::db::rows::*;
use crate::db::schema::{sessions, users};
use crate::db::{AnyConnection, StorageError};
use crate::domain::affiliation::Gender;
use crate::domain::user::{Role, SignedInUser};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

pub fn insert(
    conn: &mut AnyConnection,
    digest: &str,
    user_id: &str,
    csrf_token: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(digest),
            sessions::user_id.eq(user_id),
            sessions::csrf_token.eq(csrf_token),
            sessions::created_at.eq(naive(now)),
            sessions::last_seen_at.eq(naive(now)),
            sessions::expires_at.eq(naive(expires_at)),
        ))
        .execute(conn)?;
    Ok(())
}

type SessionColumns = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<NaiveDateTime>,
    Option<String>,
);

/// The signed-in user of a live session of an active account.
pub fn find_user(
    conn: &mut AnyConnection,
    digest: &str,
    now: DateTime<Utc>,
) -> Result<Option<SignedInUser>, StorageError> {
    let row: Option<SessionColumns> = sessions::table
        .inner_join(users::table)
        .filter(sessions::id.eq(digest))
        .filter(sessions::expires_at.gt(naive(now)))
        .filter(users::deactivated_at.is_null())
        .filter(users::erased_at.is_null())
        .select((
            sessions::csrf_token,
            users::id,
            users::email,
            users::display_name,
            users::organisation,
            users::organisation_type,
            users::country_code,
            users::role,
            users::verified_at,
            users::gender,
        ))
        .first(conn)
        .optional()?;
    row.map(
        |(csrf_token, id, email, name, organisation, kind, country, role, verified_at, gender)| {
            Ok(SignedInUser {
                id: parse_id(&id)?,
                email,
                affiliation: affiliation(name, organisation, kind.as_deref(), country.as_deref())?,
                role: parse_code("role", &role, Role::from_code)?,
                verified: verified_at.is_some(),
                gender: gender
                    .as_deref()
                    .map(|g| parse_code("gender", g, Gender::from_code))
                    .transpose()?,
                csrf_token,
                session_digest: digest.to_owned(),
            })
        },
    )
    .transpose()
}

pub fn delete(conn: &mut AnyConnection, digest: &str) -> Result<(), StorageError> {
    diesel::delete(sessions::table.filter(sessions::id.eq(digest))).execute(conn)?;
    Ok(())
}

pub fn delete_all_of_user(conn: &mut AnyConnection, user_id: &str) -> Result<usize, StorageError> {
    Ok(diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)?)
}

/// Ends the account's other sessions (after a password change).
pub fn delete_others_of_user(
    conn: &mut AnyConnection,
    user_id: &str,
    keep: &str,
) -> Result<usize, StorageError> {
    Ok(diesel::delete(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::id.ne(keep)),
    )
    .execute(conn)?)
}
