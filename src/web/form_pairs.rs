//! Forms with repeated fields (ticked questions, selected comments), which
//! serde's URL-encoded forms cannot read into lists.

use crate::domain::comment::QuestionPick;
use crate::services::ServiceError;
use crate::web::error::WebError;

pub struct FormPairs(Vec<(String, String)>);

impl FormPairs {
    pub fn parse(body: &[u8]) -> Self {
        Self(url::form_urlencoded::parse(body).into_owned().collect())
    }

    /// The first value of a field, or "".
    /// Every field as sent, in order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .collect()
    }

    /// Ticked guiding questions, by id or number; anything else is refused.
    pub fn questions(&self, name: &'static str) -> Result<Vec<QuestionPick>, WebError> {
        self.all(name)
            .iter()
            .filter(|v| !v.is_empty())
            .map(|v| QuestionPick::parse(name, v).map_err(|e| ServiceError::Invalid(e).into()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_fields_are_all_read() {
        let form = FormPairs::parse(b"body=Hello+there&questions=2&questions=3&empty=");
        assert_eq!(form.get("body"), "Hello there");
        assert_eq!(
            form.questions("questions").unwrap(),
            [QuestionPick::Number(2), QuestionPick::Number(3)]
        );
        assert_eq!(form.get("missing"), "");
        assert!(FormPairs::parse(b"questions=two")
            .questions("questions")
            .is_err());
    }
}
