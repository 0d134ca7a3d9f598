//! The page that asks before a consultation is archived, or opened while a
//! roundtable has no chair or no guiding question, and before guiding
//! questions are removed. It carries the form as it was typed, so that
//! confirming saves exactly that and going back shows it again.

use crate::domain::authoring::ask_first::AskFirst;
use crate::i18n::{text, Language};
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::HttpResponse;
use serde::Serialize;

/// The page that asks, for the form sent to `action`.
pub(super) fn render(
    state: &AppState,
    viewer: &Viewer,
    (asked, form): (&AskFirst, &FormPairs),
    action: String,
) -> Result<HttpResponse, WebError> {
    let view = AskFirstView::new(asked, form, action, viewer.language);
    state.render("pages/admin/confirm_status.html", &view, viewer)
}

#[derive(Serialize)]
pub(super) struct AskFirstView {
    title: String,
    /// What is missing, a line for each roundtable concerned.
    missing: Vec<String>,
    explanation: String,
    confirm: String,
    action: String,
    /// The form's fields as sent, to send again.
    fields: Vec<(String, String)>,
}

impl AskFirstView {
    /// `action`: where the form was sent, to send it again.
    pub(super) fn new(asked: &AskFirst, form: &FormPairs, action: String, lang: Language) -> Self {
        let title_arg = [("title", form.get("title").into())];
        let (title, explanation, confirm, missing) = match asked {
            AskFirst::Archive => (
                text(lang, "admin-ask-archive-title", &title_arg),
                text(lang, "admin-ask-archive-explanation", &[]),
                text(lang, "admin-ask-archive-confirm", &[]),
                vec![],
            ),
            AskFirst::OpenIncomplete(incomplete) => (
                text(lang, "admin-ask-open-title", &title_arg),
                text(lang, "admin-ask-open-explanation", &[]),
                text(lang, "admin-ask-open-confirm", &[]),
                incomplete
                    .iter()
                    .map(|r| {
                        let key = match (r.no_chair, r.no_question) {
                            (true, true) => "admin-ask-open-no-chair-no-question",
                            (true, false) => "admin-ask-open-no-chair",
                            _ => "admin-ask-open-no-question",
                        };
                        text(lang, key, &[("roundtable", r.full_title.as_str().into())])
                    })
                    .collect(),
            ),
            AskFirst::RemoveQuestions(texts) => (
                text(lang, "admin-ask-remove-questions-title", &title_arg),
                text(lang, "admin-ask-remove-questions-explanation", &[]),
                text(lang, "admin-ask-remove-questions-confirm", &[]),
                texts.clone(),
            ),
        };
        let fields = form
            .pairs()
            .filter(|(name, _)| !matches!(*name, "csrf_token" | "intent" | "confirmed"))
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect();
        Self {
            title,
            missing,
            explanation,
            confirm,
            action,
            fields,
        }
    }
}
