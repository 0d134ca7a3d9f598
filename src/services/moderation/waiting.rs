//! What waits for a moderator: the queue, and one waiting comment.

use super::confirmations::{confirmed, queue_key, Confirmation, QueueKey};
use super::scope::{may_moderate, scope};
use crate::db::queries::comments::{self, CommentRecord};
use crate::db::queries::moderation::{self, OpenReport};
use crate::db::queries::queue::{self, QueueRoundtable, WaitingFilter};
use crate::db::queries::roundtables;
use crate::db::AnyConnection;
use crate::domain::comment::{Comment, CommentStatus};
use crate::domain::ids::{CommentId, RoundtableId};
use crate::domain::moderation::{possible_decisions, DecisionTarget};
use crate::domain::queue_pages::{
    confirmation_slot, offset, page_count, page_to_show, QueueOrder, QUEUE_PAGE_SIZE,
};
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::user::Actor;
use crate::services::notifications::wording::excerpt;
use crate::services::search::{possible_duplicates, PossibleDuplicate};
use crate::services::ServiceError;
use chrono::Utc;
use std::collections::HashMap;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    pub consultation: Option<String>,
    pub roundtable: Option<String>,
    /// Only late comments.
    pub late: bool,
    /// A theme's label and a relevance (`services::report_marks`).
    pub theme: Option<String>,
    pub relevance: Option<String>,
}

/// The page of the queue a moderator asked for, and a decision to confirm on it.
#[derive(Debug, Clone, Default)]
pub struct QueueRequest {
    pub filter: QueueFilter,
    pub order: QueueOrder,
    /// From 1; past the end means the last page.
    pub page: usize,
    /// A decision just taken: its code and the comments it named.
    pub confirm: Option<(String, Vec<String>)>,
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
    /// For a pending comment: up to three published or waiting comments of
    /// its roundtable most like it, most alike first.
    pub duplicates: Vec<PossibleDuplicate>,
    /// Posted late, with the chairs' decision.
    pub late: Option<crate::domain::late::LateMark>,
}

impl QueueItem {
    /// The decisions its state allows.
    pub fn possible(&self) -> Vec<&'static str> {
        possible_decisions(DecisionTarget {
            status: self.comment.status,
            highlighted: self.comment.highlighted,
            open_reports: self.reports.len(),
        })
    }
}

/// A roundtable in the moderator's scope where something waits.
#[derive(Debug, Clone)]
pub struct WaitingPlace {
    pub place: QueueRoundtable,
    pub waiting: i64,
}

pub struct Queue {
    /// The page's items.
    pub items: Vec<QueueItem>,
    /// Every roundtable in the moderator's scope that has something
    /// waiting, with how much, for the navigation.
    pub places: Vec<WaitingPlace>,
    /// How many items the filtered queue holds, on every page.
    pub total: usize,
    /// The page shown and how many there are.
    pub page: usize,
    pub pages: usize,
    pub confirmation: Option<Confirmation>,
}

