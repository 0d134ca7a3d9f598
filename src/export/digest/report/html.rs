//! The report as one printable HTML file: tera templates under
//! templates/digest/ (escaped), an A4 print stylesheet, a page break
//! between roundtables.

use super::parts::{dates, filter_lines, outcome_state, question_heading};
use crate::export::digest::writer::{attribution, local, DigestWriteError, DigestWriter};
use crate::services::digest::{DigestEvent, DigestPlan, DigestRow};
use crate::services::outcomes::ShownOutcome;
use crate::templates::Templates;
use crate::text::SafeHtml;
use chrono_tz::Tz;
use serde::Serialize;
use std::io::Write;

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
    /// "Late — included by the chairs" (late comments in a report are included).
    late: &'static str,
    retained: Option<bool>,
    themes: Vec<String>,
    status: Option<&'static str>,
    body_html: SafeHtml,
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
        late: crate::domain::late::digest_words(row.late),
        retained: row.retained,
        themes: row.themes.clone(),
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
    /// The slug of the roundtable being written, for unique anchors.
    roundtable: String,
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
                "content_language": c.content_language,
            }),
        )?;
        out.write_all(page.as_bytes())?;
        // The head leaves at once; the figures need a pass over the comments.
        out.flush()?;
        Ok(Self {
            out,
            templates,
            zone: c.time_zone,
            outcome: None,
            unpublished: plan.filter.include_unpublished,
            in_roundtable: false,
            in_group: None,
            first_roundtable: true,
            roundtable: String::new(),
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

fn points_html(points: &[crate::services::outcomes::ShownPoint]) -> Vec<&SafeHtml> {
    points.iter().map(|p| &p.html).collect()
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
                            "across": o.section_for(None).map(|s| serde_json::json!({
                                "synthesis": points_html(&s.synthesis),
                                "recommendations": points_html(&s.recommendations),
                            })),
                        })),
                    }),
                )?;
                self.out.write_all(html.as_bytes())?;
                self.outcome = planned.outcome.clone();
                self.roundtable = r.slug.to_string();
                self.first_roundtable = false;
                self.in_roundtable = true;
            }
            DigestEvent::Question(question, highlights) => {
                self.close_group()?;
                // Points across the questions are shown with the outcome.
                let section = question
                    .and_then(|q| self.outcome.as_ref().and_then(|o| o.section_for(Some(q))));
                let html = self.templates.render(
                    "digest/question.html",
                    &serde_json::json!({
                        "heading": question_heading(question),
                        "anchor": match question {
                            Some(q) => format!("{}-question-{}", self.roundtable, q.number),
                            None => format!("{}-no-question", self.roundtable),
                        },
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
            DigestEvent::LateLeftOut(count) => {
                writeln!(
                    self.out,
                    "<p class=\"late-left-out\">{}</p>",
                    left_out_words(count)
                )?;
            }
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), DigestWriteError> {
        self.close_roundtable()?;
        // The body and the document end with the fingerprint's footer (`seal`).
        self.out.write_all(b"</main>\n")?;
        self.out.flush()?;
        Ok(())
    }
}

/// The line that counts the late comments a report leaves out.
pub(super) fn left_out_words(count: usize) -> String {
    match count {
        1 => "1 late comment is not in the report: the chairs have not included it.".into(),
        n => format!("{n} late comments are not in the report: the chairs have not included them."),
    }
}
