//! /verify: what a fingerprint or a digest file is, in words the page and
//! the API give. Reads only.

use super::ServiceError;
use crate::db::queries::digest_files::{self, DigestFileRecord};
use crate::db::queries::outcome_revisions::{self, VersionPlace};
use crate::db::AnyConnection;
use crate::domain::fingerprint::{trailer_of, Fingerprint};

/// What a fingerprint or a file matched.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// A published outcome version.
    OutcomeVersion(VersionPlace),
    /// A digest file this site produced.
    DigestFile(DigestFileRecord),
    /// A file carrying the fingerprint of a digest this site produced,
    /// whose contents no longer match it.
    Altered(DigestFileRecord),
    Nothing,
}

/// The largest file /verify reads.
pub const UPLOAD_LIMIT: usize = 20 * 1024 * 1024;

pub fn fingerprint(conn: &mut AnyConnection, typed: &Fingerprint) -> Result<Verdict, ServiceError> {
    if let Some(place) = outcome_revisions::find_by_fingerprint(conn, typed.hex())? {
        return Ok(Verdict::OutcomeVersion(place));
    }
    Ok(match digest_files::find(conn, typed.hex())? {
        Some(file) => Verdict::DigestFile(file),
        None => Verdict::Nothing,
    })
}

/// A file as uploaded: a digest file produced here only when it is that
/// file byte for byte (its whole SHA-256 is the one recorded when it was
/// delivered, or the fingerprint of the bytes before its trailer). A file that carries the fingerprint of a digest produced
/// here but differs from it in any byte, before the trailer, in it or
/// after it (a row appended), was changed after it was produced.
pub fn file(conn: &mut AnyConnection, bytes: &[u8]) -> Result<Verdict, ServiceError> {
    let whole = Fingerprint::of(bytes);
    // The file as delivered, or exactly its fingerprinted bytes.
    if let Some(file) = digest_files::find(conn, whole.hex())? {
        return Ok(Verdict::DigestFile(file));
    }
    let Some((_, carried)) = trailer_of(bytes) else {
        return Ok(Verdict::Nothing);
    };
    Ok(match digest_files::find(conn, carried.hex())? {
        Some(file) => Verdict::Altered(file),
        None => Verdict::Nothing,
    })
}
