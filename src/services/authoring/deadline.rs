//! A roundtable's comment deadline changing in the editor: told apart from
//! the form's minute-precision echo of it, required to have a reason,
//! logged, audited, announced, and its late marks brought up to date.

use super::audit::audit;
use crate::db::queries::late;
use crate::db::AnyConnection;
use crate::domain::authoring::{local_input, RoundtableFields};
use crate::domain::ids::RoundtableId;
use crate::domain::roundtable::Roundtable;
use crate::domain::user::SignedInUser;
use crate::domain::InvalidField;
use crate::services::following::{self, Announcement};
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::json;

/// A comment deadline that moved, and why.
pub(super) struct DeadlineChange {
    previous: Option<DateTime<Utc>>,
    new: Option<DateTime<Utc>>,
    reason: String,
}

/// Whether the form moves `old`'s deadline. The form holds minutes in the
/// consultation's zone while a stored deadline may hold seconds: the same
/// minute is no change, and `fields` then keep the stored deadline exactly.
/// A change needs a reason.
pub(super) fn deadline_change(
    old: Option<&Roundtable>,
    fields: &mut RoundtableFields,
    zone: Tz,
) -> Result<Option<DeadlineChange>, InvalidField> {
    let Some(previous) = old.map(|o| o.comment_period.closes_at) else {
        return Ok(None);
    };
    if local_input(previous, zone) == local_input(fields.comments_close_at, zone) {
        fields.comments_close_at = previous;
        return Ok(None);
    }
    match &fields.deadline_reason {
        None => Err(InvalidField::new(
            "deadline_reason",
            "invalid-deadline-reason-missing",
        )),
        Some(reason) => Ok(Some(DeadlineChange {
            previous,
            new: fields.comments_close_at,
            reason: reason.clone(),
        })),
    }
}

/// Logs the change (shown on the roundtable page), takes the late mark off
/// the comments now on time, audits it, and has it announced to the
/// roundtable's followers.
pub(super) fn record_deadline_change(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    roundtable: RoundtableId,
    change: DeadlineChange,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let id = uuid::Uuid::now_v7().to_string();
    late::insert_deadline_change(
        conn,
        &late::NewDeadlineChange {
            id: &id,
            roundtable,
            previous: change.previous,
            new: change.new,
            reason: &change.reason,
            changed_by: actor.id,
        },
        now,
    )?;
    let on_time = late::unmark_on_time(conn, roundtable, change.new)?;
    audit(
        conn,
        actor,
        "roundtable",
        &roundtable.to_string(),
        "deadline_changed",
        json!({
            "change": id, "from": change.previous, "to": change.new, "reason": change.reason,
            "late_now_on_time": on_time,
        }),
        now,
    )?;
    following::announce(
        conn,
        roundtable,
        Announcement::DeadlineChanged {
            change_id: id,
            previous: change.previous,
            new: change.new,
            reason: change.reason,
        },
    )
}
