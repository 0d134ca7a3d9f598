//! Staff and administrator listings: users with their chairs, dead emails,
//! and the audit trail of what administrators changed.

use crate::db::rows::*;
use crate::db::schema::{
    audit_log, chair_assignments, consultations, email_outbox, roundtables, users,
};
use crate::db::{AnyConnection, StorageError};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

diesel::define_sql_function! {
    /// SQLite's LIKE ignores case and PostgreSQL's does not: compare lowercase.
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

#[derive(Debug, Default, Clone)]
pub struct UserFilter {
    pub search: Option<String>,
    pub role: Option<String>,
    pub verified: Option<bool>,
}

fn like_pattern(search: &str) -> String {
    // '!' escapes LIKE's wildcards, so a search for "50%" finds "50%".
    let escaped = search
        .to_lowercase()
        .replace('!', "!!")
        .replace('%', "!%")
        .replace('_', "!_");
    format!("%{escaped}%")
}

pub const USER_PAGE: i64 = 50;

/// An account as administrators see it in lists.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AccountSummary {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub organisation: String,
    pub role: String,
    pub verified: bool,
    pub deactivated: bool,
    pub created_at: DateTime<Utc>,
}

impl From<UserRow> for AccountSummary {
    fn from(row: UserRow) -> Self {
        Self {
            id: row.id,
            email: row.email,
            display_name: row.display_name,
            organisation: row.organisation,
            role: row.role,
            verified: row.verified_at.is_some(),
            deactivated: row.deactivated_at.is_some(),
            created_at: utc(row.created_at),
        }
    }
}

/// Users matching the filter, newest first, at most `USER_PAGE`.
pub fn users(
    conn: &mut AnyConnection,
    filter: &UserFilter,
) -> Result<Vec<AccountSummary>, StorageError> {
    let mut query = users::table
        .filter(users::erased_at.is_null())
        .order(users::id.desc())
        .limit(USER_PAGE)
        .select(UserRow::as_select())
        .into_boxed();
    if let Some(search) = filter.search.as_deref().filter(|s| !s.trim().is_empty()) {
        let pattern = like_pattern(search.trim());
        query = query.filter(
            lower(users::display_name)
                .like(pattern.clone())
                .escape('!')
                .or(lower(users::organisation).like(pattern.clone()).escape('!'))
                .or(users::email_normalized.like(pattern).escape('!')),
        );
    }
    if let Some(role) = &filter.role {
        query = query.filter(users::role.eq(role.clone()));
    }
    match filter.verified {
        Some(true) => query = query.filter(users::verified_at.is_not_null()),
        Some(false) => query = query.filter(users::verified_at.is_null()),
        None => {}
    }
    Ok(query
        .load::<UserRow>(conn)?
        .into_iter()
        .map(AccountSummary::from)
        .collect())
}

pub fn user(conn: &mut AnyConnection, id: &str) -> Result<Option<AccountSummary>, StorageError> {
    Ok(users::table
        .filter(users::id.eq(id))
        .filter(users::erased_at.is_null())
        .select(UserRow::as_select())
        .first::<UserRow>(conn)
        .optional()?
        .map(AccountSummary::from))
}

/// A roundtable as choosers list it: (id, consultation title, code, title).
pub type RoundtableLabel = (String, String, Option<String>, String);

/// The roundtables a user chairs.
pub fn chairs_of(
    conn: &mut AnyConnection,
    user: &str,
) -> Result<Vec<RoundtableLabel>, StorageError> {
    Ok(chair_assignments::table
        .inner_join(roundtables::table.inner_join(consultations::table))
        .filter(chair_assignments::user_id.eq(user))
        .order((consultations::title.asc(), roundtables::position.asc()))
        .select((
            roundtables::id,
            consultations::title,
            roundtables::code,
            roundtables::title,
        ))
        .load(conn)?)
}

