//! Administrators manage accounts; staff see undelivered emails.

use crate::helpers::*;
use chrono::Utc;
use diesel::connection::SimpleConnection;
use roundtable::outbox::{self, OutgoingEmail};
use roundtable::services::accounts;
use roundtable::text::SafeHtml;

const PASSWORD: &str = "tea kettle harbour";

pub async fn signed_in_admin(app: &TestApp) -> Browser {
    app.with_conn(|c| {
        accounts::create_admin(c, "chief@example.org", "Chief Admin", PASSWORD, Utc::now()).unwrap()
    })
    .await;
    let mut browser = app.browser();
    browser.get("/sign-in").await;
    let response = browser
        .post(
            "/sign-in",
            &[("email", "chief@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);
    browser.get("/account").await;
    browser
}

async fn participant(app: &TestApp, email: &str, organisation: &str) -> Browser {
    let mut browser = app.browser();
    browser.get("/register").await;
    let fields = [
        ("email", email),
        ("password", PASSWORD),
        ("display_name", "Pat Participant"),
        ("organisation", organisation),
        ("organisation_type", "media"),
        ("country", "TR"),
        ("consent", "on"),
    ];
    browser.post("/register", &fields).await;
    browser
        .post("/sign-in", &[("email", email), ("password", PASSWORD)])
        .await;
    browser.get("/account").await;
    browser
}

fn user_id_in(list: &str, name: &str) -> String {
    // The row's link, not the name in the navigation bar.
    let at = list
        .find(&format!(">{name}</a></td>"))
        .unwrap_or_else(|| panic!("{name} listed"));
    let href = list[..at].rfind("/admin/users/").unwrap() + "/admin/users/".len();
    list[href..href + 36].to_owned()
}

#[tokio::test]
async fn only_administrators_reach_the_accounts() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut someone = participant(&app, "pat@example.org", "Istanbul Daily").await;
        assert_eq!(someone.get("/admin/users").await.0, 403);
        assert_eq!(someone.get("/admin/emails").await.0, 403);
        assert_eq!(
            app.get("/admin/users").await.status().as_u16(),
            303,
            "visitors are sent to sign in"
        );
    }
}

#[tokio::test]
async fn an_administrator_finds_accounts_changes_roles_and_assigns_chairs() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut admin = signed_in_admin(&app).await;
        let mut pat = participant(&app, "pat@example.org", "Istanbul Daily").await;

        let (status, list) = admin.get("/admin/users?q=ISTANBUL+daily").await;
        assert_eq!(status, 200);
        assert!(
            list.contains("pat@example.org"),
            "case-insensitive search on organisation"
        );
        assert!(!list.contains("chief@example.org"));
        let (_, unverified) = admin.get("/admin/users?verified=no").await;
        assert!(
            unverified.contains("pat@example.org") && !unverified.contains("chief@example.org")
        );
        let (_, wildcard) = admin.get("/admin/users?q=%25").await;
        assert!(
            !wildcard.contains("pat@example.org"),
            "a % is searched for, not a wildcard"
        );
        let pat_id = user_id_in(&list, "Pat Participant");

        admin.get(&format!("/admin/users/{pat_id}")).await;
        assert_eq!(
            admin
                .post(&format!("/admin/users/{pat_id}/role"), &[("role", "staff")])
                .await
                .status()
                .as_u16(),
            303
        );
        let (_, page) = pat.get("/account").await;
        assert!(
            page.contains(r#"href="/admin/emails""#),
            "staff see the email queue link"
        );

        let rt = app
            .with_conn(|c| crate::fixtures::roundtable_id(c, FORUM, RT_3_2).to_string())
            .await;
        let assign = admin
            .post(
                &format!("/admin/users/{pat_id}/chairs"),
                &[("roundtable", &rt)],
            )
            .await;
        assert_eq!(assign.status().as_u16(), 303);
        let again = admin
            .post(
                &format!("/admin/users/{pat_id}/chairs"),
                &[("roundtable", &rt)],
            )
            .await;
        assert_eq!(again.status().as_u16(), 422);
        assert!(again
            .text()
            .await
            .unwrap()
            .contains("already chairs this roundtable"));
        let (_, roundtable) = app.get_text(&format!("/c/{FORUM}/{RT_3_2}")).await;
        assert!(
            roundtable.contains("Pat Participant, Istanbul Daily"),
            "the new chair is shown"
        );
        admin
            .post(
                &format!("/admin/users/{pat_id}/chairs/remove"),
                &[("roundtable", &rt)],
            )
            .await;
        assert!(!app
            .get_text(&format!("/c/{FORUM}/{RT_3_2}"))
            .await
            .1
            .contains("Pat Participant"));

        let (_, list) = admin.get("/admin/users?q=chief").await;
        let admin_id = user_id_in(&list, "Chief Admin");
        let own = admin
            .post(
                &format!("/admin/users/{admin_id}/role"),
                &[("role", "participant")],
            )
            .await;
        assert_eq!(own.status().as_u16(), 422);
        assert!(own
            .text()
            .await
            .unwrap()
            .contains("cannot change your own role"));

        let audited = app
            .with_conn(|c| {
                use diesel::prelude::*;
                use diesel::sql_types::BigInt;
                #[derive(QueryableByName)]
                struct Count {
                    #[diesel(sql_type = BigInt)]
                    n: i64,
                }
                diesel::sql_query("SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'user'")
                    .get_result::<Count>(c)
                    .unwrap()
                    .n
            })
            .await;
        assert_eq!(audited, 3, "role change, chair assigned, chair removed");
    }
}

