//! Reading a roundtable by question: `?question=2` shows the threads that
//! answer question 2, `?question=general` those that answer none, and a
//! small navigation offers each with its number of threads.

use crate::domain::ids::GuidingQuestionId;
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::thread::ThreadEntry;
use crate::domain::Message;
use crate::i18n::{text, Language};
use crate::web::error::WebError;
use serde::Serialize;

/// Which threads the reader asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    All,
    Question(usize),
    /// Threads whose first comment answers no guiding question.
    General,
}

impl Reading {
    /// `raw` is the `question` parameter: a question's number or "general".
    pub fn parse(raw: Option<&str>, questions: &[GuidingQuestion]) -> Result<Self, WebError> {
        let Some(raw) = raw.map(str::trim) else {
            return Ok(Self::All);
        };
        if raw == "general" {
            return Ok(Self::General);
        }
        match raw.parse::<usize>() {
            Ok(number) if questions.iter().any(|q| q.number == number) => {
                Ok(Self::Question(number))
            }
            _ => Err(WebError::invalid(
                "question",
                Message::new("invalid-reading-question").with("value", raw),
            )),
        }
    }

    /// Whether a thread, known by its first comment's questions, is shown.
    fn shows(
        self,
        root_questions: &[GuidingQuestionId],
        numbers: &[(GuidingQuestionId, usize)],
    ) -> bool {
        match self {
            Self::All => true,
            Self::General => root_questions.is_empty(),
            Self::Question(n) => numbers
                .iter()
                .any(|(id, number)| *number == n && root_questions.contains(id)),
        }
    }

    /// The entries of the threads shown, whole, in their order.
    pub fn keep<'a>(
        self,
        threads: &'a [ThreadEntry],
        questions: &[GuidingQuestion],
    ) -> Vec<&'a ThreadEntry> {
        let numbers: Vec<_> = questions.iter().map(|q| (q.id, q.number)).collect();
        let mut shown = false;
        let mut kept = Vec::new();
        for entry in threads {
            if entry.comment.parent_id.is_none() {
                shown = self.shows(&entry.comment.question_ids, &numbers);
            }
            if shown {
                kept.push(entry);
            }
        }
        kept
    }
}

/// One way of reading, as the navigation offers it.
#[derive(Serialize)]
pub struct ReadingChoice {
    label: String,
    /// The query that selects it ("" for all).
    query: String,
    threads: usize,
    current: bool,
}

/// All threads, each question's, and the general ones, with their counts.
pub fn reading_choices(
    threads: &[ThreadEntry],
    questions: &[GuidingQuestion],
    current: Reading,
    lang: Language,
) -> Vec<ReadingChoice> {
    let count = |reading: Reading| {
        reading
            .keep(threads, questions)
            .iter()
            .filter(|e| e.comment.parent_id.is_none())
            .count()
    };
    let choice = |reading: Reading, label: String, query: String| ReadingChoice {
        threads: count(reading),
        current: reading == current,
        label,
        query,
    };
    let mut choices = vec![choice(
        Reading::All,
        text(lang, "pages-reading-all", &[]),
        String::new(),
    )];
    for q in questions {
        let reading = Reading::Question(q.number);
        let label = text(
            lang,
            "pages-question-number",
            &[("number", (q.number as i64).into())],
        );
        choices.push(choice(reading, label, format!("?question={}", q.number)));
    }
    let general = text(lang, "pages-reading-general", &[]);
    choices.push(choice(
        Reading::General,
        general,
        "?question=general".into(),
    ));
    choices
}
