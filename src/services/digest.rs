//! Digests of a roundtable's or a consultation's comments, for meeting
//! reports. Staff export any; a chair only their roundtables; only staff
//! include unpublished comments. Comments are read in batches and handed
//! on one by one, so an export of any size runs in constant memory.

use super::outcomes::{shown_outcome, ShownOutcome};
use super::ServiceError;
use crate::db::queries::digest::QuestionChoice;
use crate::db::queries::report_marks;
use crate::db::queries::{comments, consultations, digest, moderation, outcomes, roundtables};
use crate::db::AnyConnection;
use crate::domain::affiliation::{Affiliation, Country, Gender, OrganisationType};
use crate::domain::consultation::{Consultation, ConsultationOrganisation};
use crate::domain::digest::{gender_breakdown, ranked, DigestFilter, DigestFormat, Participation};
use crate::domain::ids::RoundtableId;
use crate::domain::late::in_report;
use crate::domain::roundtable::{GuidingQuestion, Roundtable};
use crate::domain::user::SignedInUser;
use crate::domain::InvalidField;
use crate::text::{plain_text, SafeHtml};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};

const BATCH: i64 = 1_000;

/// Who asks: a signed-in person, or the operator at the command line.
pub enum Requester<'a> {
    Person(&'a SignedInUser),
    Operator,
}

/// The most comments of one roundtable a digest's search may select.
const QUERY_MATCHES_MAX: usize = 20_000;

pub struct DigestPlan {
    pub consultation: Consultation,
    pub organisations: Vec<ConsultationOrganisation>,
    /// The consultation description's Markdown source.
    pub description_markdown: String,
    pub roundtables: Vec<PlannedRoundtable>,
    pub filter: DigestFilter,
    /// The filter's days as instants: [from, until).
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    /// "forum-rt-3-2-comments" or "...-all-statuses": what the file holds, in its name.
    pub file_stem: String,
    /// The ids of the comments the filter's search query found in each
    /// roundtable, if it has one (per roundtable, so that each query
    /// binds only its own roundtable's ids).
    pub found: Option<HashMap<RoundtableId, Vec<String>>>,
}

