//! Rows that have served their purpose: expired sessions, old single-use
//! links, rate-limit hits outside every window.

use crate::db::rows::naive;
use crate::db::schema::{one_time_tokens, rate_limit_hits, sessions};
use crate::db::{AnyConnection, StorageError};
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub sessions: usize,
    pub links: usize,
    pub rate_limit_hits: usize,
}

/// An expired link is kept a week, so that following it says "expired"
/// rather than "unknown"; no rate-limit window is longer than a day.
pub fn purge(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<Purged, StorageError> {
    Ok(Purged {
        sessions: diesel::delete(sessions::table.filter(sessions::expires_at.lt(naive(now))))
            .execute(conn)?,
        links: diesel::delete(
            one_time_tokens::table
                .filter(one_time_tokens::expires_at.lt(naive(now - Duration::days(7)))),
        )
        .execute(conn)?,
        rate_limit_hits: diesel::delete(
            rate_limit_hits::table
                .filter(rate_limit_hits::created_at.lt(naive(now - Duration::days(1)))),
        )
        .execute(conn)?,
    })
}
