//! One comment's marks: its page, and the forms under it (retained or
//! not, add a theme, remove one).

use super::view::{confirmation, confirmed, MarksView};
use crate::domain::user::Actor;
use crate::domain::InvalidField;
use crate::services::report_marks::{self, CommentMarks};
use crate::text::SafeHtml;
use crate::web::error::{field_mistakes, form_status, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToModerate};
use crate::web::redirects::see_other;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Serialize;

#[derive(Serialize)]
struct MarksPage {
    title: String,
    reference: String,
    body_html: SafeHtml,
    item_link: String,
    report_marks: MarksView,
}

/// The page of one comment's marks, with what the chair typed and their
/// mistakes when a form comes back.
async fn page(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    marks: CommentMarks,
    report_marks: MarksView,
) -> Result<HttpResponse, WebError> {
    let status = form_status(&report_marks.errors.keys().collect::<Vec<_>>());
    let reference = marks.record.comment.reference.clone();
    let view = MarksPage {
        title: crate::i18n::text(
            viewer.language,
            "marks-page-title",
            &[("reference", reference.clone().into())],
        ),
        item_link: format!("/moderation/{reference}"),
        body_html: marks.record.comment.body_html.clone(),
        reference,
        report_marks,
    };
    state.render_with_status(status, "pages/moderation/marks.html", &view, viewer)
}

pub(super) async fn marks_page(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    path: web::Path<String>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (moderating.actor(), moderating.viewer);
    let reference = path.into_inner();
    let marks = state
        .db(move |conn| report_marks::marks_of(conn, who, &reference))
        .await?;
    let mut view = MarksView::of(&marks, &viewer.path);
    view.confirmation = confirmation(request.query_string(), viewer.language);
    page(&state, &viewer, marks, view).await
}

/// After a change: back where the chair was, or the form again with the mistake.
async fn answer(
    state: &web::Data<AppState>,
    (viewer, who): (&Viewer, Actor),
    (reference, form): (String, &FormPairs),
    done: Result<Vec<(&str, String)>, Vec<InvalidField>>,
) -> Result<HttpResponse, WebError> {
    let return_to = form.get("return").to_owned();
    match done {
        Ok(pairs) => {
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let fallback = format!("/moderation/{reference}/marks");
            Ok(see_other(confirmed(&return_to, &fallback, &pairs)))
        }
        Err(errors) => {
            let marks = state
                .db(move |conn| report_marks::marks_of(conn, who, &reference))
                .await?;
            let mut view = MarksView::of(&marks, &return_to).with_errors(errors, viewer.language);
            view.typed = form.get("theme").to_owned();
            page(state, viewer, marks, view).await
        }
    }
}

pub(super) async fn relevance(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let (who, viewer, form) = (
        moderating.actor(),
        moderating.viewer,
        FormPairs::parse(&body),
    );
    let (reference, decision) = (path.into_inner(), form.get("relevance").to_owned());
    let r = reference.clone();
    let done =
        state.db(move |conn| report_marks::set_relevance(conn, who, &r, &decision, Utc::now()));
    let done = field_mistakes(done.await)?.map(|(reference, relevance, _)| {
        vec![
            ("marked", relevance.code().to_owned()),
            ("comment", reference),
        ]
    });
    answer(&state, (&viewer, who), (reference, &form), done).await
}

pub(super) async fn add_theme(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let (who, viewer, form) = (
        moderating.actor(),
        moderating.viewer,
        FormPairs::parse(&body),
    );
    let (reference, label) = (path.into_inner(), form.get("theme").to_owned());
    let r = reference.clone();
    let done = state.db(move |conn| report_marks::add_theme(conn, who, &r, &label, Utc::now()));
    let done = field_mistakes(done.await)?.map(|tagged| {
        let (what, theme) = ("theme_added".to_owned(), tagged.theme.label);
        vec![
            ("marked", what),
            ("label", theme),
            ("comment", tagged.reference),
        ]
    });
    answer(&state, (&viewer, who), (reference, &form), done).await
}

pub(super) async fn remove_theme(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let (who, viewer, form) = (
        moderating.actor(),
        moderating.viewer,
        FormPairs::parse(&body),
    );
    let (reference, theme) = (path.into_inner(), form.get("theme").to_owned());
    let r = reference.clone();
    let done = state.db(move |conn| report_marks::remove_theme(conn, who, &r, &theme, Utc::now()));
    let (reference_done, theme) = done.await?;
    let pairs = vec![
        ("marked", "theme_removed".to_owned()),
        ("label", theme.label),
        ("comment", reference_done),
    ];
    answer(&state, (&viewer, who), (reference, &form), Ok(pairs)).await
}
