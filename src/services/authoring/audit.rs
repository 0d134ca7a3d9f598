//! Every authoring change goes into the audit trail, with what it changed.

use crate::db::queries::admin;
use crate::db::AnyConnection;
use crate::domain::user::SignedInUser;
use crate::services::ServiceError;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;

pub(super) fn audit(
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

/// What a save changed, field by field: `{"title": {"from": …, "to": …}}`.
/// Both sides are read back from storage, so only real changes show, not
/// spaces or line endings as typed.
pub(in crate::services) fn changed_fields(
    before: &impl Serialize,
    after: &impl Serialize,
) -> serde_json::Value {
    let (serde_json::Value::Object(before), serde_json::Value::Object(after)) = (
        serde_json::to_value(before).unwrap_or_default(),
        serde_json::to_value(after).unwrap_or_default(),
    ) else {
        return json!({});
    };
    let changed: serde_json::Map<String, serde_json::Value> = after
        .into_iter()
        .filter_map(|(field, to)| {
            let from = before.get(&field).cloned().unwrap_or_default();
            (from != to).then(|| (field, json!({ "from": from, "to": to })))
        })
        .collect();
    serde_json::Value::Object(changed)
}
