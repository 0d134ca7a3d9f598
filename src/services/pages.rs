//! Read models of the public pages and the read-only API. Each is built
//! from a fixed number of queries, whatever the number of comments.

use super::outcomes::{self, ShownOutcome};
use super::roundtables::{
    find_consultation, find_consultation_as, roundtable_detail_as, RoundtableDetail,
};
use super::ServiceError;
use crate::db::queries::{comments, consultations, notifications, roundtables};
use crate::db::AnyConnection;
use crate::domain::comment::CommentStatus;
use crate::domain::consultation::{
    order_for_listing, Consultation, ConsultationOrganisation, ConsultationStatus,
};
use crate::domain::ids::{CommentId, RoundtableId, UserId};
use crate::domain::roundtable::{GuidingQuestion, ProgrammeItem, Resource, Roundtable};
use crate::domain::thread::{nest, public_threads, visible_threads, ThreadEntry, ThreadNode};
use crate::domain::user::Actor;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// Public consultations, open ones first, then upcoming, then past.
pub fn home(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
) -> Result<Vec<Consultation>, ServiceError> {
    let mut list = consultations::public(conn)?;
    order_for_listing(&mut list, now);
    Ok(list)
}

pub struct ConsultationList {
    pub consultations: Vec<Consultation>,
    pub next_cursor: Option<String>,
}

pub fn consultation_list(
    conn: &mut AnyConnection,
    status: Option<ConsultationStatus>,
    after: Option<crate::domain::ids::ConsultationId>,
    limit: i64,
) -> Result<ConsultationList, ServiceError> {
    let mut consultations = consultations::public_page(conn, status, after, limit + 1)?;
    let has_more = consultations.len() as i64 > limit;
    consultations.truncate(limit as usize);
    let next_cursor = has_more
        .then(|| consultations.last().map(|c| c.id.to_string()))
        .flatten();
    Ok(ConsultationList {
        consultations,
        next_cursor,
    })
}

/// A top-level roundtable with its sub-roundtables, each with its count of
/// published comments.
pub struct RoundtableGroup {
    pub roundtable: Roundtable,
    pub public_comments: i64,
    /// Published since the reader's last visit; None for visitors and unvisited roundtables.
    pub new_comments: Option<i64>,
    pub children: Vec<(Roundtable, i64, Option<i64>)>,
}

/// Per roundtable, comments published since the reader's last visit (only
/// roundtables visited before appear).
type NewCounts = HashMap<RoundtableId, i64>;

pub struct ConsultationPage {
    pub consultation: Consultation,
    pub organisations: Vec<ConsultationOrganisation>,
    pub roundtables: Vec<RoundtableGroup>,
    pub programme: Vec<ProgrammeItem>,
    pub resources: Vec<Resource>,
}

/// Where a renamed consultation or roundtable lives now, as a path.
pub fn moved_to(
    conn: &mut AnyConnection,
    consultation_slug: &str,
    roundtable_slug: Option<&str>,
) -> Result<Option<String>, ServiceError> {
    use crate::db::queries::authoring;
    let (consultation, moved) = match consultations::find_public_by_slug(conn, consultation_slug)? {
        Some(c) => (c, false),
        None => match authoring::consultation_redirect(conn, consultation_slug)? {
            Some(new_slug) => match consultations::find_public_by_slug(conn, &new_slug)? {
                Some(c) => (c, true),
                None => return Ok(None),
            },
            None => return Ok(None),
        },
    };
    let base = format!("/c/{}", consultation.slug);
    match roundtable_slug {
        None => Ok(moved.then_some(base)),
        Some(old) => {
            let live = roundtables::for_consultation(conn, consultation.id)?
                .into_iter()
                .any(|r| r.slug.as_str() == old);
            if live {
                return Ok(moved.then(|| format!("{base}/{old}")));
            }
            Ok(authoring::roundtable_redirect(conn, consultation.id, old)?
                .map(|new_slug| format!("{base}/{new_slug}")))
        }
    }
}

pub fn consultation_page(
    conn: &mut AnyConnection,
    slug: &str,
    reader: Option<Actor>,
) -> Result<ConsultationPage, ServiceError> {
    let consultation = find_consultation_as(conn, slug, reader.is_some_and(|r| r.staff))?;
    let organisations = consultations::organisations(conn, consultation.id)?;
    let all = roundtables::for_consultation(conn, consultation.id)?;
    let ids: Vec<RoundtableId> = all.iter().map(|r| r.id).collect();
    let counts = comments::public_counts(conn, &ids)?;
    let new_counts = match reader {
        Some(reader) => {
            let visited = notifications::last_visits(conn, reader.id, &ids)?;
            let mut new = notifications::new_since_last_visit(conn, reader.id, &ids)?;
            for id in visited.keys() {
                new.entry(*id).or_insert(0);
            }
            new
        }
        None => NewCounts::new(),
    };
    let programme = consultations::programme(conn, consultation.id, None)?;
    let resources = consultations::resources(conn, consultation.id, None)?;
    Ok(ConsultationPage {
        roundtables: group_roundtables(all, &counts, &new_counts),
        consultation,
        organisations,
        programme,
        resources,
    })
}

