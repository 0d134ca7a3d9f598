//! What the roundtable page says of late comments, deadline changes and
//! following: the grace period, each change of the deadline, the follow
//! form, and the "Late" mark (with the chairs' decision for them).

use crate::db::queries::following::Follow;
use crate::db::queries::late::DeadlineChangeRecord;
use crate::domain::late::{DeadlineMove, LateMark};
use crate::domain::time::CommentPeriod;
use crate::i18n::{text, Language};
use crate::web::format::{date_time, day};
use chrono_tz::Tz;
use serde::Serialize;

/// "Comments close on …; comments posted in the following 24 hours are
/// marked late and the chairs decide whether they enter the report."
pub fn grace_line(period: &CommentPeriod, zone: Tz, lang: Language) -> Option<String> {
    let closes = period.closes_at?;
    period.grace_ends_at()?;
    Some(text(
        lang,
        "late-grace-line",
        &[
            ("at", date_time(closes, zone, lang).into()),
            ("hours", (period.grace_minutes / 60).into()),
        ],
    ))
}

/// "Deadline extended on 5 March 2026 to 19 March 2026, 18:00 CET: reason".
pub fn deadline_lines(changes: &[DeadlineChangeRecord], zone: Tz, lang: Language) -> Vec<String> {
    changes
        .iter()
        .map(|c| {
            let key = format!(
                "late-deadline-{}",
                DeadlineMove::of(c.previous, c.new).code()
            );
            let new = c.new.map(|t| date_time(t, zone, lang)).unwrap_or_default();
            text(
                lang,
                &key,
                &[
                    ("on", day(c.at, zone, lang).into()),
                    ("to", new.into()),
                    ("reason", c.reason.clone().into()),
                ],
            )
        })
        .collect()
}

/// The follow form for a signed-in reader.
#[derive(Serialize)]
pub struct FollowView {
    following: bool,
    daily_digest: bool,
}

pub fn follow_view(follow: Option<Follow>) -> FollowView {
    let follow = follow.unwrap_or(Follow {
        following: false,
        daily_digest: false,
    });
    FollowView {
        following: follow.following,
        daily_digest: follow.daily_digest,
    }
}

/// The "Late" mark of a comment; for chairs, with their decision and the
/// form that changes it (`partials/late_decision.html`).
#[derive(Serialize, Clone)]
pub struct LateView {
    pub label: String,
    /// The decision in words ("Late — not decided yet"), for chairs.
    pub decision: Option<String>,
    /// "undecided", "included" or "left_out", for chairs.
    pub mark: Option<&'static str>,
}

pub fn late_view(mark: LateMark, may_moderate: bool, lang: Language) -> LateView {
    LateView {
        label: text(lang, "late-badge", &[]),
        decision: may_moderate.then(|| text(lang, &format!("late-decision-{}", mark.code()), &[])),
        mark: may_moderate.then_some(mark.code()),
    }
}
