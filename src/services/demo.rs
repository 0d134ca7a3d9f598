//! Loads the demo consultations. Idempotent: a consultation whose slug exists
//! is left alone; `reset` deletes the demo consultations and people first.

use super::ServiceError;
use crate::db::queries::{comments, consultations, roundtables, users};
use crate::db::AnyConnection;
use crate::demo::{self, DemoFile, DemoProgrammeItem, DemoTime};
use crate::domain::affiliation::{Affiliation, Country, Gender, OrganisationType};
use crate::domain::comment::{CommentStatus, NewComment, ThreadPosition};
use crate::domain::consultation::*;
use crate::domain::ids::*;
use crate::domain::outcome::{OutcomeKind, OutcomeStatus, SectionSource};
use crate::domain::roundtable::*;
use crate::domain::slug::Slug;
use crate::domain::time::{parse_time_zone, CommentPeriod};
use crate::domain::user::{parse_display_name, EmailAddress, NewUser, Role};
use crate::text::{render_comment, render_document};
use chrono::{DateTime, Duration, DurationRound, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub consultations_loaded: usize,
    pub consultations_skipped: usize,
    pub comments_loaded: usize,
}

pub fn load(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
    reset: bool,
) -> Result<DemoSummary, ServiceError> {
    let files = demo::parse_all().map_err(ServiceError::BrokenDemoContent)?;
    crate::db::write_transaction(conn, |conn| {
        let mut summary = DemoSummary::default();
        for file in &files {
            if reset {
                consultations::delete_by_slug(conn, &file.consultation.slug)?;
                let emails: Vec<String> =
                    file.people.iter().map(|p| p.email.to_lowercase()).collect();
                users::delete_by_normalized_emails(conn, &emails)?;
            } else if consultations::slug_exists(conn, &file.consultation.slug)? {
                summary.consultations_skipped += 1;
                continue;
            }
            summary.comments_loaded += load_file(conn, file, now).map_err(|e| match e {
                ServiceError::Invalid(e) => {
                    ServiceError::BrokenDemoContent(format!("{}: {e}", file.consultation.slug))
                }
                other => other,
            })?;
            summary.consultations_loaded += 1;
        }
        Ok(summary)
    })
}

/// Whether the database holds nothing yet (no consultations, no accounts):
/// the only case in which start-up loads the demo on its own.
pub fn database_is_empty(conn: &mut AnyConnection) -> Result<bool, ServiceError> {
    Ok(consultations::count(conn)? == 0 && users::count(conn)? == 0)
}

/// Demo content is ours, not a person's input: a mistake in it is our bug.
fn invalid(field: &'static str, message: impl std::fmt::Display) -> ServiceError {
    ServiceError::BrokenDemoContent(format!("{field}: {message}"))
}

fn code<T>(
    field: &'static str,
    value: &str,
    from_code: fn(&str) -> Option<T>,
) -> Result<T, ServiceError> {
    from_code(value).ok_or_else(|| invalid(field, format!("unknown value '{value}'")))
}

struct Clock {
    zone: Tz,
    now: DateTime<Utc>,
}

impl Clock {
    fn at(&self, time: &DemoTime) -> Result<DateTime<Utc>, ServiceError> {
        time.resolve(self.zone, self.now)
            .map_err(|e| invalid("time", e))
    }

    fn maybe(&self, time: &Option<DemoTime>) -> Result<Option<DateTime<Utc>>, ServiceError> {
        time.as_ref().map(|t| self.at(t)).transpose()
    }

    fn programme_item(
        &self,
        item: &DemoProgrammeItem,
        roundtable_id: Option<RoundtableId>,
    ) -> Result<ProgrammeItem, ServiceError> {
        Ok(ProgrammeItem {
            id: ProgrammeItemId::generate(),
            roundtable_id,
            starts_at: self.at(&item.starts_at)?,
            ends_at: self.maybe(&item.ends_at)?,
            title: item.title.clone(),
            description: item.description.clone(),
            speakers: item.speakers.clone(),
        })
    }
}

