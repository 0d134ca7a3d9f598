use super::affiliation::closed_list;
use super::ids::{ConsultationId, GuidingQuestionId, ProgrammeItemId, ResourceId, RoundtableId};
use super::slug::Slug;
use super::time::CommentPeriod;
use super::InvalidField;
use crate::text::SafeHtml;
use chrono::{DateTime, Utc};

closed_list!(
    /// Pre-moderation (the default) keeps every comment private until a chair
    /// publishes it; post-moderation publishes at once and chairs may unpublish.
    ModerationMode {
        Pre => "pre", "Comments are published after a chair approves them",
        Post => "post", "Comments are published at once; chairs may unpublish them",
    }
);

closed_list!(
    ResourceKind {
        BackgroundPaper => "background_paper", "Background paper",
        IssuesPaper => "issues_paper", "Issues paper",
        Publication => "publication", "Publication",
        Organisation => "organisation", "Organisation",
        Other => "other", "Other",
    }
);

#[derive(Debug, Clone)]
pub struct Roundtable {
    pub id: RoundtableId,
    pub consultation_id: ConsultationId,
    pub parent_id: Option<RoundtableId>,
    pub code: Option<String>,
    pub slug: Slug,
    pub title: String,
    pub summary: String,
    pub background_html: SafeHtml,
    pub objectives_html: SafeHtml,
    pub position: i32,
    pub moderation_mode: ModerationMode,
    pub comment_period: CommentPeriod,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub venue: Option<String>,
    pub content_language: Option<String>,
}

impl Roundtable {
    /// "RT 3.2 Strengthening Cooperation" or just the title when there is no code.
    pub fn full_title(&self) -> String {
        match &self.code {
            Some(code) => format!("{code} {}", self.title),
            None => self.title.clone(),
        }
    }
}

/// Roundtables nest one level deep: RT 3 > RT 3.2, never RT 3 > RT 3.2 > RT 3.2.1.
pub fn check_parent(
    parent: Option<&Roundtable>,
    child_consultation: ConsultationId,
) -> Result<(), InvalidField> {
    match parent {
        None => Ok(()),
        Some(parent) if parent.consultation_id != child_consultation => {
            Err(InvalidField::new("parent", "invalid-parent-elsewhere"))
        }
        Some(parent) if parent.parent_id.is_some() => {
            Err(InvalidField::new("parent", "invalid-parent-nested")
                .with("title", parent.full_title()))
        }
        Some(_) => Ok(()),
    }
}

#[derive(Debug, Clone)]
pub struct GuidingQuestion {
    pub id: GuidingQuestionId,
    pub roundtable_id: RoundtableId,
    /// 1-based number shown to people ("Question 2"), derived from the order.
    pub number: usize,
    pub text: String,
    pub retired: bool,
}

#[derive(Debug, Clone)]
pub struct ProgrammeItem {
    pub id: ProgrammeItemId,
    pub roundtable_id: Option<RoundtableId>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub title: String,
    pub description: String,
    pub speakers: Vec<String>,
}

/// Speakers are kept one per line.
pub fn speakers_from_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

pub fn speakers_to_lines(speakers: &[String]) -> String {
    speakers
        .iter()
        .map(|s| s.replace('\n', " "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Debug, Clone)]
pub struct Resource {
    pub id: ResourceId,
    pub roundtable_id: Option<RoundtableId>,
    pub kind: ResourceKind,
    pub title: String,
    pub url: String,
    pub description: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtable(parent: Option<RoundtableId>, consultation: ConsultationId) -> Roundtable {
        Roundtable {
            id: RoundtableId::generate(),
            consultation_id: consultation,
            parent_id: parent,
            code: Some("RT 3".into()),
            slug: Slug::parse("slug", "rt-3").unwrap(),
            title: "Migration and Development".into(),
            summary: String::new(),
            background_html: SafeHtml::empty(),
            objectives_html: SafeHtml::empty(),
            position: 0,
            moderation_mode: ModerationMode::Pre,
            comment_period: CommentPeriod::new(None, None).unwrap(),
            starts_at: None,
            ends_at: None,
            venue: None,
            content_language: None,
        }
    }

    #[test]
    fn roundtables_nest_one_level_deep() {
        let consultation = ConsultationId::generate();
        let top = roundtable(None, consultation);
        let child = roundtable(Some(top.id), consultation);
        assert!(check_parent(Some(&top), consultation).is_ok());
        assert!(check_parent(None, consultation).is_ok());
        let err = check_parent(Some(&child), consultation).unwrap_err();
        assert_eq!(err.field, "parent");
        assert!(check_parent(Some(&top), ConsultationId::generate()).is_err());
    }

    #[test]
    fn speakers_are_one_per_line() {
        let lines = speakers_to_lines(&["A, Vienna".into(), "B\nC".into()]);
        assert_eq!(speakers_from_lines(&lines), ["A, Vienna", "B C"]);
        assert!(speakers_from_lines("\n  \n").is_empty());
    }
}
