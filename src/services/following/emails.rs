//! The emails to followers, written by the scheduler: announcements
//! recorded by `announce`, and the daily digests of newly published
//! comments.

use crate::db::queries::following::{self, DigestFollower, RoundtablePlace, WaitingAnnouncement};
use crate::db::queries::notifications::{contacts, Recipient};
use crate::db::AnyConnection;
use crate::domain::time::TimePattern;
use crate::i18n::Language;
use crate::outbox::{self, OutgoingEmail};
use crate::services::emails::EmailContext;
use crate::services::ServiceError;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub(super) const OUTCOME: &str = "outcome";
pub(super) const DEADLINE: &str = "deadline";
/// Unsubscribe links must keep working in old emails.
const LINK_LIFETIME: Duration = Duration::days(730);
/// Comments listed in one digest; the rest are counted.
const DIGEST_ITEMS: usize = 50;
/// The length of each comment's excerpt in a digest.
const EXCERPT_CHARS: usize = 160;
/// Announcements written per call: the rest wait for the next minute.
const ANNOUNCEMENTS_PER_RUN: i64 = 20;

static TIME: TimePattern = TimePattern::new("%-d %B %Y, %H:%M %Z");
static TIME_ES: TimePattern = TimePattern::new("%-d de %B de %Y, %H:%M %Z");

fn when(time: Option<DateTime<Utc>>, zone: Tz, lang: Language) -> String {
    match time {
        Some(t) => match lang {
            Language::Es => &TIME_ES,
            Language::En | Language::Fr => &TIME,
        }
        .format_localized(&t.with_timezone(&zone), lang.chrono_locale()),
        None => crate::i18n::text(lang, "follow-no-deadline", &[]),
    }
}

/// Writes the emails of the recorded announcements and the daily digests
/// due at `now`. Safe to call often and from every instance: each email
/// has a de-duplication key. Returns how many emails were queued.
pub fn send_due(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let mut queued = 0;
    for announcement in following::waiting_announcements(conn, ANNOUNCEMENTS_PER_RUN)? {
        queued += crate::db::write_transaction(conn, |conn| {
            announce_to_followers(conn, ctx, &announcement, now)
        })?;
    }
    for follower in following::digest_followers(conn, day_start(now))? {
        queued += crate::db::write_transaction(conn, |conn| digest(conn, ctx, &follower, now))?;
    }
    Ok(queued)
}

#[derive(Deserialize)]
struct Details {
    version: Option<i32>,
    previous: Option<DateTime<Utc>>,
    new: Option<DateTime<Utc>>,
    reason: Option<String>,
}

fn announce_to_followers(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    announcement: &WaitingAnnouncement,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    if !following::mark_announced(conn, &announcement.id, now)? {
        return Ok(0);
    }
    let Some(place) = following::place(conn, &announcement.roundtable_id)? else {
        return Ok(0);
    };
    let details: Details = serde_json::from_str(&announcement.details_json)
        .map_err(|e| crate::db::StorageError::corrupt(format!("an announcement: {e}")))?;
    let zone: Tz = place.time_zone.parse().unwrap_or(Tz::UTC);
    let mut queued = 0;
    for to in following::followers(conn, &announcement.roundtable_id, announcement.created_at)? {
        let lang = to.language;
        let key = format!(
            "follow:{}:{}:{}:{}",
            announcement.kind, announcement.roundtable_id, announcement.subject_key, to.user_id
        );
        let email = match announcement.kind.as_str() {
            DEADLINE => {
                let moved =
                    crate::domain::late::DeadlineMove::of(details.previous, details.new).code();
                let view = DeadlineView {
                    previous: when(details.previous, zone, lang),
                    new: when(details.new, zone, lang),
                    reason: details.reason.clone().unwrap_or_default(),
                    subject_key: format!("follow-deadline-subject-{moved}"),
                };
                compose(ctx, "follow_deadline", &to, &place, &view, key, now)?
            }
            _ => {
                let view = OutcomeView {
                    version: details.version.unwrap_or(1),
                    // The public outcome on the roundtable's page (its
                    // versions and their changes are listed there).
                    outcome_link: ctx.link(&format!(
                        "c/{}/{}#outcome",
                        place.consultation_slug, place.roundtable_slug
                    )),
                };
                compose(ctx, "follow_outcome", &to, &place, &view, key, now)?
            }
        };
        outbox::enqueue(conn, &email, now)?;
        queued += 1;
    }
    Ok(queued)
}

