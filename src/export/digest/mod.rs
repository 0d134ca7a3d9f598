//! Digest files written as the comments arrive: tables (CSV, XLSX: one
//! row a comment), JSON (nested by roundtable, question and thread) and
//! reports (Markdown, printable HTML) with the chairs' outcome, highlighted
//! comments and participation figures.

mod json;
mod report;
mod seal;
mod table;
mod writer;

pub use json::JSON_VERSION;
pub use seal::{trailer, Seal};
pub use table::CSV_COLUMNS;
pub use writer::DigestWriteError;

use crate::domain::digest::DigestFormat;
use crate::services::digest::{run, DigestEvent, DigestPlan};
use crate::templates::Templates;
use std::io::Write;
use writer::DigestWriter;

/// Who a digest file is made for, and where its readers check it.
pub struct Sealing {
    /// The site's /verify page, printed in the trailer.
    pub verify_url: String,
    pub generated_by: Option<String>,
    pub now: chrono::DateTime<chrono::Utc>,
}

/// Writes the planned digest to `out` in `format`, calling `progress` after
/// each comment, then seals it (see `seal`) and records it in
/// `digest_files`; a file that fails or is cut short is not recorded.
/// Returns how many comments it holds.
pub fn write_digest<W: Write + Send + 'static>(
    conn: &mut crate::db::AnyConnection,
    plan: &DigestPlan,
    format: DigestFormat,
    templates: &Templates,
    out: W,
    progress: &mut dyn FnMut(),
    sealing: &Sealing,
) -> Result<usize, DigestWriteError> {
    let out = seal::SealingWriter::new(out);
    let sealer = out.clone();
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
    let seal = sealer.seal(format, &sealing.verify_url)?;
    crate::services::digest_files::record(
        conn,
        plan,
        format,
        sent,
        &seal.fingerprint,
        &seal.file_sha256,
        sealing.generated_by.as_deref(),
        sealing.now,
    )?;
    Ok(sent)
}
