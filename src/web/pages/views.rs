//! What the templates see: plain serialisable structs with every time and
//! label already written out.

use super::comment_views::*;
use super::paging::{Browsing, PagingView, ShownPage};
use super::reading::{reading_choices, ReadingChoice};
use crate::domain::consultation::{
    Consultation, ConsultationOrganisation, OrganisationRole, Phase,
};
use crate::domain::ids::UserId;
use crate::domain::roundtable::{GuidingQuestion, ProgrammeItem, Resource, Roundtable};
use crate::domain::thread::ThreadEntry;
use crate::i18n::{text, Language};
use crate::services::pages::{ConsultationPage, RoundtablePage};
use crate::text::SafeHtml;
use crate::web::format::*;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

#[derive(Serialize)]
pub struct ConsultationCard {
    slug: String,
    title: String,
    summary: String,
    kind: String,
    place: String,
    when: Option<String>,
}

#[derive(Serialize)]
pub struct PhaseGroup {
    heading: String,
    id: &'static str,
    consultations: Vec<ConsultationCard>,
}

#[derive(Serialize)]
pub struct HomeView {
    title: String,
    groups: Vec<PhaseGroup>,
}

fn place(c: &Consultation, lang: Language) -> String {
    match (&c.venue, c.online) {
        (Some(venue), true) => text(
            lang,
            "views-venue-and-online",
            &[("venue", venue.clone().into())],
        ),
        (Some(venue), false) => venue.clone(),
        (None, _) => text(lang, "views-online", &[]),
    }
}

fn when(c: &Consultation, lang: Language) -> Option<String> {
    c.starts_at
        .map(|start| time_range(start, c.ends_at, c.time_zone, lang))
}

/// A closed list's label in the reader's language, by its code.
fn label(lang: Language, list: &str, code: &str) -> String {
    text(lang, &format!("views-{list}-{code}"), &[])
}

impl HomeView {
    pub fn new(consultations: &[Consultation], now: DateTime<Utc>, lang: Language) -> Self {
        let mut groups = vec![
            PhaseGroup {
                heading: text(lang, "views-open-now", &[]),
                id: "open",
                consultations: vec![],
            },
            PhaseGroup {
                heading: text(lang, "views-coming-up", &[]),
                id: "upcoming",
                consultations: vec![],
            },
            PhaseGroup {
                heading: text(lang, "views-past", &[]),
                id: "past",
                consultations: vec![],
            },
        ];
        for c in consultations {
            let index = match c.phase(now) {
                Phase::Open => 0,
                Phase::Upcoming => 1,
                Phase::Past => 2,
            };
            groups[index].consultations.push(ConsultationCard {
                slug: c.slug.to_string(),
                title: c.title.clone(),
                summary: c.summary.clone(),
                kind: label(lang, "kind", c.kind.code()),
                place: place(c, lang),
                when: when(c, lang),
            });
        }
        groups.retain(|g| !g.consultations.is_empty());
        Self {
            title: text(lang, "views-consultations", &[]),
            groups,
        }
    }
}

#[derive(Serialize)]
pub struct OrganisationGroup {
    label: String,
    names: Vec<OrganisationLink>,
}

#[derive(Serialize)]
pub struct OrganisationLink {
    name: String,
    url: Option<String>,
}

#[derive(Serialize)]
pub struct ConsultationHeader {
    slug: String,
    title: String,
    summary: String,
    description_html: SafeHtml,
    kind: String,
    status: String,
    place: String,
    when: Option<String>,
    time_zone: String,
    languages: Vec<String>,
    organisations: Vec<OrganisationGroup>,
    /// The language its texts are written in, for `lang` attributes.
    content_language: String,
}

impl ConsultationHeader {
    fn new(c: &Consultation, organisations: &[ConsultationOrganisation], lang: Language) -> Self {
        let groups = [
            OrganisationRole::Organiser,
            OrganisationRole::Partner,
            OrganisationRole::Patron,
        ]
        .into_iter()
        .map(|role| OrganisationGroup {
            label: label(lang, "role", role.code()),
            names: organisations
                .iter()
                .filter(|o| o.role == role)
                .map(|o| OrganisationLink {
                    name: o.name.clone(),
                    url: o.url.clone(),
                })
                .collect(),
        })
        .filter(|g| !g.names.is_empty())
        .collect();
        Self {
            slug: c.slug.to_string(),
            title: c.title.clone(),
            summary: c.summary.clone(),
            description_html: c.description_html.clone(),
            kind: label(lang, "kind", c.kind.code()),
            status: label(lang, "status", c.status.code()),
            place: place(c, lang),
            when: when(c, lang),
            time_zone: c.time_zone.name().to_owned(),
            languages: c.languages.iter().map(|l| language_name(l, lang)).collect(),
            organisations: groups,
            content_language: c.content_language.clone(),
        }
    }
}

