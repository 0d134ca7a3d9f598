//! Composes emails from their templates; the caller enqueues them in its own
//! transaction.

use super::ServiceError;
use crate::outbox::OutgoingEmail;
use crate::templates::Templates;
use serde::Serialize;
use url::Url;

/// What composing an email needs: the templates and the public address that
/// links are built from.
#[derive(Clone, Copy)]
pub struct EmailContext<'a> {
    pub templates: &'a Templates,
    pub base_url: &'a Url,
}

impl EmailContext<'_> {
    /// An absolute link to `path` (which starts without a slash).
    pub fn link(&self, path: &str) -> String {
        self.base_url
            .join(path)
            .map(String::from)
            .unwrap_or_else(|_| format!("{}{path}", self.base_url))
    }

    pub fn compose(
        &self,
        name: &str,
        recipient: &str,
        view: &impl Serialize,
        dedup_key: Option<String>,
    ) -> Result<OutgoingEmail, ServiceError> {
        let rendered = self
            .templates
            .render_email(name, view)
            .map_err(|e| ServiceError::Template(format!("{name}: {e:?}")))?;
        Ok(OutgoingEmail {
            kind: name.to_owned(),
            recipient: recipient.to_owned(),
            subject: rendered.subject,
            body_text: rendered.body_text,
            body_html: rendered.body_html,
            headers: Vec::new(),
            dedup_key,
        })
    }
}
