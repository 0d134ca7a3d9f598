//! The queue of what waits for a chair, one comment's page, and the
//! decisions taken from either. A decision that applies returns (303) to
//! the same place in the queue, with its confirmation in the address.

use super::address::{Confirm, QueueAt};
use super::decided::decision_report_page;
use super::queue_view::queue_view;
use super::views::{duplicate_views, item_view, BulkChoices};
use crate::domain::user::Actor;
use crate::domain::InvalidField;
use crate::services::moderation::{self, DecisionRequest, Target};
use crate::services::report_marks::CommentMarks;
use crate::web::error::{field_mistakes, form_status, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToModerate};
use crate::web::paths::comment_path;
use crate::web::redirects::see_other;
use crate::web::report_marks::MarksView;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;

pub(super) async fn queue(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (moderating.actor(), moderating.viewer);
    let (at, confirm) = QueueAt::parse(request.query_string())?;
    let shown = Shown::fresh(confirm);
    queue_page(&state, &viewer, who, at, shown).await
}

/// What the queue page shows beside the queue itself: a decision's
/// confirmation, or the choices and mistakes of a form that came back.
struct Shown {
    confirm: Option<Confirm>,
    choices: BulkChoices,
    errors: Vec<InvalidField>,
    /// A change to the comment's marks for the report, in words.
    marked: Option<String>,
}

impl Shown {
    fn fresh(confirm: Option<Confirm>) -> Self {
        Self {
            confirm,
            choices: BulkChoices::default(),
            errors: Vec::new(),
            marked: None,
        }
    }
}

async fn queue_page(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    who: Actor,
    at: QueueAt,
    shown: Shown,
) -> Result<HttpResponse, WebError> {
    let request = at.request(shown.confirm);
    let queue = state
        .db(move |conn| moderation::queue(conn, who, &request))
        .await?;
    let view = queue_view(&queue, &at, shown.choices, &shown.errors, viewer.language);
    let status = form_status(&shown.errors);
    state.render_with_status(status, "pages/moderation/queue.html", &view, viewer)
}

pub(super) async fn item(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    path: web::Path<String>,
    request: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (moderating.actor(), moderating.viewer);
    let (at, _) = QueueAt::parse(request.query_string())?;
    let mut shown = Shown::fresh(None);
    shown.marked = crate::web::report_marks::confirmation(request.query_string(), viewer.language);
    item_page(&state, &viewer, who, path.into_inner(), &at, shown).await
}

async fn item_page(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    who: Actor,
    reference: String,
    at: &QueueAt,
    shown: Shown,
) -> Result<HttpResponse, WebError> {
    let found = state
        .db(move |conn| moderation::item_to_decide(conn, who, &reference))
        .await?;
    let (record, questions, reports, marks) =
        (found.record, found.questions, found.reports, found.marks);
    let link = comment_path(
        &record.consultation_slug,
        &record.roundtable_slug,
        &record.comment.reference,
    );
    let now = Utc::now();
    let mut view = item_view(
        &record.comment,
        link,
        &questions,
        &reports,
        now,
        viewer.language,
    );
    view.choices = shown.choices;
    view.back = at.address();
    view.duplicates = duplicate_views(&found.duplicates, viewer.language);
    view.late = found
        .late
        .map(|mark| crate::web::pages::late_views::late_view(mark, true, viewer.language));
    let status = form_status(&shown.errors);
    view.show_errors(shown.errors, viewer.language);
    let view = WithMarks::of(view, marks, &viewer.path, shown.marked);
    state.render_with_status(status, "pages/moderation/item.html", &view, viewer)
}

/// A page's view with the comment's marks for the report (`partials/report_marks.html`).
#[derive(serde::Serialize)]
struct WithMarks<V: serde::Serialize> {
    #[serde(flatten)]
    view: V,
    report_marks: Option<MarksView>,
}

impl<V: serde::Serialize> WithMarks<V> {
    fn of(view: V, marks: Option<CommentMarks>, path: &str, marked: Option<String>) -> Self {
        let report_marks = marks.map(|marks| MarksView {
            confirmation: marked,
            ..MarksView::of(&marks, path)
        });
        Self { view, report_marks }
    }
}