#[derive(Serialize)]
pub struct RoundtableCard {
    slug: String,
    code: Option<String>,
    title: String,
    summary: String,
    when: Option<String>,
    period: String,
    comments: String,
    children: Vec<RoundtableCard>,
}

fn roundtable_card(
    r: &Roundtable,
    (count, new): (i64, Option<i64>),
    c: &Consultation,
    now: DateTime<Utc>,
    lang: Language,
) -> RoundtableCard {
    RoundtableCard {
        slug: r.slug.to_string(),
        code: r.code.clone(),
        title: r.title.clone(),
        summary: r.summary.clone(),
        when: r
            .starts_at
            .map(|s| time_range(s, r.ends_at, c.time_zone, lang)),
        period: period_line(
            r.comment_period.state(now, c.accepts_comments()),
            c.time_zone,
            lang,
        ),
        comments: count_line(count as usize, new.map(|n| n as usize), lang),
        children: vec![],
    }
}

#[derive(Serialize)]
pub struct ProgrammeDay {
    day: String,
    items: Vec<ProgrammeItemView>,
}

#[derive(Serialize)]
pub struct ProgrammeItemView {
    time: String,
    starts_at: String,
    title: String,
    description: String,
    speakers: Vec<String>,
}

fn programme_days(items: &[ProgrammeItem], zone: Tz, lang: Language) -> Vec<ProgrammeDay> {
    let mut days: Vec<ProgrammeDay> = Vec::new();
    for item in items {
        let day_text = day(item.starts_at, zone, lang);
        let view = ProgrammeItemView {
            time: clock_range(item.starts_at, item.ends_at, zone),
            starts_at: item
                .starts_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            title: item.title.clone(),
            description: item.description.clone(),
            speakers: item.speakers.clone(),
        };
        match days.last_mut() {
            Some(last) if last.day == day_text => last.items.push(view),
            _ => days.push(ProgrammeDay {
                day: day_text,
                items: vec![view],
            }),
        }
    }
    days
}

#[derive(Serialize)]
pub struct ResourceView {
    kind: String,
    title: String,
    url: String,
    description: String,
}

