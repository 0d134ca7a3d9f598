//! Chairs: found among the accounts, made and removed.

use super::access::{find, require_staff, writable};
use super::audit::audit;
use crate::db::queries::admin::{self, AccountSummary, UserFilter};
use crate::db::queries::roundtables;
use crate::db::AnyConnection;
use crate::domain::ids::UserId;
use crate::domain::user::SignedInUser;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use serde_json::json;

/// People to make chair: by name, organisation or email.
pub fn search_people(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    search: &str,
) -> Result<Vec<AccountSummary>, ServiceError> {
    require_staff(actor)?;
    let search = search.trim();
    if search.chars().count() < 2 {
        return Ok(vec![]);
    }
    let mut found = admin::users(
        conn,
        &UserFilter {
            search: Some(search.to_owned()),
            role: None,
            verified: None,
        },
    )?;
    found.retain(|a| !a.deactivated);
    found.truncate(20);
    Ok(found)
}

/// Makes someone chair of a roundtable, or stops them being one.
pub fn set_chair(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    roundtable: &str,
    user: &str,
    chair: bool,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_staff(actor)?;
    let (c, _) = find(conn, consultation)?;
    writable(&c)?;
    let r = roundtables::for_consultation(conn, c.id)?
        .into_iter()
        .find(|r| r.slug.as_str() == roundtable)
        .ok_or(ServiceError::NotFound("missing-roundtable"))?;
    let account = admin::user(conn, user)?.ok_or(ServiceError::NotFound("missing-account"))?;
    let user_id: UserId = user
        .parse()
        .map_err(|_| ServiceError::NotFound("missing-account"))?;
    crate::db::write_transaction(conn, |conn| {
        let is_chair = admin::is_chair(conn, &r.id.to_string(), user)?;
        match (chair, is_chair) {
            (true, false) => roundtables::assign_chair(conn, r.id, user_id, Some(actor.id), now)?,
            (false, true) => {
                admin::remove_chair(conn, &r.id.to_string(), user)?;
            }
            _ => return Ok(()),
        }
        audit(
            conn,
            actor,
            "roundtable",
            &r.id.to_string(),
            if chair {
                "chair_assigned"
            } else {
                "chair_removed"
            },
            json!({ "user": user, "name": account.display_name }),
            now,
        )
    })
}
