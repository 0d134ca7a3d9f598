use super::message::{Arg, Message};
use std::fmt;

/// A value a person typed that the rules refuse. `field` names the form field
/// or API property, so the message can be shown next to it.
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidField {
    pub field: &'static str,
    pub message: Message,
}

impl InvalidField {
    /// `key` names the reason in the catalogues (src/i18n/locales/*/errors.ftl).
    pub fn new(field: &'static str, key: &'static str) -> Self {
        Self {
            field,
            message: Message::new(key),
        }
    }

    pub fn from_message(field: &'static str, message: Message) -> Self {
        Self { field, message }
    }

    /// A value the reason's text names.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.message = self.message.with(name, value);
        self
    }
}

impl fmt::Display for InvalidField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for InvalidField {}
