use super::affiliation::{closed_list, Affiliation};
use super::ids::{CommentId, GuidingQuestionId, RoundtableId, UserId};
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
    pub question_ids: Vec<GuidingQuestionId>,
}

impl Comment {
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

    pub fn reply(parent: &ThreadPosition, id: CommentId) -> Self {
        Self {
            path: format!("{}/{}", parent.path, id),
            depth: parent.depth + 1,
        }
    }
}

/// A new citable short reference such as "c-2f9a01bc". Random rather than
/// derived from the id, so that the storage layer can draw again on the rare
/// collision.
pub fn new_reference() -> String {
    let hex = uuid::Uuid::new_v4().simple().to_string();
    format!("c-{}", &hex[..8])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_path_extends_its_parent_path() {
        let (root_id, reply_id) = (CommentId::generate(), CommentId::generate());
        let root = ThreadPosition::top_level(root_id);
        let reply = ThreadPosition::reply(&root, reply_id);
        assert_eq!(reply.path, format!("{root_id}/{reply_id}"));
        assert_eq!(reply.depth, 1);
        assert!(root.path < reply.path);
    }

    #[test]
    fn references_are_short_and_differ() {
        let (a, b) = (new_reference(), new_reference());
        assert_eq!(a.len(), 10);
        assert!(a.starts_with("c-"));
        assert_ne!(a, b);
    }
}
