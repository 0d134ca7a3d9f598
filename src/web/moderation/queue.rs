//! The queue of what waits for a chair, one comment's page, and the
//! decisions taken from either.

use super::decided::decision_report_page;
use super::views::{authors, item_view, places, queue_item_view, reasons, BulkChoices, QueueView};
use crate::domain::user::Actor;
use crate::domain::InvalidField;
use crate::i18n::text;
use crate::services::moderation::{self, DecisionRequest, QueueFilter, Target};
use crate::web::error::{field_mistakes, form_status, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToModerate};
use crate::web::paths::comment_path;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct QueueQuery {
    consultation: Option<String>,
    roundtable: Option<String>,
}

pub(super) async fn queue(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (moderating.actor(), moderating.viewer);
    let filter = query.into_inner().filter();
    queue_page(&state, &viewer, who, filter, BulkChoices::default(), vec![]).await
}

impl QueueQuery {
    fn filter(self) -> QueueFilter {
        QueueFilter {
            consultation: self.consultation.filter(|c| !c.is_empty()),
            roundtable: self.roundtable.filter(|r| !r.is_empty()),
        }
    }

    /// The filter of a queue address such as "/moderation?roundtable=rt-3-2".
    fn of_address(back: &str) -> QueueFilter {
        let query = back.split_once('?').map_or("", |(_, q)| q);
        serde_urlencoded_filter(query).filter()
    }
}

fn serde_urlencoded_filter(query: &str) -> QueueQuery {
    web::Query::<QueueQuery>::from_query(query)
        .map(web::Query::into_inner)
        .unwrap_or_default()
}

fn queue_address(filter: &QueueFilter) -> String {
    let pairs: Vec<(&str, &str)> = [
        ("consultation", filter.consultation.as_deref()),
        ("roundtable", filter.roundtable.as_deref()),
    ]
    .into_iter()
    .filter_map(|(key, value)| value.map(|v| (key, v)))
    .collect();
    if pairs.is_empty() {
        return "/moderation".to_owned();
    }
    let query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("/moderation?{query}")
}

async fn queue_page(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    who: Actor,
    filter: QueueFilter,
    choices: BulkChoices,
    errors: Vec<InvalidField>,
) -> Result<HttpResponse, WebError> {
    let f = filter.clone();
    let queue = state
        .db(move |conn| moderation::queue(conn, who, &f))
        .await?;
    let now = Utc::now();
    let (consultations, places) = places(&queue.places, &filter);
    let mut items: Vec<_> = queue
        .items
        .iter()
        .map(|i| queue_item_view(i, now, viewer.language))
        .collect();
    for item in &mut items {
        item.selected = item.is_among(&choices.comments);
    }
    let view = QueueView {
        title: text(viewer.language, "moderation-title", &[]),
        items,
        places,
        consultations,
        reasons: reasons(viewer.language),
        filtered: filter.consultation.is_some() || filter.roundtable.is_some(),
        authors: authors(&queue.items),
        errors: crate::i18n::by_field(viewer.language, &errors),
        choices,
        back: queue_address(&filter),
    };
    let status = form_status(&errors);
    state.render_with_status(status, "pages/moderation/queue.html", &view, viewer)
}

pub(super) async fn item(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (moderating.actor(), moderating.viewer);
    let choices = BulkChoices::default();
    item_page(&state, &viewer, who, path.into_inner(), choices, vec![]).await
}

async fn item_page(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    who: Actor,
    reference: String,
    choices: BulkChoices,
    errors: Vec<InvalidField>,
) -> Result<HttpResponse, WebError> {
    let (record, questions, reports) = state
        .db(move |conn| moderation::queue_item(conn, who, &reference))
        .await?;
    let link = comment_path(
        &record.consultation_slug,
        &record.roundtable_slug,
        &record.comment.reference,
    );
    let mut view = item_view(
        &record.comment,
        link,
        &questions,
        &reports,
        Utc::now(),
        viewer.language,
    );
    view.choices = choices;
    let status = form_status(&errors);
    view.show_errors(errors, viewer.language);
    state.render_with_status(status, "pages/moderation/item.html", &view, viewer)
}

fn decision_request(form: &FormPairs) -> Result<(Vec<Target>, DecisionRequest), WebError> {
    // A "Publish" button on one item of the queue names it: "publish c-2f9a01bc@0".
    if let Some((action, target)) = form.get("quick").split_once(' ') {
        return Ok((
            vec![Target::parse(target)],
            DecisionRequest {
                action: action.to_owned(),
                ..DecisionRequest::default()
            },
        ));
    }
    Ok((
        form.all("comment")
            .iter()
            .map(|c| Target::parse(c))
            .collect(),
        DecisionRequest {
            action: form.get("action").to_owned(),
            reason: form.get("reason").to_owned(),
            note: form.get("note").to_owned(),
            questions: form.questions("questions")?,
        },
    ))
}

pub(super) async fn decide(
    state: web::Data<AppState>,
    moderating: SignedIn<ToModerate>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let (who, viewer) = (moderating.actor(), moderating.viewer);
    let (targets, request) = decision_request(&form)?;
    let action = request.action.clone();
    let back = match form.get("back") {
        back if back.starts_with("/moderation") => back.to_owned(),
        _ => "/moderation".to_owned(),
    };
    let single = (targets.len() == 1).then(|| targets[0].reference.clone());
    let app = state.clone();
    let decided = state.db(move |conn| {
        let ctx = app.email_context();
        moderation::decide(conn, ctx, who, &targets, &request, Utc::now())
    });
    match field_mistakes(decided.await)? {
        Ok(results) => decision_report_page(&state, &viewer, &action, &results, back),
        Err(errors) => form_again(&state, &viewer, who, &form, single, &back, errors).await,
    }
}

/// Shows the form again with the message next to the field and every
/// choice the chair made: the comment's own page for its forms, the queue
/// (with its filters) for a selection.
async fn form_again(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    who: Actor,
    form: &FormPairs,
    single: Option<String>,
    back: &str,
    errors: Vec<InvalidField>,
) -> Result<HttpResponse, WebError> {
    let choices = BulkChoices {
        comments: form.all("comment"),
        action: form.get("action").to_owned(),
        reason: form.get("reason").to_owned(),
        note: form.get("note").to_owned(),
    };
    match single {
        // The queue's form always says where it was; a form without that
        // is the comment's own page (or a client posting like it).
        Some(reference) if form.get("origin") == "item" || form.get("back").is_empty() => {
            item_page(state, viewer, who, reference, choices, errors).await
        }
        _ => {
            let filter = QueueQuery::of_address(back);
            queue_page(state, viewer, who, filter, choices, errors).await
        }
    }
}
