//! What authors do with their own comments (edit while pending, withdraw)
//! and what readers do with others' (report).

use super::paths::{roundtable_path, see_other};
use crate::domain::moderation::ModerationReason;
use crate::i18n::labels;
use crate::i18n::Language;
use crate::services::comments;
use crate::text::SafeHtml;
use crate::web::error::{field_mistakes, first_mistake, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToComment};
use crate::web::paths::comment_path;
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

    /// A mistake shown next to its field.
    fn say_wrong(&mut self, field: &'static str, message: &crate::domain::Message, lang: Language) {
        self.errors.insert(field, crate::i18n::say(lang, message));
    }
}

/// The path of a comment's own pages: consultation, roundtable, reference.
type CommentPath = web::Path<(String, String, String)>;

pub(super) async fn edit_form(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToComment>,
    path: CommentPath,
) -> Result<HttpResponse, WebError> {
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
    SignedIn { viewer, user, .. }: SignedIn<ToComment>,
    path: CommentPath,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let (consultation, roundtable, reference) = path.into_inner();
    let text = form.get("body").to_owned();
    let mut view = OwnCommentView::new(
        ("comments-edit-title", viewer.language),
        consultation.clone(),
        roundtable.clone(),
        reference.clone(),
    );
    view.body = text.clone();
    if form.get("intent") == "preview" {
        match comments::preview(&text) {
            Ok(html) => view.body_html = html,
            Err(e) => view.say_wrong("body", &e.message, viewer.language),
        }
        return state.render("pages/comments/edit.html", &view, &viewer);
    }
    let r = reference.clone();
    let edited = state.db(move |conn| comments::edit_comment(conn, &user, &r, &text, Utc::now()));
    if let Err(fields) = field_mistakes(edited.await)? {
        view.say_wrong("body", &first_mistake(fields).1, viewer.language);
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return state.render_with_status(status, "pages/comments/edit.html", &view, &viewer);
    }
    Ok(see_other(comment_path(
        &consultation,
        &roundtable,
        &reference,
    )))
}

pub(super) async fn withdraw_form(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToComment>,
    path: CommentPath,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable, reference) = path.into_inner();
    let r = reference.clone();
    let record = state
        .db(move |conn| comments::own_comment(conn, &user, &r))
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
    SignedIn { user, .. }: SignedIn<ToComment>,
    path: CommentPath,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable, reference) = path.into_inner();
    state
        .db(move |conn| comments::withdraw_comment(conn, &user, &reference, Utc::now()))
        .await?;
    Ok(see_other(roundtable_path(&consultation, &roundtable)))
}

pub(super) async fn report_form(
    state: web::Data<AppState>,
    SignedIn { viewer, .. }: SignedIn<ToComment>,
    path: CommentPath,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable, reference) = path.into_inner();
    let r = reference.clone();
    let record = state.db(move |conn| comments::published(conn, &r)).await?;
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
    SignedIn { viewer, user, .. }: SignedIn<ToComment>,
    path: CommentPath,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let (consultation, roundtable, reference) = path.into_inner();
    let (r, reason, note) = (
        reference.clone(),
        form.get("reason").to_owned(),
        form.get("note").to_owned(),
    );
    let reported =
        state.db(move |conn| comments::report_comment(conn, &user, &r, &reason, &note, Utc::now()));
    let lang = viewer.language;
    match field_mistakes(reported.await)? {
        Ok(record) => {
            let title = ("comments-reported-title", lang);
            let mut view = OwnCommentView::new(title, consultation, roundtable, reference);
            view.body_html = record.comment.body_html;
            state.render("pages/comments/reported.html", &view, &viewer)
        }
        Err(fields) => {
            let title = ("comments-report-title", lang);
            let mut view = OwnCommentView::new(title, consultation, roundtable, reference);
            for field in fields {
                view.say_wrong(field.field, &field.message, lang);
            }
            view.values.insert("reason", form.get("reason").to_owned());
            view.values.insert("note", form.get("note").to_owned());
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            state.render_with_status(status, "pages/comments/report.html", &view, &viewer)
        }
    }
}
