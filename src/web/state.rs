use super::error::WebError;
use crate::db::{AnyConnection, Pool, StorageError};
use crate::domain::signed_link::LinkSigner;
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use crate::templates::Templates;
use actix_web::web;
use std::time::Instant;
use url::Url;

/// What every handler may use. Holds no state that two instances would need
/// to share: the database is the only shared memory (the caches are checked
/// against it on every use).
pub struct AppState {
    pub pool: Pool,
    pub templates: Templates,
    pub base_url: Url,
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub signer: LinkSigner,
    pub metrics: super::metrics::Metrics,
    /// Digest exports running at once on this instance.
    pub exports: std::sync::Arc<tokio::sync::Semaphore>,
    /// The longest a page waits for its database work.
    pub database_deadline: std::time::Duration,
    /// Visitors' answers, served again while the content version holds.
    pub page_cache: std::sync::Arc<super::answer_store::Store>,
    pub content_clock: std::sync::Arc<crate::services::freshness::ContentClock>,
    /// Roundtables as posts read them, while the setup version holds.
    pub setup_cache: std::sync::Arc<crate::services::roundtables::SetupCache>,
}

impl AppState {
    /// Runs blocking database work on actix's blocking pool, never on the
    /// async workers, and answers 503 when it takes longer than the database
    /// deadline: a silent network must not hang the page. The blocked thread
    /// goes on until the network answers or TCP gives up.
    pub async fn db<T, F>(&self, work: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, ServiceError> + Send + 'static,
    {
        let pool = self.pool.clone();
        let deadline = Instant::now() + self.database_deadline;
        let task = web::block(move || {
            let mut conn = pool.get().map_err(StorageError::from)?;
            // The visitor was told it failed: do not do it behind their back.
            if Instant::now() >= deadline {
                return Ok(None);
            }
            crate::db::with_deadline(deadline, || work(&mut conn)).map(Some)
        });
        match tokio::time::timeout_at(deadline.into(), task).await {
            Ok(Ok(Ok(Some(value)))) => Ok(value),
            Ok(Ok(Ok(None))) | Err(_) => Err(self.database_too_slow()),
            // Rolled back at the deadline: the same answer as a timeout.
            Ok(Ok(Err(_))) if Instant::now() >= deadline => Err(self.database_too_slow()),
            Ok(Ok(Err(error))) => Err(WebError::from(error)),
            Ok(Err(e)) => Err(WebError::Internal(format!("blocking task failed: {e}"))),
        }
    }

    pub fn database_too_slow(&self) -> WebError {
        WebError::Unavailable(format!(
            "the database did not answer within {} s",
            self.database_deadline.as_secs()
        ))
    }

    /// For emails to other people (each in their own language).
    pub fn email_context(&self) -> EmailContext<'_> {
        self.email_context_in(crate::i18n::Language::En)
    }

    /// For emails to the person making the request, in their language.
    pub fn email_context_in(&self, language: crate::i18n::Language) -> EmailContext<'_> {
        EmailContext {
            templates: &self.templates,
            base_url: &self.base_url,
            signer: &self.signer,
            language,
        }
    }
}
