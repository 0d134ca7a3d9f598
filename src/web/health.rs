use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;
use std::time::Duration;

/// A load balancer gives up on a check after a few seconds; answering 503
/// before that lets it fail over instead of counting a timeout.
const HEALTH_DEADLINE: Duration = Duration::from_secs(2);

/// 200 only when the database answers within the deadline, so a load
/// balancer stops sending traffic to an instance that lost it.
pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let pool = state.pool.clone();
    // Not the pool's full checkout wait: the check must answer in time.
    let check = web::block(move || -> Result<(), String> {
        let mut conn = pool
            .get_timeout(HEALTH_DEADLINE)
            .map_err(|e| e.to_string())?;
        conn.batch_execute("SELECT 1").map_err(|e| e.to_string())
    });
    let failure = match tokio::time::timeout(HEALTH_DEADLINE, check).await {
        Ok(Ok(Ok(()))) => None,
        Ok(Ok(Err(error))) => Some(error),
        Ok(Err(error)) => Some(format!("blocking task failed: {error}")),
        Err(_) => Some(format!(
            "the database did not answer within {} s",
            HEALTH_DEADLINE.as_secs()
        )),
    };
    match failure {
        None => HttpResponse::Ok().content_type("text/plain").body("ok\n"),
        Some(error) => {
            tracing::warn!(%error, "health check failed");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body("database unavailable\n")
        }
    }
}
