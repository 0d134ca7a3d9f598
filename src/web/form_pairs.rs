//! Forms with repeated fields (ticked questions, selected comments), which
//! serde's URL-encoded forms cannot read into lists.

use super::WebError;

pub struct FormPairs(Vec<(String, String)>);

impl FormPairs {
    pub fn parse(body: &[u8]) -> Self {
        Self(url::form_urlencoded::parse(body).into_owned().collect())
    }

    /// The first value of a field, or "".
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

    /// Ticked question numbers; anything that is not a number is refused.
    pub fn numbers(&self, name: &str) -> Result<Vec<usize>, WebError> {
        self.all(name)
            .iter()
            .filter(|v| !v.is_empty())
            .map(|v| {
                v.trim().parse().map_err(|_| {
                    WebError::invalid(name.to_owned(), format!("'{v}' is not a question number"))
                })
            })
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
        assert_eq!(form.numbers("questions").unwrap(), [2, 3]);
        assert_eq!(form.get("missing"), "");
        assert!(FormPairs::parse(b"questions=two")
            .numbers("questions")
            .is_err());
    }
}
