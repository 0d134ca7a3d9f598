//! Pages of a roundtable's threads. A thread (a first comment and all its
//! replies) is never split across pages, so that a reader always sees what
//! a reply answers. A page holds at most `THREADS_PER_PAGE` threads and, so
//! that a long conversation does not make a page heavy on a phone, stops
//! taking threads once `COMMENTS_PER_PAGE` comments are on it; one thread
//! longer than that has a page of its own.

use std::ops::Range;

pub const THREADS_PER_PAGE: usize = 20;
pub const COMMENTS_PER_PAGE: usize = 60;

pub use super::listing::page_links;
/// Threads are ordered by their first comment; replies within a thread
/// always read oldest first.
pub use super::listing::ListOrder as ThreadOrder;

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
}
