//! What an attacker or a busy day sends, on both backends alike: control
//! characters, threads at the depth limit, simultaneous posts and
//! registrations, failed sign-ins, oversized bodies, and a bulk decision
//! with a mistake that must decide nothing.

use crate::comments_api::token_of;
use crate::fixtures::{add_comment, roundtable_id};
use crate::helpers::*;
use crate::people::*;
use roundtable::db::queries::{comments, users};
use roundtable::domain::comment::{CommentStatus, MAX_REPLY_DEPTH};
use serde_json::{json, Value};

fn comments_url(app: &TestApp) -> String {
    crate::comments_api::comments_url(app, RT_3_2)
}

async fn send(request: reqwest::RequestBuilder) -> (u16, Value) {
    let (status, body, _) = crate::comments_api::send(request).await;
    (status, body)
}

/// How many comments of RT 3.2 are stored, whatever their status.
async fn stored_comments(app: &TestApp) -> usize {
    app.with_conn(|conn| {
        let rt = roundtable_id(conn, FORUM, RT_3_2);
        comments::for_roundtable(conn, rt).unwrap().len()
    })
    .await
}

#[tokio::test]
async fn control_characters_are_refused_before_they_reach_the_database() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let backend = app.backend;
        // In an address: no page has such a name, no parameter such a value.
        for path in ["/c/%00", "/c/global%01forum", "/api/v1/consultations/%00"] {
            let (status, _) = app.get_text(path).await;
            assert_eq!(status, 404, "{path} on {backend:?}");
        }
        let (status, problem) = app.get_json("/api/v1/consultations?cursor=%00").await;
        assert_eq!(status, 400, "{problem} on {backend:?}");
        assert_eq!(problem["invalid_params"][0]["name"], "cursor");
        let (status, page) = app.get_text("/?lang=%07").await;
        assert_eq!(status, 400, "{backend:?}");
        assert!(page.contains("control character (U+0007)"), "{page}");

        // In the JSON API: 422 naming the field, and nothing stored.
        let mut author = participant(&app, "Amina Diallo").await;
        let token = token_of(&mut author, "Script").await;
        let before = stored_comments(&app).await;
        let client = reqwest::Client::new();
        for (body, field) in [
            (json!({ "body": "a\u{0}b" }), "body"),
            (json!({ "body": "fine", "parent": "c-\u{0}" }), "parent"),
            (
                json!({ "body": "fine", "language": "e\u{1b}n" }),
                "language",
            ),
        ] {
            let (status, problem) = send(
                client
                    .post(comments_url(&app))
                    .bearer_auth(&token)
                    .json(&body),
            )
            .await;
            assert_eq!(status, 422, "{body} on {backend:?}: {problem}");
            assert_eq!(problem["invalid_params"][0]["name"], field, "{problem}");
            assert!(problem["detail"]
                .as_str()
                .unwrap()
                .contains("invisible control character"));
        }
        assert_eq!(stored_comments(&app).await, before);
        // The router decodes the path: "/%61pi/" is the API too.
        let encoded = comments_url(&app).replace("/api/", "/%61pi/");
        let body = json!({ "body": "a\u{0}b" });
        let (status, problem) = send(client.post(encoded).bearer_auth(&token).json(&body)).await;
        assert_eq!(status, 422, "encoded path on {backend:?}: {problem}");
        assert_eq!(problem["invalid_params"][0]["name"], "body");
        assert_eq!(stored_comments(&app).await, before);
        // Tab, newline and carriage return are ordinary text.
        let (status, posted) = send(
            client
                .post(comments_url(&app))
                .bearer_auth(&token)
                .json(&json!({ "body": "First line\r\n\tindented second line" })),
        )
        .await;
        assert_eq!(status, 201, "{posted}");

        // In a form: the page says which field and that nothing was saved.
        let response = post_comment(&mut author, RT_3_2, "Pasted\u{c}text", &[]).await;
        assert_eq!(response.status().as_u16(), 422, "{backend:?}");
        let page = response.text().await.unwrap();
        assert!(page
            .contains("The field “Your comment” contains an invisible control character (U+000C)"));
        assert!(page.contains("Nothing was saved"));
        assert_eq!(stored_comments(&app).await, before + 1);

        let mut visitor = app.browser();
        visitor.get("/register").await;
        let response = visitor
            .post(
                "/register",
                &[
                    ("email", "eve@example.org"),
                    ("password", PASSWORD),
                    ("display_name", "Eve\u{0}"),
                    ("organisation", "Diaspora Link"),
                    ("organisation_type", "migrant_association"),
                    ("country", "SN"),
                    ("consent", "on"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422, "{backend:?}");
        let account = app
            .with_conn(|conn| users::credentials(conn, "eve@example.org").unwrap())
            .await;
        assert!(account.is_none(), "no account was created");
        for (email, path) in [
            ("eve\u{0}@example.org", "/sign-in"),
            ("a\u{0}@b.org", "/reset-password"),
        ] {
            visitor.get(path).await;
            let status = visitor
                .post(path, &[("email", email), ("password", "x")])
                .await
                .status()
                .as_u16();
            assert_eq!(status, 422, "{path} on {backend:?}");
        }
    }
}

