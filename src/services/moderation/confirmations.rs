//! Saying what a decision did in people's terms: whose comment, on which
//! questions. The queue confirms a decision from its own address (several
//! instances serve it, so nothing is kept between the decision and the
//! page), and believes it only where the trail agrees: the comment's last
//! decision was this one, by this chair.

use super::decisions::{decide, DecisionRequest, DecisionResult, Target};
use super::scope::may_moderate;
use crate::db::queries::comments::{self, CommentRecord};
use crate::db::queries::{moderation, roundtables};
use crate::db::AnyConnection;
use crate::domain::comment::Comment;
use crate::domain::ids::RoundtableId;
use crate::domain::moderation::audit_name_of;
use crate::domain::user::Actor;
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// A comment as a confirmation names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecidedComment {
    pub reference: String,
    pub author: String,
    /// The numbers of the guiding questions it answers; none for a general comment.
    pub questions: Vec<usize>,
}

/// What a decision did to each comment named, and whose each comment is.
#[derive(Debug, Clone)]
pub struct Decided {
    pub results: Vec<DecisionResult>,
    /// By reference; comments that do not exist are not here.
    pub comments: HashMap<String, DecidedComment>,
}

impl Decided {
    /// Whether every comment named was decided.
    pub fn all_done(&self) -> bool {
        !self.results.is_empty()
            && self
                .results
                .iter()
                .all(|r| matches!(r, DecisionResult::Done { .. }))
    }

    /// The comments decided, in the order they were named.
    pub fn done(&self) -> Vec<String> {
        self.results
            .iter()
            .filter_map(|r| match r {
                DecisionResult::Done { reference } => Some(reference.clone()),
                _ => None,
            })
            .collect()
    }
}

/// A decision just taken, shown on the queue where the first comment it
/// named was.
#[derive(Debug, Clone)]
pub struct Confirmation {
    /// The decision's code ("publish").
    pub action: String,
    pub comments: Vec<DecidedComment>,
    /// How many items of the page come before it.
    pub slot: usize,
}

/// Applies a decision as `decide` does, and says whose comments it named.
pub fn decide_and_describe(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    who: Actor,
    targets: &[Target],
    request: &DecisionRequest,
    now: DateTime<Utc>,
) -> Result<Decided, ServiceError> {
    let results = decide(conn, ctx, who, targets, request, now)?;
    described(conn, results)
}

/// Adds whose each comment of the results is.
pub(super) fn described(
    conn: &mut AnyConnection,
    results: Vec<DecisionResult>,
) -> Result<Decided, ServiceError> {
    let references: Vec<String> = results.iter().map(|r| r.reference().to_owned()).collect();
    let records = comments::find_by_references(conn, &references)?;
    let comments = describe(conn, &records)?
        .into_iter()
        .map(|c| (c.reference.clone(), c))
        .collect();
    Ok(Decided { results, comments })
}

fn describe(
    conn: &mut AnyConnection,
    records: &[CommentRecord],
) -> Result<Vec<DecidedComment>, ServiceError> {
    let roundtable_ids: Vec<RoundtableId> =
        records.iter().map(|r| r.comment.roundtable_id).collect();
    let questions = roundtables::guiding_questions_of(conn, &roundtable_ids)?;
    Ok(records
        .iter()
        .map(|record| {
            let comment = &record.comment;
            let numbers = questions
                .get(&comment.roundtable_id)
                .map(|all| {
                    all.iter()
                        .filter(|q| comment.question_ids.contains(&q.id))
                        .map(|q| q.number)
                        .collect()
                })
                .unwrap_or_default();
            DecidedComment {
                reference: comment.reference.clone(),
                author: comment.author.display_name.clone(),
                questions: numbers,
            }
        })
        .collect())
}

/// Where a comment sits in the queue's order.
pub(super) type QueueKey = (DateTime<Utc>, String);

pub(super) fn queue_key(comment: &Comment) -> QueueKey {
    (comment.created_at, comment.id.to_string())
}

/// The comments of a decision to confirm that the trail shows this chair
/// took last, in the order named, with the queue key of the first in the
/// queue's order.
pub(super) fn confirmed(
    conn: &mut AnyConnection,
    who: Actor,
    scope: &Option<Vec<String>>,
    action: &str,
    references: &[String],
) -> Result<Vec<(DecidedComment, QueueKey)>, ServiceError> {
    let Some(audit_name) = audit_name_of(action) else {
        return Ok(Vec::new());
    };
    let records: Vec<CommentRecord> = comments::find_by_references(conn, references)?
        .into_iter()
        .filter(|r| may_moderate(scope, r.comment.roundtable_id))
        .collect();
    let ids: Vec<String> = records.iter().map(|r| r.comment.id.to_string()).collect();
    let last = moderation::last_decisions(conn, &ids)?;
    let chair = who.id.to_string();
    let records: Vec<CommentRecord> = records
        .into_iter()
        .filter(|r| {
            last.get(&r.comment.id.to_string())
                .is_some_and(|(actor, name)| actor.as_deref() == Some(&chair) && name == audit_name)
        })
        .collect();
    let described = describe(conn, &records)?;
    let mut confirmed: Vec<(DecidedComment, QueueKey)> = described
        .into_iter()
        .zip(records.iter().map(|r| queue_key(&r.comment)))
        .collect();
    confirmed.sort_by_key(|(c, _)| references.iter().position(|r| *r == c.reference));
    Ok(confirmed)
}

impl DecisionResult {
    /// The comment the result is about, as the chair named it.
    pub fn reference(&self) -> &str {
        match self {
            Self::Done { reference }
            | Self::AlreadyDecided { reference, .. }
            | Self::NotApplicable { reference, .. }
            | Self::NotFound { reference }
            | Self::NotAllowed { reference }
            | Self::EditedSince { reference } => reference,
        }
    }
}
