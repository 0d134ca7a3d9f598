//! Digests of a roundtable's or a consultation's comments, for meeting
//! reports. Staff export any; a chair only their roundtables; only staff
//! include unpublished comments. Comments are read in batches and handed
//! on one by one, so an export of any size runs in constant memory.

use super::ServiceError;
use crate::db::queries::{comments, consultations, digest, moderation, roundtables};
use crate::db::AnyConnection;
use crate::domain::affiliation::Affiliation;
use crate::domain::consultation::Consultation;
use crate::domain::digest::DigestFilter;
use crate::domain::ids::RoundtableId;
use crate::domain::roundtable::{GuidingQuestion, Roundtable};
use crate::domain::user::{Role, SignedInUser};
use crate::text::plain_text;
use chrono::{DateTime, Utc};

const BATCH: i64 = 1_000;

/// Who asks: a signed-in person, or the operator at the command line.
pub enum Requester<'a> {
    Person(&'a SignedInUser),
    Operator,
}

pub struct DigestPlan {
    pub consultation: Consultation,
    pub roundtables: Vec<(Roundtable, Vec<GuidingQuestion>)>,
    pub filter: DigestFilter,
    /// The filter's days as instants: [from, until).
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// "forum-rt-3-2-comments" or "...-all-statuses": what the file holds, in its name.
    pub file_stem: String,
}

/// The first instant of a day in a time zone, even where the clocks jump
/// over midnight (the day then starts at the first time that exists).
fn start_of_day(day: chrono::NaiveDate, zone: chrono_tz::Tz) -> DateTime<Utc> {
    use chrono::TimeZone;
    (0..24)
        .filter_map(|hour| day.and_hms_opt(hour, 0, 0))
        .find_map(|local| zone.from_local_datetime(&local).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
}

/// Checks who may export what, before anything is sent.
pub fn plan(
    conn: &mut AnyConnection,
    who: Requester,
    consultation: &str,
    roundtable: Option<&str>,
    filter: DigestFilter,
) -> Result<DigestPlan, ServiceError> {
    let c = consultations::find_public_by_slug(conn, consultation)?
        .ok_or(ServiceError::NotFound("consultation"))?;
    let mut all = roundtables::for_consultation(conn, c.id)?;
    if let Some(slug) = roundtable {
        all.retain(|r| r.slug.as_str() == slug);
        if all.is_empty() {
            return Err(ServiceError::NotFound("roundtable"));
        }
    }
    if let Requester::Person(user) = who {
        if user.role == Role::Participant {
            let chaired = moderation::chaired_roundtables(conn, user.id)?;
            all.retain(|r| chaired.contains(&r.id.to_string()));
            if all.is_empty() {
                return Err(ServiceError::Forbidden(
                    "only staff and the roundtable's chairs export its comments",
                ));
            }
            if filter.include_unpublished {
                return Err(ServiceError::Forbidden(
                    "only staff include comments that are not published",
                ));
            }
        }
    }
    let ids: Vec<RoundtableId> = all.iter().map(|r| r.id).collect();
    let mut questions = roundtables::guiding_questions_of(conn, &ids)?;
    let mut file_stem = c.slug.to_string();
    if let Some(slug) = roundtable {
        file_stem.push('-');
        file_stem.push_str(slug);
    }
    file_stem.push_str(if filter.include_unpublished {
        "-comments-all-statuses"
    } else {
        "-comments"
    });
    let zone = c.time_zone;
    Ok(DigestPlan {
        from: filter.from.map(|day| start_of_day(day, zone)),
        until: filter
            .to
            .and_then(|day| day.succ_opt())
            .map(|day| start_of_day(day, zone)),
        roundtables: all
            .into_iter()
            .map(|r| {
                let q = questions.remove(&r.id).unwrap_or_default();
                (r, q)
            })
            .collect(),
        consultation: c,
        filter,
        file_stem,
    })
}

/// One comment as a digest shows it.
#[derive(Debug, Clone)]
pub struct DigestRow {
    pub reference: String,
    pub questions: Vec<(usize, String)>,
    pub parent_reference: Option<String>,
    pub depth: usize,
    /// Its place in the roundtable's threads, from 1.
    pub thread_order: usize,
    pub author: Affiliation,
    pub created_at: DateTime<Utc>,
    pub status: &'static str,
    pub decision_reason: Option<String>,
    pub highlighted: bool,
    pub cited: bool,
    pub body_text: String,
}

/// What a digest writer is handed, in order.
pub enum DigestEvent<'a> {
    Roundtable(&'a Roundtable, &'a [GuidingQuestion]),
    Comment(DigestRow),
}