#[derive(Serialize)]
struct DeadlineView {
    previous: String,
    new: String,
    reason: String,
    /// "follow-deadline-subject-extended", "…-brought-forward", …
    subject_key: String,
}

#[derive(Serialize)]
struct OutcomeView {
    version: i32,
    outcome_link: String,
}

#[derive(Serialize)]
struct DigestItem {
    author: String,
    excerpt: String,
    link: String,
}

#[derive(Serialize)]
struct DigestView {
    count: usize,
    more: usize,
    comments: Vec<DigestItem>,
}

/// Midnight UTC before `now`: digests cover whole UTC days.
fn day_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now.date_naive()
        .and_hms_opt(0, 0, 0)
        .map_or(now, |t| t.and_utc())
}

/// A follower's digest of the comments published from where the last one
/// stopped to the start of today (UTC): one a day, only when there are some.
fn digest(
    conn: &mut AnyConnection,
    ctx: EmailContext<'_>,
    follower: &DigestFollower,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let today = day_start(now);
    if follower.sent_until >= today {
        return Ok(0);
    }
    let published =
        following::published_between(conn, &follower.roundtable_id, (follower.sent_until, today))?;
    following::set_digest_sent_until(conn, &follower.user_id, &follower.roundtable_id, today)?;
    let (Some(to), Some(place)) = (
        contacts(conn, std::slice::from_ref(&follower.user_id))?
            .into_iter()
            .next(),
        following::place(conn, &follower.roundtable_id)?,
    ) else {
        return Ok(0);
    };
    if published.is_empty() {
        return Ok(0);
    }
    let view = DigestView {
        count: published.len(),
        more: published.len().saturating_sub(DIGEST_ITEMS),
        comments: published
            .iter()
            .take(DIGEST_ITEMS)
            .map(|c| DigestItem {
                author: match c.author_organisation.as_str() {
                    "" => c.author_name.clone(),
                    org => format!("{} ({org})", c.author_name),
                },
                excerpt: crate::text::plain_excerpt(&c.body_markdown, EXCERPT_CHARS),
                link: ctx.link(&format!(
                    "c/{}/{}?comment={r}#{r}",
                    place.consultation_slug,
                    place.roundtable_slug,
                    r = c.reference
                )),
            })
            .collect(),
    };
    let key = format!(
        "follow:digest:{}:{}:{}",
        follower.roundtable_id,
        follower.user_id,
        today.date_naive()
    );
    let email = compose(ctx, "follow_digest", &to, &place, &view, key, now)?;
    outbox::enqueue(conn, &email, now)?;
    Ok(1)
}

/// The subject of the signed unsubscribe link in a follower's email.
pub fn link_subject(roundtable: &str) -> String {
    format!("follow:{roundtable}")
}

/// Composes a follower's email in their language, with the link that stops
/// following the roundtable in the body and in the RFC 8058 headers.
fn compose<V: Serialize>(
    ctx: EmailContext<'_>,
    name: &str,
    to: &Recipient,
    place: &RoundtablePlace,
    view: &V,
    dedup_key: String,
    now: DateTime<Utc>,
) -> Result<OutgoingEmail, ServiceError> {
    #[derive(Serialize)]
    struct Framed<'a, V> {
        #[serde(flatten)]
        view: &'a V,
        name: &'a str,
        roundtable: &'a str,
        roundtable_link: String,
        unsubscribe_link: String,
    }
    let id = place.roundtable_id.clone();
    let token = ctx.signer.sign(
        "unsubscribe",
        &[&to.user_id, &link_subject(&id)],
        now + LINK_LIFETIME,
    );
    let unsubscribe_link = ctx.link(&format!("unsubscribe?token={token}"));
    let theirs = EmailContext {
        language: to.language,
        ..ctx
    };
    let mut email = theirs.compose(
        name,
        &to.email,
        &Framed {
            view,
            name: &to.name,
            roundtable: &place.title,
            roundtable_link: ctx.link(&format!(
                "c/{}/{}",
                place.consultation_slug, place.roundtable_slug
            )),
            unsubscribe_link: unsubscribe_link.clone(),
        },
        Some(dedup_key),
    )?;
    email.headers = vec![
        ("List-Unsubscribe".into(), format!("<{unsubscribe_link}>")),
        (
            "List-Unsubscribe-Post".into(),
            "List-Unsubscribe=One-Click".into(),
        ),
    ];
    Ok(email)
}
