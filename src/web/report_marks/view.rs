//! What the marks' templates show, and the confirmations in words.

use crate::domain::return_path::ReturnPath;
use crate::i18n::{say, text, Language};
use crate::services::report_marks::CommentMarks;
use crate::web::form_pairs::FormPairs;
use serde::Serialize;
use std::collections::BTreeMap;

/// A theme as the partial shows it.
#[derive(Serialize)]
pub struct ThemeView {
    pub id: String,
    pub label: String,
}

/// What `templates/partials/report_marks.html` shows under a comment.
#[derive(Serialize, Default)]
pub struct MarksView {
    pub reference: String,
    /// Only a published comment can be retained.
    pub may_mark_relevance: bool,
    /// "retained", "not_retained" or "undecided".
    pub relevance: &'static str,
    pub themes: Vec<ThemeView>,
    /// Every label of the roundtable, for the datalist.
    pub options: Vec<String>,
    /// Where the forms send the chair back to.
    pub return_to: String,
    pub themes_page: String,
    pub typed: String,
    pub errors: BTreeMap<&'static str, String>,
    pub confirmation: Option<String>,
}

impl MarksView {
    pub fn of(marks: &CommentMarks, return_to: &str) -> Self {
        let record = &marks.record;
        Self {
            reference: record.comment.reference.clone(),
            may_mark_relevance: marks.may_mark_relevance(),
            relevance: marks.relevance.code(),
            themes: marks
                .themes
                .iter()
                .map(|t| ThemeView {
                    id: t.id.clone(),
                    label: t.label.clone(),
                })
                .collect(),
            options: marks
                .roundtable_themes
                .iter()
                .map(|t| t.theme.label.clone())
                .collect(),
            return_to: return_to.to_owned(),
            themes_page: format!(
                "/c/{}/{}/themes",
                record.consultation_slug, record.roundtable_slug
            ),
            ..Self::default()
        }
    }

    pub fn with_errors(mut self, errors: Vec<crate::domain::InvalidField>, lang: Language) -> Self {
        for error in errors {
            self.errors.insert(error.field, say(lang, &error.message));
        }
        self
    }
}

/// A change to confirm, as it travels in the address:
/// `marked=theme_added&label=Funding&comment=c-…` (not `theme`, which
/// filters the queue).
pub fn confirmation(query: &str, lang: Language) -> Option<String> {
    let pairs = FormPairs::parse(query.as_bytes());
    let what = pairs.get("marked");
    let known = [
        "retained",
        "not_retained",
        "theme_added",
        "theme_removed",
        "renamed",
        "merged",
    ];
    known.contains(&what).then(|| {
        text(
            lang,
            "marks-confirmation",
            &[
                ("what", what.to_owned().into()),
                ("reference", pairs.get("comment").to_owned().into()),
                ("theme", pairs.get("label").to_owned().into()),
                ("into", pairs.get("into").to_owned().into()),
            ],
        )
    })
}

/// The address to return to with a confirmation: the form's `return` if
/// it is a path of this site, else `fallback`.
pub(super) fn confirmed(return_to: &str, fallback: &str, pairs: &[(&str, &str)]) -> String {
    let to = ReturnPath::parse(return_to)
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| fallback.to_owned());
    let (path, anchor) = match to.split_once('#') {
        Some((path, anchor)) => (path.to_owned(), format!("#{anchor}")),
        None => (to, "#report-marks".to_owned()),
    };
    // Drop an earlier confirmation from the address before adding this one.
    let (page, query) = path.split_once('?').unwrap_or((&path, ""));
    let mut serializer = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        if !["marked", "label", "comment", "into"].contains(&name.as_ref()) {
            serializer.append_pair(&name, &value);
        }
    }
    for (name, value) in pairs {
        serializer.append_pair(name, value);
    }
    format!("{page}?{}{anchor}", serializer.finish())
}
