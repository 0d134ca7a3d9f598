//! Chairs' decisions on comments and readers' reports: conditional
//! updates (the first decision wins), the audit trail, and the queue.

use crate::db::rows::*;
use crate::db::schema::{chair_assignments, comment_reports, comments, moderation_events, users};
use crate::db::{AnyConnection, StorageError};
use crate::domain::comment::CommentStatus;
use crate::domain::ids::{CommentId, RoundtableId, UserId};
use crate::text::SafeHtml;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use std::collections::HashMap;

/// Replaces the text of a comment that is still pending; false when it no
/// longer is (a chair decided meanwhile).
pub fn edit_pending(
    conn: &mut AnyConnection,
    comment: CommentId,
    body_markdown: &str,
    body_html: &SafeHtml,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let changed = diesel::update(
        comments::table
            .filter(comments::id.eq(comment.to_string()))
            .filter(comments::status.eq(CommentStatus::Pending.code())),
    )
    .set((
        comments::body_markdown.eq(body_markdown),
        comments::body_html.eq(body_html.as_str()),
        comments::edited_at.eq(Some(naive(now))),
        comments::revision.eq(comments::revision + 1),
    ))
    .execute(conn)?;
    if changed == 1 {
        let language: Option<String> = comments::table
            .find(comment.to_string())
            .select(comments::language)
            .first(conn)?;
        super::search::index_comment(
            conn,
            &comment.to_string(),
            body_markdown,
            language.as_deref(),
        )?;
    }
    Ok(changed == 1)
}

/// A status change that applies only if the comment is still `from`: of two
/// chairs deciding at once, exactly one gets true.
pub struct StatusChange<'a> {
    pub comment: CommentId,
    pub from: CommentStatus,
    pub to: CommentStatus,
    /// The revision the chair read; None when it does not matter.
    pub revision: Option<i32>,
    pub actor: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub note: Option<&'a str>,
    pub at: DateTime<Utc>,
}

pub fn change_status(
    conn: &mut AnyConnection,
    change: &StatusChange,
) -> Result<bool, StorageError> {
    let (lowest, highest) = change.revision.map_or((i32::MIN, i32::MAX), |r| (r, r));
    let target = comments::table
        .filter(comments::id.eq(change.comment.to_string()))
        .filter(comments::status.eq(change.from.code()))
        .filter(comments::revision.between(lowest, highest));
    let changed = diesel::update(target)
        .set((
            comments::status.eq(change.to.code()),
            comments::decision_reason.eq(change.reason),
            comments::decision_note.eq(change.note),
            comments::decided_by.eq(change.actor),
            comments::decided_at.eq(Some(naive(change.at))),
            comments::hidden_by_reports.eq(false),
        ))
        .execute(conn)?;
    if changed == 1 && change.to != CommentStatus::Approved {
        // Only a published comment can stand highlighted in a digest.
        diesel::update(comments::table.filter(comments::id.eq(change.comment.to_string())))
            .set(comments::highlighted.eq(false))
            .execute(conn)?;
    }
    Ok(changed == 1)
}

