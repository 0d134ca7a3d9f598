//! Emails about comments, all through the outbox and so committed with the
//! change that caused them: chairs hear of what waits (at once or in a
//! summary), authors hear of decisions, and authors of a comment hear of a
//! reply once it is published, never before. Every email carries a signed
//! unsubscribe link for its topic and the RFC 8058 one-click headers.

mod citations;
mod summaries;

pub use citations::comments_cited;
pub use summaries::send_due_summaries;

use crate::db::queries::notifications;
use crate::db::queries::notifications::Recipient;
use crate::db::AnyConnection;
use crate::domain::comment::Comment;
use crate::domain::moderation::Decision;
use crate::domain::notification::{AlertFrequency, EmailTopic};
use crate::domain::roundtable::GuidingQuestion;
use crate::i18n::Language;
use crate::outbox::{self, OutgoingEmail};
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// How long the publish and reject links in a chair's email work.
pub const MODERATION_LINK_LIFETIME: Duration = Duration::days(7);
/// Unsubscribe links must keep working in old emails.
const UNSUBSCRIBE_LINK_LIFETIME: Duration = Duration::days(730);
/// Items listed in one summary email; the rest are counted.
const SUMMARY_ITEMS: usize = 30;
const EXCERPT_CHARS: usize = 400;

/// Where a comment lives, as emails name it.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub consultation_slug: String,
    pub consultation_title: String,
    pub roundtable_slug: String,
    pub roundtable_title: String,
}

impl Place {
    fn comment_path(&self, reference: &str) -> String {
        format!(
            "c/{}/{}#{reference}",
            self.consultation_slug, self.roundtable_slug
        )
    }
}

/// The first characters of a comment's source, for emails (plain text).
pub fn excerpt(source: &str) -> String {
    let flat = source.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

/// "General", "Question 2" or "Questions 1, 3", in `language`.
pub fn questions_line(
    comment: &Comment,
    questions: &[GuidingQuestion],
    language: Language,
) -> String {
    numbers_line(&question_numbers(comment, questions), language)
}

/// The numbers of the questions a comment answers, in order.
pub fn question_numbers(comment: &Comment, questions: &[GuidingQuestion]) -> Vec<usize> {
    let mut numbers: Vec<usize> = questions
        .iter()
        .filter(|q| comment.question_ids.contains(&q.id))
        .map(|q| q.number)
        .collect();
    numbers.sort_unstable();
    numbers
}

/// "General", "Question 2" or "Questions 1, 3" for question numbers.
pub fn numbers_line(numbers: &[usize], language: Language) -> String {
    let list = numbers
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    crate::i18n::text(
        language,
        "email-questions-line",
        &[("count", numbers.len().into()), ("numbers", list.into())],
    )
}

impl EmailContext<'_> {
    pub fn unsubscribe_link(&self, user: &str, topic: EmailTopic, now: DateTime<Utc>) -> String {
        let token = self.signer.sign(
            "unsubscribe",
            &[user, topic.code()],
            now + UNSUBSCRIBE_LINK_LIFETIME,
        );
        self.link(&format!("unsubscribe?token={token}"))
    }

    /// A link that opens the confirmation page of `action` ("publish" or
    /// "reject") for this chair and comment.
    pub fn moderation_link(
        &self,
        action: &str,
        comment: &str,
        chair: &str,
        now: DateTime<Utc>,
    ) -> String {
        let token = self
            .signer
            .sign(action, &[comment, chair], now + MODERATION_LINK_LIFETIME);
        self.link(&format!("moderation/email/{action}?token={token}"))
    }

    /// Composes an email that can be switched off, with its unsubscribe
    /// link in the body and in the RFC 8058 headers.
    fn compose_unsubscribable<V: Serialize>(
        &self,
        name: &str,
        to: &Recipient,
        topic: EmailTopic,
        view: V,
        dedup_key: String,
        now: DateTime<Utc>,
    ) -> Result<OutgoingEmail, ServiceError> {
        #[derive(Serialize)]
        struct WithUnsubscribe<V> {
            #[serde(flatten)]
            view: V,
            name: String,
            unsubscribe_link: String,
            topic: String,
        }
        let unsubscribe_link = self.unsubscribe_link(&to.user_id, topic, now);
        let in_their_language = EmailContext {
            language: to.language,
            ..*self
        };
        let mut email = in_their_language.compose(
            name,
            &to.email,
            &WithUnsubscribe {
                view,
                name: to.name.clone(),
                unsubscribe_link: unsubscribe_link.clone(),
                topic: crate::i18n::text(
                    to.language,
                    &format!("views-topic-{}", topic.code()),
                    &[],
                ),
            },
            Some(dedup_key),
        )?;
        email.headers = vec![
            ("List-Unsubscribe".into(), format!("<{unsubscribe_link}>")),
            (
                "List-Unsubscribe-Post".into(),
                "List-Unsubscribe=One-Click".into(),
            ),
        ];
        Ok(email)
    }
}

