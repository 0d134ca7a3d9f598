//! Participants' comment actions from the roundtable page: post or preview
//! a comment or a reply, edit a pending comment, withdraw one, report one.
//! Each works without JavaScript: a form, and a page that answers it.

mod own;

use crate::domain::user::Actor;
use crate::domain::user::SignedInUser;
use crate::domain::InvalidField;
use crate::services::comments::{self, CommentInput};
use crate::services::pages;
use crate::services::ServiceError;
use crate::text::SafeHtml;
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;
use crate::web::pages::views::{CommentFormView, RoundtablePageView};
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Serialize;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/c/{consultation}/{roundtable}/comments",
        web::post().to(post),
    )
    .route(
        "/c/{consultation}/{roundtable}/comments/{reference}/reply",
        web::get().to(reply_form),
    )
    .route(
        "/c/{consultation}/{roundtable}/comments/{reference}/edit",
        web::get().to(own::edit_form),
    )
    .route(
        "/c/{consultation}/{roundtable}/comments/{reference}/edit",
        web::post().to(own::edit),
    )
    .route(
        "/c/{consultation}/{roundtable}/comments/{reference}/withdraw",
        web::get().to(own::withdraw_form),
    )
    .route(
        "/c/{consultation}/{roundtable}/comments/{reference}/withdraw",
        web::post().to(own::withdraw),
    )
    .route(
        "/c/{consultation}/{roundtable}/comments/{reference}/report",
        web::get().to(own::report_form),
    )
    .route(
        "/c/{consultation}/{roundtable}/comments/{reference}/report",
        web::post().to(own::report),
    );
}

pub(super) fn signed_in(viewer: &Viewer) -> Result<SignedInUser, WebError> {
    viewer
        .user
        .clone()
        .ok_or_else(|| WebError::Unauthorized("unauthorized-comment".into()))
}

pub(super) fn see_other(to: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .finish()
}

pub(super) fn roundtable_path(consultation: &str, roundtable: &str) -> String {
    format!("/c/{consultation}/{roundtable}")
}

/// The form's fields that a person typed, kept for showing it again.
fn typed_input(form: &FormPairs) -> Result<CommentInput, WebError> {
    Ok(CommentInput {
        body: form.get("body").to_owned(),
        questions: form.questions("questions")?,
        parent: Some(form.get("parent").to_owned()).filter(|p| !p.is_empty()),
        language: Some(form.get("language").to_owned()).filter(|l| !l.is_empty()),
    })
}

/// A reply form page: the comment answered, then the form.
#[derive(Serialize)]
struct ReplyView {
    title: String,
    consultation: String,
    roundtable: String,
    roundtable_title: String,
    parent_reference: String,
    parent_author: String,
    parent_html: SafeHtml,
    form: CommentFormView,
}

