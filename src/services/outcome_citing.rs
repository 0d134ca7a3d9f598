//! "Cite" from the coverage page: the outcome editor opened with a new
//! point citing one comment, in the synthesis of the question it answers,
//! for the chair to write around and save. Nothing is stored until they do.

use super::outcome_form::{editor, OutcomeEditor};
use super::ServiceError;
use crate::db::AnyConnection;
use crate::domain::citation::citations_in;
use crate::domain::outcome::{section_field, section_source, split_points, OutcomeKind};
use crate::domain::user::Actor;

/// The citation the editor was opened with.
#[derive(Debug, Clone)]
pub struct AddedCitation {
    pub reference: String,
    /// The question whose synthesis holds it (None: across the questions).
    pub question: Option<usize>,
    /// The form field it was written into, to bring into view.
    pub field: &'static str,
    /// The section cited it already: nothing was added.
    pub already_cited: bool,
}

pub fn editor_citing(
    conn: &mut AnyConnection,
    who: Actor,
    consultation: &str,
    roundtable: &str,
    reference: &str,
) -> Result<(OutcomeEditor, AddedCitation), ServiceError> {
    let mut editor = editor(conn, who, consultation, roundtable)?;
    let reference = reference
        .trim()
        .trim_start_matches('#')
        .to_ascii_lowercase();
    let question = editor
        .sources
        .iter()
        .find(|s| s.comments.iter().any(|c| c.reference == reference))
        .map(|s| s.question)
        .ok_or(ServiceError::NotFound("missing-citable-comment"))?;
    let field = section_field(OutcomeKind::Synthesis, question)
        .ok_or(ServiceError::NotFound("missing-citable-comment"))?;
    let section = editor
        .sections
        .iter_mut()
        .find(|s| s.question == question && s.kind == OutcomeKind::Synthesis)
        .ok_or(ServiceError::NotFound("missing-citable-comment"))?;
    // A citation may be written with a prefix of the reference (#c-2f9a).
    let already_cited = citations_in(&section.source)
        .iter()
        .any(|cited| reference.starts_with(cited.as_str()));
    if !already_cited {
        let mut points = split_points(&section.source);
        points.push(format!("#{reference}"));
        section.source = section_source(points.iter().map(String::as_str));
    }
    Ok((
        editor,
        AddedCitation {
            reference,
            question,
            field,
            already_cited,
        },
    ))
}
