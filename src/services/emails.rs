//! Composes emails from their templates; the caller enqueues them in its own
//! transaction.

use super::ServiceError;
use crate::domain::signed_link::LinkSigner;
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
    /// Signs the links that act without signing in (moderate, unsubscribe).
    pub signer: &'a LinkSigner,
    /// The language of emails to the person whose request causes them;
    /// emails to others are written in their own language.
    pub language: crate::i18n::Language,
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
            .render_email_in(name, view, self.language)
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

/// The signer of emailed links, with the site's secret from the database
/// (made on first start, then shared by every instance).
pub fn link_signer(conn: &mut crate::db::AnyConnection) -> Result<LinkSigner, super::ServiceError> {
    let fresh = crate::domain::token::SecretToken::generate();
    let secret = crate::db::queries::sessions::site_secret(
        conn,
        "link_signing",
        fresh.expose(),
        chrono::Utc::now(),
    )?;
    Ok(LinkSigner::new(secret.as_bytes()))
}
