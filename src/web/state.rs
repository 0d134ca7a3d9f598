use super::templates::Templates;
use super::WebError;
use crate::db::{AnyConnection, Pool, StorageError};
use crate::services::ServiceError;
use actix_web::{web, HttpResponse};
use serde::Serialize;
use url::Url;

/// What every handler may use. Holds no state that two instances would need
/// to share: the database is the only shared memory.
pub struct AppState {
    pub pool: Pool,
    pub templates: Templates,
    pub base_url: Url,
}

impl AppState {
    /// Runs blocking database work on actix's blocking pool, never on the
    /// async workers.
    pub async fn db<T, F>(&self, work: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, ServiceError> + Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get().map_err(StorageError::from)?;
            work(&mut conn)
        })
        .await
        .map_err(|e| WebError::Internal(format!("blocking task failed: {e}")))?
        .map_err(WebError::from)
    }

    pub fn render(&self, template: &str, view: &impl Serialize) -> Result<HttpResponse, WebError> {
        let html = self.templates.render(template, view)?;
        Ok(HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(html))
    }
}
