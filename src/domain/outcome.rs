//! A roundtable's outcome: the chairs' synthesis and recommendations, per
//! guiding question, as numbered points that cite comments by their short
//! reference (`#c-2f9a01bc`, or a prefix of at least four characters; see
//! `citation`).

use super::affiliation::closed_list;
use super::citation::{citations_in, malformed_citations};
use super::InvalidField;

closed_list!(
    /// What a point of the outcome is.
    OutcomeKind {
        Synthesis => "synthesis", "Synthesis",
        Recommendation => "recommendation", "Recommendations",
    }
);

closed_list!(
    OutcomeStatus {
        Draft => "draft", "Draft",
        Published => "published", "Published",
    }
);

/// Sections beyond this many questions share the "general" fields.
pub const MAX_QUESTIONS: usize = 30;
const MAX_SECTION_CHARS: usize = 20_000;
const MAX_SUMMARY_CHARS: usize = 20_000;
const MAX_POINTS: usize = 50;

const SYNTHESIS_FIELDS: [&str; MAX_QUESTIONS + 1] = numbered_fields!("synthesis_");
const RECOMMENDATION_FIELDS: [&str; MAX_QUESTIONS + 1] = numbered_fields!("recommendations_");

/// The form field of a section: `synthesis_2`, `recommendations_general`.
/// Questions numbered beyond `MAX_QUESTIONS` have none.
pub fn section_field(kind: OutcomeKind, question: Option<usize>) -> Option<&'static str> {
    let index = match question {
        None => 0,
        Some(n) if (1..=MAX_QUESTIONS).contains(&n) => n,
        Some(_) => return None,
    };
    Some(match kind {
        OutcomeKind::Synthesis => SYNTHESIS_FIELDS[index],
        OutcomeKind::Recommendation => RECOMMENDATION_FIELDS[index],
    })
}

/// One section as the chair typed it: the points of one kind for one
/// question (None: not tied to a question).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSource {
    pub question: Option<usize>,
    pub kind: OutcomeKind,
    pub source: String,
}

/// One point, checked: its Markdown and the references it cites, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointDraft {
    pub question: Option<usize>,
    pub kind: OutcomeKind,
    /// From 1 within its section.
    pub number: usize,
    pub markdown: String,
    pub citations: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeDraft {
    pub summary: String,
    /// The references the introduction cites, as typed.
    pub summary_citations: Vec<String>,
    pub points: Vec<PointDraft>,
}

impl OutcomeDraft {
    /// Splits every section into points and finds their citations; each
    /// field's mistakes are reported against that field.
    pub fn parse(summary: &str, sections: &[SectionSource]) -> Result<Self, Vec<InvalidField>> {
        let (draft, errors) = Self::read(summary, sections);
        if errors.is_empty() {
            Ok(draft)
        } else {
            Err(errors)
        }
    }

    /// What `parse` reads, with every mistake beside it rather than
    /// instead of it, so that one answer can also name the citations that
    /// name no comment. A section too long to read has no points.
    pub fn read(summary: &str, sections: &[SectionSource]) -> (Self, Vec<InvalidField>) {
        let mut errors = Vec::new();
        if summary.chars().count() > MAX_SUMMARY_CHARS {
            errors.push(
                InvalidField::new("summary", "invalid-outcome-summary-long")
                    .with("limit", MAX_SUMMARY_CHARS),
            );
        }
        errors.extend(malformed_citations("summary", summary));
        let mut points = Vec::new();
        for section in sections {
            let Some(field) = section_field(section.kind, section.question) else {
                continue;
            };
            if section.source.chars().count() > MAX_SECTION_CHARS {
                errors.push(
                    InvalidField::new(field, "invalid-outcome-section-long")
                        .with("limit", MAX_SECTION_CHARS),
                );
                continue;
            }
            errors.extend(malformed_citations(field, &section.source));
            let texts = split_points(&section.source);
            if texts.len() > MAX_POINTS {
                errors.push(
                    InvalidField::new(field, "invalid-outcome-points")
                        .with("limit", MAX_POINTS)
                        .with("count", texts.len()),
                );
                continue;
            }
            for (i, markdown) in texts.into_iter().enumerate() {
                points.push(PointDraft {
                    question: section.question,
                    kind: section.kind,
                    number: i + 1,
                    citations: citations_in(&markdown),
                    markdown,
                });
            }
        }
        let summary = summary.trim().to_owned();
        let draft = Self {
            summary_citations: citations_in(&summary),
            summary,
            points,
        };
        (draft, errors)
    }
}

