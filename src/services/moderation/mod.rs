//! What chairs do: read the queue of what waits for them, and decide. Staff
//! may moderate every roundtable; a chair only the roundtables they chair.
//! Of two chairs deciding one comment at once, the first wins and the
//! second is told who decided and how; only the first decision sends email.

mod confirmations;
mod decisions;
mod email_links;
mod scope;
mod waiting;

pub use confirmations::{decide_and_describe, Confirmation, Decided, DecidedComment};
pub use decisions::*;
pub use email_links::*;
pub use waiting::*;

use super::roundtables::{roundtable_detail, RoundtableDetail};
use super::ServiceError;
use crate::db::queries::moderation::{self, AuditEntry};
use crate::db::queries::{admin, users};
use crate::db::AnyConnection;
use crate::domain::user::SignedInUser;
use chrono::{DateTime, Utc};

/// A roundtable's audit trail, for staff.
pub fn audit_trail(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    consultation: &str,
    roundtable: &str,
) -> Result<(RoundtableDetail, Vec<AuditEntry>), ServiceError> {
    if !user.role.is_staff() {
        return Err(ServiceError::Forbidden("forbidden-audit"));
    }
    let detail = roundtable_detail(conn, consultation, roundtable)?;
    let trail = moderation::audit_trail(conn, detail.roundtable.id, 1000)?;
    Ok((detail, trail))
}

/// Staff mark a participant whose comments are published at once everywhere.
pub fn set_trusted(
    conn: &mut AnyConnection,
    staff: &SignedInUser,
    user: &str,
    trusted: bool,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    if !staff.role.is_staff() {
        return Err(ServiceError::Forbidden("forbidden-trust"));
    }
    crate::db::write_transaction(conn, |conn| {
        if users::set_trusted(conn, user, trusted)? == 0 {
            return Err(ServiceError::NotFound("missing-account"));
        }
        admin::record_audit(
            conn,
            &staff.id.to_string(),
            "user",
            user,
            if trusted { "trusted" } else { "untrusted" },
            &serde_json::json!({}),
            now,
        )?;
        Ok(())
    })
}
