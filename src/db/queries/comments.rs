use crate::db::rows::*;
use crate::db::schema::{comment_guiding_questions, comments, moderation_events};
use crate::db::{AnyConnection, StorageError};
use crate::domain::comment::{new_reference, Comment, CommentStatus, NewComment, ThreadPosition};
use crate::domain::ids::{CommentId, GuidingQuestionId, RoundtableId};
use crate::text::SafeHtml;
use diesel::prelude::*;
use std::collections::HashMap;

fn to_domain(
    row: CommentRow,
    tags: &mut HashMap<String, Vec<GuidingQuestionId>>,
) -> Result<Comment, StorageError> {
    Ok(Comment {
        question_ids: tags.remove(&row.id).unwrap_or_default(),
        id: parse_id(&row.id)?,
        reference: row.reference,
        roundtable_id: parse_id(&row.roundtable_id)?,
        parent_id: row.parent_id.as_deref().map(parse_id).transpose()?,
        author_id: row.author_id.as_deref().map(parse_id).transpose()?,
        author: affiliation(
            row.author_name,
            row.author_organisation,
            row.author_organisation_type.as_deref(),
            row.author_country_code.as_deref(),
        )?,
        body_html: SafeHtml::trust_stored_sanitised_html(row.body_html),
        language: row.language,
        status: parse_code("comment status", &row.status, CommentStatus::from_code)?,
        highlighted: row.highlighted,
        hidden_by_reports: row.hidden_by_reports,
        depth: usize::try_from(row.depth).map_err(|_| StorageError::corrupt("negative depth"))?,
        created_at: utc(row.created_at),
        edited_at: row.edited_at.map(utc),
        decided_at: row.decided_at.map(utc),
        revision: row.revision,
    })
}

/// Question tags of the comments whose path lies in [from, to).
fn tags_in_range(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    path_range: Option<(&str, &str)>,
) -> Result<HashMap<String, Vec<GuidingQuestionId>>, StorageError> {
    let mut query = comment_guiding_questions::table
        .inner_join(comments::table)
        .filter(comments::roundtable_id.eq(roundtable.to_string()))
        .select((
            comment_guiding_questions::comment_id,
            comment_guiding_questions::guiding_question_id,
        ))
        .into_boxed();
    if let Some((from, to)) = path_range {
        query = query
            .filter(comments::path.ge(from.to_owned()))
            .filter(comments::path.lt(to.to_owned()));
    }
    let mut tags: HashMap<String, Vec<GuidingQuestionId>> = HashMap::new();
    for (comment_id, question_id) in query.load::<(String, String)>(conn)? {
        tags.entry(comment_id)
            .or_default()
            .push(parse_id(&question_id)?);
    }
    Ok(tags)
}

