//! What changed between two outcome versions, paragraph by paragraph and
//! point by point, with the changed words of a changed one marked. The
//! matching is `similar`'s (Patience on lists and on words), so unchanged
//! points keep their place and a reworded point reads as one change.

use super::outcome::OutcomeKind;
use super::outcome_version::{OutcomeContent, VersionQuestion};
use similar::{capture_diff_slices, Algorithm, ChangeTag, DiffOp, TextDiff};

/// One part of the outcome compared: the introduction (no question, no
/// kind), or one kind of points of one question (or across them).
#[derive(Debug, Clone)]
pub struct PartChanges {
    pub introduction: bool,
    pub question: Option<VersionQuestion>,
    pub kind: Option<OutcomeKind>,
    pub items: Vec<ItemChange>,
}

impl PartChanges {
    pub fn changed(&self) -> bool {
        self.items.iter().any(|i| !i.is_same())
    }
}

fn points_of(content: &OutcomeContent, question: Option<usize>, kind: OutcomeKind) -> Vec<String> {
    content
        .points
        .iter()
        .filter(|p| p.question == question && OutcomeContent::kind_of(p) == Some(kind))
        .map(|p| p.markdown.clone())
        .collect()
}

/// Every part of two versions compared, in the outcome's order: the
/// introduction, each question's synthesis and recommendations (by the
/// newer version's questions, then any only the older had), then the
/// points across the questions.
pub fn content_changes(old: &OutcomeContent, new: &OutcomeContent) -> Vec<PartChanges> {
    let mut parts = vec![PartChanges {
        introduction: true,
        question: None,
        kind: None,
        items: list_changes(
            &paragraphs(&old.summary_markdown),
            &paragraphs(&new.summary_markdown),
        ),
    }];
    let mut questions: Vec<VersionQuestion> = new.questions.clone();
    for q in &old.questions {
        if !questions.iter().any(|n| n.number == q.number) {
            questions.push(q.clone());
        }
    }
    let numbers = questions.into_iter().map(Some).chain([None]);
    for question in numbers {
        let number = question.as_ref().map(|q| q.number);
        for kind in [OutcomeKind::Synthesis, OutcomeKind::Recommendation] {
            let items = list_changes(&points_of(old, number, kind), &points_of(new, number, kind));
            if !items.is_empty() {
                parts.push(PartChanges {
                    introduction: false,
                    question: question.clone(),
                    kind: Some(kind),
                    items,
                });
            }
        }
    }
    parts
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    Same,
    Added,
    Removed,
}

/// A run of words that is kept, added or removed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    pub kind: SpanKind,
    pub text: String,
}

/// One paragraph or point, compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemChange {
    Same(String),
    Added(String),
    Removed(String),
    Changed(Vec<Span>),
}

impl ItemChange {
    pub fn is_same(&self) -> bool {
        matches!(self, ItemChange::Same(_))
    }
}

/// The changed words of two texts, adjacent runs of one kind merged.
pub fn word_changes(old: &str, new: &str) -> Vec<Span> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(old, new);
    let mut spans: Vec<Span> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => SpanKind::Same,
            ChangeTag::Insert => SpanKind::Added,
            ChangeTag::Delete => SpanKind::Removed,
        };
        match spans.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => spans.push(Span {
                kind,
                text: change.value().to_owned(),
            }),
        }
    }
    spans
}

/// Two lists of paragraphs or points compared: kept ones in place, a
/// replaced run paired item by item as changes, the rest added or removed.
pub fn list_changes(old: &[String], new: &[String]) -> Vec<ItemChange> {
    let mut changes = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, old, new) {
        match op {
            DiffOp::Equal { old_index, len, .. } => changes.extend(
                old[old_index..old_index + len]
                    .iter()
                    .cloned()
                    .map(ItemChange::Same),
            ),
            DiffOp::Delete {
                old_index, old_len, ..
            } => changes.extend(
                old[old_index..old_index + old_len]
                    .iter()
                    .cloned()
                    .map(ItemChange::Removed),
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => changes.extend(
                new[new_index..new_index + new_len]
                    .iter()
                    .cloned()
                    .map(ItemChange::Added),
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let (olds, news) = (
                    &old[old_index..old_index + old_len],
                    &new[new_index..new_index + new_len],
                );
                for i in 0..old_len.max(new_len) {
                    changes.push(match (olds.get(i), news.get(i)) {
                        (Some(o), Some(n)) => ItemChange::Changed(word_changes(o, n)),
                        (Some(o), None) => ItemChange::Removed(o.clone()),
                        (None, Some(n)) => ItemChange::Added(n.clone()),
                        (None, None) => continue,
                    });
                }
            }
        }
    }
    changes
}

/// A text's paragraphs: its runs of lines between blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_reworded_point_marks_its_changed_words() {
        let old = texts(&["Keep this.", "Cities fund language courses.", "Gone."]);
        let new = texts(&["Keep this.", "Cities fund free language courses.", "New."]);
        let changes = list_changes(&old, &new);
        assert_eq!(changes[0], ItemChange::Same("Keep this.".into()));
        let ItemChange::Changed(spans) = &changes[1] else {
            panic!("{changes:?}")
        };
        assert!(spans
            .iter()
            .any(|s| s.kind == SpanKind::Added && s.text.contains("free")));
        assert!(!spans.iter().any(|s| s.kind == SpanKind::Removed));
        assert_eq!(
            changes[2],
            ItemChange::Changed(word_changes("Gone.", "New."))
        );
    }

    #[test]
    fn added_and_removed_points_are_told_apart() {
        let changes = list_changes(&texts(&["a", "b"]), &texts(&["b", "c"]));
        assert_eq!(
            changes,
            vec![
                ItemChange::Removed("a".into()),
                ItemChange::Same("b".into()),
                ItemChange::Added("c".into())
            ]
        );
    }
}
