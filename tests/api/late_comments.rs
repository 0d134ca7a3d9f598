//! Late comments (issue 19): a grace period after the deadline takes
//! comments marked late; the chairs decide whether each enters the report
//! (deadline changes: `deadline_changes.rs`).

use crate::helpers::*;
use crate::people::*;
use chrono::{Duration, Utc};
use diesel::prelude::*;

pub fn at(offset: Duration) -> String {
    (Utc::now() + offset)
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// RT 3.2's deadline `close` from now, with a grace period of `grace` minutes.
pub async fn deadline(app: &TestApp, close: Duration, grace: Option<i32>) {
    let grace = grace.map_or("NULL".to_owned(), |g| g.to_string());
    sql(
        app,
        format!(
            "UPDATE roundtables SET comments_close_at = '{}', grace_minutes = {grace} WHERE slug = '{RT_3_2}'",
            at(close)
        ),
    )
    .await;
}

#[derive(QueryableByName)]
struct LateRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    reference: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Bool>)]
    included: Option<bool>,
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = diesel::sql_types::Text)]
    text: String,
}

/// Late rows: (comment reference, decision).
pub async fn late_rows(app: &TestApp) -> Vec<(String, Option<bool>)> {
    app.with_conn(|conn| {
        diesel::sql_query(
            "SELECT c.reference AS reference, l.included AS included \
             FROM late_comments l JOIN comments c ON c.id = l.comment_id",
        )
        .load::<LateRow>(conn)
        .unwrap()
        .into_iter()
        .map(|r| (r.reference, r.included))
        .collect()
    })
    .await
}

/// One text column of every row `query` returns, as `text`.
pub async fn texts(app: &TestApp, query: &'static str) -> Vec<String> {
    app.with_conn(move |conn| {
        diesel::sql_query(query)
            .load::<Line>(conn)
            .unwrap()
            .into_iter()
            .map(|l| l.text)
            .collect()
    })
    .await
}

#[tokio::test]
async fn a_comment_in_the_grace_period_is_marked_late_and_after_it_refused() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        deadline(&app, Duration::hours(1), Some(24 * 60)).await;
        let (_, page) = author.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(
            page.contains("comments posted in the following 24 hours are marked late"),
            "the page states the grace period"
        );
        let on_time = post_comment(&mut author, RT_3_2, "Before the deadline", &[]).await;
        assert_eq!(on_time.status().as_u16(), 303);
        assert!(late_rows(&app).await.is_empty(), "on time is not late");

        deadline(&app, -Duration::hours(1), Some(24 * 60)).await;
        let (_, page) = author.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(
            page.contains("late comments are taken until"),
            "{:?}",
            app.backend
        );
        let (_, api) = app
            .get_json(&format!(
                "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}"
            ))
            .await;
        assert_eq!(api["comment_period"], "late", "{api}");
        let late = post_comment(&mut author, RT_3_2, "In the grace period", &[]).await;
        assert_eq!(late.status().as_u16(), 303, "posting stays open");
        let reference = posted_reference(&late);
        assert_eq!(late_rows(&app).await, [(reference.clone(), None)]);
        let (_, page) = author.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(page.contains(r#"<span class="tag late">Late</span>"#));

        deadline(&app, -Duration::hours(25), Some(24 * 60)).await;
        let refused = post_comment(&mut author, RT_3_2, "After the grace period", &[]).await;
        assert_eq!(refused.status().as_u16(), 409);
        assert!(refused.text().await.unwrap().contains("Comments closed on"));
        assert_eq!(late_rows(&app).await.len(), 1);
        app.deliver_mail().await;
    }
}