/// Reads the planned comments batch by batch and hands each to `sink`.
/// Returns how many comments went out.
pub fn run<E>(
    conn: &mut AnyConnection,
    plan: &DigestPlan,
    sink: &mut impl FnMut(DigestEvent) -> Result<(), E>,
) -> Result<Result<usize, E>, ServiceError> {
    let f = &plan.filter;
    let (from, until) = (plan.from, plan.until);
    let mut sent = 0;
    for (roundtable, questions) in &plan.roundtables {
        if let Err(e) = sink(DigestEvent::Roundtable(roundtable, questions)) {
            return Ok(Err(e));
        }
        let question = match f.question {
            Some(n) => match questions.iter().find(|q| q.number == n) {
                Some(q) => Some(q.id),
                None => continue,
            },
            None => None,
        };
        let mut after: Option<String> = None;
        let mut order = 0;
        loop {
            let rows = digest::batch(
                conn,
                &digest::BatchQuery {
                    roundtable: roundtable.id,
                    after_path: after.as_deref(),
                    include_unpublished: f.include_unpublished,
                    from,
                    until,
                    question,
                    organisation_type: f.organisation_type.map(|t| t.code()),
                    country: f.country.map(|c| c.code()),
                    limit: BATCH,
                },
            )?;
            let Some(last) = rows.last() else { break };
            after = Some(last.path.clone());
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let tags = comments::tags_of(conn, &ids)?;
            let parent_ids: Vec<String> = rows.iter().filter_map(|r| r.parent_id.clone()).collect();
            let parents = comments::parents(conn, &parent_ids)?;
            let cited = digest::cited(conn, &ids)?;
            let full = rows.len() as i64 == BATCH;
            for row in rows {
                order += 1;
                let tagged = tags.get(&row.id).cloned().unwrap_or_default();
                let event = DigestEvent::Comment(DigestRow {
                    questions: questions
                        .iter()
                        .filter(|q| tagged.contains(&q.id))
                        .map(|q| (q.number, q.text.clone()))
                        .collect(),
                    parent_reference: row
                        .parent_id
                        .as_ref()
                        .and_then(|p| parents.get(p))
                        .map(|(reference, _, _)| reference.clone()),
                    depth: usize::try_from(row.depth).unwrap_or(0),
                    thread_order: order,
                    author: digest::author(&row)?,
                    created_at: row.created_at.and_utc(),
                    status: if row.hidden_by_reports && row.status == "approved" {
                        "hidden after reports"
                    } else {
                        status_word(&row.status)
                    },
                    decision_reason: row.decision_reason.clone(),
                    highlighted: row.highlighted,
                    cited: cited.contains(&row.id),
                    body_text: plain_text(&row.body_markdown),
                    reference: row.reference,
                });
                if let Err(e) = sink(event) {
                    return Ok(Err(e));
                }
                sent += 1;
            }
            if !full {
                break;
            }
        }
    }
    Ok(Ok(sent))
}

fn status_word(code: &str) -> &'static str {
    match code {
        "approved" => "published",
        "pending" => "pending",
        "rejected" => "not published",
        "withdrawn" => "withdrawn",
        _ => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    #[test]
    fn days_start_at_their_first_existing_moment() {
        let prague: chrono_tz::Tz = "Europe/Prague".parse().unwrap();
        let day = NaiveDate::from_ymd_opt(2019, 5, 14).unwrap();
        assert_eq!(
            start_of_day(day, prague),
            Utc.with_ymd_and_hms(2019, 5, 13, 22, 0, 0).unwrap()
        );
        // Santiago skipped from 00:00 to 01:00 on 8 September 2019.
        let santiago: chrono_tz::Tz = "America/Santiago".parse().unwrap();
        let jump = NaiveDate::from_ymd_opt(2019, 9, 8).unwrap();
        assert_eq!(
            start_of_day(jump, santiago),
            Utc.with_ymd_and_hms(2019, 9, 8, 4, 0, 0).unwrap()
        );
    }
}
