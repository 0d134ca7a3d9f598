//! What a digest export holds and which comments it takes: choices made
//! once, checked here, trusted after.

use super::affiliation::{Country, Gender, OrganisationType};
use super::report_marks::{Relevance, ThemeLabel};
use super::search::SearchQuery;
use super::InvalidField;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::HashMap;

/// The file formats of a digest export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestFormat {
    Csv,
    Xlsx,
    Json,
    Markdown,
    Html,
}

impl DigestFormat {
    pub const ALL: [Self; 5] = [
        Self::Csv,
        Self::Xlsx,
        Self::Json,
        Self::Markdown,
        Self::Html,
    ];

    pub fn parse(field: &'static str, value: &str) -> Result<Self, InvalidField> {
        match value.trim() {
            "csv" | "" => Ok(Self::Csv),
            "xlsx" => Ok(Self::Xlsx),
            "json" => Ok(Self::Json),
            "md" | "markdown" => Ok(Self::Markdown),
            "html" => Ok(Self::Html),
            other => Err(InvalidField::new(field, "invalid-digest-format").with("value", other)),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Html => "html",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Csv => "CSV: one row per comment, for spreadsheets",
            Self::Xlsx => "Excel workbook (XLSX): one row per comment",
            Self::Json => "JSON: nested by roundtable, question and thread",
            Self::Markdown => "Markdown: the meeting report's raw material",
            Self::Html => "Printable HTML: the report's raw material, for A4",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Json => "application/json",
            Self::Markdown => "text/markdown; charset=utf-8",
            Self::Html => "text/html; charset=utf-8",
        }
    }

    /// Reports group comments under their questions; tables list them in thread order.
    pub fn by_question(self) -> bool {
        matches!(self, Self::Json | Self::Markdown | Self::Html)
    }
}

/// Groups smaller than this are not shown on their own.
pub const SMALL_GROUP: usize = 5;

/// Who took part in what a digest covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Participation {
    pub comments: usize,
    pub participants: usize,
    pub organisations: usize,
    /// Comments by the author's kind of organisation, most first.
    pub by_organisation_type: Vec<(String, usize)>,
    /// Comments by the author's country, most first.
    pub by_country: Vec<(String, usize)>,
    /// Participants by self-declared gender; None when fewer than
    /// `SMALL_GROUP` people gave one, when one group holds everyone, or
    /// when the digest is filtered (two filtered digests could otherwise
    /// be compared to tell one person's gender).
    pub by_gender: Option<Vec<(String, usize)>>,
}

pub const OTHER_OR_NOT_GIVEN: &str = "Other or not given";

/// Participants by gender, so that no one can be singled out: shown only
/// when at least five people gave a gender, every group under five (with
/// "prefer not to say" and those who gave none) merged into "Other or not
/// given", and never when one group holds everyone.
pub fn gender_breakdown(
    participants: usize,
    declared: &HashMap<Gender, usize>,
) -> Option<Vec<(String, usize)>> {
    let gave_one: usize = declared
        .iter()
        .filter(|(g, _)| **g != Gender::PreferNotToSay)
        .map(|(_, n)| n)
        .sum();
    if gave_one < SMALL_GROUP {
        return None;
    }
    let mut shown: Vec<(String, usize)> = Gender::ALL
        .iter()
        .filter(|g| **g != Gender::PreferNotToSay)
        .filter_map(|g| {
            let n = declared.get(g).copied().unwrap_or(0);
            (n >= SMALL_GROUP).then(|| (g.label().to_owned(), n))
        })
        .collect();
    let listed: usize = shown.iter().map(|(_, n)| n).sum();
    let rest = participants.saturating_sub(listed);
    if rest > 0 {
        shown.push((OTHER_OR_NOT_GIVEN.to_owned(), rest));
    }
    // One group holding everyone would tell each person's gender.
    if shown.len() == 1 {
        return None;
    }
    Some(shown)
}

/// Counts as (label, count), most first, then by label.
pub fn ranked(counts: HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut list: Vec<_> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
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
    /// Only the comments that answer this search.
    pub query: Option<SearchQuery>,
    /// Only the comments with this theme (its folded label), and only the
    /// published comments with this relevance (`report_marks`).
    pub theme_key: Option<String>,
    pub relevance: Option<Relevance>,
}

