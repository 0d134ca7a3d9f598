//! "Your comment was cited": when an outcome is published (or saved while
//! published), each author it cites hears of it once for the comments it
//! cites then; citing another of their comments later is news again.

use super::wording::{excerpt, Place};
use crate::db::queries::notifications;
use crate::db::queries::outcomes::{self, CitedComment};
use crate::db::AnyConnection;
use crate::domain::notification::EmailTopic;
use crate::outbox;
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct CitedItem {
    reference: String,
    excerpt: String,
    link: String,
}

pub fn comments_cited(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    outcome: &str,
    place: &Place,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let mut by_author: BTreeMap<String, Vec<CitedComment>> = BTreeMap::new();
    for cited in outcomes::cited_comments(conn, outcome)? {
        if let Some(author) = cited.author_id.clone() {
            by_author.entry(author).or_default().push(cited);
        }
    }
    if by_author.is_empty() {
        return Ok(());
    }
    let authors: Vec<String> = by_author.keys().cloned().collect();
    for recipient in notifications::contacts(conn, &authors)? {
        if notifications::opted_out(conn, &recipient.user_id, EmailTopic::Citations)? {
            continue;
        }
        let Some(cited) = by_author.get(&recipient.user_id) else {
            continue;
        };
        let references: Vec<&str> = cited.iter().map(|c| c.reference.as_str()).collect();
        #[derive(Serialize)]
        struct View<'a> {
            roundtable: &'a str,
            consultation: &'a str,
            outcome_link: String,
            comments: Vec<CitedItem>,
        }
        let email = ctx.compose_unsubscribable(
            "comment_cited",
            &recipient,
            EmailTopic::Citations,
            View {
                roundtable: &place.roundtable_title,
                consultation: &place.consultation_title,
                outcome_link: ctx.link(&format!(
                    "c/{}/{}#outcome",
                    place.consultation_slug, place.roundtable_slug
                )),
                comments: cited
                    .iter()
                    .map(|c| CitedItem {
                        reference: c.reference.clone(),
                        excerpt: excerpt(&c.body_markdown),
                        link: ctx.link(&place.comment_path(&c.reference)),
                    })
                    .collect(),
            },
            format!(
                "comment-cited:{outcome}:{}:{}",
                recipient.user_id,
                references.join(",")
            ),
            now,
        )?;
        outbox::enqueue(conn, &email, now)?;
    }
    Ok(())
}
