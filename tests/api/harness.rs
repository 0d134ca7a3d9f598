//! The test harness itself: databases copied from one template per process,
//! and mail kept in memory.

use crate::helpers::*;
use crate::people::post_comment;
use chrono::{DateTime, Duration, Utc};
use diesel::{Connection, RunQueryDsl};
use roundtable::db::StorageError;
use roundtable::outbox::{self, OutgoingEmail};
use roundtable::text::SafeHtml;

async fn roundtable_json(app: &TestApp) -> serde_json::Value {
    let (status, json) = app
        .get_json(&format!(
            "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}"
        ))
        .await;
    assert_eq!(status, 200, "{json}");
    json
}

fn time(json: &serde_json::Value, field: &str) -> DateTime<Utc> {
    json[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} in {json}"))
        .parse()
        .unwrap()
}

async fn comments_by(app: &TestApp, name: &str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let name = name.to_owned();
    app.with_conn(move |c| {
        diesel::sql_query("SELECT count(*) AS n FROM comments WHERE author_name = $1")
            .bind::<diesel::sql_types::Text, _>(name)
            .get_result::<Count>(c)
            .unwrap()
            .n
    })
    .await
}

#[tokio::test]
async fn demo_apps_are_copies_of_one_template_and_keep_their_writes_apart() {
    for backend in backends() {
        let first = TestApp::with_demo().spawn(backend).await;
        let second = TestApp::with_demo().spawn(backend).await;
        let (one, two) = (
            roundtable_json(&first).await,
            roundtable_json(&second).await,
        );
        assert_eq!(one["id"], two["id"], "{backend:?}: one demo load, copied");

        // Copied minutes after loading, the demo's open roundtable is still
        // open, with days to spare on either side.
        assert_eq!(one["comment_period"], "open", "{one}");
        let now = Utc::now();
        assert!(time(&one, "comments_open_at") < now - Duration::days(7));
        assert!(time(&one, "comments_close_at") > now + Duration::days(7));

        let rt = first
            .with_conn(|c| crate::fixtures::roundtable_id(c, FORUM, RT_3_2))
            .await;
        first
            .with_conn(move |c| {
                crate::fixtures::add_comment(
                    c,
                    rt,
                    None,
                    roundtable::domain::comment::CommentStatus::Approved,
                    "Only In The First",
                    "Written to the first copy only.",
                )
            })
            .await;
        assert_eq!(comments_by(&first, "Only In The First").await, 1);
        assert_eq!(comments_by(&second, "Only In The First").await, 0);
    }
}

#[tokio::test]
async fn empty_apps_are_migrated_and_hold_nothing() {
    for app in TestApp::empty().spawn_each().await {
        let (status, list) = app.get_json("/api/v1/consultations").await;
        assert_eq!(status, 200);
        assert_eq!(list["items"].as_array().unwrap().len(), 0, "{list}");
        let columns = app
            .with_conn(|c| roundtable::db::table_columns(c).unwrap())
            .await;
        assert!(columns.iter().any(|(table, _, _)| table == "email_outbox"));
    }
}

async fn enqueue_one(app: &TestApp, subject: &str) {
    let email = OutgoingEmail {
        kind: "test".into(),
        recipient: "amina@example.org".into(),
        subject: subject.into(),
        body_text: "Plain text".into(),
        body_html: SafeHtml::from_escaped_template("<p>HTML</p>".into()),
        headers: vec![],
        dedup_key: None,
    };
    app.with_conn(move |c| {
        c.transaction::<_, StorageError, _>(|c| outbox::enqueue(c, &email, Utc::now()))
            .unwrap()
    })
    .await;
}

#[tokio::test]
async fn the_in_memory_mailer_keeps_what_the_outbox_sends() {
    for app in TestApp::empty().spawn_each().await {
        enqueue_one(&app, "Kept in memory").await;
        let sent = app.deliver_mail().await;
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].recipient, "amina@example.org");
        assert_eq!(sent[0].subject, "Kept in memory");
        assert!(sent[0].raw.contains("Subject: Kept in memory"));
        let counts = app.with_conn(|c| outbox::counts(c).unwrap()).await;
        assert_eq!(counts.pending, 0, "{counts:?}");
        assert_eq!(app.deliver_mail().await.len(), 1, "nothing sent twice");
    }
}

#[tokio::test]
async fn builder_people_sign_in_and_their_mail_is_kept_in_memory() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = app.with_participant("Amina Diallo").await;
        let mut chair = app.with_chair("Hana Chair", RT_3_2).await;
        let (status, page) = chair.browser.get("/account").await;
        assert_eq!(status, 200);
        assert!(page.contains("Hana Chair"), "the chair is signed in");
        let response = post_comment(&mut author, RT_3_2, "A comment for the chair", &[]).await;
        assert_eq!(
            response.status().as_u16(),
            303,
            "the participant is signed in"
        );
        let mails = app.deliver_mail().await;
        assert!(
            mails.iter().any(|m| m.recipient == chair.email),
            "the chair hears of the comment: {mails:?}"
        );
    }
}

#[tokio::test]
#[should_panic(expected = "left unsent in the outbox")]
async fn a_test_that_leaves_email_unsent_fails() {
    let app = TestApp::empty().spawn(Backend::Sqlite).await;
    enqueue_one(&app, "Never sent").await;
}

#[tokio::test]
async fn a_test_may_leave_email_unsent_when_it_says_so() {
    for app in TestApp::empty().spawn_each().await {
        enqueue_one(&app, "Left on purpose").await;
        app.expect_unsent();
    }
}
