//! What a digest export holds and which comments it takes: choices made
//! once, checked here, trusted after.

use super::affiliation::{Country, OrganisationType};
use super::InvalidField;
use chrono::NaiveDate;
use std::borrow::Cow;

/// The file formats of a digest export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestFormat {
    Csv,
    Json,
}

impl DigestFormat {
    pub fn parse(field: &'static str, value: &str) -> Result<Self, InvalidField> {
        match value.trim() {
            "csv" | "" => Ok(Self::Csv),
            "json" => Ok(Self::Json),
            other => Err(InvalidField::new(
                field,
                format!("'{other}' is not a format: choose csv or json"),
            )),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
        }
    }
}

/// Which comments go in. Dates are days in the event's own time zone, both included.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DigestFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// A guiding question's number.
    pub question: Option<usize>,
    pub organisation_type: Option<OrganisationType>,
    pub country: Option<Country>,
    /// Pending, rejected and withdrawn comments too (staff only, and said in the file name).
    pub include_unpublished: bool,
}

/// The choices as typed, every field optional.
#[derive(Debug, Clone, Default)]
pub struct DigestChoices {
    pub from: String,
    pub to: String,
    pub question: String,
    pub organisation_type: String,
    pub country: String,
    pub include_unpublished: bool,
}

fn date(field: &'static str, value: &str) -> Result<Option<NaiveDate>, InvalidField> {
    match value.trim() {
        "" => Ok(None),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                InvalidField::new(field, "Give a date as YYYY-MM-DD, such as 2020-11-25.")
            }),
    }
}

impl DigestFilter {
    pub fn parse(choices: &DigestChoices) -> Result<Self, Vec<InvalidField>> {
        fn keep<T>(errors: &mut Vec<InvalidField>, result: Result<T, InvalidField>) -> Option<T> {
            result.map_err(|e| errors.push(e)).ok()
        }
        let mut errors = Vec::new();
        let from = keep(&mut errors, date("from", &choices.from)).flatten();
        let to = keep(&mut errors, date("to", &choices.to)).flatten();
        let question = keep(
            &mut errors,
            match choices.question.trim() {
                "" => Ok(None),
                n => n
                    .parse::<usize>()
                    .ok()
                    .filter(|n| *n > 0)
                    .map(Some)
                    .ok_or_else(|| {
                        InvalidField::new("question", "Choose a question by its number.")
                    }),
            },
        )
        .flatten();
        let organisation_type = keep(
            &mut errors,
            match choices.organisation_type.trim() {
                "" => Ok(None),
                code => OrganisationType::parse("organisation_type", code).map(Some),
            },
        )
        .flatten();
        let country = keep(
            &mut errors,
            match choices.country.trim() {
                "" => Ok(None),
                code => Country::parse("country", code).map(Some),
            },
        )
        .flatten();
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                errors.push(InvalidField::new(
                    "to",
                    "The end date comes before the start date.",
                ));
            }
        }
        if errors.is_empty() {
            Ok(Self {
                from,
                to,
                question,
                organisation_type,
                country,
                include_unpublished: choices.include_unpublished,
            })
        } else {
            Err(errors)
        }
    }
}

/// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage
/// return) as a formula; a leading apostrophe makes it plain text.
pub fn neutralise_formula(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_the_rest_is_kept() {
        for risky in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx"] {
            assert!(neutralise_formula(risky).starts_with('\''), "{risky}");
        }
        assert_eq!(
            neutralise_formula("Ana, \"Org\"\nline"),
            "Ana, \"Org\"\nline"
        );
        assert_eq!(neutralise_formula(""), "");
    }

    #[test]
    fn filters_are_checked_field_by_field() {
        let errors = DigestFilter::parse(&DigestChoices {
            from: "25/11/2020".into(),
            question: "two".into(),
            country: "XX".into(),
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["from", "question", "country"]);
        let backwards = DigestFilter::parse(&DigestChoices {
            from: "2020-11-30".into(),
            to: "2020-11-25".into(),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(backwards[0].field, "to");
        let ok = DigestFilter::parse(&DigestChoices {
            from: "2020-11-25".into(),
            question: "2".into(),
            organisation_type: "academia".into(),
            country: "ge".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.question, Some(2));
        assert_eq!(ok.country.unwrap().code(), "GE");
    }
}
