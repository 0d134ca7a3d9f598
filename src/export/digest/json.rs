//! `{"version": 2, "consultation": …, "roundtables": [{…, "questions":
//! [{…, "threads": [{comment, "replies": [...]}]}], "threads_without_question":
//! [...]}]}`, streamed: only the open thread's ancestors are remembered.

use super::writer::{local, DigestWriteError, DigestWriter};
use crate::domain::roundtable::GuidingQuestion;
use crate::services::digest::{DigestEvent, DigestPlan, DigestRow, PlannedRoundtable};
use crate::services::outcomes::{OutcomeSection, ShownOutcome};
use chrono_tz::Tz;
use serde_json::{json, Value};
use std::io::Write;

/// 2: comments nested by question and thread (1 listed them flat).
pub const JSON_VERSION: u32 = 2;

/// A JSON object without its closing brace, so that a list can follow.
fn left_open(object: &Value) -> Vec<u8> {
    let mut bytes = object.to_string().into_bytes();
    bytes.pop();
    bytes
}

fn points(section: Option<&OutcomeSection>) -> (Vec<&str>, Vec<&str>) {
    section.map_or((vec![], vec![]), |s| {
        (
            s.synthesis.iter().map(|p| p.markdown.as_str()).collect(),
            s.recommendations
                .iter()
                .map(|p| p.markdown.as_str())
                .collect(),
        )
    })
}

fn outcome_json(outcome: Option<&ShownOutcome>) -> Value {
    match outcome {
        None => Value::Null,
        Some(o) => {
            let (synthesis, recommendations) = points(o.section_for(None));
            json!({
                "status": o.status.code(),
                "published_at": o.published_at,
                "summary": o.summary_markdown,
                "across_questions": { "synthesis": synthesis, "recommendations": recommendations },
            })
        }
    }
}

fn roundtable_json(planned: &PlannedRoundtable) -> Value {
    let r = &planned.roundtable;
    json!({
        "slug": r.slug.to_string(),
        "code": r.code,
        "title": r.title,
        "outcome": outcome_json(planned.outcome.as_ref()),
    })
}

fn question_json(q: &GuidingQuestion, outcome: Option<&ShownOutcome>) -> Value {
    let (synthesis, recommendations) = points(outcome.and_then(|o| o.section_for(Some(q))));
    json!({
        "number": q.number,
        "text": q.text,
        "retired": q.retired,
        "synthesis": synthesis,
        "recommendations": recommendations,
    })
}

fn comment_json(row: &DigestRow, zone: Tz) -> Value {
    let a = &row.author;
    json!({
        "reference": row.reference,
        "guiding_questions": row.questions.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        "parent": row.parent_reference,
        "depth": row.depth,
        "thread_order": row.thread_order,
        "author": {
            "name": a.display_name,
            "organisation": a.organisation,
            "organisation_type": a.organisation_type.map(|t| t.code()),
            "country": a.country.map(|c| c.code()),
        },
        "created_at": row.created_at,
        "created_local": local(row, zone),
        "status": row.status,
        "decision_reason": row.decision_reason,
        "highlighted": row.highlighted,
        "cited_in_outcome": row.cited,
        "late": row.late.map(|mark| mark.code()),
        "themes": row.themes,
        "retained_for_report": row.retained,
        "body": row.body_text,
        "body_markdown": row.body_markdown,
    })
}

/// Where the writer stands in the nesting.
#[derive(PartialEq, Eq)]
enum Open {
    Nothing,
    /// Inside a roundtable's "questions" list, before any question.
    Questions,
    /// Inside a question's "threads" list.
    QuestionThreads,
    /// Inside the roundtable's "threads_without_question" list.
    LooseThreads,
}

pub struct JsonDigest<W: Write> {
    out: W,
    zone: Tz,
    open: Open,
    /// The open comments, innermost last; each is inside its "replies" list.
    ancestors: Vec<String>,
    /// Whether the innermost open list has an item yet.
    list_has_item: bool,
    first_roundtable: bool,
    outcome: Option<ShownOutcome>,
}

