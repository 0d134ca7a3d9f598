//! Staff set up consultations and roundtables in the browser: every field
//! checked, slugs made from titles and kept unique, old slugs redirected,
//! questions retired rather than removed once comments use them, and
//! every change recorded in the audit trail.

use super::ServiceError;
use crate::db::queries::admin::{self, AccountSummary, UserFilter};
use crate::db::queries::{authoring, consultations, roundtables};
use crate::db::AnyConnection;
use crate::domain::authoring::*;
use crate::domain::consultation::{
    Consultation, ConsultationOrganisation, ConsultationStatus, OrganisationRole,
};
use crate::domain::ids::{ConsultationId, RoundtableId, UserId};
use crate::domain::roundtable::{check_parent, GuidingQuestion, Roundtable};
use crate::domain::slug::Slug;
use crate::domain::time::CommentPeriod;
use crate::domain::user::{Chair, Role, SignedInUser};
use crate::domain::InvalidField;
use crate::text::render_document;
use chrono::{DateTime, Utc};
use diesel::Connection;
use serde_json::json;

fn require_staff(actor: &SignedInUser) -> Result<(), ServiceError> {
    match actor.role {
        Role::Admin | Role::Staff => Ok(()),
        Role::Participant => Err(ServiceError::Forbidden("only staff set up consultations")),
    }
}

fn audit(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    entity: &str,
    id: &str,
    action: &str,
    details: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    admin::record_audit(
        conn,
        &actor.id.to_string(),
        entity,
        id,
        action,
        &details,
        now,
    )?;
    Ok(())
}

/// Words the addresses use for pages of their own (/admin/consultations/new,
/// /c/{c}/export, /c/{c}/{r}/outcome …).
const RESERVED_SLUGS: &[&str] = &[
    "new",
    "export",
    "outcome",
    "audit",
    "comments",
    "calendar-ics",
    "feed-atom",
    "roundtables",
];

/// A free slug: the typed one (refused if taken) or one made from the
/// title, numbered if need be.
fn choose_slug(
    typed: Option<Slug>,
    title: &str,
    taken: &mut dyn FnMut(&str) -> Result<bool, ServiceError>,
) -> Result<Slug, ServiceError> {
    if let Some(slug) = typed {
        if RESERVED_SLUGS.contains(&slug.as_str()) {
            return Err(InvalidField::new(
                "slug",
                format!("'{slug}' names a page of its own here: choose another web address name."),
            )
            .into());
        }
        if taken(slug.as_str())? {
            return Err(InvalidField::new(
                "slug",
                format!("'{slug}' is already in use: choose another web address name."),
            )
            .into());
        }
        return Ok(slug);
    }
    let mut base = slug_from_title(title);
    if RESERVED_SLUGS.contains(&base.as_str()) {
        base.push_str("-1");
    }
    for n in 1..1000 {
        let candidate = if n == 1 {
            base.clone()
        } else {
            let suffix = format!("-{n}");
            let cut = base.len().min(Slug::MAX_LEN - suffix.len());
            format!("{}{suffix}", base[..cut].trim_end_matches('-'))
        };
        if !taken(&candidate)? {
            return Ok(Slug::parse("slug", &candidate)?);
        }
    }
    Err(InvalidField::new(
        "slug",
        "Choose a web address name: every one made from this title is taken.",
    )
    .into())
}

/// Refuses anyone but staff (for what needs no database, such as a preview).
pub fn check_staff(actor: &SignedInUser) -> Result<(), ServiceError> {
    require_staff(actor)
}

pub fn list(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
) -> Result<Vec<Consultation>, ServiceError> {
    require_staff(actor)?;
    Ok(authoring::all_consultations(conn)?)
}

fn find(conn: &mut AnyConnection, slug: &str) -> Result<(Consultation, String), ServiceError> {
    authoring::consultation(conn, slug)?.ok_or(ServiceError::NotFound("consultation"))
}

