//! Pages of the chairs' queue: what waits, twenty items a page, oldest or
//! newest first. Decisions take items out of the queue while a chair works
//! through it, so a page number past the end means the last page, and the
//! confirmation of a decision goes where the decided item was.

/// Items on a page of the queue.
pub const QUEUE_PAGE_SIZE: usize = 20;

/// The queue is ordered by when each comment was posted.
pub use super::listing::ListOrder as QueueOrder;

/// How many pages `total` waiting items make; one (empty) when none wait.
pub fn page_count(total: usize) -> usize {
    total.div_ceil(QUEUE_PAGE_SIZE).max(1)
}

/// The page to show when `asked` was asked for and `total` items wait: the
/// last one when the queue has shrunk below it since the link was made.
pub fn page_to_show(asked: usize, total: usize) -> usize {
    asked.clamp(1, page_count(total))
}

/// How many items come before the first item of `page`.
pub fn offset(page: usize) -> usize {
    (page.max(1) - 1) * QUEUE_PAGE_SIZE
}

/// Where on a page the confirmation of a decision goes: before the first
/// item that came after the decided one in the queue's order, so that it
/// sits where the decided item was, with the next item after it. `keys`
/// are the page's items in the page's order; `decided` is the decided
/// item's key (when it was posted, then its id, as the queue sorts).
/// When the decided item came after the whole page and more pages follow,
/// it was not on this page: the confirmation goes first.
pub fn confirmation_slot<K: Ord>(
    keys: &[K],
    decided: &K,
    order: QueueOrder,
    more_pages: bool,
) -> usize {
    let slot = keys
        .iter()
        .take_while(|key| match order {
            QueueOrder::OldestFirst => *key < decided,
            QueueOrder::NewestFirst => *key > decided,
        })
        .count();
    if slot == keys.len() && more_pages {
        0
    } else {
        slot
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_hold_twenty_and_an_empty_queue_has_one_page() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(20), 1);
        assert_eq!(page_count(21), 2);
        assert_eq!(page_count(60), 3);
        assert_eq!(offset(1), 0);
        assert_eq!(offset(3), 40);
    }

    #[test]
    fn a_page_past_the_end_shows_the_last_one() {
        assert_eq!(page_to_show(3, 60), 3);
        assert_eq!(page_to_show(3, 40), 2, "the queue shrank");
        assert_eq!(page_to_show(9, 0), 1);
        assert_eq!(page_to_show(0, 60), 1);
    }

    #[test]
    fn the_confirmation_takes_the_decided_item_s_place() {
        // Oldest first: items 1, 2, 4, 5 remain after 3 was decided.
        let keys = [1, 2, 4, 5];
        let oldest = QueueOrder::OldestFirst;
        assert_eq!(confirmation_slot(&keys, &3, oldest, false), 2);
        assert_eq!(confirmation_slot(&keys, &0, oldest, false), 0);
        assert_eq!(confirmation_slot(&keys, &9, oldest, false), 4, "the last");
        assert_eq!(
            confirmation_slot(&keys, &9, oldest, true),
            0,
            "from another page: first"
        );
        // Newest first: 9, 7, 4, 2 remain after 5 was decided.
        let keys = [9, 7, 4, 2];
        let newest = QueueOrder::NewestFirst;
        assert_eq!(confirmation_slot(&keys, &5, newest, false), 2);
        assert_eq!(confirmation_slot(&keys, &10, newest, true), 0);
    }
}
