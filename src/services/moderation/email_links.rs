//! Decisions from a chair's inbox: signed publish and reject links.

use super::confirmations::{described, Decided};
use super::decisions::{decide, DecisionRequest, Target};
use super::waiting::queue_item;
use crate::db::queries::comments::{self, CommentRecord};
use crate::db::queries::users;
use crate::db::AnyConnection;
use crate::domain::ids::UserId;
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::user::Actor;
use crate::domain::user::Role;
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};

/// What an emailed publish or reject link stands for, once checked.
pub struct EmailedDecision {
    pub moderator: Actor,
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
    let moderator = Actor {
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

/// Decides from the confirmation page of an emailed link: the link is
/// checked again (it may have expired since the page was shown), then the
/// decision applies to the revision the page showed.
pub fn decide_by_email(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    token: &str,
    revision: Option<i32>,
    request: &DecisionRequest,
    now: DateTime<Utc>,
) -> Result<Result<Decided, EmailLinkProblem>, ServiceError> {
    let decision = match emailed_decision(conn, ctx, &request.action, token, now)? {
        Ok(decision) => decision,
        Err(problem) => return Ok(Err(problem)),
    };
    let target = Target {
        reference: decision.record.comment.reference.clone(),
        revision,
    };
    let results = decide(conn, ctx, decision.moderator, &[target], request, now)?;
    described(conn, results).map(Ok)
}
