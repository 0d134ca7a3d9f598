//! Late comments (posted in a roundtable's grace period, after its
//! deadline) and the chairs' decision whether each enters the report.

use chrono::{DateTime, Utc};

/// Where a comment stands with regard to the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LateMark {
    /// Posted after the deadline; the chairs have not decided.
    Undecided,
    Included,
    LeftOut,
}

impl LateMark {
    /// From the stored decision: NULL until a chair decides.
    pub fn from_decision(included: Option<bool>) -> Self {
        match included {
            None => Self::Undecided,
            Some(true) => Self::Included,
            Some(false) => Self::LeftOut,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Undecided => "undecided",
            Self::Included => "included",
            Self::LeftOut => "left_out",
        }
    }
}

/// The one rule for reports, digests and outcome citing: a comment on time
/// enters the report; a late one only once a chair included it.
pub fn in_report(late: Option<LateMark>) -> bool {
    matches!(late, None | Some(LateMark::Included))
}

/// How digests (written in English) mark a comment: empty when on time.
pub fn digest_words(late: Option<LateMark>) -> &'static str {
    match late {
        None => "",
        Some(LateMark::Included) => "Late — included by the chairs",
        Some(LateMark::LeftOut) => "Late — not in the report",
        Some(LateMark::Undecided) => "Late — not decided yet",
    }
}

/// How a deadline moved, for the line on the roundtable page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineMove {
    Extended,
    BroughtForward,
    /// A deadline set where there was none.
    Set,
    /// The deadline removed: open until the consultation closes.
    Removed,
}

impl DeadlineMove {
    pub fn of(previous: Option<DateTime<Utc>>, new: Option<DateTime<Utc>>) -> Self {
        match (previous, new) {
            (Some(p), Some(n)) if n < p => Self::BroughtForward,
            (Some(_), Some(_)) => Self::Extended,
            (None, _) => Self::Set,
            (Some(_), None) => Self::Removed,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Extended => "extended",
            Self::BroughtForward => "brought-forward",
            Self::Set => "set",
            Self::Removed => "removed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_late_comment_enters_the_report_only_once_included() {
        assert!(in_report(None));
        assert!(in_report(Some(LateMark::from_decision(Some(true)))));
        assert!(!in_report(Some(LateMark::from_decision(Some(false)))));
        assert!(!in_report(Some(LateMark::from_decision(None))));
    }

    #[test]
    fn a_deadline_moves_forward_or_back() {
        let at = |d| Utc.with_ymd_and_hms(2026, 3, d, 18, 0, 0).unwrap();
        assert_eq!(
            DeadlineMove::of(Some(at(12)), Some(at(19))),
            DeadlineMove::Extended
        );
        assert_eq!(
            DeadlineMove::of(Some(at(12)), Some(at(5))),
            DeadlineMove::BroughtForward
        );
        assert_eq!(DeadlineMove::of(None, Some(at(5))), DeadlineMove::Set);
        assert_eq!(DeadlineMove::of(Some(at(5)), None), DeadlineMove::Removed);
    }
}
