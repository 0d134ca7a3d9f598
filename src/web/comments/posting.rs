//! Posting a comment or a reply, and previewing it: the form comes back
//! with the preview or the mistakes, on the comment form's own page or on
//! the reply page it was sent from.

use super::form_page::{self, CommentPageView};
use super::paths::see_other;
use crate::domain::InvalidField;
use crate::i18n::Language;
use crate::services::comments::{self, CommentInput};
use crate::services::pages;
use crate::text::SafeHtml;
use crate::web::error::{field_mistakes, form_status, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToComment};
use crate::web::pages::comment_views::CommentFormView;
use crate::web::paths::comment_path;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Serialize;

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

/// What the form shows when it comes back: a preview, or the mistakes.
type Answer = Result<Option<SafeHtml>, Vec<InvalidField>>;

pub(super) async fn post(
    state: web::Data<AppState>,
    signed_in: SignedIn<ToComment>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let place = path.into_inner();
    let input = typed_input(&form)?;
    let answer = if form.get("intent") == "preview" {
        comments::preview(&input.body)
            .map(Some)
            .map_err(|e| vec![e])
    } else {
        let ((c, r), i) = (place.clone(), input.clone());
        let (user, app) = (signed_in.user.clone(), state.clone());
        let posted = state.db(move |conn| {
            let ctx = app.email_context();
            comments::post_comment(conn, ctx, &app.setup_cache, &user, (&c, &r), &i, Utc::now())
        });
        match field_mistakes(posted.await)? {
            Ok(posted) => {
                let to = comment_path(&place.0, &place.1, &posted.reference);
                return Ok(see_other(to));
            }
            Err(errors) => Err(errors),
        }
    };
    form_again(&state, &signed_in, place, input, answer).await
}

/// The page the form was sent from, with the form as it was typed: the
/// reply page for a reply, else the comment form's own page.
async fn form_again(
    state: &AppState,
    signed_in: &SignedIn<ToComment>,
    (consultation, roundtable): (String, String),
    input: CommentInput,
    answer: Answer,
) -> Result<HttpResponse, WebError> {
    let (preview, errors) = match answer {
        Ok(preview) => (preview, vec![]),
        Err(errors) => (None, errors),
    };
    let (viewer, status) = (&signed_in.viewer, form_status(&errors));
    let lang = viewer.language;
    let fill = |form: CommentFormView| filled_form(form, &input, preview, errors, lang);
    if let Some(parent) = input.parent.clone() {
        let mut view = reply_view(state, &consultation, &roundtable, &parent, lang).await?;
        view.form = fill(view.form);
        return state.render_with_status(status, "pages/comments/reply.html", &view, viewer);
    }
    let reader = Some(signed_in.actor());
    let detail = state
        .db(move |conn| pages::comment_page(conn, &consultation, &roundtable, reader))
        .await?;
    let mut view = CommentPageView::new(&detail, Utc::now(), viewer.signed_in(), None, lang);
    view.form = view.form.take().map(fill);
    state.render_with_status(status, form_page::TEMPLATE, &view, viewer)
}

fn filled_form(
    form: CommentFormView,
    input: &CommentInput,
    preview: Option<SafeHtml>,
    errors: Vec<InvalidField>,
    lang: Language,
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
    lang: Language,
) -> Result<ReplyView, WebError> {
    let (c, r, p) = (
        consultation.to_owned(),
        roundtable.to_owned(),
        parent.to_owned(),
    );
    let (detail, record) = state
        .db(move |conn| comments::reply_target(conn, &c, &r, &p))
        .await?;
    let mut form = CommentFormView::new(&[], &[]).with_languages(&detail.consultation, None, lang);
    form.parent = Some(record.comment.reference.clone());
    let author = &record.comment.author;
    Ok(ReplyView {
        title: crate::i18n::text(
            lang,
            "comments-reply-title",
            &[("name", author.display_name.as_str().into())],
        ),
        consultation: consultation.to_owned(),
        roundtable: roundtable.to_owned(),
        roundtable_title: detail.roundtable.full_title(),
        parent_reference: record.comment.reference.clone(),
        parent_author: author.identity_with(|c| crate::i18n::labels::country(c, lang)),
        parent_html: record.comment.body_html.clone(),
        form,
    })
}

pub(super) async fn reply_form(
    state: web::Data<AppState>,
    SignedIn { viewer, .. }: SignedIn<ToComment>,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, WebError> {
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