fn writable(c: &Consultation) -> Result<(), ServiceError> {
    if c.status == ConsultationStatus::Archived {
        return Err(ServiceError::Conflict(
            "This consultation is archived: it is read-only.".into(),
        ));
    }
    Ok(())
}

pub struct ConsultationEditor {
    pub consultation: Consultation,
    pub input: ConsultationInput,
    pub roundtables: Vec<Roundtable>,
    pub programme: Vec<crate::domain::roundtable::ProgrammeItem>,
    pub resources: Vec<crate::domain::roundtable::Resource>,
}

pub fn consultation_editor(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    slug: &str,
) -> Result<ConsultationEditor, ServiceError> {
    require_staff(actor)?;
    let (c, description) = find(conn, slug)?;
    let organisations = consultations::organisations(conn, c.id)?;
    let lines = |role: OrganisationRole| {
        organisations
            .iter()
            .filter(|o| o.role == role)
            .map(|o| match &o.url {
                Some(url) => format!("{} | {url}", o.name),
                None => o.name.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let zone = c.time_zone;
    Ok(ConsultationEditor {
        input: ConsultationInput {
            title: c.title.clone(),
            slug: c.slug.to_string(),
            summary: c.summary.clone(),
            description,
            kind: c.kind.code().into(),
            venue: c.venue.clone().unwrap_or_default(),
            online: c.online,
            starts_at: local_input(c.starts_at, zone),
            ends_at: local_input(c.ends_at, zone),
            time_zone: zone.name().into(),
            content_language: c.content_language.clone(),
            languages: c.languages.clone(),
            status: c.status.code().into(),
            organisers: lines(OrganisationRole::Organiser),
            partners: lines(OrganisationRole::Partner),
            patrons: lines(OrganisationRole::Patron),
        },
        roundtables: roundtables::for_consultation(conn, c.id)?,
        programme: consultations::whole_programme(conn, c.id)?,
        resources: authoring::all_resources(conn, c.id)?,
        consultation: c,
    })
}

fn organisations_of(fields: &ConsultationFields) -> Vec<ConsultationOrganisation> {
    let with = |role: OrganisationRole, lines: &[OrganisationLine]| {
        lines
            .iter()
            .map(move |l| ConsultationOrganisation {
                role,
                name: l.name.clone(),
                url: l.url.clone(),
            })
            .collect::<Vec<_>>()
    };
    let mut all = with(OrganisationRole::Organiser, &fields.organisers);
    all.extend(with(OrganisationRole::Partner, &fields.partners));
    all.extend(with(OrganisationRole::Patron, &fields.patrons));
    all
}

fn consultation_of(id: ConsultationId, slug: Slug, f: &ConsultationFields) -> Consultation {
    Consultation {
        id,
        slug,
        title: f.title.clone(),
        summary: f.summary.clone(),
        description_html: render_document(&f.description_markdown),
        kind: f.kind,
        venue: f.venue.clone(),
        online: f.online,
        starts_at: f.starts_at,
        ends_at: f.ends_at,
        time_zone: f.time_zone,
        languages: f.languages.clone(),
        content_language: f.content_language.clone(),
        status: f.status,
    }
}

/// Creates a consultation; returns its slug.
pub fn create_consultation(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    input: &ConsultationInput,
    now: DateTime<Utc>,
) -> Result<Slug, ServiceError> {
    require_staff(actor)?;
    let fields = ConsultationFields::parse(input).map_err(ServiceError::InvalidFields)?;
    conn.transaction(|conn| {
        let slug = choose_slug(fields.slug.clone(), &fields.title, &mut |s| {
            Ok(authoring::consultation_slug_taken(conn, s, None)?)
        })?;
        let c = consultation_of(ConsultationId::generate(), slug.clone(), &fields);
        consultations::insert(
            conn,
            &c,
            &fields.description_markdown,
            &organisations_of(&fields),
            now,
        )?;
        authoring::forget_redirect(conn, slug.as_str(), c.id, false)?;
        audit(
            conn,
            actor,
            "consultation",
            &c.id.to_string(),
            "consultation_created",
            json!({ "slug": slug, "title": c.title, "status": c.status.code() }),
            now,
        )?;
        Ok(slug)
    })
}

/// Saves every field; a new slug leaves a redirect from the old one.
pub fn update_consultation(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    slug: &str,
    input: &ConsultationInput,
    now: DateTime<Utc>,
) -> Result<Slug, ServiceError> {
    require_staff(actor)?;
    let fields = ConsultationFields::parse(input).map_err(ServiceError::InvalidFields)?;
    conn.transaction(|conn| {
        let (old, _) = find(conn, slug)?;
        writable(&old)?;
        check_status_change(old.status, fields.status)?;
        let new_slug = match &fields.slug {
            Some(typed) if typed == &old.slug => old.slug.clone(),
            typed => choose_slug(typed.clone(), &fields.title, &mut |s| {
                Ok(authoring::consultation_slug_taken(conn, s, Some(old.id))?)
            })?,
        };
        let c = consultation_of(old.id, new_slug.clone(), &fields);
        authoring::update_consultation(conn, &c, &fields.description_markdown, &organisations_of(&fields), now)?;
        if new_slug != old.slug {
            authoring::record_redirect(conn, old.slug.as_str(), new_slug.as_str(), c.id, None, now)?;
        }
        audit(
            conn,
            actor,
            "consultation",
            &c.id.to_string(),
            "consultation_updated",
            json!({ "slug": new_slug, "old_slug": old.slug, "status": c.status.code(), "old_status": old.status.code(), "title": c.title }),
            now,
        )?;
        Ok(new_slug)
    })
}

/// Moves a roundtable one place up or down among its siblings.
pub fn move_roundtable(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    roundtable: &str,
    up: bool,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_staff(actor)?;
    conn.transaction(|conn| {
        let (c, _) = find(conn, consultation)?;
        writable(&c)?;
        let all = roundtables::for_consultation(conn, c.id)?;
        let me = all
            .iter()
            .find(|r| r.slug.as_str() == roundtable)
            .ok_or(ServiceError::NotFound("roundtable"))?;
        let mut siblings: Vec<&Roundtable> =
            all.iter().filter(|r| r.parent_id == me.parent_id).collect();
        siblings.sort_by_key(|r| r.position);
        let Some(at) = siblings.iter().position(|r| r.id == me.id) else {
            return Ok(());
        };
        let other = if up { at.checked_sub(1) } else { Some(at + 1) };
        if let Some(other) = other.filter(|o| *o < siblings.len()) {
            siblings.swap(at, other);
        }
        for (position, r) in siblings.iter().enumerate() {
            authoring::set_roundtable_position(conn, r.id, position as i32)?;
        }
        audit(
            conn,
            actor,
            "roundtable",
            &me.id.to_string(),
            "roundtable_moved",
            json!({ "up": up }),
            now,
        )
    })
}

fn by_slug(all: &[Roundtable], slug: &str) -> Result<Roundtable, ServiceError> {
    all.iter()
        .find(|r| r.slug.as_str() == slug)
        .cloned()
        .ok_or(ServiceError::NotFound("roundtable"))
}

/// One guiding question as the roundtable form shows it.
pub struct QuestionLine {
    pub question: GuidingQuestion,
    /// Comments tagged with it: such a question can only be retired.
    pub uses: i64,
}

pub struct RoundtableEditor {
    pub consultation: Consultation,
    pub roundtable: Option<Roundtable>,
    pub input: RoundtableInput,
    pub questions: Vec<QuestionLine>,
    pub chairs: Vec<Chair>,
    /// Roundtables that may be the parent: top-level ones other than this.
    pub parents: Vec<Roundtable>,
}

pub fn roundtable_editor(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    roundtable: Option<&str>,
) -> Result<RoundtableEditor, ServiceError> {
    require_staff(actor)?;
    let (c, _) = find(conn, consultation)?;
    let all = roundtables::for_consultation(conn, c.id)?;
    let this = roundtable.map(|slug| by_slug(&all, slug)).transpose()?;
    let parents = all
        .iter()
        .filter(|r| r.parent_id.is_none() && this.as_ref().is_none_or(|t| t.id != r.id))
        .cloned()
        .collect();
    let zone = c.time_zone;
    let (input, questions, chairs) = match &this {
        None => (
            RoundtableInput {
                moderation_mode: "pre".into(),
                ..Default::default()
            },
            vec![],
            vec![],
        ),
        Some(r) => {
            let (background, objectives) = authoring::roundtable_sources(conn, r.id)?;
            let questions = roundtables::guiding_questions(conn, r.id)?;
            let ids: Vec<String> = questions.iter().map(|q| q.id.to_string()).collect();
            let uses = authoring::question_uses(conn, &ids)?;
            (
                RoundtableInput {
                    code: r.code.clone().unwrap_or_default(),
                    title: r.title.clone(),
                    slug: r.slug.to_string(),
                    parent: r
                        .parent_id
                        .and_then(|p| all.iter().find(|x| x.id == p))
                        .map(|p| p.slug.to_string())
                        .unwrap_or_default(),
                    summary: r.summary.clone(),
                    background,
                    objectives,
                    moderation_mode: r.moderation_mode.code().into(),
                    comments_open_at: local_input(r.comment_period.opens_at, zone),
                    comments_close_at: local_input(r.comment_period.closes_at, zone),
                    starts_at: local_input(r.starts_at, zone),
                    ends_at: local_input(r.ends_at, zone),
                    venue: r.venue.clone().unwrap_or_default(),
                    content_language: r.content_language.clone().unwrap_or_default(),
                },
                questions
                    .into_iter()
                    .map(|q| QuestionLine {
                        uses: uses.get(&q.id.to_string()).copied().unwrap_or(0),
                        question: q,
                    })
                    .collect(),
                roundtables::chairs(conn, r.id)?,
            )
        }
    };
    Ok(RoundtableEditor {
        consultation: c,
        roundtable: this,
        input,
        questions,
        chairs,
        parents,
    })
}

/// A change to one existing question, as the form sends it.
#[derive(Debug, Clone)]
pub struct QuestionChange {
    pub id: String,
    pub text: String,
    /// Where it goes among the questions (1 first); ties keep the old order.
    pub position: Option<i64>,
    pub action: QuestionAction,
}

fn roundtable_of(
    id: RoundtableId,
    consultation: ConsultationId,
    parent: Option<RoundtableId>,
    slug: Slug,
    position: i32,
    f: &RoundtableFields,
) -> Result<Roundtable, InvalidField> {
    Ok(Roundtable {
        id,
        consultation_id: consultation,
        parent_id: parent,
        code: f.code.clone(),
        slug,
        title: f.title.clone(),
        summary: f.summary.clone(),
        background_html: render_document(&f.background_markdown),
        objectives_html: render_document(&f.objectives_markdown),
        position,
        moderation_mode: f.moderation_mode,
        comment_period: CommentPeriod::new(f.comments_open_at, f.comments_close_at)?,
        starts_at: f.starts_at,
        ends_at: f.ends_at,
        venue: f.venue.clone(),
        content_language: f.content_language.clone(),
    })
}

/// Creates or updates a roundtable with its questions; returns its slug.
#[allow(clippy::too_many_arguments)]
pub fn save_roundtable(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    roundtable: Option<&str>,
    input: &RoundtableInput,
    changes: &[QuestionChange],
    added: &str,
    now: DateTime<Utc>,
) -> Result<Slug, ServiceError> {
    require_staff(actor)?;
    let (c, _) = find(conn, consultation)?;
    writable(&c)?;
    let mut errors = Vec::new();
    let fields = RoundtableFields::parse(input, c.time_zone)
        .map_err(|e| errors.extend(e))
        .ok();
    let added = new_questions(added)
        .map_err(|e| errors.push(e))
        .unwrap_or_default();
    let mut texts = Vec::new();
    for (i, change) in changes.iter().enumerate() {
        if change.action == QuestionAction::Remove {
            texts.push(String::new());
            continue;
        }
        match question_text(question_field(i + 1), &change.text) {
            Ok(text) => texts.push(text),
            Err(e) => {
                errors.push(e);
                texts.push(String::new());
            }
        }
    }
    if changes.len() + added.len() > MAX_QUESTIONS {
        errors.push(InvalidField::new(
            "new_questions",
            format!("A roundtable has at most {MAX_QUESTIONS} guiding questions."),
        ));
    }
    let Some(fields) = fields.filter(|_| errors.is_empty()) else {
        return Err(ServiceError::InvalidFields(errors));
    };
    conn.transaction(|conn| {
        let all = roundtables::for_consultation(conn, c.id)?;
        let old = roundtable.map(|slug| by_slug(&all, slug)).transpose()?;
        let parent = match &fields.parent {
            Some(slug) => Some(all.iter().find(|r| r.slug.as_str() == slug).ok_or_else(|| {
                InvalidField::new("parent", "Choose the parent roundtable from the list.")
            })?),
            None => None,
        };
        check_parent(parent, c.id).map_err(|e| InvalidField::new("parent", format!("{}.", capitalised(&e.message))))?;
        if let (Some(old), Some(p)) = (&old, parent) {
            if p.id == old.id || all.iter().any(|r| r.parent_id == Some(old.id)) {
                return Err(InvalidField::new("parent", "This roundtable has sub-roundtables of its own: roundtables nest one level deep.").into());
            }
        }
        let except = old.as_ref().map(|r| r.id);
        let slug = match (&fields.slug, &old) {
            (Some(typed), Some(old)) if typed == &old.slug => old.slug.clone(),
            (typed, _) => choose_slug(typed.clone(), &fields.title, &mut |s| {
                Ok(authoring::roundtable_slug_taken(conn, c.id, s, except)?)
            })?,
        };
        let position = match &old {
            Some(old) if old.parent_id == parent.map(|p| p.id) => old.position,
            _ => all
                .iter()
                .filter(|r| r.parent_id == parent.map(|p| p.id))
                .map(|r| r.position + 1)
                .max()
                .unwrap_or(0),
        };
        let r = roundtable_of(
            old.as_ref().map_or_else(RoundtableId::generate, |o| o.id),
            c.id,
            parent.map(|p| p.id),
            slug.clone(),
            position,
            &fields,
        )?;
        match &old {
            None => {
                roundtables::insert(conn, &r, &fields.background_markdown, &fields.objectives_markdown, now)?;
                authoring::forget_redirect(conn, slug.as_str(), c.id, true)?;
            }
            Some(old) => {
                authoring::update_roundtable(conn, &r, &fields.background_markdown, &fields.objectives_markdown, now)?;
                if old.slug != slug {
                    authoring::record_redirect(conn, old.slug.as_str(), slug.as_str(), c.id, Some(r.id), now)?;
                }
            }
        }
        save_questions(conn, &r, changes, &texts, &added, now)?;
        audit(
            conn,
            actor,
            "roundtable",
            &r.id.to_string(),
            if old.is_some() { "roundtable_updated" } else { "roundtable_created" },
            json!({
                "consultation": c.slug, "slug": slug, "old_slug": old.as_ref().map(|o| o.slug.to_string()),
                "title": r.title, "code": r.code, "questions_added": added.len(),
                "questions_removed": changes.iter().filter(|q| q.action == QuestionAction::Remove).count(),
                "questions_retired": changes.iter().filter(|q| q.action == QuestionAction::Retire).count(),
            }),
            now,
        )?;
        Ok(slug)
    })
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Applies the question changes in one go: new order, new texts,
/// retirements, removals (refused for questions comments use) and
/// additions at the end.
fn save_questions(
    conn: &mut AnyConnection,
    r: &Roundtable,
    changes: &[QuestionChange],
    texts: &[String],
    added: &[String],
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let existing = roundtables::guiding_questions(conn, r.id)?;
    let ids: Vec<String> = existing.iter().map(|q| q.id.to_string()).collect();
    let uses = authoring::question_uses(conn, &ids)?;
    let mut errors = Vec::new();
    let mut kept: Vec<(usize, &QuestionChange, &GuidingQuestion)> = Vec::new();
    for (i, change) in changes.iter().enumerate() {
        let Some(question) = existing.iter().find(|q| q.id.to_string() == change.id) else {
            errors.push(InvalidField::new(
                question_field(i + 1),
                "This question was removed meanwhile: reload the page.",
            ));
            continue;
        };
        if change.action == QuestionAction::Remove {
            match uses.get(&change.id).copied().unwrap_or(0) {
                0 => authoring::delete_question(conn, &change.id)?,
                n => errors.push(InvalidField::new(
                    question_field(i + 1),
                    format!("{n} comments answer this question: it cannot be removed, only retired (it then stays on those comments and in exports)."),
                )),
            }
            continue;
        }
        kept.push((i, change, question));
    }
    if !errors.is_empty() {
        return Err(ServiceError::InvalidFields(errors));
    }
    // Questions the form did not list (added meanwhile by someone else) keep their place after.
    kept.sort_by_key(|(i, change, _)| (change.position.unwrap_or(*i as i64 + 1), *i));
    let mut position = 0;
    for (i, change, question) in &kept {
        // A retired question stays retired, from when it was.
        let retire = change.action == QuestionAction::Retire && !question.retired;
        authoring::update_question(
            conn,
            &change.id,
            &texts[*i],
            position,
            retire.then_some(now),
        )?;
        position += 1;
    }
    let listed: Vec<&str> = changes.iter().map(|c| c.id.as_str()).collect();
    for question in existing
        .iter()
        .filter(|q| !listed.contains(&q.id.to_string().as_str()))
    {
        authoring::update_question(
            conn,
            &question.id.to_string(),
            &question.text,
            position,
            None,
        )?;
        position += 1;
    }
    for text in added {
        roundtables::insert_guiding_question(conn, r.id, position, text, now)?;
        position += 1;
    }
    Ok(())
}

/// People to make chair: by name, organisation or email.
pub fn search_people(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    search: &str,
) -> Result<Vec<AccountSummary>, ServiceError> {
    require_staff(actor)?;
    let search = search.trim();
    if search.chars().count() < 2 {
        return Ok(vec![]);
    }
    let mut found = admin::users(
        conn,
        &UserFilter {
            search: Some(search.to_owned()),
            role: None,
            verified: None,
        },
    )?;
    found.retain(|a| !a.deactivated);
    found.truncate(20);
    Ok(found)
}

/// Makes someone chair of a roundtable, or stops them being one.
pub fn set_chair(
    conn: &mut AnyConnection,
    actor: &SignedInUser,
    consultation: &str,
    roundtable: &str,
    user: &str,
    chair: bool,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    require_staff(actor)?;
    let (c, _) = find(conn, consultation)?;
    writable(&c)?;
    let r = roundtables::for_consultation(conn, c.id)?
        .into_iter()
        .find(|r| r.slug.as_str() == roundtable)
        .ok_or(ServiceError::NotFound("roundtable"))?;
    let account = admin::user(conn, user)?.ok_or(ServiceError::NotFound("account"))?;
    let user_id: UserId = user
        .parse()
        .map_err(|_| ServiceError::NotFound("account"))?;
    conn.transaction(|conn| {
        let is_chair = admin::is_chair(conn, &r.id.to_string(), user)?;
        match (chair, is_chair) {
            (true, false) => roundtables::assign_chair(conn, r.id, user_id, Some(actor.id), now)?,
            (false, true) => {
                admin::remove_chair(conn, &r.id.to_string(), user)?;
            }
            _ => return Ok(()),
        }
        audit(
            conn,
            actor,
            "roundtable",
            &r.id.to_string(),
            if chair {
                "chair_assigned"
            } else {
                "chair_removed"
            },
            json!({ "user": user, "name": account.display_name }),
            now,
        )
    })
}
