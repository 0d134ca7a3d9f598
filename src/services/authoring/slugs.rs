//! Slugs made from titles and kept unique, clear of the addresses' own words.

use crate::domain::authoring::slug_from_title;
use crate::domain::slug::Slug;
use crate::domain::InvalidField;
use crate::services::ServiceError;

/// Words the addresses use for pages of their own (/admin/consultations/new,
/// /c/{c}/export, /c/{c}/{r}/outcome …).
const RESERVED_SLUGS: &[&str] = &[
    "new",
    "export",
    "outcome",
    "audit",
    "comments",
    "calendar-ics",
    "feed-atom",
    "roundtables",
];

/// A free slug: the typed one (refused if taken) or one made from the
/// title, numbered if need be.
pub(super) fn choose_slug(
    typed: Option<Slug>,
    title: &str,
    taken: &mut dyn FnMut(&str) -> Result<bool, ServiceError>,
) -> Result<Slug, ServiceError> {
    if let Some(slug) = typed {
        if RESERVED_SLUGS.contains(&slug.as_str()) {
            return Err(InvalidField::new("slug", "invalid-slug-reserved")
                .with("slug", slug.as_str())
                .into());
        }
        if taken(slug.as_str())? {
            return Err(InvalidField::new("slug", "invalid-slug-taken")
                .with("slug", slug.as_str())
                .into());
        }
        return Ok(slug);
    }
    let mut base = slug_from_title(title);
    if RESERVED_SLUGS.contains(&base.as_str()) {
        base.push_str("-1");
    }
    for n in 1..1000 {
        let candidate = if n == 1 {
            base.clone()
        } else {
            let suffix = format!("-{n}");
            let cut = base.len().min(Slug::MAX_LEN - suffix.len());
            format!("{}{suffix}", base[..cut].trim_end_matches('-'))
        };
        if !taken(&candidate)? {
            return Ok(Slug::parse("slug", &candidate)?);
        }
    }
    Err(InvalidField::new("slug", "invalid-slug-exhausted").into())
}
