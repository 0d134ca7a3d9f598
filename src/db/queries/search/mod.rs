//! The search index of comments: kept in step by the comment writes of this
//! layer (insert, edit, an author's erasure), rebuilt by `rebuild`, and
//! queried with each backend's own full-text engine (`engine`). A query
//! reaches the engine only as words this module quotes itself.

mod details;
mod engine;
mod meta;

use crate::db::schema::{comments, search_documents};
use crate::db::{AnyConnection, StorageError};
use crate::domain::search::{index_terms, IndexLanguage};
use diesel::prelude::*;

pub use details::{found_comments, places, FoundRow, PlaceRoundtable, PlaceRow};
pub use engine::matching_comments;
pub use meta::{CommentFilter, Visibility};

/// Rewrites the index entry of one comment from its Markdown source.
pub fn index_comment(
    conn: &mut AnyConnection,
    comment_id: &str,
    body_markdown: &str,
    language: Option<&str>,
) -> Result<(), StorageError> {
    diesel::delete(search_documents::table.filter(search_documents::comment_id.eq(comment_id)))
        .execute(conn)?;
    index_new_comment(conn, comment_id, body_markdown, language)
}

/// Writes the index entry of a comment that has none yet.
pub fn index_new_comment(
    conn: &mut AnyConnection,
    comment_id: &str,
    body_markdown: &str,
    language: Option<&str>,
) -> Result<(), StorageError> {
    let language = IndexLanguage::of(language);
    let terms = index_terms(&crate::text::plain_text(body_markdown), language);
    diesel::insert_into(search_documents::table)
        .values((
            search_documents::comment_id.eq(comment_id),
            search_documents::language.eq(language.code()),
            search_documents::terms.eq(terms),
        ))
        .execute(conn)?;
    Ok(())
}

/// Takes an erased author's comments out of every search.
pub fn forget_author(conn: &mut AnyConnection, author_id: &str) -> Result<usize, StorageError> {
    let theirs = comments::table
        .filter(comments::author_id.eq(author_id))
        .select(comments::id);
    Ok(
        diesel::delete(search_documents::table.filter(search_documents::comment_id.eq_any(theirs)))
            .execute(conn)?,
    )
}

/// Rebuilds the whole index from the comments, in one transaction of the
/// caller's; returns how many comments it indexed. Erased authors'
/// comments stay out. Cached search pages are told (the index's other
/// writes come with a change to the comments, which tells them already).
pub fn rebuild(conn: &mut AnyConnection) -> Result<usize, StorageError> {
    use crate::db::schema::{content_versions, users};
    const BATCH: i64 = 500;
    if let AnyConnection::Postgresql(pg) = conn {
        // Posts wait until the rebuild commits (SQLite's write lock does the
        // same): one committed meanwhile would be indexed twice.
        diesel::sql_query("LOCK TABLE search_documents IN SHARE ROW EXCLUSIVE MODE").execute(pg)?;
    }
    diesel::update(content_versions::table.filter(content_versions::scope.eq("content")))
        .set(content_versions::version.eq(content_versions::version + 1))
        .execute(conn)?;
    diesel::delete(search_documents::table).execute(conn)?;
    let mut after = String::new();
    let mut indexed = 0;
    loop {
        let batch: Vec<(String, String, Option<String>)> = comments::table
            .left_join(users::table.on(users::id.nullable().eq(comments::author_id)))
            .filter(comments::id.gt(&after))
            .filter(users::erased_at.is_null())
            .order(comments::id)
            .limit(BATCH)
            .select((comments::id, comments::body_markdown, comments::language))
            .load(conn)?;
        let Some((last, _, _)) = batch.last() else {
            return Ok(indexed);
        };
        after = last.clone();
        for (id, markdown, language) in &batch {
            index_new_comment(conn, id, markdown, language.as_deref())?;
        }
        indexed += batch.len();
    }
}

/// The indexed terms of a roundtable's published and waiting comments, for
/// the chairs' "possible duplicates": (comment id, terms).
pub fn roundtable_terms(
    conn: &mut AnyConnection,
    roundtable_id: &str,
) -> Result<Vec<(String, String)>, StorageError> {
    use crate::domain::comment::CommentStatus;
    Ok(search_documents::table
        .inner_join(comments::table)
        .filter(comments::roundtable_id.eq(roundtable_id))
        .filter(comments::status.eq_any([
            CommentStatus::Approved.code(),
            CommentStatus::Pending.code(),
        ]))
        .select((comments::id, search_documents::terms))
        .load(conn)?)
}

/// The migration that adds the search index: a database that had comments
/// before it gets them indexed once, when it is applied.
pub const INDEX_MIGRATION: &str = "20261206140000";

/// How many comments the index holds.
pub fn indexed_count(conn: &mut AnyConnection) -> Result<i64, StorageError> {
    Ok(search_documents::table.count().get_result(conn)?)
}
