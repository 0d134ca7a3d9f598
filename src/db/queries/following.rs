//! Who follows which roundtable, the announcements waiting to be emailed to
//! them, and what their daily digest lists.

use super::notifications::{contacts, Recipient};
use crate::db::rows::{naive, utc};
use crate::db::schema::{
    comments, consultations, follower_announcements, roundtable_followers, roundtables,
};
use crate::db::{insert_unless_taken, AnyConnection, StorageError};
use crate::domain::ids::{RoundtableId, UserId};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

/// One person's row for one roundtable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Follow {
    pub following: bool,
    pub daily_digest: bool,
}

pub fn find(
    conn: &mut AnyConnection,
    user: UserId,
    roundtable: RoundtableId,
) -> Result<Option<Follow>, StorageError> {
    let row: Option<(bool, bool)> = roundtable_followers::table
        .find((user.to_string(), roundtable.to_string()))
        .select((
            roundtable_followers::following,
            roundtable_followers::daily_digest,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|(following, daily_digest)| Follow {
        following,
        daily_digest,
    }))
}

/// Sets the row, creating it if needed. Starting to follow (again) or
/// asking for the digest starts the digest from `now`, so it never lists
/// what was published before. When a concurrent request creates the row
/// between the check and the insert, this one updates it as if it had come
/// second.
pub fn set(
    conn: &mut AnyConnection,
    user: UserId,
    roundtable: RoundtableId,
    follow: Follow,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let before = match find(conn, user, roundtable)? {
        Some(before) => before,
        None if insert(conn, user, roundtable, follow, now)? => return Ok(()),
        None => find(conn, user, roundtable)?
            .ok_or_else(|| StorageError::corrupt("a taken follower row cannot be read"))?,
    };
    let restart =
        (follow.following && !before.following) || (follow.daily_digest && !before.daily_digest);
    let key = (user.to_string(), roundtable.to_string());
    diesel::update(roundtable_followers::table.find(key.clone()))
        .set((
            roundtable_followers::following.eq(follow.following),
            roundtable_followers::daily_digest.eq(follow.daily_digest),
            roundtable_followers::updated_at.eq(naive(now)),
        ))
        .execute(conn)?;
    if restart {
        diesel::update(roundtable_followers::table.find(key))
            .set(roundtable_followers::digest_sent_until.eq(Some(naive(now))))
            .execute(conn)?;
    }
    Ok(())
}

/// Creates the row in a savepoint; false (and nothing changed) when the
/// person has one already, even one created by a concurrent transaction.
pub fn insert(
    conn: &mut AnyConnection,
    user: UserId,
    roundtable: RoundtableId,
    follow: Follow,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let insert = diesel::insert_into(roundtable_followers::table).values((
        roundtable_followers::user_id.eq(user.to_string()),
        roundtable_followers::roundtable_id.eq(roundtable.to_string()),
        roundtable_followers::following.eq(follow.following),
        roundtable_followers::daily_digest.eq(follow.daily_digest),
        roundtable_followers::digest_sent_until.eq(Some(naive(now))),
        roundtable_followers::created_at.eq(naive(now)),
        roundtable_followers::updated_at.eq(naive(now)),
    ));
    insert_unless_taken(conn, |conn| insert.execute(conn))
}

/// Follows unless the person has a row already (following, or having
/// stopped: that choice is kept, even when made concurrently).
pub fn follow_unless_decided(
    conn: &mut AnyConnection,
    user: UserId,
    roundtable: RoundtableId,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    if find(conn, user, roundtable)?.is_none() {
        let follow = Follow {
            following: true,
            daily_digest: false,
        };
        insert(conn, user, roundtable, follow, now)?;
    }
    Ok(())
}

/// The followers of a roundtable who can be emailed (closed and erased
/// accounts are not) and who followed it by `by`: someone who follows
/// after a change is not told of it when the worker comes round.
pub fn followers(
    conn: &mut AnyConnection,
    roundtable: &str,
    by: DateTime<Utc>,
) -> Result<Vec<Recipient>, StorageError> {
    let ids: Vec<String> = roundtable_followers::table
        .filter(roundtable_followers::roundtable_id.eq(roundtable))
        .filter(roundtable_followers::following.eq(true))
        .filter(roundtable_followers::created_at.le(naive(by)))
        .select(roundtable_followers::user_id)
        .load(conn)?;
    contacts(conn, &ids)
}

