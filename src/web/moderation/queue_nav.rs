//! Getting around the queue: what waits per roundtable (links that
//! filter), the order, and the pages, each link keeping the rest of the
//! place in the queue.

use super::address::QueueAt;
use crate::db::queries::queue::QueueRoundtable;
use crate::domain::queue_pages::QueueOrder;
use crate::i18n::{text, Language};
use crate::services::moderation::WaitingPlace;
use crate::web::page_links::{page_link_views, PageLink};
use serde::Serialize;

/// A roundtable as the queue names it: its code ("RT 3.2"), else its title.
pub(super) fn short_label(place: &QueueRoundtable) -> String {
    place
        .roundtable_code
        .clone()
        .unwrap_or_else(|| place.roundtable_title.clone())
}

/// A link of the navigation by roundtable, with how much waits there.
#[derive(Serialize)]
pub struct PlaceLink {
    label: String,
    waiting: i64,
    href: String,
    current: bool,
}

#[derive(Serialize)]
pub struct ConsultationPlaces {
    link: PlaceLink,
    roundtables: Vec<PlaceLink>,
}

#[derive(Serialize)]
pub struct PlacesView {
    everything: PlaceLink,
    consultations: Vec<ConsultationPlaces>,
}

/// What waits where, as links that filter the queue (in the same order);
/// none when everything waits in one roundtable.
pub(super) fn places_view(
    places: &[WaitingPlace],
    at: &QueueAt,
    lang: Language,
) -> Option<PlacesView> {
    let filtered = at.filter.consultation.is_some() || at.filter.roundtable.is_some();
    if places.len() < 2 && !filtered {
        return None;
    }
    let place_at = |consultation: Option<&str>, roundtable: Option<&str>| {
        let mut place = QueueAt {
            order: at.order,
            ..QueueAt::default()
        };
        place.filter.consultation = consultation.map(String::from);
        place.filter.roundtable = roundtable.map(String::from);
        place.address()
    };
    let mut consultations: Vec<ConsultationPlaces> = Vec::new();
    for WaitingPlace { place, waiting } in places {
        let roundtable = PlaceLink {
            label: short_label(place),
            waiting: *waiting,
            href: place_at(None, Some(&place.roundtable_id)),
            current: at.filter.roundtable.as_deref() == Some(&place.roundtable_id),
        };
        let slug = &place.consultation_slug;
        match consultations
            .iter_mut()
            .find(|c| c.link.href == place_at(Some(slug), None))
        {
            Some(group) => {
                group.link.waiting += waiting;
                group.roundtables.push(roundtable);
            }
            None => consultations.push(ConsultationPlaces {
                link: PlaceLink {
                    label: place.consultation_title.clone(),
                    waiting: *waiting,
                    href: place_at(Some(slug), None),
                    current: at.filter.consultation.as_deref() == Some(slug.as_str())
                        && at.filter.roundtable.is_none(),
                },
                roundtables: vec![roundtable],
            }),
        }
    }
    Some(PlacesView {
        everything: PlaceLink {
            label: text(lang, "moderation-queue-everything", &[]),
            waiting: places.iter().map(|p| p.waiting).sum(),
            href: place_at(None, None),
            current: !filtered,
        },
        consultations,
    })
}

#[derive(Serialize)]
pub struct OrderChoice {
    label: String,
    href: String,
    current: bool,
}

#[derive(Serialize)]
pub struct QueuePaging {
    /// "Page 2 of 3", or empty when there is one page.
    position: String,
    previous: Option<String>,
    next: Option<String>,
    links: Vec<PageLink>,
    orders: Vec<OrderChoice>,
}

pub(super) fn paging_view(at: &QueueAt, pages: usize, lang: Language) -> QueuePaging {
    let current = at.page;
    let href = |page: usize| at.on_page(page).address();
    let links = page_link_views(current, pages, href);
    let orders = [QueueOrder::OldestFirst, QueueOrder::NewestFirst]
        .into_iter()
        .map(|order| OrderChoice {
            label: text(
                lang,
                &format!("moderation-queue-order-{}", order.code()),
                &[],
            ),
            href: QueueAt {
                order,
                page: 1,
                ..at.clone()
            }
            .address(),
            current: order == at.order,
        })
        .collect();
    let position = match pages {
        1 => String::new(),
        _ => text(
            lang,
            "moderation-queue-position",
            &[
                ("current", (current as i64).into()),
                ("total", (pages as i64).into()),
            ],
        ),
    };
    QueuePaging {
        position,
        previous: (current > 1).then(|| href(current - 1)),
        next: (current < pages).then(|| href(current + 1)),
        links,
        orders,
    }
}
