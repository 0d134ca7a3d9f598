//! How times, periods and languages read on the pages. Every time is shown in
//! the event's own zone, with the zone's abbreviation.

use crate::domain::time::{PeriodState, TimePattern};
use crate::i18n::{text, Arg, Language};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// A time for a `<time>` element: machine-readable and human-readable.
#[derive(Debug, Clone, Serialize)]
pub struct TimeView {
    pub iso: String,
    pub text: String,
}

pub fn time_view(time: DateTime<Utc>, zone: Tz, lang: Language) -> TimeView {
    TimeView {
        // Whole seconds: HTML's `datetime` takes at most three decimals, and
        // stored times carry six.
        iso: time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        text: date_time(time, zone, lang),
    }
}

// Parsed once (see `TimePattern`); English and French write dates alike.
static DATE: TimePattern = TimePattern::new("%-d %B %Y");
static DATE_ES: TimePattern = TimePattern::new("%-d de %B de %Y");
static DATE_TIME: TimePattern = TimePattern::new("%-d %B %Y, %H:%M %Z");
static DATE_TIME_ES: TimePattern = TimePattern::new("%-d de %B de %Y, %H:%M %Z");
static DAY: TimePattern = TimePattern::new("%A %-d %B %Y");
static DAY_ES: TimePattern = TimePattern::new("%A, %-d de %B de %Y");
static CLOCK: TimePattern = TimePattern::new("%H:%M");
static CLOCK_ZONE: TimePattern = TimePattern::new("%H:%M %Z");

/// "30 November 2020", "30 novembre 2020", "30 de noviembre de 2020".
fn date_pattern(lang: Language) -> &'static TimePattern {
    match lang {
        Language::Es => &DATE_ES,
        Language::En | Language::Fr => &DATE,
    }
}

fn local(time: DateTime<Utc>, zone: Tz, pattern: &TimePattern, lang: Language) -> String {
    pattern.format_localized(&time.with_timezone(&zone), lang.chrono_locale())
}

/// "30 November 2020, 23:59 CET"
pub fn date_time(time: DateTime<Utc>, zone: Tz, lang: Language) -> String {
    let pattern = match lang {
        Language::Es => &DATE_TIME_ES,
        Language::En | Language::Fr => &DATE_TIME,
    };
    local(time, zone, pattern, lang)
}

/// "14 May 2019, 09:00–17:00 CEST", or both dates when the range spans days.
pub fn time_range(
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    zone: Tz,
    lang: Language,
) -> String {
    let same_day = end.is_some_and(|e| {
        e.with_timezone(&zone).date_naive() == start.with_timezone(&zone).date_naive()
    });
    match end {
        None => date_time(start, zone, lang),
        Some(end) if same_day => format!(
            "{}, {}–{}",
            local(start, zone, date_pattern(lang), lang),
            local(start, zone, &CLOCK, lang),
            local(end, zone, &CLOCK_ZONE, lang)
        ),
        Some(end) => format!(
            "{} – {}",
            date_time(start, zone, lang),
            date_time(end, zone, lang)
        ),
    }
}

/// "09:30–10:00" for programme items, whose day the page already shows.
pub fn clock_range(start: DateTime<Utc>, end: Option<DateTime<Utc>>, zone: Tz) -> String {
    let start = CLOCK.format(&start.with_timezone(&zone));
    match end {
        Some(end) => format!("{start}–{}", CLOCK.format(&end.with_timezone(&zone))),
        None => start,
    }
}

/// "Tuesday 14 May 2019", "mardi 14 mai 2019", "martes, 14 de mayo de 2019".
pub fn day(time: DateTime<Utc>, zone: Tz, lang: Language) -> String {
    let pattern = match lang {
        Language::Es => &DAY_ES,
        Language::En | Language::Fr => &DAY,
    };
    local(time, zone, pattern, lang)
}

