//! What pages show of an outcome: the published (or previewed) text with
//! each citation naming its author, the editing form with the comments to
//! cite beside each question, the withdrawal's confirmation page, and the
//! confirmation after a change.

use crate::domain::affiliation::Affiliation;
use crate::domain::outcome::OutcomeStatus;
use crate::domain::InvalidField;
use crate::i18n::labels::{self, label};
use crate::i18n::{say, text, Language};
use crate::services::outcome_citing::AddedCitation;
use crate::services::outcome_form::{form_sections, OutcomeEditor};
use crate::services::outcome_sources::{SectionSources, SourceComment};
use crate::services::outcomes::ShownOutcome;
use crate::services::pages::RoundtablePage;
use crate::services::roundtables::RoundtableDetail;
use crate::text::{name_citations, SafeHtml};
use crate::web::form_pairs::FormPairs;
use crate::web::format::date_time;
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::HashMap;

/// "Amina Diallo (Welcome Kitchen, Lebanon)": who wrote a cited comment.
fn cited_author(a: &Affiliation, lang: Language) -> String {
    let name = a.display_name.as_str();
    let organisation = a.organisation.trim();
    let country = a.country.map(|c| labels::country(c, lang));
    match (organisation.is_empty(), country) {
        (false, Some(country)) => text(
            lang,
            "pages-outcome-cited-full",
            &[
                ("name", name.into()),
                ("organisation", organisation.into()),
                ("country", country.into()),
            ],
        ),
        (false, None) => text(
            lang,
            "pages-outcome-cited-with",
            &[("name", name.into()), ("detail", organisation.into())],
        ),
        (true, Some(country)) => text(
            lang,
            "pages-outcome-cited-with",
            &[("name", name.into()), ("detail", country.into())],
        ),
        (true, None) => name.to_owned(),
    }
}

/// An outcome as pages show it.
#[derive(Serialize)]
pub struct OutcomeDisplay {
    draft: bool,
    published: Option<String>,
    /// The latest published version's number, and "Version 3, published on …".
    version: Option<i32>,
    version_stamp: Option<String>,
    /// The versions before it: (number, "Version 2, published on …").
    earlier_versions: Vec<(i32, String)>,
    summary_html: SafeHtml,
    sections: Vec<SectionDisplay>,
}

#[derive(Serialize)]
struct SectionDisplay {
    heading: String,
    anchor: String,
    synthesis: Vec<SafeHtml>,
    recommendations: Vec<SafeHtml>,
}

fn question_heading(
    question: Option<&crate::domain::roundtable::GuidingQuestion>,
    lang: Language,
) -> String {
    match question {
        Some(q) => text(
            lang,
            "views-question-heading",
            &[
                ("number", q.number.into()),
                ("text", q.text.as_str().into()),
            ],
        ),
        None => text(lang, "views-across-questions", &[]),
    }
}

impl OutcomeDisplay {
    /// Each citation of a published comment names its author and leads to
    /// the comment's permalink.
    pub fn new(outcome: &ShownOutcome, zone: Tz, lang: Language) -> Self {
        let stamp = |n: i32, at| {
            text(
                lang,
                "versions-stamp",
                &[
                    ("version", n.into()),
                    ("date", crate::web::format::day(at, zone, lang).into()),
                ],
            )
        };
        let named = |html: &SafeHtml| {
            name_citations(html, |reference| {
                outcome.cited.get(reference).map(|a| cited_author(a, lang))
            })
        };
        Self {
            version: outcome.versions.first().map(|(n, _)| *n),
            version_stamp: outcome.versions.first().map(|(n, at)| stamp(*n, *at)),
            earlier_versions: outcome
                .versions
                .iter()
                .skip(1)
                .map(|(n, at)| (*n, stamp(*n, *at)))
                .collect(),
            draft: outcome.status == OutcomeStatus::Draft,
            // A withdrawn outcome keeps its first publication date, but is not published.
            published: outcome
                .published_at
                .filter(|_| outcome.status == OutcomeStatus::Published)
                .map(|at| date_time(at, zone, lang)),
            summary_html: named(&outcome.summary_html),
            sections: outcome
                .sections
                .iter()
                .map(|s| SectionDisplay {
                    heading: question_heading(s.question.as_ref(), lang),
                    anchor: match &s.question {
                        Some(q) => format!("outcome-question-{}", q.number),
                        None => "outcome-general".into(),
                    },
                    synthesis: s.synthesis.iter().map(|p| named(&p.html)).collect(),
                    recommendations: s.recommendations.iter().map(|p| named(&p.html)).collect(),
                })
                .collect(),
        }
    }
}