#[tokio::test]
async fn only_the_chairs_decide_and_each_decision_is_audited() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Samuel Owusu", RT_3_2).await;
        let mut other_chair = crate::people::chair(&app, "Other Chair", "rt-3-1").await;
        deadline(&app, -Duration::minutes(30), Some(60)).await;
        let late = post_comment(&mut author, RT_3_2, "Late but useful", &[]).await;
        let reference = posted_reference(&late);
        let path = format!("/moderation/{reference}/late");

        let (_, page) = chair.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Late — not decided yet"), "the chair sees it");
        assert!(page.contains("Include in the report"));
        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(queue.contains("Late but useful") && queue.contains("Late — not decided yet"));
        let (_, item) = chair.browser.get(&format!("/moderation/{reference}")).await;
        assert!(
            item.contains("Leave out of the report"),
            "decided beside the comment"
        );

        for (person, status) in [(&mut author, 403), (&mut other_chair, 403)] {
            person.browser.get("/account").await;
            let refused = person.browser.post(&path, &[("include", "yes")]).await;
            assert_eq!(refused.status().as_u16(), status);
        }
        let visitor = app.client.post(app.url(&path)).send().await.unwrap();
        assert!(visitor.status().is_client_error());
        assert_eq!(late_rows(&app).await, [(reference.clone(), None)]);

        let back = roundtable_path(RT_3_2);
        let hidden_back = format!(r#"<input type="hidden" name="back" value="{back}">"#);
        assert_eq!(
            page.matches(&hidden_back).count(),
            2,
            "the follow and late forms"
        );
        let included = chair
            .browser
            .post(&path, &[("include", "yes"), ("back", &back)])
            .await;
        assert_eq!(included.status().as_u16(), 200);
        let done = included.text().await.unwrap();
        assert!(done.contains("now enters the report"));
        assert!(done.contains(&format!(r#"href="{back}""#)), "the way back");
        assert_eq!(late_rows(&app).await, [(reference.clone(), Some(true))]);
        chair.browser.get(&roundtable_path(RT_3_2)).await;
        chair.browser.post(&path, &[("include", "no")]).await;
        assert_eq!(late_rows(&app).await, [(reference.clone(), Some(false))]);
        let actions = texts(
            &app,
            "SELECT action AS text FROM moderation_events WHERE action LIKE 'late_%' ORDER BY id",
        )
        .await;
        assert_eq!(actions, ["late_included", "late_left_out"]);

        // An on-time comment has no decision to take.
        deadline(&app, Duration::hours(1), None).await;
        let on_time = post_comment(&mut author, RT_3_2, "On time", &[]).await;
        let on_time = posted_reference(&on_time);
        let (_, queue) = chair.browser.get("/moderation?late=1").await;
        assert!(
            queue.contains("Late but useful"),
            "the late filter keeps it"
        );
        assert!(!queue.contains(&on_time), "and leaves the on-time one out");
        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(queue.contains(&on_time));
        chair.browser.get(&roundtable_path(RT_3_2)).await;
        let refused = chair
            .browser
            .post(
                &format!("/moderation/{on_time}/late"),
                &[("include", "yes")],
            )
            .await;
        assert_eq!(refused.status().as_u16(), 404);
        app.deliver_mail().await;
    }
}

#[tokio::test]
async fn a_late_comment_stays_out_of_the_report_until_a_chair_includes_it() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Samuel Owusu", RT_3_2).await;
        deadline(&app, -Duration::minutes(30), Some(60)).await;
        let late = post_comment(&mut author, RT_3_2, "A late but sound proposal", &[]).await;
        let reference = posted_reference(&late);
        sql(
            &app,
            format!("UPDATE comments SET status = 'approved', decided_at = '{}' WHERE reference = '{reference}'", at(Duration::zero())),
        )
        .await;
        let export = format!("/c/{FORUM}/{RT_3_2}/export");
        let citable = || async {
            app.with_conn(|conn| {
                let rt = roundtable::services::roundtables::roundtable_detail(conn, FORUM, RT_3_2)
                    .unwrap()
                    .roundtable
                    .id;
                roundtable::db::queries::outcomes::citable(conn, rt)
                    .unwrap()
                    .into_iter()
                    .map(|c| c.reference)
                    .collect::<Vec<_>>()
            })
            .await
        };
        assert!(!citable().await.contains(&reference), "not citable yet");
        let report = |body: String| body.contains("A late but sound proposal");

        let (status, _, markdown) =
            crate::digests::download(&mut chair, &format!("{export}?format=markdown")).await;
        assert_eq!(status, 200);
        assert!(
            !report(markdown.clone()),
            "undecided: left out of the report"
        );
        assert!(
            markdown.contains("1 late comment is not in the report"),
            "{markdown}"
        );
        let (_, _, csv) =
            crate::digests::download(&mut chair, &format!("{export}?format=csv")).await;
        assert!(report(csv.clone()), "tables list every comment");
        assert!(csv.contains("Late — not decided yet"));

        chair.browser.get(&roundtable_path(RT_3_2)).await;
        let path = format!("/moderation/{reference}/late");
        chair.browser.post(&path, &[("include", "no")]).await;
        let (_, _, html) =
            crate::digests::download(&mut chair, &format!("{export}?format=html")).await;
        assert!(!report(html.clone()), "left out: still out");
        let (_, _, csv) =
            crate::digests::download(&mut chair, &format!("{export}?format=csv")).await;
        assert!(csv.contains("Late — not in the report"));

        chair.browser.get(&roundtable_path(RT_3_2)).await;
        chair.browser.post(&path, &[("include", "yes")]).await;
        assert!(
            citable().await.contains(&reference),
            "citable once included"
        );
        for format in ["markdown", "html"] {
            let (_, _, body) =
                crate::digests::download(&mut chair, &format!("{export}?format={format}")).await;
            assert!(
                report(body.clone()),
                "{format}: included, it enters the report"
            );
            assert!(body.contains("Late — included by the chairs"), "{format}");
            assert!(
                !body.contains("late comment is not in the report"),
                "{format}"
            );
        }
        let (_, _, json) =
            crate::digests::download(&mut chair, &format!("{export}?format=json")).await;
        assert!(json.contains(r#""late":"included""#), "{json}");
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(
            page.contains(r#"<span class="tag late">Late</span>"#),
            "the public thread marks it"
        );
        app.deliver_mail().await;
    }
}
