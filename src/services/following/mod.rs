//! Followers of a roundtable and what they are told: a new outcome
//! version, a changed deadline, and (if they asked) a daily digest of newly
//! published comments.
//!
//! Services call `announce` inside their transaction: it records the
//! announcement; the scheduler (`send_due`, which holds the templates)
//! writes one email per follower, each with an outbox de-duplication key
//! naming the announcement and the person, so each is sent exactly once.
//! Unsubscribing from one of these emails stops following that roundtable.

mod emails;

pub use emails::{link_subject, send_due};

use super::ServiceError;
use crate::db::queries::following::{self, Follow, NewAnnouncement};
use crate::db::AnyConnection;
use crate::domain::ids::{RoundtableId, UserId};
use crate::domain::user::SignedInUser;
use chrono::{DateTime, Utc};
use serde_json::json;

pub use crate::db::queries::following::Followed;

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

/// Records the announcement for every follower of the roundtable, in the
/// caller's transaction; the same announcement twice is recorded once.
pub fn announce(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    announcement: Announcement,
) -> Result<(), ServiceError> {
    let now = Utc::now();
    let (kind, key, details) = match announcement {
        Announcement::OutcomeVersion {
            version,
            published_at,
        } => (
            emails::OUTCOME,
            version.to_string(),
            json!({ "version": version, "published_at": published_at }),
        ),
        Announcement::DeadlineChanged {
            change_id,
            previous,
            new,
            reason,
        } => (
            emails::DEADLINE,
            change_id,
            json!({ "previous": previous, "new": new, "reason": reason }),
        ),
    };
    following::record_announcement(
        conn,
        &NewAnnouncement {
            roundtable,
            kind,
            subject_key: &key,
            details_json: &details.to_string(),
        },
        now,
    )?;
    Ok(())
}

/// What a signed-in reader asks of one roundtable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowChoice {
    Follow { daily_digest: bool },
    Stop,
}

/// Follows or stops following a published roundtable.
pub fn choose(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    (consultation, roundtable): (&str, &str),
    choice: FollowChoice,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    crate::db::write_transaction(conn, |conn| {
        let detail = super::roundtables::roundtable_detail(conn, consultation, roundtable)?;
        let follow = match choice {
            FollowChoice::Follow { daily_digest } => Follow {
                following: true,
                daily_digest,
            },
            FollowChoice::Stop => Follow {
                following: false,
                daily_digest: false,
            },
        };
        following::set(conn, user.id, detail.roundtable.id, follow, now)?;
        Ok(())
    })
}

/// The reader's row for a roundtable: None when they never followed it.
pub fn state(
    conn: &mut AnyConnection,
    user: UserId,
    roundtable: RoundtableId,
) -> Result<Option<Follow>, ServiceError> {
    Ok(following::find(conn, user, roundtable)?)
}

/// The caller's row for a published roundtable, by slugs.
pub fn state_of(
    conn: &mut AnyConnection,
    user: UserId,
    (consultation, roundtable): (&str, &str),
) -> Result<Option<Follow>, ServiceError> {
    let detail = super::roundtables::roundtable_detail(conn, consultation, roundtable)?;
    state(conn, user, detail.roundtable.id)
}

/// The roundtables a person follows, for their account page.
pub fn followed(conn: &mut AnyConnection, user: UserId) -> Result<Vec<Followed>, ServiceError> {
    Ok(following::followed_by(conn, user)?)
}

/// A participant who posts a comment follows its roundtable, unless they
/// chose before (following or not).
pub fn follow_by_default(
    conn: &mut AnyConnection,
    user: UserId,
    roundtable: RoundtableId,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    Ok(following::follow_unless_decided(
        conn, user, roundtable, now,
    )?)
}

/// Stops `user` following the roundtable a signed link names (its subject
/// is "follow:<roundtable id>"); the roundtable's title for the page that
/// confirms it, None when the link names no roundtable.
pub fn stop_by_link(
    conn: &mut AnyConnection,
    user: UserId,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<Option<String>, ServiceError> {
    let Some(roundtable) = subject
        .strip_prefix("follow:")
        .and_then(|id| id.parse::<RoundtableId>().ok())
    else {
        return Ok(None);
    };
    crate::db::write_transaction(conn, |conn| {
        let Some(place) = following::place(conn, &roundtable.to_string())? else {
            return Ok(None);
        };
        let stop = Follow {
            following: false,
            daily_digest: false,
        };
        following::set(conn, user, roundtable, stop, now)?;
        Ok(Some(place.title))
    })
}
