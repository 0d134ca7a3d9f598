//! Digest files written as the comments arrive: CSV (one row a comment,
//! safe to open in a spreadsheet) and JSON (roundtables with their
//! questions and comments, with a version field).

use crate::domain::digest::neutralise_formula;
use crate::domain::roundtable::Roundtable;
use crate::services::digest::{DigestEvent, DigestPlan, DigestRow};
use chrono_tz::Tz;
use serde_json::json;
use std::io::{self, Write};

pub const CSV_COLUMNS: [&str; 19] = [
    "Reference",
    "Consultation",
    "Roundtable code",
    "Roundtable",
    "Question numbers",
    "Questions",
    "In reply to",
    "Depth",
    "Thread order",
    "Author",
    "Organisation",
    "Organisation type",
    "Country",
    "Posted",
    "Status",
    "Decision reason",
    "Highlighted",
    "Cited in the outcome",
    "Comment",
];

fn local(row: &DigestRow, zone: Tz) -> String {
    row.created_at
        .with_timezone(&zone)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

pub struct CsvDigest<W: Write> {
    writer: csv::Writer<W>,
    consultation: String,
    zone: Tz,
    roundtable: (String, String),
}

impl<W: Write> CsvDigest<W> {
    /// Starts the file with a byte-order mark (spreadsheet software then
    /// reads UTF-8 right) and the header row.
    pub fn start(mut out: W, plan: &DigestPlan) -> io::Result<Self> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(CSV_COLUMNS)?;
        Ok(Self {
            writer,
            consultation: plan.consultation.title.clone(),
            zone: plan.consultation.time_zone,
            roundtable: Default::default(),
        })
    }

    pub fn event(&mut self, event: DigestEvent) -> io::Result<()> {
        match event {
            DigestEvent::Roundtable(r, _) => {
                self.roundtable = (r.code.clone().unwrap_or_default(), r.title.clone());
                Ok(())
            }
            DigestEvent::Comment(row) => {
                let numbers: Vec<String> =
                    row.questions.iter().map(|(n, _)| n.to_string()).collect();
                let texts: Vec<&str> = row.questions.iter().map(|(_, t)| t.as_str()).collect();
                let a = &row.author;
                let fields: [String; 19] = [
                    row.reference.clone(),
                    self.consultation.clone(),
                    self.roundtable.0.clone(),
                    self.roundtable.1.clone(),
                    numbers.join(", "),
                    texts.join("\n"),
                    row.parent_reference.clone().unwrap_or_default(),
                    row.depth.to_string(),
                    row.thread_order.to_string(),
                    a.display_name.clone(),
                    a.organisation.clone(),
                    a.organisation_type
                        .map(|t| t.label().to_owned())
                        .unwrap_or_default(),
                    a.country.map(|c| c.name().to_owned()).unwrap_or_default(),
                    local(&row, self.zone),
                    row.status.to_owned(),
                    row.decision_reason.clone().unwrap_or_default(),
                    yes_no(row.highlighted).to_owned(),
                    yes_no(row.cited).to_owned(),
                    row.body_text.clone(),
                ];
                self.writer
                    .write_record(fields.iter().map(|f| neutralise_formula(f).into_owned()))?;
                Ok(())
            }
        }
    }

    pub fn finish(self) -> io::Result<W> {
        self.writer
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))
    }
}

/// Streams `{"version": 1, "consultation": …, "roundtables": [{…, "comments": [...]}]}`.
pub struct JsonDigest<W: Write> {
    out: W,
    zone: Tz,
    in_roundtable: bool,
    first_comment: bool,
}

pub const JSON_VERSION: u32 = 1;

/// A JSON object without its closing brace, so that a list can follow.
fn left_open(object: &serde_json::Value) -> Vec<u8> {
    let mut bytes = object.to_string().into_bytes();
    bytes.pop();
    bytes
}