/// A roundtable someone follows, for their account page.
#[derive(Debug, Clone)]
pub struct Followed {
    pub roundtable_id: String,
    pub consultation_slug: String,
    pub roundtable_slug: String,
    pub code: Option<String>,
    pub title: String,
    pub daily_digest: bool,
}

pub fn followed_by(conn: &mut AnyConnection, user: UserId) -> Result<Vec<Followed>, StorageError> {
    let rows: Vec<(String, String, String, Option<String>, String, bool)> =
        roundtable_followers::table
            .inner_join(roundtables::table.inner_join(consultations::table))
            .filter(roundtable_followers::user_id.eq(user.to_string()))
            .filter(roundtable_followers::following.eq(true))
            .order((consultations::slug.asc(), roundtables::position.asc()))
            .select((
                roundtables::id,
                consultations::slug,
                roundtables::slug,
                roundtables::code,
                roundtables::title,
                roundtable_followers::daily_digest,
            ))
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(roundtable_id, consultation_slug, roundtable_slug, code, title, daily_digest)| {
                Followed {
                    roundtable_id,
                    consultation_slug,
                    roundtable_slug,
                    code,
                    title,
                    daily_digest,
                }
            },
        )
        .collect())
}

/// A follower who asked for the daily digest, and where it stopped.
#[derive(Debug, Clone)]
pub struct DigestFollower {
    pub user_id: String,
    pub roundtable_id: String,
    pub sent_until: DateTime<Utc>,
}

/// Those whose digest stopped before `day_start`: the ones a digest may be
/// due for.
pub fn digest_followers(
    conn: &mut AnyConnection,
    day_start: DateTime<Utc>,
) -> Result<Vec<DigestFollower>, StorageError> {
    let rows: Vec<(String, String, Option<NaiveDateTime>, NaiveDateTime)> =
        roundtable_followers::table
            .filter(roundtable_followers::following.eq(true))
            .filter(roundtable_followers::daily_digest.eq(true))
            .filter(
                roundtable_followers::digest_sent_until
                    .lt(naive(day_start))
                    .or(roundtable_followers::digest_sent_until.is_null()),
            )
            .select((
                roundtable_followers::user_id,
                roundtable_followers::roundtable_id,
                roundtable_followers::digest_sent_until,
                roundtable_followers::created_at,
            ))
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, roundtable_id, until, created)| DigestFollower {
            user_id,
            roundtable_id,
            sent_until: utc(until.unwrap_or(created)),
        })
        .collect())
}

pub fn set_digest_sent_until(
    conn: &mut AnyConnection,
    user: &str,
    roundtable: &str,
    until: DateTime<Utc>,
) -> Result<(), StorageError> {
    diesel::update(roundtable_followers::table.find((user, roundtable)))
        .set(roundtable_followers::digest_sent_until.eq(Some(naive(until))))
        .execute(conn)?;
    Ok(())
}

/// A comment published in a digest's period.
#[derive(Debug, Clone)]
pub struct DigestComment {
    pub reference: String,
    pub author_name: String,
    pub author_organisation: String,
    pub body_markdown: String,
    pub published_at: DateTime<Utc>,
}

type DigestColumns = (
    String,
    String,
    String,
    String,
    Option<NaiveDateTime>,
    NaiveDateTime,
);

