//! Reading nearly free, never stale: a visitor's page and the public API
//! are kept (by this instance, a proxy, a browser) and served again only
//! while nothing they show has changed, on this instance or another one of
//! the same database. Compression by Accept-Encoding. Both backends.

use crate::helpers::*;
use crate::outcomes::{outcome_path, submit};
use crate::people::*;
use std::io::Read;
use std::time::Duration;

const RT_3_1: &str = "rt-3-1";
const RT_3_2: &str = "rt-3-2";

async fn get_with(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
}

/// A visitor's read on `app`, which must be a kept (public) answer.
async fn visitor_reads(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status().as_u16(), 200, "{path}");
    assert_eq!(
        header(&response, "cache-control").as_deref(),
        Some("public, no-cache"),
        "{path}"
    );
    response.text().await.unwrap()
}

#[tokio::test]
async fn visitors_pages_are_public_with_a_validator_and_no_cookie() {
    for app in TestApp::with_demo().spawn_each().await {
        let path = roundtable_path(RT_3_2);
        let first = app.get(&path).await;
        assert_eq!(first.status().as_u16(), 200);
        assert!(header(&first, "set-cookie").is_none(), "no form, no cookie");
        assert_eq!(header(&first, "cache-control").unwrap(), "public, no-cache");
        let vary = header(&first, "vary").unwrap();
        for varies in ["Accept-Encoding", "Accept-Language", "Cookie"] {
            assert!(vary.contains(varies), "{vary}");
        }
        let etag = header(&first, "etag").expect("a validator");
        assert!(etag.starts_with("W/\""), "{etag}");
        let body = first.text().await.unwrap();

        let again = get_with(&app, &path, &[("if-none-match", &etag)]).await;
        assert_eq!(again.status().as_u16(), 304);
        assert_eq!(header(&again, "etag").as_deref(), Some(etag.as_str()));
        assert!(again.bytes().await.unwrap().is_empty());
        let other = get_with(&app, &path, &[("if-none-match", "W/\"other\"")]).await;
        assert_eq!(other.status().as_u16(), 200);
        assert_eq!(other.text().await.unwrap(), body, "the same page, kept");

        // Each language is kept apart.
        let french = get_with(&app, &path, &[("accept-language", "fr")]).await;
        assert_ne!(header(&french, "etag").unwrap(), etag);
        assert!(french.text().await.unwrap().contains("lang=\"fr\""));

        // A page with a form carries the visitor's anti-forgery token: only
        // for this visitor, with its cookie.
        let sign_in = app.get("/sign-in").await;
        assert!(header(&sign_in, "set-cookie").unwrap().contains("rt_csrf="));
        assert_eq!(
            header(&sign_in, "cache-control").unwrap(),
            "private, no-store"
        );
        assert!(header(&sign_in, "etag").is_none());

        // A forged anti-forgery cookie (one the page would print escaped)
        // is replaced, and the page stays this visitor's alone.
        let forged = get_with(&app, "/sign-in", &[("cookie", "rt_csrf=a%26b")]).await;
        assert_eq!(
            header(&forged, "cache-control").unwrap(),
            "private, no-store"
        );
        let fresh = header(&forged, "set-cookie").expect("a token of ours instead");
        assert!(
            !fresh.contains("a%26b") && !fresh.contains("a&b"),
            "{fresh}"
        );
        let next = app.get("/sign-in").await;
        assert!(header(&next, "set-cookie").unwrap().contains("rt_csrf="));
        assert!(!next.text().await.unwrap().contains("a&amp;b"));

        // Nobody keeps a signed-in reader's page.
        let mut reader = participant(&app, "Rita Reader").await;
        let response = reader
            .browser
            .client
            .get(format!("{}{path}", reader.browser.base))
            .send()
            .await
            .unwrap();
        assert_eq!(
            header(&response, "cache-control").unwrap(),
            "private, no-store"
        );
        assert!(response.text().await.unwrap().contains("Rita Reader"));
        // ...nor is a visitor served what was made for them.
        assert!(!app
            .get(&path)
            .await
            .text()
            .await
            .unwrap()
            .contains("Rita Reader"));

        let api = app
            .get(&format!(
                "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/comments"
            ))
            .await;
        assert_eq!(header(&api, "cache-control").unwrap(), "public, no-cache");
        assert!(header(&api, "etag").is_some());
        let (status, _) = reader.browser.get("/account").await;
        assert_eq!(status, 200);
    }
}

fn gunzip(bytes: &[u8]) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .expect("gzip");
    text
}

fn unbrotli(bytes: &[u8]) -> String {
    let mut text = String::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_string(&mut text)
        .expect("brotli");
    text
}

