//! `GET …/roundtables/{roundtable}/coverage`: the coverage page's figures
//! as JSON, for the roundtable's chairs and staff.

use super::caller::MaybeCaller;
use crate::domain::coverage::{GroupCounts, Heard, QuestionCoverage};
use crate::domain::user::Actor;
use crate::services::coverage::{self, RoundtableCoverage};
use crate::web::error::WebError;
use crate::web::page_cache::policy::private;
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct CoverageDto {
    /// One entry per guiding question in order, then (if any) the comments
    /// tied to no question, with `question` null.
    questions: Vec<QuestionCoverageDto>,
    commenters: HeardDto,
    /// The authors of the comments the outcome cites (as last saved).
    cited_authors: HeardDto,
    /// Commenters by self-declared gender code; null when fewer than five
    /// gave one or when one group would hold everyone. Genders given by
    /// fewer than five people are merged into `other_or_not_given` with
    /// those who gave none, so no figure singles out a person's gender.
    commenters_by_gender: Option<Vec<GroupCountDto>>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionCoverageDto {
    /// The guiding question's number; null for comments tied to none.
    question: Option<usize>,
    published: usize,
    /// Retained for the report (late comments only once included).
    retained: usize,
    /// Cited in the outcome as last saved.
    cited: usize,
    /// References of retained comments the outcome does not cite yet.
    awaiting_citation: Vec<String>,
    /// UN M49 regions (africa, americas, asia, europe, oceania) no comment on this question comes from.
    regions_not_heard: Vec<String>,
    /// Organisation type codes no comment on this question comes from.
    organisation_types_not_heard: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct HeardDto {
    /// Distinct people.
    people: usize,
    by_region: Vec<GroupCountDto>,
    by_organisation_type: Vec<GroupCountDto>,
    /// By ISO 3166-1 alpha-2 country code.
    by_country: Vec<GroupCountDto>,
}

#[derive(Serialize, ToSchema)]
pub struct GroupCountDto {
    group: String,
    people: usize,
}

fn groups(counts: &GroupCounts) -> Vec<GroupCountDto> {
    counts
        .iter()
        .map(|(group, people)| GroupCountDto {
            group: group.clone(),
            people: *people,
        })
        .collect()
}

/// The gender's code ("woman"), or "other_or_not_given" for the group the
/// small-group rule merges.
fn gender_code(label: &str) -> String {
    use crate::domain::affiliation::Gender;
    Gender::ALL
        .iter()
        .find(|g| g.label() == label)
        .map_or("other_or_not_given", |g| g.code())
        .to_owned()
}

impl From<&Heard> for HeardDto {
    fn from(heard: &Heard) -> Self {
        Self {
            people: heard.people,
            by_region: groups(&heard.by_region),
            by_organisation_type: groups(&heard.by_organisation_type),
            by_country: groups(&heard.by_country),
        }
    }
}

impl From<&QuestionCoverage> for QuestionCoverageDto {
    fn from(q: &QuestionCoverage) -> Self {
        Self {
            question: q.question,
            published: q.published,
            retained: q.retained,
            cited: q.cited,
            awaiting_citation: q
                .awaiting_citation
                .iter()
                .map(|c| c.reference.clone())
                .collect(),
            regions_not_heard: q
                .regions_not_heard
                .iter()
                .map(|r| r.code().to_owned())
                .collect(),
            organisation_types_not_heard: q
                .organisation_types_not_heard
                .iter()
                .map(|k| k.code().to_owned())
                .collect(),
        }
    }
}

impl From<&RoundtableCoverage> for CoverageDto {
    fn from(found: &RoundtableCoverage) -> Self {
        let c = &found.coverage;
        Self {
            questions: c.questions.iter().map(Into::into).collect(),
            commenters: (&c.commenters).into(),
            cited_authors: (&c.cited_authors).into(),
            commenters_by_gender: c.commenters_by_gender.as_ref().map(|g| {
                g.iter()
                    .map(|(group, people)| GroupCountDto {
                        group: gender_code(group),
                        people: *people,
                    })
                    .collect()
            }),
        }
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/coverage",
    tag = "report",
    params(
        ("consultation" = String, Path, description = "The consultation's slug"),
        ("roundtable" = String, Path, description = "The roundtable's slug"),
    ),
    responses(
        (status = 200, description = "Live coverage figures of the roundtable", body = CoverageDto),
        (status = 401, description = "No session or token, or a token that is not valid", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "The caller is neither a chair of this roundtable nor staff", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consultation or roundtable", body = crate::web::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database cannot be reached; try again after `Retry-After` seconds", body = crate::web::error::Problem, content_type = "application/problem+json", headers(("Retry-After" = u32, description = "Seconds to wait before trying again"))),
    )
)]
pub async fn get_coverage(
    state: web::Data<AppState>,
    caller: MaybeCaller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    // A read: a session needs no anti-forgery token, but someone must call.
    let user = caller
        .0
        .ok_or_else(|| WebError::Unauthorized("unauthorized-api".into()))?;
    let who = Actor::of(&user);
    let (consultation, roundtable) = path.into_inner();
    let found = state
        .db(move |conn| coverage::roundtable_coverage(conn, who, &consultation, &roundtable))
        .await?;
    Ok(private(&mut HttpResponse::Ok()).json(CoverageDto::from(&found)))
}
