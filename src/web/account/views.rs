//! What the account pages share: the form as shown again, the page that
//! only tells what happened, and the answer to a followed link.

use crate::domain::affiliation::{Gender, OrganisationType};
use crate::domain::return_path::ReturnPath;
use crate::domain::InvalidField;
use crate::i18n::labels;
use crate::i18n::{self, Arg, Language};
use crate::services::accounts::LinkOutcome;
use crate::web::error::{first_mistake, WebError};
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Serialize)]
pub(super) struct Choice {
    value: &'static str,
    label: String,
}

/// A form as shown again: what was typed (never the password) and, per
/// field, the message to show next to it.
#[derive(Serialize)]
pub(super) struct FormView<'a> {
    title: String,
    #[serde(skip)]
    language: Language,
    pub(super) values: HashMap<&'static str, String>,
    errors: HashMap<&'static str, String>,
    /// The same messages in the order of the form, for the summary at the top.
    error_summary: Vec<(&'static str, String)>,
    organisation_types: Vec<Choice>,
    countries: Vec<Choice>,
    genders: Vec<Choice>,
    pub(super) notice: Option<&'a str>,
    /// The page to come back to afterwards, carried by the form.
    pub(super) next: Option<String>,
    /// The same, encoded for the links to the other sign-in pages.
    next_encoded: Option<String>,
}

impl<'a> FormView<'a> {
    /// A form whose page title is the catalogue's `title_key`.
    pub(super) fn new(title_key: &str, language: Language) -> Self {
        Self {
            title: i18n::text(language, title_key, &[]),
            language,
            values: HashMap::new(),
            errors: HashMap::new(),
            error_summary: Vec::new(),
            organisation_types: OrganisationType::ALL
                .iter()
                .map(|t| Choice {
                    value: t.code(),
                    label: labels::organisation_type(*t, language),
                })
                .collect(),
            countries: labels::countries_by_name(language)
                .into_iter()
                .map(|(c, name)| Choice {
                    value: c.code(),
                    label: name,
                })
                .collect(),
            genders: Gender::ALL
                .iter()
                .map(|g| Choice {
                    value: g.code(),
                    label: labels::gender(*g, language),
                })
                .collect(),
            notice: None,
            next: None,
            next_encoded: None,
        }
    }

    /// Carries the page to come back to, when it is one of ours.
    pub(super) fn coming_back_to(mut self, next: &str) -> Self {
        self.next = ReturnPath::parse(next).map(|path| path.as_str().to_owned());
        self.next_encoded = self
            .next
            .as_ref()
            .map(|next| url::form_urlencoded::byte_serialize(next.as_bytes()).collect());
        self
    }

    pub(super) fn with_errors(mut self, errors: Vec<InvalidField>) -> Self {
        for error in errors {
            if !self.errors.contains_key(error.field) {
                let message = i18n::say(self.language, &error.message);
                self.error_summary.push((error.field, message.clone()));
                self.errors.insert(error.field, message);
            }
        }
        self
    }
}

/// A page that only tells what happened (a link followed, an email sent).
#[derive(Serialize)]
pub(super) struct Notice {
    pub(super) title: String,
    pub(super) detail: String,
    /// Where the person was before, offered as the way on.
    pub(super) next: Option<String>,
}

impl Notice {
    /// The title and the detail are catalogue keys; `args` fill the detail.
    pub(super) fn new(
        language: Language,
        (title, detail): (&str, &str),
        args: &[(&str, Arg)],
    ) -> Self {
        Self {
            title: i18n::text(language, title, &[]),
            detail: i18n::text(language, detail, args),
            next: None,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    csrf_token: String,
    pub(super) token: String,
    /// The page to come back to, as the emailed link carried it.
    pub(super) next: String,
}

/// `?next=…` on the pages that start signing in or registering.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextQuery {
    pub(super) next: String,
}

/// For forms that show one mistake at a time: the service's first mistake,
/// next to `field` when the service named it, else next to `otherwise`.
pub(super) fn one_mistake(
    fields: Vec<InvalidField>,
    field: &'static str,
    otherwise: &'static str,
) -> Vec<InvalidField> {
    let (name, reason) = first_mistake(fields);
    let at = if name == field { field } else { otherwise };
    vec![InvalidField::from_message(at, reason)]
}

pub(super) use crate::web::redirects::see_other as redirect;

/// The page after following an emailed link. Only a link that worked and one
/// that expired need words of their own; a used or unknown link reads the
/// same whatever it was for.
pub(super) fn link_result_page(
    state: &AppState,
    viewer: &Viewer,
    outcome: LinkOutcome,
    done: (&str, &str),
    expired: &str,
    next: Option<ReturnPath>,
) -> Result<HttpResponse, WebError> {
    let (status, keys) = match outcome {
        LinkOutcome::Done => (StatusCode::OK, done),
        LinkOutcome::Expired => (StatusCode::GONE, ("account-link-expired", expired)),
        LinkOutcome::AlreadyUsed => (
            StatusCode::GONE,
            ("account-link-used", "account-link-used-detail"),
        ),
        LinkOutcome::Unknown => (
            StatusCode::NOT_FOUND,
            ("account-link-unknown", "account-link-unknown-detail"),
        ),
    };
    let mut notice = Notice::new(viewer.language, keys, &[]);
    if status == StatusCode::OK {
        notice.next = next.map(|path| path.as_str().to_owned());
    }
    state.render_with_status(status, "pages/account/message.html", &notice, viewer)
}