/// The choices as typed, every field optional.
#[derive(Debug, Clone, Default)]
pub struct DigestChoices {
    /// A search query, as on the search page.
    pub q: String,
    pub from: String,
    pub to: String,
    pub question: String,
    pub organisation_type: String,
    pub country: String,
    pub include_unpublished: bool,
    /// A theme's label, and "retained", "not_retained" or "undecided".
    pub theme: String,
    pub relevance: String,
}

fn date(field: &'static str, value: &str) -> Result<Option<NaiveDate>, InvalidField> {
    match value.trim() {
        "" => Ok(None),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| InvalidField::new(field, "invalid-date")),
    }
}

impl DigestFilter {
    /// Whether anything narrows the comments beyond the roundtables chosen.
    pub fn narrows(&self) -> bool {
        self.from.is_some()
            || self.to.is_some()
            || self.question.is_some()
            || self.organisation_type.is_some()
            || self.country.is_some()
            || self.query.is_some()
            || self.marked()
    }

    /// Whether a theme or a relevance narrows the comments.
    pub fn marked(&self) -> bool {
        self.theme_key.is_some() || self.relevance.is_some()
    }

    pub fn parse(choices: &DigestChoices) -> Result<Self, Vec<InvalidField>> {
        fn keep<T>(errors: &mut Vec<InvalidField>, result: Result<T, InvalidField>) -> Option<T> {
            result.map_err(|e| errors.push(e)).ok()
        }
        let mut errors = Vec::new();
        let query = keep(
            &mut errors,
            match choices.q.trim() {
                "" => Ok(None),
                typed => SearchQuery::parse("q", typed).map(Some),
            },
        )
        .flatten();
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
                    .ok_or_else(|| InvalidField::new("question", "invalid-digest-question")),
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
        let theme_key = keep(
            &mut errors,
            match choices.theme.trim() {
                "" => Ok(None),
                typed => ThemeLabel::parse("theme", typed).map(|label| Some(label.key())),
            },
        )
        .flatten();
        let relevance = keep(
            &mut errors,
            Relevance::parse_filter("relevance", &choices.relevance),
        )
        .flatten();
        if let (Some(from), Some(to)) = (from, to) {
            if to < from {
                errors.push(InvalidField::new("to", "invalid-digest-dates"));
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
                query,
                theme_key,
                relevance,
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
    fn genders_are_shown_only_in_groups_of_five_or_more() {
        let declared = |pairs: &[(Gender, usize)]| pairs.iter().copied().collect::<HashMap<_, _>>();
        // Four people gave a gender: nothing is shown.
        assert_eq!(gender_breakdown(12, &declared(&[(Gender::Woman, 4)])), None);
        // Six women, two men, one another gender, one prefers not to say,
        // two gave nothing: the men and the one person are merged away.
        assert_eq!(
            gender_breakdown(
                12,
                &declared(&[
                    (Gender::Woman, 6),
                    (Gender::Man, 2),
                    (Gender::Another, 1),
                    (Gender::PreferNotToSay, 1)
                ])
            ),
            Some(vec![("Woman".into(), 6), (OTHER_OR_NOT_GIVEN.into(), 6)])
        );
        assert_eq!(
            gender_breakdown(10, &declared(&[(Gender::Woman, 5), (Gender::Man, 5)])),
            Some(vec![("Woman".into(), 5), ("Man".into(), 5)])
        );
        // Everyone in one group: nothing is shown.
        assert_eq!(gender_breakdown(6, &declared(&[(Gender::Woman, 6)])), None);
    }

    #[test]
    fn formats_are_named_by_their_extension() {
        for format in DigestFormat::ALL {
            assert_eq!(
                DigestFormat::parse("format", format.extension()),
                Ok(format)
            );
        }
        assert_eq!(
            DigestFormat::parse("format", "pdf").unwrap_err().field,
            "format"
        );
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
        let unclosed = DigestFilter::parse(&DigestChoices {
            q: "\"funding".into(),
            country: "XX".into(),
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<_> = unclosed.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["q", "country"]);
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