async fn post(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let user = signed_in(&viewer)?;
    let (consultation, roundtable) = path.into_inner();
    let input = typed_input(&form)?;
    let previewing = form.get("intent") == "preview";
    let outcome = if previewing {
        comments::preview(&input.body)
            .map(Some)
            .map_err(|e| ServiceError::InvalidFields(vec![e]))
    } else {
        let (c, r, i, u) = (
            consultation.clone(),
            roundtable.clone(),
            input.clone(),
            user.clone(),
        );
        let state_for_work = state.clone();
        let posted = state
            .db(move |conn| {
                Ok(comments::post_comment(
                    conn,
                    state_for_work.email_context(),
                    &u,
                    &c,
                    &r,
                    &i,
                    Utc::now(),
                ))
            })
            .await?;
        match posted {
            Ok(posted) => {
                return Ok(see_other(format!(
                    "{}#{}",
                    roundtable_path(&consultation, &roundtable),
                    posted.reference
                )))
            }
            Err(ServiceError::Invalid(field)) => Err(ServiceError::InvalidFields(vec![field])),
            Err(other) => Err(other),
        }
    };
    let (preview, errors) = match outcome {
        Ok(preview) => (preview, vec![]),
        Err(ServiceError::InvalidFields(errors)) => (None, errors),
        Err(other) => return Err(other.into()),
    };
    let status = super::error::form_status(&errors);
    let now = Utc::now();
    let reader = Some(Actor::of(&user));
    match input.parent.clone() {
        Some(parent) => {
            let mut view =
                reply_view(&state, &consultation, &roundtable, &parent, viewer.language).await?;
            view.form = filled_form(view.form, &input, preview, errors, viewer.language);
            state.render_with_status(status, "pages/comments/reply.html", &view, &viewer)
        }
        None => {
            let (c, r) = (consultation.clone(), roundtable.clone());
            let page = state
                .db(move |conn| {
                    pages::roundtable_page(conn, &c, &r, reader, now, pages::Visit::DoNotCount)
                })
                .await?;
            let mut view = RoundtablePageView::new(&page, now, viewer.signed_in(), viewer.language);
            if let Some(form) = view.form.take() {
                view.form = Some(filled_form(form, &input, preview, errors, viewer.language));
            }
            state.render_with_status(status, "pages/roundtable.html", &view, &viewer)
        }
    }
}

fn filled_form(
    form: CommentFormView,
    input: &CommentInput,
    preview: Option<SafeHtml>,
    errors: Vec<InvalidField>,
    lang: crate::i18n::Language,
) -> CommentFormView {
    let languages = form
        .languages
        .iter()
        .cloned()
        .map(|mut l| {
            if let Some(chosen) = &input.language {
                l.selected = &l.code == chosen;
            }
            l
        })
        .collect();
    let questions: Vec<_> = form
        .questions
        .into_iter()
        .map(|q| q.with_checked(&input.questions))
        .collect();
    CommentFormView {
        body: input.body.clone(),
        general: input.questions.is_empty(),
        questions,
        preview_html: preview,
        parent: input.parent.clone(),
        languages,
        ..CommentFormView::default()
    }
    .with_errors(errors, lang)
}

async fn reply_view(
    state: &AppState,
    consultation: &str,
    roundtable: &str,
    parent: &str,
    lang: crate::i18n::Language,
) -> Result<ReplyView, WebError> {
    let (c, r, p) = (
        consultation.to_owned(),
        roundtable.to_owned(),
        parent.to_owned(),
    );
    let (detail, record) = state
        .db(move |conn| {
            let detail = crate::services::roundtables::roundtable_detail(conn, &c, &r)?;
            let record = crate::db::queries::comments::find_by_reference(conn, &p)?
                .filter(|rec| rec.comment.roundtable_id == detail.roundtable.id)
                .filter(|rec| rec.comment.is_public())
                .ok_or(ServiceError::NotFound("missing-published-comment"))?;
            Ok((detail, record))
        })
        .await?;
    let mut form = CommentFormView::new(&[], &[]).with_languages(&detail.consultation, None, lang);
    form.parent = Some(record.comment.reference.clone());
    Ok(ReplyView {
        title: crate::i18n::text(
            lang,
            "comments-reply-title",
            &[("name", record.comment.author.display_name.as_str().into())],
        ),
        consultation: consultation.to_owned(),
        roundtable: roundtable.to_owned(),
        roundtable_title: detail.roundtable.full_title(),
        parent_reference: record.comment.reference.clone(),
        parent_author: record
            .comment
            .author
            .identity_with(|c| crate::i18n::labels::country(c, lang)),
        parent_html: record.comment.body_html.clone(),
        form,
    })
}

async fn reply_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, WebError> {
    signed_in(&viewer)?;
    let (consultation, roundtable, reference) = path.into_inner();
    let view = reply_view(
        &state,
        &consultation,
        &roundtable,
        &reference,
        viewer.language,
    )
    .await?;
    state.render("pages/comments/reply.html", &view, &viewer)
}
