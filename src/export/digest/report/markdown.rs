//! The report in Markdown. Names, titles and comment sources are written
//! with `<` and `>` escaped, so that a converter never runs HTML someone
//! typed; comment sources are quoted line by line so that their headings
//! and lists stay inside them.

use super::parts::{dates, filter_lines, outcome_state, question_heading};
use crate::domain::digest::Participation;
use crate::domain::roundtable::GuidingQuestion;
use crate::export::digest::writer::{attribution, local, DigestWriteError, DigestWriter};
use crate::services::digest::{DigestEvent, DigestPlan, DigestRow, PlannedRoundtable};
use crate::services::outcomes::{OutcomeSection, ShownOutcome};
use chrono_tz::Tz;
use std::io::Write;

pub struct MarkdownDigest<W: Write> {
    out: W,
    zone: Tz,
    outcome: Option<ShownOutcome>,
    unpublished: bool,
}

/// Markup a Markdown converter would pass through as HTML, made text.
fn no_html(text: &str) -> String {
    text.replace('<', "&lt;").replace('>', "&gt;")
}

/// Text on one line, for headings, list items and table cells.
fn line(text: &str) -> String {
    no_html(&text.replace(['\n', '\r'], " "))
}

/// Every line of `text` quoted, so that a comment's own headings and
/// lists stay inside it.
fn quoted(text: &str) -> String {
    no_html(text)
        .lines()
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
            "Gender is not shown: it is given for a whole roundtable only, when at least 5 participants gave one, and never when one group would hold everyone.\n"
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
        // The head leaves at once; the figures need a pass over the comments.
        out.flush()?;
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
            if let Some(across) = o.section_for(None) {
                writeln!(out, "#### Across the questions\n")?;
                points_md(out, "Synthesis", &across.synthesis)?;
                points_md(out, "Recommendations", &across.recommendations)?;
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
        if row.late.is_some() {
            facts.push(crate::domain::late::digest_words(row.late).into());
        }
        match row.retained {
            Some(true) => facts.push("retained for the report".into()),
            Some(false) => facts.push("not retained".into()),
            None => {}
        }
        if !row.themes.is_empty() {
            facts.push(format!("themes: {}", row.themes.join(", ")));
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
            DigestEvent::LateLeftOut(count) => {
                writeln!(self.out, "*{}*\n", super::html::left_out_words(count))?
            }
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), DigestWriteError> {
        self.out.flush()?;
        Ok(())
    }
}
