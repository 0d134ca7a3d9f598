//! Comments for digests, read in batches in thread order so that an export
//! of any size holds only one batch in memory.

use crate::db::connection::MultiBackend;
use crate::db::rows::*;
use crate::db::schema::{
    comment_guiding_questions, comments, outcome_citations, outcome_points,
    outcome_summary_citations, roundtable_outcomes, users,
};
use crate::db::{AnyConnection, StorageError};
use crate::domain::comment::CommentStatus;
use crate::domain::ids::{GuidingQuestionId, RoundtableId};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use std::collections::{HashMap, HashSet};

/// Which of a roundtable's comments, after `after_path`.
pub struct BatchQuery<'a> {
    pub roundtable: RoundtableId,
    pub after_path: Option<&'a str>,
    pub include_unpublished: bool,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub questions: QuestionChoice,
    pub highlighted_only: bool,
    pub organisation_type: Option<&'a str>,
    pub country: Option<&'a str>,
    /// Only these comments (by id): those a search query found.
    pub only: Option<&'a [String]>,
    pub limit: i64,
}

/// Which comments by their guiding questions.
#[derive(Debug, Clone, Default)]
pub enum QuestionChoice {
    #[default]
    Any,
    /// Tagged with this question (and maybe others).
    TaggedWith(GuidingQuestionId),
    /// Tagged with this question and with none of the earlier ones: each
    /// comment once, under its first question.
    FirstTaggedWith(GuidingQuestionId, Vec<GuidingQuestionId>),
    /// Tagged with none of these (the roundtable's questions).
    NoneOf(Vec<GuidingQuestionId>),
}

/// The ids of comments tagged with any of these questions, as a subquery.
/// (A boxed subquery does not compile for the two-backend connection.)
macro_rules! tagged_with {
    ($ids:expr) => {
        comment_guiding_questions::table
            .filter(comment_guiding_questions::guiding_question_id.eq_any($ids))
            .select(comment_guiding_questions::comment_id)
    };
}

fn filtered<'a>(q: &BatchQuery<'a>) -> comments::BoxedQuery<'a, MultiBackend> {
    let mut query = comments::table
        .filter(comments::roundtable_id.eq(q.roundtable.to_string()))
        .into_boxed();
    if !q.include_unpublished {
        query = query
            .filter(comments::status.eq(CommentStatus::Approved.code()))
            .filter(comments::hidden_by_reports.eq(false));
    }
    if q.highlighted_only {
        query = query.filter(comments::highlighted.eq(true));
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
    let ids = |list: &[GuidingQuestionId]| list.iter().map(|q| q.to_string()).collect::<Vec<_>>();
    match &q.questions {
        QuestionChoice::Any => {}
        QuestionChoice::TaggedWith(question) => {
            query = query.filter(comments::id.eq_any(tagged_with!(vec![question.to_string()])));
        }
        QuestionChoice::FirstTaggedWith(question, earlier) => {
            query = query.filter(comments::id.eq_any(tagged_with!(vec![question.to_string()])));
            if !earlier.is_empty() {
                query = query.filter(diesel::dsl::not(
                    comments::id.eq_any(tagged_with!(ids(earlier))),
                ));
            }
        }
        QuestionChoice::NoneOf(all) => {
            if !all.is_empty() {
                query = query.filter(diesel::dsl::not(
                    comments::id.eq_any(tagged_with!(ids(all))),
                ));
            }
        }
    }
    if let Some(kind) = q.organisation_type {
        query = query.filter(comments::author_organisation_type.eq(kind.to_owned()));
    }
    if let Some(ids) = q.only {
        query = query.filter(comments::id.eq_any(ids.to_vec()));
    }
    if let Some(country) = q.country {
        query = query.filter(comments::author_country_code.eq(country.to_owned()));
    }
    query
}

/// A comment as stored, for digests.
pub type StoredComment = CommentRow;

pub fn batch(conn: &mut AnyConnection, q: &BatchQuery) -> Result<Vec<CommentRow>, StorageError> {
    Ok(filtered(q)
        .order(comments::path.asc())
        .limit(q.limit)
        .select(CommentRow::as_select())
        .load(conn)?)
}

/// How many comments the query takes, all batches together.
pub fn count(conn: &mut AnyConnection, q: &BatchQuery) -> Result<i64, StorageError> {
    Ok(filtered(q).count().get_result(conn)?)
}

/// The Markdown a consultation's pages are rendered from, for Markdown digests.
pub struct MarkdownSources {
    pub description: String,
    /// Background and objectives, by roundtable id.
    pub roundtables: HashMap<String, (String, String)>,
}

pub fn markdown_sources(
    conn: &mut AnyConnection,
    consultation: &str,
) -> Result<MarkdownSources, StorageError> {
    use crate::db::schema::{consultations, roundtables};
    let description = consultations::table
        .find(consultation)
        .select(consultations::description_markdown)
        .first::<String>(conn)?;
    let roundtables = roundtables::table
        .filter(roundtables::consultation_id.eq(consultation))
        .select((
            roundtables::id,
            roundtables::background_markdown,
            roundtables::objectives_markdown,
        ))
        .load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(id, background, objectives)| (id, (background, objectives)))
        .collect();
    Ok(MarkdownSources {
        description,
        roundtables,
    })
}

/// What participation figures count, one comment a row.
pub struct ParticipationRow {
    pub path: String,
    pub author_id: Option<String>,
    pub author_name: String,
    pub organisation: String,
    pub organisation_type: Option<String>,
    pub country: Option<String>,
}

type ParticipationColumns = (
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
);

pub fn participation_batch(
    conn: &mut AnyConnection,
    q: &BatchQuery,
) -> Result<Vec<ParticipationRow>, StorageError> {
    let rows: Vec<ParticipationColumns> = filtered(q)
        .order(comments::path.asc())
        .limit(q.limit)
        .select((
            comments::path,
            comments::author_id,
            comments::author_name,
            comments::author_organisation,
            comments::author_organisation_type,
            comments::author_country_code,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(path, author_id, author_name, organisation, organisation_type, country)| {
                ParticipationRow {
                    path,
                    author_id,
                    author_name,
                    organisation,
                    organisation_type,
                    country,
                }
            },
        )
        .collect())
}

/// The self-declared gender of these accounts, where they gave one.
pub fn genders(
    conn: &mut AnyConnection,
    ids: &[String],
) -> Result<HashMap<String, String>, StorageError> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(String, Option<String>)> = users::table
            .filter(users::id.eq_any(chunk))
            .select((users::id, users::gender))
            .load(conn)?;
        found.extend(rows.into_iter().filter_map(|(id, g)| Some((id, g?))));
    }
    Ok(found)
}

/// Which of these comments a published outcome cites (in a point or in
/// its introduction).
pub fn cited(conn: &mut AnyConnection, ids: &[String]) -> Result<HashSet<String>, StorageError> {
    let mut cited: HashSet<String> = outcome_citations::table
        .inner_join(outcome_points::table.inner_join(roundtable_outcomes::table))
        .filter(roundtable_outcomes::status.eq("published"))
        .filter(outcome_citations::comment_id.eq_any(ids))
        .select(outcome_citations::comment_id)
        .distinct()
        .load::<String>(conn)?
        .into_iter()
        .collect();
    cited.extend(
        outcome_summary_citations::table
            .inner_join(roundtable_outcomes::table)
            .filter(roundtable_outcomes::status.eq("published"))
            .filter(outcome_summary_citations::comment_id.eq_any(ids))
            .select(outcome_summary_citations::comment_id)
            .load::<String>(conn)?,
    );
    Ok(cited)
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
