//! The checks every authoring form shares: lengths, slugs, languages,
//! times read in the event's own zone, and how a consultation's status may move.

use crate::domain::consultation::ConsultationStatus;
use crate::domain::slug::Slug;
use crate::domain::InvalidField;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The languages the interface and content come in.
pub const LANGUAGES: [(&str, &str); 3] = [("en", "English"), ("fr", "Français"), ("es", "Español")];

pub(super) const MAX_TITLE: usize = 200;
pub(super) const MAX_SUMMARY: usize = 1_000;
pub(super) const MAX_TEXT: usize = 50_000;
pub(super) const MAX_QUESTION: usize = 500;
pub const MAX_QUESTIONS: usize = 30;

const QUESTION_FIELDS: [&str; MAX_QUESTIONS + 1] = numbered_fields!("question_");

/// The form field of the `n`th question row (from 1); "new_questions" beyond.
pub fn question_field(n: usize) -> &'static str {
    QUESTION_FIELDS
        .get(n)
        .copied()
        .filter(|_| n > 0)
        .unwrap_or("new_questions")
}

/// A URL name made from a title: "Strengthening Cooperation – RT 3.2" >
/// "strengthening-cooperation-rt-3-2". Letters outside ASCII lose their
/// accents where they have a plain form and are dropped otherwise.
pub fn slug_from_title(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'a'..='z' | '0'..='9' => Some(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => Some('a'),
            'ç' | 'č' | 'ć' => Some('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => Some('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => Some('i'),
            'ñ' | 'ń' | 'ň' => Some('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => Some('u'),
            'ý' | 'ÿ' => Some('y'),
            'š' | 'ś' => Some('s'),
            'ž' | 'ź' | 'ż' => Some('z'),
            'ř' => Some('r'),
            'ł' => Some('l'),
            _ => None,
        };
        match plain {
            Some(p) => slug.push(p),
            None if !slug.ends_with('-') && !slug.is_empty() => slug.push('-'),
            None => {}
        }
    }
    let mut slug = slug.trim_matches('-').to_owned();
    if slug.len() > Slug::MAX_LEN {
        slug.truncate(Slug::MAX_LEN);
        slug = slug.trim_end_matches('-').to_owned();
    }
    if slug.is_empty() {
        "untitled".into()
    } else {
        slug
    }
}

pub(in crate::domain) fn required(
    field: &'static str,
    value: &str,
    max: usize,
    missing: &'static str,
) -> Result<String, InvalidField> {
    let value = value.trim();
    match value.chars().count() {
        0 => Err(InvalidField::new(field, missing)),
        n if n > max => Err(InvalidField::new(field, "invalid-too-long")
            .with("limit", max)
            .with("length", n)),
        _ => Ok(value.to_owned()),
    }
}

pub(in crate::domain) fn optional(
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<Option<String>, InvalidField> {
    let value = value.trim();
    match value.chars().count() {
        0 => Ok(None),
        n if n > max => Err(InvalidField::new(field, "invalid-too-long")
            .with("limit", max)
            .with("length", n)),
        _ => Ok(Some(value.to_owned())),
    }
}

/// A slug as typed, or None to make one from the title.
pub(super) fn typed_slug(field: &'static str, value: &str) -> Result<Option<Slug>, InvalidField> {
    match value.trim() {
        "" => Ok(None),
        typed => Slug::parse(field, typed)
            .map(Some)
            .map_err(|e| InvalidField {
                field,
                message: e.message,
            }),
    }
}

/// A `datetime-local` value ("2026-11-25T09:30") read in `zone`. A time
/// the clocks skip is refused; one they repeat is taken the first time.
pub fn local_time(
    field: &'static str,
    value: &str,
    zone: Tz,
) -> Result<Option<DateTime<Utc>>, InvalidField> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M"))
        .map_err(|_| InvalidField::new(field, "invalid-local-time"))?;
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|t| Some(t.with_timezone(&Utc)))
        .ok_or_else(|| {
            InvalidField::new(field, "invalid-skipped-time")
                .with("time", value)
                .with("zone", zone.name())
        })
}