pub struct PlannedRoundtable {
    pub roundtable: Roundtable,
    pub questions: Vec<GuidingQuestion>,
    /// Published or draft: staff and chairs prepare the report with it.
    pub outcome: Option<ShownOutcome>,
    pub background_markdown: String,
    pub objectives_markdown: String,
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
        .ok_or(ServiceError::NotFound("missing-consultation"))?;
    let mut all = roundtables::for_consultation(conn, c.id)?;
    if let Some(slug) = roundtable {
        all.retain(|r| r.slug.as_str() == slug);
        if all.is_empty() {
            return Err(ServiceError::NotFound("missing-roundtable"));
        }
    }
    if let Requester::Person(user) = who {
        if !user.role.is_staff() {
            let chaired = moderation::chaired_roundtables(conn, user.id)?;
            all.retain(|r| chaired.contains(&r.id.to_string()));
            if all.is_empty() {
                return Err(ServiceError::Forbidden("forbidden-export"));
            }
            if filter.include_unpublished {
                return Err(ServiceError::Forbidden("forbidden-export-unpublished"));
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
    let found = match &filter.query {
        Some(query) => {
            let consultation_id = c.id.to_string();
            let mut found = HashMap::new();
            for r in &all {
                let id = r.id.to_string();
                let ids = super::search::matching_ids(conn, query, &consultation_id, Some(&id))?;
                // Each batch of the digest names them in its query, and the
                // databases take some 32,000 (SQLite) or 65,000 values at most.
                if ids.len() > QUERY_MATCHES_MAX {
                    return Err(InvalidField::new("q", "invalid-search-too-many")
                        .with("limit", QUERY_MATCHES_MAX)
                        .into());
                }
                found.insert(r.id, ids);
            }
            Some(found)
        }
        None => None,
    };
    let found = super::report_marks::marked_only(conn, &filter, &all, found, QUERY_MATCHES_MAX)?;
    let zone = c.time_zone;
    let sources = digest::markdown_sources(conn, &c.id.to_string())?;
    let (description_markdown, mut sources) = (sources.description, sources.roundtables);
    let mut planned = Vec::with_capacity(all.len());
    for r in all {
        let questions = questions.remove(&r.id).unwrap_or_default();
        let outcome = outcomes::find(conn, r.id)?;
        let (background_markdown, objectives_markdown) =
            sources.remove(&r.id.to_string()).unwrap_or_default();
        planned.push(PlannedRoundtable {
            outcome: outcome.map(|(record, points)| shown_outcome(&record, points, &questions)),
            roundtable: r,
            questions,
            background_markdown,
            objectives_markdown,
        });
    }
    Ok(DigestPlan {
        organisations: consultations::organisations(conn, c.id)?,
        description_markdown,
        from: filter.from.map(|day| start_of_day(day, zone)),
        until: filter
            .to
            .and_then(|day| day.succ_opt())
            .map(|day| start_of_day(day, zone)),
        roundtables: planned,
        consultation: c,
        filter,
        file_stem,
        found,
    })
}

/// What the export page offers: who may export is checked as for the
/// file itself; a roundtable's questions are offered as a filter.
pub struct ExportChoices {
    pub consultation_title: String,
    pub questions: Vec<GuidingQuestion>,
}

pub fn export_choices(
    conn: &mut AnyConnection,
    who: Requester,
    consultation: &str,
    roundtable: Option<&str>,
    filter: DigestFilter,
) -> Result<ExportChoices, ServiceError> {
    let planned = plan(conn, who, consultation, roundtable, filter)?;
    let questions = match roundtable {
        Some(r) => super::roundtables::roundtable_detail(conn, consultation, r)?.questions,
        None => vec![],
    };
    Ok(ExportChoices {
        consultation_title: planned.consultation.title,
        questions,
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
    /// Posted after the deadline, with the chairs' decision.
    pub late: Option<crate::domain::late::LateMark>,
    /// The comment's themes, and whether it is retained for the report:
    /// `Some(true)` only while it is published (a withdrawn comment keeps
    /// its mark but does not count), `Some(false)` marked not retained.
    pub themes: Vec<String>,
    pub retained: Option<bool>,
    pub body_text: String,
    pub body_markdown: String,
    pub body_html: SafeHtml,
}

/// What a digest writer is handed, in order: each roundtable, then (in
/// reports) each question's group with its highlighted comments, then the
/// comments in thread order. Each comment comes once: in reports under the
/// first question it is tagged with, or in the group of comments tied to
/// no question (`Question(None, ..)`).
// Events are handed on one at a time and never collected, so the size of
// the comment variant costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum DigestEvent<'a> {
    Roundtable(&'a PlannedRoundtable, Option<&'a Participation>),
    Question(Option<&'a GuidingQuestion>, Vec<DigestRow>),
    Comment(DigestRow),
    /// Reports only, after a roundtable's comments: how many late comments
    /// were left out (not included by the chairs, or not decided yet).
    LateLeftOut(usize),
}

/// The comments of one roundtable that a group takes.
struct Group<'a> {
    question: Option<&'a GuidingQuestion>,
    choice: QuestionChoice,
    /// Reports show the group even when it is empty (a question nobody answered).
    announce: bool,
}

fn groups<'a>(
    planned: &'a PlannedRoundtable,
    filter: &DigestFilter,
    by_question: bool,
) -> Vec<Group<'a>> {
    let questions = &planned.questions;
    let chosen = filter
        .question
        .map(|n| questions.iter().find(|q| q.number == n));
    match (by_question, chosen) {
        // A question was asked for that this roundtable does not have.
        (_, Some(None)) => vec![],
        (false, Some(Some(q))) => vec![Group {
            question: Some(q),
            choice: QuestionChoice::TaggedWith(q.id),
            announce: false,
        }],
        (false, None) => vec![Group {
            question: None,
            choice: QuestionChoice::Any,
            announce: false,
        }],
        (true, Some(Some(q))) => vec![Group {
            question: Some(q),
            choice: QuestionChoice::TaggedWith(q.id),
            announce: true,
        }],
        (true, None) => questions
            .iter()
            .enumerate()
            .map(|(i, q)| Group {
                question: Some(q),
                choice: QuestionChoice::FirstTaggedWith(
                    q.id,
                    questions[..i].iter().map(|e| e.id).collect(),
                ),
                announce: true,
            })
            .chain([Group {
                question: None,
                choice: QuestionChoice::NoneOf(questions.iter().map(|q| q.id).collect()),
                announce: true,
            }])
            .collect(),
    }
}

impl DigestPlan {
    fn query<'a>(
        &'a self,
        roundtable: RoundtableId,
        choice: QuestionChoice,
    ) -> digest::BatchQuery<'a> {
        let f = &self.filter;
        digest::BatchQuery {
            roundtable,
            after_path: None,
            include_unpublished: f.include_unpublished,
            from: self.from,
            until: self.until,
            questions: choice,
            highlighted_only: false,
            organisation_type: f.organisation_type.map(|t| t.code()),
            country: f.country.map(|c| c.code()),
            only: self
                .found
                .as_ref()
                .map(|found| found.get(&roundtable).map_or(&[][..], Vec::as_slice)),
            limit: BATCH,
        }
    }
}

