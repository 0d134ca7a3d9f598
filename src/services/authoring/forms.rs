//! A staff form sent: saved, or to be shown again with the editor's values
//! as they are stored and what stopped the save. The editor is read before
//! saving, so a refused form shows what the page showed.

use super::consultation::{
    consultation_editor, create_consultation, update_consultation, ConsultationEditor,
};
use super::questions::QuestionChange;
use super::roundtable::{roundtable_editor, save_roundtable, RoundtableEditor};
use crate::db::AnyConnection;
use crate::domain::authoring::{ConsultationInput, RoundtableInput};
use crate::domain::slug::Slug;
use crate::domain::user::SignedInUser;
use crate::domain::{InvalidField, Message};
use crate::services::ServiceError;
use chrono::{DateTime, Utc};

/// What a form leads to.
pub enum FormAnswer<E> {
    /// Saved under this slug.
    Saved(Slug),
    /// The form again: after a preview, or with what stopped the save.
    Again(FormAgain<E>),
}

pub struct FormAgain<E> {
    pub editor: E,
    /// Mistakes shown next to their fields.
    pub mistakes: Vec<InvalidField>,
    /// What stopped a sound form (an archived consultation), above it.
    pub problem: Option<Message>,
}

/// Field mistakes and conflicts go back to the form; any other failure is
/// the page's error.
fn answer<E>(editor: E, saved: Result<Slug, ServiceError>) -> Result<FormAnswer<E>, ServiceError> {
    let (mistakes, problem) = match saved {
        Ok(slug) => return Ok(FormAnswer::Saved(slug)),
        Err(ServiceError::InvalidFields(mistakes)) => (mistakes, None),
        Err(ServiceError::Invalid(mistake)) => (vec![mistake], None),
        Err(ServiceError::Conflict(problem)) => (vec![], Some(problem)),
        Err(other) => return Err(other),
    };
    Ok(FormAnswer::Again(FormAgain {
        editor,
        mistakes,
        problem,
    }))
}

fn again<E>(editor: E) -> FormAnswer<E> {
    FormAnswer::Again(FormAgain {
        editor,
        mistakes: vec![],
        problem: None,
    })
}

/// The consultation form sent: a new one when `existing` is None.
pub fn consultation_form(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    existing: Option<&str>,
    input: &ConsultationInput,
    preview: bool,
    now: DateTime<Utc>,
) -> Result<FormAnswer<Option<ConsultationEditor>>, ServiceError> {
    let editor = existing
        .map(|slug| consultation_editor(conn, actor, slug))
        .transpose()?;
    if preview {
        super::access::check_staff(actor)?;
        return Ok(again(editor));
    }
    let saved = match existing {
        Some(slug) => update_consultation(conn, actor, slug, input, now),
        None => create_consultation(conn, actor, input, now),
    };
    answer(editor, saved)
}

/// A roundtable form as sent: its fields and its question rows.
pub struct RoundtableForm {
    pub input: RoundtableInput,
    pub changes: Vec<QuestionChange>,
    /// The new questions, one a line.
    pub added: String,
}

/// The roundtable form sent: a new one when `roundtable` is None.
pub fn roundtable_form(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    roundtable: Option<&str>,
    form: &RoundtableForm,
    preview: bool,
    now: DateTime<Utc>,
) -> Result<FormAnswer<RoundtableEditor>, ServiceError> {
    let editor = roundtable_editor(conn, actor, consultation, roundtable)?;
    if preview {
        return Ok(again(editor));
    }
    let saved = save_roundtable(
        conn,
        actor,
        consultation,
        roundtable,
        &form.input,
        &form.changes,
        &form.added,
        now,
    );
    answer(editor, saved)
}
