//! What participants do with comments: post, reply, preview, edit while
//! pending, withdraw, and report a published comment.

use super::emails::EmailContext;
use super::notifications::{self, wording::Place};
use super::roundtables::{roundtable_detail, RoundtableDetail, SetupCache};
use super::{rate_limits, ServiceError};
use crate::db::queries::comments::{self, CommentRecord};
use crate::db::queries::{late, moderation, users};
use crate::db::AnyConnection;
use crate::domain::comment::{
    choose_questions, CommentBody, CommentStatus, NewComment, QuestionPick, ThreadPosition,
};
use crate::domain::ids::CommentId;
use crate::domain::moderation::{parse_note, ModerationReason, REPORTS_THAT_HIDE};
use crate::domain::rate_limit;
use crate::domain::roundtable::ModerationMode;
use crate::domain::time::PeriodState;
use crate::domain::user::SignedInUser;
use crate::domain::InvalidField;
use crate::text::{render_comment, SafeHtml};
use chrono::{DateTime, Utc};

/// A comment as typed in the form or sent to the API.
#[derive(Debug, Clone, Default)]
pub struct CommentInput {
    pub body: String,
    /// The guiding questions it answers, by id or number; none means "General".
    pub questions: Vec<QuestionPick>,
    /// The short reference of the comment it replies to.
    pub parent: Option<String>,
    /// The language it is written in ("en", "fr", "es"); None: the
    /// consultation's own language.
    pub language: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Posted {
    pub reference: String,
    pub status: CommentStatus,
}

/// Only verified, identified participants take part.
fn require_verified(user: &SignedInUser) -> Result<(), ServiceError> {
    if user.verified {
        Ok(())
    } else {
        Err(ServiceError::Forbidden("forbidden-unconfirmed"))
    }
}

/// The deadline a comment posted now misses (in the grace period), if any.
fn require_open(
    detail: &RoundtableDetail,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, ServiceError> {
    let state = detail
        .roundtable
        .comment_period
        .state(now, detail.consultation.accepts_comments());
    match state {
        PeriodState::Late { deadline, .. } => Ok(Some(deadline)),
        state if state.accepting() => Ok(None),
        state => Err(ServiceError::CommentsClosed {
            state,
            zone: detail.consultation.time_zone,
        }),
    }
}

/// Renders what the author would post, without storing anything.
pub fn preview(body: &str) -> Result<SafeHtml, InvalidField> {
    Ok(render_comment(CommentBody::parse("body", body)?.as_str()))
}

/// Checks the parent a reply answers: a published comment of this roundtable.
fn parent_of(
    conn: &mut AnyConnection,
    detail: &RoundtableDetail,
    reference: &str,
) -> Result<CommentRecord, ServiceError> {
    comments::find_by_reference(conn, reference.trim())?
        .filter(|p| p.comment.roundtable_id == detail.roundtable.id && p.comment.is_public())
        .ok_or_else(|| ServiceError::Invalid(InvalidField::new("parent", "invalid-reply-parent")))
}

/// A comment's language: one the consultation accepts (the author picks
/// it; the form offers the interface language first), else its own.
fn comment_language(
    detail: &RoundtableDetail,
    typed: Option<&str>,
) -> Result<String, InvalidField> {
    let c = &detail.consultation;
    match typed.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(c.content_language.clone()),
        Some(code) if c.languages.iter().any(|l| l == code) || code == c.content_language => {
            Ok(code.to_owned())
        }
        Some(_) => Err(InvalidField::new("language", "invalid-comment-language")
            .with("languages", c.languages.join(", "))),
    }
}

/// Posts a comment or a reply. Pending under pre-moderation (the chairs are
/// told), published at once under post-moderation or for a trusted participant.
/// The roundtable comes from `setup` (checked against the setup version),
/// not from six queries per post.
pub fn post_comment(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    setup: &SetupCache,
    user: &SignedInUser,
    (consultation, roundtable): (&str, &str),
    input: &CommentInput,
    now: DateTime<Utc>,
) -> Result<Posted, ServiceError> {
    require_verified(user)?;
    let detail = setup.roundtable_detail(conn, consultation, roundtable)?;
    let missed_deadline = require_open(&detail, now)?;
    let body = CommentBody::parse("body", &input.body);
    let questions = choose_questions("questions", &input.questions, &detail.questions);
    let language = comment_language(&detail, input.language.as_deref());
    let (body, questions, language) = match (body, questions, language) {
        (Ok(body), Ok(questions), Ok(language)) => (body, questions, language),
        (body, questions, language) => {
            return Err(ServiceError::InvalidFields(
                [body.err(), questions.err(), language.err()]
                    .into_iter()
                    .flatten()
                    .collect(),
            ))
        }
    };
    let parent = input
        .parent
        .as_deref()
        .filter(|p| !p.trim().is_empty())
        .map(|reference| parent_of(conn, &detail, reference))
        .transpose()?;
    let author_id = user.id.to_string();
    let trusted = users::is_trusted(conn, &author_id)?;
    let status = if trusted || detail.roundtable.moderation_mode == ModerationMode::Post {
        CommentStatus::Approved
    } else {
        CommentStatus::Pending
    };
    let id = CommentId::generate();
    let new = NewComment {
        id,
        roundtable_id: detail.roundtable.id,
        parent_id: parent.as_ref().map(|p| p.comment.id),
        position: match &parent {
            Some(p) => ThreadPosition::reply(&p.position, id)?,
            None => ThreadPosition::top_level(id),
        },
        author_id: Some(user.id),
        author: user.affiliation.clone(),
        body_html: render_comment(body.as_str()),
        body_markdown: body.as_str().to_owned(),
        language: Some(language),
        status,
        highlighted: false,
        created_at: now,
        // A reply answers what its parent answers.
        question_ids: match &parent {
            Some(p) => p.comment.question_ids.clone(),
            None => questions,
        },
    };
    let place = Place::of(&detail);
    let chairs = match status {
        CommentStatus::Pending => notifications::chairs_to_alert(conn, detail.roundtable.id)?,
        _ => Vec::new(),
    };
    let parent_author = parent
        .as_ref()
        .and_then(|p| p.comment.author_id)
        .map(|id| id.to_string());
    crate::db::write_transaction(conn, |conn| {
        rate_limits::hit(
            conn,
            &format!("comment:account:{author_id}"),
            rate_limit::COMMENTS_PER_ACCOUNT,
            now,
        )?;
        let reference = comments::insert(conn, &new)?;
        if let Some(deadline) = missed_deadline {
            late::mark(conn, &id.to_string(), deadline)?;
        }
        crate::services::following::follow_by_default(conn, user.id, detail.roundtable.id, now)?;
        match status {
            CommentStatus::Pending => notifications::comment_waiting(conn, &chairs, id, now)?,
            _ => notifications::reply_published(
                conn,
                ctx,
                &new.stored_as(reference.clone()),
                &new.body_markdown,
                parent_author.as_deref(),
                &place,
                now,
            )?,
        }
        Ok(Posted { reference, status })
    })
}

/// The author's own comment, found by reference; anyone else's is "not found".
pub fn own_comment(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    reference: &str,
) -> Result<CommentRecord, ServiceError> {
    comments::find_by_reference(conn, reference)?
        .filter(|r| r.comment.author_id == Some(user.id))
        .ok_or(ServiceError::NotFound("missing-own-comment"))
}

/// A comment everyone may read (for the report form), found by reference.
pub fn published(conn: &mut AnyConnection, reference: &str) -> Result<CommentRecord, ServiceError> {
    comments::find_by_reference(conn, reference)?
        .filter(|r| r.comment.is_public())
        .ok_or(ServiceError::NotFound("missing-published-comment"))
}

/// The roundtable and the published comment of it that a reply answers,
/// for the reply form.
pub fn reply_target(
    conn: &mut AnyConnection,
    consultation: &str,
    roundtable: &str,
    parent: &str,
) -> Result<(RoundtableDetail, CommentRecord), ServiceError> {
    let detail = roundtable_detail(conn, consultation, roundtable)?;
    let parent = published(conn, parent)?;
    if parent.comment.roundtable_id != detail.roundtable.id {
        return Err(ServiceError::NotFound("missing-published-comment"));
    }
    Ok((detail, parent))
}

/// The author's pending comment with its source, for the edit form.
pub fn editable(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    reference: &str,
) -> Result<CommentRecord, ServiceError> {
    let record = own_comment(conn, user, reference)?;
    if record.comment.status != CommentStatus::Pending {
        return Err(ServiceError::Conflict("conflict-comment-decided".into()));
    }
    Ok(record)
}

/// Replaces the text of the author's comment while it waits for a chair.
pub fn edit_comment(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    reference: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<CommentRecord, ServiceError> {
    let record = editable(conn, user, reference)?;
    let body = CommentBody::parse("body", body)?;
    let html = render_comment(body.as_str());
    crate::db::write_transaction(conn, |conn| {
        if !moderation::edit_pending(conn, record.comment.id, body.as_str(), &html, now)? {
            return Err(ServiceError::Conflict(
                "conflict-comment-decided-meanwhile".into(),
            ));
        }
        moderation::record_event(
            conn,
            &moderation::EventRecord {
                comment: record.comment.id,
                actor: Some(&user.id.to_string()),
                action: "edited",
                from: None,
                to: None,
                reason: None,
                note: None,
                at: now,
            },
        )?;
        Ok(record)
    })
}

/// Withdraws the author's comment, whatever its status. Its replies keep
/// their place under a "withdrawn by its author" placeholder.
pub fn withdraw_comment(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<CommentRecord, ServiceError> {
    let record = own_comment(conn, user, reference)?;
    let from = record.comment.status;
    if from == CommentStatus::Withdrawn {
        return Ok(record);
    }
    let actor = user.id.to_string();
    crate::db::write_transaction(conn, |conn| {
        let changed = moderation::withdraw(conn, record.comment.id, from)?;
        if changed {
            moderation::record_event(
                conn,
                &moderation::EventRecord {
                    comment: record.comment.id,
                    actor: Some(&actor),
                    action: "withdrawn",
                    from: Some(from),
                    to: Some(CommentStatus::Withdrawn),
                    reason: None,
                    note: None,
                    at: now,
                },
            )?;
        }
        Ok(record)
    })
}

/// A reader reports a published comment. The third report from different
/// readers hides it until a chair decides.
pub fn report_comment(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    reference: &str,
    reason: &str,
    note: &str,
    now: DateTime<Utc>,
) -> Result<CommentRecord, ServiceError> {
    require_verified(user)?;
    // A comment hidden by reports is still "published" for this purpose, so
    // that a reader who reports it again hears they already did.
    let record = comments::find_by_reference(conn, reference)?
        .filter(|r| r.comment.status == CommentStatus::Approved)
        .ok_or(ServiceError::NotFound("missing-published-comment"))?;
    if record.comment.author_id == Some(user.id) {
        return Err(ServiceError::Conflict("conflict-report-own".into()));
    }
    let reason = ModerationReason::parse("reason", reason);
    let note = parse_note("note", note);
    let (reason, note) = match (reason, note) {
        (Ok(reason), Ok(note)) => (reason, note),
        (reason, note) => {
            return Err(ServiceError::InvalidFields(
                [reason.err(), note.err()].into_iter().flatten().collect(),
            ))
        }
    };
    crate::db::write_transaction(conn, |conn| {
        rate_limits::hit(
            conn,
            &format!("report:account:{}", user.id),
            rate_limit::REPORTS_PER_ACCOUNT,
            now,
        )?;
        moderation::lock_comment(conn, record.comment.id)?;
        if !moderation::insert_report(
            conn,
            record.comment.id,
            user.id,
            reason.code(),
            note.as_deref(),
            now,
        )? {
            return Err(ServiceError::Conflict("conflict-report-twice".into()));
        }
        let open = moderation::open_reports(conn, &[record.comment.id.to_string()])?;
        if open.len() >= REPORTS_THAT_HIDE {
            moderation::set_hidden_by_reports(conn, record.comment.id, true)?;
        }
        moderation::record_event(
            conn,
            &moderation::EventRecord {
                comment: record.comment.id,
                actor: Some(&user.id.to_string()),
                action: "reported",
                from: None,
                to: None,
                reason: Some(reason.code()),
                note: note.as_deref(),
                at: now,
            },
        )?;
        Ok(record)
    })
}
