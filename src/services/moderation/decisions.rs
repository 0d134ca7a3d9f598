//! Decisions on comments: parse what a form or the API asks, check it
//! against each comment's state, apply it conditionally, record it, and
//! queue the emails it causes, all in one transaction per comment.

use super::scope::{may_moderate, scope};
use crate::db::queries::comments::{self, CommentRecord};
use crate::db::queries::moderation::{self, AuditEntry};
use crate::db::queries::roundtables;
use crate::db::AnyConnection;
use crate::domain::comment::{choose_questions, Comment, CommentStatus, QuestionPick};
use crate::domain::moderation::{
    parse_note, Decision, DecisionTarget, Inapplicable, ModerationReason,
};
use crate::domain::user::Actor;
use crate::domain::InvalidField;
use crate::services::emails::EmailContext;
use crate::services::notifications::{self, wording::Place};
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// A decision as a form or the API sends it.
#[derive(Debug, Clone, Default)]
pub struct DecisionRequest {
    pub action: String,
    pub reason: String,
    pub note: String,
    /// For re-tagging: the question numbers; none means "General".
    pub questions: Vec<QuestionPick>,
}

pub const ACTIONS: &[&str] = &[
    "publish",
    "reject",
    "unpublish",
    "highlight",
    "unhighlight",
    "retag",
    "dismiss_reports",
];

/// Parses the request once; re-tagging is resolved per comment, against its
/// roundtable's questions.
fn parse_request(request: &DecisionRequest) -> Result<Decision, ServiceError> {
    let with_reason = |unpublish: bool| -> Result<Decision, ServiceError> {
        let reason = ModerationReason::parse("reason", &request.reason);
        let note = parse_note("note", &request.note);
        match (reason, note) {
            (Ok(reason), Ok(note)) if unpublish => Ok(Decision::Unpublish { reason, note }),
            (Ok(reason), Ok(note)) => Ok(Decision::Reject { reason, note }),
            (reason, note) => Err(ServiceError::InvalidFields(
                [reason.err(), note.err()].into_iter().flatten().collect(),
            )),
        }
    };
    let takes_reason = matches!(request.action.trim(), "reject" | "unpublish");
    if !takes_reason && !request.reason.trim().is_empty() {
        // A reason with another decision means the chair meant something
        // else (a form that fell back to "Publish"): decide nothing.
        return Err(ServiceError::Invalid(InvalidField::new(
            "reason",
            "invalid-moderation-reason-unused",
        )));
    }
    match request.action.trim() {
        "" => Err(ServiceError::Invalid(InvalidField::new(
            "action",
            "invalid-moderation-action-missing",
        ))),
        "publish" => Ok(Decision::Publish),
        "reject" => with_reason(false),
        "unpublish" => with_reason(true),
        "highlight" => Ok(Decision::Highlight),
        "unhighlight" => Ok(Decision::RemoveHighlight),
        "retag" => Ok(Decision::Retag(Vec::new())),
        "dismiss_reports" => Ok(Decision::DismissReports),
        _ => Err(ServiceError::Invalid(
            InvalidField::new("action", "invalid-moderation-action")
                .with("actions", ACTIONS.join(", ")),
        )),
    }
}

#[derive(Debug, Clone)]
pub enum DecisionResult {
    Done {
        reference: String,
    },
    /// Someone came first: who (if known), what they did, when.
    AlreadyDecided {
        reference: String,
        by: Option<AuditEntry>,
        status: CommentStatus,
    },
    NotApplicable {
        reference: String,
        why: &'static str,
    },
    NotFound {
        reference: String,
    },
    /// In a roundtable this moderator does not chair.
    NotAllowed {
        reference: String,
    },
    /// The author edited the comment after the chair read it.
    EditedSince {
        reference: String,
    },
}

/// A comment named in a decision: its reference and, from forms and the
/// API, the revision the chair read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub reference: String,
    pub revision: Option<i32>,
}

impl Target {
    /// "c-2f9a01bc" or "c-2f9a01bc@2", as forms send them.
    pub fn parse(value: &str) -> Self {
        match value.trim().split_once('@') {
            Some((reference, revision)) => Self {
                reference: reference.to_owned(),
                revision: revision.parse().ok(),
            },
            None => Self {
                reference: value.trim().to_owned(),
                revision: None,
            },
        }
    }
}

/// Applies one decision to each comment named, each in its own transaction,
/// so that one comment decided elsewhere does not hold up the others.
pub fn decide(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    who: Actor,
    targets: &[Target],
    request: &DecisionRequest,
    now: DateTime<Utc>,
) -> Result<Vec<DecisionResult>, ServiceError> {
    if targets.is_empty() {
        return Err(ServiceError::Invalid(InvalidField::new(
            "comments",
            "invalid-moderation-nothing-selected",
        )));
    }
    let decision = parse_request(request)?;
    let scope = scope(conn, who)?;
    let references: Vec<String> = targets.iter().map(|t| t.reference.clone()).collect();
    let records = comments::find_by_references(conn, &references)?;
    // An archived consultation is the record of what was said and decided.
    let mut archived = HashMap::new();
    for record in &records {
        let roundtable = record.comment.roundtable_id;
        if let std::collections::hash_map::Entry::Vacant(slot) = archived.entry(roundtable) {
            slot.insert(roundtables::in_archived_consultation(conn, roundtable)?);
        }
    }
    // Every comment's decision is checked before any is applied: a wrong
    // question number changes nothing.
    let mut decisions = HashMap::new();
    for record in records
        .iter()
        .filter(|r| !archived[&r.comment.roundtable_id])
    {
        let decision = match &decision {
            Decision::Retag(_) => {
                let questions = roundtables::guiding_questions(conn, record.comment.roundtable_id)?;
                Decision::Retag(choose_questions(
                    "questions",
                    &request.questions,
                    &questions,
                )?)
            }
            other => other.clone(),
        };
        decisions.insert(record.comment.reference.clone(), decision);
    }
    let mut results = Vec::new();
    for target in targets {
        let reference = target.reference.clone();
        let Some(record) = records.iter().find(|r| r.comment.reference == reference) else {
            results.push(DecisionResult::NotFound { reference });
            continue;
        };
        if !may_moderate(&scope, record.comment.roundtable_id) {
            results.push(DecisionResult::NotAllowed { reference });
            continue;
        }
        let Some(decision) = decisions.get(&reference) else {
            results.push(DecisionResult::NotApplicable {
                reference,
                why: "not-applicable-archived",
            });
            continue;
        };
        results.push(decide_one(
            conn,
            ctx,
            who,
            record,
            target.revision,
            decision,
            now,
        )?);
    }
    Ok(results)
}

