//! A roundtable the size of a real one: its comments in pages that keep
//! threads whole, a light first page, and links to any comment that open
//! the page holding it.

use crate::helpers::*;
use chrono::{Duration, Utc};
use roundtable::services::demo;

const PAGE_BUDGET_BYTES: usize = 150 * 1024;

fn rt_3_2() -> String {
    format!("/c/{FORUM}/{RT_3_2}")
}

/// The references of the comments on a page, in their order.
fn references(html: &str) -> Vec<String> {
    html.match_indices(r#"" id="c-"#)
        .map(|(at, _)| {
            let start = at + r#"" id=""#.len();
            let end = start + html[start..].find('"').unwrap();
            html[start..end].to_owned()
        })
        .collect()
}

/// The depth class of each comment on a page, in order ("depth-0" starts a thread).
fn depths(html: &str) -> Vec<usize> {
    html.match_indices(r#"<li class="comment depth-"#)
        .map(|(at, text)| {
            let digit = &html[at + text.len()..at + text.len() + 1];
            digit.parse().unwrap()
        })
        .collect()
}

/// "Page 1 of 17" → 17.
fn page_count(html: &str) -> usize {
    let at = html.find(" · Page 1 of ").expect("the page position") + " · Page 1 of ".len();
    let digits: String = html[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap()
}

async fn with_a_thousand_more(app: &TestApp) {
    // Older than "now" so that comments posted by a test come last.
    let when = Utc::now() - Duration::hours(1);
    app.with_conn(move |conn| {
        demo::add_synthetic_comments(conn, FORUM, RT_3_2, 1000, when).unwrap()
    })
    .await;
}

/// Follows `/comment/c-…` and returns the page it leads to.
async fn follow_permalink(app: &TestApp, reference: &str) -> (String, String) {
    let response = app.get(&format!("/comment/{reference}")).await;
    assert_eq!(response.status().as_u16(), 303, "{reference}");
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let path = location.split('#').next().unwrap().to_owned();
    let (status, html) = app.get_text(&path).await;
    assert_eq!(status, 200, "{location}");
    (location, html)
}

#[tokio::test]
async fn a_thousand_comments_open_on_a_light_first_page_with_every_thread_whole() {
    for app in TestApp::with_demo().spawn_each().await {
        let (_, demo) = app.get_text(&rt_3_2()).await;
        let before = references(&demo).len();
        with_a_thousand_more(&app).await;
        let (status, first) = app.get_text(&rt_3_2()).await;
        assert_eq!(status, 200);
        eprintln!(
            "{:?}: first page of RT 3.2 with 1,000 more comments: {} bytes of HTML",
            app.backend,
            first.len()
        );
        assert!(
            first.len() < PAGE_BUDGET_BYTES,
            "{} bytes on the first page",
            first.len()
        );
        let pages = page_count(&first);
        assert!(pages > 10, "{pages} pages");

        let mut seen = Vec::new();
        for page in 1..=pages {
            let (status, html) = app.get_text(&format!("{}?page={page}", rt_3_2())).await;
            assert_eq!(status, 200, "page {page}");
            let depths = depths(&html);
            assert_eq!(depths.first(), Some(&0), "page {page} starts with a thread");
            assert!(depths.iter().filter(|d| **d == 0).count() <= 20);
            assert!(depths.len() <= 60 || depths.iter().filter(|d| **d == 0).count() == 1);
            seen.extend(references(&html));
        }
        let total = seen.len();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), total, "no comment is on two pages");
        assert_eq!(total, before + 1000, "every comment is on a page");

        let (status, _) = app
            .get_text(&format!("{}?page={}", rt_3_2(), pages + 1))
            .await;
        assert_eq!(status, 404);
    }
}

#[tokio::test]
async fn any_comment_s_permalink_opens_the_page_that_holds_it() {
    for app in TestApp::with_demo().spawn_each().await {
        with_a_thousand_more(&app).await;
        let (_, first) = app.get_text(&rt_3_2()).await;
        let pages = page_count(&first);
        let (_, last) = app.get_text(&format!("{}?page={pages}", rt_3_2())).await;
        let (_, middle) = app
            .get_text(&format!("{}?page={}", rt_3_2(), pages / 2))
            .await;
        let mut sample = Vec::new();
        for html in [&first, &middle, &last] {
            let on_page = references(html);
            sample.extend([on_page[0].clone(), on_page[on_page.len() - 1].clone()]);
            sample.push(on_page[on_page.len() / 2].clone());
        }
        for reference in &sample {
            let (location, html) = follow_permalink(&app, reference).await;
            assert!(
                location.ends_with(&format!("?comment={reference}#{reference}")),
                "{location}"
            );
            assert!(
                references(&html).contains(reference),
                "{reference} is on the page its permalink opens"
            );
        }
        // Newest first, the last page's comments open the first page.
        let newest = references(&last)[0].clone();
        let path = format!("{}?order=newest&comment={newest}", rt_3_2());
        let (status, html) = app.get_text(&path).await;
        assert_eq!(status, 200);
        assert!(html.contains("Page 1 of"), "{path} opens the first page");
        assert!(references(&html).contains(&newest));
    }
}

#[tokio::test]
async fn newest_first_reverses_the_threads_but_not_the_replies() {
    let app = TestApp::with_demo().spawn(Backend::Sqlite).await;
    with_a_thousand_more(&app).await;
    let (_, oldest) = app.get_text(&rt_3_2()).await;
    let pages = page_count(&oldest);
    let (_, last) = app.get_text(&format!("{}?page={pages}", rt_3_2())).await;
    let (_, newest) = app.get_text(&format!("{}?order=newest", rt_3_2())).await;
    let last_thread_started = depths(&last).iter().rposition(|d| *d == 0).unwrap();
    let last_thread = &references(&last)[last_thread_started..];
    assert_eq!(&references(&newest)[..last_thread.len()], last_thread);
    assert!(newest.contains(r#"<strong aria-current="true">Newest first</strong>"#));
    assert!(newest.contains(&format!(
        r#"href="{}?order=newest&amp;page=2#comments-heading" rel="next""#,
        rt_3_2()
    )));
}

#[tokio::test]
async fn a_wrong_page_order_or_comment_is_named_in_the_answer() {
    let app = TestApp::with_demo().spawn(Backend::Sqlite).await;
    let cases = [
        ("?page=0", 400, "'0' is not a page number"),
        ("?page=two", 400, "'two' is not a page number"),
        ("?page=-1", 400, "'-1' is not a page number"),
        ("?page=99999999999999999999999", 400, "is not a page number"),
        ("?page=9", 404, "fewer pages of comments"),
        (
            "?order=sideways",
            400,
            "'sideways' is not an order of comments",
        ),
        (
            "?comment=c-00000000",
            200,
            "Comment c-00000000 is not shown here",
        ),
        ("?question=9&page=1", 400, "is not one of this roundtable"),
        (
            "?comment=moved%2C+see+evil.example",
            400,
            "is not a comment reference",
        ),
    ];
    for (query, status, says) in cases {
        let (got, html) = app.get_text(&format!("{}{query}", rt_3_2())).await;
        assert_eq!(got, status, "{query}");
        let html = html.replace("&#x27;", "'");
        assert!(html.contains(says), "{query}: {html}");
    }
    // A link to a comment shows it whatever question filter came with it.
    let (_, general) = app
        .get_text(&format!("{}?question=general", rt_3_2()))
        .await;
    let untagged = references(&general)[0].clone();
    let (status, html) = app
        .get_text(&format!("{}?question=2&comment={untagged}", rt_3_2()))
        .await;
    assert_eq!(status, 200);
    assert!(references(&html).contains(&untagged));
    // A question's threads are paged too, and its links keep the question.
    let (status, html) = app
        .get_text(&format!("{}?question=2&page=1", rt_3_2()))
        .await;
    assert_eq!(status, 200);
    assert!(!references(&html).is_empty());
}
