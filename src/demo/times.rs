use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

/// A demo time: a wall-clock time in the consultation's zone
/// ("2019-05-14T09:00"), or an offset from the moment of loading
/// ("now-3d2h", "now+45d") for the one consultation that must always be open.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum DemoTime {
    Local(NaiveDateTime),
    FromNow(Duration),
}

impl TryFrom<String> for DemoTime {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        if let Some(offset) = text.strip_prefix("now") {
            return parse_offset(offset)
                .map(DemoTime::FromNow)
                .ok_or_else(|| format!("'{text}' is not a relative time such as now-3d2h30m"));
        }
        NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M")
            .map(DemoTime::Local)
            .map_err(|_| format!("'{text}' is not a time such as 2019-05-14T09:00"))
    }
}

fn parse_offset(offset: &str) -> Option<Duration> {
    if offset.is_empty() {
        return Some(Duration::zero());
    }
    let (sign, mut rest) = match offset.as_bytes()[0] {
        b'+' => (1, &offset[1..]),
        b'-' => (-1, &offset[1..]),
        _ => return None,
    };
    let mut total = Duration::zero();
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit())?;
        let amount: i64 = rest[..digits].parse().ok()?;
        let unit = match rest[digits..].chars().next()? {
            'd' => Duration::days(amount),
            'h' => Duration::hours(amount),
            'm' => Duration::minutes(amount),
            _ => return None,
        };
        total += unit;
        rest = &rest[digits + 1..];
    }
    Some(total * sign)
}

impl DemoTime {
    pub fn resolve(&self, zone: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
        match self {
            DemoTime::FromNow(offset) => Ok(now + *offset),
            DemoTime::Local(local) => crate::domain::time::local_to_utc("time", *local, zone)
                .map_err(|e| e.message.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_and_local_times_parse() {
        assert_eq!(
            DemoTime::try_from("now".to_string()).unwrap(),
            DemoTime::FromNow(Duration::zero())
        );
        assert_eq!(
            DemoTime::try_from("now-2d5h30m".to_string()).unwrap(),
            DemoTime::FromNow(-(Duration::days(2) + Duration::hours(5) + Duration::minutes(30)))
        );
        assert!(matches!(
            DemoTime::try_from("2019-05-14T09:00".to_string()).unwrap(),
            DemoTime::Local(_)
        ));
        for bad in ["now*3d", "now-3x", "now-d", "14 May 2019"] {
            assert!(DemoTime::try_from(bad.to_string()).is_err(), "{bad}");
        }
    }
}
