//! Emails about comments, all through the outbox and so committed with the
//! change that caused them: chairs hear of what waits (at once, then at most
//! every quarter of an hour, or in a summary), authors hear of decisions
//! (those of a minute in one email), and authors of a comment hear of a
//! reply once it is published, never before. Every email carries a signed
//! unsubscribe link for its topic and the RFC 8058 one-click headers.

mod batches;
mod citations;
pub mod compose;
mod composer;
mod decisions;
mod summaries;
mod waiting;
pub mod wording;

pub use citations::comments_cited;
pub use composer::BatchComposer;
pub use decisions::decision_made;
pub use summaries::send_due_summaries;
pub use waiting::{chairs_to_alert, comment_waiting};

use crate::db::queries::notifications;
use crate::db::AnyConnection;
use crate::domain::comment::Comment;
use crate::domain::notification::{AlertFrequency, EmailTopic};
use crate::outbox;
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use serde::Serialize;
use wording::{excerpt, identity_in, Place};

/// Tells the author of the parent that a reply to their comment is now
/// published. Never called before the reply is public.
pub fn reply_published(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    reply: &Comment,
    body_markdown: &str,
    parent_author: Option<&str>,
    place: &Place,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let Some(parent_author) = parent_author else {
        return Ok(());
    };
    if reply.author_id.map(|id| id.to_string()).as_deref() == Some(parent_author) {
        return Ok(());
    }
    let Some(recipient) = notifications::contacts(conn, &[parent_author.to_owned()])?
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    if notifications::opted_out(conn, &recipient.user_id, EmailTopic::Replies)? {
        return Ok(());
    }
    #[derive(Serialize)]
    struct View<'a> {
        roundtable: &'a str,
        replier: String,
        reply_link: String,
        excerpt: String,
    }
    let email = ctx.compose_unsubscribable(
        "reply_published",
        &recipient,
        EmailTopic::Replies,
        View {
            roundtable: &place.roundtable_title,
            replier: identity_in(&reply.author, recipient.language),
            reply_link: ctx.link(&place.comment_path(&reply.reference)),
            excerpt: excerpt(body_markdown),
        },
        format!("reply-published:{}", reply.id),
        now,
    )?;
    outbox::enqueue(conn, &email, now)?;
    Ok(())
}

/// What an unsubscribe link switched off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsubscribed {
    Topic(EmailTopic),
    /// A follower's email: they no longer follow this roundtable (its title).
    Roundtable(String),
}

/// What an unsubscribe link switched off, for the page that confirms it.
pub fn unsubscribe(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Unsubscribed>, ServiceError> {
    let Ok(claim) = ctx.signer.verify("unsubscribe", token, now) else {
        return Ok(None);
    };
    let [user, topic] = claim.subjects.as_slice() else {
        return Ok(None);
    };
    let Ok(user) = user.parse() else {
        return Ok(None);
    };
    let Some(topic) = EmailTopic::from_code(topic) else {
        let stopped = crate::services::following::stop_by_link(conn, user, topic, now)?;
        return Ok(stopped.map(Unsubscribed::Roundtable));
    };
    set_preference(conn, user, topic, false, now)?;
    Ok(Some(Unsubscribed::Topic(topic)))
}

/// Switches a topic on or off; for chair alerts, "on" means at once.
pub fn set_preference(
    conn: &mut AnyConnection,
    user: crate::domain::ids::UserId,
    topic: EmailTopic,
    on: bool,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    match topic {
        EmailTopic::Moderation => notifications::set_alerts(
            conn,
            user,
            if on {
                AlertFrequency::Immediate
            } else {
                AlertFrequency::Off
            },
        )?,
        other => notifications::set_opt_out(conn, user, other, !on, now)?,
    }
    Ok(())
}
