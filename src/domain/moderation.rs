//! What chairs decide about comments, and which decisions a comment's state
//! allows. The first decision on a comment wins: the storage layer applies a
//! decision only while the comment is still in the state it requires.

use super::affiliation::closed_list;
use super::comment::CommentStatus;
use super::ids::GuidingQuestionId;
use super::InvalidField;

closed_list!(
    /// Why a chair rejects or unpublishes a comment, and why a reader reports one.
    ModerationReason {
        OffTopic => "off_topic", "Off-topic",
        NotIdentified => "not_identified", "Not correctly identified",
        Duplicate => "duplicate", "Duplicate of another comment",
        Abusive => "abusive", "Abusive",
        Spam => "spam", "Spam",
        Other => "other", "Other reason",
    }
);

impl ModerationReason {
    pub fn parse(field: &'static str, code: &str) -> Result<Self, InvalidField> {
        Self::from_code(code.trim())
            .ok_or_else(|| InvalidField::new(field, "invalid-moderation-reason"))
    }
}

pub const NOTE_MAX_CHARS: usize = 2_000;

/// An optional note for the author or the chairs; blank means none.
pub fn parse_note(field: &'static str, note: &str) -> Result<Option<String>, InvalidField> {
    let note = note.trim();
    match note.chars().count() {
        0 => Ok(None),
        n if n > NOTE_MAX_CHARS => Err(InvalidField::new(field, "invalid-note-too-long")
            .with("length", n)
            .with("limit", NOTE_MAX_CHARS)),
        _ => Ok(Some(note.to_owned())),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Publish,
    Reject {
        reason: ModerationReason,
        note: Option<String>,
    },
    Unpublish {
        reason: ModerationReason,
        note: Option<String>,
    },
    Highlight,
    RemoveHighlight,
    /// The guiding questions the comment answers; empty means "General".
    Retag(Vec<GuidingQuestionId>),
    /// Readers' reports were unfounded: they are closed and the comment shows again.
    DismissReports,
}

/// What a comment looks like to a decision: enough to say whether it applies.
#[derive(Debug, Clone, Copy)]
pub struct DecisionTarget {
    pub status: CommentStatus,
    pub highlighted: bool,
    pub open_reports: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inapplicable {
    /// Another decision came first; the caller tells who made it.
    AlreadyDecided,
    /// The decision makes no sense for this comment (highlighting a pending one).
    NotApplicable(&'static str),
}

impl Decision {
    /// The name of the decision in the audit trail and in emails.
    pub fn action(&self) -> &'static str {
        match self {
            Self::Publish => "published",
            Self::Reject { .. } => "rejected",
            Self::Unpublish { .. } => "unpublished",
            Self::Highlight => "highlighted",
            Self::RemoveHighlight => "highlight_removed",
            Self::Retag(_) => "retagged",
            Self::DismissReports => "reports_dismissed",
        }
    }

    /// The status the comment must have for the decision to apply, if any.
    pub fn required_status(&self) -> Option<CommentStatus> {
        match self {
            Self::Publish | Self::Reject { .. } => Some(CommentStatus::Pending),
            Self::Unpublish { .. } | Self::Highlight | Self::RemoveHighlight => {
                Some(CommentStatus::Approved)
            }
            Self::DismissReports => Some(CommentStatus::Approved),
            Self::Retag(_) => None,
        }
    }

    /// Whether the author is told: a decision that changes the status
    /// (publish, reject, unpublish); highlights and re-tags are quiet.
    pub fn tells_author(&self) -> bool {
        self.new_status().is_some()
    }

    /// The status after the decision; None when it does not change.
    pub fn new_status(&self) -> Option<CommentStatus> {
        match self {
            Self::Publish => Some(CommentStatus::Approved),
            Self::Reject { .. } | Self::Unpublish { .. } => Some(CommentStatus::Rejected),
            _ => None,
        }
    }

    pub fn reason(&self) -> Option<ModerationReason> {
        match self {
            Self::Reject { reason, .. } | Self::Unpublish { reason, .. } => Some(*reason),
            _ => None,
        }
    }

    pub fn note(&self) -> Option<&str> {
        match self {
            Self::Reject { note, .. } | Self::Unpublish { note, .. } => note.as_deref(),
            _ => None,
        }
    }

    /// Whether the decision applies to a comment in this state.
    pub fn check(&self, target: DecisionTarget) -> Result<(), Inapplicable> {
        if target.status == CommentStatus::Withdrawn {
            return Err(Inapplicable::NotApplicable("not-applicable-withdrawn"));
        }
        match self {
            Self::Highlight | Self::RemoveHighlight if target.status != CommentStatus::Approved => {
                Err(Inapplicable::NotApplicable("not-applicable-highlight"))
            }
            Self::Highlight if target.highlighted => Err(Inapplicable::AlreadyDecided),
            Self::RemoveHighlight if !target.highlighted => Err(Inapplicable::AlreadyDecided),
            Self::DismissReports if target.open_reports == 0 => Err(Inapplicable::AlreadyDecided),
            _ => match self.required_status() {
                Some(required) if required != target.status => Err(Inapplicable::AlreadyDecided),
                _ => Ok(()),
            },
        }
    }
}

/// Each decision by its code in forms and the API, as a decision of that
/// kind (the reason of a rejection does not change what it applies to).
fn by_code() -> [(&'static str, Decision); 7] {
    let reason = ModerationReason::Other;
    [
        ("publish", Decision::Publish),
        ("reject", Decision::Reject { reason, note: None }),
        ("unpublish", Decision::Unpublish { reason, note: None }),
        ("highlight", Decision::Highlight),
        ("unhighlight", Decision::RemoveHighlight),
        ("retag", Decision::Retag(Vec::new())),
        ("dismiss_reports", Decision::DismissReports),
    ]
}

/// The decisions a comment in this state takes, by their codes: a pending
/// comment is published, rejected or re-tagged; a published one
/// highlighted or not, unpublished or re-tagged, and its reports dismissed
/// when it has open ones. Pages offer only these.
pub fn possible_decisions(target: DecisionTarget) -> Vec<&'static str> {
    by_code()
        .into_iter()
        .filter(|(_, decision)| decision.check(target).is_ok())
        .map(|(code, _)| code)
        .collect()
}

/// The audit trail's name for the decision with this code ("publish" is
/// "published"), if there is such a decision.
pub fn audit_name_of(code: &str) -> Option<&'static str> {
    by_code()
        .into_iter()
        .find(|(c, _)| *c == code)
        .map(|(_, decision)| decision.action())
}

/// How many reports from different readers hide a comment until a chair decides.
pub const REPORTS_THAT_HIDE: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use CommentStatus::*;

    fn target(status: CommentStatus) -> DecisionTarget {
        DecisionTarget {
            status,
            highlighted: false,
            open_reports: 0,
        }
    }

    #[test]
    fn publish_and_reject_apply_only_to_pending_comments() {
        let reject = Decision::Reject {
            reason: ModerationReason::Spam,
            note: None,
        };
        for decision in [Decision::Publish, reject] {
            assert_eq!(decision.check(target(Pending)), Ok(()));
            assert_eq!(
                decision.check(target(Approved)),
                Err(Inapplicable::AlreadyDecided)
            );
            assert_eq!(
                decision.check(target(Rejected)),
                Err(Inapplicable::AlreadyDecided)
            );
        }
    }

    #[test]
    fn only_published_comments_are_unpublished_or_highlighted() {
        let unpublish = Decision::Unpublish {
            reason: ModerationReason::Abusive,
            note: None,
        };
        assert_eq!(unpublish.check(target(Approved)), Ok(()));
        assert_eq!(
            unpublish.check(target(Rejected)),
            Err(Inapplicable::AlreadyDecided)
        );
        assert!(matches!(
            Decision::Highlight.check(target(Pending)),
            Err(Inapplicable::NotApplicable(_))
        ));
        let highlighted = DecisionTarget {
            highlighted: true,
            ..target(Approved)
        };
        assert_eq!(
            Decision::Highlight.check(highlighted),
            Err(Inapplicable::AlreadyDecided)
        );
        assert_eq!(Decision::RemoveHighlight.check(highlighted), Ok(()));
    }

    #[test]
    fn withdrawn_comments_take_no_decision() {
        for decision in [Decision::Publish, Decision::Retag(vec![])] {
            assert!(matches!(
                decision.check(target(Withdrawn)),
                Err(Inapplicable::NotApplicable(_))
            ));
        }
    }

    #[test]
    fn dismissing_needs_open_reports() {
        let reported = DecisionTarget {
            open_reports: 2,
            ..target(Approved)
        };
        assert_eq!(Decision::DismissReports.check(reported), Ok(()));
        assert_eq!(
            Decision::DismissReports.check(target(Approved)),
            Err(Inapplicable::AlreadyDecided)
        );
    }

    #[test]
    fn notes_are_optional_and_bounded() {
        assert_eq!(parse_note("note", "  "), Ok(None));
        assert_eq!(parse_note("note", " Thanks "), Ok(Some("Thanks".into())));
        assert!(parse_note("note", &"x".repeat(NOTE_MAX_CHARS + 1)).is_err());
        assert!(ModerationReason::parse("reason", "rude").is_err());
        assert_eq!(
            ModerationReason::parse("reason", "spam"),
            Ok(ModerationReason::Spam)
        );
    }

    #[test]
    fn each_state_offers_only_the_decisions_it_takes() {
        assert_eq!(
            possible_decisions(target(Pending)),
            ["publish", "reject", "retag"]
        );
        assert_eq!(
            possible_decisions(target(Approved)),
            ["unpublish", "highlight", "retag"]
        );
        let highlighted_and_reported = DecisionTarget {
            highlighted: true,
            open_reports: 1,
            ..target(Approved)
        };
        assert_eq!(
            possible_decisions(highlighted_and_reported),
            ["unpublish", "unhighlight", "retag", "dismiss_reports"]
        );
        assert!(possible_decisions(target(Withdrawn)).is_empty());
        assert_eq!(audit_name_of("publish"), Some("published"));
        assert_eq!(audit_name_of("unhighlight"), Some("highlight_removed"));
        assert_eq!(audit_name_of("approve"), None);
    }
}
