//! Roundtables: their order, the editor's values, and saving one with its questions.

use super::access::{find, require_staff, writable};
use super::audit::{audit, changed_fields};
use super::deadline::{deadline_change, record_deadline_change};
use super::questions::{save_questions, QuestionChange};
use super::slugs::choose_slug;
use crate::db::queries::{authoring, roundtables};
use crate::db::AnyConnection;
use crate::domain::authoring::*;
use crate::domain::consultation::Consultation;
use crate::domain::ids::{ConsultationId, RoundtableId};
use crate::domain::roundtable::{check_parent, GuidingQuestion, Roundtable};
use crate::domain::slug::Slug;
use crate::domain::time::CommentPeriod;
use crate::domain::user::{Chair, SignedInUser};
use crate::domain::InvalidField;
use crate::services::ServiceError;
use crate::text::render_document;
use chrono::{DateTime, Utc};
use serde_json::json;

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
    crate::db::write_transaction(conn, |conn| {
        let (c, _) = find(conn, consultation)?;
        writable(&c)?;
        let all = roundtables::for_consultation(conn, c.id)?;
        let me = all
            .iter()
            .find(|r| r.slug.as_str() == roundtable)
            .ok_or(ServiceError::NotFound("missing-roundtable"))?;
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
        .ok_or(ServiceError::NotFound("missing-roundtable"))
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
                    grace_hours: match r.comment_period.grace_minutes {
                        0 => String::new(),
                        minutes => (minutes / 60).to_string(),
                    },
                    deadline_reason: String::new(),
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
        comment_period: CommentPeriod::new(f.comments_open_at, f.comments_close_at)?
            .with_grace(f.grace_minutes),
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
        errors.push(
            InvalidField::new("new_questions", "invalid-questions-too-many")
                .with("limit", MAX_QUESTIONS),
        );
    }
    let Some(mut fields) = fields.filter(|_| errors.is_empty()) else {
        return Err(ServiceError::InvalidFields(errors));
    };
    crate::db::write_transaction(conn, |conn| {
        let before = roundtable
            .map(|slug| roundtable_editor(conn, actor, consultation, Some(slug)))
            .transpose()?
            .map(|e| AuditedRoundtable::of(&e))
            .unwrap_or_default();
        let all = roundtables::for_consultation(conn, c.id)?;
        let old = roundtable.map(|slug| by_slug(&all, slug)).transpose()?;
        let parent = match &fields.parent {
            Some(slug) => Some(
                all.iter()
                    .find(|r| r.slug.as_str() == slug)
                    .ok_or_else(|| InvalidField::new("parent", "invalid-parent-choice"))?,
            ),
            None => None,
        };
        check_parent(parent, c.id)?;
        if let (Some(old), Some(p)) = (&old, parent) {
            if p.id == old.id || all.iter().any(|r| r.parent_id == Some(old.id)) {
                return Err(InvalidField::new("parent", "invalid-parent-has-children").into());
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
        let moved = deadline_change(old.as_ref(), &mut fields, c.time_zone)?;
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
                roundtables::insert(
                    conn,
                    &r,
                    &fields.background_markdown,
                    &fields.objectives_markdown,
                    now,
                )?;
                authoring::forget_redirect(conn, slug.as_str(), c.id, true)?;
            }
            Some(old) => {
                authoring::update_roundtable(
                    conn,
                    &r,
                    &fields.background_markdown,
                    &fields.objectives_markdown,
                    now,
                )?;
                if old.slug != slug {
                    authoring::record_redirect(
                        conn,
                        old.slug.as_str(),
                        slug.as_str(),
                        c.id,
                        Some(r.id),
                        now,
                    )?;
                }
            }
        }
        save_questions(conn, &r, changes, &texts, &added, now)?;
        if let Some(change) = moved {
            record_deadline_change(conn, actor, r.id, change, now)?;
        }
        let after = AuditedRoundtable::of(&roundtable_editor(
            conn,
            actor,
            consultation,
            Some(slug.as_str()),
        )?);
        audit(
            conn,
            actor,
            "roundtable",
            &r.id.to_string(),
            if old.is_some() {
                "roundtable_updated"
            } else {
                "roundtable_created"
            },
            json!({
                "consultation": c.slug, "slug": slug, "title": r.title,
                "changes": changed_fields(&before, &after),
            }),
            now,
        )?;
        Ok(slug)
    })
}

/// A roundtable as the audit trail compares it: every field as the editor
/// shows it, and its questions in order ("2. Text", "(retired)" if so).
#[derive(Default, serde::Serialize)]
struct AuditedRoundtable {
    #[serde(flatten)]
    input: RoundtableInput,
    questions: Vec<String>,
}

impl AuditedRoundtable {
    fn of(editor: &RoundtableEditor) -> Self {
        Self {
            input: editor.input.clone(),
            questions: editor
                .questions
                .iter()
                .map(|l| {
                    let q = &l.question;
                    let retired = if q.retired { " (retired)" } else { "" };
                    format!("{}. {}{retired}", q.number, q.text)
                })
                .collect(),
        }
    }
}
