use crate::db::rows::*;
use crate::db::schema::{chair_assignments, sessions, users};
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

/// id, email, name, organisation, organisation type, country, role, verified at, gender.
type UserColumns = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<NaiveDateTime>,
    Option<String>,
    Option<String>,
);

#[allow(clippy::type_complexity)]
fn user_columns() -> (
    users::id,
    users::email,
    users::display_name,
    users::organisation,
    users::organisation_type,
    users::country_code,
    users::role,
    users::verified_at,
    users::gender,
    users::preferred_language,
) {
    (
        users::id,
        users::email,
        users::display_name,
        users::organisation,
        users::organisation_type,
        users::country_code,
        users::role,
        users::verified_at,
        users::gender,
        users::preferred_language,
    )
}

/// Chairs at least one roundtable.
fn chairs_a_roundtable() -> diesel::dsl::exists<
    diesel::dsl::Filter<
        chair_assignments::table,
        diesel::dsl::Eq<chair_assignments::user_id, users::id>,
    >,
> {
    diesel::dsl::exists(chair_assignments::table.filter(chair_assignments::user_id.eq(users::id)))
}

fn signed_in_user(
    (id, email, name, organisation, kind, country, role, verified_at, gender, language): UserColumns,
    is_chair: bool,
) -> Result<SignedInUser, StorageError> {
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
        is_chair,
        language,
    })
}

/// The signed-in user of a live session of an active account, and the
/// session's anti-forgery token.
pub fn find_user(
    conn: &mut AnyConnection,
    digest: &str,
    now: DateTime<Utc>,
) -> Result<Option<(SignedInUser, String)>, StorageError> {
    let row: Option<(bool, String, UserColumns)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::id.eq(digest))
        .filter(sessions::expires_at.gt(naive(now)))
        .filter(users::deactivated_at.is_null())
        .filter(users::erased_at.is_null())
        .select((chairs_a_roundtable(), sessions::csrf_token, user_columns()))
        .first(conn)
        .optional()?;
    row.map(|(is_chair, csrf_token, user)| Ok((signed_in_user(user, is_chair)?, csrf_token)))
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

/// How stale a token's recorded last use may be.
const LAST_USE_PRECISION: chrono::Duration = chrono::Duration::minutes(1);

/// A personal API token's owner, if the token is live and the account active.
pub fn find_user_by_api_token(
    conn: &mut AnyConnection,
    digest: &str,
    now: DateTime<Utc>,
) -> Result<Option<SignedInUser>, StorageError> {
    use crate::db::schema::api_tokens;
    let row: Option<(bool, Option<NaiveDateTime>, UserColumns)> = api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_digest.eq(digest))
        .filter(api_tokens::revoked_at.is_null())
        .filter(users::deactivated_at.is_null())
        .filter(users::erased_at.is_null())
        .select((
            chairs_a_roundtable(),
            api_tokens::last_used_at,
            user_columns(),
        ))
        .first(conn)
        .optional()?;
    let Some((is_chair, last_used, user)) = row else {
        return Ok(None);
    };
    // The account page shows the last use to the minute: a script posting
    // many times a minute writes it once, not a row update per request
    // (a write that would queue behind every other writer on SQLite).
    if last_used.is_none_or(|at| utc(at) + LAST_USE_PRECISION <= now) {
        diesel::update(api_tokens::table.filter(api_tokens::token_digest.eq(digest)))
            .set(api_tokens::last_used_at.eq(Some(naive(now))))
            .execute(conn)?;
    }
    signed_in_user(user, is_chair).map(Some)
}

/// A token as its owner sees it on the account page; never the token itself.
#[derive(Debug, Clone)]
pub struct ApiTokenSummary {
    pub id: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

pub fn insert_api_token(
    conn: &mut AnyConnection,
    user: &str,
    name: &str,
    digest: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    use crate::db::schema::api_tokens;
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::id.eq(uuid::Uuid::now_v7().to_string()),
            api_tokens::user_id.eq(user),
            api_tokens::name.eq(name),
            api_tokens::token_digest.eq(digest),
            api_tokens::created_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn api_tokens_of(
    conn: &mut AnyConnection,
    user: &str,
) -> Result<Vec<ApiTokenSummary>, StorageError> {
    use crate::db::schema::api_tokens;
    let rows: Vec<(String, String, NaiveDateTime, Option<NaiveDateTime>)> = api_tokens::table
        .filter(api_tokens::user_id.eq(user))
        .filter(api_tokens::revoked_at.is_null())
        .order(api_tokens::created_at.asc())
        .select((
            api_tokens::id,
            api_tokens::name,
            api_tokens::created_at,
            api_tokens::last_used_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, created_at, last_used_at)| ApiTokenSummary {
            id,
            name,
            created_at: utc(created_at),
            last_used_at: last_used_at.map(utc),
        })
        .collect())
}

/// Revokes one of the user's tokens; false when it was not theirs or already revoked.
pub fn revoke_api_token(
    conn: &mut AnyConnection,
    user: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    use crate::db::schema::api_tokens;
    Ok(diesel::update(
        api_tokens::table
            .filter(api_tokens::id.eq(id))
            .filter(api_tokens::user_id.eq(user))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(Some(naive(now))))
    .execute(conn)?
        == 1)
}

/// The site's secret for signing links, made on first use. Two instances
/// starting at once agree: the second insert fails and both read the first.
pub fn site_secret(
    conn: &mut AnyConnection,
    name: &str,
    fresh: &str,
    now: DateTime<Utc>,
) -> Result<String, StorageError> {
    use crate::db::schema::site_secrets;
    let insert = diesel::insert_into(site_secrets::table).values((
        site_secrets::name.eq(name),
        site_secrets::value.eq(fresh),
        site_secrets::created_at.eq(naive(now)),
    ));
    match conn
        .transaction(|conn| insert.execute(conn))
        .map_err(StorageError::from)
    {
        Err(e) if !e.is_unique_violation() => return Err(e),
        _ => {}
    }
    Ok(site_secrets::table
        .filter(site_secrets::name.eq(name))
        .select(site_secrets::value)
        .first(conn)?)
}
