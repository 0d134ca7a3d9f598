//! The signed links in emails about comments, and the unsubscribe link
//! (in the body and in the RFC 8058 one-click headers) that each carries.

use crate::db::queries::notifications::Recipient;
use crate::domain::notification::EmailTopic;
use crate::outbox::OutgoingEmail;
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// How long the publish and reject links in a chair's email work.
pub const MODERATION_LINK_LIFETIME: Duration = Duration::days(7);
/// Unsubscribe links must keep working in old emails.
const UNSUBSCRIBE_LINK_LIFETIME: Duration = Duration::days(730);

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
    pub(super) fn compose_unsubscribable<V: Serialize>(
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
