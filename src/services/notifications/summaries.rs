//! Chairs' hourly and daily summaries of what waits for them.

use super::waiting::{waiting_item, WaitingItem};
use crate::db::queries::notifications::{self, Recipient};
use crate::db::queries::{moderation, queue};
use crate::db::AnyConnection;
use crate::domain::notification::{AlertFrequency, EmailTopic};
use crate::outbox;
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Items listed in one summary email; the rest are counted.
const SUMMARY_ITEMS: usize = 30;

/// Queues the hourly and daily summaries whose period has just ended. Safe
/// to call often and from every instance: each chair's summary for a period
/// has a de-duplication key, so it is stored once. A chair gets one only
/// when something arrived during the period and still waits.
pub fn send_due_summaries(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let mut queued = 0;
    for frequency in [AlertFrequency::Hourly, AlertFrequency::Daily] {
        let Some((from, to, key)) = frequency.finished_period(now) else {
            continue;
        };
        for chair in notifications::chairs_with_alerts(conn, frequency)? {
            if summary_for(conn, ctx, &chair, frequency, (from, to), &key, now)? {
                queued += 1;
            }
        }
    }
    Ok(queued)
}

fn summary_for(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    chair: &Recipient,
    frequency: AlertFrequency,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    key: &str,
    now: DateTime<Utc>,
) -> Result<bool, ServiceError> {
    let chair_id = chair.user_id.parse().map_err(|_| {
        ServiceError::Storage(crate::db::StorageError::corrupt("a chair id is not an id"))
    })?;
    let scope = moderation::chaired_roundtables(conn, chair_id)?;
    if queue::pending_count(conn, Some(&scope), Some(from), to)? == 0 {
        return Ok(false);
    }
    let total = queue::pending_count(conn, Some(&scope), None, to)? as usize;
    let filter = queue::WaitingFilter {
        scope: Some(&scope),
        pending_only: true,
        ..Default::default()
    };
    let pending: Vec<_> = queue::waiting(conn, filter, SUMMARY_ITEMS as i64)?
        .into_iter()
        .filter(|(row, _)| row.created_at < to.naive_utc())
        .collect();
    let references: Vec<String> = pending
        .iter()
        .map(|(row, _)| row.reference.clone())
        .collect();
    let records = crate::db::queries::comments::find_by_references(conn, &references)?;
    let items: Vec<WaitingItem> = pending
        .iter()
        .filter_map(|(row, place)| {
            let record = records
                .iter()
                .find(|r| r.comment.reference == row.reference)?;
            let roundtable = match &place.roundtable_code {
                Some(code) => format!("{code} {}", place.roundtable_title),
                None => place.roundtable_title.clone(),
            };
            Some(WaitingItem {
                roundtable,
                ..waiting_item(ctx, &record.comment, &record.body_markdown, chair, now)
            })
        })
        .collect();
    #[derive(Serialize)]
    struct View {
        items: Vec<WaitingItem>,
        total: usize,
        more: usize,
        period: String,
        queue_link: String,
        expires: String,
    }
    let period = crate::i18n::text(
        chair.language,
        match frequency {
            AlertFrequency::Hourly => "email-period-last-hour",
            _ => "email-period-yesterday",
        },
        &[],
    );
    let email = ctx.compose_unsubscribable(
        "moderation_summary",
        chair,
        EmailTopic::Moderation,
        View {
            more: total.saturating_sub(items.len()),
            items,
            total,
            period,
            queue_link: ctx.link("moderation"),
            expires: crate::i18n::text(
                chair.language,
                "email-expires-days",
                &[("count", 7usize.into())],
            ),
        },
        format!("moderation-summary:{}:{key}", chair.user_id),
        now,
    )?;
    Ok(outbox::enqueue(conn, &email, now)? == outbox::EnqueueOutcome::Stored)
}