#[tokio::test]
async fn answers_are_compressed_as_the_client_accepts_and_head_has_no_body() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut chair = chair(&app, "Carl Chair", RT_3_2).await;
        let page = roundtable_path(RT_3_2);
        let api = format!("/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/comments");
        let export = format!("/c/{FORUM}/{RT_3_2}/export?format=csv");
        let (_, html) = app.get_text(&page).await;
        let start = html
            .find(r#"<link rel="stylesheet" href=""#)
            .expect("a stylesheet")
            + 29;
        let stylesheet = html[start..start + html[start..].find('"').unwrap()].to_owned();
        for path in [page.as_str(), api.as_str(), stylesheet.as_str()] {
            let plain = app.get(path).await;
            assert!(header(&plain, "content-encoding").is_none(), "{path}");
            let plain = plain.text().await.unwrap();
            // Twice each: the first answer is made, the second kept.
            for _ in 0..2 {
                let zipped = get_with(&app, path, &[("accept-encoding", "gzip")]).await;
                assert_eq!(
                    header(&zipped, "content-encoding").as_deref(),
                    Some("gzip"),
                    "{path}"
                );
                let bytes = zipped.bytes().await.unwrap();
                assert!(
                    bytes.len() < plain.len() / 2,
                    "{path}: {} of {}",
                    bytes.len(),
                    plain.len()
                );
                assert_eq!(gunzip(&bytes), plain, "{path}");
                let brotli = get_with(&app, path, &[("accept-encoding", "gzip, br")]).await;
                assert_eq!(
                    header(&brotli, "content-encoding").as_deref(),
                    Some("br"),
                    "{path}"
                );
                assert_eq!(unbrotli(&brotli.bytes().await.unwrap()), plain, "{path}");
            }
            let preferring_identity =
                get_with(&app, path, &[("accept-encoding", "identity, gzip;q=0")]).await;
            assert!(
                header(&preferring_identity, "content-encoding").is_none(),
                "{path}"
            );
        }

        // A signed-in page and a streamed export are compressed on the way out.
        let signed_in = chair
            .browser
            .client
            .get(format!("{}{page}", chair.browser.base))
            .header("accept-encoding", "br")
            .send()
            .await
            .unwrap();
        assert_eq!(
            header(&signed_in, "content-encoding").as_deref(),
            Some("br")
        );
        assert!(unbrotli(&signed_in.bytes().await.unwrap()).contains("Carl Chair"));
        let csv = chair
            .browser
            .client
            .get(format!("{}{export}", chair.browser.base))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(csv.status().as_u16(), 200, "{export}");
        assert_eq!(header(&csv, "content-encoding").as_deref(), Some("gzip"));
        let csv = gunzip(&csv.bytes().await.unwrap());
        assert!(csv.lines().count() > 1, "a header and rows: {csv:.200}");
        let (status, _) = chair.browser.get("/moderation").await;
        assert_eq!(status, 200);

        // HEAD: GET's headers, no body, on a kept page too.
        let get = app.get(&page).await;
        let length = header(&get, "content-length").unwrap();
        let head = app.client.head(app.url(&page)).send().await.unwrap();
        assert_eq!(head.status().as_u16(), 200);
        assert_eq!(header(&head, "content-length").unwrap(), length);
        assert_eq!(header(&head, "etag"), header(&get, "etag"));
        assert!(head.bytes().await.unwrap().is_empty());
    }
}

/// Reads on the first instance and on a second one of the same database:
/// both must show `expected` (and not `gone`) after a change.
async fn both_show(
    first: &TestApp,
    second: &TestApp,
    path: &str,
    expected: &str,
    gone: Option<&str>,
) {
    for (which, app) in [("first", first), ("second", second)] {
        let page = visitor_reads(app, path).await;
        assert!(
            page.contains(expected),
            "{which} instance shows '{expected}' at {path}"
        );
        if let Some(gone) = gone {
            assert!(
                !page.contains(gone),
                "{which} instance no longer shows '{gone}' at {path}"
            );
        }
    }
}