#[tokio::test]
async fn replies_nest_down_to_the_limit_and_one_past_it_is_refused() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        // A published thread one level short of the limit.
        let deepest = app
            .with_conn(|conn| {
                let rt = roundtable_id(conn, FORUM, RT_3_2);
                let mut parent =
                    add_comment(conn, rt, None, CommentStatus::Approved, "Root", "Root");
                for depth in 1..MAX_REPLY_DEPTH {
                    let text = format!("Depth {depth}");
                    parent = add_comment(
                        conn,
                        rt,
                        Some(&parent),
                        CommentStatus::Approved,
                        "Deep",
                        &text,
                    );
                }
                comments::reference_of(conn, &parent.0.to_string())
                    .unwrap()
                    .unwrap()
            })
            .await;
        let mut author = participant(&app, "Amina Diallo").await;
        let token = token_of(&mut author, "Script").await;
        let reply = |body: &str, parent: &str| {
            let body = json!({ "body": body, "parent": parent });
            send(
                reqwest::Client::new()
                    .post(comments_url(&app))
                    .bearer_auth(&token)
                    .json(&body),
            )
        };
        let (status, at_limit) = reply("At the limit", &deepest).await;
        assert_eq!(status, 201, "{:?}: {at_limit}", app.backend);
        let at_limit_reference = at_limit["reference"].as_str().unwrap().to_owned();
        // Publish it, so that it may be answered.
        sql(
            &app,
            format!(
                "UPDATE comments SET status = 'approved' WHERE reference = '{at_limit_reference}'"
            ),
        )
        .await;
        let (status, problem) = reply("One too deep", &at_limit_reference).await;
        assert_eq!(status, 422, "{:?}: {problem}", app.backend);
        assert_eq!(problem["invalid_params"][0]["name"], "parent");
        assert!(problem["detail"]
            .as_str()
            .unwrap()
            .contains("at most 50 levels"));
    }
}

#[tokio::test]
async fn simultaneous_posts_and_registrations_stop_exactly_at_the_limit() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let token = token_of(&mut author, "Flood").await;
        let before = stored_comments(&app).await;
        let mut posts = tokio::task::JoinSet::new();
        for n in 0..60 {
            let request = reqwest::Client::new()
                .post(comments_url(&app))
                .bearer_auth(&token)
                .json(&json!({ "body": format!("Simultaneous comment {n}") }));
            posts.spawn(async move { request.send().await.unwrap().status().as_u16() });
        }
        let statuses = posts.join_all().await;
        let accepted = statuses.iter().filter(|s| **s == 201).count();
        let limited = statuses.iter().filter(|s| **s == 429).count();
        assert_eq!(
            (accepted, limited),
            (30, 30),
            "{:?}: {statuses:?}",
            app.backend
        );
        assert_eq!(stored_comments(&app).await, before + 30);

        let mut visitor = app.browser();
        visitor.get("/register").await;
        let mut registrations = tokio::task::JoinSet::new();
        for n in 0..20 {
            let (client, url, token) = (
                visitor.client.clone(),
                app.url("/register"),
                visitor.csrf_token.clone(),
            );
            registrations.spawn(async move {
                let email = format!("person{n}@example.org");
                let form = [
                    ("csrf_token", token.as_str()),
                    ("email", email.as_str()),
                    ("password", PASSWORD),
                    ("display_name", "Same Address"),
                    ("organisation", "Diaspora Link"),
                    ("organisation_type", "migrant_association"),
                    ("country", "SN"),
                    ("consent", "on"),
                ];
                let status = client.post(url).form(&form).send().await.unwrap().status();
                (email, status.as_u16())
            });
        }
        let outcomes = registrations.join_all().await;
        let refused = outcomes.iter().filter(|(_, s)| *s == 429).count();
        assert_eq!(refused, 10, "{:?}: {outcomes:?}", app.backend);
        let emails: Vec<String> = outcomes.into_iter().map(|(email, _)| email).collect();
        let created = app
            .with_conn(move |conn| {
                emails
                    .iter()
                    .filter(|e| users::credentials(conn, e).unwrap().is_some())
                    .count()
            })
            .await;
        assert_eq!(created, 10, "{:?}", app.backend);
    }
}

/// Failed attempts until the limit answers 429.
async fn failures_until_refused(app: &TestApp, email: &str) -> usize {
    let mut browser = app.browser();
    browser.get("/sign-in").await;
    for failures in 0..30 {
        let response = browser
            .post(
                "/sign-in",
                &[("email", email), ("password", "wrong wrong wrong")],
            )
            .await;
        match response.status().as_u16() {
            422 => continue,
            429 => return failures,
            other => panic!("unexpected {other}"),
        }
    }
    panic!("never refused")
}

