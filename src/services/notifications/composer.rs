//! The batched emails (a chair's waiting comments, an author's decisions),
//! composed by the outbox worker when it takes a batch, from the items the
//! batch holds by then, in the recipient's language of that moment.

use super::batches::LISTED_ITEMS;
use super::decisions::decisions_email;
use super::waiting::waiting_email;
use crate::db::queries::email_batches::{self, BatchToCompose};
use crate::db::queries::notifications;
use crate::db::AnyConnection;
use crate::domain::notification::EmailBatchKind;
use crate::domain::signed_link::LinkSigner;
use crate::outbox::{Composer, OutgoingEmail};
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use crate::templates::Templates;
use chrono::{DateTime, Utc};
use url::Url;

/// What composing a batch's email needs, owned so that the outbox worker
/// can keep it: the templates, the public address links start from, and
/// the signer of the links that act without signing in.
pub struct BatchComposer {
    templates: Templates,
    base_url: Url,
    signer: LinkSigner,
}

impl BatchComposer {
    pub fn new(templates: Templates, base_url: Url, signer: LinkSigner) -> Self {
        Self {
            templates,
            base_url,
            signer,
        }
    }

    fn compose_batch(
        &self,
        conn: &mut AnyConnection,
        batch: &BatchToCompose,
        now: DateTime<Utc>,
    ) -> Result<Option<OutgoingEmail>, ServiceError> {
        let Some(recipient) = notifications::contacts(conn, std::slice::from_ref(&batch.user_id))?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        let (items, total) = email_batches::items(conn, &batch.id, LISTED_ITEMS as i64)?;
        if items.is_empty() {
            return Ok(None);
        }
        let total = usize::try_from(total).unwrap_or(items.len());
        let ctx = EmailContext {
            templates: &self.templates,
            base_url: &self.base_url,
            signer: &self.signer,
            language: recipient.language,
        };
        let email = match batch.kind {
            EmailBatchKind::Waiting => waiting_email(conn, ctx, &recipient, &items, total, now),
            EmailBatchKind::Decisions => decisions_email(conn, ctx, &recipient, &items, total, now),
        }?;
        Ok(Some(email))
    }
}

impl Composer for BatchComposer {
    fn compose(
        &self,
        conn: &mut AnyConnection,
        batch: &BatchToCompose,
        now: DateTime<Utc>,
    ) -> Result<Option<OutgoingEmail>, String> {
        self.compose_batch(conn, batch, now).map_err(|error| {
            format!(
                "the {} email batch cannot be composed: {error}",
                batch.kind.code()
            )
        })
    }
}
