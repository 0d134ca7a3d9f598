//! The programme and resources of a consultation: added, or edited in
//! place, from forms on the consultation's page (mistakes shown next to
//! their fields), removed after a page that asks first.

use super::consultations::render_form;
use super::form::{see_other, Typed};
use crate::domain::clearinghouse::{ProgrammeInput, ResourceInput};
use crate::services::clearinghouse::{self, Entry};
use crate::web::error::{field_mistakes, WebError};
use crate::web::form_pairs::FormPairs;
use crate::web::guards::{SignedIn, ToAuthor};
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Serialize;

const PROGRAMME_FIELDS: &[&str] = &[
    "programme_starts_at",
    "programme_ends_at",
    "programme_title",
    "programme_description",
    "programme_speakers",
    "programme_roundtable",
    "programme_id",
];
const RESOURCE_FIELDS: &[&str] = &[
    "resource_kind",
    "resource_title",
    "resource_url",
    "resource_description",
    "resource_roundtable",
    "resource_id",
];

pub(super) async fn add_programme_item(
    state: web::Data<AppState>,
    author: SignedIn<ToAuthor>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let actor = author.user.clone();
    let consultation = path.into_inner();
    let input = ProgrammeInput {
        starts_at: form.get("programme_starts_at").into(),
        ends_at: form.get("programme_ends_at").into(),
        title: form.get("programme_title").into(),
        description: form.get("programme_description").into(),
        speakers: form.get("programme_speakers").into(),
        roundtable: form.get("programme_roundtable").into(),
    };
    let (c, id) = (consultation.clone(), editing(&form, "programme_id"));
    let added = state
        .db(move |conn| {
            clearinghouse::save_programme_item(conn, &actor, &c, id.as_deref(), &input, Utc::now())
        })
        .await;
    answer(
        state,
        author,
        consultation,
        added,
        Typed::from_form(&form, PROGRAMME_FIELDS),
        "programme",
    )
    .await
}

pub(super) async fn add_resource(
    state: web::Data<AppState>,
    author: SignedIn<ToAuthor>,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let actor = author.user.clone();
    let consultation = path.into_inner();
    let input = ResourceInput {
        kind: form.get("resource_kind").into(),
        title: form.get("resource_title").into(),
        url: form.get("resource_url").into(),
        description: form.get("resource_description").into(),
        roundtable: form.get("resource_roundtable").into(),
    };
    let (c, id) = (consultation.clone(), editing(&form, "resource_id"));
    let added = state
        .db(move |conn| {
            clearinghouse::save_resource(conn, &actor, &c, id.as_deref(), &input, Utc::now())
        })
        .await;
    answer(
        state,
        author,
        consultation,
        added,
        Typed::from_form(&form, RESOURCE_FIELDS),
        "resources",
    )
    .await
}

/// The id of the entry being edited, or None when the form adds one.
fn editing(form: &FormPairs, field: &str) -> Option<String> {
    Some(form.get(field).trim().to_owned()).filter(|id| !id.is_empty())
}

/// Back to the list when it worked; the consultation's page with the
/// section's mistakes when it did not.
async fn answer(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToAuthor>,
    consultation: String,
    outcome: Result<(), WebError>,
    typed: Typed,
    section: &str,
) -> Result<HttpResponse, WebError> {
    match field_mistakes(outcome)? {
        Ok(()) => {
            let done = match section {
                "programme" => "programme-saved",
                _ => "resource-saved",
            };
            let to = format!("/admin/consultations/{consultation}?done={done}#{section}");
            Ok(see_other(to))
        }
        Err(mistakes) => render_form(state, viewer, user, consultation, typed, mistakes).await,
    }
}

pub(super) async fn remove_programme_item(
    state: web::Data<AppState>,
    author: SignedIn<ToAuthor>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    remove(state, author, path.into_inner(), Entry::ProgrammeItem).await
}

pub(super) async fn remove_resource(
    state: web::Data<AppState>,
    author: SignedIn<ToAuthor>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    remove(state, author, path.into_inner(), Entry::Resource).await
}

async fn remove(
    state: web::Data<AppState>,
    SignedIn { user: actor, .. }: SignedIn<ToAuthor>,
    (consultation, id): (String, String),
    entry: Entry,
) -> Result<HttpResponse, WebError> {
    let c = consultation.clone();
    state
        .db(move |conn| clearinghouse::remove(conn, &actor, &c, entry, &id, Utc::now()))
        .await?;
    let (section, done) = match entry {
        Entry::ProgrammeItem => ("programme", "programme-removed"),
        Entry::Resource => ("resources", "resource-removed"),
    };
    Ok(see_other(format!(
        "/admin/consultations/{consultation}?done={done}#{section}"
    )))
}

/// "Remove this?": the entry named, the button that removes it (with the
/// fields its form sends), and the way back that keeps it.
#[derive(Serialize)]
pub(super) struct RemoveView {
    pub(super) title: String,
    pub(super) entry: String,
    /// What removing it means.
    pub(super) consequence: String,
    pub(super) action: String,
    pub(super) fields: Vec<(&'static str, String)>,
    pub(super) back: String,
}

pub(super) async fn confirm_remove_programme_item(
    state: web::Data<AppState>,
    author: SignedIn<ToAuthor>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    confirm_remove(state, author, path.into_inner(), Entry::ProgrammeItem).await
}

pub(super) async fn confirm_remove_resource(
    state: web::Data<AppState>,
    author: SignedIn<ToAuthor>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    confirm_remove(state, author, path.into_inner(), Entry::Resource).await
}

async fn confirm_remove(
    state: web::Data<AppState>,
    SignedIn { viewer, user, .. }: SignedIn<ToAuthor>,
    (consultation, id): (String, String),
    entry: Entry,
) -> Result<HttpResponse, WebError> {
    let c = consultation.clone();
    let editor = state
        .db(move |conn| crate::services::authoring::consultation_editor(conn, &user, &c))
        .await?;
    let (named, section) = match entry {
        Entry::ProgrammeItem => {
            let item = editor.programme.iter().find(|i| i.id.to_string() == id);
            let item = item.ok_or(WebError::NotFound("missing-programme-item"))?;
            (item.title.clone(), "programme")
        }
        Entry::Resource => {
            let found = editor.resources.iter().find(|r| r.id.to_string() == id);
            let resource = found.ok_or(WebError::NotFound("missing-resource"))?;
            (resource.title.clone(), "resources")
        }
    };
    let base = format!("/admin/consultations/{consultation}");
    let view = RemoveView {
        title: crate::i18n::text(
            viewer.language,
            &format!("admin-remove-{section}-title"),
            &[],
        ),
        entry: named,
        consequence: crate::i18n::text(viewer.language, "admin-remove-cannot-undo", &[]),
        action: format!("{base}/{section}/{id}/remove"),
        fields: vec![],
        back: format!("{base}#{section}"),
    };
    state.render("pages/admin/confirm_remove.html", &view, &viewer)
}