/// The comment period line: "Open for comments until 30 November 2020, 23:59 CET".
pub fn period_line(state: PeriodState, zone: Tz, lang: Language) -> String {
    let at = |t| vec![("at", Arg::from(date_time(t, zone, lang)))];
    match state {
        PeriodState::OpensLater(t) => text(lang, "views-period-opens", &at(t)),
        PeriodState::Open { until: Some(t) } => text(lang, "views-period-open-until", &at(t)),
        PeriodState::Open { until: None } => text(lang, "views-period-open", &[]),
        PeriodState::Late { until, .. } => text(lang, "views-period-late-until", &at(until)),
        PeriodState::Closed { since: Some(t) } => text(lang, "views-period-closed-on", &at(t)),
        PeriodState::Closed { since: None } => text(lang, "views-period-closed", &[]),
    }
}

/// A content language's name in the reader's language; a code the
/// catalogues do not name is shown as it is.
pub fn language_name(code: &str, lang: Language) -> String {
    crate::i18n::message(lang, &format!("views-language-{code}"), &[])
        .unwrap_or_else(|| code.to_owned())
}

/// "3 minutes", "5 hours", "2 days": how long something has waited.
pub fn waited(since: DateTime<Utc>, now: DateTime<Utc>, lang: Language) -> String {
    let minutes = (now - since).num_minutes().max(0) as usize;
    let (key, count) = match minutes {
        0 => ("views-waited-moment", 0),
        m if m < 90 => ("views-waited-minutes", m),
        m if m < 48 * 60 => ("views-waited-hours", (m + 30) / 60),
        m => ("views-waited-days", m / (24 * 60)),
    };
    text(lang, key, &[("count", count.into())])
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
            period_line(
                PeriodState::Open { until: Some(close) },
                berlin,
                Language::En
            ),
            "Open for comments until 30 November 2020, 23:59 CET"
        );
        assert_eq!(
            period_line(
                PeriodState::Open { until: Some(close) },
                berlin,
                Language::Fr
            ),
            "Commentaires ouverts jusqu’au 30 novembre 2020, 23:59 CET"
        );
        let prague: Tz = "Europe/Prague".parse().unwrap();
        let start = Utc.with_ymd_and_hms(2019, 5, 14, 7, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2019, 5, 14, 15, 0, 0).unwrap();
        assert_eq!(
            time_range(start, Some(end), prague, Language::En),
            "14 May 2019, 09:00–17:00 CEST"
        );
        assert_eq!(day(start, prague, Language::En), "Tuesday 14 May 2019");
        assert_eq!(
            day(start, prague, Language::Es),
            "martes, 14 de mayo de 2019"
        );
        assert_eq!(
            time_range(start, Some(end), prague, Language::Fr),
            "14 mai 2019, 09:00–17:00 CEST"
        );
        assert_eq!(
            date_time(close, berlin, Language::Es),
            "30 de noviembre de 2020, 23:59 CET"
        );
        assert_eq!(day(start, prague, Language::Fr), "mardi 14 mai 2019");
        assert_eq!(clock_range(start, Some(end), prague), "09:00–17:00");
        assert_eq!(clock_range(start, None, prague), "09:00");
        assert_eq!(
            time_range(start, Some(close), prague, Language::En),
            "14 May 2019, 09:00 CEST – 30 November 2020, 23:59 CET"
        );
    }

    #[test]
    fn machine_readable_times_are_valid_html_datetimes() {
        let stored = Utc.timestamp_micros(1_700_000_000_123_456).unwrap();
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(
            time_view(stored, berlin, Language::En).iso,
            "2023-11-14T22:13:20Z"
        );
    }

    #[test]
    fn waiting_times_round_to_a_readable_unit() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let en = Language::En;
        assert_eq!(waited(now, now, en), "less than a minute");
        assert_eq!(
            waited(now - chrono::Duration::minutes(1), now, en),
            "1 minute"
        );
        assert_eq!(
            waited(now - chrono::Duration::minutes(150), now, en),
            "3 hours"
        );
        assert_eq!(waited(now - chrono::Duration::days(3), now, en), "3 days");
        assert_eq!(
            waited(now - chrono::Duration::days(3), now, Language::Fr),
            "3 jours"
        );
        assert_eq!(language_name("de", Language::Es), "alemán");
        assert_eq!(language_name("xx", Language::Es), "xx");
    }
}
