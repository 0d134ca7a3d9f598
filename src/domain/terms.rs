//! The terms and privacy notice that people accept when they register. Staff
//! may replace the text the software ships with; each replacement is a new
//! version, and a consent names the version it was given to.

use super::InvalidField;

/// The text a site has until staff write their own: what the software
/// itself does with what people give it.
pub const DEFAULT_TERMS: &str = include_str!("default_terms.md");

/// Long enough for any notice; a paste of a whole book is a mistake.
pub const MAX_TERMS_LENGTH: usize = 50_000;

/// The Markdown staff typed, trimmed, or why it cannot be published.
pub fn terms_text(field: &'static str, typed: &str) -> Result<String, InvalidField> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(InvalidField::new(field, "invalid-terms-empty"));
    }
    let length = text.chars().count();
    if length > MAX_TERMS_LENGTH {
        return Err(InvalidField::new(field, "invalid-too-long")
            .with("limit", MAX_TERMS_LENGTH as i64)
            .with("length", length as i64));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_must_say_something_and_not_too_much() {
        assert_eq!(terms_text("body", "  ## Terms \n").unwrap(), "## Terms");
        assert_eq!(
            terms_text("body", " \n ").unwrap_err().message.key,
            "invalid-terms-empty"
        );
        let book = "a".repeat(MAX_TERMS_LENGTH + 1);
        assert_eq!(
            terms_text("body", &book).unwrap_err().message.key,
            "invalid-too-long"
        );
        assert!(terms_text("body", DEFAULT_TERMS).is_ok());
    }
}
