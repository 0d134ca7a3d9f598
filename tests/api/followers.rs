//! Followers of a roundtable (issue 19): following by hand and by
//! commenting, stopping for good, the emails they get (a changed deadline
//! exactly once, a daily digest of new comments), and unsubscribing
//! without signing in.

use crate::deadline_changes::{save_rt32, staff_user};
use crate::email_batching::with_context;
use crate::helpers::*;
use crate::mail::{drain, mailer, worker_settings};
use crate::people::*;
use crate::smtp_server::SmtpServer;
use chrono::{DateTime, Duration, Utc};
use roundtable::services::following;

/// Runs the scheduler's step for followers at `now`.
async fn send_due(app: &TestApp, now: DateTime<Utc>) -> usize {
    app.with_conn(move |conn| {
        with_context(conn, |conn, ctx| {
            following::send_due(conn, ctx, now).unwrap()
        })
    })
    .await
}

async fn follow(person: &mut Person, fields: &[(&str, &str)]) -> String {
    person.browser.get(&roundtable_path(RT_3_2)).await;
    let response = person
        .browser
        .post(&format!("{}/follow", roundtable_path(RT_3_2)), fields)
        .await;
    assert_eq!(response.status().as_u16(), 200);
    response.text().await.unwrap()
}

#[tokio::test]
async fn a_deadline_change_is_announced_to_each_follower_exactly_once() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut ana = participant(&app, "Ana Follower").await;
        let mut ben = participant(&app, "Ben Commenter").await;
        let mut cleo = participant(&app, "Cleo Stopped").await;
        let (_, page) = ana.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Follow this roundtable"));
        let done = follow(&mut ana, &[("action", "follow")]).await;
        assert!(done.contains("You follow this roundtable"));
        let posted = post_comment(&mut ben, RT_3_2, "A comment that follows", &[]).await;
        assert_eq!(posted.status().as_u16(), 303);
        let mut dana = participant(&app, "Dana Erased").await;
        follow(&mut dana, &[("action", "follow")]).await;
        sql(
            &app,
            format!(
                "UPDATE users SET erased_at = '2026-01-01 00:00:00' WHERE email = '{}'",
                dana.email
            ),
        )
        .await;
        follow(&mut cleo, &[("action", "follow")]).await;
        let done = follow(&mut cleo, &[("action", "stop")]).await;
        assert!(done.contains("You no longer follow this roundtable"));
        deliver(&app, &smtp).await;
        let before = smtp.received().len();

        let (_, staff) = staff_user(&app).await;
        save_rt32(&app, staff, |input| {
            input.comments_close_at = "2030-03-19T18:00".into();
            input.deadline_reason = "Partners asked for more time".into();
        })
        .await
        .unwrap();
        assert_eq!(send_due(&app, Utc::now()).await, 2, "Ana and Ben");
        assert_eq!(send_due(&app, Utc::now()).await, 0, "announced once");
        let (mailer, settings) = (mailer(&app, &smtp), worker_settings(3));
        drain(&app, &mailer, &settings, Utc::now()).await;
        drain(&app, &mailer, &settings, Utc::now()).await;
        let mails = smtp.received()[before..].to_vec();
        assert_eq!(mails.len(), 2, "{:?}", app.backend);
        for person in [&ana, &ben] {
            let theirs = mails_to(&mails, &person.email);
            assert_eq!(theirs.len(), 1, "{} is told once", person.email);
            let text = theirs[0].part("text/plain").unwrap();
            assert!(text.contains("Partners asked for more time"), "{text}");
            assert!(text.contains("19 March 2030"), "{text}");
            assert!(theirs[0].header("List-Unsubscribe").is_some());
            assert!(theirs[0].header("List-Unsubscribe-Post").is_some());
        }
        assert!(mails_to(&mails, &cleo.email).is_empty(), "Cleo stopped");
        assert!(
            mails_to(&mails, &dana.email).is_empty(),
            "erased accounts hear nothing"
        );
    }
}

