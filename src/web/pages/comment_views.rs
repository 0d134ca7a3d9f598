//! How comments and the comment form look to a given reader: their own
//! pending comments marked, new ones flagged, and only the actions this
//! reader may take.

use crate::domain::affiliation::Affiliation;
use crate::domain::comment::{CommentStatus, QuestionPick};
use crate::domain::ids::{GuidingQuestionId, UserId};
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::thread::{Placeholder, ThreadEntry, MAX_DISPLAY_DEPTH};
use crate::domain::{InvalidField, Message};
use crate::i18n::labels;
use crate::i18n::{text, Language};
use crate::text::SafeHtml;
use crate::web::error::WebError;
use crate::web::format::{time_view, TimeView};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
pub struct PersonView {
    name: String,
    organisation: String,
    organisation_type: Option<String>,
    country: Option<String>,
}

pub fn person(a: &Affiliation, lang: Language) -> PersonView {
    PersonView {
        name: a.display_name.clone(),
        organisation: a.organisation.clone(),
        organisation_type: a
            .organisation_type
            .map(|t| labels::organisation_type(t, lang)),
        country: a.country.map(|c| labels::country(c, lang)),
    }
}

/// "12 published comments, 3 new since your last visit".
pub fn count_line(published: usize, new: Option<usize>, lang: Language) -> String {
    match new {
        Some(new) if published > 0 => text(
            lang,
            "views-comment-count-new",
            &[("count", published.into()), ("new", new.into())],
        ),
        _ => text(lang, "views-comment-count", &[("count", published.into())]),
    }
}

#[derive(Serialize, Clone)]
pub struct QuestionTag {
    number: usize,
    anchor: String,
    /// "Question 2".
    label: String,
}

pub fn question_anchor(number: usize) -> String {
    format!("question-{number}")
}

/// What the page knows of its reader.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageReader {
    pub id: Option<UserId>,
    pub verified: bool,
    pub may_moderate: bool,
    pub last_visit: Option<DateTime<Utc>>,
    /// The roundtable takes comments now.
    pub accepting: bool,
}

/// The words that every comment of a page repeats, looked up once for the
/// page instead of once for each comment.
#[derive(Serialize)]
pub struct CommentWords {
    reference_title: String,
    edited: String,
    new: String,
    highlighted: String,
    reply: String,
    edit: String,
    withdraw: String,
    report: String,
    moderate: String,
}

impl CommentWords {
    pub fn new(lang: Language) -> Self {
        let word = |key| text(lang, key, &[]);
        Self {
            reference_title: word("pages-comment-reference-title"),
            edited: word("pages-comment-edited"),
            new: word("pages-comment-new"),
            highlighted: word("pages-comment-highlighted"),
            reply: word("pages-comment-reply"),
            edit: word("pages-comment-edit"),
            withdraw: word("pages-comment-withdraw"),
            report: word("pages-comment-report"),
            moderate: word("pages-comment-moderate"),
        }
    }
}

/// What the comments of one page share, worked out once for the page.
pub struct CommentSetting {
    zone: Tz,
    lang: Language,
    reader: PageReader,
    /// Each guiding question's tag, as the comments that answer it show it.
    tags: HashMap<GuidingQuestionId, QuestionTag>,
    /// "Reply, level N.", by display depth (none for first comments).
    reply_levels: Vec<Option<String>>,
    /// The late comments by id, with the chairs' decision.
    late: HashMap<String, crate::domain::late::LateMark>,
}

impl CommentSetting {
    pub fn with_late(self, late: HashMap<String, crate::domain::late::LateMark>) -> Self {
        Self { late, ..self }
    }

    pub fn new(
        questions: &[GuidingQuestion],
        zone: Tz,
        reader: PageReader,
        lang: Language,
    ) -> Self {
        let tags = questions
            .iter()
            .map(|q| {
                let tag = QuestionTag {
                    number: q.number,
                    anchor: question_anchor(q.number),
                    label: text(
                        lang,
                        "pages-question-number",
                        &[("number", q.number.into())],
                    ),
                };
                (q.id, tag)
            })
            .collect();
        let reply_levels = (0..=MAX_DISPLAY_DEPTH)
            .map(|depth| {
                (depth > 0).then(|| {
                    text(
                        lang,
                        "pages-comment-reply-level",
                        &[("level", depth.into())],
                    )
                })
            })
            .collect();
        Self {
            zone,
            lang,
            reader,
            tags,
            reply_levels,
            late: HashMap::new(),
        }
    }

