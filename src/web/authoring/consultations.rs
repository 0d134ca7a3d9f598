//! Consultations: the list, and the form that creates or edits one.

use super::{choices, see_other, staff, translated, Choice, Typed};
use crate::domain::authoring::{ConsultationInput, LANGUAGES};
use crate::domain::consultation::{ConsultationKind, ConsultationStatus};
use crate::services::authoring::{self, ConsultationEditor};
use crate::services::ServiceError;
use crate::text::{render_document, SafeHtml};
use crate::web::form_pairs::FormPairs;
use crate::web::session::Viewer;
use crate::web::{AppState, WebError};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde::Serialize;

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
    status: &'static str,
}

pub(super) async fn list(
    state: web::Data<AppState>,
    viewer: Viewer,
) -> Result<HttpResponse, WebError> {
    let actor = staff(&viewer)?;
    let all = state.db(move |conn| authoring::list(conn, &actor)).await?;
    let listed: Vec<ListedConsultation> = all
        .iter()
        .map(|c| ListedConsultation {
            slug: c.slug.to_string(),
            title: c.title.clone(),
            status: c.status.label(),
        })
        .collect();
    state.render(
        "pages/admin/consultations.html",
        &serde_json::json!({ "title": "Consultations", "consultations": listed }),
        &viewer,
    )
}

#[derive(Serialize)]
struct RoundtableLine {
    slug: String,
    full_title: String,
    sub: bool,
}

#[derive(Serialize)]
struct ConsultationFormView {
    title: String,
    action: String,
    existing: Option<String>,
    #[serde(flatten)]
    typed: Typed,
    languages_checked: Vec<String>,
    online: bool,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    languages: Vec<Choice>,
    time_zones: Vec<&'static str>,
    preview_html: Option<SafeHtml>,
    roundtables: Vec<RoundtableLine>,
    problem: Option<String>,
    programme: Vec<EntryLine>,
    resources: Vec<EntryLine>,
    roundtable_choices: Vec<Choice>,
    resource_kinds: Vec<Choice>,
}

/// A programme item or resource as the list shows it.
#[derive(Serialize)]
struct EntryLine {
    id: String,
    text: String,
    detail: String,
    roundtable: Option<String>,
}