#[tokio::test]
async fn a_deactivated_account_is_signed_out_at_once_and_can_come_back() {
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        let mut admin = signed_in_admin(&app).await;
        let mut pat = participant(&app, "pat@example.org", "Istanbul Daily").await;
        let (_, list) = admin.get("/admin/users?q=pat").await;
        let pat_id = user_id_in(&list, "Pat Participant");
        admin.get(&format!("/admin/users/{pat_id}")).await;
        assert_eq!(
            admin
                .post(
                    &format!("/admin/users/{pat_id}/active"),
                    &[("active", "false")]
                )
                .await
                .status()
                .as_u16(),
            303
        );
        assert_eq!(pat.get("/account").await.0, 303, "signed out at once");
        pat.get("/sign-in").await;
        let refused = pat
            .post(
                "/sign-in",
                &[("email", "pat@example.org"), ("password", PASSWORD)],
            )
            .await;
        assert!(refused.text().await.unwrap().contains("deactivated"));
        admin
            .post(
                &format!("/admin/users/{pat_id}/active"),
                &[("active", "true")],
            )
            .await;
        let back = pat
            .post(
                "/sign-in",
                &[("email", "pat@example.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(back.status().as_u16(), 303);
    }
}

#[tokio::test]
async fn staff_see_dead_emails_and_send_them_again() {
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        let mut admin = signed_in_admin(&app).await;
        app.with_conn(|c| {
            let email = OutgoingEmail {
                kind: "verify_email".into(),
                recipient: "bounce@example.org".into(),
                subject: "Never delivered".into(),
                body_text: "text".into(),
                body_html: SafeHtml::from_escaped_template("<p>html</p>".into()),
                headers: vec![],
                dedup_key: None,
            };
            outbox::enqueue(c, &email, Utc::now()).unwrap();
            c.batch_execute("UPDATE email_outbox SET status = 'dead', attempts = 12, last_error = 'SMTP: 550 mailbox unavailable'").unwrap();
        })
        .await;
        let (status, page) = admin.get("/admin/emails").await;
        assert_eq!(status, 200);
        assert!(page.contains("Never delivered") && page.contains("550 mailbox unavailable"));
        let start = page.find("/admin/emails/").unwrap() + "/admin/emails/".len();
        let id = page[start..start + 36].to_owned();
        assert_eq!(
            admin
                .post(&format!("/admin/emails/{id}/retry"), &[])
                .await
                .status()
                .as_u16(),
            303
        );
        let counts = app.with_conn(|c| outbox::counts(c).unwrap()).await;
        assert_eq!((counts.pending, counts.dead), (1, 0));
        assert!(admin
            .get("/admin/emails")
            .await
            .1
            .contains("Every email was delivered"));
    }
}