fn decide_one(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    who: Actor,
    record: &CommentRecord,
    revision: Option<i32>,
    decision: &Decision,
    now: DateTime<Utc>,
) -> Result<DecisionResult, ServiceError> {
    let comment = &record.comment;
    if revision.is_some_and(|r| r != comment.revision) {
        return Ok(DecisionResult::EditedSince {
            reference: comment.reference.clone(),
        });
    }
    let reference = comment.reference.clone();
    let actor = who.id.to_string();
    let open_reports = moderation::open_reports(conn, &[comment.id.to_string()])?.len();
    // The audit trail says what a re-tag changed to.
    let retag_note = match decision {
        Decision::Retag(ids) => {
            let questions = roundtables::guiding_questions(conn, comment.roundtable_id)?;
            let retagged = Comment {
                question_ids: ids.clone(),
                ..comment.clone()
            };
            // The numbers only ("1, 3"; empty for none): the trail writes
            // them out in each reader's language.
            let numbers = notifications::wording::question_numbers(&retagged, &questions);
            Some(
                numbers
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        }
        _ => None,
    };
    // The transaction's first statement writes: on SQLite a transaction that
    // reads first cannot wait for the write lock, and would fail at once
    // when another chair is deciding.
    let result = crate::db::write_transaction(
        conn,
        |conn| -> Result<Result<(), Inapplicable>, ServiceError> {
            let target = DecisionTarget {
                status: comment.status,
                highlighted: comment.highlighted,
                open_reports,
            };
            if let Err(refusal) = decision.check(target) {
                return Ok(Err(refusal));
            }
            let applied = match decision {
                Decision::Publish | Decision::Reject { .. } | Decision::Unpublish { .. } => {
                    moderation::change_status(
                        conn,
                        &moderation::StatusChange {
                            comment: comment.id,
                            from: comment.status,
                            to: decision.new_status().unwrap_or(comment.status),
                            // What the chair read is what gets published.
                            revision: Some(comment.revision),
                            actor: Some(&actor),
                            reason: decision.reason().map(|r| r.code()),
                            note: decision.note(),
                            at: now,
                        },
                    )?
                }
                Decision::Highlight => moderation::change_highlight(conn, comment.id, true)?,
                Decision::RemoveHighlight => moderation::change_highlight(conn, comment.id, false)?,
                Decision::Retag(questions) => {
                    comments::replace_tags(conn, comment.id, questions)?;
                    true
                }
                Decision::DismissReports => {
                    let resolved =
                        moderation::resolve_reports(conn, comment.id, &actor, "dismissed", now)?
                            > 0;
                    moderation::set_hidden_by_reports(conn, comment.id, false)?;
                    resolved
                }
            };
            if !applied {
                return Ok(Err(Inapplicable::AlreadyDecided));
            }
            if matches!(decision, Decision::Unpublish { .. }) {
                moderation::resolve_reports(conn, comment.id, &actor, "unpublished", now)?;
            }
            moderation::record_event(
                conn,
                &moderation::EventRecord {
                    comment: comment.id,
                    actor: Some(&actor),
                    action: decision.action(),
                    from: decision.new_status().map(|_| comment.status),
                    to: decision.new_status(),
                    reason: decision.reason().map(|r| r.code()),
                    note: retag_note.as_deref().or(decision.note()),
                    at: now,
                },
            )?;
            notify(conn, ctx, record, decision, now)?;
            Ok(Ok(()))
        },
    )?;
    Ok(match result {
        Ok(()) => DecisionResult::Done { reference },
        Err(Inapplicable::NotApplicable(why)) => DecisionResult::NotApplicable { reference, why },
        Err(Inapplicable::AlreadyDecided) => {
            let current = comments::find_by_reference(conn, &reference)?;
            match current {
                Some(c)
                    if c.comment.status == comment.status
                        && c.comment.revision != comment.revision =>
                {
                    DecisionResult::EditedSince { reference }
                }
                current => DecisionResult::AlreadyDecided {
                    by: moderation::last_decision(conn, comment.id)?,
                    status: current.map_or(comment.status, |c| c.comment.status),
                    reference,
                },
            }
        }
    })
}

/// The emails a decision causes, in the decision's transaction.
fn notify(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    record: &CommentRecord,
    decision: &Decision,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    notifications::decision_made(conn, &record.comment, decision, now)?;
    if let (Decision::Publish, Some(parent)) = (decision, record.comment.parent_id) {
        let place = Place::of_record(record);
        let author = comments::author_of(conn, parent)?;
        notifications::reply_published(
            conn,
            ctx,
            &record.comment,
            &record.body_markdown,
            author.as_deref(),
            &place,
            now,
        )?;
    }
    Ok(())
}
