//! What an outcome version holds, as stored with each save and
//! fingerprinted when published: the text and what it cites, with the
//! roundtable's questions as they read then.

use super::fingerprint::{canonical_json, Fingerprint};
use super::outcome::OutcomeKind;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

/// Names the shape of `OutcomeContent`, so that a reader of old versions
/// knows what it holds.
pub const CONTENT_FORMAT: &str = "roundtable-outcome/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionQuestion {
    pub number: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionPoint {
    pub position: usize,
    /// "synthesis" or "recommendation".
    pub kind: String,
    /// The guiding question's number; None: across the questions.
    pub question: Option<usize>,
    pub markdown: String,
    /// The references of the comments it cites ("c-2f9a01bc").
    pub cites: Vec<String>,
}

/// The outcome at one save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeContent {
    pub format: String,
    pub roundtable_id: String,
    pub questions: Vec<VersionQuestion>,
    pub summary_markdown: String,
    pub summary_cites: Vec<String>,
    pub points: Vec<VersionPoint>,
}

impl OutcomeContent {
    pub fn kind_of(point: &VersionPoint) -> Option<OutcomeKind> {
        OutcomeKind::from_code(&point.kind)
    }
}

/// A published version: the content with its number and date, which the
/// fingerprint covers too (the same text published twice is two versions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedContent {
    #[serde(flatten)]
    pub content: OutcomeContent,
    pub version: i32,
    /// RFC 3339, UTC, in seconds: "2026-12-06T15:20:00Z".
    pub published_at: String,
}

impl PublishedContent {
    pub fn new(content: OutcomeContent, version: i32, at: DateTime<Utc>) -> Self {
        Self {
            content,
            version,
            published_at: at.to_rfc3339_opts(SecondsFormat::Secs, true),
        }
    }
}

/// The canonical JSON of anything stored as a version's content.
pub fn canonical<T: Serialize>(value: &T) -> String {
    // Serialising plain structs of strings, numbers and lists cannot fail.
    canonical_json(&serde_json::to_value(value).unwrap_or_default())
}

/// The canonical JSON of a published version and its fingerprint.
pub fn sealed(published: &PublishedContent) -> (String, Fingerprint) {
    let json = canonical(published);
    let fingerprint = Fingerprint::of(json.as_bytes());
    (json, fingerprint)
}

/// The content of a stored save, whether or not it was published.
pub fn read_content(json: &str) -> Option<OutcomeContent> {
    serde_json::from_str(json).ok()
}
