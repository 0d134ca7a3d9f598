//! Which roundtables a moderator may act on: staff all of them, a chair
//! the ones they chair.

use crate::db::queries::moderation;
use crate::db::AnyConnection;
use crate::domain::ids::RoundtableId;
use crate::domain::user::Actor;
use crate::services::ServiceError;

/// The roundtables a moderator may act on: None means all of them.
pub(super) fn scope(
    conn: &mut AnyConnection,
    who: Actor,
) -> Result<Option<Vec<String>>, ServiceError> {
    if who.staff {
        return Ok(None);
    }
    let chaired = moderation::chaired_roundtables(conn, who.id)?;
    if chaired.is_empty() {
        return Err(ServiceError::Forbidden("forbidden-moderation"));
    }
    Ok(Some(chaired))
}

pub(super) fn may_moderate(scope: &Option<Vec<String>>, roundtable: RoundtableId) -> bool {
    match scope {
        None => true,
        Some(ids) => ids.contains(&roundtable.to_string()),
    }
}
