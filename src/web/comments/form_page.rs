//! The comment form on a page of its own, `/c/…/…/comment`: where the
//! roundtable page's "Comment" and "Comment on this question" lead, and
//! where a comment that comes back with mistakes or a preview is shown
//! again, at the top of the page rather than below every thread.

use crate::domain::ids::UserId;
use crate::domain::roundtable::ModerationMode;
use crate::domain::user::Actor;
use crate::i18n::{text, Language};
use crate::services::pages::{self, Found};
use crate::services::roundtables::RoundtableDetail;
use crate::web::error::WebError;
use crate::web::format::period_line;
use crate::web::pages::comment_views::{open_question, participation, CommentFormView};
use crate::web::redirects::moved_permanently;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub(super) const TEMPLATE: &str = "pages/comments/comment.html";

/// `?answer=N`: the reader followed "Comment on this question" N.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct AnswerQuery {
    answer: Option<String>,
}

impl AnswerQuery {
    /// This page under the roundtable's new address.
    fn moved(&self, roundtable: &str) -> String {
        match &self.answer {
            Some(answer) => {
                let query = url::form_urlencoded::Serializer::new(String::new())
                    .append_pair("answer", answer)
                    .finish();
                format!("{roundtable}/comment?{query}")
            }
            None => format!("{roundtable}/comment"),
        }
    }
}

#[derive(Serialize)]
struct PageLink {
    slug: String,
    title: String,
}

/// The page: where it is, the comment period and how comments are
/// moderated, then the form or what the reader must do first.
#[derive(Serialize)]
pub(super) struct CommentPageView {
    title: String,
    heading: String,
    consultation: PageLink,
    roundtable: PageLink,
    period: String,
    accepting: bool,
    moderation: String,
    /// "form", "sign_in", "verify" or "closed", as on the roundtable page.
    participation: &'static str,
    pub form: Option<CommentFormView>,
    back: String,
}

impl CommentPageView {
    /// `viewer` is the signed-in reader, if any: (id, verified); the form
    /// comes with question `answering` ticked.
    pub(super) fn new(
        detail: &RoundtableDetail,
        now: DateTime<Utc>,
        viewer: Option<(UserId, bool)>,
        answering: Option<usize>,
        lang: Language,
    ) -> Self {
        let (c, r) = (&detail.consultation, &detail.roundtable);
        let state = r.comment_period.state(now, c.accepts_comments());
        let accepting = state.accepting();
        let participation = participation(accepting, viewer);
        let full_title = r.full_title();
        // "RT 3.2" rather than a title of ten lines on a phone; the
        // breadcrumb above names it in full.
        let short_name = r.code.clone().unwrap_or_else(|| r.title.clone());
        let heading = text(
            lang,
            "comments-page-heading",
            &[("title", short_name.as_str().into())],
        );
        let moderation = match r.moderation_mode {
            ModerationMode::Pre => "comments-page-moderation-pre",
            ModerationMode::Post => "comments-page-moderation-post",
        };
        let chosen: Vec<usize> = answering.into_iter().collect();
        Self {
            title: format!("{heading} – {}", c.title),
            heading,
            consultation: PageLink {
                slug: c.slug.to_string(),
                title: c.title.clone(),
            },
            roundtable: PageLink {
                slug: r.slug.to_string(),
                title: full_title.clone(),
            },
            period: period_line(state, c.time_zone, lang),
            accepting,
            moderation: text(lang, moderation, &[]),
            participation,
            form: (participation == "form").then(|| {
                CommentFormView::new(&detail.questions, &chosen).with_languages(c, None, lang)
            }),
            back: text(lang, "comments-page-back", &[("title", short_name.into())]),
        }
    }
}

pub(super) async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    query: web::Query<AnswerQuery>,
) -> Result<HttpResponse, WebError> {
    let (consultation, roundtable) = path.into_inner();
    let reader = viewer.user.as_ref().map(Actor::of);
    let found = state
        .db(move |conn| pages::comment_page_or_moved(conn, &consultation, &roundtable, reader))
        .await?;
    let detail = match found {
        Found::Here(detail) => detail,
        Found::MovedTo(to) => return Ok(moved_permanently(query.moved(&to))),
    };
    let answering = open_question(&detail.questions, query.answer.as_deref())?;
    let (now, lang) = (Utc::now(), viewer.language);
    let mut view = CommentPageView::new(&detail, now, viewer.signed_in(), answering, lang);
    if let Some(form) = view.form.as_mut() {
        // Whoever pressed "Comment" lands in the box.
        form.focus_body = true;
    }
    state.render(TEMPLATE, &view, &viewer)
}
