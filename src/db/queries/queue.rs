//! What waits for a decision: pending comments and reported ones, by the
//! moderator's roundtables, for the queue, the summaries and the metrics.

use crate::db::connection::MultiBackend;
use crate::db::queries::report_marks::MarkFilter;
use crate::db::rows::*;
use crate::db::schema::{comment_reports, comments, consultations, roundtables};
use crate::db::{AnyConnection, StorageError};
use crate::domain::comment::CommentStatus;
use crate::domain::queue_pages::QueueOrder;
use chrono::{DateTime, Utc};
use diesel::prelude::*;

/// Where a comment in the queue lives.
#[derive(Debug, Clone)]
pub struct QueueRoundtable {
    pub consultation_slug: String,
    pub consultation_title: String,
    pub roundtable_id: String,
    pub roundtable_slug: String,
    pub roundtable_code: Option<String>,
    pub roundtable_title: String,
}

/// consultation slug and title, roundtable id, slug, code, title.
type PlaceColumns = (String, String, String, String, Option<String>, String);

fn queue_roundtable(
    (
        consultation_slug,
        consultation_title,
        roundtable_id,
        roundtable_slug,
        roundtable_code,
        roundtable_title,
    ): PlaceColumns,
) -> QueueRoundtable {
    QueueRoundtable {
        consultation_slug,
        consultation_title,
        roundtable_id,
        roundtable_slug,
        roundtable_code,
        roundtable_title,
    }
}

/// Which waiting comments to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct WaitingFilter<'a> {
    /// The moderator's roundtables; None for staff, who see all.
    pub scope: Option<&'a [String]>,
    pub consultation: Option<&'a str>,
    pub roundtable: Option<&'a str>,
    /// Leave out published comments with open reports.
    pub pending_only: bool,
    /// Only comments posted late (in a grace period).
    pub late_only: bool,
    /// Only those with a theme or (published ones) a relevance.
    pub marks: Option<&'a MarkFilter>,
}

type Joined = diesel::dsl::InnerJoin<
    comments::table,
    diesel::dsl::InnerJoin<roundtables::table, consultations::table>,
>;

/// The waiting comments a filter chooses, with their roundtables and
/// consultations joined: pending comments, and (unless `pending_only`)
/// published ones with open reports.
fn waiting_query<'a>(
    filter: WaitingFilter<'a>,
) -> diesel::dsl::IntoBoxed<'a, Joined, MultiBackend> {
    let reported = comment_reports::table
        .filter(comment_reports::resolved_at.is_null())
        .select(comment_reports::comment_id);
    let mut query = comments::table
        .inner_join(roundtables::table.inner_join(consultations::table))
        .into_boxed();
    query = if filter.pending_only {
        query.filter(comments::status.eq(CommentStatus::Pending.code()))
    } else {
        query.filter(
            comments::status
                .eq(CommentStatus::Pending.code())
                .or(comments::status
                    .eq(CommentStatus::Approved.code())
                    .and(comments::id.eq_any(reported))),
        )
    };
    if let Some(scope) = filter.scope {
        query = query.filter(comments::roundtable_id.eq_any(scope.to_vec()));
    }
    if let Some(slug) = filter.consultation {
        query = query.filter(consultations::slug.eq(slug.to_owned()));
    }
    if let Some(id) = filter.roundtable {
        query = query.filter(comments::roundtable_id.eq(id.to_owned()));
    }
    if filter.late_only {
        let late = crate::db::schema::late_comments::table
            .select(crate::db::schema::late_comments::comment_id);
        query = query.filter(comments::id.eq_any(late));
    }
    match filter.marks {
        Some(marks) => with_marks(query, marks),
        None => query,
    }
}

/// Narrows the queue to a theme and a relevance (see `report_marks::matching`).
fn with_marks<'a>(
    mut query: diesel::dsl::IntoBoxed<'a, Joined, MultiBackend>,
    marks: &MarkFilter,
) -> diesel::dsl::IntoBoxed<'a, Joined, MultiBackend> {
    use crate::db::schema::{comment_relevance, comment_themes, themes};
    use crate::domain::report_marks::Relevance;
    if let Some(key) = &marks.theme_key {
        let tagged = comment_themes::table
            .inner_join(themes::table)
            .filter(themes::label_key.eq(key.clone()))
            .select(comment_themes::comment_id);
        query = query.filter(comments::id.eq_any(tagged));
    }
    let decided = |retained: bool| {
        comment_relevance::table
            .filter(comment_relevance::retained.eq(retained))
            .select(comment_relevance::comment_id)
    };
    let published = comments::status.eq(CommentStatus::Approved.code());
    match marks.relevance {
        None => query,
        Some(Relevance::Retained) => {
            query.filter(published.and(comments::id.eq_any(decided(true))))
        }
        Some(Relevance::NotRetained) => {
            query.filter(published.and(comments::id.eq_any(decided(false))))
        }
        Some(Relevance::Undecided) => query.filter(published.and(
            comments::id.ne_all(comment_relevance::table.select(comment_relevance::comment_id)),
        )),
    }
}

