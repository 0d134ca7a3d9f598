use super::affiliation::{closed_list, Affiliation};
use super::ids::{CommentId, GuidingQuestionId, RoundtableId, UserId};
use super::roundtable::GuidingQuestion;
use super::InvalidField;
use crate::text::SafeHtml;
use chrono::{DateTime, Utc};

closed_list!(
    /// Every comment starts pending (or approved at once under post-moderation
    /// and for trusted participants); each change is kept in the audit trail.
    CommentStatus {
        Pending => "pending", "Awaiting the chair's decision",
        Approved => "approved", "Published",
        Rejected => "rejected", "Not published",
        Withdrawn => "withdrawn", "Withdrawn by its author",
    }
);

pub const BODY_MAX_CHARS: usize = 10_000;

#[derive(Debug, Clone)]
pub struct Comment {
    pub id: CommentId,
    /// Short, citable name such as "c-2f9a01bc", used as the page anchor.
    pub reference: String,
    pub roundtable_id: RoundtableId,
    pub parent_id: Option<CommentId>,
    pub author_id: Option<UserId>,
    pub author: Affiliation,
    pub body_html: SafeHtml,
    pub language: Option<String>,
    pub status: CommentStatus,
    pub highlighted: bool,
    pub hidden_by_reports: bool,
    pub depth: usize,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    /// When a chair (or post-moderation) last decided its status.
    pub decided_at: Option<DateTime<Utc>>,
    /// How many times its author edited it: a decision names the revision
    /// the chair read, so that an edit made meanwhile is not published unseen.
    pub revision: i32,
    pub question_ids: Vec<GuidingQuestionId>,
}

impl Comment {
    /// When readers could first see it: its publication, not its writing.
    pub fn published_at(&self) -> DateTime<Utc> {
        self.decided_at.unwrap_or(self.created_at)
    }

    /// Shown to everyone: approved, and not hidden by readers' reports while
    /// it waits for a chair.
    pub fn is_public(&self) -> bool {
        self.status == CommentStatus::Approved && !self.hidden_by_reports
    }
}

/// Where a comment sits in its roundtable's threads. The path lists the ids of
/// its ancestors and itself, so ordering by path yields every thread in reading
/// order (ids are UUID v7 and sort by time) from one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadPosition {
    pub path: String,
    pub depth: usize,
}

impl ThreadPosition {
    pub fn top_level(id: CommentId) -> Self {
        Self {
            path: id.to_string(),
            depth: 0,
        }
    }

    /// A reply under `parent`, refused past `MAX_REPLY_DEPTH`: the path is
    /// an indexed key, and PostgreSQL's index entries hold about 2,700 bytes.
    pub fn reply(parent: &ThreadPosition, id: CommentId) -> Result<Self, InvalidField> {
        let depth = parent.depth + 1;
        if depth > MAX_REPLY_DEPTH {
            return Err(InvalidField::new("parent", "invalid-reply-too-deep")
                .with("max", MAX_REPLY_DEPTH as i64));
        }
        Ok(Self {
            path: format!("{}/{}", parent.path, id),
            depth,
        })
    }
}

/// How deep replies may nest (a top-level comment is at depth 0). Pages show
/// four levels anyway; a path of 51 ids (1,887 bytes) stays well inside
/// PostgreSQL's index entry limit on both backends alike.
pub const MAX_REPLY_DEPTH: usize = 50;

/// A new citable short reference such as "c-2f9a01bc". Random rather than
/// derived from the id, so that the storage layer can draw again on the rare
/// collision.
pub fn new_reference() -> String {
    let hex = uuid::Uuid::new_v4().simple().to_string();
    format!("c-{}", &hex[..8])
}

/// A comment's Markdown source as its author typed it: 1 to 10,000
/// characters once surrounding blank space is trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentBody(String);