/// The confirmation the roundtable page shows after the outcome form sent
/// the chair there (`?outcome=saved|published|withdrawn`): only to those
/// who may write the outcome, and only when it says what the outcome is.
pub fn outcome_notice(raw: Option<&str>, page: &RoundtablePage, lang: Language) -> Option<String> {
    let status = page.outcome.as_ref().map(|o| o.status);
    if !page.may_moderate {
        return None;
    }
    let key = match (raw?, status?) {
        ("saved", OutcomeStatus::Draft) => "pages-outcome-notice-draft-saved",
        ("saved", OutcomeStatus::Published) => "pages-outcome-notice-changes-saved",
        ("published", OutcomeStatus::Published) => "pages-outcome-notice-published",
        ("withdrawn", OutcomeStatus::Draft) => "pages-outcome-notice-withdrawn",
        _ => return None,
    };
    let roundtable = page.detail.roundtable.full_title();
    Some(text(lang, key, &[("roundtable", roundtable.into())]))
}

/// Where the form leads once the outcome is saved: the roundtable's
/// outcome, with the confirmation of `done`.
pub fn saved_location(detail: &RoundtableDetail, done: &str) -> String {
    let (c, r) = (&detail.consultation.slug, &detail.roundtable.slug);
    format!("/c/{c}/{r}?outcome={done}#outcome")
}

#[derive(Serialize)]
struct SectionField {
    field: &'static str,
    kind: String,
    source: String,
    error: Option<String>,
}

/// A published comment as the editor lists it.
#[derive(Serialize)]
struct SourceView {
    reference: String,
    name: String,
    organisation: String,
    country: Option<String>,
    highlighted: bool,
    excerpt: String,
}

impl SourceView {
    fn new(c: &SourceComment, lang: Language) -> Self {
        Self {
            reference: c.reference.clone(),
            name: c.author.display_name.clone(),
            organisation: c.author.organisation.clone(),
            country: c
                .author
                .country
                .map(|country| labels::country(country, lang)),
            highlighted: c.highlighted,
            excerpt: c.excerpt.clone(),
        }
    }
}

/// One question's part of the form (or the part across the questions):
/// its fields, and the comments to cite beside them.
#[derive(Serialize)]
struct BlockView {
    /// Unique on the page: "question-2", "general".
    id: String,
    heading: String,
    sources_heading: String,
    fields: Vec<SectionField>,
    sources: Vec<SourceView>,
    /// The fields a "Cite" of this part writes into, by id, the one it
    /// prefers first.
    cite_fields: String,
}

#[derive(Serialize)]
pub struct OutcomeFormView {
    title: String,
    consultation: String,
    roundtable: String,
    roundtable_title: String,
    status: String,
    published: bool,
    /// The latest published version's number.
    version: Option<i32>,
    last_saved: Option<String>,
    pub revision: i32,
    summary: String,
    summary_error: Option<String>,
    blocks: Vec<BlockView>,
    /// Mistakes not tied to one field ("write at least one point").
    outcome_error: Option<String>,
    /// Every mistake, in the order of the fields, for the error summary.
    errors: Vec<(String, String)>,
    pub conflict: Option<String>,
    pub preview: Option<OutcomeDisplay>,
    /// What opening the form did (a citation added from coverage), and
    /// the field to bring into view.
    notice: Option<String>,
    focus_field: Option<&'static str>,
}

fn blocks(editor: &OutcomeEditor, lang: Language) -> Vec<BlockView> {
    let d = &editor.detail;
    let sources: HashMap<&'static str, &str> = form_sections(&d.questions)
        .into_iter()
        .zip(&editor.sections)
        .map(|((_, _, field), s)| (field, s.source.as_str()))
        .collect();
    let listed: HashMap<Option<usize>, &SectionSources> =
        editor.sources.iter().map(|s| (s.question, s)).collect();
    let mut blocks: Vec<BlockView> = Vec::new();
    for (question, kind, field) in form_sections(&d.questions) {
        let number = question.map(|q| q.number);
        let id = match number {
            Some(n) => format!("question-{n}"),
            None => "general".to_owned(),
        };
        if blocks.last().is_none_or(|b| b.id != id) {
            let comments = listed.get(&number).map_or(&[][..], |s| &s.comments[..]);
            let sources_heading = match number {
                Some(n) => text(
                    lang,
                    "pages-outcome-sources-question",
                    &[("number", n.into()), ("count", comments.len().into())],
                ),
                None => text(
                    lang,
                    "pages-outcome-sources-general",
                    &[("count", comments.len().into())],
                ),
            };
            blocks.push(BlockView {
                heading: question_heading(question, lang),
                sources_heading,
                fields: Vec::new(),
                sources: comments.iter().map(|c| SourceView::new(c, lang)).collect(),
                cite_fields: String::new(),
                id,
            });
        }
        let Some(block) = blocks.last_mut() else {
            continue;
        };
        block.fields.push(SectionField {
            field,
            kind: label(lang, "point", kind.code()),
            source: sources.get(field).copied().unwrap_or_default().to_owned(),
            error: None,
        });
        let fields: Vec<&str> = block.fields.iter().map(|f| f.field).collect();
        block.cite_fields = fields.join(" ");
    }
    // The introduction cites the comments listed across the questions.
    if let Some(general) = blocks.iter_mut().find(|b| b.id == "general") {
        general.cite_fields.push_str(" summary");
    }
    blocks
}

