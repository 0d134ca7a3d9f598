//! The search page's address: what was typed, read leniently (a field the
//! form does not have is ignored), and written back into the links to the
//! other pages of results.

use crate::domain::Message;
use crate::services::search::SearchInput;
use crate::web::error::WebError;
use serde::Deserialize;
use std::collections::HashMap;

/// The form's fields in the order the links write them.
const FIELDS: [&str; 10] = [
    "q",
    "consultation",
    "roundtable",
    "question",
    "organisation_type",
    "country",
    "from",
    "to",
    "theme",
    "relevance",
];

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct SearchParams {
    /// Absent: the form only, nothing searched yet.
    pub q: Option<String>,
    pub consultation: String,
    pub roundtable: String,
    pub question: String,
    pub organisation_type: String,
    pub country: String,
    pub from: String,
    pub to: String,
    pub page: String,
    /// Chairs' and staff's filters (`services::report_marks`).
    pub theme: String,
    pub relevance: String,
}

impl SearchParams {
    /// What to search for; None when nothing was asked yet.
    pub fn input(&self) -> Result<Option<SearchInput>, WebError> {
        let Some(q) = &self.q else { return Ok(None) };
        Ok(Some(SearchInput {
            q: q.clone(),
            consultation: self.consultation.clone(),
            roundtable: self.roundtable.clone(),
            question: self.question.clone(),
            organisation_type: self.organisation_type.clone(),
            country: self.country.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            page: page_number(&self.page)?,
            theme: self.theme.clone(),
            relevance: self.relevance.clone(),
        }))
    }

    fn field(&self, name: &str) -> &str {
        match name {
            "q" => self.q.as_deref().unwrap_or(""),
            "consultation" => &self.consultation,
            "roundtable" => &self.roundtable,
            "question" => &self.question,
            "organisation_type" => &self.organisation_type,
            "country" => &self.country,
            "from" => &self.from,
            "to" => &self.to,
            "theme" => &self.theme,
            "relevance" => &self.relevance,
            _ => "",
        }
    }

    /// Every field typed, as typed, for the form to show again.
    pub fn values(&self) -> HashMap<&'static str, String> {
        FIELDS
            .iter()
            .filter(|name| !self.field(name).is_empty())
            .map(|name| (*name, self.field(name).to_owned()))
            .collect()
    }

    /// The address of page `n` of the same search.
    pub fn page_href(&self, n: usize) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for name in FIELDS {
            let value = self.field(name);
            if name == "q" || !value.is_empty() {
                query.append_pair(name, value);
            }
        }
        if n > 1 {
            query.append_pair("page", &n.to_string());
        }
        format!("/search?{}", query.finish())
    }
}

/// A page number from 1; blank is the first page.
pub fn page_number(raw: &str) -> Result<usize, WebError> {
    match raw.trim() {
        "" => Ok(1),
        raw => match raw.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(WebError::invalid(
                "page",
                Message::new("invalid-page").with("value", raw),
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_every_filter_and_name_the_page() {
        let params = SearchParams {
            q: Some("water \"clean air\"".into()),
            country: "GE".into(),
            from: "2026-01-01".into(),
            ..SearchParams::default()
        };
        assert_eq!(
            params.page_href(2),
            "/search?q=water+%22clean+air%22&country=GE&from=2026-01-01&page=2"
        );
        assert_eq!(params.values().len(), 3);
    }

    #[test]
    fn no_q_is_no_search_and_a_bad_page_is_refused() {
        assert!(SearchParams::default().input().unwrap().is_none());
        let bad = SearchParams {
            q: Some("x".into()),
            page: "0".into(),
            ..SearchParams::default()
        };
        assert!(bad.input().is_err());
    }
}