#[tokio::test]
async fn a_participant_who_commented_follows_until_they_stop_for_good() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut ben = participant(&app, "Ben Commenter").await;
        let (_, page) = ben.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Follow this roundtable"), "not yet");
        post_comment(&mut ben, RT_3_2, "First comment", &[]).await;
        let (_, page) = ben.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Stop following"), "commenting follows");
        let (_, account) = ben.browser.get("/account").await;
        assert!(account.contains("Roundtables you follow"));
        assert!(account.contains(&format!(r#"action="{}/follow""#, roundtable_path(RT_3_2))));
        // Stopped from the account page.
        let stopped = ben
            .browser
            .post(
                &format!("{}/follow", roundtable_path(RT_3_2)),
                &[("action", "stop"), ("back", "/account#following-heading")],
            )
            .await;
        assert!(stopped
            .text()
            .await
            .unwrap()
            .contains("You no longer follow"));
        let (_, account) = ben.browser.get("/account").await;
        assert!(account.contains("You follow no roundtable."));
        post_comment(&mut ben, RT_3_2, "Second comment", &[]).await;
        let (_, page) = ben.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Follow this roundtable"), "stopping is kept");
        assert!(!page.contains("Stop following"));
        let visitor = app
            .client
            .post(app.url(&format!("{}/follow", roundtable_path(RT_3_2))))
            .form(&[("action", "follow")])
            .send()
            .await
            .unwrap();
        assert!(visitor.status().is_client_error(), "visitors cannot follow");
        app.deliver_mail().await;
    }
}

#[tokio::test]
async fn the_unsubscribe_link_stops_following_without_signing_in() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut ana = participant(&app, "Ana Follower").await;
        follow(&mut ana, &[("action", "follow")]).await;
        let (_, staff) = staff_user(&app).await;
        save_rt32(&app, staff.clone(), |input| {
            input.comments_close_at = "2030-03-19T18:00".into();
            input.deadline_reason = "More time".into();
        })
        .await
        .unwrap();
        send_due(&app, Utc::now()).await;
        let mails = deliver(&app, &smtp).await;
        let mail = mails_to(&mails, &ana.email)[0];
        let link = link_in(mail, "unsubscribe?token=");
        let token = link.split("token=").nth(1).unwrap().to_owned();
        // One-click, as a mail provider posts it: no cookies, no CSRF token.
        let response = app
            .client
            .post(app.url(&link))
            .form(&[("List-Unsubscribe", "One-Click"), ("token", &token)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let page = response.text().await.unwrap();
        assert!(page.contains("which you no longer follow"), "{page}");
        let (_, page) = ana.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Follow this roundtable"));
        save_rt32(&app, staff, |input| {
            input.comments_close_at = "2030-03-26T18:00".into();
            input.deadline_reason = "Even more time".into();
        })
        .await
        .unwrap();
        assert_eq!(send_due(&app, Utc::now()).await, 0, "no longer told");
    }
}

#[tokio::test]
async fn the_daily_digest_lists_new_published_comments_once_a_day() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut ana = participant(&app, "Ana Follower").await;
        let done = follow(&mut ana, &[("action", "follow"), ("daily_digest", "yes")]).await;
        assert!(done.contains("once a day"));
        let mut ben = participant(&app, "Ben Commenter").await;
        let published = post_comment(&mut ben, RT_3_2, "Published after following", &[]).await;
        let published = posted_reference(&published);
        post_comment(&mut ben, RT_3_2, "Still waiting for a chair", &[]).await;
        sql(
            &app,
            format!(
                "UPDATE comments SET status = 'approved', decided_at = '{}' WHERE reference = '{published}'",
                (Utc::now() + Duration::seconds(1)).format("%Y-%m-%d %H:%M:%S")
            ),
        )
        .await;
        deliver(&app, &smtp).await;
        let before = smtp.received().len();
        assert_eq!(
            send_due(&app, Utc::now()).await,
            0,
            "not before the day ends"
        );
        let tomorrow = Utc::now() + Duration::days(1);
        assert_eq!(send_due(&app, tomorrow).await, 1);
        assert_eq!(send_due(&app, tomorrow).await, 0, "once a day");
        assert_eq!(
            send_due(&app, tomorrow + Duration::days(1)).await,
            0,
            "nothing new, no email"
        );
        let (mailer, settings) = (mailer(&app, &smtp), worker_settings(3));
        drain(&app, &mailer, &settings, tomorrow).await;
        let mails = smtp.received()[before..].to_vec();
        let digest = mails_to(&mails, &ana.email);
        assert_eq!(digest.len(), 1);
        let text = digest[0].part("text/plain").unwrap();
        assert!(text.contains("Published after following"), "{text}");
        assert!(!text.contains("Still waiting for a chair"), "{text}");
        assert!(text.contains("1 new comment") || text.contains("One new comment"));
        assert_eq!(text.matches("?comment=").count(), 1, "only the new one");
    }
}

