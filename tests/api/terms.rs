//! The terms and privacy notice: readable by everyone, linked from the
//! registration form and every page's footer; staff preview and publish new
//! versions; each account records the version it accepted. Both backends.

use crate::accounts::registration;
use crate::helpers::*;
use crate::people::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};
use roundtable::domain::user::Role;

#[derive(QueryableByName)]
struct Accepted {
    #[diesel(sql_type = Nullable<Integer>)]
    consented_terms_version: Option<i32>,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

async fn accepted_version(app: &TestApp, email: &str) -> Option<i32> {
    let email = email.to_lowercase();
    app.with_conn(move |conn| {
        diesel::sql_query("SELECT consented_terms_version FROM users WHERE email_normalized = $1")
            .bind::<Text, _>(email)
            .get_result::<Accepted>(conn)
            .unwrap()
            .consented_terms_version
    })
    .await
}

async fn stored_versions(app: &TestApp) -> i64 {
    app.with_conn(|conn| {
        diesel::sql_query("SELECT COUNT(*) AS n FROM terms_versions")
            .get_result::<Count>(conn)
            .unwrap()
            .n
    })
    .await
}

async fn register(app: &TestApp, email: &str) {
    let mut visitor = app.browser();
    let (_, form) = visitor.get("/register").await;
    assert!(
        form.contains(r#"<a href="/terms" target="_blank" rel="noopener">Read the terms and privacy notice (opens in a new tab)</a>"#),
        "the form links the text it asks to accept"
    );
    let answer = visitor
        .post("/register", &registration(email, "Lena Novak"))
        .await;
    assert_eq!(answer.status().as_u16(), 200);
}

#[tokio::test]
async fn everyone_reads_the_terms_and_new_accounts_record_the_version_they_accepted() {
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        let (status, page) = app.get_text("/terms").await;
        assert_eq!(status, 200);
        assert!(page.contains("<h1>Terms and privacy</h1>"));
        assert!(page.contains("the organisers have not replaced it"));
        assert!(
            page.contains("<h2>What is published</h2>"),
            "Markdown rendered"
        );
        let (_, home) = app.get_text("/").await;
        assert!(
            home.contains(r#"<a href="/terms">Terms and privacy</a>"#),
            "in the footer"
        );
        assert_eq!(stored_versions(&app).await, 0, "reading stores nothing");

        register(&app, "lena@example.org").await;
        assert_eq!(accepted_version(&app, "lena@example.org").await, Some(1));
        assert_eq!(
            stored_versions(&app).await,
            1,
            "the shipped text, once accepted"
        );
        let (_, page) = app.get_text("/terms").await;
        assert!(
            page.contains("the organisers have not replaced it"),
            "still read as the shipped text once stored"
        );
    }
}

#[tokio::test]
async fn staff_preview_and_publish_a_new_version_and_mistakes_lose_nothing() {
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        register(&app, "first@example.org").await;
        let (status, _) = app.get_text("/admin/terms").await;
        assert_eq!(status, 401, "visitors sign in first");
        let mut participant = app.with_participant("Pia Participant").await;
        let (status, refused) = participant.browser.get("/admin/terms").await;
        assert_eq!(status, 403);
        assert!(refused.contains("Only staff edit the terms and privacy notice."));

        let mut staff = person_with(&app, "Sam Staff", Role::Staff, true).await;
        let (status, form) = staff.browser.get("/admin/terms").await;
        assert_eq!(status, 200);
        assert!(
            form.contains("## What is published"),
            "the text in force, to edit"
        );

        let empty = staff
            .browser
            .post("/admin/terms", &[("body", "  \n "), ("intent", "publish")])
            .await;
        assert_eq!(empty.status().as_u16(), 422);
        let empty = empty.text().await.unwrap();
        assert!(empty.contains("<title>Error: Terms and privacy notice"));
        assert!(empty.contains(r#"id="body-error""#));
        assert!(empty.contains("Write the terms before publishing them."));

        let text = "## Our terms\n\nBe kind to each other.";
        let preview = staff
            .browser
            .post("/admin/terms", &[("body", text), ("intent", "preview")])
            .await;
        assert_eq!(preview.status().as_u16(), 200);
        let preview = preview.text().await.unwrap();
        assert!(
            preview.contains("<h2>Our terms</h2>"),
            "shown as it will read"
        );
        assert!(
            preview.contains("## Our terms\n\nBe kind to each other.</textarea>"),
            "kept as typed"
        );
        assert_eq!(
            stored_versions(&app).await,
            1,
            "a preview or a mistake publishes nothing"
        );

        let unknown = staff
            .browser
            .post("/admin/terms", &[("body", text), ("intent", "save-as")])
            .await;
        assert_eq!(
            unknown.status().as_u16(),
            400,
            "no silent fallback to publishing"
        );

        let published = staff
            .browser
            .post("/admin/terms", &[("body", text), ("intent", "publish")])
            .await;
        assert_eq!(published.status().as_u16(), 303);
        let confirmation = published.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(confirmation, "/admin/terms?published=2");
        let (_, confirmed) = staff.browser.get(&confirmation).await;
        assert!(confirmed.contains("Version 2 is published."));
        // A long notice in French: far over actix's default form limit once encoded.
        let long = "## Conditions\n\nÉchanges, données, décisions.\n".repeat(700);
        let accepted = staff
            .browser
            .post("/admin/terms", &[("body", &long), ("intent", "preview")])
            .await;
        assert_eq!(accepted.status().as_u16(), 200, "{} characters", long.len());
        let too_long = "a".repeat(50_001);
        let refused = staff
            .browser
            .post(
                "/admin/terms",
                &[("body", &too_long), ("intent", "publish")],
            )
            .await;
        assert_eq!(refused.status().as_u16(), 422);
        assert!(refused
            .text()
            .await
            .unwrap()
            .contains("Keep it under 50,000 characters"));
        let (_, public) = app.get_text("/terms").await;
        assert!(
            public.contains("Be kind to each other.") && public.contains("Version 2, published on")
        );

        register(&app, "second@example.org").await;
        assert_eq!(accepted_version(&app, "second@example.org").await, Some(2));
        assert_eq!(
            accepted_version(&app, "first@example.org").await,
            Some(1),
            "kept"
        );
    }
}