/// How many comments the digest will hold (for progress bars).
pub fn count(conn: &mut AnyConnection, plan: &DigestPlan) -> Result<u64, ServiceError> {
    let mut total = 0;
    for planned in &plan.roundtables {
        for group in groups(planned, &plan.filter, false) {
            total += digest::count(conn, &plan.query(planned.roundtable.id, group.choice))?;
        }
    }
    Ok(u64::try_from(total).unwrap_or(0))
}

/// Reads the planned comments batch by batch and hands each to `sink`.
/// Returns how many comments went out.
pub fn run<E>(
    conn: &mut AnyConnection,
    plan: &DigestPlan,
    format: DigestFormat,
    sink: &mut impl FnMut(DigestEvent) -> Result<(), E>,
) -> Result<Result<usize, E>, ServiceError> {
    let by_question = format.by_question();
    let reports = matches!(format, DigestFormat::Markdown | DigestFormat::Html);
    let mut sent = 0;
    for planned in &plan.roundtables {
        let figures = if reports {
            Some(participation(conn, plan, planned)?)
        } else {
            None
        };
        if let Err(e) = sink(DigestEvent::Roundtable(planned, figures.as_ref())) {
            return Ok(Err(e));
        }
        let mut left_out = 0;
        for group in groups(planned, &plan.filter, by_question) {
            let query = plan.query(planned.roundtable.id, group.choice.clone());
            if group.announce {
                let highlights = if reports {
                    let rows = digest::batch(
                        conn,
                        &digest::BatchQuery {
                            highlighted_only: true,
                            ..plan.query(planned.roundtable.id, group.choice.clone())
                        },
                    )?;
                    digest_rows(conn, planned, rows, &mut 0)?
                        .into_iter()
                        .filter(|row| in_report(row.late))
                        .collect()
                } else {
                    Vec::new()
                };
                if let Err(e) = sink(DigestEvent::Question(group.question, highlights)) {
                    return Ok(Err(e));
                }
            }
            let mut after: Option<String> = None;
            let mut order = 0;
            loop {
                let rows = digest::batch(
                    conn,
                    &digest::BatchQuery {
                        after_path: after.as_deref(),
                        ..plan.query(planned.roundtable.id, group.choice.clone())
                    },
                )?;
                let Some(last) = rows.last() else { break };
                after = Some(last.path.clone());
                let full = rows.len() as i64 == query.limit;
                for row in digest_rows(conn, planned, rows, &mut order)? {
                    // A report's content leaves out late comments the
                    // chairs have not included; tables list every comment.
                    if reports && !in_report(row.late) {
                        left_out += 1;
                        continue;
                    }
                    if let Err(e) = sink(DigestEvent::Comment(row)) {
                        return Ok(Err(e));
                    }
                    sent += 1;
                }
                if !full {
                    break;
                }
            }
        }
        if left_out > 0 {
            if let Err(e) = sink(DigestEvent::LateLeftOut(left_out)) {
                return Ok(Err(e));
            }
        }
    }
    Ok(Ok(sent))
}

