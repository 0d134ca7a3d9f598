//! The search page, the search boxes and `GET /api/v1/search` (issue 18),
//! on both backends: results with their matched words marked and pages
//! that keep every filter; mistakes next to their fields with what was
//! typed; FTS syntax that stays harmless; who sees which comments; the
//! API's answers and refusals as the OpenAPI document describes them.

use crate::comments_api::token_of;
use crate::fixtures::{add_comment, roundtable_id};
use crate::helpers::*;
use crate::openapi::{answer, Contract};
use crate::people::*;
use crate::search::post_in;
use roundtable::domain::comment::CommentStatus;

const SEARCH: &str = "/api/v1/search";

/// `count` published comments on RT 3.2 that share a word; their ids.
async fn published_about(app: &TestApp, word: &str, count: usize) {
    let word = word.to_owned();
    app.with_conn(move |conn| {
        let rt = roundtable_id(conn, FORUM, RT_3_2);
        for n in 0..count {
            let body = format!("Comment {n}: the {word} should guide our ships home.");
            add_comment(
                conn,
                rt,
                None,
                CommentStatus::Approved,
                "Lina Keeper",
                &body,
            );
        }
    })
    .await;
}

#[tokio::test]
async fn results_mark_the_words_found_and_their_pages_keep_every_filter() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        published_about(&app, "lighthouse", 21).await;

        let (status, form) = app.get_text("/search").await;
        assert_eq!(status, 200);
        assert!(form.contains(r#"<form method="get" action="/search""#));
        assert!(!form.contains("error-summary"), "no search, no mistake");
        assert!(!form.contains("results-heading"), "no search, no results");

        let filters = format!("q=Lighthouse&consultation={FORUM}&roundtable={RT_3_2}&country=SN");
        let (status, first) = app.get_text(&format!("/search?{filters}")).await;
        assert_eq!(status, 200, "{first}");
        assert!(first.contains("<mark>lighthouse</mark>"), "{first}");
        assert!(first.contains("21 comments match your search."));
        assert!(first.contains("Page 1 of 2"));
        assert!(first.contains("Lina Keeper, Test Association (Senegal)"));
        assert!(
            first.contains(r#"href="/comment/c-"#),
            "a link to each comment"
        );
        let next = format!("/search?{}&amp;page=2", filters.replace('&', "&amp;"));
        assert!(
            first.contains(&next),
            "the next page keeps the filters: {next}"
        );
        assert!(first.matches("<mark>").count() >= 20);
        assert!(
            first.contains(r#"<option value="rt-3-2" selected>"#),
            "the roundtable filter is offered once a consultation is chosen"
        );
        assert!(first.contains(r#"id="question""#), "and its questions");

        let (status, second) = app.get_text(&next.replace("&amp;", "&")).await;
        assert_eq!(status, 200);
        assert!(second.contains("Page 2 of 2"));
        assert_eq!(second.matches(r#"href="/comment/c-"#).count(), 1);
        assert!(second.contains(r#"rel="prev""#));

        let (_, elsewhere) = app.get_text("/search?q=lighthouse&country=FR").await;
        assert!(elsewhere.contains("No comment matches your search."));
    }
}

#[tokio::test]
async fn mistakes_come_back_next_to_their_fields_with_what_was_typed() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let long = "a".repeat(201);
        let cases: Vec<(String, &str, &str, &str)> = vec![
            // (query, field at fault, words of its message, what is kept)
            (
                "q=".into(),
                "q",
                "Type a word",
                r#"id="q" name="q" value="""#,
            ),
            (format!("q={long}"), "q", "201 characters long", &long),
            (
                "q=%22clean+water".into(),
                "q",
                "A quotation mark is not closed",
                r#"value="&quot;clean water""#,
            ),
            (
                "q=water&from=2026-13-45".into(),
                "from",
                "is not a date",
                r#"<input type="text" id="from" name="from" value="2026-13-45""#,
            ),
            (
                "q=water&consultation=nowhere".into(),
                "consultation",
                "There is no such consultation",
                r#"<option value="nowhere" selected>"#,
            ),
        ];
        for (query, field, message, kept) in &cases {
            let (status, html) = app.get_text(&format!("/search?{query}")).await;
            assert_eq!(status, 422, "{query}");
            assert!(html.contains("<title>Error:"), "{query}");
            assert!(html.contains(r#"class="error-summary" role="alert" tabindex="-1" autofocus"#));
            assert!(
                html.contains(&format!(r##"<a href="#{field}">"##)),
                "{query}"
            );
            assert!(html.contains(&format!(r#"id="{field}-error""#)), "{query}");
            assert!(html.contains(message), "{query}: {message}");
            assert!(html.contains(kept), "{query} keeps {kept}");
            assert!(!html.contains("results-heading"));
        }
        // Mistakes in two fields: both named, the text kept.
        let (status, html) = app
            .get_text("/search?q=water&from=tomorrow&to=2020-01-01&country=XX")
            .await;
        assert_eq!(status, 422);
        assert!(html.contains(r#"id="from-error""#) && html.contains(r#"id="country-error""#));
        assert!(html.contains(r#"value="water""#));
        assert!(html.contains(r#"<details class="filters" open>"#));
    }
}

#[tokio::test]
async fn full_text_syntax_typed_by_a_reader_is_only_words() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        published_about(&app, "lighthouse", 1).await;
        for typed in [
            "NEAR(lighthouse, ships)",
            "lighthou*",
            "body:lighthouse",
            "lighthouse OR ^ships",
            "lighthouse AND (NOT ships)",
            "{lighthouse}",
            "lighthouse & ships | !",
            "lighthouse'; DROP TABLE comments; --",
        ] {
            let q: String = url::form_urlencoded::byte_serialize(typed.as_bytes()).collect();
            let (status, html) = app.get_text(&format!("/search?q={q}")).await;
            assert_eq!(status, 200, "{typed}: {html}");
            let (status, body) = app.get_json(&format!("{SEARCH}?q={q}")).await;
            assert_eq!(status, 200, "{typed}: {body}");
        }
        for typed in ["*", "NEAR(", "col:", "\"\"", "-", "()"] {
            let q: String = url::form_urlencoded::byte_serialize(typed.as_bytes()).collect();
            let (status, _) = app.get_text(&format!("/search?q={q}")).await;
            assert!([200, 422].contains(&status), "{typed}: {status}");
            let (status, _) = app.get_json(&format!("{SEARCH}?q={q}")).await;
            assert!([200, 422].contains(&status), "{typed}: {status}");
        }
        let (_, found) = app.get_json(&format!("{SEARCH}?q=lighthouse")).await;
        assert_eq!(found["total"], 1, "the comments are still there");
    }
}

#[tokio::test]
async fn a_waiting_comment_is_found_by_its_chair_but_never_by_a_visitor() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let waiting = post_in(
            &mut author,
            RT_3_2,
            "en",
            "Quarantined zebras deserve scholarships.",
            &[],
        )
        .await;
        assert_eq!(status_of(&app, &waiting).await, "pending");

        let (status, html) = app.get_text("/search?q=zebras").await;
        assert_eq!(status, 200);
        assert!(!html.contains(&waiting), "a visitor does not find it");
        let (_, html) = author.browser.get("/search?q=zebras").await;
        assert!(!html.contains(&waiting), "nor does its author");
        let (status, html) = chair.browser.get("/search?q=zebras").await;
        assert_eq!(status, 200);
        assert!(
            html.contains(&format!(r#"href="/moderation/{waiting}""#)),
            "its chair finds it, linked to the queue: {html}"
        );
        assert!(html.contains("Awaiting the chair"), "with its status");

        let (_, visitor) = app.get_json(&format!("{SEARCH}?q=zebras")).await;
        assert_eq!(visitor["total"], 0);
        let session = chair
            .browser
            .client
            .get(app.url(&format!("{SEARCH}?q=zebras")))
            .send()
            .await
            .unwrap();
        assert_eq!(session.status().as_u16(), 200);
        let session: serde_json::Value = session.json().await.unwrap();
        assert_eq!(session["total"], 1, "the chair's session: {session}");
        assert_eq!(session["results"][0]["status"], "pending");
        let token = token_of(&mut chair, "search").await;
        let (status, by_token) = bearer_get(&app, &token, "zebras").await;
        assert_eq!(status, 200);
        assert_eq!(by_token["results"][0]["reference"], waiting.as_str());
        assert!(by_token["results"][0]["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/moderation/{waiting}")));
        let (status, refused) = bearer_get(&app, "rt_not-a-token", "zebras").await;
        assert_eq!(status, 401, "{refused}");
    }
}

async fn bearer_get(app: &TestApp, token: &str, q: &str) -> (u16, serde_json::Value) {
    let response = app
        .client
        .get(app.url(&format!("{SEARCH}?q={q}")))
        .header("Authorization", format!("Bearer {token}"))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_default())
}

#[tokio::test]
async fn the_api_answers_and_refuses_as_its_document_says() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        published_about(&app, "lighthouse R&D", 1).await;
        let contract = Contract::of(&app).await;
        let operation = contract.operation(SEARCH, "get");
        assert_eq!(operation["tags"][0], "search");

        let got = answer(app.client.get(app.url(&format!("{SEARCH}?q=lighthouse")))).await;
        assert_eq!(got.status, 200, "{}", got.body);
        contract.check(SEARCH, "get", &got).unwrap();
        let body = &got.body;
        assert_eq!(body["query"], "lighthouse");
        assert_eq!(body["total"], 1);
        assert_eq!(body["page"], 1);
        assert_eq!(body["pages"], 1);
        let found = &body["results"][0];
        assert_eq!(found["roundtable"]["slug"], RT_3_2);
        assert_eq!(found["consultation"]["slug"], FORUM);
        assert_eq!(found["author"]["name"], "Lina Keeper");
        assert_eq!(found["author"]["country"], "SN");
        assert_eq!(found["status"], "approved");
        assert!(found["url"].as_str().unwrap().starts_with(BASE_URL));
        assert!(found["excerpt"].as_str().unwrap().contains("lighthouse"));
        let html = found["excerpt_html"].as_str().unwrap();
        assert!(html.contains("<mark>lighthouse</mark>"), "{html}");
        assert!(html.contains("R&amp;D"), "the rest escaped: {html}");

        for (query, field) in [
            ("", "q"),
            ("q=", "q"),
            ("q=%22open", "q"),
            ("q=water&to=31-12-2026", "to"),
            ("q=water&consultation=nowhere", "consultation"),
            ("q=water&consultation=&roundtable=rt-3-2", "roundtable"),
            ("q=water&organisation_type=pirates", "organisation_type"),
        ] {
            let got = answer(app.client.get(app.url(&format!("{SEARCH}?{query}")))).await;
            assert_eq!(got.status, 422, "{query}: {}", got.body);
            assert_eq!(got.content_type, "application/problem+json");
            assert_eq!(got.body["invalid_params"][0]["name"], field, "{query}");
            contract.check(SEARCH, "get", &got).unwrap();
        }
        let long = "a".repeat(201);
        let got = answer(app.client.get(app.url(&format!("{SEARCH}?q={long}")))).await;
        assert_eq!(got.status, 422);
        for query in ["q=water&colour=blue", "q=water&page=0", "q=water&page=two"] {
            let got = answer(app.client.get(app.url(&format!("{SEARCH}?{query}")))).await;
            assert_eq!(got.status, 400, "{query}: {}", got.body);
            contract.check(SEARCH, "get", &got).unwrap();
        }
        assert!(contract.accepts_query(SEARCH, "q=water&page=2&country=SN"));
        assert!(!contract.accepts_query(SEARCH, "q=water&colour=blue"));
    }
}

#[tokio::test]
async fn consultation_and_roundtable_pages_offer_a_search_box() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let (_, consultation) = app.get_text(&format!("/c/{FORUM}")).await;
        assert!(consultation.contains(r#"class="search-box" role="search""#));
        assert!(consultation.contains(&format!(
            r#"<input type="hidden" name="consultation" value="{FORUM}">"#
        )));
        let (_, roundtable) = app.get_text(&format!("/c/{FORUM}/{RT_3_2}")).await;
        assert!(roundtable.contains(&format!(
            r#"<input type="hidden" name="roundtable" value="{RT_3_2}">"#
        )));
        assert!(roundtable.contains(r#"<select id="search-box-question" name="question">"#));
        assert!(
            roundtable.contains(r#"<a href="/search">Search</a>"#),
            "in the header"
        );
        let take_part = roundtable.find("take-part-now").unwrap();
        assert!(
            take_part < roundtable.find("search-box").unwrap(),
            "the main action first"
        );
    }
}
