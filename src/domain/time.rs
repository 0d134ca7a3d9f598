//! Times are stored in UTC and shown in the event's own time zone.

use super::InvalidField;
use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, NaiveDateTime, SubsecRound, TimeZone, Utc};
use chrono_tz::Tz;
use std::fmt::Display;
use std::sync::OnceLock;

/// An IANA time zone such as "Europe/Prague".
pub fn parse_time_zone(field: &'static str, name: &str) -> Result<Tz, InvalidField> {
    name.parse::<Tz>()
        .map_err(|_| InvalidField::new(field, "invalid-time-zone").with("value", name))
}

/// Interprets a wall-clock time in `zone`. A time that a daylight-saving change
/// skips is refused; an ambiguous one takes the earlier instant.
pub fn local_to_utc(
    field: &'static str,
    local: NaiveDateTime,
    zone: Tz,
) -> Result<DateTime<Utc>, InvalidField> {
    zone.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            InvalidField::new(field, "invalid-skipped-time")
                .with("time", local.to_string())
                .with("zone", zone.name())
        })
}

/// Databases keep microseconds; truncating before storing makes times round-trip exactly.
pub fn storable(time: DateTime<Utc>) -> DateTime<Utc> {
    time.trunc_subsecs(6)
}

/// When a roundtable takes comments. Either end may be unset: no opening time
/// means open from publication, no closing time means open until the
/// consultation closes. A grace period after the closing time still takes
/// comments, marked late: the chairs decide whether they enter the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommentPeriod {
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    /// Minutes after `closes_at` during which comments are still taken.
    pub grace_minutes: u32,
}

/// The longest grace period staff may give: 30 days.
pub const MAX_GRACE_HOURS: u32 = 720;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodState {
    OpensLater(DateTime<Utc>),
    Open {
        until: Option<DateTime<Utc>>,
    },
    /// Past the deadline, within the grace period: comments are late.
    Late {
        deadline: DateTime<Utc>,
        until: DateTime<Utc>,
    },
    Closed {
        since: Option<DateTime<Utc>>,
    },
}

impl PeriodState {
    /// Comments are taken (on time or late).
    pub fn accepting(&self) -> bool {
        matches!(self, Self::Open { .. } | Self::Late { .. })
    }
}

impl CommentPeriod {
    pub fn new(
        opens_at: Option<DateTime<Utc>>,
        closes_at: Option<DateTime<Utc>>,
    ) -> Result<Self, InvalidField> {
        if let (Some(opens), Some(closes)) = (opens_at, closes_at) {
            if closes <= opens {
                return Err(InvalidField::new(
                    "comments_close_at",
                    "invalid-comment-period",
                ));
            }
        }
        Ok(Self {
            opens_at,
            closes_at,
            grace_minutes: 0,
        })
    }

    /// The same period with a grace period after its deadline (None or 0:
    /// none; a negative stored value counts as none).
    pub fn with_grace(self, minutes: Option<i32>) -> Self {
        Self {
            grace_minutes: minutes.and_then(|m| u32::try_from(m).ok()).unwrap_or(0),
            ..self
        }
    }

    /// When the grace period ends, if there is one.
    pub fn grace_ends_at(&self) -> Option<DateTime<Utc>> {
        match (self.closes_at, self.grace_minutes) {
            (Some(closes), minutes) if minutes > 0 => {
                Some(closes + chrono::Duration::minutes(i64::from(minutes)))
            }
            _ => None,
        }
    }

    /// `accepting` is false when the consultation itself no longer takes part
    /// in discussion (draft, closed or archived), whatever the dates say.
    pub fn state(&self, now: DateTime<Utc>, accepting: bool) -> PeriodState {
        match (self.opens_at, self.closes_at) {
            (_, Some(closes)) if now >= closes => match self.grace_ends_at() {
                Some(until) if accepting && now < until => PeriodState::Late {
                    deadline: closes,
                    until,
                },
                _ => PeriodState::Closed {
                    since: Some(closes),
                },
            },
            _ if !accepting => PeriodState::Closed { since: None },
            (Some(opens), _) if now < opens => PeriodState::OpensLater(opens),
            (_, closes) => PeriodState::Open { until: closes },
        }
    }
}

/// A strftime pattern parsed once, on first use: chrono's `format` parses
/// its pattern again for every time it writes, which showed in profiles of
/// pages listing many comments.
pub struct TimePattern {
    pattern: &'static str,
    items: OnceLock<Vec<Item<'static>>>,
}