/// One batch of stored comments as digests show them, numbered on from `order`.
fn digest_rows(
    conn: &mut AnyConnection,
    planned: &PlannedRoundtable,
    rows: Vec<digest::StoredComment>,
    order: &mut usize,
) -> Result<Vec<DigestRow>, ServiceError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let tags = comments::tags_of(conn, &ids)?;
    let parent_ids: Vec<String> = rows.iter().filter_map(|r| r.parent_id.clone()).collect();
    let parents = comments::parents(conn, &parent_ids)?;
    let cited = digest::cited(conn, &ids)?;
    let late = crate::db::queries::late::marks(conn, &ids)?;
    let relevance = report_marks::relevance_of(conn, &ids)?;
    let mut themes = report_marks::themes_of_comments(conn, &ids)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        *order += 1;
        let tagged = tags.get(&row.id).cloned().unwrap_or_default();
        out.push(DigestRow {
            questions: planned
                .questions
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
            thread_order: *order,
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
            late: late.get(&row.id).copied(),
            themes: themes
                .remove(&row.id)
                .unwrap_or_default()
                .into_iter()
                .map(|t| t.label)
                .collect(),
            retained: match relevance.get(&row.id) {
                Some(true) if row.status != "approved" => None,
                mark => mark.copied(),
            },
            body_text: plain_text(&row.body_markdown),
            body_markdown: row.body_markdown,
            body_html: SafeHtml::trust_stored_sanitised_html(row.body_html),
            reference: row.reference,
        });
    }
    Ok(out)
}

/// Who took part in a roundtable's planned comments, read batch by batch:
/// memory grows with the number of people, not of comments.
fn participation(
    conn: &mut AnyConnection,
    plan: &DigestPlan,
    planned: &PlannedRoundtable,
) -> Result<Participation, ServiceError> {
    let choice = match groups(planned, &plan.filter, false).into_iter().next() {
        Some(group) => group.choice,
        None => return Ok(Participation::default()),
    };
    let mut people: HashSet<String> = HashSet::new();
    let mut accounts: Vec<String> = Vec::new();
    let mut organisations: HashSet<String> = HashSet::new();
    let mut by_type: HashMap<String, usize> = HashMap::new();
    let mut by_country: HashMap<String, usize> = HashMap::new();
    let mut comments = 0;
    let mut after: Option<String> = None;
    loop {
        let rows = digest::participation_batch(
            conn,
            &digest::BatchQuery {
                after_path: after.as_deref(),
                ..plan.query(planned.roundtable.id, choice.clone())
            },
        )?;
        let Some(last) = rows.last() else { break };
        after = Some(last.path.clone());
        let full = rows.len() as i64 == BATCH;
        for row in rows {
            comments += 1;
            let person = row
                .author_id
                .clone()
                .unwrap_or_else(|| format!("name:{}", row.author_name.to_lowercase()));
            if people.insert(person) {
                accounts.extend(row.author_id.clone());
            }
            let organisation = row.organisation.trim().to_lowercase();
            if !organisation.is_empty() {
                organisations.insert(organisation);
            }
            let kind = row
                .organisation_type
                .as_deref()
                .and_then(OrganisationType::from_code)
                .map_or("Not given", |t| t.label());
            *by_type.entry(kind.to_owned()).or_default() += 1;
            let country = row
                .country
                .as_deref()
                .and_then(|c| Country::parse("country", c).ok())
                .map_or("Not given".to_owned(), |c| c.name().to_owned());
            *by_country.entry(country).or_default() += 1;
        }
        if !full {
            break;
        }
    }
    let mut declared: HashMap<Gender, usize> = HashMap::new();
    for code in digest::genders(conn, &accounts)?.values() {
        if let Some(gender) = Gender::from_code(code) {
            *declared.entry(gender).or_default() += 1;
        }
    }
    Ok(Participation {
        comments,
        participants: people.len(),
        organisations: organisations.len(),
        by_organisation_type: ranked(by_type),
        by_country: ranked(by_country),
        by_gender: if plan.filter.narrows() {
            None
        } else {
            gender_breakdown(people.len(), &declared)
        },
    })
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