/// The comments of a roundtable that became public in `[from, to)`, in
/// the order they did.
pub fn published_between(
    conn: &mut AnyConnection,
    roundtable: &str,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<DigestComment>, StorageError> {
    let rows: Vec<DigestColumns> = comments::table
        .filter(comments::roundtable_id.eq(roundtable))
        .filter(comments::status.eq("approved"))
        .filter(comments::hidden_by_reports.eq(false))
        .filter(
            comments::decided_at
                .ge(naive(from))
                .or(comments::created_at.ge(naive(from))),
        )
        .select((
            comments::reference,
            comments::author_name,
            comments::author_organisation,
            comments::body_markdown,
            comments::decided_at,
            comments::created_at,
        ))
        .load(conn)?;
    let mut found: Vec<DigestComment> = rows
        .into_iter()
        .map(
            |(reference, author_name, author_organisation, body, decided, created)| DigestComment {
                reference,
                author_name,
                author_organisation,
                body_markdown: body,
                published_at: utc(decided.unwrap_or(created)),
            },
        )
        .filter(|c| c.published_at >= from && c.published_at < to)
        .collect();
    found.sort_by_key(|c| c.published_at);
    Ok(found)
}

/// An announcement waiting to be emailed to a roundtable's followers.
#[derive(Debug, Clone)]
pub struct WaitingAnnouncement {
    pub id: String,
    pub roundtable_id: String,
    pub kind: String,
    pub subject_key: String,
    pub details_json: String,
    /// When it happened: only those who followed by then are told.
    pub created_at: DateTime<Utc>,
}

pub struct NewAnnouncement<'a> {
    pub roundtable: RoundtableId,
    pub kind: &'a str,
    /// What is announced (a change id, a version number): the same one is
    /// recorded once.
    pub subject_key: &'a str,
    pub details_json: &'a str,
}

pub fn record_announcement(
    conn: &mut AnyConnection,
    new: &NewAnnouncement<'_>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let exists: i64 = follower_announcements::table
        .filter(follower_announcements::roundtable_id.eq(new.roundtable.to_string()))
        .filter(follower_announcements::kind.eq(new.kind))
        .filter(follower_announcements::subject_key.eq(new.subject_key))
        .count()
        .get_result(conn)?;
    if exists == 0 {
        diesel::insert_into(follower_announcements::table)
            .values((
                follower_announcements::id.eq(uuid::Uuid::now_v7().to_string()),
                follower_announcements::roundtable_id.eq(new.roundtable.to_string()),
                follower_announcements::kind.eq(new.kind),
                follower_announcements::subject_key.eq(new.subject_key),
                follower_announcements::details_json.eq(new.details_json),
                follower_announcements::created_at.eq(naive(now)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn waiting_announcements(
    conn: &mut AnyConnection,
    limit: i64,
) -> Result<Vec<WaitingAnnouncement>, StorageError> {
    let rows: Vec<(String, String, String, String, String, NaiveDateTime)> =
        follower_announcements::table
            .filter(follower_announcements::announced_at.is_null())
            .order(follower_announcements::id.asc())
            .limit(limit)
            .select((
                follower_announcements::id,
                follower_announcements::roundtable_id,
                follower_announcements::kind,
                follower_announcements::subject_key,
                follower_announcements::details_json,
                follower_announcements::created_at,
            ))
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, roundtable_id, kind, subject_key, details_json, created_at)| {
                WaitingAnnouncement {
                    id,
                    roundtable_id,
                    kind,
                    subject_key,
                    details_json,
                    created_at: utc(created_at),
                }
            },
        )
        .collect())
}

/// Marks it emailed; false when another instance did first.
pub fn mark_announced(
    conn: &mut AnyConnection,
    id: &str,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let changed = diesel::update(
        follower_announcements::table
            .find(id)
            .filter(follower_announcements::announced_at.is_null()),
    )
    .set(follower_announcements::announced_at.eq(Some(naive(now))))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Where a roundtable lives, for the emails about it.
#[derive(Debug, Clone)]
pub struct RoundtablePlace {
    pub roundtable_id: String,
    pub consultation_slug: String,
    pub time_zone: String,
    pub roundtable_slug: String,
    /// With its code: "RT 3.2 Strengthening Cooperation".
    pub title: String,
}

pub fn place(
    conn: &mut AnyConnection,
    roundtable: &str,
) -> Result<Option<RoundtablePlace>, StorageError> {
    let row: Option<(String, String, String, Option<String>, String)> = roundtables::table
        .inner_join(consultations::table)
        .filter(roundtables::id.eq(roundtable))
        .select((
            consultations::slug,
            consultations::time_zone,
            roundtables::slug,
            roundtables::code,
            roundtables::title,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(
        |(consultation_slug, time_zone, roundtable_slug, code, title)| RoundtablePlace {
            roundtable_id: roundtable.to_owned(),
            consultation_slug,
            time_zone,
            roundtable_slug,
            title: match code {
                Some(code) => format!("{code} {title}"),
                None => title,
            },
        },
    ))
}