#[tokio::test]
async fn a_kept_page_never_outlives_a_change_on_either_instance() {
    for first in TestApp::with_demo().spawn_each().await {
        let second = TestApp::empty().spawn_beside(&first).await;
        // The emails the changes cause are not this test's subject.
        first.expect_unsent();
        second.expect_unsent();
        let page = roundtable_path(RT_3_1);
        let mut author = participant(&first, "Petra Poster").await;
        let mut chair = chair(&first, "Carla Chair", RT_3_1).await;
        let words = "Municipal remittance matching funds deserve a pilot.";
        let reference = posted_reference(&post_comment(&mut author, RT_3_1, words, &[]).await);
        // Both instances keep the page without the waiting comment...
        for app in [&first, &second] {
            for _ in 0..2 {
                assert!(!visitor_reads(app, &page).await.contains(words));
            }
        }
        // ...and show it once it is published, on whichever instance.
        let (status, _) = decide(&mut chair, &[&reference], &[("action", "publish")]).await;
        assert!(status < 400, "published ({status})");
        both_show(&first, &second, &page, words, None).await;

        // An outcome published, then edited.
        let fields = |summary: &'static str, revision: &'static str| {
            vec![
                ("revision", revision),
                ("synthesis_1", summary),
                ("intent", "publish"),
            ]
        };
        let (status, _) = submit(
            &mut chair,
            RT_3_1,
            &fields("First synthesis of the day.", "0"),
        )
        .await;
        assert_eq!(status, 303, "{}", outcome_path(RT_3_1));
        both_show(&first, &second, &page, "First synthesis of the day.", None).await;
        let (status, _) = submit(
            &mut chair,
            RT_3_1,
            &fields("Second, corrected synthesis.", "1"),
        )
        .await;
        assert_eq!(status, 303);
        both_show(
            &first,
            &second,
            &page,
            "Second, corrected synthesis.",
            Some("First synthesis of the day."),
        )
        .await;

        // A roundtable renamed: its page, its consultation's page, the API.
        let api = format!("/api/v1/consultations/{FORUM}/roundtables/{RT_3_1}");
        let consultation = format!("/c/{FORUM}");
        for path in [&page, &api, &consultation] {
            visitor_reads(&first, path).await;
            visitor_reads(&second, path).await;
        }
        sql(
            &first,
            format!(
                "UPDATE roundtables SET title = 'Cities and diaspora, renamed' WHERE slug = '{RT_3_1}'"
            ),
        )
        .await;
        for path in [&page, &api, &consultation] {
            both_show(&first, &second, path, "Cities and diaspora, renamed", None).await;
        }
    }
}

#[tokio::test]
async fn a_kept_page_changes_when_its_comment_period_closes() {
    for first in TestApp::with_demo().spawn_each().await {
        let second = TestApp::empty().spawn_beside(&first).await;
        let page = roundtable_path(RT_3_2);
        let closes = chrono::Utc::now() + chrono::Duration::seconds(3);
        sql(
            &first,
            format!(
                "UPDATE roundtables SET comments_close_at = '{}' WHERE slug = '{RT_3_2}'",
                closes.naive_utc().format("%Y-%m-%d %H:%M:%S%.6f")
            ),
        )
        .await;
        for app in [&first, &second] {
            for _ in 0..2 {
                assert!(!visitor_reads(app, &page)
                    .await
                    .contains("Comments closed on"));
            }
        }
        let wait = (closes - chrono::Utc::now()).to_std().unwrap_or_default();
        tokio::time::sleep(wait + Duration::from_millis(200)).await;
        both_show(&first, &second, &page, "Comments closed on", None).await;
    }
}

/// Posting reads its roundtable from a per-instance cache: a change made
/// on another instance (or in plain SQL) is seen by the very next post.
#[tokio::test]
async fn a_post_reads_its_roundtable_as_it_is_now() {
    for first in TestApp::with_demo().spawn_each().await {
        let second = TestApp::empty().spawn_beside(&first).await;
        first.expect_unsent();
        second.expect_unsent();
        let mut author = participant(&first, "Paula Poster").await;
        let posted =
            post_comment(&mut author, RT_3_1, "Waiting for the chair, as usual.", &[]).await;
        assert_eq!(
            status_of(&first, &posted_reference(&posted)).await,
            "pending"
        );
        sql(
            &second,
            format!("UPDATE roundtables SET moderation_mode = 'post' WHERE slug = '{RT_3_1}'"),
        )
        .await;
        let posted = post_comment(&mut author, RT_3_1, "Published at once now.", &[]).await;
        assert_eq!(
            status_of(&first, &posted_reference(&posted)).await,
            "approved",
            "the post saw post-moderation"
        );
        sql(
            &second,
            format!(
                "UPDATE roundtables SET comments_close_at = '{}' WHERE slug = '{RT_3_1}'",
                (chrono::Utc::now() - chrono::Duration::seconds(1))
                    .naive_utc()
                    .format("%Y-%m-%d %H:%M:%S")
            ),
        )
        .await;
        let refused = post_comment(&mut author, RT_3_1, "Too late for this one.", &[]).await;
        assert!(refused.status().is_client_error(), "{}", refused.status());
    }
}
