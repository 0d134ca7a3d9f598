//! Narrowing lists of comments (search, digests) to a theme or a relevance:
//! for chairs (within the roundtables they chair) and staff only.

use crate::db::queries::moderation::chaired_roundtables;
use crate::db::queries::report_marks::{self as marks, MarkFilter};
use crate::db::AnyConnection;
use crate::domain::digest::DigestFilter;
use crate::domain::ids::RoundtableId;
use crate::domain::report_marks::{theme_key, Relevance, ThemeLabel};
use crate::domain::roundtable::Roundtable;
use crate::domain::user::Actor;
use crate::domain::InvalidField;
use crate::services::ServiceError;
use std::collections::HashMap;

/// The filter as typed (`theme`, `relevance`; blank: any), checked for
/// `who`. None when neither is asked for. Anyone else but chairs and staff
/// asking for one is told the filter is theirs (a field mistake, 422).
pub fn mark_filter(
    conn: &mut AnyConnection,
    who: Option<Actor>,
    theme: &str,
    relevance: &str,
) -> Result<Option<MarkFilter>, ServiceError> {
    if theme.trim().is_empty() && relevance.trim().is_empty() {
        return Ok(None);
    }
    let field = if theme.trim().is_empty() {
        "relevance"
    } else {
        "theme"
    };
    let refused = || ServiceError::Invalid(InvalidField::new(field, "invalid-marks-filter-staff"));
    let roundtables = match who {
        Some(actor) if actor.staff => None,
        Some(actor) => {
            let chaired = chaired_roundtables(conn, actor.id)?;
            if chaired.is_empty() {
                return Err(refused());
            }
            Some(chaired)
        }
        None => return Err(refused()),
    };
    let theme_key = match theme.trim() {
        "" => None,
        typed => Some(theme_key(ThemeLabel::parse("theme", typed)?.as_str())),
    };
    Ok(Some(MarkFilter {
        theme_key,
        relevance: Relevance::parse_filter("relevance", relevance)?,
        roundtables,
    }))
}

/// The ids of `ids` the filter keeps, in their order.
pub fn keep_marked(
    conn: &mut AnyConnection,
    ids: &[String],
    filter: &MarkFilter,
) -> Result<Vec<String>, ServiceError> {
    Ok(marks::matching(conn, ids, filter)?)
}

/// The comments of each roundtable with the filter's theme or relevance,
/// among those the search found (if it searched).
pub fn marked_only(
    conn: &mut AnyConnection,
    filter: &DigestFilter,
    all: &[Roundtable],
    found: Option<HashMap<RoundtableId, Vec<String>>>,
    most: usize,
) -> Result<Option<HashMap<RoundtableId, Vec<String>>>, ServiceError> {
    if !filter.marked() {
        return Ok(found);
    }
    let wanted = MarkFilter {
        theme_key: filter.theme_key.clone(),
        relevance: filter.relevance,
        roundtables: None,
    };
    let mut kept = HashMap::new();
    for r in all {
        let ids = match found.as_ref().and_then(|f| f.get(&r.id)) {
            Some(ids) => ids.clone(),
            None => marks::comment_ids_of_roundtable(conn, &r.id.to_string())?,
        };
        let ids = marks::matching(conn, &ids, &wanted)?;
        if ids.len() > most {
            return Err(InvalidField::new("theme", "invalid-search-too-many")
                .with("limit", most)
                .into());
        }
        kept.insert(r.id, ids);
    }
    Ok(Some(kept))
}