/// A page of what waits for this moderator, from a fixed number of queries.
pub fn queue(
    conn: &mut AnyConnection,
    who: Actor,
    request: &QueueRequest,
) -> Result<Queue, ServiceError> {
    let scope = scope(conn, who)?;
    let (theme, relevance) = (&request.filter.theme, &request.filter.relevance);
    let marks = crate::services::report_marks::mark_filter(
        conn,
        Some(who),
        theme.as_deref().unwrap_or(""),
        relevance.as_deref().unwrap_or(""),
    )?;
    let filter = WaitingFilter {
        scope: scope.as_deref(),
        consultation: request.filter.consultation.as_deref(),
        roundtable: request.filter.roundtable.as_deref(),
        pending_only: false,
        late_only: request.filter.late,
        marks: marks.as_ref(),
    };
    let total = usize::try_from(queue::waiting_count(conn, filter)?).unwrap_or(0);
    let page = page_to_show(request.page, total);
    let chosen = queue::waiting_page(
        conn,
        filter,
        request.order,
        offset(page) as i64,
        QUEUE_PAGE_SIZE as i64,
    )?;
    let places = queue::waiting_places(conn, scope.as_deref())?
        .into_iter()
        .map(|(place, waiting)| WaitingPlace { place, waiting })
        .collect();
    let chosen = chosen
        .into_iter()
        .map(|(row, place)| (row.reference, place))
        .collect();
    let items = queue_items(conn, chosen)?;
    let pages = page_count(total);
    let confirmation = match &request.confirm {
        Some((action, references)) => {
            let confirmed = confirmed(conn, who, &scope, action, references)?;
            let keys: Vec<QueueKey> = items.iter().map(|i| queue_key(&i.comment)).collect();
            let first = match request.order {
                QueueOrder::OldestFirst => confirmed.iter().map(|(_, key)| key).min(),
                QueueOrder::NewestFirst => confirmed.iter().map(|(_, key)| key).max(),
            };
            first.map(|first| Confirmation {
                action: action.clone(),
                slot: confirmation_slot(&keys, first, request.order, page < pages),
                comments: confirmed.iter().map(|(c, _)| c.clone()).collect(),
            })
        }
        None => None,
    };
    Ok(Queue {
        items,
        places,
        total,
        page,
        pages,
        confirmation,
    })
}

/// The chosen comments (by reference) with everything a chair reads beside each.
fn queue_items(
    conn: &mut AnyConnection,
    chosen: Vec<(String, QueueRoundtable)>,
) -> Result<Vec<QueueItem>, ServiceError> {
    let references: Vec<String> = chosen.iter().map(|(r, _)| r.clone()).collect();
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
    let mut duplicates = possible_duplicates(conn, &pending_of(&records))?;
    let late = crate::db::queries::late::marks(conn, &ids)?;
    let mut items = Vec::new();
    for (reference, place) in chosen {
        let Some(record) = records.iter().find(|r| r.comment.reference == reference) else {
            continue;
        };
        let comment = record.comment.clone();
        items.push(QueueItem {
            late: late.get(&comment.id.to_string()).copied(),
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
            duplicates: duplicates.remove(&comment.id).unwrap_or_default(),
            questions: questions
                .get(&comment.roundtable_id)
                .cloned()
                .unwrap_or_default(),
            comment,
            place,
        });
    }
    Ok(items)
}

/// The pending comments among `records`, with their roundtables: those a
/// chair may reject as a duplicate (a reported comment is published already).
fn pending_of(records: &[CommentRecord]) -> Vec<(CommentId, RoundtableId)> {
    records
        .iter()
        .filter(|r| r.comment.status == CommentStatus::Pending)
        .map(|r| (r.comment.id, r.comment.roundtable_id))
        .collect()
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

/// One waiting comment on its own page: what `queue_item` reads, and its
/// possible duplicates.
pub struct ItemToDecide {
    pub record: CommentRecord,
    pub questions: Vec<GuidingQuestion>,
    pub reports: Vec<OpenReport>,
    pub duplicates: Vec<PossibleDuplicate>,
    /// Posted late, with the chairs' decision.
    pub late: Option<crate::domain::late::LateMark>,
    /// Its marks for the report, when the reader may set them.
    pub marks: Option<crate::services::report_marks::CommentMarks>,
}

/// One waiting comment with its possible duplicates, for its page in the queue.
pub fn item_to_decide(
    conn: &mut AnyConnection,
    who: Actor,
    reference: &str,
) -> Result<ItemToDecide, ServiceError> {
    let (record, questions, reports) = queue_item(conn, who, reference)?;
    let duplicates = match pending_of(std::slice::from_ref(&record)).as_slice() {
        [one] => possible_duplicates(conn, &[*one])?
            .remove(&one.0)
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let late = crate::db::queries::late::marks(conn, &[record.comment.id.to_string()])?
        .into_values()
        .next();
    let marks = crate::services::report_marks::marks_if_allowed(conn, who, reference)?;
    Ok(ItemToDecide {
        late,
        marks,
        record,
        questions,
        reports,
        duplicates,
    })
}