impl ConsultationFormView {
    fn new(
        existing: Option<&ConsultationEditor>,
        typed: Typed,
        input: &ConsultationInput,
        lang: crate::i18n::Language,
    ) -> Self {
        Self {
            title: match existing {
                Some(e) => format!("Edit {}", e.consultation.title),
                None => "New consultation".into(),
            },
            action: match existing {
                Some(e) => format!("/admin/consultations/{}", e.consultation.slug),
                None => "/admin/consultations/new".into(),
            },
            existing: existing.map(|e| e.consultation.slug.to_string()),
            typed,
            languages_checked: input.languages.clone(),
            online: input.online,
            kinds: translated(lang, "kind", ConsultationKind::ALL.iter().map(|k| k.code())),
            statuses: translated(
                lang,
                "status",
                ConsultationStatus::ALL.iter().map(|s| s.code()),
            ),
            languages: choices(LANGUAGES),
            time_zones: chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect(),
            preview_html: None,
            roundtables: existing
                .map(|e| {
                    let top: Vec<_> = e
                        .roundtables
                        .iter()
                        .filter(|r| r.parent_id.is_none())
                        .collect();
                    top.iter()
                        .flat_map(|parent| {
                            std::iter::once(*parent).chain(
                                e.roundtables
                                    .iter()
                                    .filter(|r| r.parent_id == Some(parent.id)),
                            )
                        })
                        .map(|r| RoundtableLine {
                            slug: r.slug.to_string(),
                            full_title: r.full_title(),
                            sub: r.parent_id.is_some(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            problem: None,
            programme: existing
                .map(|e| {
                    e.programme
                        .iter()
                        .map(|item| EntryLine {
                            id: item.id.to_string(),
                            text: item.title.clone(),
                            detail: crate::web::format::time_range(
                                item.starts_at,
                                item.ends_at,
                                e.consultation.time_zone,
                                lang,
                            ),
                            roundtable: roundtable_title(e, item.roundtable_id),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            resources: existing
                .map(|e| {
                    e.resources
                        .iter()
                        .map(|r| EntryLine {
                            id: r.id.to_string(),
                            text: r.title.clone(),
                            detail: r.url.clone(),
                            roundtable: roundtable_title(e, r.roundtable_id),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            roundtable_choices: existing
                .map(|e| {
                    e.roundtables
                        .iter()
                        .map(|r| Choice {
                            value: r.slug.to_string(),
                            label: r.full_title(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            resource_kinds: translated(
                lang,
                "resource",
                crate::domain::roundtable::ResourceKind::ALL
                    .iter()
                    .map(|k| k.code()),
            ),
        }
    }
}

fn roundtable_title(
    e: &ConsultationEditor,
    id: Option<crate::domain::ids::RoundtableId>,
) -> Option<String> {
    id.and_then(|id| e.roundtables.iter().find(|r| r.id == id))
        .map(|r| r.full_title())
}

fn typed_of(input: &ConsultationInput) -> Typed {
    let mut typed = Typed::default();
    for (name, value) in [
        ("title", &input.title),
        ("slug", &input.slug),
        ("summary", &input.summary),
        ("description", &input.description),
        ("kind", &input.kind),
        ("venue", &input.venue),
        ("starts_at", &input.starts_at),
        ("ends_at", &input.ends_at),
        ("time_zone", &input.time_zone),
        ("content_language", &input.content_language),
        ("status", &input.status),
        ("organisers", &input.organisers),
        ("partners", &input.partners),
        ("patrons", &input.patrons),
    ] {
        typed.values.insert(name.into(), value.clone());
    }
    typed
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
    viewer: Viewer,
) -> Result<HttpResponse, WebError> {
    let actor = staff(&viewer)?;
    state
        .db(move |conn| authoring::list(conn, &actor).map(|_| ()))
        .await?;
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

pub(super) async fn edit_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let actor = staff(&viewer)?;
    let slug = path.into_inner();
    let editor = state
        .db(move |conn| authoring::consultation_editor(conn, &actor, &slug))
        .await?;
    let view = ConsultationFormView::new(
        Some(&editor),
        typed_of(&editor.input),
        &editor.input,
        viewer.language,
    );
    state.render("pages/admin/consultation_form.html", &view, &viewer)
}

/// The consultation's page again, with what was typed in one of its
/// sections (programme, resources) and the mistakes next to the fields.
pub(super) async fn render_form(
    state: web::Data<AppState>,
    viewer: Viewer,
    slug: String,
    typed: Typed,
    errors: Vec<crate::domain::InvalidField>,
) -> Result<HttpResponse, WebError> {
    let actor = staff(&viewer)?;
    let editor = state
        .db(move |conn| authoring::consultation_editor(conn, &actor, &slug))
        .await?;
    let mut view = ConsultationFormView::new(
        Some(&editor),
        typed_of(&editor.input),
        &editor.input,
        viewer.language,
    );
    view.typed.values.extend(typed.values);
    view.typed.errors = errors.into_iter().map(|e| (e.field, e.message)).collect();
    state.render_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        "pages/admin/consultation_form.html",
        &view,
        &viewer,
    )
}

pub(super) async fn create(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    save(state, viewer, None, body).await
}

pub(super) async fn update(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    save(state, viewer, Some(path.into_inner()), body).await
}

async fn save(
    state: web::Data<AppState>,
    viewer: Viewer,
    existing: Option<String>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form = FormPairs::parse(&body);
    let actor = staff(&viewer)?;
    viewer.check_csrf(form.get("csrf_token"))?;
    let input = input_of(&form);
    let editor = match existing.clone() {
        Some(slug) => {
            let a = actor.clone();
            Some(
                state
                    .db(move |conn| authoring::consultation_editor(conn, &a, &slug))
                    .await?,
            )
        }
        None => None,
    };
    let mut view = ConsultationFormView::new(
        editor.as_ref(),
        Typed::from_form(&form, FIELDS),
        &input,
        viewer.language,
    );
    if form.get("intent") == "preview" {
        authoring::check_staff(&actor)?;
        view.preview_html = Some(render_document(&input.description));
        return state.render("pages/admin/consultation_form.html", &view, &viewer);
    }
    let (i, now) = (input.clone(), Utc::now());
    let saved = state
        .db(move |conn| {
            Ok(match &existing {
                Some(slug) => authoring::update_consultation(conn, &actor, slug, &i, now),
                None => authoring::create_consultation(conn, &actor, &i, now),
            })
        })
        .await?;
    match saved {
        Ok(slug) => Ok(see_other(format!("/admin/consultations/{slug}?saved=1"))),
        Err(ServiceError::InvalidFields(errors)) => {
            view.typed.errors = errors.into_iter().map(|e| (e.field, e.message)).collect();
            state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/admin/consultation_form.html",
                &view,
                &viewer,
            )
        }
        Err(ServiceError::Invalid(e)) => {
            view.typed.errors.insert(e.field, e.message);
            state.render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "pages/admin/consultation_form.html",
                &view,
                &viewer,
            )
        }
        Err(ServiceError::Conflict(message)) => {
            view.problem = Some(message);
            state.render_with_status(
                StatusCode::CONFLICT,
                "pages/admin/consultation_form.html",
                &view,
                &viewer,
            )
        }
        Err(other) => Err(other.into()),
    }
}
