//! What the Markdown and HTML reports say alike: dates, the filter in
//! words, question headings and an outcome's state.

use crate::domain::roundtable::GuidingQuestion;
use crate::services::digest::DigestPlan;
use crate::services::outcomes::ShownOutcome;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

pub(super) fn day(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%-d %B %Y").to_string()
}

pub(super) fn dates(plan: &DigestPlan) -> Option<String> {
    let c = &plan.consultation;
    let zone = c.time_zone;
    match (c.starts_at, c.ends_at) {
        (Some(from), Some(to)) if day(from, zone) != day(to, zone) => {
            Some(format!("{} – {}", day(from, zone), day(to, zone)))
        }
        (Some(from), _) => Some(day(from, zone)),
        _ => None,
    }
}

pub(super) fn filter_lines(plan: &DigestPlan) -> Vec<String> {
    let f = &plan.filter;
    let mut lines = Vec::new();
    if let Some(from) = f.from {
        lines.push(format!("Written from {from}"));
    }
    if let Some(to) = f.to {
        lines.push(format!("Written until {to}"));
    }
    if let Some(n) = f.question {
        lines.push(format!("Question {n} only"));
    }
    if let Some(t) = f.organisation_type {
        lines.push(format!("Organisation type: {}", t.label()));
    }
    if let Some(c) = f.country {
        lines.push(format!("Country: {}", c.name()));
    }
    if f.include_unpublished {
        lines
            .push("Includes comments that are not published (pending, rejected, withdrawn)".into());
    }
    lines
}

pub(super) fn question_heading(question: Option<&GuidingQuestion>) -> String {
    match question {
        Some(q) => format!("Question {}: {}", q.number, q.text),
        None => "Comments not tied to a question".into(),
    }
}

pub(super) fn outcome_state(outcome: &ShownOutcome, zone: Tz) -> String {
    match outcome.published_at {
        Some(at) if outcome.status == crate::domain::outcome::OutcomeStatus::Published => {
            format!("Published by the chairs on {}", day(at, zone))
        }
        _ => "Draft: not yet published".into(),
    }
}
