//! The API's response bodies: snake_case fields, RFC 3339 times in UTC.

use super::schemas::*;
use crate::domain::affiliation::Affiliation;
use crate::domain::consultation::Consultation;
use crate::domain::roundtable::{GuidingQuestion, ProgrammeItem, Resource, Roundtable};
use crate::domain::thread::{Placeholder, ThreadNode};
use crate::domain::time::PeriodState;
use crate::services::pages::{ConsultationList, ConsultationPage, ThreadsPage};
use crate::services::roundtables::RoundtableDetail;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::HashMap;
use url::Url;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct LinksDto {
    /// The page people read.
    html: String,
    /// This resource in the API.
    api: String,
}

fn links(base: &Url, page_path: &str, api_path: &str) -> LinksDto {
    let join = |path: &str| {
        base.join(path)
            .map(String::from)
            .unwrap_or_else(|_| path.to_owned())
    };
    LinksDto {
        html: join(page_path),
        api: join(api_path),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConsultationSummaryDto {
    id: String,
    slug: String,
    title: String,
    summary: String,
    #[schema(schema_with = consultation_kind_schema)]
    kind: &'static str,
    #[schema(schema_with = consultation_status_schema)]
    status: &'static str,
    venue: Option<String>,
    online: bool,
    starts_at: Option<DateTime<Utc>>,
    ends_at: Option<DateTime<Utc>>,
    /// IANA time zone in which the event's times are given to people.
    time_zone: String,
    languages: Vec<String>,
    links: LinksDto,
}

impl ConsultationSummaryDto {
    fn new(c: &Consultation, base: &Url) -> Self {
        Self {
            id: c.id.to_string(),
            slug: c.slug.to_string(),
            title: c.title.clone(),
            summary: c.summary.clone(),
            kind: c.kind.code(),
            status: c.status.code(),
            venue: c.venue.clone(),
            online: c.online,
            starts_at: c.starts_at,
            ends_at: c.ends_at,
            time_zone: c.time_zone.name().to_owned(),
            languages: c.languages.clone(),
            links: links(
                base,
                &format!("c/{}", c.slug),
                &format!("api/v1/consultations/{}", c.slug),
            ),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConsultationListDto {
    items: Vec<ConsultationSummaryDto>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    next_cursor: Option<String>,
}

impl ConsultationListDto {
    pub fn new(list: &ConsultationList, base: &Url) -> Self {
        Self {
            items: list
                .consultations
                .iter()
                .map(|c| ConsultationSummaryDto::new(c, base))
                .collect(),
            next_cursor: list.next_cursor.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationDto {
    #[schema(schema_with = organisation_role_schema)]
    role: &'static str,
    name: String,
    url: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RoundtableSummaryDto {
    id: String,
    slug: String,
    code: Option<String>,
    title: String,
    summary: String,
    /// Slug of the roundtable this one sits under (RT 3 for RT 3.2).
    parent: Option<String>,
    starts_at: Option<DateTime<Utc>>,
    ends_at: Option<DateTime<Utc>>,
    comments_open_at: Option<DateTime<Utc>>,
    comments_close_at: Option<DateTime<Utc>>,
    #[schema(schema_with = comment_period_schema)]
    comment_period: &'static str,
    published_comments: i64,
}

fn period_code(state: PeriodState) -> &'static str {
    match state {
        PeriodState::OpensLater(_) => "opens_later",
        PeriodState::Open { .. } => "open",
        PeriodState::Late { .. } => "late",
        PeriodState::Closed { .. } => "closed",
    }
}

fn roundtable_summary(
    r: &Roundtable,
    parent: Option<&Roundtable>,
    count: i64,
    c: &Consultation,
    now: DateTime<Utc>,
) -> RoundtableSummaryDto {
    RoundtableSummaryDto {
        id: r.id.to_string(),
        slug: r.slug.to_string(),
        code: r.code.clone(),
        title: r.title.clone(),
        summary: r.summary.clone(),
        parent: parent.map(|p| p.slug.to_string()),
        starts_at: r.starts_at,
        ends_at: r.ends_at,
        comments_open_at: r.comment_period.opens_at,
        comments_close_at: r.comment_period.closes_at,
        comment_period: period_code(r.comment_period.state(now, c.accepts_comments())),
        published_comments: count,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeItemDto {
    starts_at: DateTime<Utc>,
    ends_at: Option<DateTime<Utc>>,
    title: String,
    description: String,
    speakers: Vec<String>,
}

fn programme(items: &[ProgrammeItem]) -> Vec<ProgrammeItemDto> {
    items
        .iter()
        .map(|i| ProgrammeItemDto {
            starts_at: i.starts_at,
            ends_at: i.ends_at,
            title: i.title.clone(),
            description: i.description.clone(),
            speakers: i.speakers.clone(),
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct ResourceDto {
    #[schema(schema_with = resource_kind_schema)]
    kind: &'static str,
    title: String,
    url: String,
    description: String,
}

fn resources(items: &[Resource]) -> Vec<ResourceDto> {
    items
        .iter()
        .map(|r| ResourceDto {
            kind: r.kind.code(),
            title: r.title.clone(),
            url: r.url.clone(),
            description: r.description.clone(),
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct ConsultationDto {
    #[serde(flatten)]
    summary: ConsultationSummaryDto,
    /// Sanitised HTML rendered from the organisers' Markdown.
    description_html: String,
    organisations: Vec<OrganisationDto>,
    /// Top-level roundtables first, each followed by its sub-roundtables.
    roundtables: Vec<RoundtableSummaryDto>,
    programme: Vec<ProgrammeItemDto>,
    resources: Vec<ResourceDto>,
}

impl ConsultationDto {
    pub fn new(page: &ConsultationPage, base: &Url, now: DateTime<Utc>) -> Self {
        let c = &page.consultation;
        let mut roundtables = Vec::new();
        for group in &page.roundtables {
            roundtables.push(roundtable_summary(
                &group.roundtable,
                None,
                group.public_comments,
                c,
                now,
            ));
            for (child, count, _) in &group.children {
                roundtables.push(roundtable_summary(
                    child,
                    Some(&group.roundtable),
                    *count,
                    c,
                    now,
                ));
            }
        }
        Self {
            summary: ConsultationSummaryDto::new(c, base),
            description_html: c.description_html.as_str().to_owned(),
            organisations: page
                .organisations
                .iter()
                .map(|o| OrganisationDto {
                    role: o.role.code(),
                    name: o.name.clone(),
                    url: o.url.clone(),
                })
                .collect(),
            roundtables,
            programme: programme(&page.programme),
            resources: resources(&page.resources),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct GuidingQuestionDto {
    id: String,
    /// 1-based, in the order the chairs gave.
    number: usize,
    text: String,
    /// A retired question stays on old comments but takes no new ones.
    retired: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PersonDto {
    display_name: String,
    organisation: String,
    organisation_type: Option<&'static str>,
    /// ISO 3166-1 alpha-2
    country: Option<&'static str>,
}

fn person(a: &Affiliation) -> PersonDto {
    PersonDto {
        display_name: a.display_name.clone(),
        organisation: a.organisation.clone(),
        organisation_type: a.organisation_type.map(|t| t.code()),
        country: a.country.map(|c| c.code()),
    }
}

#[derive(Serialize, ToSchema)]
pub struct RoundtableDto {
    id: String,
    slug: String,
    code: Option<String>,
    title: String,
    summary: String,
    consultation: String,
    parent: Option<String>,
    children: Vec<String>,
    background_html: String,
    objectives_html: String,
    #[schema(schema_with = moderation_mode_schema)]
    moderation_mode: &'static str,
    starts_at: Option<DateTime<Utc>>,
    ends_at: Option<DateTime<Utc>>,
    venue: Option<String>,
    comments_open_at: Option<DateTime<Utc>>,
    comments_close_at: Option<DateTime<Utc>>,
    #[schema(schema_with = comment_period_schema)]
    comment_period: &'static str,
    guiding_questions: Vec<GuidingQuestionDto>,
    programme: Vec<ProgrammeItemDto>,
    chairs: Vec<PersonDto>,
    resources: Vec<ResourceDto>,
    links: LinksDto,
}

impl RoundtableDto {
    pub fn new(d: &RoundtableDetail, base: &Url, now: DateTime<Utc>) -> Self {
        let (c, r) = (&d.consultation, &d.roundtable);
        Self {
            id: r.id.to_string(),
            slug: r.slug.to_string(),
            code: r.code.clone(),
            title: r.title.clone(),
            summary: r.summary.clone(),
            consultation: c.slug.to_string(),
            parent: d.parent.as_ref().map(|p| p.slug.to_string()),
            children: d.children.iter().map(|ch| ch.slug.to_string()).collect(),
            background_html: r.background_html.as_str().to_owned(),
            objectives_html: r.objectives_html.as_str().to_owned(),
            moderation_mode: r.moderation_mode.code(),
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            venue: r.venue.clone(),
            comments_open_at: r.comment_period.opens_at,
            comments_close_at: r.comment_period.closes_at,
            comment_period: period_code(r.comment_period.state(now, c.accepts_comments())),
            guiding_questions: d.questions.iter().map(question).collect(),
            programme: programme(&d.programme),
            chairs: d
                .chairs
                .iter()
                .map(|chair| person(&chair.affiliation))
                .collect(),
            resources: resources(&d.resources),
            links: links(
                base,
                &format!("c/{}/{}", c.slug, r.slug),
                &format!("api/v1/consultations/{}/roundtables/{}", c.slug, r.slug),
            ),
        }
    }
}

fn question(q: &GuidingQuestion) -> GuidingQuestionDto {
    GuidingQuestionDto {
        id: q.id.to_string(),
        number: q.number,
        text: q.text.clone(),
        retired: q.retired,
    }
}

#[derive(Serialize, ToSchema)]
pub struct CommentNodeDto {
    id: String,
    /// Short citable reference, also the anchor on the page (#c-2f9a01bc).
    reference: String,
    #[schema(schema_with = comment_status_schema)]
    status: &'static str,
    /// Absent on placeholders.
    author: Option<PersonDto>,
    /// Sanitised HTML; absent on placeholders.
    body_html: Option<String>,
    /// Numbers of the guiding questions the comment answers; empty for general comments.
    guiding_questions: Vec<usize>,
    highlighted: bool,
    created_at: DateTime<Utc>,
    edited_at: Option<DateTime<Utc>>,
    #[schema(no_recursion)]
    replies: Vec<CommentNodeDto>,
}

fn comment_node(
    node: &ThreadNode,
    numbers: &HashMap<crate::domain::ids::GuidingQuestionId, usize>,
) -> CommentNodeDto {
    let (entry, comment) = (&node.entry, &node.entry.comment);
    let shown = entry.placeholder.is_none();
    let mut questions: Vec<usize> = comment
        .question_ids
        .iter()
        .filter_map(|id| numbers.get(id).copied())
        .collect();
    questions.sort_unstable();
    CommentNodeDto {
        id: comment.id.to_string(),
        reference: comment.reference.clone(),
        status: match entry.placeholder {
            None => "published",
            Some(Placeholder::WithdrawnByAuthor) => "withdrawn",
            Some(Placeholder::NotPublished) => "not_published",
        },
        author: shown.then(|| person(&comment.author)),
        body_html: shown.then(|| comment.body_html.as_str().to_owned()),
        guiding_questions: if shown { questions } else { vec![] },
        highlighted: shown && comment.highlighted,
        created_at: comment.created_at,
        edited_at: comment.edited_at,
        replies: node
            .replies
            .iter()
            .map(|reply| comment_node(reply, numbers))
            .collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct CommentThreadsDto {
    items: Vec<CommentNodeDto>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    next_cursor: Option<String>,
}

impl CommentThreadsDto {
    pub fn new(page: &ThreadsPage) -> Self {
        let numbers = page.questions.iter().map(|q| (q.id, q.number)).collect();
        Self {
            items: page
                .threads
                .iter()
                .map(|node| comment_node(node, &numbers))
                .collect(),
            next_cursor: page.next_cursor.clone(),
        }
    }
}
