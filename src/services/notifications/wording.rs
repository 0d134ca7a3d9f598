//! How emails about comments name things: where a comment lives, a short
//! excerpt of it, the questions it answers and who wrote it.

use crate::db::queries::comments::CommentRecord;
use crate::domain::comment::Comment;
use crate::domain::roundtable::GuidingQuestion;
use crate::i18n::Language;
use crate::services::roundtables::RoundtableDetail;
use serde::Serialize;

const EXCERPT_CHARS: usize = 400;
const LIST_EXCERPT_CHARS: usize = 200;

/// Where a comment lives, as emails name it.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub consultation_slug: String,
    pub consultation_title: String,
    pub roundtable_slug: String,
    pub roundtable_title: String,
}

impl Place {
    /// A roundtable's place, named by its full title.
    pub fn of(detail: &RoundtableDetail) -> Self {
        Self {
            consultation_slug: detail.consultation.slug.to_string(),
            consultation_title: detail.consultation.title.clone(),
            roundtable_slug: detail.roundtable.slug.to_string(),
            roundtable_title: detail.roundtable.full_title(),
        }
    }

    /// Where a stored comment lives, whatever the consultation's status.
    pub fn of_record(record: &CommentRecord) -> Self {
        Self {
            consultation_slug: record.consultation_slug.clone(),
            consultation_title: record.consultation_title.clone(),
            roundtable_slug: record.roundtable_slug.clone(),
            roundtable_title: record.roundtable_title.clone(),
        }
    }

    pub(super) fn roundtable_path(&self) -> String {
        format!("c/{}/{}", self.consultation_slug, self.roundtable_slug)
    }

    pub(super) fn comment_path(&self, reference: &str) -> String {
        format!(
            "c/{}/{}?comment={reference}#{reference}",
            self.consultation_slug, self.roundtable_slug
        )
    }
}

/// A comment's source as every email quotes it: plain text (Markdown
/// removed, links kept as their words), on one line, cut on a word with "…".
pub fn excerpt(source: &str) -> String {
    crate::text::plain_excerpt(source, EXCERPT_CHARS)
}

/// A shorter excerpt, for emails that list many comments.
pub fn list_excerpt(source: &str) -> String {
    crate::text::plain_excerpt(source, LIST_EXCERPT_CHARS)
}

/// "General", "Question 2" or "Questions 1, 3", in `language`.
pub fn questions_line(
    comment: &Comment,
    questions: &[GuidingQuestion],
    language: Language,
) -> String {
    numbers_line(&question_numbers(comment, questions), language)
}

/// The numbers of the questions a comment answers, in order.
pub fn question_numbers(comment: &Comment, questions: &[GuidingQuestion]) -> Vec<usize> {
    let mut numbers: Vec<usize> = questions
        .iter()
        .filter(|q| comment.question_ids.contains(&q.id))
        .map(|q| q.number)
        .collect();
    numbers.sort_unstable();
    numbers
}

/// "General", "Question 2" or "Questions 1, 3" for question numbers.
pub fn numbers_line(numbers: &[usize], language: Language) -> String {
    let list = numbers
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    crate::i18n::text(
        language,
        "email-questions-line",
        &[("count", numbers.len().into()), ("numbers", list.into())],
    )
}

/// "Name, Organisation (Country)" with the country in the reader's language.
pub(super) fn identity_in(
    author: &crate::domain::affiliation::Affiliation,
    language: Language,
) -> String {
    author.identity_with(|c| crate::i18n::labels::country(c, language))
}

#[cfg(test)]
mod tests {

    #[test]
    fn question_lines_read_in_each_language() {
        use crate::i18n::Language::{En, Fr};
        assert_eq!(numbers_line(&[], En), "General");
        assert_eq!(numbers_line(&[2], En), "Question 2");
        assert_eq!(numbers_line(&[1, 3], En), "Questions 1, 3");
        assert_ne!(numbers_line(&[], Fr), "General");
        assert_ne!(
            numbers_line(&[2], Fr),
            numbers_line(&[1, 3], Fr).replace("1, 3", "2")
        );
        assert!(numbers_line(&[1, 3], Fr).ends_with("1, 3"));
    }

    use super::*;

    #[test]
    fn excerpts_in_emails_are_plain_flat_and_short() {
        assert_eq!(
            excerpt("## Late payment\n\n**Late payment** of _wages_,\n\n> quoted\n\n- one\n- two"),
            "Late payment Late payment of wages, quoted one two"
        );
        assert_eq!(
            excerpt("Ask [the returnee workers](https://example.org/survey) and <b>mayors</b>."),
            "Ask the returnee workers and mayors."
        );
        assert_eq!(excerpt("Hello\n\n  world\t again "), "Hello world again");
        let long = format!("**Late payment** {}", "of public contracts ".repeat(40));
        let cut = excerpt(&long);
        let whole = format!("Late payment {}", "of public contracts ".repeat(40));
        let kept = cut.strip_suffix('…').expect("marked as cut");
        assert!(whole.starts_with(kept), "plain text from the start: {cut}");
        assert!(
            whole[kept.len()..].starts_with(' '),
            "cut between words: {cut}"
        );
        assert!(cut.chars().count() <= EXCERPT_CHARS + 1);
        assert!(list_excerpt(&long).chars().count() <= LIST_EXCERPT_CHARS + 1);
    }
}