    fn question_tags(&self, ids: &[GuidingQuestionId]) -> Vec<QuestionTag> {
        let mut tags: Vec<QuestionTag> = ids
            .iter()
            .filter_map(|id| self.tags.get(id))
            .cloned()
            .collect();
        tags.sort_by_key(|q| q.number);
        tags
    }

    fn reply_level(&self, depth: usize) -> Option<String> {
        // Display depths stop at MAX_DISPLAY_DEPTH.
        self.reply_levels.get(depth).cloned().flatten()
    }
}

#[derive(Serialize)]
pub struct CommentView<'a> {
    reference: &'a str,
    depth: usize,
    /// "Reply, level N." for screen readers; none for a first comment.
    reply_level: Option<String>,
    placeholder: Option<String>,
    /// Why a comment shown to this reader is not public.
    status_note: Option<String>,
    author: Option<PersonView>,
    posted: TimeView,
    edited: bool,
    body_html: Option<&'a SafeHtml>,
    questions: Vec<QuestionTag>,
    highlighted: bool,
    in_reply_to: Option<String>,
    /// The language it is written in, for its `lang` attribute.
    language: Option<&'a str>,
    is_new: bool,
    mine: bool,
    can_edit: bool,
    can_reply: bool,
    can_report: bool,
    can_moderate: bool,
    /// Any of the actions above: the page shows a row of actions.
    has_actions: bool,
    /// "to {name}" and "this comment by {name}", which finish the reply and
    /// report links for screen readers; only when those links are shown.
    reply_to: Option<String>,
    report_by: Option<String>,
    late: Option<super::late_views::LateView>,
}

pub fn comment_view<'a>(entry: &'a ThreadEntry, setting: &CommentSetting) -> CommentView<'a> {
    let (reader, lang) = (setting.reader, setting.lang);
    let comment = &entry.comment;
    let shown = entry.placeholder.is_none();
    let public = shown && entry.unpublished.is_none();
    let mine = reader.id.is_some() && comment.author_id == reader.id;
    let is_new = crate::services::pages::is_new(entry, reader.last_visit, reader.id);
    let can_edit = mine && comment.status == CommentStatus::Pending;
    let can_reply = public && reader.verified && reader.accepting;
    let can_report = public && reader.verified && !mine;
    let can_moderate = shown && reader.may_moderate;
    let author = shown.then(|| person(&comment.author, lang));
    let name = |key| {
        let name = author.as_ref().map_or("", |a| a.name.as_str());
        text(lang, key, &[("name", name.into())])
    };
    CommentView {
        reference: &comment.reference,
        depth: entry.display_depth,
        reply_level: setting.reply_level(entry.display_depth),
        placeholder: entry.placeholder.map(|p| {
            let key = match p {
                Placeholder::WithdrawnByAuthor => "views-withdrawn-by-author",
                Placeholder::NotPublished => "views-not-published",
            };
            text(lang, key, &[])
        }),
        status_note: entry.unpublished.map(|status| {
            let key = match status {
                CommentStatus::Pending => "views-awaiting-decision",
                CommentStatus::Approved => "views-hidden-after-reports",
                _ => "views-status-not-published",
            };
            text(lang, key, &[])
        }),
        posted: time_view(comment.created_at, setting.zone, lang),
        edited: comment.edited_at.is_some(),
        body_html: shown.then_some(&comment.body_html),
        questions: if shown {
            setting.question_tags(&comment.question_ids)
        } else {
            vec![]
        },
        highlighted: public && comment.highlighted,
        language: comment.language.as_deref(),
        in_reply_to: entry.in_reply_to.as_ref().map(|name| {
            let name = name.as_deref().unwrap_or("a comment that is not shown");
            text(lang, "pages-comment-in-reply-to", &[("name", name.into())])
        }),
        is_new,
        mine: shown && mine,
        can_edit,
        can_reply,
        can_report,
        can_moderate,
        has_actions: can_reply || can_edit || (shown && mine) || can_report || can_moderate,
        reply_to: can_reply.then(|| name("pages-comment-reply-to")),
        report_by: can_report.then(|| name("pages-comment-report-by")),
        late: setting
            .late
            .get(&comment.id.to_string())
            .filter(|_| shown)
            .map(|mark| super::late_views::late_view(*mark, reader.may_moderate, lang)),
        author,
    }
}

