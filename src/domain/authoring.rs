//! What staff type to set up consultations and roundtables, checked field
//! by field: titles, slugs, times in the event's own zone, the status a
//! consultation moves through, and the guiding questions.

use super::consultation::{ConsultationKind, ConsultationStatus};
use super::roundtable::ModerationMode;
use super::slug::Slug;
use super::time::parse_time_zone;
use super::InvalidField;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The languages the interface and content come in.
pub const LANGUAGES: [(&str, &str); 3] = [("en", "English"), ("fr", "Français"), ("es", "Español")];

const MAX_TITLE: usize = 200;
const MAX_SUMMARY: usize = 1_000;
const MAX_TEXT: usize = 50_000;
const MAX_QUESTION: usize = 500;
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

pub(super) fn required(
    field: &'static str,
    value: &str,
    max: usize,
    what: &str,
) -> Result<String, InvalidField> {
    let value = value.trim();
    match value.chars().count() {
        0 => Err(InvalidField::new(field, format!("Give {what}."))),
        n if n > max => Err(InvalidField::new(
            field,
            format!("Keep it under {max} characters ({n} now)."),
        )),
        _ => Ok(value.to_owned()),
    }
}

pub(super) fn optional(
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<Option<String>, InvalidField> {
    let value = value.trim();
    match value.chars().count() {
        0 => Ok(None),
        n if n > max => Err(InvalidField::new(
            field,
            format!("Keep it under {max} characters ({n} now)."),
        )),
        _ => Ok(Some(value.to_owned())),
    }
}

/// A slug as typed, or None to make one from the title.
fn typed_slug(field: &'static str, value: &str) -> Result<Option<Slug>, InvalidField> {
    match value.trim() {
        "" => Ok(None),
        typed => Slug::parse(field, typed)
            .map(Some)
            .map_err(|e| InvalidField::new(field, format!("The web address name {}.", e.message))),
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
        .map_err(|_| InvalidField::new(field, "Give a date and time such as 2026-11-25 09:30."))?;
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|t| Some(t.with_timezone(&Utc)))
        .ok_or_else(|| {
            InvalidField::new(
                field,
                format!(
                    "{value} does not exist in {}: the clocks jump over it.",
                    zone.name()
                ),
            )
        })
}

/// The value a `datetime-local` field shows for a stored time.
pub fn local_input(time: Option<DateTime<Utc>>, zone: Tz) -> String {
    time.map(|t| t.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

fn language(field: &'static str, code: &str) -> Result<String, InvalidField> {
    LANGUAGES
        .iter()
        .find(|(c, _)| *c == code.trim())
        .map(|(c, _)| (*c).to_owned())
        .ok_or_else(|| InvalidField::new(field, "Choose English, French or Spanish."))
}

fn period(
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
            errors.push(InvalidField::new(
                end_field,
                "The end must come after the start.",
            ));
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
    Err(InvalidField::new(
        "status",
        match from {
            Archived => "An archived consultation stays archived.".to_owned(),
            _ => format!(
                "A consultation that is {} cannot go back to {}.",
                from.label().to_lowercase(),
                to.label().to_lowercase()
            ),
        },
    ))
}

#[derive(Debug, Clone, Default)]
pub struct ConsultationInput {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub description: String,
    pub kind: String,
    pub venue: String,
    pub online: bool,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    pub content_language: String,
    pub languages: Vec<String>,
    pub status: String,
    /// One a line: "Name" or "Name | https://…".
    pub organisers: String,
    pub partners: String,
    pub patrons: String,
}

#[derive(Debug, Clone)]
pub struct OrganisationLine {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ConsultationFields {
    pub title: String,
    pub slug: Option<Slug>,
    pub summary: String,
    pub description_markdown: String,
    pub kind: ConsultationKind,
    pub venue: Option<String>,
    pub online: bool,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub time_zone: Tz,
    pub content_language: String,
    pub languages: Vec<String>,
    pub status: ConsultationStatus,
    pub organisers: Vec<OrganisationLine>,
    pub partners: Vec<OrganisationLine>,
    pub patrons: Vec<OrganisationLine>,
}

fn organisation_lines(
    field: &'static str,
    text: &str,
) -> Result<Vec<OrganisationLine>, InvalidField> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (name, url) = match line.split_once('|') {
                Some((name, url)) => (name.trim(), Some(url.trim())),
                None => (line, None),
            };
            let url = url.filter(|u| !u.is_empty());
            if let Some(u) = url {
                if !(u.starts_with("https://") || u.starts_with("http://"))
                    || url::Url::parse(u).is_err()
                {
                    return Err(InvalidField::new(
                        field,
                        format!("'{u}' is not a web address starting with https://."),
                    ));
                }
            }
            if name.is_empty() || name.chars().count() > MAX_TITLE {
                return Err(InvalidField::new(
                    field,
                    "Give each organisation's name on its own line.",
                ));
            }
            Ok(OrganisationLine {
                name: name.to_owned(),
                url: url.map(str::to_owned),
            })
        })
        .collect()
}

pub(super) fn keep<T>(
    errors: &mut Vec<InvalidField>,
    result: Result<T, InvalidField>,
) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

impl ConsultationFields {
    pub fn parse(input: &ConsultationInput) -> Result<Self, Vec<InvalidField>> {
        let mut e = Vec::new();
        let title = keep(
            &mut e,
            required("title", &input.title, MAX_TITLE, "a title"),
        );
        let slug = keep(&mut e, typed_slug("slug", &input.slug));
        let summary = keep(&mut e, optional("summary", &input.summary, MAX_SUMMARY));
        let description = keep(
            &mut e,
            optional("description", &input.description, MAX_TEXT),
        );
        let kind = keep(
            &mut e,
            ConsultationKind::from_code(input.kind.trim())
                .ok_or_else(|| InvalidField::new("kind", "Choose what kind of event this is.")),
        );
        let venue = keep(&mut e, optional("venue", &input.venue, MAX_TITLE));
        let zone = keep(
            &mut e,
            parse_time_zone("time_zone", input.time_zone.trim())
                .map_err(|_| InvalidField::new("time_zone", "Choose the time zone from the list.")),
        );
        let (starts_at, ends_at) = match zone {
            Some(zone) => period(
                "starts_at",
                "ends_at",
                &input.starts_at,
                &input.ends_at,
                zone,
                &mut e,
            ),
            None => (None, None),
        };
        let content_language = keep(
            &mut e,
            language("content_language", &input.content_language),
        );
        let mut languages = Vec::new();
        for code in &input.languages {
            if let Some(code) = keep(&mut e, language("languages", code)) {
                if !languages.contains(&code) {
                    languages.push(code);
                }
            }
        }
        if let Some(content) = &content_language {
            if !languages.contains(content) {
                languages.insert(0, content.clone());
            }
        }
        let status = keep(
            &mut e,
            ConsultationStatus::from_code(input.status.trim()).ok_or_else(|| {
                InvalidField::new("status", "Choose draft, open, closed or archived.")
            }),
        );
        let organisers = keep(&mut e, organisation_lines("organisers", &input.organisers));
        let partners = keep(&mut e, organisation_lines("partners", &input.partners));
        let patrons =
            keep(&mut e, organisation_lines("patrons", &input.patrons)).unwrap_or_default();
        match (
            title,
            slug,
            summary,
            description,
            kind,
            venue,
            zone,
            content_language,
            status,
            organisers,
            partners,
        ) {
            (
                Some(title),
                Some(slug),
                Some(summary),
                Some(description),
                Some(kind),
                Some(venue),
                Some(time_zone),
                Some(content_language),
                Some(status),
                Some(organisers),
                Some(partners),
            ) if e.is_empty() => Ok(Self {
                title,
                slug,
                summary: summary.unwrap_or_default(),
                description_markdown: description.unwrap_or_default(),
                kind,
                venue,
                online: input.online,
                starts_at,
                ends_at,
                time_zone,
                content_language,
                languages,
                status,
                organisers,
                partners,
                patrons,
            }),
            _ => Err(e),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct RoundtableInput {
    pub code: String,
    pub title: String,
    pub slug: String,
    /// The parent's slug, or empty.
    pub parent: String,
    pub summary: String,
    pub background: String,
    pub objectives: String,
    pub moderation_mode: String,
    pub comments_open_at: String,
    pub comments_close_at: String,
    pub starts_at: String,
    pub ends_at: String,
    pub venue: String,
    pub content_language: String,
}

#[derive(Debug, Clone)]
pub struct RoundtableFields {
    pub code: Option<String>,
    pub title: String,
    pub slug: Option<Slug>,
    pub parent: Option<String>,
    pub summary: String,
    pub background_markdown: String,
    pub objectives_markdown: String,
    pub moderation_mode: ModerationMode,
    pub comments_open_at: Option<DateTime<Utc>>,
    pub comments_close_at: Option<DateTime<Utc>>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub venue: Option<String>,
    pub content_language: Option<String>,
}

impl RoundtableFields {
    /// Times are read in the consultation's zone.
    pub fn parse(input: &RoundtableInput, zone: Tz) -> Result<Self, Vec<InvalidField>> {
        let mut e = Vec::new();
        let code = keep(&mut e, optional("code", &input.code, 20));
        let title = keep(
            &mut e,
            required("title", &input.title, MAX_TITLE, "a title"),
        );
        let slug = keep(&mut e, typed_slug("slug", &input.slug));
        let summary = keep(&mut e, optional("summary", &input.summary, MAX_SUMMARY));
        let background = keep(&mut e, optional("background", &input.background, MAX_TEXT));
        let objectives = keep(&mut e, optional("objectives", &input.objectives, MAX_TEXT));
        let moderation_mode = keep(
            &mut e,
            ModerationMode::from_code(input.moderation_mode.trim()).ok_or_else(|| {
                InvalidField::new("moderation_mode", "Choose how comments are moderated.")
            }),
        );
        let (comments_open_at, comments_close_at) = period(
            "comments_open_at",
            "comments_close_at",
            &input.comments_open_at,
            &input.comments_close_at,
            zone,
            &mut e,
        );
        let (starts_at, ends_at) = period(
            "starts_at",
            "ends_at",
            &input.starts_at,
            &input.ends_at,
            zone,
            &mut e,
        );
        let venue = keep(&mut e, optional("venue", &input.venue, MAX_TITLE));
        let content_language = match input.content_language.trim() {
            "" => Some(None),
            code => keep(&mut e, language("content_language", code)).map(Some),
        };
        match (
            code,
            title,
            slug,
            summary,
            background,
            objectives,
            moderation_mode,
            venue,
            content_language,
        ) {
            (
                Some(code),
                Some(title),
                Some(slug),
                Some(summary),
                Some(background),
                Some(objectives),
                Some(moderation_mode),
                Some(venue),
                Some(content_language),
            ) if e.is_empty() => Ok(Self {
                code,
                title,
                slug,
                parent: Some(input.parent.trim().to_owned()).filter(|p| !p.is_empty()),
                summary: summary.unwrap_or_default(),
                background_markdown: background.unwrap_or_default(),
                objectives_markdown: objectives.unwrap_or_default(),
                moderation_mode,
                comments_open_at,
                comments_close_at,
                starts_at,
                ends_at,
                venue,
                content_language,
            }),
            _ => Err(e),
        }
    }
}

/// What the form asks for one existing question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionAction {
    Keep,
    Retire,
    Remove,
}

impl QuestionAction {
    pub fn parse(code: &str) -> Self {
        match code {
            "retire" => Self::Retire,
            "remove" => Self::Remove,
            _ => Self::Keep,
        }
    }
}

/// A question's text, checked: 1 to 500 characters on one line.
pub fn question_text(field: &'static str, text: &str) -> Result<String, InvalidField> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    required(
        field,
        &flat,
        MAX_QUESTION,
        "the question's text (or remove it)",
    )
}

/// New questions, one a line.
pub fn new_questions(text: &str) -> Result<Vec<String>, InvalidField> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| question_text("new_questions", line))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_consultation_form_reports_every_mistake() {
        let errors = ConsultationFields::parse(&ConsultationInput {
            slug: "Bad Slug".into(),
            kind: "party".into(),
            time_zone: "Mars/Olympus".into(),
            content_language: "de".into(),
            status: "open".into(),
            organisers: "Org | ftp://x".into(),
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "title",
                "slug",
                "kind",
                "time_zone",
                "content_language",
                "organisers"
            ]
        );
        let ok = ConsultationFields::parse(&ConsultationInput {
            title: "Global Forum".into(),
            kind: "forum".into(),
            time_zone: "UTC".into(),
            content_language: "fr".into(),
            languages: vec!["en".into()],
            status: "draft".into(),
            starts_at: "2026-12-01T09:00".into(),
            ends_at: "2026-12-01T08:00".into(),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(ok[0].field, "ends_at");
    }

    #[test]
    fn question_rows_have_fields_and_new_questions_one_a_line() {
        assert_eq!(question_field(2), "question_2");
        assert_eq!(question_field(0), "new_questions");
        assert_eq!(question_field(31), "new_questions");
        assert_eq!(
            new_questions("  First?\n\nSecond?  ").unwrap(),
            ["First?", "Second?"]
        );
        assert!(question_text("question_1", "  ").is_err());
    }
}
