//! Deadline changes (issue 19): a reason is required, the change is
//! logged, audited and shown; the grace period's end is a scheduled change
//! of the cached pages.

use crate::helpers::*;
use crate::late_comments::{at, deadline, late_rows, texts};
use crate::people::*;
use chrono::{Duration, Utc};
use roundtable::domain::user::Role;
use roundtable::services::authoring::{self, QuestionChange};
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

/// RT 3.2's comment deadline as stored.
async fn closes_at(app: &TestApp) -> Option<chrono::DateTime<Utc>> {
    app.with_conn(|conn| {
        roundtable::services::roundtables::roundtable_detail(conn, FORUM, RT_3_2)
            .unwrap()
            .roundtable
            .comment_period
            .closes_at
    })
    .await
}

/// `offset` from now as RT 3.2's editor shows a time (minutes, in the
/// consultation's zone).
async fn form_time(
    app: &TestApp,
    staff: &roundtable::domain::user::SignedInUser,
    offset: Duration,
) -> String {
    let staff = staff.clone();
    app.with_conn(move |conn| {
        let zone = authoring::roundtable_editor(conn, &staff, FORUM, Some(RT_3_2))
            .unwrap()
            .consultation
            .time_zone;
        roundtable::domain::authoring::local_input(Some(Utc::now() + offset), zone)
    })
    .await
}

#[tokio::test]
async fn saving_other_fields_leaves_a_deadline_with_seconds_alone() {
    for app in TestApp::with_demo().spawn_each().await {
        let (_, staff) = staff_user(&app).await;
        // The demo's "now+30d" first, then a deadline surely off the minute.
        for seeded in [None, Some("2030-03-05 17:59:42")] {
            if let Some(seeded) = seeded {
                sql(
                    &app,
                    format!(
                        "UPDATE roundtables SET comments_close_at = '{seeded}' WHERE slug = '{RT_3_2}'"
                    ),
                )
                .await;
            }
            let before = closes_at(&app).await.expect("RT 3.2 has a deadline");
            save_rt32(&app, staff.clone(), |input| {
                input.summary = "An edited summary".into();
            })
            .await
            .expect("no deadline change, so no reason needed");
            assert_eq!(closes_at(&app).await, Some(before), "kept exactly");
            let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
            assert!(page.contains("An edited summary"));
            assert!(!page.contains("Deadline brought forward on"), "{seeded:?}");
        }
        assert_eq!(
            closes_at(&app).await.map(|t| t.timestamp()),
            Some(1_898_963_982),
            "2030-03-05 17:59:42 UTC, seconds and all"
        );
        let logged = texts(&app, "SELECT reason AS text FROM deadline_changes").await;
        assert!(logged.is_empty(), "{logged:?}");
        let audited = texts(
            &app,
            "SELECT action AS text FROM audit_log WHERE action = 'deadline_changed'",
        )
        .await;
        assert!(audited.is_empty());
        let updated = texts(
            &app,
            "SELECT action AS text FROM audit_log WHERE action = 'roundtable_updated'",
        )
        .await;
        assert_eq!(updated.len(), 2, "the edits themselves are audited");

        // One minute later is a change, and needs its reason.
        let refused = save_rt32(&app, staff.clone(), |input| {
            let shown =
                chrono::NaiveDateTime::parse_from_str(&input.comments_close_at, "%Y-%m-%dT%H:%M")
                    .unwrap();
            input.comments_close_at = (shown + Duration::minutes(1))
                .format("%Y-%m-%dT%H:%M")
                .to_string();
        })
        .await;
        assert!(
            matches!(&refused, Err(roundtable::services::ServiceError::Invalid(f)) if f.field == "deadline_reason"),
            "{refused:?}"
        );
        app.deliver_mail().await;
    }
}

#[tokio::test]
async fn moving_the_deadline_past_late_comments_makes_them_on_time() {
    for app in TestApp::with_demo().spawn_each().await {
        let (_, staff) = staff_user(&app).await;
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Samuel Owusu", RT_3_2).await;
        deadline(&app, -Duration::hours(2), Some(24 * 60)).await;
        let earlier = post_comment(&mut author, RT_3_2, "An earlier late proposal", &[]).await;
        let earlier = posted_reference(&earlier);
        let later = post_comment(&mut author, RT_3_2, "A later late proposal", &[]).await;
        let later = posted_reference(&later);
        for (reference, posted) in [(&earlier, -90), (&later, -30)] {
            sql(
                &app,
                format!(
                    "UPDATE comments SET status = 'approved', decided_at = '{}', created_at = '{}' \
                     WHERE reference = '{reference}'",
                    at(Duration::zero()),
                    at(Duration::minutes(posted))
                ),
            )
            .await;
        }
        chair.browser.get(&roundtable_path(RT_3_2)).await;
        let left_out = chair
            .browser
            .post(&format!("/moderation/{earlier}/late"), &[("include", "no")])
            .await;
        assert_eq!(left_out.status().as_u16(), 200);
        let mut marked = late_rows(&app).await;
        marked.sort();
        let mut expected = vec![(earlier.clone(), Some(false)), (later.clone(), None)];
        expected.sort();
        assert_eq!(marked, expected);

        // Extended to an hour ago: between the two.
        let between = form_time(&app, &staff, -Duration::hours(1)).await;
        save_rt32(&app, staff.clone(), move |input| {
            input.comments_close_at = between;
            input.deadline_reason = "Late registrations".into();
        })
        .await
        .expect("extended");
        assert_eq!(
            late_rows(&app).await,
            [(later.clone(), None)],
            "the earlier one is on time now, its decision gone with its mark"
        );
        let export = format!("/c/{FORUM}/{RT_3_2}/export?format=markdown");
        let (status, _, report) = crate::digests::download(&mut chair, &export).await;
        assert_eq!(status, 200);
        assert!(report.contains("An earlier late proposal"), "{report}");
        assert!(!report.contains("A later late proposal"), "still late");
        assert!(report.contains("1 late comment is not in the report"));
        let cited = app
            .with_conn(|conn| {
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
            .await;
        assert!(cited.contains(&earlier) && !cited.contains(&later));
        let audited = texts(
            &app,
            "SELECT details_json AS text FROM audit_log WHERE action = 'deadline_changed'",
        )
        .await;
        assert!(
            audited[0].contains(r#""late_now_on_time":1"#),
            "{audited:?}"
        );

        // Without a deadline, no comment is late.
        save_rt32(&app, staff.clone(), |input| {
            input.comments_close_at = String::new();
            input.grace_hours = String::new();
            input.deadline_reason = "Open until the meeting".into();
        })
        .await
        .expect("deadline removed");
        assert!(late_rows(&app).await.is_empty());
        let (_, _, report) = crate::digests::download(&mut chair, &export).await;
        assert!(report.contains("An earlier late proposal"));
        assert!(report.contains("A later late proposal"), "{report}");
        assert!(!report.contains("late comment is not in the report"));
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(!page.contains(r#"<span class="tag late">Late</span>"#));
        app.deliver_mail().await;
    }
}
