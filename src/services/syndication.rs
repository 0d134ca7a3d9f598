//! What calendars and feeds carry: every dated thing of a consultation or a
//! roundtable, and the latest published comments.

use super::roundtables::{roundtable_detail, RoundtableDetail};
use super::ServiceError;
use crate::db::queries::{comments, consultations, roundtables};
use crate::db::AnyConnection;
use crate::domain::comment::Comment;
use crate::domain::consultation::Consultation;
use crate::domain::roundtable::Roundtable;
use chrono::{DateTime, Utc};

/// How many comments a feed lists.
pub const FEED_ENTRIES: i64 = 50;

/// One dated thing, ready for a calendar. `uid` is stable: the entity's id
/// and what it stands for, so a re-imported file updates rather than
/// duplicates the events.
#[derive(Debug, Clone)]
pub struct DatedItem {
    pub uid: String,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub location: Option<String>,
    /// The page's path, without a leading slash.
    pub path: String,
}

pub struct CalendarContent {
    pub name: String,
    pub items: Vec<DatedItem>,
}

fn location(consultation: &Consultation, venue: Option<&String>) -> Option<String> {
    match (venue.or(consultation.venue.as_ref()), consultation.online) {
        (Some(venue), true) => Some(format!("{venue} and online")),
        (Some(venue), false) => Some(venue.clone()),
        (None, true) => Some("Online".into()),
        (None, false) => None,
    }
}

fn roundtable_items(
    c: &Consultation,
    r: &Roundtable,
    programme: &[crate::domain::roundtable::ProgrammeItem],
) -> Vec<DatedItem> {
    let path = format!("c/{}/{}", c.slug, r.slug);
    let mut items = Vec::new();
    if let Some(starts_at) = r.starts_at {
        items.push(DatedItem {
            uid: format!("roundtable-{}", r.id),
            title: format!("{} ({})", r.full_title(), c.title),
            description: r.summary.clone(),
            starts_at,
            ends_at: r.ends_at,
            location: location(c, r.venue.as_ref()),
            path: path.clone(),
        });
    }
    if let Some(closes) = r.comment_period.closes_at {
        items.push(DatedItem {
            uid: format!("comments-close-{}", r.id),
            title: format!("Comments close: {}", r.full_title()),
            description: format!(
                "Last moment to comment on {} ({}).",
                r.full_title(),
                c.title
            ),
            starts_at: closes,
            ends_at: None,
            location: None,
            path: path.clone(),
        });
    }
    items.extend(
        programme
            .iter()
            .filter(|p| p.roundtable_id == Some(r.id))
            .map(|p| DatedItem {
                uid: format!("programme-{}", p.id),
                title: format!("{} – {}", p.title, r.full_title()),
                description: speakers_line(&p.description, &p.speakers),
                starts_at: p.starts_at,
                ends_at: p.ends_at,
                location: location(c, r.venue.as_ref()),
                path: path.clone(),
            }),
    );
    items
}

fn speakers_line(description: &str, speakers: &[String]) -> String {
    match speakers {
        [] => description.to_owned(),
        speakers => format!("{description}\nSpeakers: {}", speakers.join("; "))
            .trim()
            .to_owned(),
    }
}

/// The consultation itself, each roundtable session, comment deadline and
/// programme item.
pub fn consultation_calendar(
    conn: &mut AnyConnection,
    slug: &str,
) -> Result<CalendarContent, ServiceError> {
    let c = consultations::find_public_by_slug(conn, slug)?
        .ok_or(ServiceError::NotFound("missing-consultation"))?;
    let all = roundtables::for_consultation(conn, c.id)?;
    let programme = consultations::whole_programme(conn, c.id)?;
    let path = format!("c/{}", c.slug);
    let mut items = Vec::new();
    if let Some(starts_at) = c.starts_at {
        items.push(DatedItem {
            uid: format!("consultation-{}", c.id),
            title: c.title.clone(),
            description: c.summary.clone(),
            starts_at,
            ends_at: c.ends_at,
            location: location(&c, None),
            path: path.clone(),
        });
    }
    items.extend(
        programme
            .iter()
            .filter(|p| p.roundtable_id.is_none())
            .map(|p| DatedItem {
                uid: format!("programme-{}", p.id),
                title: format!("{} – {}", p.title, c.title),
                description: speakers_line(&p.description, &p.speakers),
                starts_at: p.starts_at,
                ends_at: p.ends_at,
                location: location(&c, None),
                path: path.clone(),
            }),
    );
    for r in &all {
        items.extend(roundtable_items(&c, r, &programme));
    }
    items.sort_by_key(|i| i.starts_at);
    Ok(CalendarContent {
        name: c.title,
        items,
    })
}

pub fn roundtable_calendar(
    conn: &mut AnyConnection,
    consultation: &str,
    roundtable: &str,
) -> Result<CalendarContent, ServiceError> {
    let detail = roundtable_detail(conn, consultation, roundtable)?;
    let RoundtableDetail {
        consultation: c,
        roundtable: r,
        programme,
        ..
    } = detail;
    let mut items = roundtable_items(&c, &r, &programme);
    items.sort_by_key(|i| i.starts_at);
    Ok(CalendarContent {
        name: format!("{} – {}", r.full_title(), c.title),
        items,
    })
}

/// A feed of published comments: where they are, and the latest of them.
pub struct CommentFeed {
    pub title: String,
    /// The page's path, without a leading slash.
    pub path: String,
    /// Each comment with its roundtable's slug and full title.
    pub entries: Vec<(Comment, String, String)>,
}

fn comment_feed(
    conn: &mut AnyConnection,
    title: String,
    path: String,
    roundtables: &[Roundtable],
) -> Result<CommentFeed, ServiceError> {
    let ids: Vec<_> = roundtables.iter().map(|r| r.id).collect();
    let entries = comments::recent_public(conn, &ids, FEED_ENTRIES)?
        .into_iter()
        .filter_map(|comment| {
            let r = roundtables.iter().find(|r| r.id == comment.roundtable_id)?;
            Some((comment, r.slug.to_string(), r.full_title()))
        })
        .collect();
    Ok(CommentFeed {
        title,
        path,
        entries,
    })
}

pub fn roundtable_feed(
    conn: &mut AnyConnection,
    consultation: &str,
    roundtable: &str,
) -> Result<CommentFeed, ServiceError> {
    let c = consultations::find_public_by_slug(conn, consultation)?
        .ok_or(ServiceError::NotFound("missing-consultation"))?;
    let r = roundtables::for_consultation(conn, c.id)?
        .into_iter()
        .find(|r| r.slug.as_str() == roundtable)
        .ok_or(ServiceError::NotFound("missing-roundtable"))?;
    let title = format!("Comments on {} – {}", r.full_title(), c.title);
    let path = format!("c/{}/{}", c.slug, r.slug);
    comment_feed(conn, title, path, &[r])
}

pub fn consultation_feed(
    conn: &mut AnyConnection,
    consultation: &str,
) -> Result<(CommentFeed, String), ServiceError> {
    let c = consultations::find_public_by_slug(conn, consultation)?
        .ok_or(ServiceError::NotFound("missing-consultation"))?;
    let all = roundtables::for_consultation(conn, c.id)?;
    let feed = comment_feed(
        conn,
        format!("Comments on {}", c.title),
        format!("c/{}", c.slug),
        &all,
    )?;
    Ok((feed, c.slug.to_string()))
}
