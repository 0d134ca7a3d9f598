//! Who is told what by email, and how often chairs hear of waiting comments.

use super::affiliation::closed_list;
use chrono::{DateTime, Datelike, Duration, TimeZone, Timelike, Utc};

closed_list!(
    /// How a chair hears of comments that wait for a decision.
    AlertFrequency {
        Immediate => "immediate", "At once, one email per comment",
        Hourly => "hourly", "A summary every hour",
        Daily => "daily", "A summary every day",
        Off => "off", "Never",
    }
);

closed_list!(
    /// The kinds of email a person can switch off, each with its own
    /// unsubscribe link. Account emails (verification, reset) cannot be.
    EmailTopic {
        Moderation => "moderation", "Comments waiting for my decision, as a chair",
        Decisions => "decisions", "Chairs' decisions on my comments",
        Replies => "replies", "Published replies to my comments",
        Citations => "citations", "A published outcome citing my comments",
    }
);

impl AlertFrequency {
    /// The summary period that has just ended at `now`, as (start, end, key);
    /// None for chairs who are told at once or never. The key names the
    /// period, so that every instance computes the same one.
    pub fn finished_period(
        self,
        now: DateTime<Utc>,
    ) -> Option<(DateTime<Utc>, DateTime<Utc>, String)> {
        let hour_start = Utc
            .with_ymd_and_hms(now.year(), now.month(), now.day(), now.hour(), 0, 0)
            .single()?;
        match self {
            Self::Hourly => Some((
                hour_start - Duration::hours(1),
                hour_start,
                hour_start.format("%Y-%m-%dT%H").to_string(),
            )),
            Self::Daily => {
                let day_start = hour_start - Duration::hours(i64::from(now.hour()));
                Some((
                    day_start - Duration::days(1),
                    day_start,
                    day_start.format("%Y-%m-%d").to_string(),
                ))
            }
            Self::Immediate | Self::Off => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_cover_the_hour_or_day_that_just_ended() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 14, 7, 3).unwrap();
        let (from, to, key) = AlertFrequency::Hourly.finished_period(now).unwrap();
        assert_eq!(from, Utc.with_ymd_and_hms(2026, 11, 25, 13, 0, 0).unwrap());
        assert_eq!(to, Utc.with_ymd_and_hms(2026, 11, 25, 14, 0, 0).unwrap());
        assert_eq!(key, "2026-11-25T14");
        let (from, to, key) = AlertFrequency::Daily.finished_period(now).unwrap();
        assert_eq!(from, Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap());
        assert_eq!(to, Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap());
        assert_eq!(key, "2026-11-25");
        assert!(AlertFrequency::Immediate.finished_period(now).is_none());
    }
}
