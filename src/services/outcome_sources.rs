//! The published comments the outcome editor lists beside each question's
//! section, for the chairs to find and cite: who wrote each, its reference
//! and a plain-text excerpt, highlighted comments first, then the oldest.

use crate::db::queries::outcomes::CitableComment;
use crate::domain::affiliation::Affiliation;
use crate::domain::outcome::{section_field, OutcomeKind};
use crate::domain::roundtable::GuidingQuestion;
use crate::text::plain_excerpt;

/// Enough of a comment to recognise it; the whole is one link away.
pub const EXCERPT_CHARS: usize = 180;

#[derive(Debug, Clone)]
pub struct SourceComment {
    pub reference: String,
    pub author: Affiliation,
    pub highlighted: bool,
    pub excerpt: String,
}

/// The comments listed beside one question's section (None: beside the
/// points across the questions and the introduction).
#[derive(Debug, Clone)]
pub struct SectionSources {
    pub question: Option<usize>,
    pub comments: Vec<SourceComment>,
}

/// Each question's comments beside its section, in the order given; a
/// comment that answers several questions is listed beside each. Comments
/// that answer none, or only questions without a section of their own,
/// are listed beside the points across the questions.
pub fn by_section(
    questions: &[GuidingQuestion],
    citable: &[CitableComment],
) -> Vec<SectionSources> {
    let with_section: Vec<&GuidingQuestion> = questions
        .iter()
        .filter(|q| section_field(OutcomeKind::Synthesis, Some(q.number)).is_some())
        .collect();
    let mut sections: Vec<SectionSources> = with_section
        .iter()
        .map(|q| Some(q.number))
        .chain([None])
        .map(|question| SectionSources {
            question,
            comments: Vec::new(),
        })
        .collect();
    for comment in citable {
        let answers: Vec<usize> = with_section
            .iter()
            .filter(|q| comment.question_ids.contains(&q.id.to_string()))
            .map(|q| q.number)
            .collect();
        let shown = SourceComment {
            reference: comment.reference.clone(),
            author: comment.author.clone(),
            highlighted: comment.highlighted,
            excerpt: plain_excerpt(&comment.body_markdown, EXCERPT_CHARS),
        };
        for section in &mut sections {
            let listed = match section.question {
                Some(number) => answers.contains(&number),
                None => answers.is_empty(),
            };
            if listed {
                section.comments.push(shown.clone());
            }
        }
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{GuidingQuestionId, RoundtableId};

    fn question(number: usize) -> GuidingQuestion {
        GuidingQuestion {
            id: GuidingQuestionId::generate(),
            roundtable_id: RoundtableId::generate(),
            number,
            text: format!("Question {number}"),
            retired: false,
        }
    }

    fn comment(reference: &str, questions: &[&GuidingQuestion]) -> CitableComment {
        CitableComment {
            id: reference.to_owned(),
            reference: reference.to_owned(),
            author: Affiliation {
                display_name: "Amina".into(),
                organisation: String::new(),
                organisation_type: None,
                country: None,
            },
            highlighted: false,
            body_markdown: "**Late** payment".into(),
            question_ids: questions.iter().map(|q| q.id.to_string()).collect(),
        }
    }

    #[test]
    fn each_comment_is_listed_beside_the_questions_it_answers_or_else_beside_the_general_points() {
        let (one, two, far) = (question(1), question(2), question(31));
        let citable = [
            comment("c-0001", &[&one, &two]),
            comment("c-0002", &[]),
            comment("c-0003", &[&two]),
            comment("c-0004", &[&far]),
        ];
        let sections = by_section(&[one.clone(), two.clone(), far.clone()], &citable);
        let listed: Vec<(Option<usize>, Vec<&str>)> = sections
            .iter()
            .map(|s| {
                let references = s.comments.iter().map(|c| c.reference.as_str()).collect();
                (s.question, references)
            })
            .collect();
        assert_eq!(
            listed,
            [
                (Some(1), vec!["c-0001"]),
                (Some(2), vec!["c-0001", "c-0003"]),
                (None, vec!["c-0002", "c-0004"]),
            ]
        );
        assert_eq!(sections[0].comments[0].excerpt, "Late payment");
    }
}
