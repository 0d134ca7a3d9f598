//! What the outcome's version pages show.

use crate::domain::outcome::OutcomeKind;
use crate::domain::outcome_diff::{ItemChange, PartChanges, Span, SpanKind};
use crate::domain::outcome_version::VersionQuestion;
use crate::i18n::{text, Language};
use crate::services::outcome_versions::{text_of, Version, Versions};
use crate::text::SafeHtml;
use crate::web::format::day;
use serde::Serialize;

/// Where a roundtable's versions are, for every page.
#[derive(Serialize)]
struct Place {
    consultation: String,
    roundtable: String,
    roundtable_title: String,
    /// The outcome is withdrawn: only its chairs and staff read this.
    withdrawn: bool,
}

impl Place {
    fn of(versions: &Versions) -> Self {
        let d = &versions.detail;
        Self {
            consultation: d.consultation.slug.to_string(),
            roundtable: d.roundtable.slug.to_string(),
            roundtable_title: d.roundtable.full_title(),
            withdrawn: !versions.published,
        }
    }
}

#[derive(Serialize)]
struct VersionItem {
    number: i32,
    /// "Version 2, published on 6 December 2026".
    label: String,
    latest: bool,
}

fn stamp(version: &Version, versions: &Versions, lang: Language) -> String {
    let zone = versions.detail.consultation.time_zone;
    text(
        lang,
        "versions-stamp",
        &[
            ("version", version.number.into()),
            ("date", day(version.published_at, zone, lang).into()),
        ],
    )
}

fn items(versions: &Versions, lang: Language) -> Vec<VersionItem> {
    let latest = versions.versions.first().map(|v| v.number);
    versions
        .versions
        .iter()
        .map(|v| VersionItem {
            number: v.number,
            label: stamp(v, versions, lang),
            latest: Some(v.number) == latest,
        })
        .collect()
}

#[derive(Serialize)]
pub struct VersionListView {
    title: String,
    place: Place,
    versions: Vec<VersionItem>,
}

impl VersionListView {
    pub fn new(versions: &Versions, lang: Language) -> Self {
        let place = Place::of(versions);
        Self {
            title: text(
                lang,
                "versions-list-title",
                &[("roundtable", place.roundtable_title.as_str().into())],
            ),
            versions: items(versions, lang),
            place,
        }
    }
}

fn question_heading(question: Option<&VersionQuestion>, lang: Language) -> String {
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

#[derive(Serialize)]
struct SectionView {
    heading: String,
    synthesis: Vec<SafeHtml>,
    recommendations: Vec<SafeHtml>,
}

#[derive(Serialize)]
pub struct VersionView {
    title: String,
    place: Place,
    number: i32,
    stamp: String,
    fingerprint: String,
    latest: bool,
    summary_html: SafeHtml,
    sections: Vec<SectionView>,
    versions: Vec<VersionItem>,
}

impl VersionView {
    pub fn new(versions: &Versions, version: &Version, lang: Language) -> Self {
        let place = Place::of(versions);
        let shown = text_of(&version.content);
        Self {
            title: text(
                lang,
                "versions-one-title",
                &[
                    ("version", version.number.into()),
                    ("roundtable", place.roundtable_title.as_str().into()),
                ],
            ),
            place,
            number: version.number,
            stamp: stamp(version, versions, lang),
            fingerprint: format!("sha256:{}", version.fingerprint),
            latest: versions.versions.first().map(|v| v.number) == Some(version.number),
            summary_html: shown.summary_html,
            sections: shown
                .sections
                .into_iter()
                .map(|s| SectionView {
                    heading: question_heading(s.question.as_ref(), lang),
                    synthesis: s.synthesis,
                    recommendations: s.recommendations,
                })
                .collect(),
            versions: items(versions, lang),
        }
    }
}

#[derive(Serialize)]
struct ItemView {
    /// "same", "added", "removed" or "changed".
    change: &'static str,
    text: String,
    spans: Vec<Span>,
}

#[derive(Serialize)]
struct PartView {
    heading: String,
    items: Vec<ItemView>,
}

#[derive(Serialize)]
pub struct ChangesView {
    title: String,
    place: Place,
    from: i32,
    to: i32,
    from_stamp: String,
    to_stamp: String,
    parts: Vec<PartView>,
    versions: Vec<VersionItem>,
}

fn part_heading(part: &PartChanges, lang: Language) -> String {
    if part.introduction {
        return text(lang, "versions-introduction", &[]);
    }
    let kind = match part.kind {
        Some(OutcomeKind::Recommendation) => text(lang, "pages-outcome-recommendations", &[]),
        _ => text(lang, "pages-outcome-synthesis", &[]),
    };
    format!(
        "{} · {kind}",
        question_heading(part.question.as_ref(), lang)
    )
}

fn item_view(item: &ItemChange) -> ItemView {
    let plain = |change, text: &String| ItemView {
        change,
        text: text.clone(),
        spans: vec![],
    };
    match item {
        ItemChange::Same(t) => plain("same", t),
        ItemChange::Added(t) => plain("added", t),
        ItemChange::Removed(t) => plain("removed", t),
        ItemChange::Changed(spans) => ItemView {
            change: "changed",
            text: spans
                .iter()
                .filter(|s| s.kind != SpanKind::Removed)
                .map(|s| s.text.as_str())
                .collect(),
            spans: spans.clone(),
        },
    }
}

impl ChangesView {
    /// Only the parts that changed are shown, each in full so that a
    /// changed point reads in its place.
    pub fn new(
        versions: &Versions,
        from: i32,
        to: i32,
        parts: &[PartChanges],
        lang: Language,
    ) -> Self {
        let place = Place::of(versions);
        let stamp_of = |n: i32| {
            versions
                .find(n)
                .map(|v| stamp(v, versions, lang))
                .unwrap_or_default()
        };
        Self {
            title: text(
                lang,
                "versions-changes-title",
                &[
                    ("from", from.into()),
                    ("to", to.into()),
                    ("roundtable", place.roundtable_title.as_str().into()),
                ],
            ),
            place,
            from,
            to,
            from_stamp: stamp_of(from),
            to_stamp: stamp_of(to),
            parts: parts
                .iter()
                .filter(|p| p.changed())
                .map(|p| PartView {
                    heading: part_heading(p, lang),
                    items: p.items.iter().map(item_view).collect(),
                })
                .collect(),
            versions: items(versions, lang),
        }
    }
}
