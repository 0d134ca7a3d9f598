//! What authors do with their own comments (edit while pending, withdraw)
//! and what readers do with others' (report).

use super::{roundtable_path, see_other, signed_in};
use crate::domain::moderation::ModerationReason;
use crate::i18n::labels;
use crate::i18n::Language;
use crate::services::comments;
use crate::services::ServiceError;
use crate::text::SafeHtml;
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Serialize;

#[derive(Serialize)]
struct OwnCommentView {
    title: String,
    consultation: String,
    roundtable: String,
    reference: String,
    body: String,
    body_html: SafeHtml,
    errors: std::collections::HashMap<&'static str, String>,
    reasons: Vec<(&'static str, String)>,
    values: std::collections::HashMap<&'static str, String>,
}

impl OwnCommentView {
    /// A page titled with the catalogue's `title_key`.
    fn new(
        (title_key, lang): (&str, Language),
        consultation: String,
        roundtable: String,
        reference: String,
    ) -> Self {
        Self {
            title: crate::i18n::text(lang, title_key, &[]),
            consultation,
            roundtable,
            reference,
            body: String::new(),
            body_html: SafeHtml::empty(),
            errors: Default::default(),
            reasons: ModerationReason::ALL
                .iter()
                .map(|r| (r.code(), labels::label(lang, "reason", r.code())))
                .collect(),
            values: Default::default(),
        }
    }
}

pub(super) async fn edit_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, WebError> {
    let user = signed_in(&viewer)?;
    let (consultation, roundtable, reference) = path.into_inner();
    let r = reference.clone();
    let record = state
        .db(move |conn| comments::editable(conn, &user, &r))
        .await?;
    let mut view = OwnCommentView::new(
        ("comments-edit-title", viewer.language),
        consultation,
        roundtable,
        reference,
    );
    view.body = record.body_markdown;
    view.body_html = record.comment.body_html;
    state.render("pages/comments/edit.html", &view, &viewer)
}

pub(super) async fn edit(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let user = signed_in(&viewer)?;
    let (consultation, roundtable, reference) = path.into_inner();
    let text = form.get("body").to_owned();
    let mut view = OwnCommentView::new(
        ("comments-edit-title", viewer.language),
        consultation.clone(),
        roundtable.clone(),
        reference.clone(),
    );
    if form.get("intent") == "preview" {
        match comments::preview(&text) {
            Ok(html) => view.body_html = html,
            Err(e) => {
                view.errors
                    .insert("body", crate::i18n::say(viewer.language, &e.message));
            }
        }
        view.body = text;
        return state.render("pages/comments/edit.html", &view, &viewer);
    }
    let (r, t) = (reference.clone(), text.clone());
    match state
        .db(move |conn| Ok(comments::edit_comment(conn, &user, &r, &t, Utc::now())))
        .await?
    {
        Ok(_) => Ok(see_other(format!(
            "{}#{reference}",
            roundtable_path(&consultation, &roundtable)
        ))),
        Err(ServiceError::Invalid(field)) => {
            view.errors
                .insert("body", crate::i18n::say(viewer.language, &field.message));
            view.body = text;
            state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/comments/edit.html",
                &view,
                &viewer,
            )
        }
        Err(other) => Err(other.into()),
    }
}

pub(super) async fn withdraw_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, WebError> {
    let user = signed_in(&viewer)?;
    let (consultation, roundtable, reference) = path.into_inner();
    let r = reference.clone();
    let record = state
        .db(move |conn| {
            crate::db::queries::comments::find_by_reference(conn, &r)?
                .filter(|rec| rec.comment.author_id == Some(user.id))
                .ok_or(ServiceError::NotFound("missing-own-comment"))
        })
        .await?;
    let mut view = OwnCommentView::new(
        ("comments-withdraw-title", viewer.language),
        consultation,
        roundtable,
        reference,
    );
    view.body_html = record.comment.body_html;
    state.render("pages/comments/withdraw.html", &view, &viewer)
}

pub(super) async fn withdraw(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, WebError> {
    let user = signed_in(&viewer)?;
    let (consultation, roundtable, reference) = path.into_inner();
    let r = reference.clone();
    state
        .db(move |conn| comments::withdraw_comment(conn, &user, &r, Utc::now()))
        .await?;
    Ok(see_other(roundtable_path(&consultation, &roundtable)))
}

pub(super) async fn report_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, WebError> {
    signed_in(&viewer)?;
    let (consultation, roundtable, reference) = path.into_inner();
    let r = reference.clone();
    let record = state
        .db(move |conn| {
            crate::db::queries::comments::find_by_reference(conn, &r)?
                .filter(|rec| rec.comment.is_public())
                .ok_or(ServiceError::NotFound("missing-published-comment"))
        })
        .await?;
    let mut view = OwnCommentView::new(
        ("comments-report-title", viewer.language),
        consultation,
        roundtable,
        reference,
    );
    view.body_html = record.comment.body_html;
    state.render("pages/comments/report.html", &view, &viewer)
}

pub(super) async fn report(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let user = signed_in(&viewer)?;
    let (consultation, roundtable, reference) = path.into_inner();
    let (r, reason, note) = (
        reference.clone(),
        form.get("reason").to_owned(),
        form.get("note").to_owned(),
    );
    match state
        .db(move |conn| {
            Ok(comments::report_comment(
                conn,
                &user,
                &r,
                &reason,
                &note,
                Utc::now(),
            ))
        })
        .await?
    {
        Ok(record) => {
            let mut view = OwnCommentView::new(
                ("comments-reported-title", viewer.language),
                consultation,
                roundtable,
                reference,
            );
            view.body_html = record.comment.body_html;
            state.render("pages/comments/reported.html", &view, &viewer)
        }
        Err(ServiceError::InvalidFields(fields)) => {
            let mut view = OwnCommentView::new(
                ("comments-report-title", viewer.language),
                consultation,
                roundtable,
                reference,
            );
            for field in fields {
                view.errors.insert(
                    field.field,
                    crate::i18n::say(viewer.language, &field.message),
                );
            }
            view.values.insert("reason", form.get("reason").to_owned());
            view.values.insert("note", form.get("note").to_owned());
            state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/comments/report.html",
                &view,
                &viewer,
            )
        }
        Err(other) => Err(other.into()),
    }
}
