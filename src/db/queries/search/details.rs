//! What a results page shows of the comments and places a search found.

use crate::db::rows::*;
use crate::db::schema::{
    comment_guiding_questions, comments, consultations, guiding_questions, roundtables,
};
use crate::db::{AnyConnection, StorageError};
use crate::domain::affiliation::Affiliation;
use crate::domain::comment::CommentStatus;
use crate::domain::ids::RoundtableId;
use chrono::{DateTime, Utc};
use diesel::prelude::*;

/// A found comment with the names of where it lives.
pub struct FoundRow {
    pub id: String,
    pub reference: String,
    pub roundtable_id: RoundtableId,
    pub author: Affiliation,
    pub status: CommentStatus,
    pub created_at: DateTime<Utc>,
    pub body_markdown: String,
    pub language: Option<String>,
    pub consultation_slug: String,
    pub consultation_title: String,
    pub roundtable_slug: String,
    pub roundtable_title: String,
    pub roundtable_code: Option<String>,
    pub question_ids: Vec<String>,
}

/// The comments with these ids (in no particular order).
pub fn found_comments(
    conn: &mut AnyConnection,
    ids: &[String],
) -> Result<Vec<FoundRow>, StorageError> {
    let rows: Vec<(CommentRow, String, String, String, String, Option<String>)> = comments::table
        .inner_join(roundtables::table.inner_join(consultations::table))
        .filter(comments::id.eq_any(ids))
        .select((
            CommentRow::as_select(),
            consultations::slug,
            consultations::title,
            roundtables::slug,
            roundtables::title,
            roundtables::code,
        ))
        .load(conn)?;
    let tags: Vec<(String, String)> = comment_guiding_questions::table
        .filter(comment_guiding_questions::comment_id.eq_any(ids))
        .select((
            comment_guiding_questions::comment_id,
            comment_guiding_questions::guiding_question_id,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(c, cs, ct, rs, rt, code)| {
            Ok(FoundRow {
                question_ids: tags
                    .iter()
                    .filter(|(id, _)| *id == c.id)
                    .map(|(_, q)| q.clone())
                    .collect(),
                roundtable_id: parse_id(&c.roundtable_id)?,
                author: affiliation(
                    c.author_name,
                    c.author_organisation,
                    c.author_organisation_type.as_deref(),
                    c.author_country_code.as_deref(),
                )?,
                status: parse_code("comment status", &c.status, CommentStatus::from_code)?,
                created_at: utc(c.created_at),
                id: c.id,
                reference: c.reference,
                body_markdown: c.body_markdown,
                language: c.language,
                consultation_slug: cs,
                consultation_title: ct,
                roundtable_slug: rs,
                roundtable_title: rt,
                roundtable_code: code,
            })
        })
        .collect()
}

/// A consultation, roundtable or guiding question whose words a search
/// matches in memory: there are few of them, and they change rarely.
pub struct PlaceRow {
    pub consultation_id: String,
    pub consultation_slug: String,
    pub consultation_title: String,
    pub roundtable: Option<PlaceRoundtable>,
    /// Title and summary, or the question's text.
    pub text: String,
    pub language: String,
}

pub struct PlaceRoundtable {
    pub id: String,
    pub slug: String,
    pub title: String,
    /// The question's number and id, when the place is a guiding question.
    pub question: Option<(usize, String)>,
}

/// Every consultation (public ones, or drafts too), its roundtables and
/// their current guiding questions, in three queries.
pub fn places(conn: &mut AnyConnection, with_drafts: bool) -> Result<Vec<PlaceRow>, StorageError> {
    let mut wanted = consultations::table.into_boxed();
    if !with_drafts {
        wanted = wanted.filter(consultations::status.ne("draft"));
    }
    let found: Vec<(String, String, String, String, String)> = wanted
        .order(consultations::created_at.desc())
        .select((
            consultations::id,
            consultations::slug,
            consultations::title,
            consultations::summary,
            consultations::content_language,
        ))
        .load(conn)?;
    let ids: Vec<&String> = found.iter().map(|c| &c.0).collect();
    type RoundtableRow = (String, String, String, String, String, Option<String>);
    let tables: Vec<RoundtableRow> = roundtables::table
        .filter(roundtables::consultation_id.eq_any(&ids))
        .order((roundtables::position, roundtables::id))
        .select((
            roundtables::id,
            roundtables::consultation_id,
            roundtables::slug,
            roundtables::title,
            roundtables::summary,
            roundtables::content_language,
        ))
        .load(conn)?;
    let table_ids: Vec<&String> = tables.iter().map(|t| &t.0).collect();
    let questions: Vec<(String, String, String, Option<chrono::NaiveDateTime>)> =
        guiding_questions::table
            .filter(guiding_questions::roundtable_id.eq_any(&table_ids))
            .order((
                guiding_questions::roundtable_id,
                guiding_questions::position,
                guiding_questions::id,
            ))
            .select((
                guiding_questions::id,
                guiding_questions::roundtable_id,
                guiding_questions::text,
                guiding_questions::retired_at,
            ))
            .load(conn)?;
    let mut places = Vec::new();
    for (id, slug, title, summary, language) in &found {
        let place = |roundtable, text, language: &str| PlaceRow {
            consultation_id: id.clone(),
            consultation_slug: slug.clone(),
            consultation_title: title.clone(),
            roundtable,
            text,
            language: language.to_owned(),
        };
        places.push(place(None, format!("{title}\n{summary}"), language));
        for (rid, _, rslug, rtitle, rsummary, rlanguage) in tables.iter().filter(|t| t.1 == *id) {
            let language = rlanguage.as_deref().unwrap_or(language);
            let at = |question| PlaceRoundtable {
                id: rid.clone(),
                slug: rslug.clone(),
                title: rtitle.clone(),
                question,
            };
            places.push(place(
                Some(at(None)),
                format!("{rtitle}\n{rsummary}"),
                language,
            ));
            let theirs = questions.iter().filter(|q| q.1 == *rid).enumerate();
            for (index, (qid, _, text, retired)) in theirs {
                if retired.is_none() {
                    places.push(place(
                        Some(at(Some((index + 1, qid.clone())))),
                        text.clone(),
                        language,
                    ));
                }
            }
        }
    }
    Ok(places)
}
