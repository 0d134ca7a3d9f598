//! What every digest writer shares: the trait they implement, their error,
//! and how they write a time and a person.

use crate::domain::time::TimePattern;
use crate::services::digest::{DigestEvent, DigestRow};
use chrono_tz::Tz;
use std::io;

/// Parsed once for all the rows of every export.
static ROW_TIME: TimePattern = TimePattern::new("%Y-%m-%d %H:%M %Z");

pub(super) fn local(row: &DigestRow, zone: Tz) -> String {
    ROW_TIME.format(&row.created_at.with_timezone(&zone))
}

/// "Name (Organisation, Country)", as reports quote people.
pub(super) fn attribution(row: &DigestRow) -> String {
    let a = &row.author;
    let details: Vec<&str> = [a.organisation.as_str(), a.country.map_or("", |c| c.name())]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if details.is_empty() {
        a.display_name.clone()
    } else {
        format!("{} ({})", a.display_name, details.join(", "))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DigestWriteError {
    #[error(transparent)]
    Service(#[from] crate::services::ServiceError),
    /// The file or the connection it was going to went away.
    #[error("the digest could not be written: {0}")]
    Io(#[from] io::Error),
    #[error("the workbook could not be written: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    #[error("the report template failed: {0}")]
    Template(#[from] tera::Error),
}

/// A writer of one format: handed every event, then finished.
pub(super) trait DigestWriter {
    fn event(&mut self, event: DigestEvent) -> Result<(), DigestWriteError>;
    fn finish(self: Box<Self>) -> Result<(), DigestWriteError>;
}
