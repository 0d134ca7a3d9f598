//! What the coverage page counts: a roundtable's published comments with
//! their questions, relevance and late-comment decision, which of them the
//! outcome cites (as last saved, draft or published), and their authors'
//! declared genders. Four queries whatever the number of comments.

use crate::db::rows::parse_code;
use crate::db::schema::{
    comment_guiding_questions, comment_relevance, comments, late_comments, outcome_citations,
    outcome_points, outcome_summary_citations, roundtable_outcomes, users,
};
use crate::db::{AnyConnection, StorageError};
use crate::domain::affiliation::{Gender, OrganisationType};
use crate::domain::comment::CommentStatus;
use crate::domain::ids::RoundtableId;
use crate::domain::late::{in_report, LateMark};
use diesel::prelude::*;
use std::collections::{HashMap, HashSet};

/// A published comment's stored facts, before coverage numbers its questions.
pub struct CoverageRow {
    pub id: String,
    pub reference: String,
    pub author_id: Option<String>,
    pub author_name: String,
    pub organisation_type: Option<OrganisationType>,
    pub country_code: Option<String>,
    pub body_markdown: String,
    pub question_ids: Vec<String>,
    pub retained: bool,
    /// False for a late comment not (yet) included by the chairs.
    pub in_report: bool,
    pub cited: bool,
}

type Stored = (
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<bool>,
    Option<String>,
    Option<bool>,
);

/// Published comments shown to readers (not hidden by reports), oldest first.
pub fn published_comments(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<Vec<CoverageRow>, StorageError> {
    let stored: Vec<Stored> = comments::table
        .left_join(comment_relevance::table)
        .left_join(late_comments::table)
        .filter(comments::roundtable_id.eq(roundtable.to_string()))
        .filter(comments::status.eq(CommentStatus::Approved.code()))
        .filter(comments::hidden_by_reports.eq(false))
        .order((comments::created_at, comments::id))
        .select((
            comments::id,
            comments::reference,
            comments::author_id,
            comments::author_name,
            comments::author_organisation_type,
            comments::author_country_code,
            comments::body_markdown,
            comment_relevance::retained.nullable(),
            late_comments::comment_id.nullable(),
            late_comments::included.nullable(),
        ))
        .load(conn)?;
    let ids: Vec<&String> = stored.iter().map(|s| &s.0).collect();
    let mut questions: HashMap<String, Vec<String>> = HashMap::new();
    for (comment, question) in comment_guiding_questions::table
        .inner_join(comments::table)
        .filter(comments::roundtable_id.eq(roundtable.to_string()))
        .select((
            comment_guiding_questions::comment_id,
            comment_guiding_questions::guiding_question_id,
        ))
        .load::<(String, String)>(conn)?
    {
        questions.entry(comment).or_default().push(question);
    }
    let cited = cited_by_outcome(conn, roundtable)?;
    let mut rows = Vec::with_capacity(ids.len());
    for (id, reference, author_id, name, kind, country, body, retained, late, included) in stored {
        rows.push(CoverageRow {
            question_ids: questions.remove(&id).unwrap_or_default(),
            cited: cited.contains(&id),
            id,
            reference,
            author_id,
            author_name: name,
            organisation_type: kind
                .as_deref()
                .map(|k| parse_code("organisation type", k, OrganisationType::from_code))
                .transpose()?,
            country_code: country,
            body_markdown: body,
            retained: retained.unwrap_or(false),
            in_report: in_report(late.map(|_| LateMark::from_decision(included))),
        });
    }
    Ok(rows)
}

/// The comments the roundtable's outcome cites as last saved, in a point
/// or in its introduction.
fn cited_by_outcome(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<HashSet<String>, StorageError> {
    let mut cited: HashSet<String> = outcome_citations::table
        .inner_join(outcome_points::table.inner_join(roundtable_outcomes::table))
        .filter(roundtable_outcomes::roundtable_id.eq(roundtable.to_string()))
        .select(outcome_citations::comment_id)
        .load::<String>(conn)?
        .into_iter()
        .collect();
    cited.extend(
        outcome_summary_citations::table
            .inner_join(roundtable_outcomes::table)
            .filter(roundtable_outcomes::roundtable_id.eq(roundtable.to_string()))
            .select(outcome_summary_citations::comment_id)
            .load::<String>(conn)?,
    );
    Ok(cited)
}

/// The declared gender of each of these accounts that gave one.
pub fn genders(
    conn: &mut AnyConnection,
    account_ids: &[String],
) -> Result<HashMap<String, Gender>, StorageError> {
    let mut found = HashMap::new();
    for chunk in account_ids.chunks(500) {
        let rows: Vec<(String, Option<String>)> = users::table
            .filter(users::id.eq_any(chunk))
            .select((users::id, users::gender))
            .load(conn)?;
        for (id, gender) in rows {
            if let Some(gender) = gender.as_deref().and_then(Gender::from_code) {
                found.insert(id, gender);
            }
        }
    }
    Ok(found)
}
