//! How times, periods and languages read on the pages. Every time is shown in
//! the event's own zone, with the zone's abbreviation.

use crate::domain::time::PeriodState;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// A time for a `<time>` element: machine-readable and human-readable.
#[derive(Debug, Clone, Serialize)]
pub struct TimeView {
    pub iso: String,
    pub text: String,
}

pub fn time_view(time: DateTime<Utc>, zone: Tz) -> TimeView {
    TimeView {
        iso: time.to_rfc3339(),
        text: date_time(time, zone),
    }
}

/// "30 November 2020, 23:59 CET"
pub fn date_time(time: DateTime<Utc>, zone: Tz) -> String {
    time.with_timezone(&zone)
        .format("%-d %B %Y, %H:%M %Z")
        .to_string()
}

/// "14 May 2019, 09:00–17:00 CEST", or both dates when the range spans days.
pub fn time_range(start: DateTime<Utc>, end: Option<DateTime<Utc>>, zone: Tz) -> String {
    let start_local = start.with_timezone(&zone);
    match end.map(|e| e.with_timezone(&zone)) {
        None => date_time(start, zone),
        Some(end_local) if end_local.date_naive() == start_local.date_naive() => format!(
            "{}, {}–{} {}",
            start_local.format("%-d %B %Y"),
            start_local.format("%H:%M"),
            end_local.format("%H:%M"),
            end_local.format("%Z")
        ),
        Some(end_local) => format!(
            "{} – {}",
            start_local.format("%-d %B %Y, %H:%M %Z"),
            end_local.format("%-d %B %Y, %H:%M %Z")
        ),
    }
}

/// "09:30–10:00" for programme items, whose day the page already shows.
pub fn clock_range(start: DateTime<Utc>, end: Option<DateTime<Utc>>, zone: Tz) -> String {
    let start = start.with_timezone(&zone);
    match end {
        Some(end) => format!(
            "{}–{}",
            start.format("%H:%M"),
            end.with_timezone(&zone).format("%H:%M")
        ),
        None => start.format("%H:%M").to_string(),
    }
}

pub fn day(time: DateTime<Utc>, zone: Tz) -> String {
    time.with_timezone(&zone).format("%A %-d %B %Y").to_string()
}

/// The comment period line: "Open for comments until 30 November 2020, 23:59 CET".
pub fn period_line(state: PeriodState, zone: Tz) -> String {
    match state {
        PeriodState::OpensLater(at) => format!("Comments open on {}", date_time(at, zone)),
        PeriodState::Open { until: Some(at) } => {
            format!("Open for comments until {}", date_time(at, zone))
        }
        PeriodState::Open { until: None } => "Open for comments".into(),
        PeriodState::Closed { since: Some(at) } => {
            format!("Comments closed on {}", date_time(at, zone))
        }
        PeriodState::Closed { since: None } => "Comments are closed".into(),
    }
}

pub fn language_name(code: &str) -> String {
    let name = match code {
        "en" => "English",
        "fr" => "French",
        "es" => "Spanish",
        "de" => "German",
        "cs" => "Czech",
        "ka" => "Georgian",
        "ru" => "Russian",
        "tr" => "Turkish",
        "ar" => "Arabic",
        "it" => "Italian",
        "nl" => "Dutch",
        "pt" => "Portuguese",
        other => return other.to_owned(),
    };
    name.to_owned()
}

pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// "3 minutes", "5 hours", "2 days": how long something has waited.
pub fn waited(since: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - since).num_minutes().max(0) as usize;
    match minutes {
        0 => "less than a minute".into(),
        m if m < 90 => plural(m, "minute", "minutes"),
        m if m < 48 * 60 => plural((m + 30) / 60, "hour", "hours"),
        m => plural(m / (24 * 60), "day", "days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn times_read_in_the_event_zone() {
        let close = Utc.with_ymd_and_hms(2020, 11, 30, 22, 59, 0).unwrap();
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(
            period_line(PeriodState::Open { until: Some(close) }, berlin),
            "Open for comments until 30 November 2020, 23:59 CET"
        );
        let prague: Tz = "Europe/Prague".parse().unwrap();
        let start = Utc.with_ymd_and_hms(2019, 5, 14, 7, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2019, 5, 14, 15, 0, 0).unwrap();
        assert_eq!(
            time_range(start, Some(end), prague),
            "14 May 2019, 09:00–17:00 CEST"
        );
        assert_eq!(day(start, prague), "Tuesday 14 May 2019");
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(plural(1, "comment", "comments"), "1 comment");
        assert_eq!(plural(0, "comment", "comments"), "0 comments");
    }

    #[test]
    fn waiting_times_round_to_a_readable_unit() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        assert_eq!(waited(now, now), "less than a minute");
        assert_eq!(waited(now - chrono::Duration::minutes(1), now), "1 minute");
        assert_eq!(waited(now - chrono::Duration::minutes(150), now), "3 hours");
        assert_eq!(waited(now - chrono::Duration::days(3), now), "3 days");
    }
}
