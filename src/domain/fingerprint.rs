//! Fingerprints: the SHA-256 of a canonical form, written `sha256:<hex>`.
//!
//! A published outcome version's canonical form is its JSON with object
//! keys sorted by their UTF-8 bytes, no insignificant whitespace, strings
//! escaped as `serde_json` escapes them (`"`, `\`, control characters; no
//! other escaping), UTF-8, no Unicode normalisation. A digest file's
//! canonical form is the file's bytes up to its fingerprint trailer (see
//! `trailer_of`). The README states both under "Fingerprints".

use super::InvalidField;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// A SHA-256 fingerprint: 64 lowercase hexadecimal digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fingerprint(String);

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Self {
        Self::from_digest(Sha256::digest(bytes).as_slice())
    }

    pub fn from_digest(digest: &[u8]) -> Self {
        Self(digest.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// What people paste: `sha256:<hex>` or the bare hex, in any case,
    /// with spaces around (and inside, as copied across lines) ignored.
    pub fn parse(field: &'static str, typed: &str) -> Result<Self, InvalidField> {
        let compact: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(InvalidField::new(field, "invalid-fingerprint-empty"));
        }
        let lower = compact.to_ascii_lowercase();
        let hex = lower.strip_prefix("sha256:").unwrap_or(&lower);
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(InvalidField::new(field, "invalid-fingerprint-not-hex"));
        }
        if hex.len() != 64 {
            return Err(InvalidField::new(field, "invalid-fingerprint-length"));
        }
        Ok(Self(hex.to_owned()))
    }

    /// Only for values this application stored itself.
    pub fn from_stored(hex: String) -> Self {
        Self(hex)
    }

    pub fn hex(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sha256:{}", self.0)
    }
}

/// The canonical JSON of a value: keys sorted, no whitespace.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(fields) => {
            let mut keys: Vec<&String> = fields.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(&fields[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Where each digest format's trailer starts: the file's canonical form is
/// every byte before it. The trailer is the last thing in the file.
pub const TRAILER_MARKERS: [&str; 4] = [
    // Printable HTML: a footer, then the closing tags.
    "<footer class=\"digest-fingerprint\">",
    // JSON: the digest object's last member.
    ",\"fingerprint\":\"sha256:",
    // Markdown: the last line.
    "Fingerprint: sha256:",
    // CSV: the last row, two fields.
    "Fingerprint,sha256:",
];

/// The fingerprint a digest file carries and where its trailer starts:
/// the last trailer marker in the file followed by `sha256:` and 64 hex
/// digits. None for a file that carries none.
pub fn trailer_of(file: &[u8]) -> Option<(usize, Fingerprint)> {
    TRAILER_MARKERS
        .iter()
        .filter_map(|marker| {
            let at = rfind(file, marker.as_bytes())?;
            let after = &file[at..];
            let hex_at = rfind(after, b"sha256:")? + "sha256:".len();
            let hex = after.get(hex_at..hex_at + 64)?;
            let hex = std::str::from_utf8(hex).ok()?;
            let fingerprint = Fingerprint::parse("file", hex).ok()?;
            Some((at, fingerprint))
        })
        .max_by_key(|(at, _)| *at)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| &haystack[i..i + needle.len()] == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_fingerprints_are_read_leniently_and_checked() {
        let hex = "ab".repeat(32);
        let upper = format!("  SHA256:{}  ", hex.to_uppercase());
        assert_eq!(Fingerprint::parse("f", &upper).unwrap().hex(), hex);
        assert_eq!(
            Fingerprint::parse("f", &hex).unwrap().to_string(),
            format!("sha256:{hex}")
        );
        assert_eq!(
            Fingerprint::parse("f", " ").unwrap_err().message.key,
            "invalid-fingerprint-empty"
        );
        assert_eq!(
            Fingerprint::parse("f", "xyz").unwrap_err().message.key,
            "invalid-fingerprint-not-hex"
        );
        assert_eq!(
            Fingerprint::parse("f", &format!("{hex}00"))
                .unwrap_err()
                .message
                .key,
            "invalid-fingerprint-length"
        );
        assert_eq!(
            Fingerprint::parse("f", "md5:abcd").unwrap_err().message.key,
            "invalid-fingerprint-not-hex"
        );
    }

    #[test]
    fn canonical_json_sorts_keys_and_drops_whitespace() {
        let value: Value =
            serde_json::from_str(r#"{ "b": [1, {"z": "é\n", "a": null}], "a": true }"#).unwrap();
        assert_eq!(
            canonical_json(&value),
            r#"{"a":true,"b":[1,{"a":null,"z":"é\n"}]}"#
        );
    }

    #[test]
    fn the_trailer_is_the_last_marker_with_its_fingerprint() {
        let hex = "0f".repeat(32);
        let file = format!("a,b\r\nFingerprint,sha256:x\r\nFingerprint,sha256:{hex}\r\n");
        let (at, fingerprint) = trailer_of(file.as_bytes()).unwrap();
        assert_eq!(&file[..at], "a,b\r\nFingerprint,sha256:x\r\n");
        assert_eq!(fingerprint.hex(), hex);
        assert!(trailer_of(b"no trailer here").is_none());
    }
}
