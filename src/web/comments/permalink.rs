//! `/comment/c-…`: the short, citable address of a published comment, which
//! leads to the comment on its roundtable's page.

use super::paths::{roundtable_path, see_other};
use crate::services::comments;
use crate::web::error::WebError;
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
    let page = roundtable_path(&record.consultation_slug, &record.roundtable_slug);
    Ok(see_other(format!("{page}#{}", record.comment.reference)))
}
