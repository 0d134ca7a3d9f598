//! Roundtable outcomes: one per roundtable, its numbered points (in one
//! order across the whole outcome) and the comments each point cites.

use crate::db::rows::*;
use crate::db::schema::{
    comment_guiding_questions, comments, outcome_citations, outcome_points,
    outcome_summary_citations, roundtable_outcomes, users,
};
use crate::db::{AnyConnection, StorageError};
use crate::domain::affiliation::Affiliation;
use crate::domain::comment::CommentStatus;
use crate::domain::ids::RoundtableId;
use crate::domain::outcome::{OutcomeKind, OutcomeStatus};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct OutcomeRecord {
    pub id: String,
    pub summary_markdown: String,
    pub summary_html: String,
    pub status: OutcomeStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_by: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub revision: i32,
}

#[derive(Debug, Clone)]
pub struct PointRecord {
    pub question_id: Option<String>,
    pub kind: OutcomeKind,
    pub body_markdown: String,
    pub body_html: String,
}

type OutcomeColumns = (
    String,
    String,
    String,
    String,
    Option<chrono::NaiveDateTime>,
    Option<String>,
    chrono::NaiveDateTime,
    i32,
);
type PointColumns = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The roundtable's outcome in whatever state it is, with the name of who
/// saved it last and its points in order: one query, as pages need it.
pub fn find(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<Option<(OutcomeRecord, Vec<PointRecord>)>, StorageError> {
    let rows: Vec<(OutcomeColumns, PointColumns)> = roundtable_outcomes::table
        .left_join(users::table.on(users::id.nullable().eq(roundtable_outcomes::updated_by)))
        .left_join(outcome_points::table.on(outcome_points::outcome_id.eq(roundtable_outcomes::id)))
        .filter(roundtable_outcomes::roundtable_id.eq(roundtable.to_string()))
        .order(outcome_points::position.asc())
        .select((
            (
                roundtable_outcomes::id,
                roundtable_outcomes::summary_markdown,
                roundtable_outcomes::summary_html,
                roundtable_outcomes::status,
                roundtable_outcomes::published_at,
                users::display_name.nullable(),
                roundtable_outcomes::updated_at,
                roundtable_outcomes::revision,
            ),
            (
                outcome_points::guiding_question_id.nullable(),
                outcome_points::kind.nullable(),
                outcome_points::body_markdown.nullable(),
                outcome_points::body_html.nullable(),
            ),
        ))
        .load(conn)?;
    let Some(((id, summary_markdown, summary_html, status, published, by, updated, revision), _)) =
        rows.first().cloned()
    else {
        return Ok(None);
    };
    let record = OutcomeRecord {
        id,
        summary_markdown,
        summary_html,
        status: parse_code("outcome status", &status, OutcomeStatus::from_code)?,
        published_at: published.map(utc),
        updated_by: by,
        updated_at: utc(updated),
        revision,
    };
    let points = rows
        .into_iter()
        .filter_map(|(_, (question_id, kind, markdown, html))| {
            Some((question_id, kind?, markdown?, html?))
        })
        .map(|(question_id, kind, body_markdown, body_html)| {
            Ok(PointRecord {
                question_id,
                kind: parse_code("outcome point kind", &kind, OutcomeKind::from_code)?,
                body_markdown,
                body_html,
            })
        })
        .collect::<Result<_, StorageError>>()?;
    Ok(Some((record, points)))
}

/// A published comment of the roundtable: what the outcome may cite.
#[derive(Debug, Clone)]
pub struct CitableComment {
    pub id: String,
    pub reference: String,
    /// The identity it was posted under.
    pub author: Affiliation,
    pub highlighted: bool,
    pub body_markdown: String,
    /// The guiding questions it answers (a reply, those of its thread).
    pub question_ids: Vec<String>,
}

type CitableColumns = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    bool,
    String,
);

