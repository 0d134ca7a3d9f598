//! Turns a roundtable's comments, in path order, into what readers see:
//! published comments, placeholders where a hidden comment still has published
//! replies (so those replies keep their thread), and nothing else.

use super::comment::{Comment, CommentStatus};
use super::ids::CommentId;
use std::collections::HashMap;

/// Replies deeper than this are shown at this depth with "in reply to {name}".
pub const MAX_DISPLAY_DEPTH: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    WithdrawnByAuthor,
    NotPublished,
}

#[derive(Debug, Clone)]
pub struct ThreadEntry {
    pub comment: Comment,
    /// None when the comment itself is shown.
    pub placeholder: Option<Placeholder>,
    pub display_depth: usize,
    /// Set when the comment is shown in full to this reader although it is
    /// not public: its author's own pending comment, or any to a chair.
    pub unpublished: Option<CommentStatus>,
    /// Set when the entry is flattened below MAX_DISPLAY_DEPTH: the name of
    /// the author it answers, or None if that comment is a placeholder.
    pub in_reply_to: Option<Option<String>>,
}

/// `comments` must be ordered by thread path (as the storage layer returns them).
pub fn public_threads(comments: Vec<Comment>) -> Vec<ThreadEntry> {
    visible_threads(comments, |_| false)
}

/// Like `public_threads`, but also shows in full the unpublished comments
/// that `may_see` allows (never withdrawn ones).
pub fn visible_threads(
    comments: Vec<Comment>,
    may_see: impl Fn(&Comment) -> bool,
) -> Vec<ThreadEntry> {
    let readable =
        |c: &Comment| c.is_public() || (c.status != CommentStatus::Withdrawn && may_see(c));
    let mut worth_showing: HashMap<CommentId, bool> = HashMap::with_capacity(comments.len());
    for comment in comments.iter().rev() {
        let shown = readable(comment) || worth_showing.get(&comment.id).copied().unwrap_or(false);
        worth_showing.insert(comment.id, shown);
        if let (true, Some(parent)) = (shown, comment.parent_id) {
            worth_showing.insert(parent, true);
        }
    }

    // Where each comment shown in full sits in `entries`, so that a deep
    // reply can name whom it answers without a copy of every name.
    let mut shown_at: HashMap<CommentId, Option<usize>> = HashMap::with_capacity(comments.len());
    let mut entries: Vec<ThreadEntry> = Vec::with_capacity(comments.len());
    for comment in comments {
        if !worth_showing.get(&comment.id).copied().unwrap_or(false) {
            continue;
        }
        let readable_here = readable(&comment);
        let placeholder = match (readable_here, comment.status) {
            (true, _) => None,
            (false, CommentStatus::Withdrawn) => Some(Placeholder::WithdrawnByAuthor),
            (false, _) => Some(Placeholder::NotPublished),
        };
        let in_reply_to = match comment.parent_id {
            Some(parent) if comment.depth > MAX_DISPLAY_DEPTH => Some(
                shown_at
                    .get(&parent)
                    .copied()
                    .flatten()
                    .map(|at| entries[at].comment.author.display_name.clone()),
            ),
            _ => None,
        };
        shown_at.insert(comment.id, placeholder.is_none().then_some(entries.len()));
        entries.push(ThreadEntry {
            unpublished: (readable_here && !comment.is_public()).then_some(comment.status),
            display_depth: comment.depth.min(MAX_DISPLAY_DEPTH),
            comment,
            placeholder,
            in_reply_to,
        });
    }
    entries
}

/// A thread entry with its replies, for clients that want a tree.
#[derive(Debug, Clone)]
pub struct ThreadNode {
    pub entry: ThreadEntry,
    pub replies: Vec<ThreadNode>,
}

