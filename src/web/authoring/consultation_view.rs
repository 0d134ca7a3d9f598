//! What the consultation's page shows: its fields as typed, its
//! roundtables, and the programme and resources with their forms.

use super::form::{choices, translated, Choice, Typed};
use super::time_zones::{zone_groups, ZoneGroup};
use crate::domain::authoring::{ConsultationInput, LANGUAGES};
use crate::domain::consultation::{ConsultationKind, ConsultationStatus};
use crate::services::authoring::ConsultationEditor;
use crate::text::SafeHtml;
use serde::Serialize;

#[derive(Serialize)]
struct RoundtableLine {
    slug: String,
    full_title: String,
    sub: bool,
}

#[derive(Serialize)]
pub(super) struct ConsultationFormView {
    title: String,
    action: String,
    existing: Option<String>,
    #[serde(flatten)]
    pub(super) typed: Typed,
    languages_checked: Vec<String>,
    online: bool,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    languages: Vec<Choice>,
    time_zones: Vec<ZoneGroup>,
    pub(super) preview_html: Option<SafeHtml>,
    roundtables: Vec<RoundtableLine>,
    pub(super) problem: Option<String>,
    /// What the last change did, in words.
    pub(super) notice: Option<String>,
    programme: Vec<EntryLine>,
    resources: Vec<EntryLine>,
    roundtable_choices: Vec<Choice>,
    resource_kinds: Vec<Choice>,
}

/// A programme item or resource as the list shows it.
#[derive(Serialize)]
struct EntryLine {
    id: String,
    text: String,
    detail: String,
    roundtable: Option<String>,
}

impl ConsultationFormView {
    pub(super) fn new(
        existing: Option<&ConsultationEditor>,
        typed: Typed,
        input: &ConsultationInput,
        lang: crate::i18n::Language,
    ) -> Self {
        Self {
            title: match existing {
                Some(e) => crate::i18n::text(
                    lang,
                    "admin-edit-title",
                    &[("title", e.consultation.title.as_str().into())],
                ),
                None => crate::i18n::text(lang, "admin-new-consultation-title", &[]),
            },
            action: match existing {
                Some(e) => format!("/admin/consultations/{}", e.consultation.slug),
                None => "/admin/consultations/new".into(),
            },
            existing: existing.map(|e| e.consultation.slug.to_string()),
            typed,
            languages_checked: input.languages.clone(),
            online: input.online,
            kinds: translated(lang, "kind", ConsultationKind::ALL.iter().map(|k| k.code())),
            statuses: translated(
                lang,
                "status",
                ConsultationStatus::ALL.iter().map(|s| s.code()),
            ),
            languages: choices(LANGUAGES),
            time_zones: zone_groups(&input.time_zone),
            preview_html: None,
            roundtables: existing
                .map(|e| {
                    let top: Vec<_> = e
                        .roundtables
                        .iter()
                        .filter(|r| r.parent_id.is_none())
                        .collect();
                    top.iter()
                        .flat_map(|parent| {
                            std::iter::once(*parent).chain(
                                e.roundtables
                                    .iter()
                                    .filter(|r| r.parent_id == Some(parent.id)),
                            )
                        })
                        .map(|r| RoundtableLine {
                            slug: r.slug.to_string(),
                            full_title: r.full_title(),
                            sub: r.parent_id.is_some(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            problem: None,
            notice: None,
            programme: existing
                .map(|e| {
                    e.programme
                        .iter()
                        .map(|item| EntryLine {
                            id: item.id.to_string(),
                            text: item.title.clone(),
                            detail: crate::web::format::time_range(
                                item.starts_at,
                                item.ends_at,
                                e.consultation.time_zone,
                                lang,
                            ),
                            roundtable: roundtable_title(e, item.roundtable_id),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            resources: existing
                .map(|e| {
                    e.resources
                        .iter()
                        .map(|r| EntryLine {
                            id: r.id.to_string(),
                            text: r.title.clone(),
                            detail: r.url.clone(),
                            roundtable: roundtable_title(e, r.roundtable_id),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            roundtable_choices: existing
                .map(|e| {
                    e.roundtables
                        .iter()
                        .map(|r| Choice {
                            value: r.slug.to_string(),
                            label: r.full_title(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            resource_kinds: translated(
                lang,
                "resource",
                crate::domain::roundtable::ResourceKind::ALL
                    .iter()
                    .map(|k| k.code()),
            ),
        }
    }
}

fn roundtable_title(
    e: &ConsultationEditor,
    id: Option<crate::domain::ids::RoundtableId>,
) -> Option<String> {
    id.and_then(|id| e.roundtables.iter().find(|r| r.id == id))
        .map(|r| r.full_title())
}

pub(super) fn typed_of(input: &ConsultationInput) -> Typed {
    let mut typed = Typed::default();
    for (name, value) in [
        ("title", &input.title),
        ("slug", &input.slug),
        ("summary", &input.summary),
        ("description", &input.description),
        ("kind", &input.kind),
        ("venue", &input.venue),
        ("starts_at", &input.starts_at),
        ("ends_at", &input.ends_at),
        ("time_zone", &input.time_zone),
        ("content_language", &input.content_language),
        ("status", &input.status),
        ("organisers", &input.organisers),
        ("partners", &input.partners),
        ("patrons", &input.patrons),
    ] {
        typed.values.insert(name.into(), value.clone());
    }
    typed
}
