use crate::db::rows::*;
use crate::db::schema::{chair_assignments, guiding_questions, roundtables, users};
use crate::db::{AnyConnection, StorageError};
use crate::domain::consultation::ConsultationStatus;
use crate::domain::ids::{
    ChairAssignmentId, ConsultationId, GuidingQuestionId, RoundtableId, UserId,
};
use crate::domain::roundtable::{GuidingQuestion, ModerationMode, Roundtable};
use crate::domain::slug::Slug;
use crate::domain::time::CommentPeriod;
use crate::domain::user::Chair;
use crate::text::SafeHtml;
use chrono::{DateTime, Utc};
use diesel::prelude::*;

pub(super) fn to_domain(row: RoundtableRow) -> Result<Roundtable, StorageError> {
    Ok(Roundtable {
        id: parse_id(&row.id)?,
        consultation_id: parse_id(&row.consultation_id)?,
        parent_id: row.parent_id.as_deref().map(parse_id).transpose()?,
        code: row.code,
        slug: Slug::parse("slug", &row.slug).map_err(|e| StorageError::corrupt(e.message))?,
        title: row.title,
        summary: row.summary,
        background_html: SafeHtml::trust_stored_sanitised_html(row.background_html),
        objectives_html: SafeHtml::trust_stored_sanitised_html(row.objectives_html),
        position: row.position,
        moderation_mode: parse_code(
            "moderation mode",
            &row.moderation_mode,
            ModerationMode::from_code,
        )?,
        comment_period: CommentPeriod::new(
            row.comments_open_at.map(utc),
            row.comments_close_at.map(utc),
        )
        .map_err(|e| StorageError::corrupt(e.message))?
        .with_grace(row.grace_minutes),
        starts_at: row.starts_at.map(utc),
        ends_at: row.ends_at.map(utc),
        venue: row.venue,
        content_language: row.content_language,
    })
}

/// All roundtables of a consultation in their order; sub-roundtables follow
/// their own order and are grouped under their parent by the caller.
pub fn for_consultation(
    conn: &mut AnyConnection,
    consultation: ConsultationId,
) -> Result<Vec<Roundtable>, StorageError> {
    roundtables::table
        .filter(roundtables::consultation_id.eq(consultation.to_string()))
        .order((roundtables::position.asc(), roundtables::id.asc()))
        .select(RoundtableRow::as_select())
        .load(conn)?
        .into_iter()
        .map(to_domain)
        .collect()
}

