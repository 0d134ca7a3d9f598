//! The chairs' outcome form, answered in one use case: the editor it was
//! opened from, the text as typed, and what came of it (a preview, a save,
//! mistakes to show at their fields, or a newer save by someone else).

use super::emails::EmailContext;
use super::outcomes::{
    editor, form_sections, submit, OutcomeAction, OutcomeEditor, OutcomeSubmission, ShownOutcome,
    Submitted,
};
use super::ServiceError;
use crate::db::queries::outcomes;
use crate::db::AnyConnection;
use crate::domain::outcome::{OutcomeStatus, SectionSource};
use crate::domain::user::Actor;
use crate::domain::{InvalidField, Message};
use chrono::{DateTime, Utc};

/// The form as sent: each section's text is read by its field's name
/// (see `form_sections`).
pub struct TypedOutcome {
    pub summary: String,
    pub section: Box<dyn Fn(&str) -> String + Send>,
    /// The revision the form was opened at (0: none saved yet).
    pub read_revision: i32,
    pub action: OutcomeAction,
}

pub enum Answer {
    Preview(ShownOutcome),
    Saved(OutcomeStatus),
    Mistakes(Vec<InvalidField>),
    /// Not saved: someone saved since (or the consultation is archived).
    /// The form moves on to the latest revision, so that saving again
    /// replaces it knowingly.
    NotSaved {
        why: Message,
        latest_revision: i32,
    },
}

pub struct Answered {
    /// The outcome as it was when the form was sent.
    pub editor: OutcomeEditor,
    pub answer: Answer,
}

pub fn answer(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    who: Actor,
    consultation: &str,
    roundtable: &str,
    typed: &TypedOutcome,
    now: DateTime<Utc>,
) -> Result<Answered, ServiceError> {
    let editor = editor(conn, who, consultation, roundtable)?;
    let submission = OutcomeSubmission {
        summary: typed.summary.clone(),
        sections: form_sections(&editor.detail.questions)
            .into_iter()
            .map(|(question, kind, field)| SectionSource {
                question: question.map(|q| q.number),
                kind,
                source: (typed.section)(field),
            })
            .collect(),
        read_revision: typed.read_revision,
        action: typed.action,
    };
    let answer = match submit(conn, ctx, who, consultation, roundtable, &submission, now) {
        Ok(Submitted::Preview(shown)) => Answer::Preview(shown),
        Ok(Submitted::Saved(status)) => Answer::Saved(status),
        Err(ServiceError::InvalidFields(fields)) => Answer::Mistakes(fields),
        Err(ServiceError::Conflict(why)) => {
            let latest = outcomes::find(conn, editor.detail.roundtable.id)?;
            Answer::NotSaved {
                why,
                latest_revision: latest.map_or(0, |(record, _)| record.revision),
            }
        }
        Err(other) => return Err(other),
    };
    Ok(Answered { editor, answer })
}