/// Nests sub-roundtables under their parent, keeping each level's order. A
/// sub-roundtable whose parent is gone is shown at the top level.
fn group_roundtables(
    all: Vec<Roundtable>,
    counts: &HashMap<RoundtableId, i64>,
    new_counts: &NewCounts,
) -> Vec<RoundtableGroup> {
    let count = |id: &RoundtableId| counts.get(id).copied().unwrap_or(0);
    let new = |id: &RoundtableId| new_counts.get(id).copied();
    let top_ids: Vec<RoundtableId> = all
        .iter()
        .filter(|r| r.parent_id.is_none())
        .map(|r| r.id)
        .collect();
    let (mut groups, mut children): (Vec<RoundtableGroup>, Vec<Roundtable>) =
        (Vec::new(), Vec::new());
    for roundtable in all {
        match roundtable.parent_id {
            Some(parent) if top_ids.contains(&parent) => children.push(roundtable),
            _ => groups.push(RoundtableGroup {
                public_comments: count(&roundtable.id),
                new_comments: new(&roundtable.id),
                roundtable,
                children: vec![],
            }),
        }
    }
    for child in children {
        if let Some(group) = groups
            .iter_mut()
            .find(|g| Some(g.roundtable.id) == child.parent_id)
        {
            group
                .children
                .push((child.clone(), count(&child.id), new(&child.id)));
        }
    }
    groups
}

pub struct RoundtablePage {
    pub detail: RoundtableDetail,
    pub threads: Vec<ThreadEntry>,
    pub public_comments: usize,
    /// The reader chairs this roundtable or is staff.
    pub may_moderate: bool,
    /// The reader's previous visit: comments published after it are new.
    pub last_visit: Option<DateTime<Utc>>,
    pub new_comments: usize,
    /// Published, or a draft for the chairs and staff.
    pub outcome: Option<ShownOutcome>,
    /// The late comments, by comment id, with the chairs' decision.
    pub late: std::collections::HashMap<String, crate::domain::late::LateMark>,
    /// Every change of the comment deadline, oldest first.
    pub deadline_changes: Vec<crate::db::queries::late::DeadlineChangeRecord>,
    /// The signed-in reader's choice about following it (None: never chosen).
    pub follow: Option<crate::db::queries::following::Follow>,
}

/// Whether showing the page counts as a visit: a form shown again after a
/// preview or a mistake does not, so that what was new stays marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visit {
    Count,
    DoNotCount,
}

/// The roundtable with its threads as this reader may see them: ten
/// queries, and three more for a signed-in reader (their last visit,
/// recording this one, and whether they follow it), whatever the number of
/// comments.
pub fn roundtable_page(
    conn: &mut AnyConnection,
    consultation_slug: &str,
    roundtable_slug: &str,
    reader: Option<Actor>,
    now: DateTime<Utc>,
    visit: Visit,
) -> Result<RoundtablePage, ServiceError> {
    let detail = roundtable_detail_as(
        conn,
        consultation_slug,
        roundtable_slug,
        reader.is_some_and(|r| r.staff),
    )?;
    let may_moderate =
        reader.is_some_and(|r| r.staff || detail.chairs.iter().any(|chair| chair.user_id == r.id));
    let reader_id = reader.map(|r| r.id);
    // Chairs see what waits for them; authors their own comments that wait.
    let threads = visible_threads(comments::for_roundtable(conn, detail.roundtable.id)?, |c| {
        let waiting = c.status == CommentStatus::Pending;
        let hidden = c.status == CommentStatus::Approved && c.hidden_by_reports;
        (may_moderate && (waiting || hidden))
            || (waiting && c.author_id.is_some() && c.author_id == reader_id)
    });
    let public_comments = threads
        .iter()
        .filter(|t| t.placeholder.is_none() && t.unpublished.is_none())
        .count();
    let last_visit = match reader {
        Some(reader) => {
            let last = notifications::last_visits(conn, reader.id, &[detail.roundtable.id])?
                .remove(&detail.roundtable.id);
            if visit == Visit::Count {
                notifications::record_visit(conn, reader.id, detail.roundtable.id, now)?;
            }
            last
        }
        None => None,
    };
    let new_comments = threads
        .iter()
        .filter(|t| is_new(t, last_visit, reader_id))
        .count();
    let outcome = outcomes::for_reader(conn, &detail, may_moderate, &threads)?;
    let late = crate::db::queries::late::of_roundtable(conn, detail.roundtable.id)?;
    let deadline_changes = crate::db::queries::late::deadline_changes(conn, detail.roundtable.id)?;
    let follow = match reader {
        Some(reader) => super::following::state(conn, reader.id, detail.roundtable.id)?,
        None => None,
    };
    Ok(RoundtablePage {
        late,
        deadline_changes,
        follow,
        outcome,
        detail,
        threads,
        public_comments,
        may_moderate,
        last_visit,
        new_comments,
    })
}

