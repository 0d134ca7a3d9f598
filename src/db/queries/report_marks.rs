//! Relevance marks and themes on comments (issue 19): plain reads and
//! writes; the service decides who may and records the audit rows.

use crate::db::rows::naive;
use crate::db::schema::{comment_relevance, comment_themes, comments, themes};
use crate::db::{insert_unless_taken, AnyConnection, StorageError};
use crate::domain::comment::CommentStatus;
use crate::domain::report_marks::Relevance;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use std::collections::HashMap;

/// A theme of a roundtable.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Theme {
    pub id: String,
    pub roundtable_id: String,
    pub label: String,
    pub label_key: String,
}

/// A theme with how many comments carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeCount {
    pub theme: Theme,
    pub comments: i64,
}

type ThemeColumns = (
    themes::id,
    themes::roundtable_id,
    themes::label,
    themes::label_key,
);

const THEME_COLUMNS: ThemeColumns = (
    themes::id,
    themes::roundtable_id,
    themes::label,
    themes::label_key,
);

/// The stored decision on each of these comments (absent: undecided).
pub fn relevance_of(
    conn: &mut AnyConnection,
    comment_ids: &[String],
) -> Result<HashMap<String, bool>, StorageError> {
    let rows: Vec<(String, bool)> = comment_relevance::table
        .filter(comment_relevance::comment_id.eq_any(comment_ids))
        .select((comment_relevance::comment_id, comment_relevance::retained))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Stores a decision; false when the comment already had this one. A
/// decision stored concurrently between the check and the insert is then
/// updated as if this one had come second.
pub fn set_relevance(
    conn: &mut AnyConnection,
    comment_id: &str,
    retained: bool,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let change = |conn: &mut AnyConnection| -> Result<bool, StorageError> {
        let changed = diesel::update(
            comment_relevance::table
                .filter(comment_relevance::comment_id.eq(comment_id))
                .filter(comment_relevance::retained.ne(retained)),
        )
        .set((
            comment_relevance::retained.eq(retained),
            comment_relevance::decided_by.eq(Some(actor)),
            comment_relevance::decided_at.eq(naive(now)),
        ))
        .execute(conn)?;
        Ok(changed == 1)
    };
    if change(conn)? {
        return Ok(true);
    }
    let exists: i64 = comment_relevance::table
        .filter(comment_relevance::comment_id.eq(comment_id))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    let insert = diesel::insert_into(comment_relevance::table).values((
        comment_relevance::comment_id.eq(comment_id),
        comment_relevance::retained.eq(retained),
        comment_relevance::decided_by.eq(Some(actor)),
        comment_relevance::decided_at.eq(naive(now)),
    ));
    if insert_unless_taken(conn, |conn| insert.execute(conn))? {
        return Ok(true);
    }
    change(conn)
}

/// A roundtable's themes by label, with how many comments carry each.
pub fn themes_of_roundtable(
    conn: &mut AnyConnection,
    roundtable_id: &str,
) -> Result<Vec<ThemeCount>, StorageError> {
    let list: Vec<Theme> = themes::table
        .filter(themes::roundtable_id.eq(roundtable_id))
        .order((themes::label_key.asc(), themes::id.asc()))
        .select(THEME_COLUMNS)
        .load(conn)?;
    let ids: Vec<String> = list.iter().map(|t| t.id.clone()).collect();
    let counts: Vec<(String, i64)> = comment_themes::table
        .filter(comment_themes::theme_id.eq_any(&ids))
        .group_by(comment_themes::theme_id)
        .select((comment_themes::theme_id, diesel::dsl::count_star()))
        .load(conn)?;
    let counts: HashMap<String, i64> = counts.into_iter().collect();
    Ok(list
        .into_iter()
        .map(|theme| ThemeCount {
            comments: counts.get(&theme.id).copied().unwrap_or(0),
            theme,
        })
        .collect())
}

pub fn theme(conn: &mut AnyConnection, id: &str) -> Result<Option<Theme>, StorageError> {
    Ok(themes::table
        .find(id)
        .select(THEME_COLUMNS)
        .first(conn)
        .optional()?)
}

pub fn theme_by_key(
    conn: &mut AnyConnection,
    roundtable_id: &str,
    key: &str,
) -> Result<Option<Theme>, StorageError> {
    Ok(themes::table
        .filter(themes::roundtable_id.eq(roundtable_id))
        .filter(themes::label_key.eq(key))
        .select(THEME_COLUMNS)
        .first(conn)
        .optional()?)
}

/// Creates a theme in a savepoint; None (and nothing changed) when the
/// roundtable has a theme with this folded label already, even one created
/// by a concurrent transaction.
pub fn insert_theme(
    conn: &mut AnyConnection,
    roundtable_id: &str,
    label: &str,
    key: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Option<Theme>, StorageError> {
    let id = uuid::Uuid::now_v7().to_string();
    let insert = diesel::insert_into(themes::table).values((
        themes::id.eq(&id),
        themes::roundtable_id.eq(roundtable_id),
        themes::label.eq(label),
        themes::label_key.eq(key),
        themes::created_by.eq(Some(actor)),
        themes::created_at.eq(naive(now)),
    ));
    if !insert_unless_taken(conn, |conn| insert.execute(conn))? {
        return Ok(None);
    }
    Ok(Some(Theme {
        id,
        roundtable_id: roundtable_id.to_owned(),
        label: label.to_owned(),
        label_key: key.to_owned(),
    }))
}

/// What renaming a theme did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renamed {
    Done,
    /// No theme has this id (any longer).
    Missing,
    /// Another theme of the roundtable has this folded label, perhaps since
    /// a concurrent transaction: nothing changed.
    LabelTaken,
}

/// Renames a theme in a savepoint, so that a label taken meanwhile leaves
/// the caller's transaction usable.
pub fn rename_theme(
    conn: &mut AnyConnection,
    id: &str,
    label: &str,
    key: &str,
) -> Result<Renamed, StorageError> {
    let mut changed = 0;
    let update = diesel::update(themes::table.find(id))
        .set((themes::label.eq(label), themes::label_key.eq(key)));
    // insert_unless_taken runs any one statement in a savepoint and tells
    // a unique violation apart.
    let stored = insert_unless_taken(conn, |conn| {
        changed = update.execute(conn)?;
        Ok(changed)
    })?;
    Ok(match (stored, changed) {
        (false, _) => Renamed::LabelTaken,
        (true, 0) => Renamed::Missing,
        (true, _) => Renamed::Done,
    })
}

/// Tags a comment; false when it already carried the theme (tagged by
/// a concurrent transaction too).
pub fn tag(
    conn: &mut AnyConnection,
    comment_id: &str,
    theme_id: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let exists: i64 = comment_themes::table
        .filter(comment_themes::comment_id.eq(comment_id))
        .filter(comment_themes::theme_id.eq(theme_id))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    let insert = diesel::insert_into(comment_themes::table).values((
        comment_themes::comment_id.eq(comment_id),
        comment_themes::theme_id.eq(theme_id),
        comment_themes::tagged_by.eq(Some(actor)),
        comment_themes::tagged_at.eq(naive(now)),
    ));
    insert_unless_taken(conn, |conn| insert.execute(conn))
}

/// Removes a tag; false when the comment did not carry the theme.
pub fn untag(
    conn: &mut AnyConnection,
    comment_id: &str,
    theme_id: &str,
) -> Result<bool, StorageError> {
    let removed = diesel::delete(
        comment_themes::table
            .filter(comment_themes::comment_id.eq(comment_id))
            .filter(comment_themes::theme_id.eq(theme_id)),
    )
    .execute(conn)?;
    Ok(removed == 1)
}

/// The comments that carry a theme, by id.
pub fn tagged_with(conn: &mut AnyConnection, theme_id: &str) -> Result<Vec<String>, StorageError> {
    Ok(comment_themes::table
        .filter(comment_themes::theme_id.eq(theme_id))
        .select(comment_themes::comment_id)
        .load(conn)?)
}

/// Deletes a theme and its tags.
pub fn delete_theme(conn: &mut AnyConnection, id: &str) -> Result<(), StorageError> {
    diesel::delete(comment_themes::table.filter(comment_themes::theme_id.eq(id))).execute(conn)?;
    diesel::delete(themes::table.find(id)).execute(conn)?;
    Ok(())
}

/// The themes of each of these comments, by label.
pub fn themes_of_comments(
    conn: &mut AnyConnection,
    comment_ids: &[String],
) -> Result<HashMap<String, Vec<Theme>>, StorageError> {
    let rows: Vec<(String, Theme)> = comment_themes::table
        .inner_join(themes::table)
        .filter(comment_themes::comment_id.eq_any(comment_ids))
        .order((themes::label_key.asc(), themes::id.asc()))
        .select((comment_themes::comment_id, THEME_COLUMNS))
        .load(conn)?;
    let mut by_comment: HashMap<String, Vec<Theme>> = HashMap::new();
    for (comment, theme) in rows {
        by_comment.entry(comment).or_default().push(theme);
    }
    Ok(by_comment)
}

/// What a list of comments may be narrowed to: a theme (by folded label,
/// in whichever roundtable) and a relevance, within some roundtables (a
/// chair's) or all (staff).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkFilter {
    pub theme_key: Option<String>,
    pub relevance: Option<Relevance>,
    pub roundtables: Option<Vec<String>>,
}

