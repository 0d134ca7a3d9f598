use serde::{Serialize, Serializer};

/// HTML that went through the sanitiser. It is the only kind of value that
/// templates may print unescaped (`| safe`); the constructor that trusts its
/// input has a deliberately loud name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SafeHtml(String);

impl SafeHtml {
    pub fn empty() -> Self {
        Self(String::new())
    }

    /// For HTML read back from our own storage, where it was stored only after
    /// sanitising. Never call this on anything a person typed.
    pub fn trust_stored_sanitised_html(html: String) -> Self {
        Self(html)
    }

    /// For the output of our own templates, which escape every value they
    /// print (autoescape is on for .html templates).
    pub fn from_escaped_template(html: String) -> Self {
        Self(html)
    }

    pub(super) fn from_sanitiser(html: String) -> Self {
        Self(html)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl Serialize for SafeHtml {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}