/// Published by someone else since the reader's last visit.
pub fn is_new(
    entry: &ThreadEntry,
    last_visit: Option<DateTime<Utc>>,
    reader: Option<UserId>,
) -> bool {
    let comment = &entry.comment;
    entry.placeholder.is_none()
        && comment.is_public()
        && last_visit.is_some_and(|at| comment.published_at() > at)
        && (reader.is_none() || comment.author_id != reader)
}

pub struct ThreadsPage {
    pub questions: Vec<GuidingQuestion>,
    pub threads: Vec<ThreadNode>,
    pub next_cursor: Option<String>,
}

pub fn comment_threads(
    conn: &mut AnyConnection,
    consultation_slug: &str,
    roundtable_slug: &str,
    after: Option<CommentId>,
    limit: i64,
) -> Result<ThreadsPage, ServiceError> {
    let consultation = find_consultation(conn, consultation_slug)?;
    let roundtable = roundtables::for_consultation(conn, consultation.id)?
        .into_iter()
        .find(|r| r.slug.as_str() == roundtable_slug)
        .ok_or(ServiceError::NotFound("missing-roundtable"))?;
    let questions = roundtables::guiding_questions(conn, roundtable.id)?;
    let (comments, has_more) = comments::threads_page(conn, roundtable.id, after, limit)?;
    let last_root = comments
        .iter()
        .rev()
        .find(|c| c.parent_id.is_none())
        .map(|c| c.id.to_string());
    Ok(ThreadsPage {
        questions,
        threads: nest(public_threads(comments)),
        next_cursor: if has_more { last_root } else { None },
    })
}

/// A public page, or the address it moved to when its slug changed.
pub enum Found<T> {
    Here(T),
    MovedTo(String),
}

/// A page not found under an old slug is looked for under the new one.
fn or_moved<T>(
    conn: &mut AnyConnection,
    found: Result<T, ServiceError>,
    consultation_slug: &str,
    roundtable_slug: Option<&str>,
) -> Result<Found<T>, ServiceError> {
    match found {
        Err(ServiceError::NotFound(what)) => {
            match moved_to(conn, consultation_slug, roundtable_slug)? {
                Some(to) => Ok(Found::MovedTo(to)),
                None => Err(ServiceError::NotFound(what)),
            }
        }
        found => found.map(Found::Here),
    }
}

/// The consultation's page, or where it moved.
pub fn consultation_page_or_moved(
    conn: &mut AnyConnection,
    slug: &str,
    reader: Option<Actor>,
) -> Result<Found<ConsultationPage>, ServiceError> {
    let found = consultation_page(conn, slug, reader);
    or_moved(conn, found, slug, None)
}

/// The roundtable's page (a visit counted), or where it moved.
pub fn roundtable_page_or_moved(
    conn: &mut AnyConnection,
    consultation_slug: &str,
    roundtable_slug: &str,
    reader: Option<Actor>,
    now: DateTime<Utc>,
) -> Result<Found<RoundtablePage>, ServiceError> {
    let found = roundtable_page(
        conn,
        consultation_slug,
        roundtable_slug,
        reader,
        now,
        Visit::Count,
    );
    or_moved(conn, found, consultation_slug, Some(roundtable_slug))
}

/// What the comment form's own page shows of its roundtable: the
/// consultation, the roundtable, its guiding questions and comment period.
pub fn comment_page(
    conn: &mut AnyConnection,
    consultation_slug: &str,
    roundtable_slug: &str,
    reader: Option<Actor>,
) -> Result<RoundtableDetail, ServiceError> {
    let staff = reader.is_some_and(|r| r.staff);
    roundtable_detail_as(conn, consultation_slug, roundtable_slug, staff)
}

/// The comment form's page, or where its roundtable moved.
pub fn comment_page_or_moved(
    conn: &mut AnyConnection,
    consultation_slug: &str,
    roundtable_slug: &str,
    reader: Option<Actor>,
) -> Result<Found<RoundtableDetail>, ServiceError> {
    let found = comment_page(conn, consultation_slug, roundtable_slug, reader);
    or_moved(conn, found, consultation_slug, Some(roundtable_slug))
}