/// The published comments of a roundtable, highlighted ones first, then
/// the oldest first: two queries, however many there are.
pub fn citable(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<Vec<CitableComment>, StorageError> {
    let published = comments::roundtable_id
        .eq(roundtable.to_string())
        .and(comments::status.eq(CommentStatus::Approved.code()))
        .and(comments::hidden_by_reports.eq(false));
    let rows: Vec<CitableColumns> = comments::table
        .filter(published.clone())
        // A late comment the chairs have not included is not cited.
        .filter(super::late::in_report())
        .order((
            comments::highlighted.desc(),
            comments::created_at.asc(),
            comments::id.asc(),
        ))
        .select((
            comments::id,
            comments::reference,
            comments::author_name,
            comments::author_organisation,
            comments::author_organisation_type,
            comments::author_country_code,
            comments::highlighted,
            comments::body_markdown,
        ))
        .load(conn)?;
    let mut tags: HashMap<String, Vec<String>> = HashMap::new();
    for (comment, question) in comment_guiding_questions::table
        .inner_join(comments::table)
        .filter(published)
        .select((
            comment_guiding_questions::comment_id,
            comment_guiding_questions::guiding_question_id,
        ))
        .load::<(String, String)>(conn)?
    {
        tags.entry(comment).or_default().push(question);
    }
    rows.into_iter()
        .map(
            |(id, reference, name, organisation, kind, country, highlighted, body_markdown)| {
                Ok(CitableComment {
                    question_ids: tags.remove(&id).unwrap_or_default(),
                    author: affiliation(name, organisation, kind.as_deref(), country.as_deref())?,
                    id,
                    reference,
                    highlighted,
                    body_markdown,
                })
            },
        )
        .collect()
}

/// A comment an outcome cites, with what its author's email needs.
#[derive(Debug, Clone)]
pub struct CitedComment {
    pub reference: String,
    pub author_id: Option<String>,
    pub body_markdown: String,
}

pub fn cited_comments(
    conn: &mut AnyConnection,
    outcome: &str,
) -> Result<Vec<CitedComment>, StorageError> {
    let columns = (
        comments::reference,
        comments::author_id,
        comments::body_markdown,
    );
    let mut rows: Vec<(String, Option<String>, String)> = outcome_citations::table
        .inner_join(outcome_points::table)
        .inner_join(comments::table)
        .filter(outcome_points::outcome_id.eq(outcome))
        .select(columns)
        .distinct()
        .load(conn)?;
    rows.extend(
        outcome_summary_citations::table
            .inner_join(comments::table)
            .filter(outcome_summary_citations::outcome_id.eq(outcome))
            .select(columns)
            .load::<(String, Option<String>, String)>(conn)?,
    );
    rows.sort();
    rows.dedup();
    Ok(rows
        .into_iter()
        .map(|(reference, author_id, body_markdown)| CitedComment {
            reference,
            author_id,
            body_markdown,
        })
        .collect())
}

/// A point ready to store: its question's id, its Markdown and sanitised
/// HTML, and the ids of the comments it cites.
pub struct NewPoint {
    pub question_id: Option<String>,
    pub kind: OutcomeKind,
    pub body_markdown: String,
    pub body_html: String,
    pub cited: Vec<String>,
}

pub struct OutcomeWrite<'a> {
    pub roundtable: RoundtableId,
    /// The revision the chair started from; 0 for an outcome not yet saved.
    pub read_revision: i32,
    pub summary_markdown: &'a str,
    pub summary_html: &'a str,
    /// The ids of the comments the introduction cites.
    pub summary_cited: &'a [String],
    pub status: OutcomeStatus,
    pub points: &'a [NewPoint],
    pub by: &'a str,
    pub now: DateTime<Utc>,
}