fn resource_views(resources: &[Resource], lang: Language) -> Vec<ResourceView> {
    resources
        .iter()
        .map(|r| ResourceView {
            kind: label(lang, "resource", r.kind.code()),
            title: r.title.clone(),
            url: r.url.clone(),
            description: r.description.clone(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct ConsultationPageView {
    title: String,
    consultation: ConsultationHeader,
    roundtables: Vec<RoundtableCard>,
    programme: Vec<ProgrammeDay>,
    resources: Vec<ResourceView>,
}

impl ConsultationPageView {
    pub fn new(page: &ConsultationPage, now: DateTime<Utc>, lang: Language) -> Self {
        let c = &page.consultation;
        let roundtables = page
            .roundtables
            .iter()
            .map(|group| {
                let mut card = roundtable_card(
                    &group.roundtable,
                    (group.public_comments, group.new_comments),
                    c,
                    now,
                    lang,
                );
                card.children = group
                    .children
                    .iter()
                    .map(|(child, count, new)| roundtable_card(child, (*count, *new), c, now, lang))
                    .collect();
                card
            })
            .collect();
        Self {
            title: c.title.clone(),
            consultation: ConsultationHeader::new(c, &page.organisations, lang),
            roundtables,
            programme: programme_days(&page.programme, c.time_zone, lang),
            resources: resource_views(&page.resources, lang),
        }
    }
}

#[derive(Serialize)]
pub struct RoundtableLink {
    slug: String,
    full_title: String,
}

#[derive(Serialize)]
pub struct QuestionView {
    number: usize,
    anchor: String,
    text: String,
    retired: bool,
    /// Published comments that answer it.
    comments: usize,
}

#[derive(Serialize)]
pub struct RoundtableView {
    slug: String,
    code: Option<String>,
    title: String,
    full_title: String,
    summary: String,
    background_html: SafeHtml,
    objectives_html: SafeHtml,
    when: Option<String>,
    venue: Option<String>,
    moderation: String,
    moderation_pre: bool,
    period: String,
    accepting_comments: bool,
    /// The language its texts are written in, for `lang` attributes.
    content_language: String,
}

#[derive(Serialize)]
pub struct RoundtablePageView<'a> {
    pub form: Option<CommentFormView>,
    /// "form", "sign_in", "verify" or "closed": what the comment area offers this reader.
    participation: &'static str,
    may_moderate: bool,
    title: String,
    consultation: ConsultationHeader,
    roundtable: RoundtableView,
    parent: Option<RoundtableLink>,
    children: Vec<RoundtableLink>,
    questions: Vec<QuestionView>,
    programme: Vec<ProgrammeDay>,
    chairs: Vec<PersonView>,
    resources: Vec<ResourceView>,
    comments: Vec<CommentView<'a>>,
    comment_words: CommentWords,
    /// The roundtable's address, which the comments' action links extend.
    path: String,
    /// Every thread, or one question's: the navigation between them.
    reading: Vec<ReadingChoice>,
    paging: PagingView,
    count_line: String,
    outcome: Option<crate::web::outcome_views::OutcomeDisplay>,
    /// What the chair just did to the outcome, after its form.
    outcome_notice: Option<String>,
    /// The grace period after the deadline, in words.
    grace_line: Option<String>,
    deadline_changes: Vec<String>,
    /// For a signed-in reader: whether they follow it.
    follow: Option<super::late_views::FollowView>,
}

fn link(r: &Roundtable) -> RoundtableLink {
    RoundtableLink {
        slug: r.slug.to_string(),
        full_title: r.full_title(),
    }
}

impl<'a> RoundtablePageView<'a> {
    /// `viewer` is the signed-in reader, if any: (id, verified).
    /// `answering` is the number of the question whose "Comment on this
    /// question" link was followed: the form comes with it ticked.
    pub fn new(
        page: &'a RoundtablePage,
        now: DateTime<Utc>,
        viewer: Option<(UserId, bool)>,
        answering: Option<usize>,
        (browsing, shown): (&Browsing, ShownPage<'a>),
        lang: Language,
    ) -> Self {
        let d = &page.detail;
        let (c, r) = (&d.consultation, &d.roundtable);
        let zone = c.time_zone;
        let state = r.comment_period.state(now, c.accepts_comments());
        let accepting = state.accepting();
        let reader = PageReader {
            id: viewer.map(|v| v.0),
            verified: viewer.is_some_and(|v| v.1),
            may_moderate: page.may_moderate,
            last_visit: page.last_visit,
            accepting,
        };
        let setting =
            CommentSetting::new(&d.questions, zone, reader, lang).with_late(page.late.clone());
        let comments = shown
            .entries
            .into_iter()
            .map(|entry| comment_view(entry, &setting))
            .collect();
        let participation = participation(accepting, viewer);
        Self {
            form: (participation == "form").then(|| {
                let chosen: Vec<usize> = answering.into_iter().collect();
                CommentFormView::new(&d.questions, &chosen).with_languages(c, None, lang)
            }),
            participation,
            may_moderate: page.may_moderate,
            title: match shown.paging.current {
                1 => format!("{} – {}", r.full_title(), c.title),
                _ => format!(
                    "{} ({}) – {}",
                    r.full_title(),
                    shown.paging.position,
                    c.title
                ),
            },
            consultation: ConsultationHeader::new(c, &[], lang),
            roundtable: RoundtableView {
                slug: r.slug.to_string(),
                code: r.code.clone(),
                title: r.title.clone(),
                full_title: r.full_title(),
                summary: r.summary.clone(),
                background_html: r.background_html.clone(),
                objectives_html: r.objectives_html.clone(),
                when: r.starts_at.map(|s| time_range(s, r.ends_at, zone, lang)),
                venue: r.venue.clone(),
                moderation: label(lang, "moderation", r.moderation_mode.code()),
                moderation_pre: r.moderation_mode == crate::domain::roundtable::ModerationMode::Pre,
                period: period_line(state, zone, lang),
                accepting_comments: state.accepting(),
                content_language: r
                    .content_language
                    .clone()
                    .unwrap_or_else(|| c.content_language.clone()),
            },
            parent: d.parent.as_ref().map(link),
            children: d.children.iter().map(link).collect(),
            questions: d
                .questions
                .iter()
                .map(|q| question_view(q, &page.threads))
                .collect(),
            programme: programme_days(&d.programme, zone, lang),
            chairs: d
                .chairs
                .iter()
                .map(|chair| person(&chair.affiliation, lang))
                .collect(),
            resources: resource_views(&d.resources, lang),
            comments,
            comment_words: CommentWords::new(lang),
            path: crate::web::paths::roundtable_path(c.slug.as_str(), r.slug.as_str()),
            reading: reading_choices(&page.threads, &d.questions, browsing.reading, lang),
            paging: shown.paging,
            count_line: count_line(
                page.public_comments,
                page.last_visit.map(|_| page.new_comments),
                lang,
            ),
            outcome: page
                .outcome
                .as_ref()
                .map(|o| crate::web::outcome_views::OutcomeDisplay::new(o, zone, lang)),
            outcome_notice: None,
            grace_line: super::late_views::grace_line(&r.comment_period, zone, lang),
            deadline_changes: super::late_views::deadline_lines(&page.deadline_changes, zone, lang),
            follow: viewer.map(|_| super::late_views::follow_view(page.follow)),
        }
    }

    pub fn with_outcome_notice(mut self, notice: Option<String>) -> Self {
        self.outcome_notice = notice;
        self
    }
}

fn question_view(q: &GuidingQuestion, threads: &[ThreadEntry]) -> QuestionView {
    QuestionView {
        number: q.number,
        anchor: question_anchor(q.number),
        text: q.text.clone(),
        retired: q.retired,
        comments: threads
            .iter()
            .filter(|e| e.comment.is_public() && e.comment.question_ids.contains(&q.id))
            .count(),
    }
}