/// The author withdraws: only the status changes, the chair's last decision stays on record.
pub fn withdraw(
    conn: &mut AnyConnection,
    comment: CommentId,
    from: CommentStatus,
) -> Result<bool, StorageError> {
    let changed = diesel::update(
        comments::table
            .filter(comments::id.eq(comment.to_string()))
            .filter(comments::status.eq(from.code())),
    )
    .set((
        comments::status.eq(CommentStatus::Withdrawn.code()),
        comments::highlighted.eq(false),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Takes the comment's row lock before counting its reports, so that
/// simultaneous reports see each other (PostgreSQL reads committed data).
pub fn lock_comment(conn: &mut AnyConnection, comment: CommentId) -> Result<(), StorageError> {
    diesel::update(comments::table.filter(comments::id.eq(comment.to_string())))
        .set(comments::hidden_by_reports.eq(comments::hidden_by_reports))
        .execute(conn)?;
    Ok(())
}

/// Sets the highlight of a published comment if it is not set so already.
pub fn change_highlight(
    conn: &mut AnyConnection,
    comment: CommentId,
    highlighted: bool,
) -> Result<bool, StorageError> {
    let changed = diesel::update(
        comments::table
            .filter(comments::id.eq(comment.to_string()))
            .filter(comments::status.eq(CommentStatus::Approved.code()))
            .filter(comments::highlighted.eq(!highlighted)),
    )
    .set(comments::highlighted.eq(highlighted))
    .execute(conn)?;
    Ok(changed == 1)
}

pub fn set_hidden_by_reports(
    conn: &mut AnyConnection,
    comment: CommentId,
    hidden: bool,
) -> Result<(), StorageError> {
    diesel::update(comments::table.filter(comments::id.eq(comment.to_string())))
        .set(comments::hidden_by_reports.eq(hidden))
        .execute(conn)?;
    Ok(())
}

/// Published and rejected comments per author, to show a chair whom they are reading.
pub fn author_records(
    conn: &mut AnyConnection,
    authors: &[String],
) -> Result<HashMap<String, (i64, i64)>, StorageError> {
    let rows: Vec<(Option<String>, String, i64)> = comments::table
        .filter(comments::author_id.eq_any(authors))
        .filter(comments::status.eq_any([
            CommentStatus::Approved.code(),
            CommentStatus::Rejected.code(),
        ]))
        .group_by((comments::author_id, comments::status))
        .select((
            comments::author_id,
            comments::status,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let mut records: HashMap<String, (i64, i64)> = HashMap::new();
    for (author, status, count) in rows {
        let entry = records.entry(author.unwrap_or_default()).or_default();
        if status == CommentStatus::Approved.code() {
            entry.0 = count;
        } else {
            entry.1 = count;
        }
    }
    Ok(records)
}

pub struct EventRecord<'a> {
    pub comment: CommentId,
    pub actor: Option<&'a str>,
    pub action: &'a str,
    pub from: Option<CommentStatus>,
    pub to: Option<CommentStatus>,
    pub reason: Option<&'a str>,
    pub note: Option<&'a str>,
    pub at: DateTime<Utc>,
}

/// One row of the audit trail.
pub fn record_event(conn: &mut AnyConnection, event: &EventRecord) -> Result<(), StorageError> {
    diesel::insert_into(moderation_events::table)
        .values(&ModerationEventRow {
            id: uuid::Uuid::now_v7().to_string(),
            comment_id: event.comment.to_string(),
            actor_id: event.actor.map(String::from),
            action: event.action.to_owned(),
            from_status: event.from.map(|s| s.code().to_owned()),
            to_status: event.to.map(|s| s.code().to_owned()),
            reason_code: event.reason.map(String::from),
            note: event.note.map(String::from),
            created_at: naive(event.at),
        })
        .execute(conn)?;
    Ok(())
}

/// An entry of the audit trail as staff read it.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub comment_reference: String,
    pub actor_name: Option<String>,
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

type AuditColumns = (
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    chrono::NaiveDateTime,
);

/// The columns of `AuditColumns`, for queries that join events, comments and actors.
#[allow(clippy::type_complexity)]
fn audit_columns() -> (
    comments::reference,
    diesel::dsl::Nullable<users::display_name>,
    moderation_events::action,
    moderation_events::from_status,
    moderation_events::to_status,
    moderation_events::reason_code,
    moderation_events::note,
    moderation_events::created_at,
) {
    (
        comments::reference,
        users::display_name.nullable(),
        moderation_events::action,
        moderation_events::from_status,
        moderation_events::to_status,
        moderation_events::reason_code,
        moderation_events::note,
        moderation_events::created_at,
    )
}

fn audit_entries(rows: Vec<AuditColumns>) -> Vec<AuditEntry> {
    rows.into_iter()
        .map(
            |(comment_reference, actor_name, action, from_status, to_status, reason, note, at)| {
                AuditEntry {
                    comment_reference,
                    actor_name,
                    action,
                    from_status,
                    to_status,
                    reason,
                    note,
                    at: utc(at),
                }
            },
        )
        .collect()
}

/// Marks for the report (services::report_marks) and decisions on late
/// comments (services::late_comments) are not decisions on whether a
/// comment is published: they never tell a chair who came first.
pub const REPORT_MARK_ACTIONS: [&str; 6] = [
    "retained",
    "not_retained",
    "theme_added",
    "theme_removed",
    "late_included",
    "late_left_out",
];

/// The last decision on a comment that changed its status or reports, for
/// telling a second chair who came first.
pub fn last_decision(
    conn: &mut AnyConnection,
    comment: CommentId,
) -> Result<Option<AuditEntry>, StorageError> {
    let rows: Vec<AuditColumns> = moderation_events::table
        .inner_join(comments::table)
        .left_join(users::table.on(users::id.nullable().eq(moderation_events::actor_id)))
        .filter(moderation_events::comment_id.eq(comment.to_string()))
        .filter(moderation_events::action.ne("submitted"))
        .filter(moderation_events::action.ne("edited"))
        .filter(moderation_events::action.ne("reported"))
        .filter(moderation_events::action.ne_all(REPORT_MARK_ACTIONS))
        .order((
            moderation_events::created_at.desc(),
            moderation_events::id.desc(),
        ))
        .limit(1)
        .select(audit_columns())
        .load(conn)?;
    Ok(audit_entries(rows).into_iter().next())
}

/// The last decision on each of these comments (as `last_decision` counts
/// them): by comment id, who took it (their id) and its name in the trail.
pub fn last_decisions(
    conn: &mut AnyConnection,
    comment_ids: &[String],
) -> Result<HashMap<String, (Option<String>, String)>, StorageError> {
    let rows: Vec<(String, Option<String>, String)> = moderation_events::table
        .filter(moderation_events::comment_id.eq_any(comment_ids))
        .filter(moderation_events::action.ne("submitted"))
        .filter(moderation_events::action.ne("edited"))
        .filter(moderation_events::action.ne("reported"))
        .filter(moderation_events::action.ne_all(REPORT_MARK_ACTIONS))
        .order((
            moderation_events::created_at.desc(),
            moderation_events::id.desc(),
        ))
        .select((
            moderation_events::comment_id,
            moderation_events::actor_id,
            moderation_events::action,
        ))
        .load(conn)?;
    let mut last = HashMap::new();
    for (comment, actor, action) in rows {
        last.entry(comment).or_insert((actor, action));
    }
    Ok(last)
}

/// A roundtable's audit trail, newest first, capped at `limit` rows.
pub fn audit_trail(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    limit: i64,
) -> Result<Vec<AuditEntry>, StorageError> {
    let rows: Vec<AuditColumns> = moderation_events::table
        .inner_join(comments::table)
        .left_join(users::table.on(users::id.nullable().eq(moderation_events::actor_id)))
        .filter(comments::roundtable_id.eq(roundtable.to_string()))
        .order((
            moderation_events::created_at.desc(),
            moderation_events::id.desc(),
        ))
        .limit(limit)
        .select(audit_columns())
        .load(conn)?;
    Ok(audit_entries(rows))
}

/// Stores a reader's report; false when this reader had already reported it.
pub fn insert_report(
    conn: &mut AnyConnection,
    comment: CommentId,
    reporter: UserId,
    reason: &str,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let insert = diesel::insert_into(comment_reports::table).values((
        comment_reports::id.eq(uuid::Uuid::now_v7().to_string()),
        comment_reports::comment_id.eq(comment.to_string()),
        comment_reports::reporter_id.eq(Some(reporter.to_string())),
        comment_reports::reason.eq(reason),
        comment_reports::note.eq(note),
        comment_reports::created_at.eq(naive(now)),
    ));
    // A repeated report is not an error.
    crate::db::insert_unless_taken(conn, |conn| insert.execute(conn))
}

/// An open report as chairs read it.
#[derive(Debug, Clone)]
pub struct OpenReport {
    pub comment_id: String,
    pub reason: String,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

pub fn open_reports(
    conn: &mut AnyConnection,
    comment_ids: &[String],
) -> Result<Vec<OpenReport>, StorageError> {
    let rows: Vec<(String, String, Option<String>, chrono::NaiveDateTime)> = comment_reports::table
        .filter(comment_reports::comment_id.eq_any(comment_ids))
        .filter(comment_reports::resolved_at.is_null())
        .order(comment_reports::created_at.asc())
        .select((
            comment_reports::comment_id,
            comment_reports::reason,
            comment_reports::note,
            comment_reports::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(comment_id, reason, note, at)| OpenReport {
            comment_id,
            reason,
            note,
            at: utc(at),
        })
        .collect())
}

/// Closes a comment's open reports; returns how many were open.
pub fn resolve_reports(
    conn: &mut AnyConnection,
    comment: CommentId,
    actor: &str,
    resolution: &str,
    now: DateTime<Utc>,
) -> Result<usize, StorageError> {
    Ok(diesel::update(
        comment_reports::table
            .filter(comment_reports::comment_id.eq(comment.to_string()))
            .filter(comment_reports::resolved_at.is_null()),
    )
    .set((
        comment_reports::resolved_at.eq(Some(naive(now))),
        comment_reports::resolved_by.eq(Some(actor)),
        comment_reports::resolution.eq(Some(resolution)),
    ))
    .execute(conn)?)
}

/// The roundtables a person chairs.
pub fn chaired_roundtables(
    conn: &mut AnyConnection,
    user: UserId,
) -> Result<Vec<String>, StorageError> {
    Ok(chair_assignments::table
        .filter(chair_assignments::user_id.eq(user.to_string()))
        .select(chair_assignments::roundtable_id)
        .load(conn)?)
}