/// What a decision form sent: the comments, the decision, and where the
/// chair was, to show again as it was should it come back.
struct Posted {
    targets: Vec<Target>,
    request: DecisionRequest,
    choices: BulkChoices,
    /// From a comment's own page (or a client posting like one).
    from_its_page: bool,
    /// "Select all on this page" without JavaScript: no decision.
    select_all: bool,
}

impl Posted {
    fn read(form: &FormPairs) -> Result<Self, WebError> {
        // A card's button names its comment: "publish c-2f9a01bc@0"; a
        // card's reject (or unpublish) form has its own reason and note.
        if let Some((action, target)) = form.get("quick").split_once(' ') {
            let target = Target::parse(target);
            let field = |name: &str| form.get(&format!("{name}-{}", target.reference)).to_owned();
            let request = DecisionRequest {
                action: action.to_owned(),
                reason: field("reason"),
                note: field("note"),
                questions: Vec::new(),
            };
            return Ok(Self::new(vec![target], request, form, false));
        }
        // The bulk controls below the list name their fields "…-bottom".
        let bottom = form.get("apply") == "bottom" || form.get("select") == "page-bottom";
        let field = |name: &str| match bottom {
            true => form.get(&format!("{name}-bottom")).to_owned(),
            false => form.get(name).to_owned(),
        };
        let request = DecisionRequest {
            action: field("action"),
            reason: field("reason"),
            note: field("note"),
            questions: form.questions("questions")?,
        };
        let targets = form
            .all("comment")
            .iter()
            .map(|c| Target::parse(c))
            .collect();
        Ok(Self::new(targets, request, form, bottom))
    }

    fn new(targets: Vec<Target>, request: DecisionRequest, form: &FormPairs, bottom: bool) -> Self {
        let quick = !form.get("quick").is_empty();
        let choices = BulkChoices {
            comments: form.all("comment"),
            action: request.action.clone(),
            reason: request.reason.clone(),
            note: request.note.clone(),
            bottom,
            card: targets
                .first()
                .filter(|_| quick)
                .map(|target| target.reference.clone()),
            all: false,
        };
        Self {
            from_its_page: form.get("origin") == "item"
                || (form.get("back").is_empty() && targets.len() == 1),
            select_all: form.get("select").starts_with("page"),
            targets,
            request,
            choices,
        }
    }
}

pub(super) async fn decide(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let (who, viewer) = (moderating.actor(), moderating.viewer);
    let at = QueueAt::of_back(form.get("back"));
    let mut posted = Posted::read(&form)?;
    if posted.select_all {
        posted.choices.all = true;
        let shown = Shown {
            choices: posted.choices,
            ..Shown::fresh(None)
        };
        return queue_page(&state, &viewer, who, at, shown).await;
    }
    let (app, action) = (state.clone(), posted.request.action.clone());
    let (targets, request) = (posted.targets.clone(), posted.request.clone());
    let decided = state.db(move |conn| {
        let ctx = app.email_context();
        moderation::decide_and_describe(conn, ctx, who, &targets, &request, Utc::now())
    });
    match field_mistakes(decided.await)? {
        Ok(decided) if decided.all_done() => Ok(see_other(at.confirming(&action, &decided.done()))),
        Ok(decided) => decision_report_page(&state, &viewer, &action, &decided, at.address()),
        Err(errors) => form_again(&state, &viewer, who, posted, &at, errors).await,
    }
}

/// Shows the form again with the message next to the field and every
/// choice the chair made: the comment's own page for its forms, the queue
/// (at the same place) for a card or a selection.
async fn form_again(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    who: Actor,
    posted: Posted,
    at: &QueueAt,
    errors: Vec<InvalidField>,
) -> Result<HttpResponse, WebError> {
    let shown = Shown {
        choices: posted.choices,
        errors,
        ..Shown::fresh(None)
    };
    match posted.targets.as_slice() {
        [one] if posted.from_its_page => {
            let reference = one.reference.clone();
            item_page(state, viewer, who, reference, at, shown).await
        }
        _ => queue_page(state, viewer, who, at.clone(), shown).await,
    }
}
