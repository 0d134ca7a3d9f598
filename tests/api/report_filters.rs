//! Filters by theme and relevance (issue 19) in the search (page and API)
//! and the digest exports return exactly the tagged or retained comments,
//! for chairs and staff; anyone else asking is told the filter is theirs
//! (422, next to the field). The marks' API answers as its document says.
//! Both backends.

use crate::comments_api::{send, token_of};
use crate::digests::{column, download, rows};
use crate::helpers::*;
use crate::openapi::{answer, Contract};
use crate::people::*;
use crate::relevance::comment_in;
use serde_json::json;

/// Four comments about heliotropes: A (Funding, retained), B (Funding, not
/// retained), C (published, nothing decided), D (pending, Funding).
async fn marked_comments(app: &TestApp, chair: &mut Person) -> [String; 4] {
    let mut author = participant(app, "Amina Diallo").await;
    let mut posted = Vec::new();
    for body in ["first", "second", "third", "still waiting"] {
        let body = format!("Heliotrope gardens, {body}");
        posted.push(posted_reference(
            &post_comment(&mut author, RT_3_2, &body, &[]).await,
        ));
    }
    let [a, b, c, d]: [String; 4] = posted.try_into().unwrap();
    let (status, _) = decide(chair, &[&a, &b, &c], &[("action", "publish")]).await;
    assert_eq!(status, 200);
    for (reference, theme, relevance) in
        [(&a, "Funding", "retained"), (&b, "funding", "not_retained")]
    {
        chair.browser.get(&format!("/moderation/{reference}")).await;
        let path = format!("/moderation/{reference}");
        chair
            .browser
            .post(&format!("{path}/themes"), &[("theme", theme)])
            .await;
        chair
            .browser
            .post(&format!("{path}/relevance"), &[("relevance", relevance)])
            .await;
    }
    chair
        .browser
        .post(&format!("/moderation/{d}/themes"), &[("theme", "Funding")])
        .await;
    [a, b, c, d]
}

/// The references a CSV export holds, sorted.
async fn exported(chair: &mut Person, export: &str, query: &str) -> Vec<String> {
    let (status, _, csv) = download(chair, &format!("{export}&{query}")).await;
    assert_eq!(status, 200, "{query}: {csv}");
    let (header, rows) = rows(&csv);
    let reference = column(&header, "Reference");
    sorted(rows.into_iter().map(|r| r[reference].clone()).collect())
}

fn sorted(mut references: Vec<String>) -> Vec<String> {
    references.sort();
    references
}

