//! One row a comment: CSV (UTF-8 with a byte-order mark, formulas
//! neutralised) and XLSX (every value a text or number cell, never a
//! formula; rows go to a temporary file, so memory stays constant).

use super::writer::{local, DigestWriteError, DigestWriter};
use crate::domain::digest::neutralise_formula;
use crate::services::digest::{DigestEvent, DigestPlan, DigestRow};
use chrono_tz::Tz;
use rust_xlsxwriter::{Format, Workbook};
use std::io::Write;

pub const CSV_COLUMNS: [&str; 22] = [
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
    "Late",
    "Themes",
    "Retained for the report",
    "Comment",
];

const DEPTH: usize = 7;
const THREAD_ORDER: usize = 8;

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

/// The row's values in the order of `CSV_COLUMNS`.
fn fields(
    row: &DigestRow,
    consultation: &str,
    roundtable: &(String, String),
    zone: Tz,
) -> [String; 22] {
    let numbers: Vec<String> = row.questions.iter().map(|(n, _)| n.to_string()).collect();
    let texts: Vec<&str> = row.questions.iter().map(|(_, t)| t.as_str()).collect();
    let a = &row.author;
    [
        row.reference.clone(),
        consultation.to_owned(),
        roundtable.0.clone(),
        roundtable.1.clone(),
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
        local(row, zone),
        row.status.to_owned(),
        row.decision_reason.clone().unwrap_or_default(),
        yes_no(row.highlighted).to_owned(),
        yes_no(row.cited).to_owned(),
        crate::domain::late::digest_words(row.late).to_owned(),
        row.themes.join("; "),
        row.retained.map(yes_no).unwrap_or_default().to_owned(),
        row.body_text.clone(),
    ]
}

/// What both tables keep between rows.
struct TableState {
    consultation: String,
    zone: Tz,
    roundtable: (String, String),
}

impl TableState {
    fn new(plan: &DigestPlan) -> Self {
        Self {
            consultation: plan.consultation.title.clone(),
            zone: plan.consultation.time_zone,
            roundtable: Default::default(),
        }
    }

    /// The row's values, or None for events that are not rows.
    fn row(&mut self, event: DigestEvent) -> Option<[String; 22]> {
        match event {
            DigestEvent::Roundtable(planned, _) => {
                let r = &planned.roundtable;
                self.roundtable = (r.code.clone().unwrap_or_default(), r.title.clone());
                None
            }
            DigestEvent::Question(..) | DigestEvent::LateLeftOut(_) => None,
            DigestEvent::Comment(row) => Some(fields(
                &row,
                &self.consultation,
                &self.roundtable,
                self.zone,
            )),
        }
    }
}

pub struct CsvDigest<W: Write> {
    writer: csv::Writer<W>,
    state: TableState,
}

impl<W: Write> CsvDigest<W> {
    /// Starts the file with a byte-order mark (spreadsheet software then
    /// reads UTF-8 right) and the header row.
    pub fn start(mut out: W, plan: &DigestPlan) -> Result<Self, DigestWriteError> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut writer = csv::Writer::from_writer(out);
        writer
            .write_record(CSV_COLUMNS)
            .map_err(std::io::Error::from)?;
        Ok(Self {
            writer,
            state: TableState::new(plan),
        })
    }
}

impl<W: Write> DigestWriter for CsvDigest<W> {
    fn event(&mut self, event: DigestEvent) -> Result<(), DigestWriteError> {
        if let Some(fields) = self.state.row(event) {
            self.writer
                .write_record(fields.iter().map(|f| neutralise_formula(f).into_owned()))
                .map_err(std::io::Error::from)?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), DigestWriteError> {
        let mut out = self
            .writer
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        out.flush()?;
        Ok(())
    }
}

pub struct XlsxDigest<W: Write + Send> {
    out: Option<W>,
    workbook: Workbook,
    state: TableState,
    next_row: u32,
    wrapped: Format,
}

// One per column: the compiler holds the two lists to the same length.
const WIDTHS: [f64; CSV_COLUMNS.len()] = [
    12.0, 24.0, 10.0, 30.0, 10.0, 40.0, 12.0, 7.0, 8.0, 20.0, 28.0, 22.0, 16.0, 20.0, 12.0, 16.0,
    10.0, 10.0, 24.0, 24.0, 10.0, 80.0,
];

impl<W: Write + Send> XlsxDigest<W> {
    pub fn start(out: W, plan: &DigestPlan) -> Result<Self, DigestWriteError> {
        let mut workbook = Workbook::new();
        let bold = Format::new().set_bold();
        let sheet = workbook.add_worksheet_with_constant_memory();
        sheet.set_name("Comments")?;
        for (col, width) in WIDTHS.iter().enumerate() {
            sheet.set_column_width(col as u16, *width)?;
        }
        for (col, title) in CSV_COLUMNS.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *title, &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(Self {
            out: Some(out),
            workbook,
            state: TableState::new(plan),
            next_row: 1,
            wrapped: Format::new().set_text_wrap(),
        })
    }
}

impl<W: Write + Send> DigestWriter for XlsxDigest<W> {
    fn event(&mut self, event: DigestEvent) -> Result<(), DigestWriteError> {
        let Some(fields) = self.state.row(event) else {
            return Ok(());
        };
        let row = self.next_row;
        let sheet = self.workbook.worksheet_from_index(0)?;
        for (col, value) in fields.iter().enumerate() {
            let col16 = col as u16;
            match (col, value.parse::<u32>()) {
                (DEPTH | THREAD_ORDER, Ok(n)) => {
                    sheet.write_number(row, col16, n)?;
                }
                (_, _) if value.is_empty() => {}
                (_, _) if value.contains('\n') => {
                    sheet.write_string_with_format(row, col16, value, &self.wrapped)?;
                }
                (_, _) => {
                    sheet.write_string(row, col16, value)?;
                }
            }
        }
        self.next_row += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), DigestWriteError> {
        let last_row = self.next_row.saturating_sub(1);
        self.workbook.worksheet_from_index(0)?.autofilter(
            0,
            0,
            last_row,
            (CSV_COLUMNS.len() - 1) as u16,
        )?;
        if let Some(mut out) = self.out.take() {
            self.workbook.save_to_writer(&mut out)?;
            out.flush()?;
        }
        Ok(())
    }
}
