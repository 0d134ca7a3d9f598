//! Who hears of what: chairs' alert frequency, opt-outs by topic, contact
//! details of the people an email concerns, and readers' last visits.

use crate::db::rows::*;
use crate::db::schema::{chair_assignments, comments, email_opt_outs, roundtable_visits, users};
use crate::db::{AnyConnection, StorageError};
use crate::domain::comment::CommentStatus;
use crate::domain::ids::{RoundtableId, UserId};
use crate::domain::notification::{AlertFrequency, EmailTopic};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use std::collections::HashMap;

/// Someone an email goes to.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub user_id: String,
    pub email: String,
    pub name: String,
    pub alerts: AlertFrequency,
    /// The language their emails are written in.
    pub language: crate::i18n::Language,
}

type RecipientColumns = (String, String, String, String, Option<String>);

fn recipients(rows: Vec<RecipientColumns>) -> Result<Vec<Recipient>, StorageError> {
    rows.into_iter()
        .map(|(user_id, email, name, alerts, language)| {
            Ok(Recipient {
                user_id,
                email,
                name,
                alerts: parse_code("alert frequency", &alerts, AlertFrequency::from_code)?,
                language: language
                    .as_deref()
                    .and_then(crate::i18n::Language::from_code)
                    .unwrap_or(crate::i18n::Language::En),
            })
        })
        .collect()
}

/// Active, verified accounts among `ids` (authors of comments, chairs).
pub fn contacts(conn: &mut AnyConnection, ids: &[String]) -> Result<Vec<Recipient>, StorageError> {
    let rows: Vec<RecipientColumns> = users::table
        .filter(users::id.eq_any(ids))
        .filter(users::deactivated_at.is_null())
        .filter(users::erased_at.is_null())
        .filter(users::verified_at.is_not_null())
        .select((
            users::id,
            users::email,
            users::display_name,
            users::moderation_alerts,
            users::preferred_language,
        ))
        .load(conn)?;
    recipients(rows)
}

/// The active chairs of a roundtable who can be emailed.
pub fn chairs_of(
    conn: &mut AnyConnection,
    roundtable: &str,
) -> Result<Vec<Recipient>, StorageError> {
    let ids: Vec<String> = chair_assignments::table
        .filter(chair_assignments::roundtable_id.eq(roundtable))
        .select(chair_assignments::user_id)
        .load(conn)?;
    contacts(conn, &ids)
}

/// Chairs (of at least one roundtable) who chose summaries of this frequency.
pub fn chairs_with_alerts(
    conn: &mut AnyConnection,
    frequency: AlertFrequency,
) -> Result<Vec<Recipient>, StorageError> {
    let rows: Vec<RecipientColumns> = users::table
        .filter(users::moderation_alerts.eq(frequency.code()))
        .filter(users::deactivated_at.is_null())
        .filter(users::erased_at.is_null())
        .filter(users::verified_at.is_not_null())
        .filter(diesel::dsl::exists(
            chair_assignments::table.filter(chair_assignments::user_id.eq(users::id)),
        ))
        .select((
            users::id,
            users::email,
            users::display_name,
            users::moderation_alerts,
            users::preferred_language,
        ))
        .load(conn)?;
    recipients(rows)
}

pub fn opted_out(
    conn: &mut AnyConnection,
    user: &str,
    topic: EmailTopic,
) -> Result<bool, StorageError> {
    Ok(diesel::select(diesel::dsl::exists(
        email_opt_outs::table
            .filter(email_opt_outs::user_id.eq(user))
            .filter(email_opt_outs::topic.eq(topic.code())),
    ))
    .get_result(conn)?)
}

/// A person's choices: chair alerts and the topics they switched off.
pub fn preferences(
    conn: &mut AnyConnection,
    user: UserId,
) -> Result<(AlertFrequency, Vec<EmailTopic>), StorageError> {
    let alerts: String = users::table
        .filter(users::id.eq(user.to_string()))
        .select(users::moderation_alerts)
        .first(conn)?;
    let topics: Vec<String> = email_opt_outs::table
        .filter(email_opt_outs::user_id.eq(user.to_string()))
        .select(email_opt_outs::topic)
        .load(conn)?;
    Ok((
        parse_code("alert frequency", &alerts, AlertFrequency::from_code)?,
        topics
            .iter()
            .filter_map(|t| EmailTopic::from_code(t))
            .collect(),
    ))
}

