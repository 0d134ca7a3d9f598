//! The record of each digest file produced, so that /verify can say what
//! a file or a fingerprint is.

use super::digest::DigestPlan;
use super::ServiceError;
use crate::db::queries::digest_files::{self, NewDigestFile};
use crate::db::AnyConnection;
use crate::domain::digest::DigestFormat;
use crate::domain::fingerprint::Fingerprint;
use chrono::{DateTime, Utc};

/// Records a digest file written to its end. A file of one roundtable is
/// recorded as that roundtable's.
#[allow(clippy::too_many_arguments)]
pub fn record(
    conn: &mut AnyConnection,
    plan: &DigestPlan,
    format: DigestFormat,
    comments: usize,
    fingerprint: &Fingerprint,
    file_sha256: &Fingerprint,
    by: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let consultation = plan.consultation.id.to_string();
    let roundtable = match plan.roundtables.as_slice() {
        [only] => Some(only.roundtable.id.to_string()),
        _ => None,
    };
    digest_files::insert(
        conn,
        &NewDigestFile {
            consultation_id: &consultation,
            roundtable_id: roundtable.as_deref(),
            format: format.extension(),
            fingerprint: fingerprint.hex(),
            file_sha256: file_sha256.hex(),
            comment_count: i32::try_from(comments).unwrap_or(i32::MAX),
            generated_by: by,
            now,
        },
    )?;
    Ok(())
}