/// Every roundtable, for the chair chooser.
pub fn all_roundtables(conn: &mut AnyConnection) -> Result<Vec<RoundtableLabel>, StorageError> {
    Ok(roundtables::table
        .inner_join(consultations::table)
        .order((consultations::title.asc(), roundtables::position.asc()))
        .select((
            roundtables::id,
            consultations::title,
            roundtables::code,
            roundtables::title,
        ))
        .load(conn)?)
}

pub fn roundtable_exists(conn: &mut AnyConnection, id: &str) -> Result<bool, StorageError> {
    Ok(diesel::select(diesel::dsl::exists(
        roundtables::table.filter(roundtables::id.eq(id)),
    ))
    .get_result(conn)?)
}

pub fn is_chair(
    conn: &mut AnyConnection,
    roundtable: &str,
    user: &str,
) -> Result<bool, StorageError> {
    Ok(diesel::select(diesel::dsl::exists(
        chair_assignments::table
            .filter(chair_assignments::roundtable_id.eq(roundtable))
            .filter(chair_assignments::user_id.eq(user)),
    ))
    .get_result(conn)?)
}

pub fn remove_chair(
    conn: &mut AnyConnection,
    roundtable: &str,
    user: &str,
) -> Result<usize, StorageError> {
    Ok(diesel::delete(
        chair_assignments::table
            .filter(chair_assignments::roundtable_id.eq(roundtable))
            .filter(chair_assignments::user_id.eq(user)),
    )
    .execute(conn)?)
}

pub fn set_role(
    conn: &mut AnyConnection,
    user: &str,
    role: &str,
    now: DateTime<Utc>,
) -> Result<usize, StorageError> {
    Ok(diesel::update(users::table.filter(users::id.eq(user)))
        .set((users::role.eq(role), users::updated_at.eq(naive(now))))
        .execute(conn)?)
}

pub fn set_deactivated(
    conn: &mut AnyConnection,
    user: &str,
    at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<usize, StorageError> {
    Ok(diesel::update(users::table.filter(users::id.eq(user)))
        .set((
            users::deactivated_at.eq(at.map(naive)),
            users::updated_at.eq(naive(now)),
        ))
        .execute(conn)?)
}

pub fn count_admins(conn: &mut AnyConnection) -> Result<i64, StorageError> {
    Ok(users::table
        .filter(users::role.eq("admin"))
        .filter(users::deactivated_at.is_null())
        .count()
        .get_result(conn)?)
}

pub fn record_audit(
    conn: &mut AnyConnection,
    actor: &str,
    entity_type: &str,
    entity_id: &str,
    action: &str,
    details: &serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(uuid::Uuid::now_v7().to_string()),
            audit_log::actor_id.eq(actor),
            audit_log::entity_type.eq(entity_type),
            audit_log::entity_id.eq(entity_id),
            audit_log::action.eq(action),
            audit_log::details_json.eq(details.to_string()),
            audit_log::created_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// (id, kind, recipient, subject, attempts, last error, created) of dead emails, newest first.
pub type DeadEmail = (
    String,
    String,
    String,
    String,
    i32,
    Option<String>,
    NaiveDateTime,
);

pub fn dead_emails(conn: &mut AnyConnection) -> Result<Vec<DeadEmail>, StorageError> {
    Ok(email_outbox::table
        .filter(email_outbox::status.eq("dead"))
        .order(email_outbox::created_at.desc())
        .limit(200)
        .select((
            email_outbox::id,
            email_outbox::kind,
            email_outbox::recipient,
            email_outbox::subject,
            email_outbox::attempts,
            email_outbox::last_error,
            email_outbox::created_at,
        ))
        .load(conn)?)
}

/// Puts a dead email back in the queue, due now, with a fresh count of tries.
pub fn retry_dead_email(
    conn: &mut AnyConnection,
    id: &str,
    now: DateTime<Utc>,
) -> Result<usize, StorageError> {
    Ok(diesel::update(
        email_outbox::table
            .filter(email_outbox::id.eq(id))
            .filter(email_outbox::status.eq("dead")),
    )
    .set((
        email_outbox::status.eq("pending"),
        email_outbox::attempts.eq(0),
        email_outbox::next_attempt_at.eq(naive(now)),
    ))
    .execute(conn)?)
}
