//! The chairs' and staff's coverage of a roundtable: how its published
//! comments reach the report, and whose voices they carry. Figures are
//! counted at each request (no cache: only chairs and staff read them, and
//! they must be live while the comment period is open).

use super::outcomes::require_chair_or_staff;
use super::roundtables::{roundtable_detail, RoundtableDetail};
use super::ServiceError;
use crate::db::queries::coverage::{self as stored, CoverageRow};
use crate::db::AnyConnection;
use crate::domain::coverage::{coverage, Coverage, CoveredComment};
use crate::domain::user::Actor;
use crate::text::plain_excerpt;

/// How much of an uncited comment the page shows.
const EXCERPT_CHARS: usize = 160;

pub struct RoundtableCoverage {
    pub detail: RoundtableDetail,
    pub coverage: Coverage,
}

pub fn roundtable_coverage(
    conn: &mut AnyConnection,
    who: Actor,
    consultation: &str,
    roundtable: &str,
) -> Result<RoundtableCoverage, ServiceError> {
    let detail = roundtable_detail(conn, consultation, roundtable)?;
    require_chair_or_staff(&detail, who)?;
    let rows = stored::published_comments(conn, detail.roundtable.id)?;
    let authors: Vec<String> = rows.iter().filter_map(|r| r.author_id.clone()).collect();
    let genders = stored::genders(conn, &authors)?;
    let numbers: Vec<usize> = detail
        .questions
        .iter()
        .filter(|q| !q.retired)
        .map(|q| q.number)
        .collect();
    let comments: Vec<CoveredComment> = rows.into_iter().map(|row| covered(&detail, row)).collect();
    Ok(RoundtableCoverage {
        coverage: coverage(&numbers, &comments, &genders),
        detail,
    })
}

fn covered(detail: &RoundtableDetail, row: CoverageRow) -> CoveredComment {
    let questions = row
        .question_ids
        .iter()
        .filter_map(|id| {
            detail
                .questions
                .iter()
                .find(|q| q.id.to_string() == *id && !q.retired)
                .map(|q| q.number)
        })
        .collect();
    let mut comment = CoveredComment {
        reference: row.reference,
        author_key: row
            .author_id
            .unwrap_or_else(|| format!("name:{}", row.author_name)),
        author_name: row.author_name,
        organisation_type: row.organisation_type,
        country_code: row.country_code,
        questions,
        retained: row.retained,
        in_report: row.in_report,
        cited: row.cited,
        excerpt: String::new(),
    };
    if comment.awaits_citation() {
        comment.excerpt = plain_excerpt(&row.body_markdown, EXCERPT_CHARS);
    }
    comment
}
