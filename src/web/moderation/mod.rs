//! The chairs' side: the queue, one comment's decisions, bulk decisions,
//! decisions from an emailed link (a GET shows a page; only its POST
//! decides), the audit trail and trusted participants.

mod views;

use super::form_pairs::FormPairs;
use super::session::Viewer;
use crate::domain::user::{Actor, SignedInUser};
use crate::i18n::{text, Language};
use crate::services::moderation::{
    self, DecisionRequest, DecisionResult, EmailLinkProblem, QueueFilter, Target,
};
use crate::services::ServiceError;
use crate::web::error::WebError;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use views::*;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/moderation", web::get().to(queue))
        .route("/moderation/decide", web::post().to(decide))
        .route("/moderation/trust", web::post().to(trust))
        .route("/moderation/email/{action}", web::get().to(email_form))
        .route("/moderation/email/{action}", web::post().to(email_decide))
        .route("/moderation/{reference}", web::get().to(item))
        .route("/c/{consultation}/{roundtable}/audit", web::get().to(audit));
}

fn moderator(viewer: &Viewer) -> Result<(SignedInUser, Actor), WebError> {
    let user = viewer
        .user
        .clone()
        .ok_or_else(|| WebError::Unauthorized("unauthorized-moderation".into()))?;
    let who = Actor::of(&user);
    Ok((user, who))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct QueueQuery {
    consultation: Option<String>,
    roundtable: Option<String>,
}

async fn queue(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, WebError> {
    let (_, who) = moderator(&viewer)?;
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
    errors: Vec<crate::domain::InvalidField>,
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
    let status = crate::web::error::form_status(&errors);
    state.render_with_status(status, "pages/moderation/queue.html", &view, viewer)
}

async fn item(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let (_, who) = moderator(&viewer)?;
    let choices = BulkChoices::default();
    item_page(&state, &viewer, who, path.into_inner(), choices, vec![]).await
}

async fn item_page(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    who: Actor,
    reference: String,
    choices: BulkChoices,
    errors: Vec<crate::domain::InvalidField>,
) -> Result<HttpResponse, WebError> {
    let (record, questions, reports) = state
        .db(move |conn| moderation::queue_item(conn, who, &reference))
        .await?;
    let link = format!(
        "/c/{}/{}#{}",
        record.consultation_slug, record.roundtable_slug, record.comment.reference
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
    let status = crate::web::error::form_status(&errors);
    for error in errors {
        view.errors.insert(
            error.field,
            crate::i18n::say(viewer.language, &error.message),
        );
    }
    state.render_with_status(status, "pages/moderation/item.html", &view, viewer)
}

#[derive(Serialize)]
struct DecisionReportView {
    title: String,
    lines: Vec<DecisionLine>,
    back: String,
}

/// What a decision did, as the catalogue says it (`moderation-done`
/// selects on the action).
fn done_text(action: &str, lang: Language) -> String {
    text(lang, "moderation-done", &[("action", action.into())])
}

/// The page after a decision: 200 when every comment was decided, 409 when
/// none was because others came first.
fn decision_report_page(
    state: &AppState,
    viewer: &Viewer,
    action: &str,
    results: &[DecisionResult],
    back: String,
) -> Result<HttpResponse, WebError> {
    let lines = decision_lines(
        results,
        &done_text(action, viewer.language),
        viewer.language,
    );
    let status = result_status(results, lines.iter().any(|l| l.done()));
    state.render_with_status(
        status,
        "pages/moderation/decided.html",
        &DecisionReportView {
            title: text(viewer.language, "moderation-title", &[]),
            lines,
            back,
        },
        viewer,
    )
}

/// As the API answers for one comment: 403 when none of them was this
/// chair's to decide, 404 when none exists, 409 when others came first.
fn result_status(results: &[DecisionResult], any_done: bool) -> StatusCode {
    let all = |matches: fn(&DecisionResult) -> bool| results.iter().all(matches);
    if any_done {
        StatusCode::OK
    } else if all(|o| matches!(o, DecisionResult::NotAllowed { .. })) {
        StatusCode::FORBIDDEN
    } else if all(|o| matches!(o, DecisionResult::NotFound { .. })) {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::CONFLICT
    }
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

async fn decide(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let (_, who) = moderator(&viewer)?;
    let (references, request) = decision_request(&form)?;
    let action = request.action.clone();
    let back = match form.get("back") {
        back if back.starts_with("/moderation") => back.to_owned(),
        _ => "/moderation".to_owned(),
    };
    let state_for_work = state.clone();
    let single = (references.len() == 1).then(|| references[0].reference.clone());
    let decided = state
        .db(move |conn| {
            Ok(moderation::decide(
                conn,
                state_for_work.email_context(),
                who,
                &references,
                &request,
                Utc::now(),
            ))
        })
        .await?;
    let errors = match decided {
        Ok(results) => return decision_report_page(&state, &viewer, &action, &results, back),
        Err(ServiceError::InvalidFields(errors)) => errors,
        Err(ServiceError::Invalid(error)) => vec![error],
        Err(other) => return Err(other.into()),
    };
    // Show the form again with the message next to the field and every
    // choice the chair made: the comment's own page for its forms, the queue
    // (with its filters) for a selection.
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
            item_page(&state, &viewer, who, reference, choices, errors).await
        }
        _ => {
            let filter = QueueQuery::of_address(&back);
            queue_page(&state, &viewer, who, filter, choices, errors).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TokenQuery {
    token: String,
}

fn link_problem_page(
    state: &AppState,
    viewer: &Viewer,
    problem: EmailLinkProblem,
) -> Result<HttpResponse, WebError> {
    #[derive(Serialize)]
    struct Message {
        title: String,
        detail: String,
    }
    let (status, (title, detail)) = match problem {
        EmailLinkProblem::Expired => (
            StatusCode::GONE,
            ("account-link-expired", "moderation-link-expired-detail"),
        ),
        EmailLinkProblem::Invalid => (
            StatusCode::NOT_FOUND,
            (
                "account-unsubscribe-broken",
                "moderation-link-broken-detail",
            ),
        ),
    };
    let message = Message {
        title: text(viewer.language, title, &[]),
        detail: text(viewer.language, detail, &[]),
    };
    state.render_with_status(
        status,
        "pages/moderation/link_problem.html",
        &message,
        viewer,
    )
}

async fn email_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, WebError> {
    email_page(
        &state,
        &viewer,
        path.into_inner(),
        query.into_inner().token,
        BulkChoices::default(),
        vec![],
    )
    .await
}

/// The confirmation page of an emailed link, with messages next to the
/// fields when a reject was sent without a reason.
async fn email_page(
    state: &web::Data<AppState>,
    viewer: &Viewer,
    action: String,
    token: String,
    choices: BulkChoices,
    errors: Vec<crate::domain::InvalidField>,
) -> Result<HttpResponse, WebError> {
    let (a, t) = (action.clone(), token.clone());
    let state_for_work = state.clone();
    let checked = state
        .db(move |conn| {
            moderation::emailed_decision(conn, state_for_work.email_context(), &a, &t, Utc::now())
        })
        .await?;
    let decision = match checked {
        Ok(decision) => decision,
        Err(problem) => return link_problem_page(state, viewer, problem),
    };
    let record = &decision.record;
    let link = format!(
        "/c/{}/{}#{}",
        record.consultation_slug, record.roundtable_slug, record.comment.reference
    );
    let mut view = item_view(
        &record.comment,
        link,
        &decision.questions,
        &[],
        Utc::now(),
        viewer.language,
    );
    view.token = Some(token);
    view.action = Some(action);
    view.choices = choices;
    let status = crate::web::error::form_status(&errors);
    for error in errors {
        view.errors.insert(
            error.field,
            crate::i18n::say(viewer.language, &error.message),
        );
    }
    state.render_with_status(status, "pages/moderation/email_action.html", &view, viewer)
}

async fn email_decide(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let action = path.into_inner();
    let request = DecisionRequest {
        action: action.clone(),
        reason: form.get("reason").to_owned(),
        note: form.get("note").to_owned(),
        questions: Vec::new(),
    };
    let token = form.get("token").to_owned();
    let revision = form.get("revision").to_owned();
    let state_for_work = state.clone();
    let result = state
        .db(move |conn| {
            let ctx = state_for_work.email_context();
            let decision =
                match moderation::emailed_decision(conn, ctx, &request.action, &token, Utc::now())?
                {
                    Ok(decision) => decision,
                    Err(problem) => return Ok(Err(problem)),
                };
            // The revision the confirmation page showed.
            let references = vec![Target {
                reference: decision.record.comment.reference.clone(),
                revision: revision.parse().ok(),
            }];
            Ok(Ok(moderation::decide(
                conn,
                ctx,
                decision.moderator,
                &references,
                &request,
                Utc::now(),
            )))
        })
        .await?;
    match result {
        Err(problem) => link_problem_page(&state, &viewer, problem),
        Ok(Ok(results)) => {
            decision_report_page(&state, &viewer, &action, &results, "/moderation".into())
        }
        Ok(Err(ServiceError::InvalidFields(fields))) => {
            let choices = BulkChoices {
                reason: form.get("reason").to_owned(),
                note: form.get("note").to_owned(),
                ..BulkChoices::default()
            };
            let token = form.get("token").to_owned();
            email_page(&state, &viewer, action, token, choices, fields).await
        }
        Ok(Err(other)) => Err(other.into()),
    }
}

async fn audit(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (user, _) = moderator(&viewer)?;
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

async fn trust(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let (user, _) = moderator(&viewer)?;
    if !user.role.is_staff() {
        return Err(WebError::Forbidden("forbidden-trust".into()));
    }
    let (author, trusted) = (form.get("user").to_owned(), form.get("trusted") == "on");
    state
        .db(move |conn| moderation::set_trusted(conn, &user, &author, trusted, Utc::now()))
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, "/moderation"))
        .finish())
}
