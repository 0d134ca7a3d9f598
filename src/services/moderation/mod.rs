//! What chairs do: read the queue of what waits for them, and decide. Staff
//! may moderate every roundtable; a chair only the roundtables they chair.
//! Of two chairs deciding one comment at once, the first wins and the
//! second is told who decided and how; only the first decision sends email.

mod decisions;
mod email_links;

pub use decisions::*;
pub use email_links::*;

use super::notifications::{self, excerpt};
use super::{pages, ServiceError};
use crate::db::queries::comments::{self, CommentRecord};
use crate::db::queries::moderation::{self, AuditEntry, OpenReport};
use crate::db::queries::queue::{self, QueueRoundtable, WaitingFilter};
use crate::db::queries::{admin, roundtables, users};
use crate::db::AnyConnection;
use crate::domain::comment::{Comment, CommentStatus};
use crate::domain::ids::RoundtableId;
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::user::{Actor, SignedInUser};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// The roundtables a moderator may act on: None means all of them.
pub(super) fn scope(
    conn: &mut AnyConnection,
    who: Actor,
) -> Result<Option<Vec<String>>, ServiceError> {
    if who.staff {
        return Ok(None);
    }
    let chaired = moderation::chaired_roundtables(conn, who.id)?;
    if chaired.is_empty() {
        return Err(ServiceError::Forbidden("forbidden-moderation"));
    }
    Ok(Some(chaired))
}

pub(super) fn may_moderate(scope: &Option<Vec<String>>, roundtable: RoundtableId) -> bool {
    match scope {
        None => true,
        Some(ids) => ids.contains(&roundtable.to_string()),
    }
}

#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub consultation: Option<String>,
    pub roundtable: Option<String>,
}

#[derive(Debug, Clone)]
pub struct QueueItem {
    pub comment: Comment,
    pub place: QueueRoundtable,
    pub questions: Vec<GuidingQuestion>,
    /// The comment it answers: reference, author's name, excerpt.
    pub parent: Option<(String, String, String)>,
    /// The author's comments published and rejected so far.
    pub author_record: (i64, i64),
    pub reports: Vec<OpenReport>,
}

pub struct Queue {
    pub items: Vec<QueueItem>,
    /// Every roundtable in the moderator's scope that has something waiting, for the filter.
    pub places: Vec<QueueRoundtable>,
}

const QUEUE_LIMIT: i64 = 500;

/// What waits for this moderator, oldest first, from a fixed number of queries.
pub fn queue(
    conn: &mut AnyConnection,
    who: Actor,
    filter: &QueueFilter,
) -> Result<Queue, ServiceError> {
    let scope = scope(conn, who)?;
    let chosen = queue::waiting(
        conn,
        WaitingFilter {
            scope: scope.as_deref(),
            consultation: filter.consultation.as_deref(),
            roundtable: filter.roundtable.as_deref(),
            pending_only: false,
        },
        QUEUE_LIMIT,
    )?;
    let places = queue::waiting_places(conn, scope.as_deref())?;
    let references: Vec<String> = chosen
        .iter()
        .map(|(row, _)| row.reference.clone())
        .collect();
    let records = comments::find_by_references(conn, &references)?;
    let ids: Vec<String> = records.iter().map(|r| r.comment.id.to_string()).collect();
    let parent_ids: Vec<String> = records
        .iter()
        .filter_map(|r| r.comment.parent_id.map(|p| p.to_string()))
        .collect();
    let parents = comments::parents(conn, &parent_ids)?;
    let authors: Vec<String> = records
        .iter()
        .filter_map(|r| r.comment.author_id.map(|a| a.to_string()))
        .collect();
    let author_records = moderation::author_records(conn, &authors)?;
    let mut reports: HashMap<String, Vec<OpenReport>> = HashMap::new();
    for report in moderation::open_reports(conn, &ids)? {
        reports
            .entry(report.comment_id.clone())
            .or_default()
            .push(report);
    }
    let roundtable_ids: Vec<RoundtableId> =
        records.iter().map(|r| r.comment.roundtable_id).collect();
    let questions = roundtables::guiding_questions_of(conn, &roundtable_ids)?;
    let mut items = Vec::new();
    for (row, place) in chosen {
        let Some(record) = records
            .iter()
            .find(|r| r.comment.reference == row.reference)
        else {
            continue;
        };
        let comment = record.comment.clone();
        items.push(QueueItem {
            parent: comment.parent_id.and_then(|p| {
                parents
                    .get(&p.to_string())
                    .map(|(reference, name, body)| (reference.clone(), name.clone(), excerpt(body)))
            }),
            author_record: comment
                .author_id
                .and_then(|a| author_records.get(&a.to_string()).copied())
                .unwrap_or_default(),
            reports: reports.remove(&comment.id.to_string()).unwrap_or_default(),
            questions: questions
                .get(&comment.roundtable_id)
                .cloned()
                .unwrap_or_default(),
            comment,
            place,
        });
    }
    Ok(Queue { items, places })
}

/// How many comments wait for a decision across every roundtable, for metrics.
pub fn waiting_everywhere(conn: &mut AnyConnection) -> Result<i64, ServiceError> {
    Ok(queue::pending_count(conn, None, None, Utc::now())?)
}

/// One waiting comment, for the page an email links to.
pub fn queue_item(
    conn: &mut AnyConnection,
    who: Actor,
    reference: &str,
) -> Result<(CommentRecord, Vec<GuidingQuestion>, Vec<OpenReport>), ServiceError> {
    let scope = scope(conn, who)?;
    let record = comments::find_by_reference(conn, reference)?
        .filter(|r| may_moderate(&scope, r.comment.roundtable_id))
        .filter(|r| r.comment.status != CommentStatus::Withdrawn)
        .ok_or(ServiceError::NotFound("missing-comment"))?;
    let questions = roundtables::guiding_questions(conn, record.comment.roundtable_id)?;
    let reports = moderation::open_reports(conn, &[record.comment.id.to_string()])?;
    Ok((record, questions, reports))
}

/// A roundtable's audit trail, for staff.
pub fn audit_trail(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    consultation: &str,
    roundtable: &str,
) -> Result<(pages::RoundtableDetail, Vec<AuditEntry>), ServiceError> {
    if !user.role.is_staff() {
        return Err(ServiceError::Forbidden("forbidden-audit"));
    }
    let detail = pages::roundtable_detail(conn, consultation, roundtable)?;
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