pub fn set_alerts(
    conn: &mut AnyConnection,
    user: UserId,
    frequency: AlertFrequency,
) -> Result<(), StorageError> {
    diesel::update(users::table.filter(users::id.eq(user.to_string())))
        .set(users::moderation_alerts.eq(frequency.code()))
        .execute(conn)?;
    Ok(())
}

/// Switches a topic off (`off` true) or on again.
pub fn set_opt_out(
    conn: &mut AnyConnection,
    user: UserId,
    topic: EmailTopic,
    off: bool,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let mine = email_opt_outs::table
        .filter(email_opt_outs::user_id.eq(user.to_string()))
        .filter(email_opt_outs::topic.eq(topic.code()));
    diesel::delete(mine).execute(conn)?;
    if off {
        diesel::insert_into(email_opt_outs::table)
            .values((
                email_opt_outs::user_id.eq(user.to_string()),
                email_opt_outs::topic.eq(topic.code()),
                email_opt_outs::created_at.eq(naive(now)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// When the reader last opened each of these roundtables.
pub fn last_visits(
    conn: &mut AnyConnection,
    user: UserId,
    roundtables: &[RoundtableId],
) -> Result<HashMap<RoundtableId, DateTime<Utc>>, StorageError> {
    let ids: Vec<String> = roundtables.iter().map(|r| r.to_string()).collect();
    let rows: Vec<(String, chrono::NaiveDateTime)> = roundtable_visits::table
        .filter(roundtable_visits::user_id.eq(user.to_string()))
        .filter(roundtable_visits::roundtable_id.eq_any(ids))
        .select((
            roundtable_visits::roundtable_id,
            roundtable_visits::last_seen_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, at)| Ok((parse_id(&id)?, utc(at))))
        .collect()
}

/// Records a visit now. Update first: the row exists on every visit but the first.
pub fn record_visit(
    conn: &mut AnyConnection,
    user: UserId,
    roundtable: RoundtableId,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let mine = roundtable_visits::table
        .filter(roundtable_visits::user_id.eq(user.to_string()))
        .filter(roundtable_visits::roundtable_id.eq(roundtable.to_string()));
    let updated = diesel::update(mine)
        .set(roundtable_visits::last_seen_at.eq(naive(now)))
        .execute(conn)?;
    if updated == 0 {
        let insert = diesel::insert_into(roundtable_visits::table).values((
            roundtable_visits::user_id.eq(user.to_string()),
            roundtable_visits::roundtable_id.eq(roundtable.to_string()),
            roundtable_visits::last_seen_at.eq(naive(now)),
        ));
        // Two tabs opened at once: the other one recorded the visit.
        match conn
            .transaction(|conn| insert.execute(conn))
            .map_err(StorageError::from)
        {
            Err(e) if !e.is_unique_violation() => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// Published comments by others since the reader's last visit, per
/// roundtable they visited before: one grouped query.
pub fn new_since_last_visit(
    conn: &mut AnyConnection,
    user: UserId,
    roundtables: &[RoundtableId],
) -> Result<HashMap<RoundtableId, i64>, StorageError> {
    let ids: Vec<String> = roundtables.iter().map(|r| r.to_string()).collect();
    let rows: Vec<(String, i64)> = comments::table
        .inner_join(
            roundtable_visits::table.on(roundtable_visits::roundtable_id
                .eq(comments::roundtable_id)
                .and(roundtable_visits::user_id.eq(user.to_string()))),
        )
        .filter(comments::roundtable_id.eq_any(ids))
        .filter(comments::status.eq(CommentStatus::Approved.code()))
        .filter(comments::hidden_by_reports.eq(false))
        .filter(
            comments::author_id
                .ne(user.to_string())
                .or(comments::author_id.is_null()),
        )
        .filter(comments::decided_at.gt(roundtable_visits::last_seen_at.nullable()))
        .group_by(comments::roundtable_id)
        .select((comments::roundtable_id, diesel::dsl::count_star()))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, count)| Ok((parse_id(&id)?, count)))
        .collect()
}
