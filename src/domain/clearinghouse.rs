//! A consultation's clearinghouse as staff type it: programme items (times
//! in the event's zone, title, speakers) and resources (papers, links),
//! each for the whole consultation or one roundtable.

use super::authoring::{keep, local_input, local_time, optional, required};
use super::roundtable::{
    speakers_from_lines, speakers_to_lines, ProgrammeItem, Resource, ResourceKind,
};
use super::InvalidField;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ProgrammeInput {
    pub starts_at: String,
    pub ends_at: String,
    pub title: String,
    pub description: String,
    /// One a line.
    pub speakers: String,
    /// A roundtable's slug, or empty for the whole consultation.
    pub roundtable: String,
}

#[derive(Debug, Clone)]
pub struct ProgrammeFields {
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub title: String,
    pub description: String,
    pub speakers: Vec<String>,
    pub roundtable: Option<String>,
}

impl ProgrammeFields {
    pub fn parse(input: &ProgrammeInput, zone: Tz) -> Result<Self, Vec<InvalidField>> {
        let mut e = Vec::new();
        let starts_at = match keep(
            &mut e,
            local_time("programme_starts_at", &input.starts_at, zone),
        ) {
            Some(None) => {
                e.push(InvalidField::new(
                    "programme_starts_at",
                    "invalid-programme-start-missing",
                ));
                None
            }
            other => other.flatten(),
        };
        let ends_at = keep(
            &mut e,
            local_time("programme_ends_at", &input.ends_at, zone),
        )
        .flatten();
        if let (Some(s), Some(end)) = (starts_at, ends_at) {
            if end <= s {
                e.push(InvalidField::new(
                    "programme_ends_at",
                    "invalid-end-before-start",
                ));
            }
        }
        let title = keep(
            &mut e,
            required(
                "programme_title",
                &input.title,
                200,
                "invalid-title-missing",
            ),
        );
        let description = keep(
            &mut e,
            optional("programme_description", &input.description, 2_000),
        );
        let speakers = speakers_from_lines(&input.speakers);
        if speakers.iter().any(|s| s.chars().count() > 200) {
            e.push(InvalidField::new(
                "programme_speakers",
                "invalid-speaker-too-long",
            ));
        }
        match (starts_at, title, description) {
            (Some(starts_at), Some(title), Some(description)) if e.is_empty() => Ok(Self {
                starts_at,
                ends_at,
                title,
                description: description.unwrap_or_default(),
                speakers,
                roundtable: Some(input.roundtable.trim().to_owned()).filter(|r| !r.is_empty()),
            }),
            _ => Err(e),
        }
    }
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ResourceInput {
    pub kind: String,
    pub title: String,
    pub url: String,
    pub description: String,
    pub roundtable: String,
}

#[derive(Debug, Clone)]
pub struct ResourceFields {
    pub kind: ResourceKind,
    pub title: String,
    pub url: String,
    pub description: String,
    pub roundtable: Option<String>,
}

impl ResourceFields {
    pub fn parse(input: &ResourceInput) -> Result<Self, Vec<InvalidField>> {
        let mut e = Vec::new();
        let kind = keep(
            &mut e,
            ResourceKind::from_code(input.kind.trim())
                .ok_or_else(|| InvalidField::new("resource_kind", "invalid-resource-kind")),
        );
        let title = keep(
            &mut e,
            required("resource_title", &input.title, 300, "invalid-title-missing"),
        );
        let url = input.url.trim();
        let url_ok = (url.starts_with("https://") || url.starts_with("http://"))
            && url::Url::parse(url).is_ok();
        if !url_ok {
            e.push(InvalidField::new("resource_url", "invalid-url-missing"));
        }
        let description = keep(
            &mut e,
            optional("resource_description", &input.description, 2_000),
        );
        match (kind, title, description) {
            (Some(kind), Some(title), Some(description)) if e.is_empty() => Ok(Self {
                kind,
                title,
                url: url.to_owned(),
                description: description.unwrap_or_default(),
                roundtable: Some(input.roundtable.trim().to_owned()).filter(|r| !r.is_empty()),
            }),
            _ => Err(e),
        }
    }
}

impl ProgrammeInput {
    /// A stored item as its form shows it; `roundtable` is its roundtable's slug.
    pub fn of(item: &ProgrammeItem, zone: Tz, roundtable: Option<String>) -> Self {
        Self {
            starts_at: local_input(Some(item.starts_at), zone),
            ends_at: local_input(item.ends_at, zone),
            title: item.title.clone(),
            description: item.description.clone(),
            speakers: speakers_to_lines(&item.speakers),
            roundtable: roundtable.unwrap_or_default(),
        }
    }
}

impl ResourceInput {
    /// A stored resource as its form shows it; `roundtable` is its roundtable's slug.
    pub fn of(resource: &Resource, roundtable: Option<String>) -> Self {
        Self {
            kind: resource.kind.code().into(),
            title: resource.title.clone(),
            url: resource.url.clone(),
            description: resource.description.clone(),
            roundtable: roundtable.unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programme_items_need_a_start_and_a_title() {
        let zone: Tz = "Europe/Prague".parse().unwrap();
        let errors = ProgrammeFields::parse(&ProgrammeInput::default(), zone).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["programme_starts_at", "programme_title"]);
        let item = ProgrammeFields::parse(
            &ProgrammeInput {
                starts_at: "2019-05-14T09:00".into(),
                ends_at: "2019-05-14T09:30".into(),
                title: "Opening".into(),
                speakers: "Mayor of Prague\n\nA researcher".into(),
                ..Default::default()
            },
            zone,
        )
        .unwrap();
        assert_eq!(item.speakers.len(), 2);
        assert_eq!(item.starts_at.to_rfc3339(), "2019-05-14T07:00:00+00:00");
    }

    #[test]
    fn resources_need_a_kind_a_title_and_a_web_address() {
        let errors = ResourceFields::parse(&ResourceInput {
            kind: "video".into(),
            url: "javascript:alert(1)".into(),
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["resource_kind", "resource_title", "resource_url"]);
    }
}
