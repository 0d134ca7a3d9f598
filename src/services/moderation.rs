//! What chairs do: read the queue of what waits for them, and decide. Staff
//! may moderate every roundtable; a chair only the roundtables they chair.
//! Of two chairs deciding one comment at once, the first wins and the
//! second is told who decided and how; only the first decision sends email.

use super::comments::place_of_record;
use super::emails::EmailContext;
use super::notifications::{self, excerpt};
use super::{pages, ServiceError};
use crate::db::queries::comments::{self, CommentRecord};
use crate::db::queries::moderation::{
    self, AuditEntry, OpenReport, QueueRoundtable, WaitingFilter,
};
use crate::db::queries::{admin, roundtables, users};
use crate::db::AnyConnection;
use crate::domain::comment::{choose_questions, Comment, CommentStatus};
use crate::domain::ids::{RoundtableId, UserId};
use crate::domain::moderation::{
    parse_note, Decision, DecisionTarget, Inapplicable, ModerationReason,
};
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::user::{Role, SignedInUser};
use crate::domain::InvalidField;
use chrono::{DateTime, Utc};
use diesel::Connection;
use std::collections::HashMap;

/// Who decides: staff decide everywhere, chairs in their roundtables.
#[derive(Debug, Clone, Copy)]
pub struct Moderator {
    pub id: UserId,
    pub staff: bool,
}

impl Moderator {
    pub fn of(user: &SignedInUser) -> Self {
        Self {
            id: user.id,
            staff: user.role != Role::Participant,
        }
    }
}

/// The roundtables a moderator may act on: None means all of them.
fn scope(conn: &mut AnyConnection, who: Moderator) -> Result<Option<Vec<String>>, ServiceError> {
    if who.staff {
        return Ok(None);
    }
    let chaired = moderation::chaired_roundtables(conn, who.id)?;
    if chaired.is_empty() {
        return Err(ServiceError::Forbidden(
            "only chairs and staff moderate comments",
        ));
    }
    Ok(Some(chaired))
}

fn may_moderate(scope: &Option<Vec<String>>, roundtable: RoundtableId) -> bool {
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
    who: Moderator,
    filter: &QueueFilter,
) -> Result<Queue, ServiceError> {
    let scope = scope(conn, who)?;
    let chosen = moderation::waiting(
        conn,
        WaitingFilter {
            scope: scope.as_deref(),
            consultation: filter.consultation.as_deref(),
            roundtable: filter.roundtable.as_deref(),
            pending_only: false,
        },
        QUEUE_LIMIT,
    )?;
    let places = moderation::waiting_places(conn, scope.as_deref())?;
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
    Ok(moderation::pending_count(conn, None, None, Utc::now())?)
}

/// One waiting comment, for the page an email links to.
pub fn queue_item(
    conn: &mut AnyConnection,
    who: Moderator,
    reference: &str,
) -> Result<(CommentRecord, Vec<GuidingQuestion>, Vec<OpenReport>), ServiceError> {
    let scope = scope(conn, who)?;
    let record = comments::find_by_reference(conn, reference)?
        .filter(|r| may_moderate(&scope, r.comment.roundtable_id))
        .filter(|r| r.comment.status != CommentStatus::Withdrawn)
        .ok_or(ServiceError::NotFound("comment"))?;
    let questions = roundtables::guiding_questions(conn, record.comment.roundtable_id)?;
    let reports = moderation::open_reports(conn, &[record.comment.id.to_string()])?;
    Ok((record, questions, reports))
}

/// A decision as a form or the API sends it.
#[derive(Debug, Clone, Default)]
pub struct DecisionRequest {
    pub action: String,
    pub reason: String,
    pub note: String,
    /// For re-tagging: the question numbers; none means "General".
    pub questions: Vec<usize>,
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
    match request.action.trim() {
        "publish" => Ok(Decision::Publish),
        "reject" => with_reason(false),
        "unpublish" => with_reason(true),
        "highlight" => Ok(Decision::Highlight),
        "unhighlight" => Ok(Decision::RemoveHighlight),
        "retag" => Ok(Decision::Retag(Vec::new())),
        "dismiss_reports" => Ok(Decision::DismissReports),
        _ => Err(ServiceError::Invalid(InvalidField::new(
            "action",
            format!("must be one of: {}", ACTIONS.join(", ")),
        ))),
    }
}

