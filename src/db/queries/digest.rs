//! Comments for digests, read in batches in thread order so that an export
//! of any size holds only one batch in memory.

use crate::db::rows::*;
use crate::db::schema::{
    comment_guiding_questions, comments, outcome_citations, outcome_points, roundtable_outcomes,
};
use crate::db::{AnyConnection, StorageError};
use crate::domain::comment::CommentStatus;
use crate::domain::ids::{GuidingQuestionId, RoundtableId};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use std::collections::HashSet;

/// One batch of one roundtable's comments, after `after_path`.
pub struct BatchQuery<'a> {
    pub roundtable: RoundtableId,
    pub after_path: Option<&'a str>,
    pub include_unpublished: bool,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub question: Option<GuidingQuestionId>,
    pub organisation_type: Option<&'a str>,
    pub country: Option<&'a str>,
    pub limit: i64,
}

pub fn batch(conn: &mut AnyConnection, q: &BatchQuery) -> Result<Vec<CommentRow>, StorageError> {
    let mut query = comments::table
        .filter(comments::roundtable_id.eq(q.roundtable.to_string()))
        .order(comments::path.asc())
        .limit(q.limit)
        .select(CommentRow::as_select())
        .into_boxed();
    if !q.include_unpublished {
        query = query
            .filter(comments::status.eq(CommentStatus::Approved.code()))
            .filter(comments::hidden_by_reports.eq(false));
    }
    if let Some(after) = q.after_path {
        query = query.filter(comments::path.gt(after.to_owned()));
    }
    if let Some(from) = q.from {
        query = query.filter(comments::created_at.ge(naive(from)));
    }
    if let Some(until) = q.until {
        query = query.filter(comments::created_at.lt(naive(until)));
    }
    if let Some(question) = q.question {
        query = query.filter(
            comments::id.eq_any(
                comment_guiding_questions::table
                    .filter(comment_guiding_questions::guiding_question_id.eq(question.to_string()))
                    .select(comment_guiding_questions::comment_id),
            ),
        );
    }
    if let Some(kind) = q.organisation_type {
        query = query.filter(comments::author_organisation_type.eq(kind.to_owned()));
    }
    if let Some(country) = q.country {
        query = query.filter(comments::author_country_code.eq(country.to_owned()));
    }
    Ok(query.load(conn)?)
}

/// Which of these comments a published outcome cites.
pub fn cited(conn: &mut AnyConnection, ids: &[String]) -> Result<HashSet<String>, StorageError> {
    Ok(outcome_citations::table
        .inner_join(outcome_points::table.inner_join(roundtable_outcomes::table))
        .filter(roundtable_outcomes::status.eq("published"))
        .filter(outcome_citations::comment_id.eq_any(ids))
        .select(outcome_citations::comment_id)
        .distinct()
        .load::<String>(conn)?
        .into_iter()
        .collect())
}

/// The identity a comment was posted under, from its stored row.
pub fn author(row: &CommentRow) -> Result<crate::domain::affiliation::Affiliation, StorageError> {
    affiliation(
        row.author_name.clone(),
        row.author_organisation.clone(),
        row.author_organisation_type.as_deref(),
        row.author_country_code.as_deref(),
    )
}