#[derive(Serialize)]
pub struct QuestionChoice {
    id: String,
    number: usize,
    text: String,
    checked: bool,
}

impl QuestionChoice {
    pub fn with_checked(self, chosen: &[QuestionPick]) -> Self {
        let checked = chosen.iter().any(|pick| match pick {
            QuestionPick::Number(n) => *n == self.number,
            QuestionPick::Id(id) => id.to_string() == self.id,
        });
        Self { checked, ..self }
    }
}

/// What the comment area offers a reader: "form" to a confirmed
/// participant, "verify" to an account not yet confirmed, "sign_in" to a
/// visitor, and "closed" to everyone while the roundtable takes no comments.
/// `viewer` is the signed-in reader, if any: (id, verified).
pub fn participation(accepting: bool, viewer: Option<(UserId, bool)>) -> &'static str {
    match (accepting, viewer) {
        (false, _) => "closed",
        (true, None) => "sign_in",
        (true, Some((_, false))) => "verify",
        (true, Some((_, true))) => "form",
    }
}

/// `?answer=N`, from "Comment on this question": the number of one of the
/// roundtable's open questions, or why not.
pub fn open_question(
    questions: &[GuidingQuestion],
    raw: Option<&str>,
) -> Result<Option<usize>, WebError> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    let number: usize = raw.trim().parse().map_err(|_| {
        WebError::invalid(
            "answer",
            Message::new("invalid-question-number").with("value", raw),
        )
    })?;
    let open = questions.iter().any(|q| q.number == number && !q.retired);
    if !open {
        let reason = Message::new("invalid-comment-question").with("number", number as i64);
        return Err(WebError::invalid("answer", reason));
    }
    Ok(Some(number))
}

/// The comment form as shown, or shown again with what was typed, the
/// messages next to their fields and, on "Preview", the rendered comment.
#[derive(Serialize, Default)]
pub struct CommentFormView {
    pub body: String,
    pub questions: Vec<QuestionChoice>,
    pub general: bool,
    pub errors: HashMap<&'static str, String>,
    pub error_summary: Vec<(&'static str, String)>,
    pub preview_html: Option<SafeHtml>,
    /// The short reference of the comment replied to.
    pub parent: Option<String>,
    /// The languages a comment may be written in, the likely one chosen.
    pub languages: Vec<LanguageChoice>,
    /// The box takes the focus: the form is the page's purpose and nothing
    /// else (an error summary, a preview) claims the focus.
    pub focus_body: bool,
}

#[derive(Serialize, Clone)]
pub struct LanguageChoice {
    pub code: String,
    pub name: String,
    pub selected: bool,
}

impl CommentFormView {
    pub fn new(questions: &[GuidingQuestion], chosen: &[usize]) -> Self {
        Self {
            questions: questions
                .iter()
                .filter(|q| !q.retired)
                .map(|q| QuestionChoice {
                    id: q.id.to_string(),
                    number: q.number,
                    text: q.text.clone(),
                    checked: chosen.contains(&q.number),
                })
                .collect(),
            general: chosen.is_empty(),
            ..Self::default()
        }
    }

    /// Offers the consultation's languages, `chosen` (or else the reader's
    /// interface language, or else the consultation's own) selected.
    pub fn with_languages(
        mut self,
        consultation: &crate::domain::consultation::Consultation,
        chosen: Option<&str>,
        lang: Language,
    ) -> Self {
        let mut codes = consultation.languages.clone();
        if !codes.contains(&consultation.content_language) {
            codes.insert(0, consultation.content_language.clone());
        }
        let selected = chosen
            .filter(|c| codes.iter().any(|x| x == c))
            .or_else(|| codes.iter().find(|c| *c == lang.code()).map(String::as_str))
            .unwrap_or(&consultation.content_language)
            .to_owned();
        self.languages = codes
            .iter()
            .map(|code| LanguageChoice {
                name: match Language::from_code(code) {
                    Some(known) => known.name().to_owned(),
                    None => crate::web::format::language_name(code, lang),
                },
                selected: *code == selected,
                code: code.clone(),
            })
            .collect();
        self
    }

    pub fn with_errors(mut self, errors: Vec<InvalidField>, lang: Language) -> Self {
        for error in errors {
            if !self.errors.contains_key(error.field) {
                let message = crate::i18n::say(lang, &error.message);
                self.error_summary.push((error.field, message.clone()));
                self.errors.insert(error.field, message);
            }
        }
        self
    }
}