/// The length of a list marker ("1. ", "12) ", "- ") at the start of a
/// line, indentation included; None if the line is not a list item.
fn marker_width(line: &str) -> Option<usize> {
    // Markers stand at the margin; an indented one belongs to a list inside a point.
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 1 {
        return None;
    }
    let rest = &line[indent..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let marker = if (1..=3).contains(&digits) && rest[digits..].starts_with(['.', ')']) {
        digits + 1
    } else if digits == 0 && rest.starts_with(['-', '*', '+']) {
        1
    } else {
        return None;
    };
    let after = &rest[marker..];
    let space = after.len() - after.trim_start_matches([' ', '\t']).len();
    (space > 0 || after.is_empty()).then_some(indent + marker + space)
}

/// The points of a section: the items of a numbered (or bulleted) list,
/// or, when the text has no list, its paragraphs. Numbers are the
/// section's own, so the markers are dropped.
pub fn split_points(source: &str) -> Vec<String> {
    let lines: Vec<&str> = source.lines().collect();
    let listed = lines.iter().any(|l| marker_width(l).is_some());
    let mut points: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    let mut indent = 0;
    let mut blank_before = true;
    for line in lines {
        if line.trim().is_empty() {
            blank_before = true;
            if let Some(point) = current.as_mut() {
                point.push('\n');
            }
            continue;
        }
        let new_point = if listed {
            marker_width(line).map(|width| {
                indent = width;
                line[width..].to_owned()
            })
        } else {
            blank_before.then(|| line.trim_start().to_owned())
        };
        blank_before = false;
        match (new_point, current.as_mut()) {
            (Some(text), _) => points.extend(current.replace(text)),
            (None, Some(point)) => {
                point.push('\n');
                point.push_str(strip_indent(line, indent));
            }
            // Text before the first list item is a point of its own.
            (None, None) => current = Some(line.trim_start().to_owned()),
        }
    }
    points.extend(current);
    points
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// A section's points as a numbered list again, for the editing form:
/// `split_points` reads it back to the same points.
pub fn section_source<'a>(points: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, point) in points.into_iter().enumerate() {
        let marker = format!("{}. ", i + 1);
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&marker);
        for (n, line) in point.lines().enumerate() {
            if n > 0 {
                out.push('\n');
                if !line.is_empty() {
                    out.push_str(&" ".repeat(marker.len()));
                }
            }
            out.push_str(line);
        }
    }
    out
}

fn strip_indent(line: &str, indent: usize) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    &line[spaces.min(indent)..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_lists_become_points_and_their_numbers_are_dropped() {
        let points = split_points(
            "1. Cities lead on integration.\n   They fund language courses.\n\n2) Diaspora groups #c-2f9a01bc\n- Third",
        );
        assert_eq!(
            points,
            [
                "Cities lead on integration.\nThey fund language courses.",
                "Diaspora groups #c-2f9a01bc",
                "Third"
            ]
        );
    }

    #[test]
    fn the_form_shows_points_as_a_list_that_reads_back_the_same() {
        let points = [
            "Cities lead.\n\n- with budgets\n- with staff",
            "Second",
            "Third\nline",
        ];
        let mut many: Vec<&str> = points.to_vec();
        many.extend(std::iter::repeat_n("More\ntext", 9));
        assert_eq!(split_points(&section_source(many.iter().copied())), many);
    }

    #[test]
    fn paragraphs_are_points_when_there_is_no_list() {
        assert_eq!(
            split_points("First point\ncontinued.\n\n\nSecond point."),
            ["First point\ncontinued.", "Second point."]
        );
        assert!(split_points("  \n\n").is_empty());
        // A year at the start of a line is not a list marker.
        assert_eq!(split_points("2019. A year."), ["2019. A year."]);
    }

    /// A mistake as (field, reason, the reference it names).
    fn named(e: &InvalidField) -> (&'static str, &'static str, String) {
        let reference = e.message.args.iter().find(|(name, _)| *name == "reference");
        let reference = match reference {
            Some((_, crate::domain::message::Arg::Text(text))) => text.clone(),
            _ => String::new(),
        };
        (e.field, e.message.key, reference)
    }

    #[test]
    fn nothing_that_looks_like_a_citation_is_passed_over() {
        let (draft, errors) = OutcomeDraft::read(
            "As #c-zz99 and #C-12 said, and #c-abcdz; not https://x.org/#c-zz nor x#c-zz.",
            &[SectionSource {
                question: Some(1),
                kind: OutcomeKind::Synthesis,
                source: "1. Cities #c-2f9a01bc and #c-\n2. Again #c-zz99 #c-zz99".into(),
            }],
        );
        let found: Vec<_> = errors.iter().map(named).collect();
        assert_eq!(
            found,
            [
                (
                    "summary",
                    "invalid-citation-malformed",
                    "#c-zz99".to_owned()
                ),
                ("summary", "invalid-citation-malformed", "#C-12".to_owned()),
                (
                    "summary",
                    "invalid-citation-malformed",
                    "#c-abcdz".to_owned()
                ),
                (
                    "synthesis_1",
                    "invalid-citation-malformed",
                    "#c-".to_owned()
                ),
                (
                    "synthesis_1",
                    "invalid-citation-malformed",
                    "#c-zz99".to_owned()
                ),
            ]
        );
        assert_eq!(draft.points[0].citations, ["c-2f9a01bc"]);
        assert!(OutcomeDraft::parse("#c-zz99", &[]).is_err());
        let draft = OutcomeDraft::parse(" See #C-2F9A and #c-2f9a. ", &[]).unwrap();
        assert_eq!(draft.summary_citations, ["c-2f9a"]);
    }

    #[test]
    fn sections_are_checked_field_by_field() {
        let too_many = (1..=51)
            .map(|n| format!("{n}. point"))
            .collect::<Vec<_>>()
            .join("\n");
        let errors = OutcomeDraft::parse(
            "",
            &[
                SectionSource {
                    question: Some(2),
                    kind: OutcomeKind::Recommendation,
                    source: too_many,
                },
                SectionSource {
                    question: None,
                    kind: OutcomeKind::Synthesis,
                    source: "x".repeat(20_001),
                },
            ],
        )
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["recommendations_2", "synthesis_general"]);
        let draft = OutcomeDraft::parse(
            " Intro ",
            &[SectionSource {
                question: Some(1),
                kind: OutcomeKind::Synthesis,
                source: "1. a #c-abcd\n2. b".into(),
            }],
        )
        .unwrap();
        assert_eq!(draft.summary, "Intro");
        assert_eq!(draft.points.len(), 2);
        assert_eq!(draft.points[0].citations, ["c-abcd"]);
        assert_eq!(draft.points[1].number, 2);
    }
}
