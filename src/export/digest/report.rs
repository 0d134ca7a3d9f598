//! The meeting report's raw material, in Markdown and in printable HTML:
//! the consultation, then per roundtable its background, guiding
//! questions and participation figures, and per question the chairs'
//! synthesis and recommendations, the highlighted comments quoted, then
//! every comment in thread order.

use super::{attribution, local, DigestWriteError, DigestWriter};
use crate::domain::digest::Participation;
use crate::domain::roundtable::GuidingQuestion;
use crate::services::digest::{DigestEvent, DigestPlan, DigestRow, PlannedRoundtable};
use crate::services::outcomes::{OutcomeSection, ShownOutcome};
use crate::templates::Templates;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::io::Write;

fn day(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%-d %B %Y").to_string()
}

fn dates(plan: &DigestPlan) -> Option<String> {
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

fn filter_lines(plan: &DigestPlan) -> Vec<String> {
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

fn question_heading(question: Option<&GuidingQuestion>) -> String {
    match question {
        Some(q) => format!("Question {}: {}", q.number, q.text),
        None => "Comments not tied to a question".into(),
    }
}

fn outcome_state(outcome: &ShownOutcome, zone: Tz) -> String {
    match outcome.published_at {
        Some(at) if outcome.status == crate::domain::outcome::OutcomeStatus::Published => {
            format!("Published by the chairs on {}", day(at, zone))
        }
        _ => "Draft: not yet published".into(),
    }
}

// ---------------------------------------------------------------- Markdown

pub struct MarkdownDigest<W: Write> {
    out: W,
    zone: Tz,
    outcome: Option<ShownOutcome>,
    unpublished: bool,
}

/// Text that must not start Markdown structure where it is put.
fn line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// Every line of `text` quoted, so that a comment's own headings and
/// lists stay inside it.
fn quoted(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_owned()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn points_md(
    out: &mut impl Write,
    title: &str,
    points: &[crate::services::outcomes::ShownPoint],
) -> std::io::Result<()> {
    if points.is_empty() {
        return Ok(());
    }
    writeln!(out, "**{title}**\n")?;
    for (i, p) in points.iter().enumerate() {
        let indent = " ".repeat(format!("{}. ", i + 1).len());
        let body = p
            .markdown
            .lines()
            .collect::<Vec<_>>()
            .join(&format!("\n{indent}"));
        writeln!(out, "{}. {body}", i + 1)?;
    }
    writeln!(out)
}

fn figures_md(out: &mut impl Write, f: &Participation) -> std::io::Result<()> {
    writeln!(out, "### Participation\n")?;
    writeln!(
        out,
        "{} comments from {} participants and {} organisations.\n",
        f.comments, f.participants, f.organisations
    )?;
    let table = |out: &mut dyn Write,
                 title: &str,
                 unit: &str,
                 rows: &[(String, usize)]|
     -> std::io::Result<()> {
        writeln!(out, "| {title} | {unit} |\n|---|---:|")?;
        for (label, n) in rows {
            writeln!(out, "| {} | {n} |", line(label).replace('|', "\\|"))?;
        }
        writeln!(out)
    };
    table(
        out,
        "Organisation type",
        "Comments",
        &f.by_organisation_type,
    )?;
    table(out, "Country", "Comments", &f.by_country)?;
    match &f.by_gender {
        Some(rows) => table(out, "Gender (self-declared)", "Participants", rows)?,
        None => writeln!(
            out,
            "Gender is not shown: fewer than 5 participants gave one.\n"
        )?,
    }
    Ok(())
}

impl<W: Write> MarkdownDigest<W> {
    pub fn start(mut out: W, plan: &DigestPlan) -> Result<Self, DigestWriteError> {
        let c = &plan.consultation;
        writeln!(out, "# {}\n", line(&c.title))?;
        if let Some(dates) = dates(plan) {
            writeln!(out, "- **Dates:** {dates}")?;
        }
        if let Some(venue) = &c.venue {
            writeln!(out, "- **Venue:** {}", line(venue))?;
        }
        for o in &plan.organisations {
            writeln!(out, "- **{}:** {}", o.role.label(), line(&o.name))?;
        }
        for f in filter_lines(plan) {
            writeln!(out, "- **Selection:** {f}")?;
        }
        writeln!(out)?;
        if !c.summary.is_empty() {
            writeln!(out, "{}\n", c.summary.trim())?;
        }
        if !plan.description_markdown.trim().is_empty() {
            writeln!(
                out,
                "## Background\n\n{}\n",
                plan.description_markdown.trim()
            )?;
        }
        Ok(Self {
            out,
            zone: c.time_zone,
            outcome: None,
            unpublished: plan.filter.include_unpublished,
        })
    }

    fn roundtable(
        &mut self,
        planned: &PlannedRoundtable,
        figures: Option<&Participation>,
    ) -> std::io::Result<()> {
        let r = &planned.roundtable;
        let out = &mut self.out;
        writeln!(out, "\n---\n\n## {}\n", line(&r.full_title()))?;
        if !r.summary.is_empty() {
            writeln!(out, "{}\n", r.summary.trim())?;
        }
        if !planned.background_markdown.trim().is_empty() {
            writeln!(
                out,
                "### Background\n\n{}\n",
                planned.background_markdown.trim()
            )?;
        }
        if !planned.objectives_markdown.trim().is_empty() {
            writeln!(
                out,
                "### Objectives\n\n{}\n",
                planned.objectives_markdown.trim()
            )?;
        }
        if !planned.questions.is_empty() {
            writeln!(out, "### Guiding questions\n")?;
            for q in &planned.questions {
                let retired = if q.retired { " *(retired)*" } else { "" };
                writeln!(out, "{}. {}{retired}", q.number, line(&q.text))?;
            }
            writeln!(out)?;
        }
        if let Some(f) = figures {
            figures_md(out, f)?;
        }
        if let Some(o) = &planned.outcome {
            writeln!(out, "### Outcome\n\n*{}*\n", outcome_state(o, self.zone))?;
            if !o.summary_markdown.is_empty() {
                writeln!(out, "{}\n", o.summary_markdown)?;
            }
        }
        self.outcome = planned.outcome.clone();
        Ok(())
    }

    fn question(
        &mut self,
        question: Option<&GuidingQuestion>,
        highlights: &[DigestRow],
    ) -> std::io::Result<()> {
        let out = &mut self.out;
        writeln!(out, "### {}\n", line(&question_heading(question)))?;
        let section: Option<&OutcomeSection> =
            self.outcome.as_ref().and_then(|o| o.section_for(question));
        if let Some(s) = section {
            points_md(out, "Synthesis", &s.synthesis)?;
            points_md(out, "Recommendations", &s.recommendations)?;
        }
        if !highlights.is_empty() {
            writeln!(out, "**Highlighted comments**\n")?;
            for h in highlights {
                writeln!(
                    out,
                    "{}\n>\n> — {}, #{}\n",
                    quoted(&h.body_markdown),
                    line(&attribution(h)),
                    h.reference
                )?;
            }
        }
        writeln!(out, "**All comments**\n")?;
        Ok(())
    }

    fn comment(&mut self, row: &DigestRow) -> std::io::Result<()> {
        let mut facts = vec![format!("#{}", row.reference), local(row, self.zone)];
        if let Some(parent) = &row.parent_reference {
            facts.push(format!("in reply to #{parent}"));
        }
        if row.questions.len() > 1 {
            let numbers: Vec<String> = row.questions.iter().map(|(n, _)| n.to_string()).collect();
            facts.push(format!("questions {}", numbers.join(", ")));
        }
        if row.highlighted {
            facts.push("highlighted".into());
        }
        if row.cited {
            facts.push("cited in the outcome".into());
        }
        if self.unpublished {
            facts.push(row.status.to_owned());
        }
        writeln!(
            self.out,
            "#### {}\n\n*{}*\n\n{}\n",
            line(&attribution(row)),
            facts.join(" · "),
            quoted(&row.body_markdown)
        )
    }
}

impl<W: Write> DigestWriter for MarkdownDigest<W> {
    fn event(&mut self, event: DigestEvent) -> Result<(), DigestWriteError> {
        match event {
            DigestEvent::Roundtable(planned, figures) => self.roundtable(planned, figures)?,
            DigestEvent::Question(question, highlights) => self.question(question, &highlights)?,
            DigestEvent::Comment(row) => self.comment(&row)?,
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), DigestWriteError> {
        self.out.flush()?;
        Ok(())
    }
}

// ---------------------------------------------------------------- HTML

#[derive(Serialize)]
struct CommentHtml {
    reference: String,
    attribution: String,
    posted: String,
    depth: usize,
    in_reply_to: Option<String>,
    questions: Option<String>,
    highlighted: bool,
    cited: bool,
    status: Option<&'static str>,
    body_html: String,
}

fn comment_html(row: &DigestRow, zone: Tz, unpublished: bool) -> CommentHtml {
    CommentHtml {
        reference: row.reference.clone(),
        attribution: attribution(row),
        posted: local(row, zone),
        depth: row.depth.min(4),
        in_reply_to: row.parent_reference.clone(),
        questions: (row.questions.len() > 1).then(|| {
            row.questions
                .iter()
                .map(|(n, _)| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }),
        highlighted: row.highlighted,
        cited: row.cited,
        status: unpublished.then_some(row.status),
        body_html: row.body_html.clone(),
    }
}

pub struct HtmlDigest<'t, W: Write> {
    out: W,
    templates: &'t Templates,
    zone: Tz,
    outcome: Option<ShownOutcome>,
    unpublished: bool,
    in_roundtable: bool,
    in_group: Option<usize>,
    first_roundtable: bool,
}

impl<'t, W: Write> HtmlDigest<'t, W> {
    pub fn start(
        mut out: W,
        plan: &DigestPlan,
        templates: &'t Templates,
    ) -> Result<Self, DigestWriteError> {
        let c = &plan.consultation;
        let page = templates.render(
            "digest/start.html",
            &serde_json::json!({
                "title": c.title,
                "summary": c.summary,
                "dates": dates(plan),
                "venue": c.venue,
                "organisers": plan.organisations.iter().map(|o| (o.role.label(), &o.name)).collect::<Vec<_>>(),
                "description_html": c.description_html,
                "selection": filter_lines(plan),
                "lang": c.content_language,
            }),
        )?;
        out.write_all(page.as_bytes())?;
        Ok(Self {
            out,
            templates,
            zone: c.time_zone,
            outcome: None,
            unpublished: plan.filter.include_unpublished,
            in_roundtable: false,
            in_group: None,
            first_roundtable: true,
        })
    }

    fn close_group(&mut self) -> std::io::Result<()> {
        if let Some(count) = self.in_group.take() {
            self.out.write_all(b"</ol>\n")?;
            if count == 0 {
                self.out
                    .write_all(b"<p class=\"none\">No comments.</p>\n")?;
            }
            self.out.write_all(b"</section>\n")?;
        }
        Ok(())
    }

    fn close_roundtable(&mut self) -> std::io::Result<()> {
        self.close_group()?;
        if self.in_roundtable {
            self.out.write_all(b"</section>\n")?;
            self.in_roundtable = false;
        }
        Ok(())
    }
}

fn points_html(points: &[crate::services::outcomes::ShownPoint]) -> Vec<&str> {
    points.iter().map(|p| p.html.as_str()).collect()
}

impl<W: Write> DigestWriter for HtmlDigest<'_, W> {
    fn event(&mut self, event: DigestEvent) -> Result<(), DigestWriteError> {
        match event {
            DigestEvent::Roundtable(planned, figures) => {
                self.close_roundtable()?;
                let r = &planned.roundtable;
                let html = self.templates.render(
                    "digest/roundtable.html",
                    &serde_json::json!({
                        "first": self.first_roundtable,
                        "slug": r.slug.to_string(),
                        "full_title": r.full_title(),
                        "summary": r.summary,
                        "background_html": r.background_html,
                        "objectives_html": r.objectives_html,
                        "questions": planned.questions.iter().map(|q| serde_json::json!({"number": q.number, "text": q.text, "retired": q.retired})).collect::<Vec<_>>(),
                        "figures": figures.map(|f| serde_json::json!({
                            "comments": f.comments,
                            "participants": f.participants,
                            "organisations": f.organisations,
                            "by_organisation_type": f.by_organisation_type,
                            "by_country": f.by_country,
                            "by_gender": f.by_gender,
                        })),
                        "outcome": planned.outcome.as_ref().map(|o| serde_json::json!({
                            "state": outcome_state(o, self.zone),
                            "summary_html": o.summary_html,
                        })),
                    }),
                )?;
                self.out.write_all(html.as_bytes())?;
                self.outcome = planned.outcome.clone();
                self.first_roundtable = false;
                self.in_roundtable = true;
            }
            DigestEvent::Question(question, highlights) => {
                self.close_group()?;
                let section = self.outcome.as_ref().and_then(|o| o.section_for(question));
                let html = self.templates.render(
                    "digest/question.html",
                    &serde_json::json!({
                        "heading": question_heading(question),
                        "anchor": question.map_or("no-question".to_owned(), |q| format!("question-{}", q.number)),
                        "synthesis": section.map(|s| points_html(&s.synthesis)).unwrap_or_default(),
                        "recommendations": section.map(|s| points_html(&s.recommendations)).unwrap_or_default(),
                        "highlights": highlights.iter().map(|h| comment_html(h, self.zone, self.unpublished)).collect::<Vec<_>>(),
                    }),
                )?;
                self.out.write_all(html.as_bytes())?;
                self.in_group = Some(0);
            }
            DigestEvent::Comment(row) => {
                if let Some(count) = self.in_group.as_mut() {
                    *count += 1;
                }
                let html = self.templates.render(
                    "digest/comment.html",
                    &comment_html(&row, self.zone, self.unpublished),
                )?;
                self.out.write_all(html.as_bytes())?;
            }
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), DigestWriteError> {
        self.close_roundtable()?;
        self.out.write_all(b"</main>\n</body>\n</html>\n")?;
        self.out.flush()?;
        Ok(())
    }
}
