//! A staff form sent: saved, or to be shown again with the editor's values
//! as they are stored and what stopped the save. The editor is read before
//! saving, so a refused form shows what the page showed.

use super::consultation::{
    consultation_editor, create_consultation, update_consultation, ConsultationEditor,
};
use super::questions::QuestionChange;
use super::roundtable::{roundtable_editor, save_roundtable, QuestionLine, RoundtableEditor};
use crate::db::queries::roundtables;
use crate::db::AnyConnection;
use crate::domain::authoring::ask_first::{ask_first, AskFirst, RoundtableReadiness};
use crate::domain::authoring::{
    ConsultationFields, ConsultationInput, QuestionAction, RoundtableFields, RoundtableInput,
};
use crate::domain::consultation::ConsultationStatus;
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

/// The consultation form may also ask first.
pub enum ConsultationAnswer {
    Form(Box<FormAnswer<Option<ConsultationEditor>>>),
    /// Nothing saved yet: the change is confirmed on a page of its own.
    AskFirst(AskFirst),
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
/// `confirmed`: the person has already answered what `AskFirst` asked.
pub fn consultation_form(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    existing: Option<&str>,
    (input, confirmed): (&ConsultationInput, bool),
    preview: bool,
    now: DateTime<Utc>,
) -> Result<ConsultationAnswer, ServiceError> {
    let editor = existing
        .map(|slug| consultation_editor(conn, actor, slug))
        .transpose()?;
    if preview {
        super::access::check_staff(actor)?;
        return Ok(ConsultationAnswer::Form(Box::new(again(editor))));
    }
    if let (Some(editor), false) = (&editor, confirmed) {
        if let Some(asked) = what_to_ask(conn, editor, input)? {
            return Ok(ConsultationAnswer::AskFirst(asked));
        }
    }
    let saved = match existing {
        Some(slug) => update_consultation(conn, actor, slug, input, now),
        None => create_consultation(conn, actor, input, now),
    };
    answer(editor, saved).map(|answer| ConsultationAnswer::Form(Box::new(answer)))
}

/// What to confirm before the status typed replaces the stored one; a
/// status that does not parse is left for the save to name.
fn what_to_ask(
    conn: &mut AnyConnection,
    editor: &ConsultationEditor,
    input: &ConsultationInput,
) -> Result<Option<AskFirst>, ServiceError> {
    // A form with mistakes comes back with them first; asking would only
    // lead to them after the confirmation.
    if ConsultationFields::parse(input).is_err() {
        return Ok(None);
    }
    let Some(to) = ConsultationStatus::from_code(input.status.trim()) else {
        return Ok(None);
    };
    let from = editor.consultation.status;
    if from == to || !matches!(to, ConsultationStatus::Open | ConsultationStatus::Archived) {
        return Ok(None);
    }
    let mut readiness = Vec::with_capacity(editor.roundtables.len());
    for roundtable in &editor.roundtables {
        let questions = roundtables::guiding_questions(conn, roundtable.id)?;
        readiness.push(RoundtableReadiness {
            full_title: roundtable.full_title(),
            chairs: roundtables::chairs(conn, roundtable.id)?.len(),
            open_questions: questions.iter().filter(|q| !q.retired).count(),
        });
    }
    Ok(ask_first(from, to, &readiness))
}

/// A roundtable form as sent: its fields and its question rows.
pub struct RoundtableForm {
    pub input: RoundtableInput,
    pub changes: Vec<QuestionChange>,
    /// The new questions, one a line.
    pub added: String,
}

/// The roundtable form sent: a new one when `roundtable` is None.
/// The roundtable form may also ask first.
pub enum RoundtableAnswer {
    Form(Box<FormAnswer<RoundtableEditor>>),
    /// Nothing saved yet: the change is confirmed on a page of its own.
    AskFirst(AskFirst),
}

/// `confirmed`: the person has already answered what `AskFirst` asked.
pub fn roundtable_form(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    (consultation, roundtable): (&str, Option<&str>),
    (form, confirmed): (&RoundtableForm, bool),
    preview: bool,
    now: DateTime<Utc>,
) -> Result<RoundtableAnswer, ServiceError> {
    let editor = roundtable_editor(conn, actor, consultation, roundtable)?;
    if preview {
        return Ok(RoundtableAnswer::Form(Box::new(again(editor))));
    }
    let removed: Vec<_> = form
        .changes
        .iter()
        .filter(|change| change.action == QuestionAction::Remove)
        .filter_map(|change| {
            let id = |l: &&QuestionLine| l.question.id.to_string() == change.id;
            editor.questions.iter().find(id)
        })
        .collect();
    // A question in use cannot be removed, and a form with mistakes comes
    // back with them: the save says so before anything is asked.
    let all_removable = removed.iter().all(|line| line.uses == 0);
    let sound = RoundtableFields::parse(&form.input, editor.consultation.time_zone).is_ok();
    if !confirmed && !removed.is_empty() && all_removable && sound {
        let texts = removed.iter().map(|l| l.question.text.clone()).collect();
        return Ok(RoundtableAnswer::AskFirst(AskFirst::RemoveQuestions(texts)));
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
    answer(editor, saved).map(|answer| RoundtableAnswer::Form(Box::new(answer)))
}