impl<W: Write> JsonDigest<W> {
    pub fn start(mut out: W, plan: &DigestPlan) -> Result<Self, DigestWriteError> {
        let c = &plan.consultation;
        let f = &plan.filter;
        let head = json!({
            "version": JSON_VERSION,
            "consultation": {
                "slug": c.slug.to_string(),
                "title": c.title,
                "time_zone": c.time_zone.name(),
                "starts_at": c.starts_at,
                "ends_at": c.ends_at,
                "organisers": plan.organisations.iter().map(|o| json!({"role": o.role.code(), "name": o.name})).collect::<Vec<_>>(),
            },
            "filters": {
                "from": f.from, "to": f.to, "question": f.question,
                "organisation_type": f.organisation_type.map(|t| t.code()),
                "country": f.country.map(|c| c.code()),
                "include_unpublished": f.include_unpublished,
            },
        });
        out.write_all(&left_open(&head))?;
        out.write_all(b",\"roundtables\":[")?;
        // The head leaves before the first (perhaps slow) question group.
        out.flush()?;
        Ok(Self {
            out,
            zone: c.time_zone,
            open: Open::Nothing,
            ancestors: Vec::new(),
            list_has_item: false,
            first_roundtable: true,
            outcome: None,
        })
    }

    /// Closes open comments until `parent` is the innermost (or none is open).
    fn close_to(&mut self, parent: Option<&str>) -> std::io::Result<()> {
        while let Some(last) = self.ancestors.last() {
            if Some(last.as_str()) == parent {
                break;
            }
            self.out.write_all(b"]}")?;
            self.ancestors.pop();
            self.list_has_item = true;
        }
        Ok(())
    }

    fn close_group(&mut self) -> std::io::Result<()> {
        self.close_to(None)?;
        match self.open {
            Open::QuestionThreads => self.out.write_all(b"]}")?,
            Open::LooseThreads => self.out.write_all(b"]")?,
            Open::Questions | Open::Nothing => {}
        }
        Ok(())
    }

    fn close_roundtable(&mut self) -> std::io::Result<()> {
        self.close_group()?;
        match self.open {
            Open::Nothing => return Ok(()),
            Open::Questions | Open::QuestionThreads => {
                self.out.write_all(b"],\"threads_without_question\":[]}")?
            }
            Open::LooseThreads => self.out.write_all(b"}")?,
        }
        self.open = Open::Nothing;
        Ok(())
    }
}

impl<W: Write> DigestWriter for JsonDigest<W> {
    fn event(&mut self, event: DigestEvent) -> Result<(), DigestWriteError> {
        match event {
            DigestEvent::Roundtable(planned, _) => {
                self.close_roundtable()?;
                if !self.first_roundtable {
                    self.out.write_all(b",")?;
                }
                self.first_roundtable = false;
                self.out.write_all(&left_open(&roundtable_json(planned)))?;
                self.out.write_all(b",\"questions\":[")?;
                self.outcome = planned.outcome.clone();
                self.open = Open::Questions;
                self.list_has_item = false;
            }
            DigestEvent::Question(question, _) => {
                let first_question = self.open == Open::Questions;
                self.close_group()?;
                match question {
                    Some(q) => {
                        if !first_question {
                            self.out.write_all(b",")?;
                        }
                        self.out
                            .write_all(&left_open(&question_json(q, self.outcome.as_ref())))?;
                        self.out.write_all(b",\"threads\":[")?;
                        self.open = Open::QuestionThreads;
                    }
                    None => {
                        self.out.write_all(b"],\"threads_without_question\":[")?;
                        self.open = Open::LooseThreads;
                    }
                }
                self.list_has_item = false;
            }
            DigestEvent::Comment(row) => {
                self.close_to(row.parent_reference.as_deref())?;
                if self.list_has_item {
                    self.out.write_all(b",")?;
                }
                self.out
                    .write_all(&left_open(&comment_json(&row, self.zone)))?;
                self.out.write_all(b",\"replies\":[")?;
                self.ancestors.push(row.reference);
                self.list_has_item = false;
            }
            DigestEvent::LateLeftOut(_) => {}
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), DigestWriteError> {
        self.close_roundtable()?;
        // The object ends with its fingerprint member (`seal`).
        self.out.write_all(b"]")?;
        self.out.flush()?;
        Ok(())
    }
}
