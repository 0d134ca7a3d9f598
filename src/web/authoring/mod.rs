//! Staff set up consultations and roundtables in the browser. Every form
//! has a "Preview" that renders its Markdown fields on the server and keeps
//! what was typed; mistakes come back next to their fields.

mod clearinghouse;
mod consultation_view;
mod consultations;
mod roundtables;

use super::form_pairs::FormPairs;
use super::session::Viewer;
use crate::domain::user::SignedInUser;
use crate::web::error::WebError;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::Serialize;
use std::collections::HashMap;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/consultations", web::get().to(consultations::list))
        .route(
            "/admin/consultations/new",
            web::get().to(consultations::new_form),
        )
        .route(
            "/admin/consultations/new",
            web::post().to(consultations::create),
        )
        .route(
            "/admin/consultations/{c}",
            web::get().to(consultations::edit_form),
        )
        .route(
            "/admin/consultations/{c}",
            web::post().to(consultations::update),
        )
        .route(
            "/admin/consultations/{c}/programme",
            web::post().to(clearinghouse::add_programme_item),
        )
        .route(
            "/admin/consultations/{c}/programme/{id}/remove",
            web::post().to(clearinghouse::remove_programme_item),
        )
        .route(
            "/admin/consultations/{c}/resources",
            web::post().to(clearinghouse::add_resource),
        )
        .route(
            "/admin/consultations/{c}/resources/{id}/remove",
            web::post().to(clearinghouse::remove_resource),
        )
        .route(
            "/admin/consultations/{c}/roundtables/new",
            web::get().to(roundtables::new_form),
        )
        .route(
            "/admin/consultations/{c}/roundtables/new",
            web::post().to(roundtables::create),
        )
        .route(
            "/admin/consultations/{c}/roundtables/{r}",
            web::get().to(roundtables::edit_form),
        )
        .route(
            "/admin/consultations/{c}/roundtables/{r}",
            web::post().to(roundtables::update),
        )
        .route(
            "/admin/consultations/{c}/roundtables/{r}/move",
            web::post().to(roundtables::move_roundtable),
        )
        .route(
            "/admin/consultations/{c}/roundtables/{r}/chairs",
            web::post().to(roundtables::chairs),
        );
}

fn staff(viewer: &Viewer) -> Result<SignedInUser, WebError> {
    viewer
        .user
        .clone()
        .ok_or_else(|| WebError::Unauthorized("unauthorized-authoring".into()))
}

fn see_other(to: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .finish()
}

/// A choice in a select list or a set of checkboxes.
#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

fn choices<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<Choice> {
    pairs
        .into_iter()
        .map(|(value, label)| Choice {
            value: value.into(),
            label: label.into(),
        })
        .collect()
}

/// A closed list's choices labelled in the reader's language (views.ftl).
fn translated<'a>(
    lang: crate::i18n::Language,
    list: &str,
    codes: impl IntoIterator<Item = &'a str>,
) -> Vec<Choice> {
    codes
        .into_iter()
        .map(|code| Choice {
            value: code.into(),
            label: crate::i18n::text(lang, &format!("views-{list}-{code}"), &[]),
        })
        .collect()
}

/// What a form shows again: the values as typed and the messages by field.
#[derive(Serialize, Default)]
struct Typed {
    values: HashMap<String, String>,
    errors: HashMap<&'static str, String>,
}

impl Typed {
    fn from_form(form: &FormPairs, names: &[&str]) -> Self {
        Self {
            values: names
                .iter()
                .map(|n| ((*n).to_owned(), form.get(n).to_owned()))
                .collect(),
            errors: HashMap::new(),
        }
    }
}
