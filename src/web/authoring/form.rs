//! What the authoring forms share: typed values and their mistakes, choices,
//! and the redirect after a save.

use crate::i18n::Language;
use crate::services::authoring::FormAgain;
use crate::web::error::form_status;
use crate::web::form_pairs::FormPairs;
use actix_web::http::StatusCode;
use serde::Serialize;
use std::collections::HashMap;

pub(super) use crate::web::redirects::see_other;

/// A choice in a select list or a set of checkboxes.
#[derive(Serialize)]
pub(super) struct Choice {
    pub(super) value: String,
    pub(super) label: String,
}

pub(super) fn choices<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<Choice> {
    pairs
        .into_iter()
        .map(|(value, label)| Choice {
            value: value.into(),
            label: label.into(),
        })
        .collect()
}

/// A closed list's choices labelled in the reader's language (views.ftl).
pub(super) fn translated<'a>(
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
pub(super) struct Typed {
    pub(super) values: HashMap<String, String>,
    pub(super) errors: HashMap<&'static str, String>,
}

impl Typed {
    pub(super) fn from_form(form: &FormPairs, names: &[&str]) -> Self {
        Self {
            values: names
                .iter()
                .map(|n| ((*n).to_owned(), form.get(n).to_owned()))
                .collect(),
            errors: HashMap::new(),
        }
    }
}

/// A form shown again: its mistakes go next to their fields (422), what
/// stopped a sound form goes above it (409); after a preview, neither (200).
/// Returns the status and the problem.
pub(super) fn shown_again<E>(
    again: &FormAgain<E>,
    typed: &mut Typed,
    lang: Language,
) -> (StatusCode, Option<String>) {
    typed.errors = crate::i18n::by_field(lang, &again.mistakes);
    match &again.problem {
        Some(problem) => (StatusCode::CONFLICT, Some(crate::i18n::say(lang, problem))),
        None => (form_status(&again.mistakes), None),
    }
}