impl TimePattern {
    pub const fn new(pattern: &'static str) -> Self {
        Self {
            pattern,
            items: OnceLock::new(),
        }
    }

    fn items(&self) -> &[Item<'static>] {
        self.items.get_or_init(|| {
            StrftimeItems::new(self.pattern)
                .parse_to_owned()
                .unwrap_or_else(|_| panic!("the time pattern {:?} is valid", self.pattern))
        })
    }

    pub fn format<Z: TimeZone>(&self, time: &DateTime<Z>) -> String
    where
        Z::Offset: Display,
    {
        time.format_with_items(self.items().iter()).to_string()
    }

    /// Month and day names in `locale`.
    pub fn format_localized<Z: TimeZone>(
        &self,
        time: &DateTime<Z>,
        locale: chrono::Locale,
    ) -> String
    where
        Z::Offset: Display,
    {
        time.format_localized_with_items(self.items().iter(), locale)
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_parsed_pattern_writes_what_chrono_writes() {
        let prague = parse_time_zone("time_zone", "Europe/Prague").unwrap();
        let time = Utc
            .with_ymd_and_hms(2019, 5, 4, 7, 5, 0)
            .unwrap()
            .with_timezone(&prague);
        for pattern in [
            "%-d %B %Y, %H:%M %Z",
            "%A %-d de %B de %Y",
            "%Y-%m-%d %H:%M %Z",
        ] {
            let parsed = TimePattern::new(pattern);
            for _ in 0..2 {
                assert_eq!(parsed.format(&time), time.format(pattern).to_string());
                assert_eq!(
                    parsed.format_localized(&time, chrono::Locale::fr_FR),
                    time.format_localized(pattern, chrono::Locale::fr_FR)
                        .to_string()
                );
            }
        }
    }

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2020, 11, 30, h, 0, 0).unwrap()
    }

    #[test]
    fn the_period_moves_from_later_to_open_to_closed() {
        let period = CommentPeriod::new(Some(at(8)), Some(at(20))).unwrap();
        assert_eq!(period.state(at(7), true), PeriodState::OpensLater(at(8)));
        assert_eq!(
            period.state(at(8), true),
            PeriodState::Open {
                until: Some(at(20))
            }
        );
        assert_eq!(
            period.state(at(20), true),
            PeriodState::Closed {
                since: Some(at(20))
            }
        );
    }

    #[test]
    fn a_consultation_that_is_not_open_closes_every_period() {
        let period = CommentPeriod::new(None, None).unwrap();
        assert_eq!(period.state(at(9), true), PeriodState::Open { until: None });
        assert_eq!(
            period.state(at(9), false),
            PeriodState::Closed { since: None }
        );
    }

    #[test]
    fn a_grace_period_takes_late_comments_until_it_ends() {
        let period = CommentPeriod::new(Some(at(8)), Some(at(20)))
            .unwrap()
            .with_grace(Some(120));
        assert_eq!(period.grace_ends_at(), Some(at(22)));
        let late = PeriodState::Late {
            deadline: at(20),
            until: at(22),
        };
        assert_eq!(period.state(at(20), true), late);
        assert!(period.state(at(21), true).accepting());
        assert_eq!(
            period.state(at(22), true),
            PeriodState::Closed {
                since: Some(at(20))
            }
        );
        assert!(!period.state(at(21), false).accepting());
        let none = period.with_grace(Some(0));
        assert!(!none.state(at(21), true).accepting());
        assert_eq!(none.with_grace(Some(-5)).grace_ends_at(), None);
    }

    #[test]
    fn a_period_must_close_after_it_opens() {
        assert!(CommentPeriod::new(Some(at(9)), Some(at(9))).is_err());
    }

    #[test]
    fn local_times_are_read_in_the_event_zone() {
        let prague = parse_time_zone("time_zone", "Europe/Prague").unwrap();
        let nine = NaiveDate::from_ymd_opt(2019, 5, 14)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let utc = local_to_utc("starts_at", nine, prague).unwrap();
        assert_eq!(utc, Utc.with_ymd_and_hms(2019, 5, 14, 7, 0, 0).unwrap());
        assert!(parse_time_zone("time_zone", "Mars/Olympus").is_err());
        let skipped = NaiveDate::from_ymd_opt(2019, 3, 31)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert!(local_to_utc("starts_at", skipped, prague).is_err());
    }
}
