//! Late comments, the chairs' decisions on them, and the log of deadline
//! changes.

use crate::db::rows::{naive, utc};
use crate::db::schema::{comments, deadline_changes, late_comments};
use crate::db::{AnyConnection, StorageError};
use crate::domain::ids::{RoundtableId, UserId};
use crate::domain::late::LateMark;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use std::collections::HashMap;

/// Marks a comment late: posted after `deadline`, in the grace period.
pub fn mark(
    conn: &mut AnyConnection,
    comment: &str,
    deadline: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::insert_into(late_comments::table)
        .values((
            late_comments::comment_id.eq(comment),
            late_comments::deadline.eq(naive(deadline)),
        ))
        .execute(conn)?;
    Ok(())
}

/// The late comments of a roundtable with their mark, by comment id.
pub fn of_roundtable(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<HashMap<String, LateMark>, StorageError> {
    let rows: Vec<(String, Option<bool>)> = late_comments::table
        .inner_join(comments::table)
        .filter(comments::roundtable_id.eq(roundtable.to_string()))
        .select((late_comments::comment_id, late_comments::included))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, included)| (id, LateMark::from_decision(included)))
        .collect())
}

/// The marks of those of `ids` that are late.
pub fn marks(
    conn: &mut AnyConnection,
    ids: &[String],
) -> Result<HashMap<String, LateMark>, StorageError> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(String, Option<bool>)> = late_comments::table
            .filter(late_comments::comment_id.eq_any(chunk))
            .select((late_comments::comment_id, late_comments::included))
            .load(conn)?;
        found.extend(
            rows.into_iter()
                .map(|(id, included)| (id, LateMark::from_decision(included))),
        );
    }
    Ok(found)
}

/// The storage side of `domain::late::in_report`: of `ids`, those that
/// stay out of the report (late, and not included by a chair).
pub fn left_out_of_report(
    conn: &mut AnyConnection,
    ids: &[String],
) -> Result<std::collections::HashSet<String>, StorageError> {
    Ok(marks(conn, ids)?
        .into_iter()
        .filter(|(_, mark)| !crate::domain::late::in_report(Some(*mark)))
        .map(|(id, _)| id)
        .collect())
}

/// Records a chair's decision; false when the comment is not late.
pub fn decide(
    conn: &mut AnyConnection,
    comment: &str,
    included: bool,
    by: UserId,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let changed = diesel::update(late_comments::table.find(comment))
        .set((
            late_comments::included.eq(Some(included)),
            late_comments::decided_by.eq(Some(by.to_string())),
            late_comments::decided_at.eq(Some(naive(now))),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// After a roundtable's deadline moved to `deadline`: takes the late mark
/// (and any chair's decision on it) off the comments posted before it,
/// which are on time now; all of them when there is no deadline any more.
/// Returns how many comments were unmarked.
pub fn unmark_on_time(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    deadline: Option<DateTime<Utc>>,
) -> Result<usize, StorageError> {
    let of_roundtable = comments::table.filter(comments::roundtable_id.eq(roundtable.to_string()));
    // Posted at the deadline is late, as `CommentPeriod::state` has it.
    let unmarked = match deadline {
        Some(deadline) => diesel::delete(
            late_comments::table.filter(
                late_comments::comment_id.eq_any(
                    of_roundtable
                        .filter(comments::created_at.lt(naive(deadline)))
                        .select(comments::id),
                ),
            ),
        )
        .execute(conn)?,
        None => diesel::delete(
            late_comments::table
                .filter(late_comments::comment_id.eq_any(of_roundtable.select(comments::id))),
        )
        .execute(conn)?,
    };
    Ok(unmarked)
}

pub struct NewDeadlineChange<'a> {
    pub id: &'a str,
    pub roundtable: RoundtableId,
    pub previous: Option<DateTime<Utc>>,
    pub new: Option<DateTime<Utc>>,
    pub reason: &'a str,
    pub changed_by: UserId,
}

pub fn insert_deadline_change(
    conn: &mut AnyConnection,
    change: &NewDeadlineChange<'_>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::insert_into(deadline_changes::table)
        .values((
            deadline_changes::id.eq(change.id),
            deadline_changes::roundtable_id.eq(change.roundtable.to_string()),
            deadline_changes::previous_close_at.eq(change.previous.map(naive)),
            deadline_changes::new_close_at.eq(change.new.map(naive)),
            deadline_changes::reason.eq(change.reason),
            deadline_changes::changed_by.eq(Some(change.changed_by.to_string())),
            deadline_changes::created_at.eq(naive(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// A logged change of a roundtable's comment deadline.
#[derive(Debug, Clone)]
pub struct DeadlineChangeRecord {
    pub id: String,
    pub previous: Option<DateTime<Utc>>,
    pub new: Option<DateTime<Utc>>,
    pub reason: String,
    pub at: DateTime<Utc>,
}

type ChangeColumns = (
    String,
    Option<chrono::NaiveDateTime>,
    Option<chrono::NaiveDateTime>,
    String,
    chrono::NaiveDateTime,
);

/// A roundtable's deadline changes, oldest first.
pub fn deadline_changes(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<Vec<DeadlineChangeRecord>, StorageError> {
    let rows: Vec<ChangeColumns> = deadline_changes::table
        .filter(deadline_changes::roundtable_id.eq(roundtable.to_string()))
        .order((
            deadline_changes::created_at.asc(),
            deadline_changes::id.asc(),
        ))
        .select((
            deadline_changes::id,
            deadline_changes::previous_close_at,
            deadline_changes::new_close_at,
            deadline_changes::reason,
            deadline_changes::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, previous, new, reason, at)| DeadlineChangeRecord {
            id,
            previous: previous.map(utc),
            new: new.map(utc),
            reason,
            at: utc(at),
        })
        .collect())
}

/// The storage side of `domain::late::in_report`, as a filter on
/// `comments`: on time, or late and included by a chair. Coverage and
/// outcome citing filter with it.
#[diesel::dsl::auto_type]
pub fn in_report() -> _ {
    let undecided = late_comments::included.is_null();
    let refused = late_comments::included.eq(false);
    let left_out = late_comments::table
        .filter(late_comments::comment_id.eq(comments::id))
        .filter(undecided.or(refused));
    diesel::dsl::not(diesel::dsl::exists(left_out))
}
