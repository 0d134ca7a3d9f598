//! Digest files written as the comments arrive: tables (CSV, XLSX: one
//! row a comment), JSON (nested by roundtable, question and thread) and
//! reports (Markdown, printable HTML) with the chairs' outcome, highlighted
//! comments and participation figures.

mod json;
mod report;
mod table;

pub use json::JSON_VERSION;
pub use table::CSV_COLUMNS;

use crate::domain::digest::DigestFormat;
use crate::services::digest::{run, DigestEvent, DigestPlan, DigestRow};
use crate::templates::Templates;
use chrono_tz::Tz;
use std::io::{self, Write};

fn local(row: &DigestRow, zone: Tz) -> String {
    row.created_at
        .with_timezone(&zone)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

/// "Name (Organisation, Country)", as reports quote people.
fn attribution(row: &DigestRow) -> String {
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
trait DigestWriter {
    fn event(&mut self, event: DigestEvent) -> Result<(), DigestWriteError>;
    fn finish(self: Box<Self>) -> Result<(), DigestWriteError>;
}

/// Writes the planned digest to `out` in `format`, calling `progress` after
/// each comment; returns how many comments it holds.
pub fn write_digest<W: Write + Send + 'static>(
    conn: &mut crate::db::AnyConnection,
    plan: &DigestPlan,
    format: DigestFormat,
    templates: &Templates,
    out: W,
    progress: &mut dyn FnMut(),
) -> Result<usize, DigestWriteError> {
    let mut writer: Box<dyn DigestWriter + '_> = match format {
        DigestFormat::Csv => Box::new(table::CsvDigest::start(out, plan)?),
        DigestFormat::Xlsx => Box::new(table::XlsxDigest::start(out, plan)?),
        DigestFormat::Json => Box::new(json::JsonDigest::start(out, plan)?),
        DigestFormat::Markdown => Box::new(report::MarkdownDigest::start(out, plan)?),
        DigestFormat::Html => Box::new(report::HtmlDigest::start(out, plan, templates)?),
    };
    let sent = run(conn, plan, format, &mut |event| {
        let comment = matches!(event, DigestEvent::Comment(_));
        writer.event(event)?;
        if comment {
            progress();
        }
        Ok::<(), DigestWriteError>(())
    })??;
    writer.finish()?;
    Ok(sent)
}
