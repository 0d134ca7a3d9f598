use crate::db::rows::*;
use crate::db::schema::one_time_tokens;
use crate::db::{AnyConnection, StorageError};
use chrono::{DateTime, Utc};
use diesel::prelude::*;

pub fn insert(
    conn: &mut AnyConnection,
    digest: &str,
    user_id: &str,
    purpose: &str,
    new_email: Option<&str>,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::insert_into(one_time_tokens::table)
        .values((
            one_time_tokens::id.eq(digest),
            one_time_tokens::user_id.eq(user_id),
            one_time_tokens::purpose.eq(purpose),
            one_time_tokens::new_email.eq(new_email),
            one_time_tokens::created_at.eq(naive(now)),
            one_time_tokens::expires_at.eq(naive(expires_at)),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug)]
pub enum Redeemed {
    /// The token was unused and in time: it is now used. Holds the user id and
    /// the new address for an email change.
    Fresh {
        user_id: String,
        new_email: Option<String>,
    },
    Expired,
    AlreadyUsed,
    Unknown,
}

/// Uses a token once: the UPDATE only succeeds for the first caller.
pub fn redeem(
    conn: &mut AnyConnection,
    digest: &str,
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<Redeemed, StorageError> {
    let row: Option<(
        String,
        Option<String>,
        chrono::NaiveDateTime,
        Option<chrono::NaiveDateTime>,
    )> = one_time_tokens::table
        .filter(one_time_tokens::id.eq(digest))
        .filter(one_time_tokens::purpose.eq(purpose))
        .select((
            one_time_tokens::user_id,
            one_time_tokens::new_email,
            one_time_tokens::expires_at,
            one_time_tokens::used_at,
        ))
        .first(conn)
        .optional()?;
    let Some((user_id, new_email, expires_at, used_at)) = row else {
        return Ok(Redeemed::Unknown);
    };
    if used_at.is_some() {
        return Ok(Redeemed::AlreadyUsed);
    }
    if utc(expires_at) <= now {
        return Ok(Redeemed::Expired);
    }
    let claimed = diesel::update(
        one_time_tokens::table
            .filter(one_time_tokens::id.eq(digest))
            .filter(one_time_tokens::used_at.is_null()),
    )
    .set(one_time_tokens::used_at.eq(naive(now)))
    .execute(conn)?;
    Ok(if claimed == 1 {
        Redeemed::Fresh { user_id, new_email }
    } else {
        Redeemed::AlreadyUsed
    })
}

pub fn delete_all_of_user(conn: &mut AnyConnection, user_id: &str) -> Result<(), StorageError> {
    diesel::delete(one_time_tokens::table.filter(one_time_tokens::user_id.eq(user_id)))
        .execute(conn)?;
    Ok(())
}

/// Marks every unused link of the account as used (after a password reset or
/// change: whoever knew the old password may hold one).
pub fn void_unused_of_user(
    conn: &mut AnyConnection,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::update(
        one_time_tokens::table
            .filter(one_time_tokens::user_id.eq(user_id))
            .filter(one_time_tokens::used_at.is_null()),
    )
    .set(one_time_tokens::used_at.eq(naive(now)))
    .execute(conn)?;
    Ok(())
}