fn load_file(
    conn: &mut AnyConnection,
    file: &DemoFile,
    now: DateTime<Utc>,
) -> Result<usize, ServiceError> {
    let c = &file.consultation;
    // Relative demo times count from the top of the hour, so they read as
    // "10:00" rather than "10:37".
    let now_on_the_hour = now.duration_trunc(Duration::hours(1)).unwrap_or(now);
    let clock = Clock {
        zone: parse_time_zone("time_zone", &c.time_zone)?,
        now: now_on_the_hour,
    };
    let consultation = Consultation {
        id: ConsultationId::generate(),
        slug: Slug::parse("slug", &c.slug)?,
        title: c.title.clone(),
        summary: c.summary.clone(),
        description_html: render_document(&c.description),
        kind: code("kind", &c.kind, ConsultationKind::from_code)?,
        venue: c.venue.clone(),
        online: c.online,
        starts_at: clock.maybe(&c.starts_at)?,
        ends_at: clock.maybe(&c.ends_at)?,
        time_zone: clock.zone,
        languages: c
            .languages
            .iter()
            .map(|l| parse_language("languages", l))
            .collect::<Result<_, _>>()?,
        content_language: parse_language("content_language", &c.content_language)?,
        status: ConsultationStatus::parse("status", &c.status)?,
    };
    let organisations = file
        .organisations
        .iter()
        .map(|o| {
            Ok(ConsultationOrganisation {
                role: code("role", &o.role, OrganisationRole::from_code)?,
                name: o.name.clone(),
                url: o.url.clone(),
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    consultations::insert(conn, &consultation, &c.description, &organisations, now)?;

    let mut people: HashMap<&str, (UserId, Affiliation)> = HashMap::new();
    for person in &file.people {
        let email = EmailAddress::parse("email", &person.email)?;
        let affiliation = Affiliation {
            display_name: parse_display_name("display_name", &person.display_name)?,
            organisation: person.organisation.clone(),
            organisation_type: Some(OrganisationType::parse(
                "organisation_type",
                &person.organisation_type,
            )?),
            country: Some(Country::parse("country", &person.country)?),
        };
        let id = match users::find_id_by_email(conn, &email.normalized)? {
            Some(id) => id,
            None => {
                let user = NewUser {
                    id: UserId::generate(),
                    email,
                    affiliation: affiliation.clone(),
                    gender: person
                        .gender
                        .as_deref()
                        .map(|g| Gender::parse("gender", g))
                        .transpose()?,
                    role: code("role", &person.role, Role::from_code)?,
                    password_hash: None,
                    verified_at: Some(now),
                    consented_at: Some(now),
                    terms_version: None,
                };
                users::insert(conn, &user, now)?;
                user.id
            }
        };
        people.insert(person.key.as_str(), (id, affiliation));
    }

    let mut roundtable_by_slug: HashMap<&str, Roundtable> = HashMap::new();
    let mut questions_by_slug: HashMap<&str, Vec<GuidingQuestionId>> = HashMap::new();
    for (position, r) in file.roundtables.iter().enumerate() {
        let parent = match &r.parent {
            None => None,
            Some(slug) => Some(roundtable_by_slug.get(slug.as_str()).ok_or_else(|| {
                invalid(
                    "parent",
                    format!("no roundtable '{slug}' before '{}'", r.slug),
                )
            })?),
        };
        check_parent(parent, consultation.id)?;
        let roundtable = Roundtable {
            id: RoundtableId::generate(),
            consultation_id: consultation.id,
            parent_id: parent.map(|p| p.id),
            code: r.code.clone(),
            slug: Slug::parse("slug", &r.slug)?,
            title: r.title.clone(),
            summary: r.summary.clone(),
            background_html: render_document(&r.background),
            objectives_html: render_document(&r.objectives),
            position: position as i32,
            moderation_mode: code(
                "moderation_mode",
                &r.moderation_mode,
                ModerationMode::from_code,
            )?,
            comment_period: CommentPeriod::new(
                clock.maybe(&r.comments_open)?,
                clock.maybe(&r.comments_close)?,
            )?,
            starts_at: clock.maybe(&r.starts_at)?,
            ends_at: clock.maybe(&r.ends_at)?,
            venue: r.venue.clone(),
            content_language: None,
        };
        roundtables::insert(conn, &roundtable, &r.background, &r.objectives, now)?;
        let mut question_ids = Vec::new();
        for (index, text) in r.questions.iter().enumerate() {
            question_ids.push(roundtables::insert_guiding_question(
                conn,
                roundtable.id,
                index as i32,
                text,
                now,
            )?);
        }
        for chair in &r.chairs {
            let (user_id, _) = people
                .get(chair.as_str())
                .ok_or_else(|| invalid("chairs", format!("no person '{chair}'")))?;
            roundtables::assign_chair(conn, roundtable.id, *user_id, None, now)?;
        }
        for (index, item) in r.programme.iter().enumerate() {
            let item = clock.programme_item(item, Some(roundtable.id))?;
            consultations::insert_programme_item(conn, consultation.id, &item, index as i32, now)?;
        }
        questions_by_slug.insert(r.slug.as_str(), question_ids);
        roundtable_by_slug.insert(r.slug.as_str(), roundtable);
    }

    for (index, item) in file.programme.iter().enumerate() {
        let item = clock.programme_item(item, None)?;
        consultations::insert_programme_item(conn, consultation.id, &item, index as i32, now)?;
    }
    for (index, resource) in file.resources.iter().enumerate() {
        let roundtable_id = match &resource.roundtable {
            None => None,
            Some(slug) => Some(
                roundtable_by_slug
                    .get(slug.as_str())
                    .ok_or_else(|| invalid("roundtable", format!("no roundtable '{slug}'")))?
                    .id,
            ),
        };
        let resource = Resource {
            id: ResourceId::generate(),
            roundtable_id,
            kind: code("kind", &resource.kind, ResourceKind::from_code)?,
            title: resource.title.clone(),
            url: resource.url.clone(),
            description: resource.description.clone(),
        };
        consultations::insert_resource(conn, consultation.id, &resource, index as i32, now)?;
    }

    let mut posted: HashMap<&str, (CommentId, ThreadPosition, Vec<GuidingQuestionId>)> =
        HashMap::new();
    let mut references: HashMap<&str, String> = HashMap::new();
    for comment in &file.comments {
        let roundtable = roundtable_by_slug
            .get(comment.roundtable.as_str())
            .ok_or_else(|| {
                invalid(
                    "roundtable",
                    format!("no roundtable '{}'", comment.roundtable),
                )
            })?;
        let (author_id, author) = people
            .get(comment.author.as_str())
            .ok_or_else(|| invalid("author", format!("no person '{}'", comment.author)))?;
        let created_at = clock.at(&comment.posted_at)?;
        let id = CommentId::generated_at(created_at);
        let questions = &questions_by_slug[comment.roundtable.as_str()];
        let mut question_ids = comment
            .questions
            .iter()
            .map(|n| {
                n.checked_sub(1)
                    .and_then(|i| questions.get(i).copied())
                    .ok_or_else(|| {
                        invalid(
                            "questions",
                            format!("comment '{}' names question {n}", comment.key),
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let (parent_id, position) = match &comment.parent {
            None => (None, ThreadPosition::top_level(id)),
            Some(key) => {
                let (parent_id, parent_position, parent_questions) = posted
                    .get(key.as_str())
                    .ok_or_else(|| invalid("parent", format!("no earlier comment '{key}'")))?;
                if question_ids.is_empty() {
                    question_ids = parent_questions.clone();
                }
                (
                    Some(*parent_id),
                    ThreadPosition::reply(parent_position, id)?,
                )
            }
        };
        let reference = comments::insert(
            conn,
            &NewComment {
                id,
                roundtable_id: roundtable.id,
                parent_id,
                position: position.clone(),
                author_id: Some(*author_id),
                author: author.clone(),
                body_markdown: comment.body.clone(),
                body_html: render_comment(&comment.body),
                language: None,
                status: CommentStatus::Approved,
                highlighted: comment.highlighted,
                created_at,
                question_ids: question_ids.clone(),
            },
        )?;
        references.insert(comment.key.as_str(), reference);
        posted.insert(comment.key.as_str(), (id, position, question_ids));
    }
    for outcome in &file.outcomes {
        load_outcome(
            conn,
            outcome,
            &roundtable_by_slug,
            &people,
            &references,
            now,
        )?;
    }
    Ok(file.comments.len())
}

/// Stores a demo outcome as a chair would have written it, its `{key}`
/// citations replaced by the comments' references.
fn load_outcome(
    conn: &mut AnyConnection,
    outcome: &crate::demo::DemoOutcome,
    roundtables: &HashMap<&str, Roundtable>,
    people: &HashMap<&str, (UserId, Affiliation)>,
    references: &HashMap<&str, String>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let roundtable = roundtables
        .get(outcome.roundtable.as_str())
        .ok_or_else(|| {
            invalid(
                "roundtable",
                format!("no roundtable '{}'", outcome.roundtable),
            )
        })?;
    let (by, _) = people
        .get(outcome.by.as_str())
        .ok_or_else(|| invalid("by", format!("no person '{}'", outcome.by)))?;
    let cite = |text: &str| -> Result<String, ServiceError> {
        let mut out = text.to_owned();
        for (key, reference) in references {
            out = out.replace(&format!("{{{key}}}"), &format!("#{reference}"));
        }
        match out.find('{') {
            Some(at) => Err(invalid(
                "sections",
                format!(
                    "unknown comment key near '{}'",
                    &out[at..(at + 12).min(out.len())]
                ),
            )),
            None => Ok(out),
        }
    };
    let mut sections = Vec::new();
    for section in &outcome.sections {
        for (kind, text) in [
            (OutcomeKind::Synthesis, &section.synthesis),
            (OutcomeKind::Recommendation, &section.recommendations),
        ] {
            sections.push(SectionSource {
                question: section.question,
                kind,
                source: cite(text)?,
            });
        }
    }
    let guiding = roundtables::guiding_questions(conn, roundtable.id)?;
    crate::services::outcomes::store_as_written(
        conn,
        roundtable.id,
        &guiding,
        &outcome.summary,
        &sections,
        code("status", &outcome.status, OutcomeStatus::from_code)?,
        &by.to_string(),
        now,
    )
}

/// Adds `count` approved comments to a roundtable, in threads of five (a
/// comment and four nested replies), for load tests and benchmarks.
pub fn add_synthetic_comments(
    conn: &mut AnyConnection,
    consultation_slug: &str,
    roundtable_slug: &str,
    count: usize,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let roundtable =
        super::roundtables::roundtable_detail(conn, consultation_slug, roundtable_slug)?.roundtable;
    let author = Affiliation {
        display_name: "Load Tester".into(),
        organisation: "Benchmark Association".into(),
        organisation_type: Some(OrganisationType::CivilSociety),
        country: Some(Country::parse("country", "BE")?),
    };
    crate::db::write_transaction(conn, |conn| {
        let mut parent: Option<(CommentId, ThreadPosition)> = None;
        for n in 0..count {
            let id = CommentId::generate();
            let position = match &parent {
                Some((_, parent_position)) => ThreadPosition::reply(parent_position, id)?,
                None => ThreadPosition::top_level(id),
            };
            let body = format!("Synthetic comment {n}: *emphasis*, a [link](https://example.org/{n}) and\n\n- a list item");
            comments::insert(
                conn,
                &NewComment {
                    id,
                    roundtable_id: roundtable.id,
                    parent_id: parent.as_ref().map(|(parent_id, _)| *parent_id),
                    position: position.clone(),
                    author_id: None,
                    author: author.clone(),
                    body_html: render_comment(&body),
                    body_markdown: body,
                    language: None,
                    status: CommentStatus::Approved,
                    highlighted: false,
                    created_at: now,
                    question_ids: vec![],
                },
            )?;
            parent = if n % 5 == 4 {
                None
            } else {
                Some((id, position))
            };
        }
        Ok(())
    })
}
