//! Row models and their conversion to domain types. Stored values are checked
//! on the way out: a value the domain refuses is reported as corrupt data.

use super::schema::*;
use super::StorageError;
use crate::domain::affiliation::{Affiliation, Country, OrganisationType};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use std::str::FromStr;

pub fn parse_id<T: FromStr>(value: &str) -> Result<T, StorageError> {
    value
        .parse()
        .map_err(|_| StorageError::corrupt(format!("'{value}' is not an id")))
}

pub fn parse_code<T>(
    what: &str,
    value: &str,
    from_code: impl Fn(&str) -> Option<T>,
) -> Result<T, StorageError> {
    from_code(value).ok_or_else(|| StorageError::corrupt(format!("'{value}' is not a {what}")))
}

pub fn utc(time: NaiveDateTime) -> DateTime<Utc> {
    time.and_utc()
}

pub fn naive(time: DateTime<Utc>) -> NaiveDateTime {
    crate::domain::time::storable(time).naive_utc()
}

pub fn affiliation(
    display_name: String,
    organisation: String,
    organisation_type: Option<&str>,
    country_code: Option<&str>,
) -> Result<Affiliation, StorageError> {
    let organisation_type = organisation_type
        .map(|code| parse_code("organisation type", code, OrganisationType::from_code))
        .transpose()?;
    let country = country_code
        .map(|code| Country::parse("country", code).map_err(|e| StorageError::corrupt(e.message)))
        .transpose()?;
    Ok(Affiliation {
        display_name,
        organisation,
        organisation_type,
        country,
    })
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = consultations)]
#[diesel(treat_none_as_default_value = false)]
pub struct ConsultationRow {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description_markdown: String,
    pub description_html: String,
    pub kind: String,
    pub venue: Option<String>,
    pub online: bool,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub time_zone: String,
    pub languages: String,
    pub content_language: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = consultation_organisations)]
#[diesel(treat_none_as_default_value = false)]
pub struct OrganisationRow {
    pub id: String,
    pub consultation_id: String,
    pub role: String,
    pub name: String,
    pub url: Option<String>,
    pub position: i32,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = roundtables)]
#[diesel(treat_none_as_default_value = false)]
pub struct RoundtableRow {
    pub id: String,
    pub consultation_id: String,
    pub parent_id: Option<String>,
    pub code: Option<String>,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub background_markdown: String,
    pub background_html: String,
    pub objectives_markdown: String,
    pub objectives_html: String,
    pub position: i32,
    pub moderation_mode: String,
    pub comments_open_at: Option<NaiveDateTime>,
    pub comments_close_at: Option<NaiveDateTime>,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
    pub venue: Option<String>,
    pub content_language: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub grace_minutes: Option<i32>,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = guiding_questions)]
#[diesel(treat_none_as_default_value = false)]
pub struct GuidingQuestionRow {
    pub id: String,
    pub roundtable_id: String,
    pub position: i32,
    pub text: String,
    pub retired_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = programme_items)]
#[diesel(treat_none_as_default_value = false)]
pub struct ProgrammeItemRow {
    pub id: String,
    pub consultation_id: String,
    pub roundtable_id: Option<String>,
    pub starts_at: NaiveDateTime,
    pub ends_at: Option<NaiveDateTime>,
    pub title: String,
    pub description: String,
    pub speakers: String,
    pub position: i32,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = resources)]
#[diesel(treat_none_as_default_value = false)]
pub struct ResourceRow {
    pub id: String,
    pub consultation_id: String,
    pub roundtable_id: Option<String>,
    pub kind: String,
    pub title: String,
    pub url: String,
    pub description: String,
    pub position: i32,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = chair_assignments)]
#[diesel(treat_none_as_default_value = false)]
pub struct ChairAssignmentRow {
    pub id: String,
    pub roundtable_id: String,
    pub user_id: String,
    pub assigned_by: Option<String>,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
#[diesel(treat_none_as_default_value = false)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub email_normalized: String,
    pub display_name: String,
    pub organisation: String,
    pub organisation_type: Option<String>,
    pub country_code: Option<String>,
    pub gender: Option<String>,
    pub role: String,
    pub trusted: bool,
    pub preferred_language: Option<String>,
    pub password_hash: Option<String>,
    pub verified_at: Option<NaiveDateTime>,
    pub consented_at: Option<NaiveDateTime>,
    pub deactivated_at: Option<NaiveDateTime>,
    pub erased_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub consented_terms_version: Option<i32>,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = comments)]
#[diesel(treat_none_as_default_value = false)]
pub struct CommentRow {
    pub id: String,
    pub reference: String,
    pub roundtable_id: String,
    pub parent_id: Option<String>,
    pub author_id: Option<String>,
    pub author_name: String,
    pub author_organisation: String,
    pub author_organisation_type: Option<String>,
    pub author_country_code: Option<String>,
    pub body_markdown: String,
    pub body_html: String,
    pub language: Option<String>,
    pub status: String,
    pub highlighted: bool,
    pub hidden_by_reports: bool,
    pub path: String,
    pub depth: i32,
    pub decision_reason: Option<String>,
    pub decision_note: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub edited_at: Option<NaiveDateTime>,
    pub revision: i32,
}

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = comment_guiding_questions)]
pub struct CommentQuestionRow {
    pub comment_id: String,
    pub guiding_question_id: String,
}

#[derive(Insertable)]
#[diesel(table_name = moderation_events)]
#[diesel(treat_none_as_default_value = false)]
pub struct ModerationEventRow {
    pub id: String,
    pub comment_id: String,
    pub actor_id: Option<String>,
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub reason_code: Option<String>,
    pub note: Option<String>,
    pub created_at: NaiveDateTime,
}
