//! What administrators do to accounts: roles, chair assignments,
//! deactivation; and what staff do with emails that could not be delivered.
//! Every change is recorded in the audit log.

use super::ServiceError;
use crate::db::queries::admin::{self, AccountSummary, DeadEmail, RoundtableLabel, UserFilter};
use crate::db::queries::sessions;
use crate::db::AnyConnection;
use crate::domain::user::{Role, SignedInUser};
use crate::domain::InvalidField;
use chrono::{DateTime, Utc};
use serde_json::json;

fn require_admin(actor: &SignedInUser) -> Result<(), ServiceError> {
    match actor.role {
        Role::Admin => Ok(()),
        _ => Err(ServiceError::Forbidden("forbidden-accounts")),
    }
}

fn require_staff(actor: &SignedInUser) -> Result<(), ServiceError> {
    match actor.role {
        Role::Admin | Role::Staff => Ok(()),
        Role::Participant => Err(ServiceError::Forbidden("forbidden-email-queue")),
    }
}

pub fn list_users(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    filter: &UserFilter,
) -> Result<Vec<AccountSummary>, ServiceError> {
    require_admin(actor)?;
    Ok(admin::users(conn, filter)?)
}

pub struct UserDetail {
    pub user: AccountSummary,
    pub chairs: Vec<RoundtableLabel>,
    pub roundtables: Vec<RoundtableLabel>,
}

pub fn user_detail(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    id: &str,
) -> Result<UserDetail, ServiceError> {
    require_admin(actor)?;
    let user = admin::user(conn, id)?.ok_or(ServiceError::NotFound("missing-account"))?;
    Ok(UserDetail {
        chairs: admin::chairs_of(conn, id)?,
        roundtables: admin::all_roundtables(conn)?,
        user,
    })
}

fn not_yourself(actor: &SignedInUser, id: &str, what: &'static str) -> Result<(), ServiceError> {
    if actor.id.to_string() == id {
        return Err(ServiceError::Invalid(InvalidField::new("form", what)));
    }
    Ok(())
}

/// Two administrators removing each other at once must not leave none.
fn keep_an_administrator(
    conn: &mut AnyConnection,
    target: &AccountSummary,
    removes_admin: bool,
) -> Result<(), ServiceError> {
    if removes_admin
        && target.role == Role::Admin.code()
        && !target.deactivated
        && admin::count_admins(conn)? <= 1
    {
        return Err(InvalidField::new("role", "invalid-last-admin").into());
    }
    Ok(())
}

pub fn change_role(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    id: &str,
    role: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_admin(actor)?;
    let role = Role::from_code(role)
        .ok_or_else(|| InvalidField::new("role", "invalid-role").with("value", role))?;
    not_yourself(actor, id, "invalid-own-role")?;
    crate::db::write_transaction(conn, |conn| {
        let before = admin::user(conn, id)?.ok_or(ServiceError::NotFound("missing-account"))?;
        keep_an_administrator(conn, &before, role != Role::Admin)?;
        admin::set_role(conn, id, role.code(), now)?;
        admin::record_audit(
            conn,
            &actor.id.to_string(),
            "user",
            id,
            "role_changed",
            &json!({ "from": before.role, "to": role.code() }),
            now,
        )?;
        Ok(())
    })
}

/// A deactivated account can no longer sign in or post; its sessions end
/// at once and its comments stay.
pub fn set_active(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    id: &str,
    active: bool,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_admin(actor)?;
    not_yourself(actor, id, "invalid-own-deactivation")?;
    crate::db::write_transaction(conn, |conn| {
        let before = admin::user(conn, id)?.ok_or(ServiceError::NotFound("missing-account"))?;
        keep_an_administrator(conn, &before, !active)?;
        admin::set_deactivated(conn, id, (!active).then_some(now), now)?;
        if !active {
            sessions::delete_all_of_user(conn, id)?;
        }
        let action = if active { "reactivated" } else { "deactivated" };
        admin::record_audit(
            conn,
            &actor.id.to_string(),
            "user",
            id,
            action,
            &json!({}),
            now,
        )?;
        Ok(())
    })
}

pub fn assign_chair(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    id: &str,
    roundtable: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_admin(actor)?;
    crate::db::write_transaction(conn, |conn| {
        admin::user(conn, id)?.ok_or(ServiceError::NotFound("missing-account"))?;
        if !admin::roundtable_exists(conn, roundtable)? {
            return Err(InvalidField::new("roundtable", "invalid-roundtable-choice").into());
        }
        if admin::is_chair(conn, roundtable, id)? {
            return Err(InvalidField::new("roundtable", "invalid-already-chair").into());
        }
        let (roundtable_id, user_id) = (
            roundtable
                .parse()
                .map_err(|_| InvalidField::new("roundtable", "invalid-roundtable-choice"))?,
            id.parse()
                .map_err(|_| InvalidField::new("form", "invalid-unknown-account"))?,
        );
        crate::db::queries::roundtables::assign_chair(
            conn,
            roundtable_id,
            user_id,
            Some(actor.id),
            now,
        )?;
        admin::record_audit(
            conn,
            &actor.id.to_string(),
            "user",
            id,
            "chair_assigned",
            &json!({ "roundtable": roundtable }),
            now,
        )?;
        Ok(())
    })
}

pub fn remove_chair(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    id: &str,
    roundtable: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_admin(actor)?;
    crate::db::write_transaction(conn, |conn| {
        if admin::remove_chair(conn, roundtable, id)? == 1 {
            admin::record_audit(
                conn,
                &actor.id.to_string(),
                "user",
                id,
                "chair_removed",
                &json!({ "roundtable": roundtable }),
                now,
            )?;
        }
        Ok(())
    })
}

pub fn dead_emails(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
) -> Result<Vec<DeadEmail>, ServiceError> {
    require_staff(actor)?;
    Ok(admin::dead_emails(conn)?)
}

pub fn retry_email(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_staff(actor)?;
    crate::db::write_transaction(conn, |conn| {
        if admin::retry_dead_email(conn, id, now)? == 0 {
            return Err(ServiceError::NotFound("missing-dead-email"));
        }
        admin::record_audit(
            conn,
            &actor.id.to_string(),
            "email",
            id,
            "retried",
            &json!({}),
            now,
        )?;
        Ok(())
    })
}
