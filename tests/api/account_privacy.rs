//! Password reset and change, profile edits, the data download and account
//! deletion.

use crate::fixtures::{add_comment, roundtable_id};
use crate::helpers::*;
use crate::mail::{drain, mailer, worker_settings};
use crate::smtp_server::SmtpServer;
use chrono::Utc;
use diesel::connection::SimpleConnection;
use roundtable::domain::comment::CommentStatus;

const PASSWORD: &str = "tea kettle harbour";

async fn registered(app: &TestApp, email: &str) -> Browser {
    let mut browser = app.browser();
    browser.get("/register").await;
    let fields = [
        ("email", email),
        ("password", PASSWORD),
        ("display_name", "Nino Beridze"),
        ("organisation", "Tbilisi Refugee Council"),
        ("organisation_type", "civil_society"),
        ("country", "GE"),
        ("consent", "on"),
    ];
    assert_eq!(
        browser.post("/register", &fields).await.status().as_u16(),
        200
    );
    let signed_in = browser
        .post("/sign-in", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(signed_in.status().as_u16(), 303);
    browser.get("/account").await;
    browser
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_email_and_every_session_ends() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut signed_in = registered(&app, "nino@example.org").await;
        let mut forgetful = app.browser();
        forgetful.get("/reset-password").await;
        let unknown = forgetful
            .post("/reset-password", &[("email", "nobody@example.org")])
            .await;
        let known = forgetful
            .post("/reset-password", &[("email", "nino@example.org")])
            .await;
        assert_eq!(
            (unknown.status().as_u16(), known.status().as_u16()),
            (200, 200)
        );
        let (unknown, known) = (unknown.text().await.unwrap(), known.text().await.unwrap());
        assert_eq!(
            unknown.replace("nobody@", "nino@"),
            known,
            "the same answer for any address"
        );

        drain(&app, &mailer(&app, &smtp), &worker_settings(3), Utc::now()).await;
        let resets: Vec<_> = smtp
            .received()
            .into_iter()
            .filter(|m| {
                m.header("Subject")
                    .unwrap()
                    .contains("new Roundtable password")
            })
            .collect();
        assert_eq!(resets.len(), 1, "only the existing account gets a link");
        let text = resets[0].part("text/plain").unwrap();
        let token: String = text[text.find("token=").unwrap() + 6..]
            .chars()
            .take(64)
            .collect();

        let (status, form) = forgetful
            .get(&format!("/reset-password/new?token={token}"))
            .await;
        assert_eq!(status, 200);
        assert!(form.contains(&token));
        let weak = forgetful
            .post(
                "/reset-password/new",
                &[("token", &token), ("password", "password123")],
            )
            .await;
        assert_eq!(
            weak.status().as_u16(),
            422,
            "a weak password is refused without using the link up"
        );
        let done = forgetful
            .post(
                "/reset-password/new",
                &[("token", &token), ("password", "new harbour kettle")],
            )
            .await;
        assert_eq!(done.status().as_u16(), 200);
        assert!(done.text().await.unwrap().contains("Password changed"));
        let reused = forgetful
            .post(
                "/reset-password/new",
                &[("token", &token), ("password", "another new phrase")],
            )
            .await;
        assert_eq!(reused.status().as_u16(), 410);

        assert_eq!(signed_in.get("/account").await.0, 303, "old sessions ended");
        forgetful.get("/sign-in").await;
        let old = forgetful
            .post(
                "/sign-in",
                &[("email", "nino@example.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(old.status().as_u16(), 422);
        let new = forgetful
            .post(
                "/sign-in",
                &[
                    ("email", "nino@example.org"),
                    ("password", "new harbour kettle"),
                ],
            )
            .await;
        assert_eq!(new.status().as_u16(), 303);
    }
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        let mut laptop = registered(&app, "nino@example.org").await;
        let mut phone = app.browser();
        phone.get("/sign-in").await;
        phone
            .post(
                "/sign-in",
                &[("email", "nino@example.org"), ("password", PASSWORD)],
            )
            .await;

        let wrong = laptop
            .post(
                "/account/password",
                &[
                    ("current_password", "not it at all"),
                    ("new_password", "river stone lantern"),
                ],
            )
            .await;
        assert_eq!(wrong.status().as_u16(), 422);
        assert!(wrong
            .text()
            .await
            .unwrap()
            .contains("is not your current password"));
        let changed = laptop
            .post(
                "/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", "river stone lantern"),
                ],
            )
            .await;
        assert_eq!(changed.status().as_u16(), 303);
        assert_eq!(laptop.get("/account").await.0, 200, "this session goes on");
        assert_eq!(phone.get("/account").await.0, 303, "the other one ended");
    }
}