/// Every comment of a roundtable, whatever its status, in thread order. Two
/// queries whatever the number of comments.
pub fn for_roundtable(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<Vec<Comment>, StorageError> {
    let rows: Vec<CommentRow> = comments::table
        .filter(comments::roundtable_id.eq(roundtable.to_string()))
        .order(comments::path.asc())
        .select(CommentRow::as_select())
        .load(conn)?;
    let mut tags = tags_in_range(conn, roundtable, None)?;
    rows.into_iter()
        .map(|row| to_domain(row, &mut tags))
        .collect()
}

/// A page of whole threads: up to `limit` top-level comments after `after`,
/// each with all its replies, in thread order; and whether more threads follow.
pub fn threads_page(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    after: Option<CommentId>,
    limit: i64,
) -> Result<(Vec<Comment>, bool), StorageError> {
    let mut roots = comments::table
        .filter(comments::roundtable_id.eq(roundtable.to_string()))
        .filter(comments::parent_id.is_null())
        .order(comments::id.asc())
        .select(comments::id)
        .limit(limit + 1)
        .into_boxed();
    if let Some(after) = after {
        roots = roots.filter(comments::id.gt(after.to_string()));
    }
    let mut root_ids: Vec<String> = roots.load(conn)?;
    let has_more = root_ids.len() as i64 > limit;
    root_ids.truncate(limit.max(0) as usize);
    let (Some(first), Some(last)) = (root_ids.first(), root_ids.last()) else {
        return Ok((Vec::new(), false));
    };
    // Descendants of a root have paths "root/...", which sort below "root0"
    // ('/' < '0'), and every later root sorts above it.
    let (from, to) = (first.clone(), format!("{last}0"));
    let rows: Vec<CommentRow> = comments::table
        .filter(comments::roundtable_id.eq(roundtable.to_string()))
        .filter(comments::path.ge(&from))
        .filter(comments::path.lt(&to))
        .order(comments::path.asc())
        .select(CommentRow::as_select())
        .load(conn)?;
    let mut tags = tags_in_range(conn, roundtable, Some((&from, &to)))?;
    let comments = rows
        .into_iter()
        .map(|row| to_domain(row, &mut tags))
        .collect::<Result<_, _>>()?;
    Ok((comments, has_more))
}

/// Published comment counts per roundtable, for the "N comments" lines.
pub fn public_counts(
    conn: &mut AnyConnection,
    roundtables: &[RoundtableId],
) -> Result<HashMap<RoundtableId, i64>, StorageError> {
    let ids: Vec<String> = roundtables.iter().map(|id| id.to_string()).collect();
    let rows: Vec<(String, i64)> = comments::table
        .filter(comments::roundtable_id.eq_any(ids))
        .filter(comments::status.eq(CommentStatus::Approved.code()))
        .filter(comments::hidden_by_reports.eq(false))
        .group_by(comments::roundtable_id)
        .select((comments::roundtable_id, diesel::dsl::count_star()))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, count)| Ok((parse_id(&id)?, count)))
        .collect()
}

/// Stores a comment with its question tags and the "submitted" audit event.
/// Draws a new short reference on the rare collision.
pub fn insert(conn: &mut AnyConnection, comment: &NewComment) -> Result<String, StorageError> {
    let c = comment;
    let mut row = CommentRow {
        id: c.id.to_string(),
        reference: new_reference(),
        roundtable_id: c.roundtable_id.to_string(),
        parent_id: c.parent_id.map(|id| id.to_string()),
        author_id: c.author_id.map(|id| id.to_string()),
        author_name: c.author.display_name.clone(),
        author_organisation: c.author.organisation.clone(),
        author_organisation_type: c.author.organisation_type.map(|t| t.code().into()),
        author_country_code: c.author.country.map(|country| country.code().into()),
        body_markdown: c.body_markdown.clone(),
        body_html: c.body_html.as_str().to_owned(),
        language: c.language.clone(),
        status: c.status.code().into(),
        highlighted: c.highlighted,
        hidden_by_reports: false,
        path: c.position.path.clone(),
        depth: c.position.depth as i32,
        decision_reason: None,
        decision_note: None,
        decided_by: None,
        decided_at: (c.status != CommentStatus::Pending).then(|| naive(c.created_at)),
        created_at: naive(c.created_at),
        edited_at: None,
        revision: 0,
    };
    const ATTEMPTS: usize = 5;
    for attempt in 1..=ATTEMPTS {
        // A savepoint, so that a collision does not abort the caller's transaction.
        let inserted = conn.transaction(|conn| {
            diesel::insert_into(comments::table)
                .values(&row)
                .execute(conn)
        });
        match inserted.map_err(StorageError::from) {
            Ok(_) => break,
            Err(e) if e.is_unique_violation() && attempt < ATTEMPTS => {
                row.reference = new_reference()
            }
            Err(e) => return Err(e),
        }
    }
    for question in &c.question_ids {
        diesel::insert_into(comment_guiding_questions::table)
            .values(&CommentQuestionRow {
                comment_id: row.id.clone(),
                guiding_question_id: question.to_string(),
            })
            .execute(conn)?;
    }
    let event = ModerationEventRow {
        id: uuid::Uuid::now_v7().to_string(),
        comment_id: row.id.clone(),
        actor_id: row.author_id.clone(),
        action: "submitted".into(),
        from_status: None,
        to_status: Some(row.status.clone()),
        reason_code: None,
        note: None,
        created_at: row.created_at,
    };
    diesel::insert_into(moderation_events::table)
        .values(&event)
        .execute(conn)?;
    super::search::index_new_comment(conn, &row.id, &row.body_markdown, row.language.as_deref())?;
    Ok(row.reference)
}

