//! What waits for a moderator: the queue, and one waiting comment.

use super::scope::{may_moderate, scope};
use crate::db::queries::comments::{self, CommentRecord};
use crate::db::queries::moderation::{self, OpenReport};
use crate::db::queries::queue::{self, QueueRoundtable, WaitingFilter};
use crate::db::queries::roundtables;
use crate::db::AnyConnection;
use crate::domain::comment::{Comment, CommentStatus};
use crate::domain::ids::RoundtableId;
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::user::Actor;
use crate::services::notifications::wording::excerpt;
use crate::services::ServiceError;
use chrono::Utc;
use std::collections::HashMap;

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
