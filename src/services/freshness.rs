//! How long an answer made now stays true. An answer shows the content at a
//! content version, and the state of periods at a moment: it stays true
//! while the version is unchanged and no scheduled time (a period or a
//! meeting opening or closing) has come. Every instance asks the database
//! for the version, so an answer cached on one instance is never older than
//! a change committed through another.

use super::ServiceError;
use crate::db::queries::content;
use crate::db::AnyConnection;
use chrono::{DateTime, Utc};
use std::sync::Mutex;

/// The conditions under which an answer made now stays true.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    pub version: i64,
    /// The next scheduled time, at which period states may change.
    pub until: Option<DateTime<Utc>>,
}

impl Freshness {
    /// Whether an answer made under `self` is still true for a request
    /// that found the database at `current` at `now`.
    pub fn holds(&self, current: &Freshness, now: DateTime<Utc>) -> bool {
        self.version == current.version && self.until.is_none_or(|until| now < until)
    }
}

/// Reads the content version, and remembers the next scheduled time for
/// that version so that it is looked up once per change, not per request.
#[derive(Default)]
pub struct ContentClock {
    remembered: Mutex<Option<Remembered>>,
}

#[derive(Clone, Copy)]
struct Remembered {
    version: i64,
    looked_up_at: DateTime<Utc>,
    next: Option<DateTime<Utc>>,
}

impl ContentClock {
    pub fn read(
        &self,
        conn: &mut AnyConnection,
        now: DateTime<Utc>,
    ) -> Result<Freshness, ServiceError> {
        let version = content::content_version(conn)?;
        let remembered = *self.remembered.lock().unwrap_or_else(|e| e.into_inner());
        // The next time after `looked_up_at` is also the next after `now`
        // as long as it has not come: nothing was scheduled in between.
        let next = match remembered {
            Some(r)
                if r.version == version
                    && r.looked_up_at <= now
                    && r.next.is_none_or(|next| now < next) =>
            {
                r.next
            }
            _ => {
                let next = content::next_scheduled_change(conn, now)?;
                *self.remembered.lock().unwrap_or_else(|e| e.into_inner()) = Some(Remembered {
                    version,
                    looked_up_at: now,
                    next,
                });
                next
            }
        };
        Ok(Freshness {
            version,
            until: next,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Freshness;
    use chrono::{Duration, Utc};

    #[test]
    fn an_answer_holds_until_the_version_changes_or_its_time_comes() {
        let now = Utc::now();
        let made = Freshness {
            version: 7,
            until: Some(now + Duration::seconds(10)),
        };
        let same = made;
        assert!(made.holds(&same, now));
        assert!(made.holds(&same, now + Duration::seconds(9)));
        assert!(
            !made.holds(&same, now + Duration::seconds(10)),
            "the period changes then"
        );
        let changed = Freshness { version: 8, ..made };
        assert!(!made.holds(&changed, now));
        let unscheduled = Freshness {
            version: 7,
            until: None,
        };
        assert!(unscheduled.holds(&unscheduled, now + Duration::days(400)));
    }
}
