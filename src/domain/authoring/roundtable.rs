//! A roundtable and its guiding questions as staff type them.

use super::fields::{
    keep, language, optional, period, required, typed_slug, MAX_QUESTION, MAX_SUMMARY, MAX_TEXT,
    MAX_TITLE,
};
use crate::domain::roundtable::ModerationMode;
use crate::domain::slug::Slug;
use crate::domain::time::MAX_GRACE_HOURS;
use crate::domain::InvalidField;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RoundtableInput {
    pub code: String,
    pub title: String,
    pub slug: String,
    /// The parent's slug, or empty.
    pub parent: String,
    pub summary: String,
    pub background: String,
    pub objectives: String,
    pub moderation_mode: String,
    pub comments_open_at: String,
    pub comments_close_at: String,
    /// Hours after the deadline during which comments are taken, marked late.
    pub grace_hours: String,
    /// Why the deadline changes: required when it does. Never kept in the
    /// form's audit comparison (the deadline change has its own log).
    #[serde(skip)]
    pub deadline_reason: String,
    pub starts_at: String,
    pub ends_at: String,
    pub venue: String,
    pub content_language: String,
}

#[derive(Debug, Clone)]
pub struct RoundtableFields {
    pub code: Option<String>,
    pub title: String,
    pub slug: Option<Slug>,
    pub parent: Option<String>,
    pub summary: String,
    pub background_markdown: String,
    pub objectives_markdown: String,
    pub moderation_mode: ModerationMode,
    pub comments_open_at: Option<DateTime<Utc>>,
    pub comments_close_at: Option<DateTime<Utc>>,
    /// Minutes; None for no grace period.
    pub grace_minutes: Option<i32>,
    pub deadline_reason: Option<String>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub venue: Option<String>,
    pub content_language: Option<String>,
}

impl RoundtableFields {
    /// Times are read in the consultation's zone.
    pub fn parse(input: &RoundtableInput, zone: Tz) -> Result<Self, Vec<InvalidField>> {
        let mut e = Vec::new();
        let code = keep(&mut e, optional("code", &input.code, 20));
        let title = keep(
            &mut e,
            required("title", &input.title, MAX_TITLE, "invalid-title-missing"),
        );
        let slug = keep(&mut e, typed_slug("slug", &input.slug));
        let summary = keep(&mut e, optional("summary", &input.summary, MAX_SUMMARY));
        let background = keep(&mut e, optional("background", &input.background, MAX_TEXT));
        let objectives = keep(&mut e, optional("objectives", &input.objectives, MAX_TEXT));
        let moderation_mode = keep(
            &mut e,
            ModerationMode::from_code(input.moderation_mode.trim())
                .ok_or_else(|| InvalidField::new("moderation_mode", "invalid-moderation-mode")),
        );
        let (comments_open_at, comments_close_at) = period(
            "comments_open_at",
            "comments_close_at",
            &input.comments_open_at,
            &input.comments_close_at,
            zone,
            &mut e,
        );
        let grace_minutes = keep(&mut e, grace_hours("grace_hours", &input.grace_hours));
        let deadline_reason = keep(
            &mut e,
            optional("deadline_reason", &input.deadline_reason, MAX_SUMMARY),
        );
        let (starts_at, ends_at) = period(
            "starts_at",
            "ends_at",
            &input.starts_at,
            &input.ends_at,
            zone,
            &mut e,
        );
        let venue = keep(&mut e, optional("venue", &input.venue, MAX_TITLE));
        let content_language = match input.content_language.trim() {
            "" => Some(None),
            code => keep(&mut e, language("content_language", code)).map(Some),
        };
        match (
            code,
            title,
            slug,
            summary,
            background,
            objectives,
            moderation_mode,
            venue,
            content_language,
            grace_minutes,
            deadline_reason,
        ) {
            (
                Some(code),
                Some(title),
                Some(slug),
                Some(summary),
                Some(background),
                Some(objectives),
                Some(moderation_mode),
                Some(venue),
                Some(content_language),
                Some(grace_minutes),
                Some(deadline_reason),
            ) if e.is_empty() => Ok(Self {
                code,
                title,
                slug,
                parent: Some(input.parent.trim().to_owned()).filter(|p| !p.is_empty()),
                summary: summary.unwrap_or_default(),
                background_markdown: background.unwrap_or_default(),
                objectives_markdown: objectives.unwrap_or_default(),
                moderation_mode,
                comments_open_at,
                comments_close_at,
                grace_minutes,
                deadline_reason,
                starts_at,
                ends_at,
                venue,
                content_language,
            }),
            _ => Err(e),
        }
    }
}

/// A grace period typed in whole hours, 0 to 720; empty or 0 is none.
/// Stored in minutes.
pub fn grace_hours(field: &'static str, typed: &str) -> Result<Option<i32>, InvalidField> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match typed.parse::<u32>() {
        Ok(hours) if hours <= MAX_GRACE_HOURS => Ok(Some((hours * 60) as i32).filter(|m| *m > 0)),
        _ => Err(InvalidField::new(field, "invalid-grace-hours")
            .with("value", typed)
            .with("max", MAX_GRACE_HOURS)),
    }
}

/// What the form asks for one existing question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionAction {
    Keep,
    Retire,
    Remove,
}

impl QuestionAction {
    pub fn parse(code: &str) -> Self {
        match code {
            "retire" => Self::Retire,
            "remove" => Self::Remove,
            _ => Self::Keep,
        }
    }
}

/// A question's text, checked: 1 to 500 characters on one line.
pub fn question_text(field: &'static str, text: &str) -> Result<String, InvalidField> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    required(
        field,
        &flat,
        MAX_QUESTION,
        "the question's text (or remove it)",
    )
}

/// New questions, one a line.
pub fn new_questions(text: &str) -> Result<Vec<String>, InvalidField> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| question_text("new_questions", line))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::authoring::fields::question_field;

    #[test]
    fn question_rows_have_fields_and_new_questions_one_a_line() {
        assert_eq!(question_field(2), "question_2");
        assert_eq!(question_field(0), "new_questions");
        assert_eq!(question_field(31), "new_questions");
        assert_eq!(
            new_questions("  First?\n\nSecond?  ").unwrap(),
            ["First?", "Second?"]
        );
        assert!(question_text("question_1", "  ").is_err());
    }

    #[test]
    fn a_grace_period_is_whole_hours_up_to_thirty_days() {
        assert_eq!(grace_hours("g", " ").unwrap(), None);
        assert_eq!(grace_hours("g", "0").unwrap(), None);
        assert_eq!(grace_hours("g", "24").unwrap(), Some(1440));
        assert_eq!(grace_hours("g", "720").unwrap(), Some(43200));
        for bad in ["721", "-1", "1.5", "a day"] {
            assert!(grace_hours("g", bad).is_err(), "{bad}");
        }
    }
}