/// Nests entries that are in path order. An entry whose parent is absent
/// (cut off by paging) becomes a root rather than being lost.
pub fn nest(entries: Vec<ThreadEntry>) -> Vec<ThreadNode> {
    fn attach(stack: &mut Vec<ThreadNode>, roots: &mut Vec<ThreadNode>) {
        if let Some(node) = stack.pop() {
            match stack.last_mut() {
                Some(parent) => parent.replies.push(node),
                None => roots.push(node),
            }
        }
    }
    let mut roots = Vec::new();
    let mut stack: Vec<ThreadNode> = Vec::new();
    for entry in entries {
        while let Some(top) = stack.last() {
            if Some(top.entry.comment.id) == entry.comment.parent_id {
                break;
            }
            attach(&mut stack, &mut roots);
        }
        stack.push(ThreadNode {
            entry,
            replies: Vec::new(),
        });
    }
    while !stack.is_empty() {
        attach(&mut stack, &mut roots);
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::affiliation::Affiliation;
    use crate::domain::comment::ThreadPosition;
    use crate::domain::ids::RoundtableId;
    use crate::text::SafeHtml;
    use chrono::Utc;

    struct Builder {
        comments: Vec<(Comment, ThreadPosition)>,
    }

    impl Builder {
        fn add(&mut self, name: &str, parent: Option<usize>, status: CommentStatus) -> usize {
            let id = CommentId::generate();
            let position = match parent {
                Some(p) => ThreadPosition::reply(&self.comments[p].1, id).unwrap(),
                None => ThreadPosition::top_level(id),
            };
            let comment = Comment {
                id,
                reference: String::new(),
                roundtable_id: RoundtableId::generate(),
                parent_id: parent.map(|p| self.comments[p].0.id),
                author_id: None,
                author: Affiliation {
                    display_name: name.into(),
                    organisation: String::new(),
                    organisation_type: None,
                    country: None,
                },
                body_html: SafeHtml::empty(),
                language: None,
                status,
                highlighted: false,
                hidden_by_reports: false,
                depth: position.depth,
                created_at: Utc::now(),
                edited_at: None,
                decided_at: None,
                revision: 0,
                question_ids: vec![],
            };
            self.comments.push((comment, position));
            self.comments.len() - 1
        }

        fn threads(&self) -> Vec<ThreadEntry> {
            let mut sorted = self.comments.clone();
            sorted.sort_by(|a, b| a.1.path.cmp(&b.1.path));
            public_threads(sorted.into_iter().map(|(c, _)| c).collect())
        }
    }

    fn names(entries: &[ThreadEntry]) -> Vec<String> {
        entries
            .iter()
            .map(|e| match e.placeholder {
                None => e.comment.author.display_name.clone(),
                Some(Placeholder::WithdrawnByAuthor) => "[withdrawn]".into(),
                Some(Placeholder::NotPublished) => "[not published]".into(),
            })
            .collect()
    }

    #[test]
    fn hidden_comments_vanish_unless_published_replies_need_them() {
        use CommentStatus::*;
        let mut b = Builder { comments: vec![] };
        let a = b.add("Ana", None, Approved);
        b.add("Pending reply", Some(a), Pending);
        let rejected = b.add("Rejected", None, Rejected);
        b.add("Reply to rejected", Some(rejected), Approved);
        let withdrawn = b.add("Withdrawn", None, Withdrawn);
        b.add("Reply to withdrawn", Some(withdrawn), Approved);
        b.add("Lonely rejected", None, Rejected);
        assert_eq!(
            names(&b.threads()),
            [
                "Ana",
                "[not published]",
                "Reply to rejected",
                "[withdrawn]",
                "Reply to withdrawn"
            ]
        );
    }

    #[test]
    fn a_reader_allowed_to_sees_unpublished_comments_marked_as_such() {
        use CommentStatus::*;
        let mut b = Builder { comments: vec![] };
        let a = b.add("Ana", None, Approved);
        b.add("Mine", Some(a), Pending);
        b.add("Theirs", Some(a), Pending);
        b.add("Mine withdrawn", None, Withdrawn);
        let mut sorted = b.comments.clone();
        sorted.sort_by(|x, y| x.1.path.cmp(&y.1.path));
        let entries = visible_threads(sorted.into_iter().map(|(c, _)| c).collect(), |c| {
            c.author.display_name.starts_with("Mine")
        });
        assert_eq!(names(&entries), ["Ana", "Mine"]);
        assert_eq!(entries[0].unpublished, None);
        assert_eq!(entries[1].unpublished, Some(Pending));
    }

    #[test]
    fn deep_replies_are_flattened_and_name_whom_they_answer() {
        let mut b = Builder { comments: vec![] };
        let mut parent = b.add("Level 0", None, CommentStatus::Approved);
        for level in 1..=6 {
            parent = b.add(
                &format!("Level {level}"),
                Some(parent),
                CommentStatus::Approved,
            );
        }
        let entries = b.threads();
        let depths: Vec<_> = entries.iter().map(|e| e.display_depth).collect();
        assert_eq!(depths, [0, 1, 2, 3, 4, 4, 4]);
        assert_eq!(entries[4].in_reply_to, None);
        assert_eq!(entries[5].in_reply_to, Some(Some("Level 4".into())));
        assert_eq!(entries[6].in_reply_to, Some(Some("Level 5".into())));
    }

    #[test]
    fn nesting_rebuilds_the_tree() {
        let mut b = Builder { comments: vec![] };
        let a = b.add("A", None, CommentStatus::Approved);
        let a1 = b.add("A1", Some(a), CommentStatus::Approved);
        b.add("A1x", Some(a1), CommentStatus::Approved);
        b.add("A2", Some(a), CommentStatus::Approved);
        b.add("B", None, CommentStatus::Approved);
        let tree = nest(b.threads());
        assert_eq!(tree.len(), 2);
        assert_eq!(tree[0].replies.len(), 2);
        assert_eq!(
            tree[0].replies[0].replies[0]
                .entry
                .comment
                .author
                .display_name,
            "A1x"
        );
        assert_eq!(tree[1].entry.comment.author.display_name, "B");
    }
}
