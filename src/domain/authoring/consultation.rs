//! A consultation as staff type it: every field checked, organisations one a line.

use super::fields::{
    keep, language, optional, period, required, typed_slug, MAX_SUMMARY, MAX_TEXT, MAX_TITLE,
};
use crate::domain::consultation::{ConsultationKind, ConsultationStatus};
use crate::domain::slug::Slug;
use crate::domain::time::parse_time_zone;
use crate::domain::InvalidField;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ConsultationInput {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub description: String,
    pub kind: String,
    pub venue: String,
    pub online: bool,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    pub content_language: String,
    pub languages: Vec<String>,
    pub status: String,
    /// One a line: "Name" or "Name | https://…".
    pub organisers: String,
    pub partners: String,
    pub patrons: String,
}

#[derive(Debug, Clone)]
pub struct OrganisationLine {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ConsultationFields {
    pub title: String,
    pub slug: Option<Slug>,
    pub summary: String,
    pub description_markdown: String,
    pub kind: ConsultationKind,
    pub venue: Option<String>,
    pub online: bool,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub time_zone: Tz,
    pub content_language: String,
    pub languages: Vec<String>,
    pub status: ConsultationStatus,
    pub organisers: Vec<OrganisationLine>,
    pub partners: Vec<OrganisationLine>,
    pub patrons: Vec<OrganisationLine>,
}

fn organisation_lines(
    field: &'static str,
    text: &str,
) -> Result<Vec<OrganisationLine>, InvalidField> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (name, url) = match line.split_once('|') {
                Some((name, url)) => (name.trim(), Some(url.trim())),
                None => (line, None),
            };
            let url = url.filter(|u| !u.is_empty());
            if let Some(u) = url {
                if !(u.starts_with("https://") || u.starts_with("http://"))
                    || url::Url::parse(u).is_err()
                {
                    return Err(
                        InvalidField::new(field, "invalid-organisation-url").with("value", u)
                    );
                }
            }
            if name.is_empty() || name.chars().count() > MAX_TITLE {
                return Err(InvalidField::new(field, "invalid-organisation-lines"));
            }
            Ok(OrganisationLine {
                name: name.to_owned(),
                url: url.map(str::to_owned),
            })
        })
        .collect()
}

impl ConsultationFields {
    pub fn parse(input: &ConsultationInput) -> Result<Self, Vec<InvalidField>> {
        let mut e = Vec::new();
        let title = keep(
            &mut e,
            required("title", &input.title, MAX_TITLE, "invalid-title-missing"),
        );
        let slug = keep(&mut e, typed_slug("slug", &input.slug));
        let summary = keep(&mut e, optional("summary", &input.summary, MAX_SUMMARY));
        let description = keep(
            &mut e,
            optional("description", &input.description, MAX_TEXT),
        );
        let kind = keep(
            &mut e,
            ConsultationKind::from_code(input.kind.trim())
                .ok_or_else(|| InvalidField::new("kind", "invalid-event-kind")),
        );
        let venue = keep(&mut e, optional("venue", &input.venue, MAX_TITLE));
        let zone = keep(
            &mut e,
            parse_time_zone("time_zone", input.time_zone.trim())
                .map_err(|_| InvalidField::new("time_zone", "invalid-time-zone-choice")),
        );
        let (starts_at, ends_at) = match zone {
            Some(zone) => period(
                "starts_at",
                "ends_at",
                &input.starts_at,
                &input.ends_at,
                zone,
                &mut e,
            ),
            None => (None, None),
        };
        let content_language = keep(
            &mut e,
            language("content_language", &input.content_language),
        );
        let mut languages = Vec::new();
        for code in &input.languages {
            if let Some(code) = keep(&mut e, language("languages", code)) {
                if !languages.contains(&code) {
                    languages.push(code);
                }
            }
        }
        if let Some(content) = &content_language {
            if !languages.contains(content) {
                languages.insert(0, content.clone());
            }
        }
        let status = keep(
            &mut e,
            ConsultationStatus::from_code(input.status.trim())
                .ok_or_else(|| InvalidField::new("status", "invalid-status-choice")),
        );
        let organisers = keep(&mut e, organisation_lines("organisers", &input.organisers));
        let partners = keep(&mut e, organisation_lines("partners", &input.partners));
        let patrons =
            keep(&mut e, organisation_lines("patrons", &input.patrons)).unwrap_or_default();
        match (
            title,
            slug,
            summary,
            description,
            kind,
            venue,
            zone,
            content_language,
            status,
            organisers,
            partners,
        ) {
            (
                Some(title),
                Some(slug),
                Some(summary),
                Some(description),
                Some(kind),
                Some(venue),
                Some(time_zone),
                Some(content_language),
                Some(status),
                Some(organisers),
                Some(partners),
            ) if e.is_empty() => Ok(Self {
                title,
                slug,
                summary: summary.unwrap_or_default(),
                description_markdown: description.unwrap_or_default(),
                kind,
                venue,
                online: input.online,
                starts_at,
                ends_at,
                time_zone,
                content_language,
                languages,
                status,
                organisers,
                partners,
                patrons,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_consultation_form_reports_every_mistake() {
        let errors = ConsultationFields::parse(&ConsultationInput {
            slug: "Bad Slug".into(),
            kind: "party".into(),
            time_zone: "Mars/Olympus".into(),
            content_language: "de".into(),
            status: "open".into(),
            organisers: "Org | ftp://x".into(),
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "title",
                "slug",
                "kind",
                "time_zone",
                "content_language",
                "organisers"
            ]
        );
        let ok = ConsultationFields::parse(&ConsultationInput {
            title: "Global Forum".into(),
            kind: "forum".into(),
            time_zone: "UTC".into(),
            content_language: "fr".into(),
            languages: vec!["en".into()],
            status: "draft".into(),
            starts_at: "2026-12-01T09:00".into(),
            ends_at: "2026-12-01T08:00".into(),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(ok[0].field, "ends_at");
    }
}