#[derive(Debug, Clone)]
pub enum DecisionOutcome {
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
    who: Moderator,
    targets: &[Target],
    request: &DecisionRequest,
    now: DateTime<Utc>,
) -> Result<Vec<DecisionOutcome>, ServiceError> {
    if targets.is_empty() {
        return Err(ServiceError::Invalid(InvalidField::new(
            "comments",
            "Select at least one comment.",
        )));
    }
    let decision = parse_request(request)?;
    let scope = scope(conn, who)?;
    let references: Vec<String> = targets.iter().map(|t| t.reference.clone()).collect();
    let records = comments::find_by_references(conn, &references)?;
    // Every comment's decision is checked before any is applied: a wrong
    // question number changes nothing.
    let mut decisions = HashMap::new();
    for record in &records {
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
    let mut outcomes = Vec::new();
    for target in targets {
        let reference = target.reference.clone();
        let (Some(record), Some(decision)) = (
            records.iter().find(|r| r.comment.reference == reference),
            decisions.get(&reference),
        ) else {
            outcomes.push(DecisionOutcome::NotFound { reference });
            continue;
        };
        if !may_moderate(&scope, record.comment.roundtable_id) {
            outcomes.push(DecisionOutcome::NotAllowed { reference });
            continue;
        }
        outcomes.push(decide_one(
            conn,
            ctx,
            who,
            record,
            target.revision,
            decision,
            now,
        )?);
    }
    Ok(outcomes)
}

fn decide_one(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    who: Moderator,
    record: &CommentRecord,
    revision: Option<i32>,
    decision: &Decision,
    now: DateTime<Utc>,
) -> Result<DecisionOutcome, ServiceError> {
    let comment = &record.comment;
    if revision.is_some_and(|r| r != comment.revision) {
        return Ok(DecisionOutcome::EditedSince {
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
            Some(super::notifications::questions_line(&retagged, &questions))
        }
        _ => None,
    };
    // The transaction's first statement writes: on SQLite a transaction that
    // reads first cannot wait for the write lock, and would fail at once
    // when another chair is deciding.
    let result = conn.transaction(|conn| -> Result<Result<(), Inapplicable>, ServiceError> {
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
                    moderation::resolve_reports(conn, comment.id, &actor, "dismissed", now)? > 0;
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
    })?;
    Ok(match result {
        Ok(()) => DecisionOutcome::Done { reference },
        Err(Inapplicable::NotApplicable(why)) => DecisionOutcome::NotApplicable { reference, why },
        Err(Inapplicable::AlreadyDecided) => {
            let current = comments::find_by_reference(conn, &reference)?;
            match current {
                Some(c)
                    if c.comment.status == comment.status
                        && c.comment.revision != comment.revision =>
                {
                    DecisionOutcome::EditedSince { reference }
                }
                current => DecisionOutcome::AlreadyDecided {
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
    if !matches!(
        decision,
        Decision::Publish | Decision::Reject { .. } | Decision::Unpublish { .. }
    ) {
        return Ok(());
    }
    let place = place_of_record(record);
    notifications::decision_made(
        conn,
        ctx,
        &record.comment,
        &record.body_markdown,
        &place,
        decision,
        now,
    )?;
    if let (Decision::Publish, Some(parent)) = (decision, record.comment.parent_id) {
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

/// What an emailed publish or reject link stands for, once checked.
pub struct EmailedDecision {
    pub moderator: Moderator,
    pub record: CommentRecord,
    pub questions: Vec<GuidingQuestion>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum EmailLinkProblem {
    Invalid,
    Expired,
}

/// Checks a link from a chair's email: signed for this action, not expired,
/// and its chair still chairs the comment's roundtable (or is staff).
pub fn emailed_decision(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    action: &str,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Result<EmailedDecision, EmailLinkProblem>, ServiceError> {
    use crate::domain::signed_link::LinkError;
    if action != "publish" && action != "reject" {
        return Ok(Err(EmailLinkProblem::Invalid));
    }
    let claim = match ctx.signer.verify(action, token, now) {
        Ok(claim) => claim,
        Err(LinkError::Expired) => return Ok(Err(EmailLinkProblem::Expired)),
        Err(LinkError::Invalid) => return Ok(Err(EmailLinkProblem::Invalid)),
    };
    let [comment_id, chair] = claim.subjects.as_slice() else {
        return Ok(Err(EmailLinkProblem::Invalid));
    };
    let Some(role) = users::active_role(conn, chair)? else {
        return Ok(Err(EmailLinkProblem::Invalid));
    };
    let Ok(chair_id) = chair.parse::<UserId>() else {
        return Ok(Err(EmailLinkProblem::Invalid));
    };
    let moderator = Moderator {
        id: chair_id,
        staff: role != Role::Participant.code(),
    };
    let Some(reference) = comments::reference_of(conn, comment_id)? else {
        return Ok(Err(EmailLinkProblem::Invalid));
    };
    match queue_item(conn, moderator, &reference) {
        Ok((record, questions, _)) => Ok(Ok(EmailedDecision {
            moderator,
            record,
            questions,
        })),
        Err(ServiceError::NotFound(_) | ServiceError::Forbidden(_)) => {
            Ok(Err(EmailLinkProblem::Invalid))
        }
        Err(other) => Err(other),
    }
}

/// A roundtable's audit trail, for staff.
pub fn audit_trail(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    consultation: &str,
    roundtable: &str,
) -> Result<(pages::RoundtableDetail, Vec<AuditEntry>), ServiceError> {
    if user.role == Role::Participant {
        return Err(ServiceError::Forbidden("only staff read the audit trail"));
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
    if staff.role == Role::Participant {
        return Err(ServiceError::Forbidden(
            "only staff mark participants as trusted",
        ));
    }
    conn.transaction(|conn| {
        if users::set_trusted(conn, user, trusted)? == 0 {
            return Err(ServiceError::NotFound("account"));
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
