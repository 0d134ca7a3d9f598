//! Pages of a roundtable's threads. A thread (a first comment and all its
//! replies) is never split across pages, so that a reader always sees what
//! a reply answers. A page holds at most `THREADS_PER_PAGE` threads and, so
//! that a long conversation does not make a page heavy on a phone, stops
//! taking threads once `COMMENTS_PER_PAGE` comments are on it; one thread
//! longer than that has a page of its own.

use std::ops::Range;

pub const THREADS_PER_PAGE: usize = 20;
pub const COMMENTS_PER_PAGE: usize = 60;

/// The order of threads, by their first comment. Replies within a thread
/// always read oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThreadOrder {
    #[default]
    OldestFirst,
    NewestFirst,
}

impl ThreadOrder {
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

/// The threads on each page, as ranges of thread positions, given each
/// thread's number of comments in reading order. There is always at least
/// one page, empty when there are no threads.
pub fn page_ranges(thread_sizes: &[usize]) -> Vec<Range<usize>> {
    let mut pages = Vec::new();
    let (mut start, mut comments) = (0, 0);
    for (index, &size) in thread_sizes.iter().enumerate() {
        let threads = index - start;
        let full =
            threads == THREADS_PER_PAGE || (threads > 0 && comments + size > COMMENTS_PER_PAGE);
        if full {
            pages.push(start..index);
            (start, comments) = (index, 0);
        }
        comments += size;
    }
    pages.push(start..thread_sizes.len());
    pages
}

/// The page number (from 1) whose range holds thread `position`.
pub fn page_holding(pages: &[Range<usize>], position: usize) -> Option<usize> {
    pages
        .iter()
        .position(|range| range.contains(&position))
        .map(|index| index + 1)
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
    fn no_threads_make_one_empty_page() {
        assert_eq!(page_ranges(&[]), vec![0..0]);
    }

    #[test]
    fn single_comments_fill_pages_of_twenty() {
        let pages = page_ranges(&[1; 45]);
        assert_eq!(pages, vec![0..20, 20..40, 40..45]);
        assert_eq!(page_holding(&pages, 0), Some(1));
        assert_eq!(page_holding(&pages, 20), Some(2));
        assert_eq!(page_holding(&pages, 44), Some(3));
        assert_eq!(page_holding(&pages, 45), None);
    }

    #[test]
    fn a_page_stops_before_a_thread_that_would_take_it_over_the_comment_limit() {
        let pages = page_ranges(&[30, 25, 10, 1]);
        assert_eq!(pages, vec![0..2, 2..4]);
    }

    #[test]
    fn a_thread_longer_than_a_page_is_kept_whole_on_a_page_of_its_own() {
        let pages = page_ranges(&[1, 200, 1]);
        assert_eq!(pages, vec![0..1, 1..2, 2..3]);
    }

    #[test]
    fn every_thread_is_on_exactly_one_page() {
        let sizes: Vec<usize> = (0..300).map(|i| 1 + (i * 7) % 13).collect();
        let pages = page_ranges(&sizes);
        let covered: Vec<usize> = pages.iter().flat_map(|r| r.clone()).collect();
        assert_eq!(covered, (0..300).collect::<Vec<_>>());
        for range in &pages {
            let comments: usize = sizes[range.clone()].iter().sum();
            assert!(range.len() <= THREADS_PER_PAGE);
            assert!(comments <= COMMENTS_PER_PAGE || range.len() == 1);
        }
    }

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
        for order in [ThreadOrder::OldestFirst, ThreadOrder::NewestFirst] {
            assert_eq!(ThreadOrder::from_code(order.code()), Some(order));
        }
        assert_eq!(ThreadOrder::from_code("random"), None);
    }
}
