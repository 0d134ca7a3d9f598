use super::InvalidField;
use serde::Serialize;
use std::fmt;

/// The URL name of a consultation or roundtable: lowercase ASCII letters,
/// digits and single hyphens, 1 to 80 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub const MAX_LEN: usize = 80;

    pub fn parse(field: &'static str, value: &str) -> Result<Self, InvalidField> {
        let valid_chars = value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if value.is_empty() || value.len() > Self::MAX_LEN {
            return Err(InvalidField::new(field, "invalid-slug-length").with("max", Self::MAX_LEN));
        }
        if !valid_chars || value.starts_with('-') || value.ends_with('-') || value.contains("--") {
            return Err(InvalidField::new(field, "invalid-slug-characters"));
        }
        Ok(Self(value.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lowercase_words_joined_by_hyphens() {
        assert_eq!(Slug::parse("slug", "rt-3-2").unwrap().as_str(), "rt-3-2");
    }

    #[test]
    fn refuses_what_would_not_be_a_clean_url() {
        for bad in [
            "",
            "RT-3",
            "rt 3",
            "-rt",
            "rt-",
            "rt--3",
            "é",
            &"a".repeat(81),
        ] {
            let err = Slug::parse("slug", bad).unwrap_err();
            assert_eq!(err.field, "slug", "{bad:?}");
        }
    }
}