#[tokio::test]
async fn the_api_reads_sets_and_stops_the_callers_follow_as_documented() {
    use crate::openapi::{answer, Contract};
    use serde_json::json;
    const FOLLOW: &str = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/follow";
    for app in TestApp::with_demo().spawn_each().await {
        let contract = Contract::of(&app).await;
        let mut ana = participant(&app, "Ana Follower").await;
        let token = crate::comments_api::token_of(&mut ana, "Tests").await;
        let url = app.url(&format!(
            "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/follow"
        ));
        let nowhere = app.url(&format!(
            "/api/v1/consultations/{FORUM}/roundtables/rt-9/follow"
        ));
        let client = &app.client;
        let steps = [
            (
                "get",
                client.get(&url).bearer_auth(&token),
                200,
                Some((false, false)),
            ),
            (
                "put",
                client
                    .put(&url)
                    .bearer_auth(&token)
                    .json(&json!({ "daily_digest": true })),
                200,
                Some((true, true)),
            ),
            (
                "get",
                client.get(&url).bearer_auth(&token),
                200,
                Some((true, true)),
            ),
            (
                "put",
                client.put(&url).bearer_auth(&token).json(&json!({})),
                200,
                Some((true, false)),
            ),
            (
                "delete",
                client.delete(&url).bearer_auth(&token),
                200,
                Some((false, false)),
            ),
            (
                "put",
                client
                    .put(&url)
                    .bearer_auth(&token)
                    .json(&json!({ "colour": 1 })),
                400,
                None,
            ),
            ("get", client.get(&nowhere).bearer_auth(&token), 404, None),
            ("get", client.get(&url), 401, None),
            (
                "put",
                client.put(&url).bearer_auth("rt_0000").json(&json!({})),
                401,
                None,
            ),
        ];
        for (method, request, status, expected) in steps {
            let got = answer(request).await;
            assert_eq!(got.status, status, "{method}: {}", got.body);
            if let Err(mismatch) = contract.check(FOLLOW, method, &got) {
                panic!("{method} {status}: {mismatch}");
            }
            if let Some((following, digest)) = expected {
                assert_eq!(got.body["following"], following, "{method}");
                assert_eq!(got.body["daily_digest"], digest, "{method}");
            }
        }
        let (_, page) = ana.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(
            page.contains("Follow this roundtable"),
            "the API's stop shows"
        );
    }
}

#[tokio::test]
async fn a_published_outcome_version_is_announced_once_in_each_followers_language() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut ana = participant(&app, "Ana Follower").await;
        follow(&mut ana, &[("action", "follow")]).await;
        sql(
            &app,
            format!(
                "UPDATE users SET preferred_language = 'fr' WHERE email = '{}'",
                ana.email
            ),
        )
        .await;
        let announce = || async {
            app.with_conn(|conn| {
                let rt = roundtable::services::roundtables::roundtable_detail(conn, FORUM, RT_3_2)
                    .unwrap()
                    .roundtable
                    .id;
                let version = following::Announcement::OutcomeVersion {
                    version: 2,
                    published_at: Utc::now(),
                };
                following::announce(conn, rt, version).unwrap()
            })
            .await
        };
        announce().await;
        announce().await;
        assert_eq!(send_due(&app, Utc::now()).await, 1, "the same version once");
        assert_eq!(send_due(&app, Utc::now()).await, 0);
        let mails = deliver(&app, &smtp).await;
        let theirs = mails_to(&mails, &ana.email);
        assert_eq!(theirs.len(), 1);
        let text = theirs[0].part("text/plain").unwrap();
        assert!(
            text.contains("La version 2 de la synthèse de RT 3.2"),
            "{text}"
        );
        assert!(text.contains("#outcome"), "{text}");
    }
}