/// An author's comments, newest first, with their roundtable's slugs, for
/// the author's data download.
pub fn by_author(
    conn: &mut AnyConnection,
    author: &str,
) -> Result<Vec<(CommentRow, String, String)>, StorageError> {
    use crate::db::schema::{consultations, roundtables};
    Ok(comments::table
        .inner_join(roundtables::table.inner_join(consultations::table))
        .filter(comments::author_id.eq(author))
        .order(comments::created_at.desc())
        .select((
            CommentRow::as_select(),
            consultations::slug,
            roundtables::slug,
        ))
        .load(conn)?)
}

/// Replaces the identity on an erased author's comments with "Former
/// participant", and withdraws them when asked. Either way they leave the
/// search index: what stays readable in its thread is no longer found by
/// searching.
pub fn anonymise_author(
    conn: &mut AnyConnection,
    author: &str,
    withdraw: bool,
) -> Result<usize, StorageError> {
    let mine = comments::table.filter(comments::author_id.eq(author));
    let changed = diesel::update(mine)
        .set((
            comments::author_name.eq("Former participant"),
            comments::author_organisation.eq(""),
            comments::author_organisation_type.eq(None::<String>),
            comments::author_country_code.eq(None::<String>),
        ))
        .execute(conn)?;
    if withdraw {
        diesel::update(comments::table.filter(comments::author_id.eq(author)))
            .set(comments::status.eq(CommentStatus::Withdrawn.code()))
            .execute(conn)?;
    }
    super::search::forget_author(conn, author)?;
    Ok(changed)
}

/// A comment with what the use cases around one comment need: its source,
/// its place in the thread, the last decision, and where it lives.
#[derive(Debug, Clone)]
pub struct CommentRecord {
    pub comment: Comment,
    pub body_markdown: String,
    pub position: ThreadPosition,
    pub decision_reason: Option<String>,
    pub decision_note: Option<String>,
    pub consultation_slug: String,
    pub consultation_title: String,
    pub roundtable_slug: String,
    /// With its code: "RT 3.2 Strengthening Cooperation".
    pub roundtable_title: String,
}

/// Comments by their short references, with their tags; unknown references are left out.
pub fn find_by_references(
    conn: &mut AnyConnection,
    references: &[String],
) -> Result<Vec<CommentRecord>, StorageError> {
    use crate::db::schema::{consultations, roundtables};
    type Columns = (CommentRow, String, String, String, Option<String>, String);
    let rows: Vec<Columns> = comments::table
        .inner_join(roundtables::table.inner_join(consultations::table))
        .filter(comments::reference.eq_any(references))
        .order(comments::path.asc())
        .select((
            CommentRow::as_select(),
            consultations::slug,
            consultations::title,
            roundtables::slug,
            roundtables::code,
            roundtables::title,
        ))
        .load(conn)?;
    let ids: Vec<String> = rows.iter().map(|row| row.0.id.clone()).collect();
    let mut tags = tags_of(conn, &ids)?;
    rows.into_iter()
        .map(
            |(row, consultation_slug, consultation_title, roundtable_slug, code, title)| {
                let body_markdown = row.body_markdown.clone();
                let position = ThreadPosition {
                    path: row.path.clone(),
                    depth: usize::try_from(row.depth).unwrap_or(0),
                };
                let (decision_reason, decision_note) =
                    (row.decision_reason.clone(), row.decision_note.clone());
                Ok(CommentRecord {
                    comment: to_domain(row, &mut tags)?,
                    body_markdown,
                    position,
                    decision_reason,
                    decision_note,
                    consultation_slug,
                    consultation_title,
                    roundtable_slug,
                    roundtable_title: match code {
                        Some(code) => format!("{code} {title}"),
                        None => title,
                    },
                })
            },
        )
        .collect()
}

