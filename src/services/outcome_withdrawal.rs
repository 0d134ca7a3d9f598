//! Withdrawing a published outcome to a draft: a use case of its own, as
//! the chairs are asked first, on a page of its own, and the text is not
//! touched (nor checked again: a cited comment unpublished since must not
//! keep an outcome public).

use super::outcomes::writable;
use super::roundtables::RoundtableDetail;
use super::ServiceError;
use crate::db::queries::{admin, outcomes};
use crate::db::AnyConnection;
use crate::domain::outcome::OutcomeStatus;
use crate::domain::user::Actor;
use chrono::{DateTime, Utc};
use serde_json::json;

/// The published outcome that a chair is about to withdraw: the
/// confirmation page shows which, and refuses when there is none.
pub fn to_withdraw(
    conn: &mut AnyConnection,
    who: Actor,
    consultation: &str,
    roundtable: &str,
) -> Result<RoundtableDetail, ServiceError> {
    let detail = writable(conn, who, consultation, roundtable)?;
    match outcomes::find(conn, detail.roundtable.id)? {
        Some((record, _)) if record.status == OutcomeStatus::Published => Ok(detail),
        _ => Err(ServiceError::Conflict(
            "conflict-outcome-not-published".into(),
        )),
    }
}

/// Makes the published outcome a draft again, its text as it is: readers
/// no longer see it, chairs and staff still do. Withdrawing one that is a
/// draft already (a second press) changes nothing and is not an error.
pub fn withdraw(
    conn: &mut AnyConnection,
    who: Actor,
    consultation: &str,
    roundtable: &str,
    now: DateTime<Utc>,
) -> Result<RoundtableDetail, ServiceError> {
    let detail = writable(conn, who, consultation, roundtable)?;
    let by = who.id.to_string();
    crate::db::write_transaction(conn, |conn| -> Result<(), ServiceError> {
        let Some(revision) = outcomes::withdraw(conn, detail.roundtable.id, &by, now)? else {
            return Ok(());
        };
        let details = json!({ "revision": revision, "status": OutcomeStatus::Draft.code() });
        let entity = detail.roundtable.id.to_string();
        admin::record_audit(
            conn,
            &by,
            "roundtable",
            &entity,
            "outcome_unpublished",
            &details,
            now,
        )?;
        Ok(())
    })?;
    Ok(detail)
}
