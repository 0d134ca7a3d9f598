//! What every paged list shares (the roundtable's threads, the chairs'
//! queue): oldest or newest first, and which page numbers get a link.

/// The order of a list, by when each entry (a thread's first comment, a
/// waiting comment) was posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    #[default]
    OldestFirst,
    NewestFirst,
}

impl ListOrder {
    pub fn code(self) -> &'static str {
        match self {
            Self::OldestFirst => "oldest",
            Self::NewestFirst => "newest",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::OldestFirst, Self::NewestFirst]
            .into_iter()
            .find(|o| o.code() == code)
    }
}

/// The page numbers worth a link around `current` of `total`: the first,
/// the last, and two either side of the current one. `None` marks a gap.
pub fn page_links(current: usize, total: usize) -> Vec<Option<usize>> {
    let near = |n: usize| n == 1 || n == total || n.abs_diff(current) <= 2;
    let mut links = Vec::new();
    for n in 1..=total {
        if near(n) {
            links.push(Some(n));
        } else if links.last() != Some(&None) {
            links.push(None);
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_links_keep_the_ends_and_the_neighbourhood() {
        assert_eq!(page_links(1, 1), vec![Some(1)]);
        assert_eq!(
            page_links(6, 50),
            vec![
                Some(1),
                None,
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                None,
                Some(50)
            ]
        );
        assert_eq!(
            page_links(1, 5),
            vec![Some(1), Some(2), Some(3), None, Some(5)]
        );
    }

    #[test]
    fn orders_read_back_from_their_codes() {
        for order in [ListOrder::OldestFirst, ListOrder::NewestFirst] {
            assert_eq!(ListOrder::from_code(order.code()), Some(order));
        }
        assert_eq!(ListOrder::from_code("random"), None);
    }
}