#[tokio::test]
async fn a_known_and_an_unknown_address_are_refused_after_the_same_failures() {
    for app in TestApp::with_demo().spawn_each().await {
        let known = participant(&app, "Amina Diallo").await;
        for _ in 0..3 {
            let mut browser = app.browser();
            browser.get("/sign-in").await;
            let response = browser
                .post(
                    "/sign-in",
                    &[("email", &known.email), ("password", PASSWORD)],
                )
                .await;
            assert_eq!(response.status().as_u16(), 303, "signs in");
        }
        let for_known = failures_until_refused(&app, &known.email).await;
        let for_unknown = failures_until_refused(&app, "nobody@example.org").await;
        assert_eq!(for_known, for_unknown, "{:?}", app.backend);
        assert_eq!(for_known, 8);
    }
}

#[tokio::test]
async fn a_bulk_decision_with_a_mistake_keeps_every_choice_and_decides_nothing() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let mut references = Vec::new();
        for n in 0..3 {
            let response = post_comment(&mut author, RT_3_2, &format!("Off topic {n}"), &[]).await;
            references.push(posted_reference(&response));
        }
        let back = format!("/moderation?consultation={FORUM}");
        chair.browser.get(&back).await;
        let note = "Please keep to the guiding questions.";
        let ticked = [references[0].as_str(), references[2].as_str()];
        let mut form: Vec<(&str, &str)> = ticked.iter().map(|r| ("comment", *r)).collect();
        form.extend([
            ("action", "reject"),
            ("reason", ""),
            ("note", note),
            ("back", &back),
        ]);
        let response = chair.browser.post("/moderation/decide", &form).await;
        assert_eq!(response.status().as_u16(), 422, "{:?}", app.backend);
        let page = response.text().await.unwrap();
        for reference in &ticked {
            assert!(
                page.contains(&format!(r#"value="{reference}@"#))
                    && checkbox_checked(&page, reference),
                "{reference} still ticked"
            );
        }
        assert!(
            !checkbox_checked(&page, &references[1]),
            "not ticked before"
        );
        assert!(
            page.contains(r#"<option value="reject" selected>"#),
            "the decision is kept"
        );
        assert!(
            page.contains(&format!(">{note}</textarea>")),
            "the note is kept"
        );
        assert!(page.contains(r#"id="bulk-reason-error""#));
        for reference in &references {
            assert_eq!(status_of(&app, reference).await, "pending");
        }

        // A reason with "Publish" is a decision the chair did not mean.
        let (status, page) = decide(
            &mut chair,
            &ticked,
            &[("action", "publish"), ("reason", "spam")],
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains("A reason goes only with"));
        // No decision chosen: nothing falls back to one.
        let (status, page) = decide(&mut chair, &ticked, &[("action", "")]).await;
        assert_eq!(status, 422);
        assert!(page.contains("Choose a decision."));
        for reference in &references {
            assert_eq!(status_of(&app, reference).await, "pending");
        }
    }
}

fn checkbox_checked(page: &str, reference: &str) -> bool {
    page.split("<input")
        .filter(|input| input.contains(&format!(r#"value="{reference}@"#)))
        .any(|input| input.split('>').next().unwrap_or("").contains(" checked"))
}

#[tokio::test]
async fn deciding_on_another_roundtables_comment_is_forbidden_in_the_form_and_the_api() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut other_chair = chair(&app, "Omar Other", "rt-3-1").await;
        let reference = posted_reference(&post_comment(&mut author, RT_3_2, "Mine", &[]).await);
        let (status, _) = decide(&mut other_chair, &[&reference], &[("action", "publish")]).await;
        assert_eq!(status, 403, "{:?}", app.backend);
        let token = token_of(&mut other_chair, "Tools").await;
        let (status, problem) = send(
            reqwest::Client::new()
                .post(app.url(&format!("/api/v1/comments/{reference}/decisions")))
                .bearer_auth(&token)
                .json(&json!({ "action": "publish" })),
        )
        .await;
        assert_eq!(status, 403, "{problem}");
        assert_eq!(status_of(&app, &reference).await, "pending");
    }
}

#[tokio::test]
async fn oversized_bodies_get_413_whatever_reads_them() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        let token = token_of(&mut author, "Big").await;
        let before = stored_comments(&app).await;
        let huge = "x".repeat(10 * 1024 * 1024);
        let (status, problem) = send(
            reqwest::Client::new()
                .post(comments_url(&app))
                .bearer_auth(&token)
                .json(&json!({ "body": huge })),
        )
        .await;
        assert_eq!(status, 413, "{problem}");
        assert_eq!(problem["status"], 413);
        let response = post_comment(&mut author, RT_3_2, &huge, &[]).await;
        assert_eq!(response.status().as_u16(), 413, "{:?}", app.backend);
        assert_eq!(stored_comments(&app).await, before);
    }
}
