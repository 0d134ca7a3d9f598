//! Who may mark a roundtable's comments for the report: its chairs and staff.

use crate::db::queries::moderation;
use crate::db::AnyConnection;
use crate::domain::user::Actor;
use crate::services::ServiceError;

/// Whether this person may mark comments of this roundtable: its chairs and staff.
pub(super) fn may_mark(
    conn: &mut AnyConnection,
    who: Actor,
    roundtable_id: &str,
) -> Result<bool, ServiceError> {
    if who.staff {
        return Ok(true);
    }
    Ok(moderation::chaired_roundtables(conn, who.id)?
        .iter()
        .any(|id| id == roundtable_id))
}
