//! What chairs mark on comments for the meeting report, apart from
//! publishing them: whether a published comment is retained for the
//! report, and the themes (short labels per roundtable) it touches.
//!
//! A mark stays on a comment that is later withdrawn or unpublished, so
//! that putting it back restores the decision; but only a comment that is
//! published *now* ever counts as retained in figures, filters and digests.

use super::comment::CommentStatus;
use super::search::fold;
use super::InvalidField;

/// The longest theme label, in characters.
pub const THEME_LABEL_MAX_CHARS: usize = 60;

/// A chair's decision on a published comment; `Undecided` is the absence of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relevance {
    Retained,
    NotRetained,
    Undecided,
}

impl Relevance {
    /// From a form or the API: "retained", "not_retained" (or "not-retained").
    pub fn parse_decision(field: &'static str, value: &str) -> Result<Self, InvalidField> {
        match value.trim() {
            "retained" => Ok(Self::Retained),
            "not_retained" | "not-retained" => Ok(Self::NotRetained),
            "" => Err(InvalidField::new(field, "invalid-relevance-missing")),
            _ => Err(InvalidField::new(field, "invalid-relevance")),
        }
    }

    /// A filter also accepts "undecided".
    pub fn parse_filter(field: &'static str, value: &str) -> Result<Option<Self>, InvalidField> {
        match value.trim() {
            "" => Ok(None),
            "undecided" => Ok(Some(Self::Undecided)),
            other => Self::parse_decision(field, other)
                .map(Some)
                .map_err(|_| InvalidField::new(field, "invalid-relevance-filter")),
        }
    }

    pub fn of(retained: Option<bool>) -> Self {
        match retained {
            Some(true) => Self::Retained,
            Some(false) => Self::NotRetained,
            None => Self::Undecided,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Retained => "retained",
            Self::NotRetained => "not_retained",
            Self::Undecided => "undecided",
        }
    }

    /// The stored value; None for undecided.
    pub fn stored(self) -> Option<bool> {
        match self {
            Self::Retained => Some(true),
            Self::NotRetained => Some(false),
            Self::Undecided => None,
        }
    }

    /// Only a published comment is retained in figures, whatever its mark.
    pub fn counts_as_retained(self, status: CommentStatus) -> bool {
        self == Self::Retained && status == CommentStatus::Approved
    }
}

/// Only a published comment can be marked for the report.
pub fn may_mark_relevance(status: CommentStatus) -> Result<(), InvalidField> {
    match status {
        CommentStatus::Approved => Ok(()),
        _ => Err(InvalidField::new(
            "relevance",
            "invalid-relevance-not-published",
        )),
    }
}

/// A theme's label as chairs typed it, tidied: trimmed, inner runs of
/// spaces made one, 1 to 60 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeLabel(String);

impl ThemeLabel {
    pub fn parse(field: &'static str, value: &str) -> Result<Self, InvalidField> {
        let label = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if label.is_empty() {
            return Err(InvalidField::new(field, "invalid-theme-empty"));
        }
        if label.chars().any(char::is_control) {
            return Err(InvalidField::new(field, "invalid-theme-control"));
        }
        let length = label.chars().count();
        if length > THEME_LABEL_MAX_CHARS {
            return Err(InvalidField::new(field, "invalid-theme-too-long")
                .with("length", length)
                .with("limit", THEME_LABEL_MAX_CHARS));
        }
        Ok(Self(label))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The folded label that makes "Funding", " funding" and "FÚNDING" one theme.
    pub fn key(&self) -> String {
        theme_key(&self.0)
    }
}

/// Lower case, no accents, single spaces.
pub fn theme_key(label: &str) -> String {
    fold(&label.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fold_case_accents_and_spaces() {
        let a = ThemeLabel::parse("theme", "  Fúnding   and  jobs ").unwrap();
        assert_eq!(a.as_str(), "Fúnding and jobs");
        assert_eq!(a.key(), "funding and jobs");
        assert_eq!(
            a.key(),
            ThemeLabel::parse("theme", "FUNDING AND JOBS")
                .unwrap()
                .key()
        );
    }

    #[test]
    fn labels_refuse_empty_long_and_control() {
        assert_eq!(
            ThemeLabel::parse("theme", "   ").unwrap_err().field,
            "theme"
        );
        assert!(ThemeLabel::parse("theme", &"x".repeat(61)).is_err());
        assert!(ThemeLabel::parse("theme", &"é".repeat(60)).is_ok());
        assert!(ThemeLabel::parse("theme", "a\u{7}b").is_err());
    }

    #[test]
    fn only_published_comments_count_as_retained() {
        assert!(Relevance::Retained.counts_as_retained(CommentStatus::Approved));
        assert!(!Relevance::Retained.counts_as_retained(CommentStatus::Withdrawn));
        assert!(may_mark_relevance(CommentStatus::Pending).is_err());
        assert_eq!(
            Relevance::parse_filter("relevance", "undecided").unwrap(),
            Some(Relevance::Undecided)
        );
        assert!(Relevance::parse_decision("relevance", "maybe").is_err());
    }
}