fn roundtable_json(
    r: &Roundtable,
    questions: &[crate::domain::roundtable::GuidingQuestion],
) -> serde_json::Value {
    json!({
        "slug": r.slug.to_string(),
        "code": r.code,
        "title": r.title,
        "guiding_questions": questions
            .iter()
            .map(|q| json!({ "number": q.number, "text": q.text, "retired": q.retired }))
            .collect::<Vec<_>>(),
    })
}

impl<W: Write> JsonDigest<W> {
    pub fn start(mut out: W, plan: &DigestPlan) -> io::Result<Self> {
        let c = &plan.consultation;
        let f = &plan.filter;
        let head = json!({
            "version": JSON_VERSION,
            "consultation": {
                "slug": c.slug.to_string(),
                "title": c.title,
                "time_zone": c.time_zone.name(),
                "starts_at": c.starts_at,
                "ends_at": c.ends_at,
            },
            "filters": {
                "from": f.from, "to": f.to, "question": f.question,
                "organisation_type": f.organisation_type.map(|t| t.code()),
                "country": f.country.map(|c| c.code()),
                "include_unpublished": f.include_unpublished,
            },
        });
        out.write_all(&left_open(&head))?;
        out.write_all(b",\"roundtables\":[")?;
        Ok(Self {
            out,
            zone: c.time_zone,
            in_roundtable: false,
            first_comment: true,
        })
    }

    pub fn event(&mut self, event: DigestEvent) -> io::Result<()> {
        match event {
            DigestEvent::Roundtable(r, questions) => {
                if self.in_roundtable {
                    self.out.write_all(b"]},")?;
                }
                self.out
                    .write_all(&left_open(&roundtable_json(r, questions)))?;
                self.out.write_all(b",\"comments\":[")?;
                self.in_roundtable = true;
                self.first_comment = true;
            }
            DigestEvent::Comment(row) => {
                if !self.first_comment {
                    self.out.write_all(b",")?;
                }
                self.first_comment = false;
                let a = &row.author;
                let value = json!({
                    "reference": row.reference,
                    "guiding_questions": row.questions.iter().map(|(n, _)| n).collect::<Vec<_>>(),
                    "parent": row.parent_reference,
                    "depth": row.depth,
                    "thread_order": row.thread_order,
                    "author": {
                        "name": a.display_name,
                        "organisation": a.organisation,
                        "organisation_type": a.organisation_type.map(|t| t.code()),
                        "country": a.country.map(|c| c.code()),
                    },
                    "created_at": row.created_at,
                    "created_local": local(&row, self.zone),
                    "status": row.status,
                    "decision_reason": row.decision_reason,
                    "highlighted": row.highlighted,
                    "cited_in_outcome": row.cited,
                    "body": row.body_text,
                });
                serde_json::to_writer(&mut self.out, &value)?;
            }
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        if self.in_roundtable {
            self.out.write_all(b"]}")?;
        }
        self.out.write_all(b"]}\n")?;
        Ok(self.out)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DigestWriteError {
    #[error(transparent)]
    Service(#[from] crate::services::ServiceError),
    /// The file or the connection it was going to went away.
    #[error("the digest could not be written: {0}")]
    Io(#[from] io::Error),
}

/// Writes the planned digest to `out` in `format`; returns how many comments it holds.
pub fn write_digest<W: Write>(
    conn: &mut crate::db::AnyConnection,
    plan: &DigestPlan,
    format: crate::domain::digest::DigestFormat,
    out: W,
) -> Result<usize, DigestWriteError> {
    use crate::domain::digest::DigestFormat;
    use crate::services::digest::run;
    let sent = match format {
        DigestFormat::Csv => {
            let mut writer = CsvDigest::start(out, plan)?;
            let sent = run(conn, plan, &mut |event| writer.event(event))??;
            writer.finish()?.flush()?;
            sent
        }
        DigestFormat::Json => {
            let mut writer = JsonDigest::start(out, plan)?;
            let sent = run(conn, plan, &mut |event| writer.event(event))??;
            writer.finish()?.flush()?;
            sent
        }
    };
    Ok(sent)
}
