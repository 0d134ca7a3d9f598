//! Field schemas that the OpenAPI document cannot take from a Rust type:
//! closed lists and limits. Each is built from the domain's own list or
//! constant, so the document cannot drift from what the server checks.

use crate::domain::comment::{CommentStatus, BODY_MAX_CHARS};
use crate::domain::consultation::{ConsultationKind, ConsultationStatus, OrganisationRole};
use crate::domain::moderation::{ModerationReason, NOTE_MAX_CHARS};
use crate::domain::roundtable::{ModerationMode, ResourceKind};
use crate::services::moderation::ACTIONS;
use utoipa::openapi::schema::{ArrayBuilder, Object, ObjectBuilder, Type};

/// Text fields refuse these (422) wherever they are; said once here.
const CONTROL_CHARACTERS: &str =
    "Text fields refuse control characters other than tab, newline and carriage return (422).";

fn one_of(codes: impl IntoIterator<Item = &'static str>, description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(codes))
        .description(Some(description))
        .build()
}

pub fn comment_body_schema() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .min_length(Some(1))
        .max_length(Some(BODY_MAX_CHARS))
        // Blank bodies are refused: the length counts after trimming.
        .pattern(Some(r"\S"))
        .description(Some(format!(
            "Markdown, 1 to {BODY_MAX_CHARS} characters once surrounding whitespace is removed. \
             {CONTROL_CHARACTERS}"
        )))
        .build()
}

pub fn question_numbers_schema() -> ArrayBuilder {
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1)),
        )
        .description(Some(
            "Numbers of the roundtable's guiding questions (1-based); empty or absent \
             for a general comment. A number that names no current question is refused (422).",
        ))
}

pub fn action_schema() -> Object {
    one_of(ACTIONS.iter().copied(), "What the chair decides.")
}

pub fn reason_schema() -> Object {
    // "" is what a form sends for "no reason", and is accepted as such.
    one_of(
        std::iter::once("").chain(ModerationReason::ALL.iter().map(|r| r.code())),
        "Required for reject and unpublish (422 without it); empty or absent for every \
         other action, which refuses a reason (422), since a reason means the caller \
         meant to reject.",
    )
}

pub fn note_schema() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .max_length(Some(NOTE_MAX_CHARS))
        .description(Some(format!(
            "For reject and unpublish: an optional note sent to the author, at most \
             {NOTE_MAX_CHARS} characters once trimmed. {CONTROL_CHARACTERS}"
        )))
        .build()
}

pub fn posted_status_schema() -> Object {
    one_of(
        ["pending", "published"],
        "pending (waits for a chair) or published.",
    )
}

pub fn comment_status_schema() -> Object {
    one_of(
        ["published", "withdrawn", "not_published"],
        "published, or withdrawn / not_published for a placeholder kept so that its \
         published replies keep their thread.",
    )
}

pub fn comment_period_schema() -> Object {
    one_of(
        ["opens_later", "open", "late", "closed"],
        "Whether comments are taken, at the time of the response: `late` is the grace \
         period after the deadline, when comments are still taken and marked late.",
    )
}

pub fn consultation_kind_schema() -> Object {
    one_of(
        ConsultationKind::ALL.iter().map(|k| k.code()),
        "The kind of event.",
    )
}

pub fn consultation_status_schema() -> Object {
    one_of(
        ConsultationStatus::ALL
            .iter()
            .filter(|s| s.is_public())
            .map(|s| s.code()),
        "Drafts are never shown.",
    )
}

pub fn organisation_role_schema() -> Object {
    one_of(
        OrganisationRole::ALL.iter().map(|r| r.code()),
        "What the organisation does for the event.",
    )
}

pub fn found_comment_status_schema() -> Object {
    one_of(
        CommentStatus::ALL.iter().map(|s| s.code()),
        "Always approved for visitors; a chair also finds the pending comments of their roundtables, staff every status but withdrawn.",
    )
}

pub fn moderation_mode_schema() -> Object {
    one_of(
        ModerationMode::ALL.iter().map(|m| m.code()),
        "pre (a chair approves each comment first) or post.",
    )
}

pub fn resource_kind_schema() -> Object {
    one_of(
        ResourceKind::ALL.iter().map(|k| k.code()),
        "The kind of document or link.",
    )
}
