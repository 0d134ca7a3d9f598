use super::affiliation::closed_list;
use super::ids::ConsultationId;
use super::slug::Slug;
use super::InvalidField;
use crate::text::SafeHtml;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::cmp::Ordering;

closed_list!(
    /// Where a consultation stands. Drafts are visible to staff only; archived
    /// ones are read-only.
    ConsultationStatus {
        Draft => "draft", "Draft",
        Open => "open", "Open",
        Closed => "closed", "Closed",
        Archived => "archived", "Archived",
    }
);

closed_list!(
    ConsultationKind {
        Conference => "conference", "Conference",
        OnlineConference => "online_conference", "Online conference",
        Workshop => "workshop", "Workshop",
        WorkshopSeries => "workshop_series", "Workshop series",
        Forum => "forum", "Forum",
        Consultation => "consultation", "Consultation",
    }
);

closed_list!(
    OrganisationRole {
        Organiser => "organiser", "Organised by",
        Partner => "partner", "In partnership with",
        Patron => "patron", "Under the auspices of",
    }
);

impl ConsultationStatus {
    pub fn parse(field: &'static str, code: &str) -> Result<Self, InvalidField> {
        Self::from_code(code)
            .ok_or_else(|| InvalidField::new(field, "invalid-status").with("value", code))
    }

    pub fn is_public(self) -> bool {
        self != ConsultationStatus::Draft
    }
}

#[derive(Debug, Clone)]
pub struct Consultation {
    pub id: ConsultationId,
    pub slug: Slug,
    pub title: String,
    pub summary: String,
    pub description_html: SafeHtml,
    pub kind: ConsultationKind,
    pub venue: Option<String>,
    pub online: bool,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub time_zone: Tz,
    pub languages: Vec<String>,
    pub content_language: String,
    pub status: ConsultationStatus,
}

/// An organiser, partner or patron, in the order the organisers gave.
#[derive(Debug, Clone)]
pub struct ConsultationOrganisation {
    pub role: OrganisationRole,
    pub name: String,
    pub url: Option<String>,
}

/// How the home page groups consultations: open ones first, then upcoming, then past.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Open,
    Upcoming,
    Past,
}

impl Consultation {
    pub fn phase(&self, now: DateTime<Utc>) -> Phase {
        let ended = self.ends_at.or(self.starts_at).is_some_and(|end| end < now);
        match self.status {
            ConsultationStatus::Closed | ConsultationStatus::Archived => Phase::Past,
            _ if ended => Phase::Past,
            _ if self.starts_at.is_some_and(|start| start > now) => Phase::Upcoming,
            _ => Phase::Open,
        }
    }

    /// Whether roundtables of this consultation may take comments at all.
    pub fn accepts_comments(&self) -> bool {
        self.status == ConsultationStatus::Open
    }
}

/// Open ones closing soonest first, then upcoming ones starting soonest, then
/// past ones most recent first.
pub fn order_for_listing(consultations: &mut [Consultation], now: DateTime<Utc>) {
    consultations.sort_by(|a, b| {
        let (phase_a, phase_b) = (a.phase(now), b.phase(now));
        phase_a.cmp(&phase_b).then_with(|| match phase_a {
            Phase::Open => compare_optional(a.ends_at, b.ends_at),
            Phase::Upcoming => compare_optional(a.starts_at, b.starts_at),
            Phase::Past => compare_optional(b.starts_at, a.starts_at),
        })
    });
}

fn compare_optional(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// BCP 47 primary language subtags such as "en", "fr", "es".
pub fn parse_language(field: &'static str, code: &str) -> Result<String, InvalidField> {
    let code = code.trim().to_ascii_lowercase();
    if (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(code)
    } else {
        Err(InvalidField::new(field, "invalid-language-code").with("value", code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn consultation(slug: &str, status: ConsultationStatus, start_days: i64) -> Consultation {
        let now = now();
        Consultation {
            id: ConsultationId::generate(),
            slug: Slug::parse("slug", slug).unwrap(),
            title: slug.into(),
            summary: String::new(),
            description_html: SafeHtml::empty(),
            kind: ConsultationKind::Forum,
            venue: None,
            online: true,
            starts_at: Some(now + Duration::days(start_days)),
            ends_at: Some(now + Duration::days(start_days + 2)),
            time_zone: chrono_tz::UTC,
            languages: vec!["en".into()],
            content_language: "en".into(),
            status,
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
    }

    #[test]
    fn listing_puts_open_then_upcoming_then_past() {
        use ConsultationStatus::*;
        let mut list = vec![
            consultation("old", Closed, -400),
            consultation("later", Open, 30),
            consultation("recent", Archived, -10),
            consultation("running", Open, -1),
            consultation("soon", Open, 5),
        ];
        order_for_listing(&mut list, now());
        let order: Vec<_> = list.iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(order, ["running", "soon", "later", "recent", "old"]);
    }

    #[test]
    fn an_open_consultation_whose_dates_have_passed_is_past() {
        assert_eq!(
            consultation("x", ConsultationStatus::Open, -10).phase(now()),
            Phase::Past
        );
    }

    #[test]
    fn language_codes_are_checked() {
        assert_eq!(parse_language("languages", "FR").unwrap(), "fr");
        assert!(parse_language("languages", "french").is_err());
    }
}