/// What waits for a decision, oldest first: pending comments, and (unless
/// `pending_only`) published ones with open reports.
pub fn waiting(
    conn: &mut AnyConnection,
    filter: WaitingFilter,
    limit: i64,
) -> Result<Vec<(CommentRow, QueueRoundtable)>, StorageError> {
    waiting_page(conn, filter, QueueOrder::OldestFirst, 0, limit)
}

/// One page of what waits, in the order asked for (by when each comment
/// was posted, then by id, so that pages never overlap).
pub fn waiting_page(
    conn: &mut AnyConnection,
    filter: WaitingFilter,
    order: QueueOrder,
    offset: i64,
    limit: i64,
) -> Result<Vec<(CommentRow, QueueRoundtable)>, StorageError> {
    let query = waiting_query(filter);
    let query = match order {
        QueueOrder::OldestFirst => query.order((comments::created_at.asc(), comments::id.asc())),
        QueueOrder::NewestFirst => query.order((comments::created_at.desc(), comments::id.desc())),
    };
    let rows: Vec<(CommentRow, PlaceColumns)> = query
        .offset(offset)
        .limit(limit)
        .select((
            CommentRow::as_select(),
            (
                consultations::slug,
                consultations::title,
                roundtables::id,
                roundtables::slug,
                roundtables::code,
                roundtables::title,
            ),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(row, place)| (row, queue_roundtable(place)))
        .collect())
}

/// How many comments the filter's queue holds.
pub fn waiting_count(conn: &mut AnyConnection, filter: WaitingFilter) -> Result<i64, StorageError> {
    Ok(waiting_query(filter).count().get_result(conn)?)
}

/// The roundtables in scope where something waits, with how many comments
/// wait in each, for the queue's navigation.
pub fn waiting_places(
    conn: &mut AnyConnection,
    scope: Option<&[String]>,
) -> Result<Vec<(QueueRoundtable, i64)>, StorageError> {
    let filter = WaitingFilter {
        scope,
        ..WaitingFilter::default()
    };
    // Counted here: a boxed query cannot be grouped on the two-backend
    // connection, and one short column per waiting comment is little.
    let waiting: Vec<String> = waiting_query(filter)
        .select(comments::roundtable_id)
        .load(conn)?;
    let mut ids: Vec<(String, i64)> = Vec::new();
    for id in waiting {
        match ids.iter_mut().find(|(known, _)| *known == id) {
            Some((_, count)) => *count += 1,
            None => ids.push((id, 1)),
        }
    }
    let places: Vec<PlaceColumns> = roundtables::table
        .inner_join(consultations::table)
        .filter(roundtables::id.eq_any(ids.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>()))
        .select((
            consultations::slug,
            consultations::title,
            roundtables::id,
            roundtables::slug,
            roundtables::code,
            roundtables::title,
        ))
        .load(conn)?;
    let mut places: Vec<(QueueRoundtable, i64)> = places
        .into_iter()
        .map(queue_roundtable)
        .map(|place| {
            let count = ids
                .iter()
                .find(|(id, _)| *id == place.roundtable_id)
                .map_or(0, |(_, n)| *n);
            (place, count)
        })
        .collect();
    places.sort_by(|(a, _), (b, _)| {
        (
            &a.consultation_title,
            &a.roundtable_code,
            &a.roundtable_title,
        )
            .cmp(&(
                &b.consultation_title,
                &b.roundtable_code,
                &b.roundtable_title,
            ))
    });
    Ok(places)
}

/// How many comments pending in the given roundtables (None: all) were
/// posted in [from, to).
pub fn pending_count(
    conn: &mut AnyConnection,
    scope: Option<&[String]>,
    from: Option<DateTime<Utc>>,
    to: DateTime<Utc>,
) -> Result<i64, StorageError> {
    let mut query = comments::table
        .filter(comments::status.eq(CommentStatus::Pending.code()))
        .filter(comments::created_at.lt(naive(to)))
        .count()
        .into_boxed();
    if let Some(from) = from {
        query = query.filter(comments::created_at.ge(naive(from)));
    }
    if let Some(scope) = scope {
        query = query.filter(comments::roundtable_id.eq_any(scope.to_vec()));
    }
    Ok(query.get_result(conn)?)
}