pub fn guiding_questions(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<Vec<GuidingQuestion>, StorageError> {
    guiding_questions::table
        .filter(guiding_questions::roundtable_id.eq(roundtable.to_string()))
        .order((
            guiding_questions::position.asc(),
            guiding_questions::id.asc(),
        ))
        .select(GuidingQuestionRow::as_select())
        .load(conn)?
        .into_iter()
        .enumerate()
        .map(|(index, row)| {
            Ok(GuidingQuestion {
                id: parse_id(&row.id)?,
                roundtable_id: roundtable,
                number: index + 1,
                text: row.text,
                retired: row.retired_at.is_some(),
            })
        })
        .collect()
}

/// The guiding questions of several roundtables at once, numbered per roundtable.
pub fn guiding_questions_of(
    conn: &mut AnyConnection,
    ids: &[RoundtableId],
) -> Result<std::collections::HashMap<RoundtableId, Vec<GuidingQuestion>>, StorageError> {
    let rows: Vec<GuidingQuestionRow> = guiding_questions::table
        .filter(guiding_questions::roundtable_id.eq_any(ids.iter().map(|i| i.to_string())))
        .order((
            guiding_questions::roundtable_id.asc(),
            guiding_questions::position.asc(),
            guiding_questions::id.asc(),
        ))
        .select(GuidingQuestionRow::as_select())
        .load(conn)?;
    let mut by_roundtable: std::collections::HashMap<RoundtableId, Vec<GuidingQuestion>> =
        std::collections::HashMap::new();
    for row in rows {
        let roundtable: RoundtableId = parse_id(&row.roundtable_id)?;
        let list = by_roundtable.entry(roundtable).or_default();
        list.push(GuidingQuestion {
            id: parse_id(&row.id)?,
            roundtable_id: roundtable,
            number: list.len() + 1,
            text: row.text,
            retired: row.retired_at.is_some(),
        });
    }
    Ok(by_roundtable)
}

/// The public part of a user row: id, name, organisation, organisation type, country.
type ProfileColumns = (String, String, String, Option<String>, Option<String>);

pub fn chairs(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<Vec<Chair>, StorageError> {
    let rows: Vec<ProfileColumns> = chair_assignments::table
        .inner_join(users::table.on(users::id.eq(chair_assignments::user_id)))
        .filter(chair_assignments::roundtable_id.eq(roundtable.to_string()))
        .order(chair_assignments::created_at.asc())
        .select((
            users::id,
            users::display_name,
            users::organisation,
            users::organisation_type,
            users::country_code,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, name, organisation, kind, country)| {
            Ok(Chair {
                user_id: parse_id(&id)?,
                roundtable_id: roundtable,
                affiliation: affiliation(name, organisation, kind.as_deref(), country.as_deref())?,
            })
        })
        .collect()
}

pub fn insert(
    conn: &mut AnyConnection,
    roundtable: &Roundtable,
    background_markdown: &str,
    objectives_markdown: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let r = roundtable;
    let row = RoundtableRow {
        id: r.id.to_string(),
        consultation_id: r.consultation_id.to_string(),
        parent_id: r.parent_id.map(|id| id.to_string()),
        code: r.code.clone(),
        slug: r.slug.to_string(),
        title: r.title.clone(),
        summary: r.summary.clone(),
        background_markdown: background_markdown.to_owned(),
        background_html: r.background_html.as_str().to_owned(),
        objectives_markdown: objectives_markdown.to_owned(),
        objectives_html: r.objectives_html.as_str().to_owned(),
        position: r.position,
        moderation_mode: r.moderation_mode.code().into(),
        comments_open_at: r.comment_period.opens_at.map(naive),
        comments_close_at: r.comment_period.closes_at.map(naive),
        starts_at: r.starts_at.map(naive),
        ends_at: r.ends_at.map(naive),
        venue: r.venue.clone(),
        content_language: r.content_language.clone(),
        created_at: naive(now),
        updated_at: naive(now),
        grace_minutes: grace_column(r),
    };
    diesel::insert_into(roundtables::table)
        .values(&row)
        .execute(conn)?;
    Ok(())
}

pub fn insert_guiding_question(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    position: i32,
    text: &str,
    now: DateTime<Utc>,
) -> Result<GuidingQuestionId, StorageError> {
    let id = GuidingQuestionId::generate();
    let row = GuidingQuestionRow {
        id: id.to_string(),
        roundtable_id: roundtable.to_string(),
        position,
        text: text.to_owned(),
        retired_at: None,
        created_at: naive(now),
    };
    diesel::insert_into(guiding_questions::table)
        .values(&row)
        .execute(conn)?;
    Ok(id)
}

pub fn assign_chair(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
    user: UserId,
    assigned_by: Option<UserId>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let row = ChairAssignmentRow {
        id: ChairAssignmentId::generate().to_string(),
        roundtable_id: roundtable.to_string(),
        user_id: user.to_string(),
        assigned_by: assigned_by.map(|id| id.to_string()),
        created_at: naive(now),
    };
    diesel::insert_into(chair_assignments::table)
        .values(&row)
        .execute(conn)?;
    Ok(())
}

/// Whether the roundtable's consultation is archived, and so read-only.
pub fn in_archived_consultation(
    conn: &mut AnyConnection,
    roundtable: RoundtableId,
) -> Result<bool, StorageError> {
    use crate::db::schema::consultations;
    let status: Option<String> = roundtables::table
        .inner_join(consultations::table)
        .filter(roundtables::id.eq(roundtable.to_string()))
        .select(consultations::status)
        .first(conn)
        .optional()?;
    Ok(status.as_deref() == Some(ConsultationStatus::Archived.code()))
}

/// The stored grace period: NULL when there is none.
pub fn grace_column(r: &Roundtable) -> Option<i32> {
    i32::try_from(r.comment_period.grace_minutes)
        .ok()
        .filter(|m| *m > 0)
}