impl CommentBody {
    pub fn parse(field: &'static str, source: &str) -> Result<Self, InvalidField> {
        let trimmed = source.trim();
        match trimmed.chars().count() {
            0 => Err(InvalidField::new(field, "invalid-comment-empty")),
            n if n > BODY_MAX_CHARS => Err(InvalidField::new(field, "invalid-comment-too-long")
                .with("length", n)
                .with("limit", BODY_MAX_CHARS)),
            _ => Ok(Self(trimmed.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A guiding question as a form or the API names it. Forms send the id, so
/// that questions reordered while someone writes keep their meaning; the
/// API and people name questions by their number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionPick {
    Number(usize),
    Id(GuidingQuestionId),
}

impl QuestionPick {
    /// A number ("2") or a question id, as a checkbox sends it.
    pub fn parse(field: &'static str, value: &str) -> Result<Self, InvalidField> {
        let value = value.trim();
        value
            .parse()
            .map(Self::Number)
            .or_else(|_| value.parse().map(Self::Id))
            .map_err(|_| InvalidField::new(field, "invalid-question-number").with("value", value))
    }

    fn names(self, question: &GuidingQuestion) -> bool {
        match self {
            Self::Number(n) => question.number == n,
            Self::Id(id) => question.id == id,
        }
    }
}

impl From<usize> for QuestionPick {
    fn from(number: usize) -> Self {
        Self::Number(number)
    }
}

/// The guiding questions a comment answers, from the ones a person ticked
/// (none means "General"). Only the roundtable's current questions count.
pub fn choose_questions(
    field: &'static str,
    picks: &[QuestionPick],
    questions: &[GuidingQuestion],
) -> Result<Vec<GuidingQuestionId>, InvalidField> {
    let mut chosen = Vec::new();
    for pick in picks {
        let question = questions
            .iter()
            .find(|q| pick.names(q) && !q.retired)
            .ok_or_else(|| match pick {
                QuestionPick::Number(n) => {
                    InvalidField::new(field, "invalid-comment-question").with("number", *n)
                }
                QuestionPick::Id(_) => InvalidField::new(field, "invalid-comment-question-gone"),
            })?;
        if !chosen.contains(&question.id) {
            chosen.push(question.id);
        }
    }
    Ok(chosen)
}

/// A comment about to be stored.
#[derive(Debug, Clone)]
pub struct NewComment {
    pub id: CommentId,
    pub roundtable_id: RoundtableId,
    pub parent_id: Option<CommentId>,
    pub position: ThreadPosition,
    pub author_id: Option<UserId>,
    pub author: Affiliation,
    pub body_markdown: String,
    pub body_html: SafeHtml,
    pub language: Option<String>,
    pub status: CommentStatus,
    pub highlighted: bool,
    pub created_at: DateTime<Utc>,
    pub question_ids: Vec<GuidingQuestionId>,
}

impl NewComment {
    /// The comment as stored under `reference`, without reading it back.
    pub fn stored_as(&self, reference: String) -> Comment {
        Comment {
            id: self.id,
            reference,
            roundtable_id: self.roundtable_id,
            parent_id: self.parent_id,
            author_id: self.author_id,
            author: self.author.clone(),
            body_html: self.body_html.clone(),
            language: self.language.clone(),
            status: self.status,
            highlighted: self.highlighted,
            hidden_by_reports: false,
            depth: self.position.depth,
            created_at: self.created_at,
            edited_at: None,
            // A comment is decided when posted unless it waits for a chair.
            decided_at: (self.status != CommentStatus::Pending).then_some(self.created_at),
            revision: 0,
            question_ids: self.question_ids.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_path_extends_its_parent_path() {
        let (root_id, reply_id) = (CommentId::generate(), CommentId::generate());
        let root = ThreadPosition::top_level(root_id);
        let reply = ThreadPosition::reply(&root, reply_id).unwrap();
        assert_eq!(reply.path, format!("{root_id}/{reply_id}"));
        assert_eq!(reply.depth, 1);
        assert!(root.path < reply.path);
    }

    #[test]
    fn replies_nest_down_to_the_limit_and_no_further() {
        let mut position = ThreadPosition::top_level(CommentId::generate());
        for _ in 0..MAX_REPLY_DEPTH {
            position = ThreadPosition::reply(&position, CommentId::generate()).unwrap();
        }
        assert_eq!(position.depth, MAX_REPLY_DEPTH);
        let refused = ThreadPosition::reply(&position, CommentId::generate()).unwrap_err();
        assert_eq!(refused.field, "parent");
        // The deepest path fits PostgreSQL's index entries with room to spare.
        assert!(position.path.len() + 36 < 2_000);
    }

    #[test]
    fn bodies_are_trimmed_and_bounded() {
        assert_eq!(
            CommentBody::parse("body", "  Hello \n").unwrap().as_str(),
            "Hello"
        );
        assert!(CommentBody::parse("body", " \n\t ").is_err());
        assert!(CommentBody::parse("body", &"é".repeat(BODY_MAX_CHARS)).is_ok());
        let too_long = CommentBody::parse("body", &"é".repeat(BODY_MAX_CHARS + 1)).unwrap_err();
        assert!(too_long.to_string().contains("10,001"), "{too_long}");
    }

    #[test]
    fn only_current_questions_can_be_chosen() {
        let question = |number, retired| GuidingQuestion {
            id: GuidingQuestionId::generate(),
            roundtable_id: RoundtableId::generate(),
            number,
            text: format!("Question {number}"),
            retired,
        };
        let questions = vec![question(1, false), question(2, false), question(3, true)];
        assert_eq!(
            choose_questions("questions", &[2.into(), 2.into()], &questions).unwrap(),
            vec![questions[1].id]
        );
        assert!(choose_questions("questions", &[], &questions)
            .unwrap()
            .is_empty());
        assert!(choose_questions("questions", &[3.into()], &questions).is_err());
        assert!(choose_questions("questions", &[9.into()], &questions).is_err());
        let by_id = QuestionPick::parse("questions", &questions[0].id.to_string()).unwrap();
        assert_eq!(
            choose_questions("questions", &[by_id], &questions).unwrap(),
            vec![questions[0].id]
        );
        let retired = QuestionPick::Id(questions[2].id);
        let refused = choose_questions("questions", &[retired], &questions).unwrap_err();
        assert_eq!(refused.message.key, "invalid-comment-question-gone");
        assert!(QuestionPick::parse("questions", "two").is_err());
    }

    #[test]
    fn references_are_short_and_differ() {
        let (a, b) = (new_reference(), new_reference());
        assert_eq!(a.len(), 10);
        assert!(a.starts_with("c-"));
        assert_ne!(a, b);
    }
}
