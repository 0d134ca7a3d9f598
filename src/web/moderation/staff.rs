//! What only staff do from the moderation pages: read a roundtable's audit
//! trail, and trust a participant (their comments skip the queue).

use super::views::{audit_lines, AuditLine};
use crate::i18n::text;
use crate::services::moderation;
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, Staff, ToModerate};
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Serialize;

/// A chair who is not staff reads "forbidden-audit", from the service.
pub(super) async fn audit(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToModerate>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    let (detail, trail) = state
        .db(move |conn| moderation::audit_trail(conn, &user, &consultation, &roundtable))
        .await?;
    #[derive(Serialize)]
    struct AuditView {
        title: String,
        consultation: String,
        roundtable: String,
        lines: Vec<AuditLine>,
    }
    let view = AuditView {
        title: text(
            viewer.language,
            "moderation-audit-title",
            &[("roundtable", detail.roundtable.full_title().into())],
        ),
        consultation: detail.consultation.slug.to_string(),
        roundtable: detail.roundtable.slug.to_string(),
        lines: audit_lines(&trail, detail.consultation.time_zone, viewer.language),
    };
    state.render("pages/moderation/audit.html", &view, &viewer)
}

pub(super) async fn trust(
    state: web::Data<AppState>,
    Staff { user, .. }: Staff<ToModerate>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let (author, trusted) = (form.get("user").to_owned(), form.get("trusted") == "on");
    state
        .db(move |conn| moderation::set_trusted(conn, &user, &author, trusted, Utc::now()))
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, "/moderation"))
        .finish())
}
