use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// HTML that went through the sanitiser. It is the only kind of value that
/// templates may print unescaped (`| sanitised`); the constructor that trusts
/// its input has a deliberately loud name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SafeHtml(String);

/// The one key of the map a SafeHtml becomes when serialised. A view's plain
/// `String` always serialises as a string, so only a SafeHtml can reach a
/// template as this map, and the `sanitised` filter prints nothing else.
const MARKER: &str = "$roundtable::SafeHtml";

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

    /// The HTML inside a serialised SafeHtml, as a template filter receives
    /// it: `Some("")` for an empty one, `None` for any other value (a plain
    /// string above all).
    pub fn html_in_serialised(value: &Value) -> Option<&str> {
        match value {
            Value::Null => Some(""),
            Value::Object(map) if map.len() == 1 => map.get(MARKER)?.as_str(),
            _ => None,
        }
    }
}

/// A marker map, so that templates cannot take a plain string for HTML (see
/// `html_in_serialised`). Empty HTML becomes null rather than a map: a map is
/// always true in a template's `{% if %}`, and pages test for "no text" that
/// way. Responses and exports that want the HTML as a string say so with
/// `as_str()`.
impl Serialize for SafeHtml {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_empty() {
            return serializer.serialize_none();
        }
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(MARKER, &self.0)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::SafeHtml;
    use serde_json::{json, Value};

    #[test]
    fn only_a_serialised_safe_html_gives_back_html() {
        let html = SafeHtml::trust_stored_sanitised_html("<p>Hi</p>".to_owned());
        let value = serde_json::to_value(&html).unwrap();
        assert_eq!(SafeHtml::html_in_serialised(&value), Some("<p>Hi</p>"));
        let empty = serde_json::to_value(SafeHtml::empty()).unwrap();
        assert_eq!(empty, Value::Null, "empty HTML stays false in {{% if %}}");
        assert_eq!(SafeHtml::html_in_serialised(&empty), Some(""));
        for plain in [
            json!("<p>Hi</p>"),
            json!(""),
            json!({ "html": "<p>Hi</p>" }),
            json!(["<p>Hi</p>"]),
            json!(1),
        ] {
            assert_eq!(SafeHtml::html_in_serialised(&plain), None, "{plain}");
        }
    }
}