#[derive(Serialize)]
struct WaitingItem {
    reference: String,
    roundtable: String,
    author: String,
    questions: String,
    excerpt: String,
    in_reply_to: Option<String>,
    queue_link: String,
    publish_link: String,
    reject_link: String,
}

/// A waiting comment with its links for this chair; the caller names its
/// roundtable, questions and parent where the email shows them.
fn waiting_item(
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

/// Tells the author what a chair decided (published, rejected, unpublished),
/// unless they switched those emails off. Highlights and re-tags are quiet.
pub fn decision_made(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    comment: &Comment,
    body_markdown: &str,
    place: &Place,
    decision: &Decision,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let template = match decision {
        Decision::Publish => "comment_published",
        Decision::Reject { .. } => "comment_rejected",
        Decision::Unpublish { .. } => "comment_unpublished",
        _ => return Ok(()),
    };
    let Some(author) = comment.author_id.map(|id| id.to_string()) else {
        return Ok(());
    };
    let Some(recipient) = notifications::contacts(conn, &[author])?.into_iter().next() else {
        return Ok(());
    };
    if notifications::opted_out(conn, &recipient.user_id, EmailTopic::Decisions)? {
        return Ok(());
    }
    #[derive(Serialize)]
    struct View<'a> {
        roundtable: &'a str,
        consultation: &'a str,
        comment_link: String,
        roundtable_link: String,
        excerpt: String,
        source: &'a str,
        reason: Option<String>,
        note: Option<&'a str>,
    }
    let view = View {
        roundtable: &place.roundtable_title,
        consultation: &place.consultation_title,
        comment_link: ctx.link(&place.comment_path(&comment.reference)),
        roundtable_link: ctx.link(&format!(
            "c/{}/{}",
            place.consultation_slug, place.roundtable_slug
        )),
        excerpt: excerpt(body_markdown),
        source: body_markdown,
        reason: decision.reason().map(|r| {
            crate::i18n::text(
                recipient.language,
                &format!("views-reason-{}", r.code()),
                &[],
            )
        }),
        note: decision.note(),
    };
    let email = ctx.compose_unsubscribable(
        template,
        &recipient,
        EmailTopic::Decisions,
        view,
        format!("{template}:{}:{}", comment.id, now.timestamp_micros()),
        now,
    )?;
    outbox::enqueue(conn, &email, now)?;
    Ok(())
}

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

/// What an unsubscribe link switched off, for the page that confirms it.
pub fn unsubscribe(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<EmailTopic>, ServiceError> {
    let Ok(claim) = ctx.signer.verify("unsubscribe", token, now) else {
        return Ok(None);
    };
    let [user, topic] = claim.subjects.as_slice() else {
        return Ok(None);
    };
    let (Ok(user), Some(topic)) = (user.parse(), EmailTopic::from_code(topic)) else {
        return Ok(None);
    };
    set_preference(conn, user, topic, false, now)?;
    Ok(Some(topic))
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

/// "Name, Organisation (Country)" with the country in the reader's language.
fn identity_in(author: &crate::domain::affiliation::Affiliation, language: Language) -> String {
    author.identity_with(|c| crate::i18n::labels::country(c, language))
}

#[cfg(test)]
mod tests {

    #[test]
    fn question_lines_read_in_each_language() {
        use crate::i18n::Language::{En, Fr};
        assert_eq!(numbers_line(&[], En), "General");
        assert_eq!(numbers_line(&[2], En), "Question 2");
        assert_eq!(numbers_line(&[1, 3], En), "Questions 1, 3");
        assert_ne!(numbers_line(&[], Fr), "General");
        assert_ne!(
            numbers_line(&[2], Fr),
            numbers_line(&[1, 3], Fr).replace("1, 3", "2")
        );
        assert!(numbers_line(&[1, 3], Fr).ends_with("1, 3"));
    }

    use super::*;

    #[test]
    fn excerpts_are_flat_and_short() {
        assert_eq!(excerpt("Hello\n\n  world"), "Hello world");
        let long = "word ".repeat(200);
        let cut = excerpt(&long);
        assert!(cut.ends_with('…'));
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
    }
}
