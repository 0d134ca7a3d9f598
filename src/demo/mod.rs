//! Demo content: the five real events of DOMAIN.md, written in our own words,
//! in TOML files compiled into the binary. This module reads and checks them;
//! `services::demo` stores them.

mod times;

use serde::Deserialize;

pub use times::DemoTime;

pub const FILES: &[(&str, &str)] = &[
    (
        "01-prague-2019.toml",
        include_str!("content/01-prague-2019.toml"),
    ),
    (
        "02-integrating-cities-2020.toml",
        include_str!("content/02-integrating-cities-2020.toml"),
    ),
    (
        "03-tbilisi-2018.toml",
        include_str!("content/03-tbilisi-2018.toml"),
    ),
    (
        "04-global-forum-rt3.toml",
        include_str!("content/04-global-forum-rt3.toml"),
    ),
    (
        "05-istanbul-2009.toml",
        include_str!("content/05-istanbul-2009.toml"),
    ),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoFile {
    pub consultation: DemoConsultation,
    #[serde(default)]
    pub organisations: Vec<DemoOrganisation>,
    #[serde(default)]
    pub people: Vec<DemoPerson>,
    #[serde(default)]
    pub resources: Vec<DemoResource>,
    #[serde(default)]
    pub programme: Vec<DemoProgrammeItem>,
    #[serde(default)]
    pub roundtables: Vec<DemoRoundtable>,
    #[serde(default)]
    pub comments: Vec<DemoComment>,
    #[serde(default)]
    pub outcomes: Vec<DemoOutcome>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoConsultation {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub kind: String,
    pub venue: Option<String>,
    #[serde(default)]
    pub online: bool,
    pub starts_at: Option<DemoTime>,
    pub ends_at: Option<DemoTime>,
    pub time_zone: String,
    pub languages: Vec<String>,
    pub content_language: String,
    pub status: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoOrganisation {
    pub role: String,
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoPerson {
    pub key: String,
    pub email: String,
    pub display_name: String,
    pub organisation: String,
    pub organisation_type: String,
    pub country: String,
    pub gender: Option<String>,
    pub role: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoResource {
    pub kind: String,
    pub title: String,
    pub url: String,
    #[serde(default)]
    pub description: String,
    pub roundtable: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoProgrammeItem {
    pub starts_at: DemoTime,
    pub ends_at: Option<DemoTime>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub speakers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoRoundtable {
    pub slug: String,
    pub code: Option<String>,
    pub title: String,
    pub parent: Option<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub objectives: String,
    pub moderation_mode: String,
    pub comments_open: Option<DemoTime>,
    pub comments_close: Option<DemoTime>,
    pub starts_at: Option<DemoTime>,
    pub ends_at: Option<DemoTime>,
    pub venue: Option<String>,
    #[serde(default)]
    pub chairs: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub programme: Vec<DemoProgrammeItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoComment {
    pub key: String,
    pub roundtable: String,
    pub author: String,
    pub parent: Option<String>,
    #[serde(default)]
    pub questions: Vec<usize>,
    pub posted_at: DemoTime,
    #[serde(default)]
    pub highlighted: bool,
    pub body: String,
}

/// A roundtable's outcome; `{key}` in a point stands for the reference of
/// the demo comment with that key, which is drawn when the demo loads.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoOutcome {
    pub roundtable: String,
    pub status: String,
    /// Who saved it: a person's key.
    pub by: String,
    #[serde(default)]
    pub summary: String,
    pub sections: Vec<DemoOutcomeSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoOutcomeSection {
    /// None: across the questions.
    pub question: Option<usize>,
    #[serde(default)]
    pub synthesis: String,
    #[serde(default)]
    pub recommendations: String,
}

/// Parses every demo file; a broken file is a bug in this repository, and
/// the error names the file.
pub fn parse_all() -> Result<Vec<DemoFile>, String> {
    FILES
        .iter()
        .map(|(name, text)| toml::from_str(text).map_err(|e| format!("demo file {name}: {e}")))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_demo_file_parses() {
        let files = super::parse_all().unwrap();
        assert_eq!(files.len(), 5);
        assert!(files
            .iter()
            .all(|f| !f.comments.is_empty() && !f.roundtables.is_empty()));
    }
}