impl OutcomeFormView {
    pub fn new(editor: &OutcomeEditor, lang: Language) -> Self {
        let d = &editor.detail;
        let zone = d.consultation.time_zone;
        Self {
            title: text(
                lang,
                "moderation-outcome-title",
                &[("roundtable", d.roundtable.full_title().into())],
            ),
            consultation: d.consultation.slug.to_string(),
            roundtable: d.roundtable.slug.to_string(),
            roundtable_title: d.roundtable.full_title(),
            status: match &editor.record {
                Some(r) => label(lang, "outcome", r.status.code()),
                None => text(lang, "moderation-outcome-not-written", &[]),
            },
            version: editor.version,
            published: editor
                .record
                .as_ref()
                .is_some_and(|r| r.status == OutcomeStatus::Published),
            last_saved: editor.record.as_ref().map(|r| {
                let who = r
                    .updated_by
                    .clone()
                    .unwrap_or_else(|| text(lang, "moderation-outcome-former-account", &[]));
                format!("{who}, {}", date_time(r.updated_at, zone, lang))
            }),
            revision: editor.record.as_ref().map_or(0, |r| r.revision),
            summary: editor.summary.clone(),
            summary_error: None,
            blocks: blocks(editor, lang),
            outcome_error: None,
            errors: Vec::new(),
            conflict: None,
            preview: None,
            notice: None,
            focus_field: None,
        }
    }

    pub fn show_citation(&mut self, added: &AddedCitation, lang: Language) {
        let section = match added.question {
            Some(n) => text(lang, "coverage-cite-question", &[("number", n.into())]),
            None => text(lang, "coverage-cite-general", &[]),
        };
        let key = if added.already_cited {
            "coverage-cite-already"
        } else {
            "coverage-cite-added"
        };
        self.notice = Some(text(
            lang,
            key,
            &[
                ("reference", added.reference.clone().into()),
                ("section", section.into()),
            ],
        ));
        self.focus_field = Some(added.field);
    }

    fn fields_mut(&mut self) -> impl Iterator<Item = &mut SectionField> {
        self.blocks.iter_mut().flat_map(|b| b.fields.iter_mut())
    }

    /// Shows what the chair typed instead of what is stored.
    pub fn with_typed(mut self, form: &FormPairs) -> Self {
        self.summary = form.get("summary").to_owned();
        for section in self.fields_mut() {
            section.source = form.get(section.field).to_owned();
        }
        self
    }

    /// Each mistake beside its field, and all of them in the summary at the
    /// top, in the order of the fields.
    pub fn with_errors(mut self, errors: Vec<InvalidField>, lang: Language) -> Self {
        let join = |before: Option<String>, message: String| match before {
            Some(before) => Some(format!("{before} {message}")),
            None => Some(message),
        };
        for e in &errors {
            let message = say(lang, &e.message);
            let mut section = self.blocks.iter_mut().flat_map(|b| b.fields.iter_mut());
            if e.field == "summary" {
                self.summary_error = join(self.summary_error.take(), message);
            } else if let Some(section) = section.find(|s| s.field == e.field) {
                section.error = join(section.error.take(), message);
            } else {
                self.outcome_error = join(self.outcome_error.take(), message);
            }
        }
        let mut summary = Vec::new();
        if let Some(message) = &self.outcome_error {
            summary.push(("outcome-buttons".to_owned(), message.clone()));
        }
        if let Some(message) = &self.summary_error {
            summary.push(("summary".to_owned(), message.clone()));
        }
        for block in &self.blocks {
            for field in &block.fields {
                if let Some(message) = &field.error {
                    summary.push((field.field.to_owned(), message.clone()));
                }
            }
        }
        self.errors = summary;
        self
    }
}

/// The page that asks before a published outcome becomes a draft again.
#[derive(Serialize)]
pub struct WithdrawView {
    title: String,
    consultation: String,
    roundtable: String,
}

impl WithdrawView {
    pub fn new(detail: &RoundtableDetail, lang: Language) -> Self {
        Self {
            title: text(
                lang,
                "pages-outcome-withdraw-title",
                &[("roundtable", detail.roundtable.full_title().into())],
            ),
            consultation: detail.consultation.slug.to_string(),
            roundtable: detail.roundtable.slug.to_string(),
        }
    }
}
