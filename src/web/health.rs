use super::AppState;
use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;

/// 200 only when the database answers, so a load balancer stops sending
/// traffic to an instance that lost it.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let database = state
        .db(|conn| {
            conn.batch_execute("SELECT 1")
                .map_err(|e| crate::db::StorageError::from(e).into())
        })
        .await;
    match database {
        Ok(()) => HttpResponse::Ok().content_type("text/plain").body("ok\n"),
        Err(error) => {
            tracing::warn!(%error, "health check failed");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body("database unavailable\n")
        }
    }
}
