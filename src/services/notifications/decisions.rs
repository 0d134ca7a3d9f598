//! "A chair decided on your comment": what the author hears of publication,
//! rejection and unpublication. Decisions on one author's comments within a
//! minute make one email (see `batches`): a chair deciding in bulk sends
//! one email per author, not one per comment. The decision only records an
//! item; the outbox worker composes the email.

use super::batches;
use super::wording::{excerpt, list_excerpt, Place};
use crate::db::queries::comments::{self, CommentRecord};
use crate::db::queries::email_batches::{BatchItem, NewBatchItem};
use crate::db::queries::notifications::{self, Recipient};
use crate::db::AnyConnection;
use crate::domain::comment::Comment;
use crate::domain::moderation::Decision;
use crate::domain::notification::{EmailBatchKind, EmailTopic};
use crate::i18n::Language;
use crate::outbox::OutgoingEmail;
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Tells the author what a chair decided (published, rejected, unpublished),
/// unless they switched those emails off. Highlights and re-tags are quiet.
/// The email goes a minute later, with the decisions that follow meanwhile.
pub fn decision_made(
    conn: &mut AnyConnection,
    comment: &Comment,
    decision: &Decision,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    if !decision.tells_author() {
        return Ok(());
    }
    let Some(author) = comment.author_id.map(|id| id.to_string()) else {
        return Ok(());
    };
    let Some(recipient) = notifications::contacts(conn, &[author])?.into_iter().next() else {
        return Ok(());
    };
    if notifications::opted_out(conn, &recipient.user_id, EmailTopic::Decisions)? {
        return Ok(());
    }
    let comment_id = comment.id.to_string();
    let item = NewBatchItem {
        comment_id: &comment_id,
        action: decision.action(),
        reason: decision.reason().map(|r| r.code()),
        note: decision.note(),
    };
    batches::add(conn, EmailBatchKind::Decisions, &recipient, &item, now)
}

/// The email of the template named for the decision, as it names it.
fn template_of(action: &str) -> &'static str {
    match action {
        "published" => "comment_published",
        "unpublished" => "comment_unpublished",
        _ => "comment_rejected",
    }
}

fn reason_in(reason: Option<&str>, language: Language) -> Option<String> {
    reason.map(|r| crate::i18n::text(language, &format!("views-reason-{r}"), &[]))
}

/// One decision in the email of its own kind; several in a list.
pub(super) fn decisions_email(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    author: &Recipient,
    items: &[BatchItem],
    total: usize,
    now: DateTime<Utc>,
) -> Result<OutgoingEmail, ServiceError> {
    let references: Vec<String> = items.iter().map(|i| i.comment_reference.clone()).collect();
    let records = comments::find_by_references(conn, &references)?;
    let decided: Vec<(&BatchItem, &CommentRecord)> = items
        .iter()
        .filter_map(|item| {
            let record = records
                .iter()
                .find(|r| r.comment.reference == item.comment_reference)?;
            Some((item, record))
        })
        .collect();
    let batch_key = format!("decisions:{}", author.user_id);
    if let ([(item, record)], 1) = (decided.as_slice(), total) {
        let place = Place::of_record(record);
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
            comment_link: ctx.link(&place.comment_path(&record.comment.reference)),
            roundtable_link: ctx.link(&place.roundtable_path()),
            excerpt: excerpt(&record.body_markdown),
            source: &record.body_markdown,
            reason: reason_in(item.reason.as_deref(), author.language),
            note: item.note.as_deref(),
        };
        return ctx.compose_unsubscribable(
            template_of(&item.action),
            author,
            EmailTopic::Decisions,
            view,
            batch_key,
            now,
        );
    }
    #[derive(Serialize)]
    struct DecisionItem {
        roundtable: String,
        /// "Published", "Not published", "Unpublished", in their language.
        decision: String,
        published: bool,
        reason: Option<String>,
        note: Option<String>,
        excerpt: String,
        /// The whole text of a comment that is not (or no longer) public,
        /// so that the author can reuse it.
        source: Option<String>,
        /// The comment in its thread once published, else its roundtable.
        link: String,
    }
    let list: Vec<DecisionItem> = decided
        .iter()
        .map(|(item, record)| {
            let place = Place::of_record(record);
            let published = item.action == "published";
            DecisionItem {
                roundtable: place.roundtable_title.clone(),
                decision: crate::i18n::text(
                    author.language,
                    &format!("email-decisions-{}", item.action),
                    &[],
                ),
                published,
                reason: reason_in(item.reason.as_deref(), author.language),
                note: item.note.clone(),
                excerpt: list_excerpt(&record.body_markdown),
                source: (!published).then(|| record.body_markdown.clone()),
                link: ctx.link(&if published {
                    place.comment_path(&record.comment.reference)
                } else {
                    place.roundtable_path()
                }),
            }
        })
        .collect();
    #[derive(Serialize)]
    struct View {
        items: Vec<DecisionItem>,
        count: usize,
        more: usize,
    }
    let view = View {
        more: total.saturating_sub(list.len()),
        items: list,
        count: total,
    };
    ctx.compose_unsubscribable(
        "decisions_made",
        author,
        EmailTopic::Decisions,
        view,
        batch_key,
        now,
    )
}
