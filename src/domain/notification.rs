//! Who is told what by email, and how often chairs hear of waiting comments.

use super::affiliation::closed_list;
use chrono::{DateTime, Datelike, Duration, TimeZone, Timelike, Utc};

closed_list!(
    /// How a chair hears of comments that wait for a decision.
    AlertFrequency {
        Immediate => "immediate", "At once, then at most one email every 15 minutes",
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

closed_list!(
    /// Emails that gather, for one person, what happens over a short while,
    /// so that a busy hour is a few emails rather than dozens.
    EmailBatchKind {
        Waiting => "waiting", "Comments waiting for a chair who wants alerts at once",
        Decisions => "decisions", "Chairs' decisions on an author's comments",
    }
);

/// A chair on "at once" hears of the first waiting comment at once, then at
/// most once in this long, of everything that arrived meanwhile.
pub const WAITING_ALERT_INTERVAL: Duration = Duration::minutes(15);
/// Decisions on one author's comments within this long make one email.
pub const DECISIONS_WINDOW: Duration = Duration::minutes(1);

impl EmailBatchKind {
    /// When a new batch goes out, given when the person's previous batch of
    /// this kind was due (none: there was none). A chair's waiting comments
    /// go at once unless an email went less than the interval ago; an
    /// author's decisions wait a minute for the decisions that follow.
    pub fn send_at(self, previous: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Self::Waiting => previous.map_or(now, |due| now.max(due + WAITING_ALERT_INTERVAL)),
            Self::Decisions => now + DECISIONS_WINDOW,
        }
    }
}

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

    #[test]
    fn waiting_alerts_go_at_once_then_at_most_every_quarter_hour() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 14, 7, 3).unwrap();
        let waiting = EmailBatchKind::Waiting;
        assert_eq!(waiting.send_at(None, now), now, "the first at once");
        let last = now - Duration::minutes(5);
        assert_eq!(
            waiting.send_at(Some(last), now),
            last + Duration::minutes(15),
            "then a quarter of an hour after the previous one"
        );
        let long_ago = now - Duration::hours(2);
        assert_eq!(waiting.send_at(Some(long_ago), now), now, "at once again");
        let ahead = now + Duration::minutes(10);
        assert_eq!(
            waiting.send_at(Some(ahead), now),
            ahead + Duration::minutes(15),
            "never two within the interval, even behind a held one"
        );
    }

    #[test]
    fn decisions_wait_a_minute_for_the_ones_that_follow() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 14, 7, 3).unwrap();
        let decisions = EmailBatchKind::Decisions;
        assert_eq!(decisions.send_at(None, now), now + Duration::minutes(1));
        assert_eq!(
            decisions.send_at(Some(now - Duration::seconds(5)), now),
            now + Duration::minutes(1)
        );
    }
}
