//! "A comment waits for you": the email a chair who wants alerts at once
//! gets for the first comment to decide, then for everything that arrived
//! in the quarter of an hour since, and the item it shares with the
//! summaries.

use super::batches;
use super::wording::{excerpt, identity_in, list_excerpt, questions_line};
use crate::db::queries::email_batches::{BatchItem, NewBatchItem};
use crate::db::queries::notifications::{self, Recipient};
use crate::db::queries::{comments, roundtables};
use crate::db::AnyConnection;
use crate::domain::comment::Comment;
use crate::domain::ids::{CommentId, RoundtableId};
use crate::domain::notification::{AlertFrequency, EmailBatchKind, EmailTopic};
use crate::outbox::OutgoingEmail;
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct WaitingItem {
    pub(super) reference: String,
    pub(super) roundtable: String,
    pub(super) author: String,
    pub(super) questions: String,
    pub(super) excerpt: String,
    pub(super) in_reply_to: Option<String>,
    pub(super) queue_link: String,
    pub(super) publish_link: String,
    pub(super) reject_link: String,
}

/// A waiting comment with its links for this chair; the caller names its
/// roundtable, questions and parent where the email shows them.
pub(super) fn waiting_item(
    ctx: EmailContext<'_>,
    comment: &Comment,
    body_markdown: &str,
    chair: &Recipient,
    now: DateTime<Utc>,
) -> WaitingItem {
    let id = comment.id.to_string();
    WaitingItem {
        reference: comment.reference.clone(),
        roundtable: String::new(),
        author: identity_in(&comment.author, chair.language),
        questions: String::new(),
        excerpt: excerpt(body_markdown),
        in_reply_to: None,
        queue_link: ctx.link(&format!("moderation/{}", comment.reference)),
        publish_link: ctx.moderation_link("publish", &id, &chair.user_id, now),
        reject_link: ctx.moderation_link("reject", &id, &chair.user_id, now),
    }
}

/// The chairs of a roundtable who want to hear of a waiting comment at
/// once, in the order `comment_waiting` takes them. Read before the
/// posting transaction: it does not change what the transaction writes.
pub fn chairs_to_alert(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<Vec<Recipient>, ServiceError> {
    let mut chairs = notifications::chairs_of(conn, &roundtable.to_string())?;
    chairs.retain(|c| c.alerts == AlertFrequency::Immediate);
    // Always in the same order: two comments for the same chairs then hold
    // their batches one after the other, never each waiting for the other.
    chairs.sort_by(|a, b| a.user_id.cmp(&b.user_id));
    Ok(chairs)
}

/// Tells each of `chairs` (see `chairs_to_alert`) that a comment waits for
/// them: the first at once, then at most one email per quarter of an hour
/// with everything that arrived meanwhile (see `batches`).
pub fn comment_waiting(
    conn: &mut AnyConnection,
    chairs: &[Recipient],
    comment: CommentId,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let comment_id = comment.to_string();
    for chair in chairs {
        let item = NewBatchItem {
            comment_id: &comment_id,
            action: "waiting",
            reason: None,
            note: None,
        };
        batches::add(conn, EmailBatchKind::Waiting, chair, &item, now)?;
    }
    Ok(())
}

/// One waiting comment in its own email; several in a list.
pub(super) fn waiting_email(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    chair: &Recipient,
    items: &[BatchItem],
    total: usize,
    now: DateTime<Utc>,
) -> Result<OutgoingEmail, ServiceError> {
    let references: Vec<String> = items.iter().map(|i| i.comment_reference.clone()).collect();
    let records = comments::find_by_references(conn, &references)?;
    let roundtables: Vec<_> = records.iter().map(|r| r.comment.roundtable_id).collect();
    let questions = roundtables::guiding_questions_of(conn, &roundtables)?;
    let parent_ids: Vec<String> = records
        .iter()
        .filter_map(|r| r.comment.parent_id.map(|p| p.to_string()))
        .collect();
    let parents = comments::parents(conn, &parent_ids)?;
    let listed = total > 1;
    let mut consultation = String::new();
    let mut waiting: Vec<WaitingItem> = references
        .iter()
        .filter_map(|reference| records.iter().find(|r| &r.comment.reference == reference))
        .map(|record| {
            let comment = &record.comment;
            consultation.clone_from(&record.consultation_title);
            let item = waiting_item(ctx, comment, &record.body_markdown, chair, now);
            WaitingItem {
                roundtable: record.roundtable_title.clone(),
                questions: questions_line(
                    comment,
                    questions
                        .get(&comment.roundtable_id)
                        .map_or(&[], Vec::as_slice),
                    chair.language,
                ),
                in_reply_to: comment
                    .parent_id
                    .and_then(|p| parents.get(&p.to_string()))
                    .map(|(_, name, _)| name.clone()),
                excerpt: if listed {
                    list_excerpt(&record.body_markdown)
                } else {
                    item.excerpt
                },
                ..item
            }
        })
        .collect();
    let expires = crate::i18n::text(
        chair.language,
        "email-expires-days",
        &[("count", 7usize.into())],
    );
    let batch_key = format!("waiting:{}", chair.user_id);
    if !listed && waiting.len() == 1 {
        #[derive(Serialize)]
        struct View {
            item: WaitingItem,
            consultation: String,
            expires: String,
        }
        let view = View {
            item: waiting.remove(0),
            consultation,
            expires,
        };
        return ctx.compose_unsubscribable(
            "comment_waiting",
            chair,
            EmailTopic::Moderation,
            view,
            batch_key,
            now,
        );
    }
    #[derive(Serialize)]
    struct View {
        items: Vec<WaitingItem>,
        count: usize,
        more: usize,
        queue_link: String,
        expires: String,
    }
    let view = View {
        more: total.saturating_sub(waiting.len()),
        items: waiting,
        count: total,
        queue_link: ctx.link("moderation"),
        expires,
    };
    ctx.compose_unsubscribable(
        "comments_waiting",
        chair,
        EmailTopic::Moderation,
        view,
        batch_key,
        now,
    )
}