#[tokio::test]
async fn the_profile_is_edited_with_checks_next_to_each_field() {
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        let mut browser = registered(&app, "nino@example.org").await;
        let bad = browser
            .post(
                "/account/profile",
                &[
                    ("display_name", ""),
                    ("organisation", "Council"),
                    ("organisation_type", "guild"),
                    ("country", "GE"),
                ],
            )
            .await;
        assert_eq!(bad.status().as_u16(), 422);
        let html = bad.text().await.unwrap();
        assert!(
            html.contains(r#"id="display_name-error""#)
                && html.contains(r#"id="organisation_type-error""#)
        );
        assert!(html.contains(r#"value="Council""#), "what was typed stays");
        let good = browser
            .post(
                "/account/profile",
                &[
                    ("display_name", "Nino B."),
                    ("organisation", "Council"),
                    ("organisation_type", "academia"),
                    ("country", "AM"),
                    ("gender", "woman"),
                ],
            )
            .await;
        assert_eq!(good.status().as_u16(), 303);
        let (_, account) = browser.get("/account?saved=profile").await;
        assert!(
            account.contains(r#"value="Nino B.""#) && account.contains("Your profile is saved")
        );
        assert!(account.contains(r#"<option value="AM" selected>"#));
        assert!(
            account.contains(r#"<option value="woman" selected>"#),
            "the stored gender is shown back"
        );
        let again = browser
            .post(
                "/account/profile",
                &[
                    ("display_name", "Nino B."),
                    ("organisation", "Council 2"),
                    ("organisation_type", "academia"),
                    ("country", "AM"),
                    ("gender", "woman"),
                ],
            )
            .await;
        assert_eq!(again.status().as_u16(), 303);
        assert!(
            browser
                .get("/account")
                .await
                .1
                .contains(r#"<option value="woman" selected>"#),
            "saving again keeps it"
        );
    }
}

#[tokio::test]
async fn participants_download_their_data_and_delete_their_account() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut browser = registered(&app, "nino@example.org").await;
        app.with_conn(|c| {
            let rt = roundtable_id(c, FORUM, RT_3_2);
            add_comment(c, rt, None, CommentStatus::Approved, "Nino Beridze", "Keep this comment, please.");
            c.batch_execute(
                "UPDATE comments SET author_id = (SELECT id FROM users WHERE email_normalized = 'nino@example.org') \
                 WHERE body_markdown = 'Keep this comment, please.'",
            )
            .unwrap();
        })
        .await;

        let download = browser
            .client
            .get(app.url("/account/data.json"))
            .send()
            .await
            .unwrap();
        assert_eq!(download.status().as_u16(), 200);
        assert!(download.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment"));
        let data: serde_json::Value = download.json().await.unwrap();
        assert_eq!(data["account"]["email"], "nino@example.org");
        assert_eq!(data["account"]["country"], "GE");
        assert_eq!(
            data["comments"][0]["body_markdown"],
            "Keep this comment, please."
        );
        assert_eq!(data["comments"][0]["roundtable"], RT_3_2);

        let wrong = browser
            .post(
                "/account/delete",
                &[("delete_password", "not the password")],
            )
            .await;
        assert_eq!(wrong.status().as_u16(), 422);
        let deleted = browser
            .post("/account/delete", &[("delete_password", PASSWORD)])
            .await;
        assert_eq!(deleted.status().as_u16(), 200, "{:?}", app.backend);
        assert!(deleted
            .text()
            .await
            .unwrap()
            .contains("Your account is deleted"));

        let (_, page) = app.get_text(&format!("/c/{FORUM}/{RT_3_2}")).await;
        let at = page
            .find("Keep this comment, please.")
            .expect("the comment stays");
        let article_start = page[..at].rfind("<article>").unwrap();
        assert!(page[article_start..at].contains("Former participant"));
        assert!(!page.contains("Nino Beridze") && !page.contains("Tbilisi Refugee Council"));
        assert_eq!(browser.get("/account").await.0, 303);
        let mut again = app.browser();
        again.get("/sign-in").await;
        let sign_in = again
            .post(
                "/sign-in",
                &[("email", "nino@example.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(sign_in.status().as_u16(), 422, "the account is gone");
        let left = app
            .with_conn(|c| {
                roundtable::db::queries::users::find_id_by_email(c, "nino@example.org").unwrap()
            })
            .await;
        assert!(left.is_none(), "the address is erased");
    }
}

#[tokio::test]
async fn a_new_email_address_counts_once_its_link_is_followed() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut browser = registered(&app, "old@example.org").await;
        drain(&app, &mailer(&app, &smtp), &worker_settings(3), Utc::now()).await;
        let wrong = browser
            .post(
                "/account/email",
                &[
                    ("new_email", "new@example.org"),
                    ("email_password", "nope nope nope"),
                ],
            )
            .await;
        assert_eq!(wrong.status().as_u16(), 422);
        assert!(
            wrong
                .text()
                .await
                .unwrap()
                .contains(r#"value="new@example.org""#),
            "the typed address stays"
        );
        let asked = browser
            .post(
                "/account/email",
                &[
                    ("new_email", "new@example.org"),
                    ("email_password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(asked.status().as_u16(), 200);
        drain(&app, &mailer(&app, &smtp), &worker_settings(3), Utc::now()).await;
        let confirm = smtp
            .received()
            .into_iter()
            .find(|m| m.to == ["<new@example.org>"])
            .expect("a link to the new address");
        let text = confirm.part("text/plain").unwrap();
        let token: String = text[text.find("token=").unwrap() + 6..]
            .chars()
            .take(64)
            .collect();
        assert!(
            browser.get("/account").await.1.contains("old@example.org"),
            "nothing changes before the link"
        );

        let (status, _) = browser
            .get(&format!("/confirm-email-change?token={token}"))
            .await;
        assert_eq!(status, 200);
        let done = browser
            .post("/confirm-email-change", &[("token", &token)])
            .await;
        assert_eq!(done.status().as_u16(), 200);
        assert!(browser.get("/account").await.1.contains("new@example.org"));
        drain(&app, &mailer(&app, &smtp), &worker_settings(3), Utc::now()).await;
        assert!(
            smtp.received().iter().any(|m| m.to == ["<old@example.org>"]
                && m.header("Subject").unwrap().contains("new email address")),
            "the old address is told"
        );
        let mut other = app.browser();
        other.get("/sign-in").await;
        assert_eq!(
            other
                .post(
                    "/sign-in",
                    &[("email", "old@example.org"), ("password", PASSWORD)]
                )
                .await
                .status()
                .as_u16(),
            422
        );
        assert_eq!(
            other
                .post(
                    "/sign-in",
                    &[("email", "new@example.org"), ("password", PASSWORD)]
                )
                .await
                .status()
                .as_u16(),
            303
        );
    }
}

#[tokio::test]
async fn changing_the_password_voids_pending_email_change_links() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut browser = registered(&app, "victim@example.org").await;
        let asked = browser
            .post(
                "/account/email",
                &[
                    ("new_email", "attacker@example.net"),
                    ("email_password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(asked.status().as_u16(), 200);
        drain(&app, &mailer(&app, &smtp), &worker_settings(3), Utc::now()).await;
        let link = smtp
            .received()
            .into_iter()
            .find(|m| m.to == ["<attacker@example.net>"])
            .unwrap();
        let text = link.part("text/plain").unwrap();
        let token: String = text[text.find("token=").unwrap() + 6..]
            .chars()
            .take(64)
            .collect();

        let changed = browser
            .post(
                "/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", "river stone lantern"),
                ],
            )
            .await;
        assert_eq!(changed.status().as_u16(), 303);
        browser.get("/account").await;
        let followed = browser
            .post("/confirm-email-change", &[("token", &token)])
            .await;
        assert_eq!(
            followed.status().as_u16(),
            410,
            "the old link no longer works"
        );
        assert!(browser
            .get("/account")
            .await
            .1
            .contains("victim@example.org"));
    }
}
