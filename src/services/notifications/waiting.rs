//! "A comment waits for you": the email a chair who wants alerts at once
//! gets for each comment to decide, and the item it shares with the
//! summaries.

use super::wording::{excerpt, identity_in, questions_line, Place};
use crate::db::queries::notifications::{self, Recipient};
use crate::db::AnyConnection;
use crate::domain::comment::Comment;
use crate::domain::notification::{AlertFrequency, EmailTopic};
use crate::domain::roundtable::GuidingQuestion;
use crate::outbox;
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

/// Tells each chair who wants it at once that a comment waits for them.
#[allow(clippy::too_many_arguments)]
pub fn comment_waiting(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    comment: &Comment,
    body_markdown: &str,
    place: &Place,
    questions: &[GuidingQuestion],
    in_reply_to: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let chairs = notifications::chairs_of(conn, &comment.roundtable_id.to_string())?;
    for chair in chairs
        .iter()
        .filter(|c| c.alerts == AlertFrequency::Immediate)
    {
        let item = WaitingItem {
            roundtable: place.roundtable_title.clone(),
            questions: questions_line(comment, questions, chair.language),
            in_reply_to: in_reply_to.clone(),
            ..waiting_item(ctx, comment, body_markdown, chair, now)
        };
        #[derive(Serialize)]
        struct View {
            item: WaitingItem,
            consultation: String,
            expires: String,
        }
        let email = ctx.compose_unsubscribable(
            "comment_waiting",
            chair,
            EmailTopic::Moderation,
            View {
                item,
                consultation: place.consultation_title.clone(),
                expires: crate::i18n::text(
                    chair.language,
                    "email-expires-days",
                    &[("count", 7usize.into())],
                ),
            },
            format!("comment-waiting:{}:{}", comment.id, chair.user_id),
            now,
        )?;
        outbox::enqueue(conn, &email, now)?;
    }
    Ok(())
}