pub fn find_by_reference(
    conn: &mut AnyConnection,
    reference: &str,
) -> Result<Option<CommentRecord>, StorageError> {
    Ok(find_by_references(conn, &[reference.to_owned()])?
        .into_iter()
        .next())
}

/// Question tags of the given comments.
pub fn tags_of(
    conn: &mut AnyConnection,
    comment_ids: &[String],
) -> Result<HashMap<String, Vec<GuidingQuestionId>>, StorageError> {
    let pairs: Vec<(String, String)> = comment_guiding_questions::table
        .filter(comment_guiding_questions::comment_id.eq_any(comment_ids))
        .select((
            comment_guiding_questions::comment_id,
            comment_guiding_questions::guiding_question_id,
        ))
        .load(conn)?;
    let mut tags: HashMap<String, Vec<GuidingQuestionId>> = HashMap::new();
    for (comment_id, question_id) in pairs {
        tags.entry(comment_id)
            .or_default()
            .push(parse_id(&question_id)?);
    }
    Ok(tags)
}

pub fn replace_tags(
    conn: &mut AnyConnection,
    comment: CommentId,
    questions: &[GuidingQuestionId],
) -> Result<(), StorageError> {
    let id = comment.to_string();
    diesel::delete(
        comment_guiding_questions::table.filter(comment_guiding_questions::comment_id.eq(&id)),
    )
    .execute(conn)?;
    for question in questions {
        diesel::insert_into(comment_guiding_questions::table)
            .values(&CommentQuestionRow {
                comment_id: id.clone(),
                guiding_question_id: question.to_string(),
            })
            .execute(conn)?;
    }
    Ok(())
}

/// Which of the given comments are published (and so may be replied to or reported).
pub fn parents(
    conn: &mut AnyConnection,
    ids: &[String],
) -> Result<HashMap<String, (String, String, String)>, StorageError> {
    let rows: Vec<(String, String, String, String)> = comments::table
        .filter(comments::id.eq_any(ids))
        .select((
            comments::id,
            comments::reference,
            comments::author_name,
            comments::body_markdown,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, reference, name, body)| (id, (reference, name, body)))
        .collect())
}

/// The author of a comment, if it still has one.
pub fn author_of(conn: &mut AnyConnection, id: CommentId) -> Result<Option<String>, StorageError> {
    Ok(comments::table
        .filter(comments::id.eq(id.to_string()))
        .select(comments::author_id)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

pub fn reference_of(conn: &mut AnyConnection, id: &str) -> Result<Option<String>, StorageError> {
    Ok(comments::table
        .filter(comments::id.eq(id))
        .select(comments::reference)
        .first(conn)
        .optional()?)
}

/// The latest published comments of these roundtables, newest first, for feeds.
pub fn recent_public(
    conn: &mut AnyConnection,
    roundtables: &[RoundtableId],
    limit: i64,
) -> Result<Vec<Comment>, StorageError> {
    let ids: Vec<String> = roundtables.iter().map(|r| r.to_string()).collect();
    let rows: Vec<CommentRow> = comments::table
        .filter(comments::roundtable_id.eq_any(ids))
        .filter(comments::status.eq(CommentStatus::Approved.code()))
        .filter(comments::hidden_by_reports.eq(false))
        .order((comments::decided_at.desc(), comments::id.desc()))
        .limit(limit)
        .select(CommentRow::as_select())
        .load(conn)?;
    let comment_ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let mut tags = tags_of(conn, &comment_ids)?;
    rows.into_iter()
        .map(|row| to_domain(row, &mut tags))
        .collect()
}
