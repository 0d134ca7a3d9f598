//! Consultations: the list, and the form that creates or edits one.

use super::ask_first_view;
use super::consultation_view::{typed_of, ConsultationFormView};
use super::done::notice;
use super::form::{see_other, shown_again, Typed};
use crate::domain::authoring::ConsultationInput;
use crate::domain::clearinghouse::{ProgrammeInput, ResourceInput};
use crate::domain::user::SignedInUser;
use crate::services::authoring::{self, ConsultationAnswer, FormAnswer};
use crate::text::render_document;
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToAuthor};
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Serialize;
use std::collections::HashMap;

const FIELDS: &[&str] = &[
    "patrons",
    "title",
    "slug",
    "summary",
    "description",
    "kind",
    "venue",
    "starts_at",
    "ends_at",
    "time_zone",
    "content_language",
    "status",
    "organisers",
    "partners",
];

#[derive(Serialize)]
struct ListedConsultation {
    slug: String,
    title: String,
    status: String,
}

pub(super) async fn list(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToAuthor>,
) -> Result<HttpResponse, WebError> {
    let all = state.db(move |conn| authoring::list(conn, &user)).await?;
    let listed: Vec<ListedConsultation> = all
        .iter()
        .map(|c| ListedConsultation {
            slug: c.slug.to_string(),
            title: c.title.clone(),
            status: crate::i18n::labels::label(viewer.language, "status", c.status.code()),
        })
        .collect();
    state.render(
        "pages/admin/consultations.html",
        &serde_json::json!({
            "title": crate::i18n::text(viewer.language, "admin-consultations-title", &[]),
            "consultations": listed,
        }),
        &viewer,
    )
}

fn input_of(form: &FormPairs) -> ConsultationInput {
    ConsultationInput {
        title: form.get("title").into(),
        slug: form.get("slug").into(),
        summary: form.get("summary").into(),
        description: form.get("description").into(),
        kind: form.get("kind").into(),
        venue: form.get("venue").into(),
        online: form.get("online") == "on",
        starts_at: form.get("starts_at").into(),
        ends_at: form.get("ends_at").into(),
        time_zone: form.get("time_zone").into(),
        content_language: form.get("content_language").into(),
        languages: form.all("languages"),
        status: form.get("status").into(),
        organisers: form.get("organisers").into(),
        partners: form.get("partners").into(),
        patrons: form.get("patrons").into(),
    }
}

pub(super) async fn new_form(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToAuthor>,
) -> Result<HttpResponse, WebError> {
    authoring::check_staff(&user)?;
    let input = ConsultationInput {
        kind: "consultation".into(),
        time_zone: "UTC".into(),
        content_language: "en".into(),
        languages: vec!["en".into()],
        status: "draft".into(),
        online: true,
        ..Default::default()
    };
    let view = ConsultationFormView::new(None, typed_of(&input), &input, viewer.language);
    state.render("pages/admin/consultation_form.html", &view, &viewer)
}

/// The consultation's page; `?edit_programme={id}` or `?edit_resource={id}`
/// fills that section's form with the entry, to be saved in place.
pub(super) async fn edit_form(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToAuthor>,
    path: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let slug = path.into_inner();
    let editor = state
        .db(move |conn| authoring::consultation_editor(conn, &user, &slug))
        .await?;
    let mut view = ConsultationFormView::new(
        Some(&editor),
        typed_of(&editor.input),
        &editor.input,
        viewer.language,
    );
    let slug_of = |id: Option<crate::domain::ids::RoundtableId>| {
        id.and_then(|id| editor.roundtables.iter().find(|r| r.id == id))
            .map(|r| r.slug.to_string())
    };
    let done = query.get("done").map(String::as_str).unwrap_or_default();
    view.notice = notice(done, &editor.consultation.title, viewer.language);
    let values = &mut view.typed.values;
    if let Some(id) = query.get("edit_programme") {
        let item = editor.programme.iter().find(|i| i.id.to_string() == *id);
        let item = item.ok_or(WebError::NotFound("missing-programme-item"))?;
        let zone = editor.consultation.time_zone;
        let input = ProgrammeInput::of(item, zone, slug_of(item.roundtable_id));
        prefill(values, "programme", id, &input);
    } else if let Some(id) = query.get("edit_resource") {
        let resource = editor.resources.iter().find(|r| r.id.to_string() == *id);
        let resource = resource.ok_or(WebError::NotFound("missing-resource"))?;
        let input = ResourceInput::of(resource, slug_of(resource.roundtable_id));
        prefill(values, "resource", id, &input);
    }
    state.render("pages/admin/consultation_form.html", &view, &viewer)
}

