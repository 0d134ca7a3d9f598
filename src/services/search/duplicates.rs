//! "Possible duplicates" of a waiting comment: the published or waiting
//! comments of its roundtable that share most of its words, so that a
//! chair can reject a pasted copy as a duplicate without searching by memory.

use crate::db::queries::search;
use crate::db::AnyConnection;
use crate::domain::comment::CommentStatus;
use crate::domain::ids::{CommentId, RoundtableId};
use crate::domain::search::{similarity, term_set, DUPLICATE_THRESHOLD};
use crate::services::ServiceError;
use std::collections::{HashMap, HashSet};

/// Shown per waiting comment.
const SHOWN: usize = 3;

#[derive(Debug, Clone)]
pub struct PossibleDuplicate {
    pub reference: String,
    pub author_name: String,
    pub status: CommentStatus,
    /// Shared words, in percent.
    pub likeness: u8,
    /// The start of its text.
    pub excerpt: String,
}

/// For each of `waiting` (a comment and its roundtable), up to three
/// comments most like it, most alike first (published before waiting
/// ones, then older ones, on a tie). One query per roundtable, one for the
/// chosen comments.
pub fn possible_duplicates(
    conn: &mut AnyConnection,
    waiting: &[(CommentId, RoundtableId)],
) -> Result<HashMap<CommentId, Vec<PossibleDuplicate>>, ServiceError> {
    let roundtables: HashSet<RoundtableId> = waiting.iter().map(|(_, r)| *r).collect();
    let mut terms = HashMap::new();
    for roundtable in roundtables {
        terms.insert(
            roundtable,
            search::roundtable_terms(conn, &roundtable.to_string())?,
        );
    }
    // Each comment's words made into a set once, whatever the number waiting.
    let sets: HashMap<&RoundtableId, Vec<(&str, HashSet<&str>)>> = terms
        .iter()
        .map(|(r, rows)| {
            (
                r,
                rows.iter()
                    .map(|(c, t)| (c.as_str(), term_set(t)))
                    .collect(),
            )
        })
        .collect();
    let mut chosen: HashMap<CommentId, Vec<(String, u8)>> = HashMap::new();
    for (comment, roundtable) in waiting {
        let candidates = &sets[roundtable];
        let id = comment.to_string();
        let Some((_, own)) = candidates.iter().find(|(c, _)| *c == id) else {
            continue;
        };
        let mut alike: Vec<(&str, f64)> = candidates
            .iter()
            .filter(|(c, _)| *c != id)
            .map(|(c, set)| (*c, similarity(own, set)))
            .filter(|(_, s)| *s >= DUPLICATE_THRESHOLD)
            .collect();
        alike.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        alike.truncate(SHOWN * 2);
        chosen.insert(
            *comment,
            alike
                .into_iter()
                .map(|(c, s)| (c.to_owned(), (s * 100.0).round() as u8))
                .collect(),
        );
    }
    let ids: Vec<String> = chosen.values().flatten().map(|(c, _)| c.clone()).collect();
    let details: HashMap<String, search::FoundRow> = search::found_comments(conn, &ids)?
        .into_iter()
        .map(|row| (row.id.clone(), row))
        .collect();
    Ok(chosen
        .into_iter()
        .map(|(comment, alike)| {
            let mut shown: Vec<(PossibleDuplicate, String)> = alike
                .into_iter()
                .filter_map(|(id, likeness)| {
                    let row = details.get(&id)?;
                    Some((
                        PossibleDuplicate {
                            reference: row.reference.clone(),
                            author_name: row.author.display_name.clone(),
                            status: row.status,
                            likeness,
                            excerpt: crate::text::plain_excerpt(&row.body_markdown, 160),
                        },
                        id,
                    ))
                })
                .collect();
            // Equally alike: the published one, then the older one (ids sort by time).
            shown.sort_by(|(a, a_id), (b, b_id)| {
                b.likeness
                    .cmp(&a.likeness)
                    .then_with(|| {
                        (a.status != CommentStatus::Approved)
                            .cmp(&(b.status != CommentStatus::Approved))
                    })
                    .then_with(|| a_id.cmp(b_id))
            });
            shown.truncate(SHOWN);
            (comment, shown.into_iter().map(|(d, _)| d).collect())
        })
        .collect())
}
