//! Followers of a roundtable and what they are told: a new outcome
//! version, a changed deadline, and (if they asked) a daily digest of newly
//! published comments.
//!
//! PLACEHOLDER: the helper working on followers replaces this module. Other
//! services call `announce` inside their transaction; it must enqueue each
//! follower's email exactly once per announcement (outbox dedup key).

use super::ServiceError;
use crate::db::AnyConnection;
use crate::domain::ids::RoundtableId;
use chrono::{DateTime, Utc};

/// Something followers of one roundtable are told by email.
#[derive(Debug, Clone)]
pub enum Announcement {
    /// The outcome was published as `version` (1 for the first time).
    OutcomeVersion {
        version: i32,
        published_at: DateTime<Utc>,
    },
    /// The comment deadline moved; `change_id` names the logged change.
    DeadlineChanged {
        change_id: String,
        previous: Option<DateTime<Utc>>,
        new: Option<DateTime<Utc>>,
        reason: String,
    },
}

/// Enqueues the announcement for every follower of the roundtable, in the
/// caller's transaction.
pub fn announce(
    _conn: &mut AnyConnection,
    _roundtable: RoundtableId,
    _announcement: Announcement,
) -> Result<(), ServiceError> {
    Ok(())
}
