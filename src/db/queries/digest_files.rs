//! The digest files this application produced, recorded once each was
//! written to its end.

use crate::db::rows::{naive, utc};
use crate::db::schema::{consultations, digest_files, roundtables};
use crate::db::{AnyConnection, StorageError};
use chrono::{DateTime, Utc};
use diesel::prelude::*;

pub struct NewDigestFile<'a> {
    pub consultation_id: &'a str,
    pub roundtable_id: Option<&'a str>,
    pub format: &'a str,
    pub fingerprint: &'a str,
    pub file_sha256: &'a str,
    pub comment_count: i32,
    pub generated_by: Option<&'a str>,
    pub now: DateTime<Utc>,
}

pub fn insert(conn: &mut AnyConnection, new: &NewDigestFile) -> Result<(), StorageError> {
    diesel::insert_into(digest_files::table)
        .values((
            digest_files::id.eq(uuid::Uuid::now_v7().to_string()),
            digest_files::consultation_id.eq(new.consultation_id),
            digest_files::roundtable_id.eq(new.roundtable_id),
            digest_files::format.eq(new.format),
            digest_files::fingerprint.eq(new.fingerprint),
            digest_files::file_sha256.eq(new.file_sha256),
            digest_files::comment_count.eq(new.comment_count),
            digest_files::generated_by.eq(new.generated_by),
            digest_files::generated_at.eq(naive(new.now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// A recorded digest file and what it was of.
#[derive(Debug, Clone)]
pub struct DigestFileRecord {
    pub format: String,
    pub fingerprint: String,
    pub file_sha256: String,
    pub comment_count: i32,
    pub generated_at: DateTime<Utc>,
    pub consultation_title: Option<String>,
    pub roundtable_code: Option<String>,
    pub roundtable_title: Option<String>,
}

type Columns = (
    String,
    String,
    String,
    i32,
    chrono::NaiveDateTime,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The file whose fingerprint, or whose whole-file SHA-256, is `hex`; the
/// earliest produced if several (the same selection exported twice).
pub fn find(conn: &mut AnyConnection, hex: &str) -> Result<Option<DigestFileRecord>, StorageError> {
    let row: Option<Columns> = digest_files::table
        .left_join(
            consultations::table.on(digest_files::consultation_id.eq(consultations::id.nullable())),
        )
        .left_join(
            roundtables::table.on(digest_files::roundtable_id.eq(roundtables::id.nullable())),
        )
        .filter(
            digest_files::fingerprint
                .eq(hex)
                .or(digest_files::file_sha256.eq(hex)),
        )
        .order(digest_files::generated_at.asc())
        .select((
            digest_files::format,
            digest_files::fingerprint,
            digest_files::file_sha256,
            digest_files::comment_count,
            digest_files::generated_at,
            consultations::title.nullable(),
            roundtables::code.nullable(),
            roundtables::title.nullable(),
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(
        |(format, fingerprint, file_sha256, comment_count, at, c, code, r)| DigestFileRecord {
            format,
            fingerprint,
            file_sha256,
            comment_count,
            generated_at: utc(at),
            consultation_title: c,
            roundtable_code: code,
            roundtable_title: r,
        },
    ))
}
