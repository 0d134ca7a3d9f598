//! The links between the pages of a list (the roundtable's threads, the
//! chairs' queue): the first, the last and the neighbours of the current
//! page, with "…" for a gap.

use crate::domain::listing::page_links;
use serde::Serialize;

/// One link of a page navigation; no `href` for a gap.
#[derive(Serialize)]
pub struct PageLink {
    label: String,
    href: Option<String>,
    current: bool,
}

/// The links around page `current` of `total`, each address from `href`.
pub fn page_link_views(
    current: usize,
    total: usize,
    href: impl Fn(usize) -> String,
) -> Vec<PageLink> {
    page_links(current, total)
        .into_iter()
        .map(|link| match link {
            Some(n) => PageLink {
                label: n.to_string(),
                href: Some(href(n)),
                current: n == current,
            },
            None => PageLink {
                label: "…".to_owned(),
                href: None,
                current: false,
            },
        })
        .collect()
}
