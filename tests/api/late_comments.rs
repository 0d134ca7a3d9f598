//! Late comments (issue 19): a grace period after the deadline takes
//! comments marked late; the chairs decide whether each enters the report;
//! a deadline change needs a reason, is logged and shown.

use crate::helpers::*;
use crate::people::*;
use chrono::{Duration, Utc};
use diesel::prelude::*;
use roundtable::domain::user::Role;
use roundtable::services::authoring::{self, QuestionChange};

fn at(offset: Duration) -> String {
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
async fn late_rows(app: &TestApp) -> Vec<(String, Option<bool>)> {
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
async fn texts(app: &TestApp, query: &'static str) -> Vec<String> {
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

/// Saves RT 3.2 through the editor's service with its questions kept.
pub async fn save_rt32(
    app: &TestApp,
    staff: roundtable::domain::user::SignedInUser,
    edit: impl FnOnce(&mut roundtable::domain::authoring::RoundtableInput) + Send + 'static,
) -> Result<(), roundtable::services::ServiceError> {
    app.with_conn(move |conn| {
        let editor = authoring::roundtable_editor(conn, &staff, FORUM, Some(RT_3_2))?;
        let mut input = editor.input.clone();
        edit(&mut input);
        let changes: Vec<QuestionChange> = editor
            .questions
            .iter()
            .map(|q| QuestionChange {
                id: q.question.id.to_string(),
                text: q.question.text.clone(),
                position: None,
                action: roundtable::domain::authoring::QuestionAction::Keep,
            })
            .collect();
        authoring::save_roundtable(
            conn,
            &staff,
            FORUM,
            Some(RT_3_2),
            &input,
            &changes,
            "",
            Utc::now(),
        )
        .map(|_| ())
    })
    .await
}

pub async fn staff_user(app: &TestApp) -> (Person, roundtable::domain::user::SignedInUser) {
    let person = person_with(app, "Staff Member", Role::Staff, true).await;
    let mut user = crate::email_batching::signed_in(&person, "Staff Member");
    user.role = Role::Staff;
    (person, user)
}

#[tokio::test]
async fn a_cached_page_changes_when_the_grace_period_ends() {
    for app in TestApp::with_demo().spawn_each().await {
        sql(
            &app,
            format!(
                "UPDATE roundtables SET comments_close_at = '{}', grace_minutes = NULL",
                at(-Duration::days(400))
            ),
        )
        .await;
        sql(
            &app,
            "UPDATE roundtables SET starts_at = NULL, ends_at = NULL, comments_open_at = NULL"
                .to_owned(),
        )
        .await;
        sql(
            &app,
            "UPDATE consultations SET starts_at = NULL, ends_at = NULL".to_owned(),
        )
        .await;
        sql(&app, "DELETE FROM programme_items".to_owned()).await;
        let next = || async {
            app.with_conn(|conn| {
                roundtable::db::queries::content::next_scheduled_change(conn, Utc::now()).unwrap()
            })
            .await
        };
        assert_eq!(next().await, None, "nothing scheduled");
        deadline(&app, -Duration::hours(1), Some(120)).await;
        let end = next().await.expect("the grace period's end");
        let expected = Utc::now() + Duration::hours(1);
        assert!(
            (end - expected).num_seconds().abs() < 5,
            "{end} vs {expected}"
        );
    }
}

#[tokio::test]
async fn a_deadline_change_needs_a_reason_and_is_logged_and_shown() {
    for app in TestApp::with_demo().spawn_each().await {
        let (mut admin, staff) = staff_user(&app).await;
        let form = format!("/admin/consultations/{FORUM}/roundtables/{RT_3_2}");
        let (status, page) = admin.browser.get(&form).await;
        assert_eq!(status, 200);
        assert!(page.contains("Grace period after the deadline"));
        assert!(page.contains("Why the comment deadline changes"));
        let refused = admin
            .browser
            .post(
                &form,
                &[
                    ("title", "RT 3.2"),
                    ("grace_hours", "721"),
                    ("intent", "save"),
                ],
            )
            .await;
        assert_eq!(refused.status().as_u16(), 422);
        let page = refused.text().await.unwrap();
        assert!(
            page.contains(r#"id="grace_hours-error""#),
            "the message is beside the field"
        );
        assert!(page.contains("whole number of hours from 0 to 720"));
        assert!(page.contains(r#"value="721""#), "what was typed stays");
        let refused = save_rt32(&app, staff.clone(), |input| {
            input.comments_close_at = "2030-03-19T18:00".into();
        })
        .await;
        match refused {
            Err(roundtable::services::ServiceError::Invalid(field)) => {
                assert_eq!(field.field, "deadline_reason")
            }
            Err(roundtable::services::ServiceError::InvalidFields(fields)) => {
                fields_of(fields);
            }
            other => panic!("a change without a reason is refused: {other:?}"),
        }
        for bad in ["721", "-2", "a day"] {
            let refused = save_rt32(&app, staff.clone(), move |input| {
                input.grace_hours = bad.into();
            })
            .await;
            assert!(
                matches!(&refused, Err(roundtable::services::ServiceError::InvalidFields(f)) if f.iter().any(|f| f.field == "grace_hours")),
                "{bad}: {refused:?}"
            );
        }
        save_rt32(&app, staff.clone(), |input| {
            input.comments_close_at = "2030-03-19T18:00".into();
            input.deadline_reason = "Partners asked for two more weeks".into();
            input.grace_hours = "24".into();
        })
        .await
        .expect("with a reason, the change is saved");
        let reasons = texts(&app, "SELECT reason AS text FROM deadline_changes").await;
        assert_eq!(reasons, ["Partners asked for two more weeks"]);
        let audited = texts(
            &app,
            "SELECT action AS text FROM audit_log WHERE action = 'deadline_changed'",
        )
        .await;
        assert_eq!(audited.len(), 1);
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Deadline extended on"), "{page}");
        assert!(page.contains("19 March 2030"));
        assert!(page.contains("Partners asked for two more weeks"));
        assert!(page.contains("comments posted in the following 24 hours are marked late"));

        save_rt32(&app, staff.clone(), |input| {
            input.comments_close_at = "2030-03-12T18:00".into();
            input.deadline_reason = "The meeting moved".into();
        })
        .await
        .unwrap();
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Deadline brought forward on"));
        // Saving without changing the deadline needs no reason.
        save_rt32(&app, staff, |input| input.summary = "New summary".into())
            .await
            .expect("no reason needed");
    }
}

fn fields_of(fields: Vec<roundtable::domain::InvalidField>) {
    let names: Vec<&'static str> = fields.iter().map(|f| f.field).collect();
    assert!(names.contains(&"deadline_reason"), "{names:?}");
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