/// The value a `datetime-local` field shows for a stored time.
pub fn local_input(time: Option<DateTime<Utc>>, zone: Tz) -> String {
    time.map(|t| t.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

pub(super) fn language(field: &'static str, code: &str) -> Result<String, InvalidField> {
    LANGUAGES
        .iter()
        .find(|(c, _)| *c == code.trim())
        .map(|(c, _)| (*c).to_owned())
        .ok_or_else(|| InvalidField::new(field, "invalid-language-choice"))
}

pub(super) fn period(
    start_field: &'static str,
    end_field: &'static str,
    start: &str,
    end: &str,
    zone: Tz,
    errors: &mut Vec<InvalidField>,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let start = local_time(start_field, start, zone)
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let end = local_time(end_field, end, zone)
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    if let (Some(s), Some(e)) = (start, end) {
        if e <= s {
            errors.push(InvalidField::new(end_field, "invalid-end-before-start"));
        }
    }
    (start, end)
}

/// A status may move forward (draft > open > closed > archived); a closed
/// consultation may be opened again; archived is final.
pub fn check_status_change(
    from: ConsultationStatus,
    to: ConsultationStatus,
) -> Result<(), InvalidField> {
    use ConsultationStatus::*;
    let rank = |s: ConsultationStatus| ConsultationStatus::ALL.iter().position(|x| *x == s);
    if from == to || rank(to) > rank(from) || (from, to) == (Closed, Open) {
        return Ok(());
    }
    Err(match from {
        Archived => InvalidField::new("status", "invalid-status-archived"),
        _ => InvalidField::new("status", "invalid-status-backwards")
            .with("from", from.code())
            .with("to", to.code()),
    })
}

pub(in crate::domain) fn keep<T>(
    errors: &mut Vec<InvalidField>,
    result: Result<T, InvalidField>,
) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn slugs_come_from_titles() {
        assert_eq!(
            slug_from_title("Strengthening Cooperation – RT 3.2"),
            "strengthening-cooperation-rt-3-2"
        );
        assert_eq!(
            slug_from_title("Intégration à Québec, 2019!"),
            "integration-a-quebec-2019"
        );
        assert_eq!(slug_from_title("Тбилиси"), "untitled");
        assert!(slug_from_title(&"word ".repeat(40)).len() <= Slug::MAX_LEN);
        assert!(Slug::parse("slug", &slug_from_title(&"ab ".repeat(60))).is_ok());
    }

    #[test]
    fn statuses_move_forward_and_a_closed_one_may_reopen() {
        use ConsultationStatus::*;
        assert!(check_status_change(Draft, Open).is_ok());
        assert!(check_status_change(Draft, Archived).is_ok());
        assert!(check_status_change(Closed, Open).is_ok());
        assert!(check_status_change(Open, Draft).is_err());
        assert!(check_status_change(Archived, Open).is_err());
    }

    #[test]
    fn times_are_read_in_the_events_zone() {
        let prague: Tz = "Europe/Prague".parse().unwrap();
        assert_eq!(
            local_time("starts_at", "2019-05-14T09:00", prague).unwrap(),
            Some(Utc.with_ymd_and_hms(2019, 5, 14, 7, 0, 0).unwrap())
        );
        // Prague skipped 02:00-03:00 on 31 March 2019.
        assert_eq!(
            local_time("starts_at", "2019-03-31T02:30", prague)
                .unwrap_err()
                .field,
            "starts_at"
        );
        assert_eq!(
            local_input(
                Some(Utc.with_ymd_and_hms(2019, 5, 14, 7, 0, 0).unwrap()),
                prague
            ),
            "2019-05-14T09:00"
        );
    }
}