#[tokio::test]
async fn search_and_exports_keep_exactly_the_tagged_or_retained_comments() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let [a, b, c, d] = marked_comments(&app, &mut chair).await;
        let token = token_of(&mut chair, "Report tools").await;
        let found = |query: &'static str| {
            let (app, token) = (&app, token.clone());
            async move {
                let url = app.url(&format!("/api/v1/search?q=heliotrope&{query}"));
                let (status, body, _) = send(app.client.get(url).bearer_auth(token)).await;
                assert_eq!(status, 200, "{query}: {body}");
                let results = body["results"].as_array().unwrap().clone();
                assert_eq!(body["total"], results.len());
                sorted(
                    results
                        .iter()
                        .map(|r| r["reference"].as_str().unwrap().to_owned())
                        .collect(),
                )
            }
        };
        assert_eq!(
            found("").await,
            sorted(vec![a.clone(), b.clone(), c.clone(), d.clone()])
        );
        assert_eq!(
            found("theme=FUNDING").await,
            sorted(vec![a.clone(), b.clone(), d.clone()])
        );
        assert_eq!(found("relevance=retained").await, vec![a.clone()]);
        assert_eq!(found("relevance=not_retained").await, vec![b.clone()]);
        assert_eq!(found("relevance=undecided").await, vec![c.clone()]);
        assert_eq!(
            found("theme=funding&relevance=retained").await,
            vec![a.clone()]
        );
        assert!(found("theme=Jobs").await.is_empty());

        // The search page keeps the filter and shows the fields to chairs only.
        let (_, page) = chair
            .browser
            .get("/search?q=heliotrope&relevance=retained")
            .await;
        assert!(
            page.contains(&a) && !page.contains(&b) && !page.contains(&c),
            "{page}"
        );
        let select = page
            .split(r#"<select id="relevance""#)
            .nth(1)
            .unwrap_or_default();
        assert!(
            select.contains(r#"<option value="retained" selected>"#),
            "{select}"
        );
        let (_, page) = app.get_text("/search?q=heliotrope").await;
        assert!(!page.contains(r#"name="relevance""#));

        // Anyone else: 422, the field named, as the document says.
        let contract = Contract::of(&app).await;
        let got = answer(
            app.client
                .get(app.url("/api/v1/search?q=heliotrope&theme=Funding")),
        )
        .await;
        assert_eq!(got.status, 422, "{}", got.body);
        assert_eq!(got.body["invalid_params"][0]["name"], "theme");
        contract.check("/api/v1/search", "get", &got).unwrap();
        let (status, page) = app
            .get_text("/search?q=heliotrope&relevance=retained")
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("Only chairs and staff filter by theme or relevance."));
        let url = app.url("/api/v1/search?q=heliotrope&relevance=maybe");
        let (status, body, _) = send(app.client.get(url).bearer_auth(&token)).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["invalid_params"][0]["name"], "relevance");

        // The queue: what waits, with the theme.
        let mut other = participant(&app, "Eve Else").await;
        let untagged =
            posted_reference(&post_comment(&mut other, RT_3_2, "Heliotrope, untagged", &[]).await);
        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(queue.contains(&d) && queue.contains(&untagged));
        let (status, queue) = chair.browser.get("/moderation?theme=funding").await;
        assert_eq!(status, 200);
        assert!(queue.contains(&d) && !queue.contains(&untagged), "{queue}");
        assert!(queue.contains(r#"name="theme" maxlength="60" value="funding""#));
        let (_, queue) = chair
            .browser
            .get("/moderation?theme=funding&relevance=retained")
            .await;
        assert!(!queue.contains(&d), "a pending comment is never retained");
        let (status, _) = chair.browser.get("/moderation?relevance=maybe").await;
        assert_eq!(status, 422);

        // Exports: only published comments, those with the theme or the mark.
        let export = format!("/c/{FORUM}/{RT_3_2}/export?format=csv");
        assert_eq!(
            exported(&mut chair, &export, "theme=Funding").await,
            sorted(vec![a.clone(), b.clone()])
        );
        assert_eq!(
            exported(&mut chair, &export, "relevance=retained").await,
            vec![a.clone()]
        );
        // Each comment's themes and mark, in CSV and JSON.
        let (_, _, csv) = download(&mut chair, &format!("{export}&theme=Funding")).await;
        let (header, rows) = rows(&csv);
        let by = |name: &str, r: &Vec<String>| r[column(&header, name)].clone();
        let first = rows.iter().find(|r| by("Reference", r) == a).unwrap();
        assert_eq!(by("Themes", first), "Funding");
        assert_eq!(by("Retained for the report", first), "yes");
        let second = rows.iter().find(|r| by("Reference", r) == b).unwrap();
        assert_eq!(by("Retained for the report", second), "no");
        let json_export = format!("/c/{FORUM}/{RT_3_2}/export?format=json&relevance=retained");
        let (status, _, json) = download(&mut chair, &json_export).await;
        assert_eq!(status, 200);
        assert!(
            json.contains(r#""retained_for_report": true"#)
                || json.contains(r#""retained_for_report":true"#),
            "{json}"
        );
        assert!(json.contains("Funding"));
        let md_export = format!("/c/{FORUM}/{RT_3_2}/export?format=md&relevance=retained");
        let (_, _, markdown) = download(&mut chair, &md_export).await;
        assert!(
            markdown.contains("retained for the report · themes: Funding"),
            "{markdown}"
        );
        let undecided = exported(&mut chair, &export, "relevance=undecided&q=heliotrope").await;
        assert_eq!(undecided, vec![c.clone()]);
        let (status, _, page) = download(&mut chair, &format!("{export}&relevance=maybe")).await;
        assert_eq!(status, 422);
        assert!(page.contains("Choose “retained”, “not retained” or “undecided”."));
    }
}

#[tokio::test]
async fn the_marks_api_answers_as_its_document_says() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let reference = comment_in(&app, &mut chair, "Amina Diallo", true).await;
        let token = token_of(&mut chair, "Report tools").await;
        let contract = Contract::of(&app).await;
        let client = &app.client;
        let marks = format!("/api/v1/comments/{reference}/marks");
        let relevance = format!("/api/v1/comments/{reference}/relevance");
        let themes = format!("/api/v1/comments/{reference}/themes");
        let list = format!("/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/themes");
        let checks = [
            (
                "/api/v1/comments/{reference}/marks",
                "get",
                client.get(app.url(&marks)).bearer_auth(&token),
                200,
            ),
            (
                "/api/v1/comments/{reference}/marks",
                "get",
                client.get(app.url(&marks)),
                401,
            ),
            (
                "/api/v1/comments/{reference}/relevance",
                "put",
                client
                    .put(app.url(&relevance))
                    .bearer_auth(&token)
                    .json(&json!({ "relevance": "retained" })),
                200,
            ),
            (
                "/api/v1/comments/{reference}/relevance",
                "put",
                client
                    .put(app.url(&relevance))
                    .bearer_auth(&token)
                    .json(&json!({ "relevance": "" })),
                422,
            ),
            (
                "/api/v1/comments/{reference}/themes",
                "post",
                client
                    .post(app.url(&themes))
                    .bearer_auth(&token)
                    .json(&json!({ "label": "Funding" })),
                201,
            ),
            (
                "/api/v1/comments/{reference}/themes",
                "post",
                client
                    .post(app.url(&themes))
                    .bearer_auth(&token)
                    .json(&json!({ "label": 3 })),
                400,
            ),
            (
                "/api/v1/consultations/{consultation}/roundtables/{roundtable}/themes",
                "get",
                client.get(app.url(&list)).bearer_auth(&token),
                200,
            ),
            (
                "/api/v1/comments/{reference}/themes/{theme}",
                "delete",
                client
                    .delete(app.url(&format!("{themes}/nothing")))
                    .bearer_auth(&token),
                404,
            ),
        ];
        for (template, method, request, status) in checks {
            let got = answer(request).await;
            assert_eq!(got.status, status, "{method} {template}: {}", got.body);
            contract
                .check(template, method, &got)
                .unwrap_or_else(|e| panic!("{method} {template}: {e}"));
        }
        let listed = answer(client.get(app.url(&list)).bearer_auth(&token)).await;
        let id = listed.body["themes"][0]["id"].as_str().unwrap().to_owned();
        let got = answer(
            client
                .delete(app.url(&format!("{themes}/{id}")))
                .bearer_auth(&token),
        )
        .await;
        assert_eq!(got.status, 200, "{}", got.body);
        contract
            .check(
                "/api/v1/comments/{reference}/themes/{theme}",
                "delete",
                &got,
            )
            .unwrap();
    }
}

#[test]
fn the_export_command_filters_by_theme_and_relevance() {
    use diesel::connection::SimpleConnection;
    use diesel::Connection;
    let dir = tempfile::tempdir().unwrap();
    let run = crate::digests::command_line(dir.path());
    assert!(run(&["demo"]).status.success());
    // Two published comments of RT 3.2: the first retained and themed, the second not retained.
    let mut conn =
        diesel::SqliteConnection::establish(dir.path().join("roundtable.db").to_str().unwrap())
            .unwrap();
    conn.batch_execute(&format!(
        "CREATE TEMP TABLE chosen AS SELECT c.id, c.reference FROM comments c \
         JOIN roundtables r ON r.id = c.roundtable_id \
         WHERE r.slug = '{RT_3_2}' AND c.status = 'approved' ORDER BY c.path LIMIT 2;
         INSERT INTO comment_relevance (comment_id, retained, decided_at) \
           SELECT id, reference = (SELECT MIN(reference) FROM chosen), '2026-12-06 10:00:00' FROM chosen;
         INSERT INTO themes (id, roundtable_id, label, label_key, created_at) \
           SELECT '0190f000-0000-7000-8000-000000000001', r.id, 'Civic Space', 'civic space', '2026-12-06 10:00:00' \
           FROM roundtables r WHERE r.slug = '{RT_3_2}';
         INSERT INTO comment_themes (comment_id, theme_id, tagged_at) \
           SELECT id, '0190f000-0000-7000-8000-000000000001', '2026-12-06 10:00:00' FROM chosen \
           WHERE reference = (SELECT MIN(reference) FROM chosen);"
    ))
    .unwrap();
    drop(conn);
    let export = |name: &str, filter: &[&str]| {
        let file = dir.path().join(name);
        let mut args = vec!["export", "--consultation", FORUM, "--roundtable", RT_3_2];
        args.extend_from_slice(filter);
        args.extend_from_slice(&["--output", file.to_str().unwrap()]);
        let output = run(&args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let (header, all) = rows(&std::fs::read_to_string(&file).unwrap());
        let (reference, themes) = (column(&header, "Reference"), column(&header, "Themes"));
        all.into_iter()
            .map(|r| (r[reference].clone(), r[themes].clone()))
            .collect::<Vec<_>>()
    };
    let retained = export("retained.csv", &["--relevance", "retained"]);
    assert_eq!(retained.len(), 1, "{retained:?}");
    assert_eq!(retained[0].1, "Civic Space");
    assert_eq!(export("themed.csv", &["--theme", "CIVIC  space"]), retained);
    assert_eq!(export("not.csv", &["--relevance", "not_retained"]).len(), 1);
    let wrong = run(&["export", "--consultation", FORUM, "--relevance", "maybe"]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("“undecided”"));
}
