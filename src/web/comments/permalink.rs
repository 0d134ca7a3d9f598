//! `/comment/c-…`: the short, citable address of a published comment, which
//! leads to the comment on the page of its roundtable that holds it.

use super::paths::see_other;
use crate::services::comments;
use crate::web::error::WebError;
use crate::web::paths::comment_path;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};

pub(super) async fn follow(
    state: web::Data<AppState>,
    reference: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let reference = reference.into_inner();
    let record = state
        .db(move |conn| comments::published(conn, &reference))
        .await?;
    Ok(see_other(comment_path(
        &record.consultation_slug,
        &record.roundtable_slug,
        &record.comment.reference,
    )))
}
