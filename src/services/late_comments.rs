//! The chairs' decision, per late comment, whether it enters the report;
//! and the rule reports and outcome citing share (`in_report`).

use super::ServiceError;
use crate::db::queries::moderation::{self, EventRecord};
use crate::db::queries::{comments, late};
use crate::db::AnyConnection;
use crate::domain::user::Actor;
use chrono::{DateTime, Utc};

pub use crate::domain::late::{in_report, LateMark};

/// The audit actions of the decision.
pub const INCLUDED: &str = "late_included";
pub const LEFT_OUT: &str = "late_left_out";

/// A chair of the comment's roundtable, or staff, includes a late comment
/// in the report or leaves it out; they may change their mind. Each
/// decision leaves a row in the audit trail.
pub fn decide(
    conn: &mut AnyConnection,
    who: Actor,
    reference: &str,
    include: bool,
    now: DateTime<Utc>,
) -> Result<LateMark, ServiceError> {
    crate::db::write_transaction(conn, |conn| {
        let record = comments::find_by_reference(conn, reference.trim())?
            .ok_or(ServiceError::NotFound("missing-comment"))?;
        let comment = &record.comment;
        if !who.staff
            && !moderation::chaired_roundtables(conn, who.id)?
                .contains(&comment.roundtable_id.to_string())
        {
            return Err(ServiceError::Forbidden("forbidden-moderation"));
        }
        if !late::decide(conn, &comment.id.to_string(), include, who.id, now)? {
            return Err(ServiceError::NotFound("missing-late-comment"));
        }
        let actor = who.id.to_string();
        moderation::record_event(
            conn,
            &EventRecord {
                comment: comment.id,
                actor: Some(&actor),
                action: if include { INCLUDED } else { LEFT_OUT },
                from: Some(comment.status),
                to: Some(comment.status),
                reason: None,
                note: None,
                at: now,
            },
        )?;
        Ok(LateMark::from_decision(Some(include)))
    })
}

/// Of these comment ids, those that stay out of the report (late and not
/// included): digests, coverage and outcome citing leave them out.
pub fn left_out_of_report(
    conn: &mut AnyConnection,
    ids: &[String],
) -> Result<std::collections::HashSet<String>, ServiceError> {
    Ok(late::left_out_of_report(conn, ids)?)
}
