//! Reading a roundtable's threads a page at a time: `?page=N` and
//! `?order=oldest|newest`, on top of `?question=`; `?comment=c-…` opens the
//! page that holds that comment, which is where every link to a comment
//! (its permalink, the return after posting) leads.

use super::reading::Reading;
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::thread::ThreadEntry;
use crate::domain::thread_pages::{page_holding, page_ranges, ThreadOrder};
use crate::domain::Message;
use crate::i18n::{text, Language};
use crate::web::error::WebError;
use crate::web::page_links::{page_link_views, PageLink};
use serde::Serialize;

/// Which page the reader asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageChoice {
    Number(usize),
    /// The page that holds the comment with this reference.
    Holding(String),
}

/// What the reader asked to see of the comments.
#[derive(Debug, Clone)]
pub struct Browsing {
    pub reading: Reading,
    pub order: ThreadOrder,
    pub page: PageChoice,
}

impl Browsing {
    /// The raw `order`, `page` and `comment` parameters, each optional.
    pub fn parse(
        reading: Reading,
        order: Option<&str>,
        page: Option<&str>,
        comment: Option<&str>,
    ) -> Result<Self, WebError> {
        let order = match order.map(str::trim) {
            None | Some("") => ThreadOrder::default(),
            Some(raw) => ThreadOrder::from_code(raw).ok_or_else(|| {
                WebError::invalid("order", Message::new("invalid-order").with("value", raw))
            })?,
        };
        let page = match (comment.map(str::trim), page.map(str::trim)) {
            (Some(reference), _) if !reference.is_empty() => {
                if !looks_like_a_reference(reference) {
                    let reason = Message::new("invalid-comment-reference").with("value", reference);
                    return Err(WebError::invalid("comment", reason));
                }
                PageChoice::Holding(reference.to_owned())
            }
            (_, None | Some("")) => PageChoice::Number(1),
            (_, Some(raw)) => match raw.parse::<usize>() {
                Ok(number) if number >= 1 => PageChoice::Number(number),
                _ => {
                    let reason = Message::new("invalid-page").with("value", raw);
                    return Err(WebError::invalid("page", reason));
                }
            },
        };
        Ok(Self {
            reading,
            order,
            page,
        })
    }
}

/// "c-" and a few letters or digits, as references are written.
fn looks_like_a_reference(raw: &str) -> bool {
    raw.strip_prefix("c-").is_some_and(|rest| {
        (4..=32).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// One of the orders the reader can choose.
#[derive(Serialize)]
pub struct OrderChoice {
    label: String,
    href: String,
    current: bool,
}

#[derive(Serialize)]
pub struct PagingView {
    pub current: usize,
    pub total: usize,
    /// "Page 2 of 5", or empty when there is one page.
    pub position: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub links: Vec<PageLink>,
    /// Why the comment asked for with `?comment=` is not on the page.
    pub not_shown: Option<String>,
    pub orders: Vec<OrderChoice>,
}

/// The entries of the page asked for, whole threads in the order asked
/// for, and the navigation between pages.
pub struct ShownPage<'a> {
    pub entries: Vec<&'a ThreadEntry>,
    pub paging: PagingView,
}

/// `base` is the roundtable page's path, which the page links start from.
pub fn show<'a>(
    threads: &'a [ThreadEntry],
    questions: &[GuidingQuestion],
    browsing: &Browsing,
    base: &str,
    lang: Language,
) -> Result<ShownPage<'a>, WebError> {
    let mut grouped = group_threads(browsing.reading.keep(threads, questions));
    if browsing.order == ThreadOrder::NewestFirst {
        grouped.reverse();
    }
    let sizes: Vec<usize> = grouped.iter().map(Vec::len).collect();
    let pages = page_ranges(&sizes);
    let current = match &browsing.page {
        PageChoice::Number(n) if *n <= pages.len() => *n,
        PageChoice::Number(_) => return Err(WebError::NotFound("missing-comments-page")),
        // A link to a comment this reader cannot see (withdrawn, not
        // published, or not published yet) opens the first page and says so.
        PageChoice::Holding(reference) => grouped
            .iter()
            .position(|thread| thread.iter().any(|e| &e.comment.reference == reference))
            .and_then(|position| page_holding(&pages, position))
            .unwrap_or(1),
    };
    let not_shown = match &browsing.page {
        PageChoice::Holding(reference)
            if !holds(&grouped[pages[current - 1].clone()], reference) =>
        {
            let args = [("reference", reference.as_str().into())];
            Some(text(lang, "pages-comment-not-shown", &args))
        }
        _ => None,
    };
    let range = pages[current - 1].clone();
    let entries = grouped.drain(range).flatten().collect();
    let mut paging = paging_view(browsing, base, current, pages.len(), lang);
    paging.not_shown = not_shown;
    Ok(ShownPage { entries, paging })
}

fn holds(threads: &[Vec<&ThreadEntry>], reference: &str) -> bool {
    threads
        .iter()
        .any(|thread| thread.iter().any(|e| e.comment.reference == reference))
}

/// Entries in path order, cut into threads at each first comment.
fn group_threads(entries: Vec<&ThreadEntry>) -> Vec<Vec<&ThreadEntry>> {
    let mut threads: Vec<Vec<&ThreadEntry>> = Vec::new();
    for entry in entries {
        match threads.last_mut() {
            Some(thread) if entry.comment.parent_id.is_some() => thread.push(entry),
            _ => threads.push(vec![entry]),
        }
    }
    threads
}

/// The address of a page of comments as read now, anchored at the comments.
fn page_href(browsing: &Browsing, base: &str, order: ThreadOrder, page: usize) -> String {
    let mut query = Vec::new();
    match browsing.reading {
        Reading::All => {}
        Reading::Question(n) => query.push(format!("question={n}")),
        Reading::General => query.push("question=general".to_owned()),
    }
    if order != ThreadOrder::default() {
        query.push(format!("order={}", order.code()));
    }
    if page > 1 {
        query.push(format!("page={page}"));
    }
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    format!("{base}{query}#comments-heading")
}

fn paging_view(
    browsing: &Browsing,
    base: &str,
    current: usize,
    total: usize,
    lang: Language,
) -> PagingView {
    let order = browsing.order;
    let href = |page: usize| page_href(browsing, base, order, page);
    let links = page_link_views(current, total, href);
    let orders = [ThreadOrder::OldestFirst, ThreadOrder::NewestFirst]
        .into_iter()
        .map(|choice| OrderChoice {
            label: text(lang, &format!("pages-order-{}", choice.code()), &[]),
            href: page_href(browsing, base, choice, 1),
            current: choice == order,
        })
        .collect();
    let position = if total > 1 {
        let args = [
            ("current", (current as i64).into()),
            ("total", (total as i64).into()),
        ];
        text(lang, "pages-paging-position", &args)
    } else {
        String::new()
    };
    PagingView {
        current,
        total,
        position,
        previous: (current > 1).then(|| href(current - 1)),
        next: (current < total).then(|| href(current + 1)),
        links,
        orders,
        not_shown: None,
    }
}