impl MarkFilter {
    pub fn is_empty(&self) -> bool {
        self.theme_key.is_none() && self.relevance.is_none()
    }
}

/// Ids per statement: well under SQLite's and PostgreSQL's bind limits.
const CHUNK: usize = 5_000;

/// Of these comments, the ids the filter keeps, in their order. A
/// relevance keeps only published comments (a withdrawn or unpublished
/// comment keeps its mark but is no longer retained, nor a candidate).
pub fn matching(
    conn: &mut AnyConnection,
    comment_ids: &[String],
    filter: &MarkFilter,
) -> Result<Vec<String>, StorageError> {
    let mut kept = std::collections::HashSet::new();
    for chunk in comment_ids.chunks(CHUNK) {
        kept.extend(matching_chunk(conn, chunk, filter)?);
    }
    Ok(comment_ids
        .iter()
        .filter(|id| kept.contains(*id))
        .cloned()
        .collect())
}

fn matching_chunk(
    conn: &mut AnyConnection,
    comment_ids: &[String],
    filter: &MarkFilter,
) -> Result<Vec<String>, StorageError> {
    let mut kept: Vec<String> = match &filter.roundtables {
        Some(scope) => comments::table
            .filter(comments::id.eq_any(comment_ids))
            .filter(comments::roundtable_id.eq_any(scope))
            .select(comments::id)
            .load(conn)?,
        None => comment_ids.to_vec(),
    };
    if let Some(key) = &filter.theme_key {
        kept = comment_themes::table
            .inner_join(themes::table)
            .filter(comment_themes::comment_id.eq_any(&kept))
            .filter(themes::label_key.eq(key))
            .select(comment_themes::comment_id)
            .distinct()
            .load(conn)?;
    }
    if let Some(relevance) = filter.relevance {
        let published: Vec<String> = comments::table
            .filter(comments::id.eq_any(&kept))
            .filter(comments::status.eq(CommentStatus::Approved.code()))
            .select(comments::id)
            .load(conn)?;
        let marks = relevance_of(conn, &published)?;
        kept = published
            .into_iter()
            .filter(|id| Relevance::of(marks.get(id).copied()) == relevance)
            .collect();
    }
    Ok(kept)
}

/// Every comment of a roundtable, by id, whatever its status.
pub fn comment_ids_of_roundtable(
    conn: &mut AnyConnection,
    roundtable_id: &str,
) -> Result<Vec<String>, StorageError> {
    Ok(comments::table
        .filter(comments::roundtable_id.eq(roundtable_id))
        .select(comments::id)
        .load(conn)?)
}