/// A section's form filled with a stored entry: `{section}_{field}` for each
/// field of its input, and `{section}_id` so that saving replaces it.
fn prefill(values: &mut HashMap<String, String>, section: &str, id: &str, input: &impl Serialize) {
    values.insert(format!("{section}_id"), id.to_owned());
    if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(input) {
        for (field, value) in fields {
            let text = value.as_str().unwrap_or_default().to_owned();
            values.insert(format!("{section}_{field}"), text);
        }
    }
}

/// The consultation's page again, with what was typed in one of its
/// sections (programme, resources) and the mistakes next to the fields.
pub(super) async fn render_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    user: SignedInUser,
    slug: String,
    typed: Typed,
    errors: Vec<crate::domain::InvalidField>,
) -> Result<HttpResponse, WebError> {
    let editor = state
        .db(move |conn| authoring::consultation_editor(conn, &user, &slug))
        .await?;
    let mut view = ConsultationFormView::new(
        Some(&editor),
        typed_of(&editor.input),
        &editor.input,
        viewer.language,
    );
    view.typed.values.extend(typed.values);
    view.typed.errors = crate::i18n::by_field(viewer.language, &errors);
    state.render_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        "pages/admin/consultation_form.html",
        &view,
        &viewer,
    )
}

pub(super) async fn create(
    state: web::Data<AppState>,
    author: SignedIn<ToAuthor>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    save(state, author, None, body).await
}

pub(super) async fn update(
    state: web::Data<AppState>,
    author: SignedIn<ToAuthor>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    save(state, author, Some(path.into_inner()), body).await
}

/// Where the consultation form is sent: the consultation's page, or "new".
fn form_address(existing: Option<&str>) -> String {
    format!("/admin/consultations/{}", existing.unwrap_or("new"))
}

/// Saves the form, or shows it again: previewed, with its mistakes, or
/// with why it cannot be saved (409).
async fn save(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToAuthor>,
    existing: Option<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let input = input_of(&form);
    // "back" comes from the page that asks first: the form again, as typed.
    let (intent, confirmed) = (form.get("intent"), form.get("confirmed") == "yes");
    let preview = intent == "preview" || intent == "back";
    let (i, now, action) = (input.clone(), Utc::now(), existing.clone());
    let answer = state
        .db(move |conn| {
            let typed = (&i, confirmed);
            authoring::consultation_form(conn, &user, action.as_deref(), typed, preview, now)
        })
        .await?;
    let again = match answer {
        ConsultationAnswer::AskFirst(asked) => {
            let action = form_address(existing.as_deref());
            return ask_first_view::render(&state, &viewer, (&asked, &form), action);
        }
        ConsultationAnswer::Form(answer) => match *answer {
            FormAnswer::Saved(slug) => {
                return Ok(see_other(format!("/admin/consultations/{slug}?done=saved")))
            }
            FormAnswer::Again(again) => again,
        },
    };
    let lang = viewer.language;
    let typed = Typed::from_form(&form, FIELDS);
    let mut view = ConsultationFormView::new(again.editor.as_ref(), typed, &input, lang);
    view.preview_html = (intent == "preview").then(|| render_document(&input.description));
    let status;
    (status, view.problem) = shown_again(&again, &mut view.typed, lang);
    state.render_with_status(status, "pages/admin/consultation_form.html", &view, &viewer)
}