/// Replaces the outcome, if it is still at the revision the chair read.
/// Returns the outcome's id and new revision, or None when someone saved
/// in between (nothing is then written). Writes first, so that SQLite
/// takes its write lock at the start of the caller's transaction.
pub fn save(
    conn: &mut AnyConnection,
    write: &OutcomeWrite,
) -> Result<Option<(String, i32)>, StorageError> {
    let now = naive(write.now);
    let published_at = match write.status {
        OutcomeStatus::Published => Some(now),
        OutcomeStatus::Draft => None,
    };
    let revision = write.read_revision + 1;
    let updated = diesel::update(
        roundtable_outcomes::table
            .filter(roundtable_outcomes::roundtable_id.eq(write.roundtable.to_string()))
            .filter(roundtable_outcomes::revision.eq(write.read_revision)),
    )
    .set((
        roundtable_outcomes::summary_markdown.eq(write.summary_markdown),
        roundtable_outcomes::summary_html.eq(write.summary_html),
        roundtable_outcomes::updated_by.eq(write.by),
        roundtable_outcomes::updated_at.eq(now),
        roundtable_outcomes::revision.eq(revision),
    ))
    .execute(conn)?;
    let id = if updated == 1 {
        roundtable_outcomes::table
            .filter(roundtable_outcomes::roundtable_id.eq(write.roundtable.to_string()))
            .select(roundtable_outcomes::id)
            .first::<String>(conn)?
    } else if write.read_revision == 0 {
        let id = uuid::Uuid::now_v7().to_string();
        let insert = diesel::insert_into(roundtable_outcomes::table).values((
            roundtable_outcomes::id.eq(&id),
            roundtable_outcomes::roundtable_id.eq(write.roundtable.to_string()),
            roundtable_outcomes::summary_markdown.eq(write.summary_markdown),
            roundtable_outcomes::summary_html.eq(write.summary_html),
            roundtable_outcomes::status.eq(OutcomeStatus::Draft.code()),
            roundtable_outcomes::updated_by.eq(write.by),
            roundtable_outcomes::created_at.eq(now),
            roundtable_outcomes::updated_at.eq(now),
            roundtable_outcomes::revision.eq(revision),
        ));
        // In a savepoint: another chair's first save wins, and the caller's
        // transaction stays usable to report it.
        match conn
            .transaction(|conn| insert.execute(conn))
            .map_err(StorageError::from)
        {
            Ok(_) => id,
            Err(e) if e.is_unique_violation() => return Ok(None),
            Err(e) => return Err(e),
        }
    } else {
        return Ok(None);
    };
    // The first publication sets the date; later saves, a withdrawal and a
    // new publication keep it.
    diesel::update(roundtable_outcomes::table.find(&id))
        .set(roundtable_outcomes::status.eq(write.status.code()))
        .execute(conn)?;
    if let Some(at) = published_at {
        diesel::update(
            roundtable_outcomes::table
                .find(&id)
                .filter(roundtable_outcomes::published_at.is_null()),
        )
        .set(roundtable_outcomes::published_at.eq(at))
        .execute(conn)?;
    }
    let old_points = outcome_points::table
        .filter(outcome_points::outcome_id.eq(&id))
        .select(outcome_points::id);
    diesel::delete(
        outcome_citations::table.filter(outcome_citations::outcome_point_id.eq_any(old_points)),
    )
    .execute(conn)?;
    diesel::delete(outcome_points::table.filter(outcome_points::outcome_id.eq(&id)))
        .execute(conn)?;
    diesel::delete(
        outcome_summary_citations::table.filter(outcome_summary_citations::outcome_id.eq(&id)),
    )
    .execute(conn)?;
    for comment in write.summary_cited {
        diesel::insert_into(outcome_summary_citations::table)
            .values((
                outcome_summary_citations::outcome_id.eq(&id),
                outcome_summary_citations::comment_id.eq(comment),
            ))
            .execute(conn)?;
    }
    for (position, point) in write.points.iter().enumerate() {
        let point_id = uuid::Uuid::now_v7().to_string();
        diesel::insert_into(outcome_points::table)
            .values((
                outcome_points::id.eq(&point_id),
                outcome_points::outcome_id.eq(&id),
                outcome_points::guiding_question_id.eq(&point.question_id),
                outcome_points::kind.eq(point.kind.code()),
                outcome_points::position.eq(i32::try_from(position).unwrap_or(i32::MAX)),
                outcome_points::body_markdown.eq(&point.body_markdown),
                outcome_points::body_html.eq(&point.body_html),
            ))
            .execute(conn)?;
        for comment in &point.cited {
            diesel::insert_into(outcome_citations::table)
                .values((
                    outcome_citations::outcome_point_id.eq(&point_id),
                    outcome_citations::comment_id.eq(comment),
                ))
                .execute(conn)?;
        }
    }
    Ok(Some((id, revision)))
}

/// Makes a published outcome a draft again, at a new revision, so that a
/// form opened before cannot save over it unknowingly. Returns the new
/// revision, or None when the outcome is not published (nothing is then
/// written).
pub fn withdraw(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Option<i32>, StorageError> {
    let published = roundtable_outcomes::table
        .filter(roundtable_outcomes::roundtable_id.eq(roundtable.to_string()))
        .filter(roundtable_outcomes::status.eq(OutcomeStatus::Published.code()));
    let updated = diesel::update(published)
        .set((
            roundtable_outcomes::status.eq(OutcomeStatus::Draft.code()),
            roundtable_outcomes::updated_by.eq(by),
            roundtable_outcomes::updated_at.eq(naive(now)),
            roundtable_outcomes::revision.eq(roundtable_outcomes::revision + 1),
        ))
        .execute(conn)?;
    if updated == 0 {
        return Ok(None);
    }
    Ok(Some(
        roundtable_outcomes::table
            .filter(roundtable_outcomes::roundtable_id.eq(roundtable.to_string()))
            .select(roundtable_outcomes::revision)
            .first(conn)?,
    ))
}
