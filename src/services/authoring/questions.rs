//! Guiding questions, changed all at once from the roundtable form.

use crate::db::queries::{authoring, roundtables};
use crate::db::AnyConnection;
use crate::domain::authoring::*;
use crate::domain::roundtable::{GuidingQuestion, Roundtable};
use crate::domain::InvalidField;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};

/// A change to one existing question, as the form sends it.
#[derive(Debug, Clone)]
pub struct QuestionChange {
    pub id: String,
    pub text: String,
    /// Where it goes among the questions (1 first); ties keep the old order.
    pub position: Option<i64>,
    pub action: QuestionAction,
}

/// Applies the question changes in one go: new order, new texts,
/// retirements, removals (refused for questions comments use) and
/// additions at the end.
pub(super) fn save_questions(
    conn: &mut AnyConnection,
    r: &Roundtable,
    changes: &[QuestionChange],
    texts: &[String],
    added: &[String],
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let existing = roundtables::guiding_questions(conn, r.id)?;
    let ids: Vec<String> = existing.iter().map(|q| q.id.to_string()).collect();
    let uses = authoring::question_uses(conn, &ids)?;
    let mut errors = Vec::new();
    let mut kept: Vec<(usize, &QuestionChange, &GuidingQuestion)> = Vec::new();
    for (i, change) in changes.iter().enumerate() {
        let Some(question) = existing.iter().find(|q| q.id.to_string() == change.id) else {
            errors.push(InvalidField::new(
                question_field(i + 1),
                "invalid-question-gone",
            ));
            continue;
        };
        if change.action == QuestionAction::Remove {
            match uses.get(&change.id).copied().unwrap_or(0) {
                0 => authoring::delete_question(conn, &change.id)?,
                n => errors.push(
                    InvalidField::new(question_field(i + 1), "invalid-question-in-use")
                        .with("count", n),
                ),
            }
            continue;
        }
        kept.push((i, change, question));
    }
    if !errors.is_empty() {
        return Err(ServiceError::InvalidFields(errors));
    }
    // Questions the form did not list (added meanwhile by someone else) keep their place after.
    kept.sort_by_key(|(i, change, _)| (change.position.unwrap_or(*i as i64 + 1), *i));
    let mut position = 0;
    for (i, change, question) in &kept {
        // A retired question stays retired, from when it was.
        let retire = change.action == QuestionAction::Retire && !question.retired;
        authoring::update_question(
            conn,
            &change.id,
            &texts[*i],
            position,
            retire.then_some(now),
        )?;
        position += 1;
    }
    let listed: Vec<&str> = changes.iter().map(|c| c.id.as_str()).collect();
    for question in existing
        .iter()
        .filter(|q| !listed.contains(&q.id.to_string().as_str()))
    {
        authoring::update_question(
            conn,
            &question.id.to_string(),
            &question.text,
            position,
            None,
        )?;
        position += 1;
    }
    for text in added {
        roundtables::insert_guiding_question(conn, r.id, position, text, now)?;
        position += 1;
    }
    Ok(())
}
