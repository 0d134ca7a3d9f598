//! Registration, verification, signing in and out, CSRF, rate limits and
//! account enumeration, through the real server, its outbox and a real SMTP
//! server.

use crate::helpers::*;
use crate::people::{deliver, link_in, person_with, roundtable_path};
use crate::smtp_server::SmtpServer;
use chrono::{Duration, Utc};
use roundtable::domain::user::Role;
use roundtable::services::accounts::{self, LinkOutcome};

const PASSWORD: &str = "tea kettle harbour";

pub fn registration<'a>(email: &'a str, name: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("email", email),
        ("password", PASSWORD),
        ("display_name", name),
        ("organisation", "Diaspora Link"),
        ("organisation_type", "migrant_association"),
        ("country", "SN"),
        ("gender", "woman"),
        ("consent", "on"),
    ]
}

#[tokio::test]
async fn a_participant_registers_verifies_the_address_and_signs_in() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut browser = app.browser();
        let (status, _) = browser.get("/register").await;
        assert_eq!(status, 200);
        let response = browser
            .post(
                "/register",
                &registration("Amina.Diallo@Example.org", "Amina Diallo"),
            )
            .await;
        assert_eq!(response.status().as_u16(), 200);
        assert!(response.text().await.unwrap().contains("Check your inbox"));

        let mails = deliver(&app, &smtp).await;
        assert_eq!(mails.len(), 1, "{:?}", app.backend);
        let mail = &mails[0];
        assert_eq!(mail.to, ["<Amina.Diallo@Example.org>"]);
        assert!(mail
            .header("Subject")
            .unwrap()
            .contains("Confirm your email address"));
        assert!(mail
            .part("text/html")
            .unwrap()
            .contains("Confirm my email address"));
        let link = link_in(mail, "verify-email?token=");

        // Signed in but unverified: the banner offers a new link.
        let signed_in = browser
            .post(
                "/sign-in",
                &[
                    ("email", "amina.diallo@example.org"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(signed_in.status().as_u16(), 303);
        let cookie = signed_in
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("rt_session="))
            .unwrap();
        assert!(
            cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Lax")
                && cookie.contains("Path=/"),
            "{cookie}"
        );
        assert!(!cookie.contains("Secure"), "plain http base URL");
        let (_, account) = browser.get("/account").await;
        assert!(account.contains("not confirmed yet") && account.contains("Send the link again"));

        // Following the link shows a button; the POST confirms, once.
        let (status, page) = browser.get(&link).await;
        assert_eq!(status, 200);
        assert!(page.contains("Confirm my email address"));
        let token = link.split('=').nth(1).unwrap().to_owned();
        let confirmed = browser.post("/verify-email", &[("token", &token)]).await;
        assert_eq!(confirmed.status().as_u16(), 200);
        assert!(confirmed
            .text()
            .await
            .unwrap()
            .contains("Address confirmed"));
        let again = browser.post("/verify-email", &[("token", &token)]).await;
        assert_eq!(again.status().as_u16(), 410);
        let (_, account) = browser.get("/account").await;
        assert!(account.contains("confirmed</span>") && !account.contains("Send the link again"));
        assert!(account.contains("Amina Diallo") && account.contains("Senegal"));
    }
}

#[tokio::test]
async fn a_form_with_mistakes_comes_back_with_messages_and_what_was_typed() {
    for app in TestApp::empty().spawn_each().await {
        let mut browser = app.browser();
        browser.get("/register").await;
        let response = browser
            .post(
                "/register",
                &[
                    ("email", "not-an-address"),
                    ("password", "password123"),
                    ("display_name", "Ana"),
                    ("organisation", "Red Cívica"),
                    ("country", "XX"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let html = response.text().await.unwrap();
        for (field, message) in [
            ("email", "must be an email address"),
            ("password", "too easy to guess"),
            ("organisation_type", "choose the kind of organisation"),
            ("country", "is not an ISO 3166 country code"),
            ("consent", "you must accept the terms"),
        ] {
            let error = format!(r#"id="{field}-error""#);
            let at = html
                .find(&error)
                .unwrap_or_else(|| panic!("an error for {field}"));
            assert!(html[at..at + 300].contains(message), "{field}: {message}");
            assert!(
                html.contains(&format!(r#"aria-describedby="{field}-error""#))
                    || html.contains(&format!("{field}-error\"")),
                "{field} tied to its error"
            );
        }
        assert!(
            html.contains(r#"value="not-an-address""#) && html.contains(r#"value="Red Cívica""#),
            "typed values kept"
        );
        assert!(!html.contains("password123"), "never the password");
        assert!(!html.contains(r#"id="display_name-error""#));
        let summary: Vec<usize> = [
            "#email\"",
            "#password\"",
            "#organisation_type\"",
            "#country\"",
            "#consent\"",
        ]
        .iter()
        .map(|anchor| {
            html.find(anchor)
                .unwrap_or_else(|| panic!("{anchor} in the summary"))
        })
        .collect();
        assert!(
            summary.windows(2).all(|w| w[0] < w[1]),
            "the summary follows the form's order"
        );
    }
}

#[tokio::test]
async fn registering_an_address_that_has_an_account_reveals_nothing() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut first = app.browser();
        first.get("/register").await;
        let new = first
            .post(
                "/register",
                &registration("owner@example.org", "First Owner"),
            )
            .await;
        let (new_status, new_page) = (new.status().as_u16(), new.text().await.unwrap());
        deliver(&app, &smtp).await;

        let mut second = app.browser();
        second.get("/register").await;
        let again = second
            .post(
                "/register",
                &registration("OWNER@example.org", "Someone Else"),
            )
            .await;
        assert_eq!(again.status().as_u16(), new_status);
        let again_page = again.text().await.unwrap();
        assert_eq!(
            again_page
                .replace("OWNER@", "owner@")
                .replace(&csrf_token_in(&again_page).unwrap_or_default(), ""),
            new_page.replace(&csrf_token_in(&new_page).unwrap_or_default(), "")
        );

        let mails = deliver(&app, &smtp).await;
        assert_eq!(mails.len(), 2);
        assert!(
            mails[1]
                .header("Subject")
                .unwrap()
                .contains("tried to register"),
            "the owner is told"
        );
        assert_eq!(mails[1].to, ["<owner@example.org>"]);
        let signed_in = second
            .post(
                "/sign-in",
                &[("email", "owner@example.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(
            signed_in.status().as_u16(),
            303,
            "the first password still works: nothing was changed"
        );
    }
}

#[tokio::test]
async fn forms_without_the_anti_forgery_token_are_refused() {
    for app in TestApp::empty().spawn_each().await {
        let mut browser = app.browser();
        browser.get("/register").await;
        browser.csrf_token = "forged".into();
        let forged = browser
            .post("/register", &registration("mallory@example.org", "Mallory"))
            .await;
        assert_eq!(forged.status().as_u16(), 403);
        assert!(forged
            .text()
            .await
            .unwrap()
            .contains("did not come from this site"));
        let no_cookie = app
            .client
            .post(app.url("/sign-in"))
            .form(&[("csrf_token", ""), ("email", "a@example.org")])
            .send()
            .await
            .unwrap();
        assert_eq!(no_cookie.status().as_u16(), 403);
        let count = app
            .with_conn(|c| roundtable::db::queries::users::count(c).unwrap())
            .await;
        assert_eq!(count, 0, "nothing was stored");
    }
}

#[tokio::test]
async fn wrong_credentials_get_one_message_whatever_was_wrong() {
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        let mut browser = app.browser();
        browser.get("/register").await;
        browser
            .post(
                "/register",
                &registration("known@example.org", "Known Person"),
            )
            .await;
        let mut messages = Vec::new();
        for (email, password) in [
            ("known@example.org", "not the password"),
            ("unknown@example.org", PASSWORD),
        ] {
            let response = browser
                .post("/sign-in", &[("email", email), ("password", password)])
                .await;
            assert_eq!(response.status().as_u16(), 422);
            let html = response.text().await.unwrap();
            assert!(html.contains(&format!(r#"value="{email}""#)));
            assert!(html.contains("<title>Error: "), "the title says so first");
            let summary =
                html.find(r#"class="error-summary" role="alert" tabindex="-1" autofocus"#);
            assert!(summary.is_some(), "a summary with the focus");
            assert!(html[summary.unwrap()..].contains(r##"<a href="#password">"##));
            let start = html.find(r#"id="password-error""#).unwrap();
            messages.push(html[start..start + 200].to_owned());
        }
        assert_eq!(messages[0], messages[1]);
        assert!(messages[0].contains("the email address or the password is wrong"));
    }
}

#[tokio::test]
async fn signing_in_starts_a_new_session_and_signing_out_everywhere_ends_all() {
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        let mut laptop = app.browser();
        laptop.get("/register").await;
        laptop
            .post(
                "/register",
                &registration("traveller@example.org", "Traveller"),
            )
            .await;
        let login = [("email", "traveller@example.org"), ("password", PASSWORD)];
        let first = laptop.post("/sign-in", &login).await;
        let session = |r: &reqwest::Response| {
            r.headers()
                .get_all("set-cookie")
                .iter()
                .map(|v| v.to_str().unwrap().to_owned())
                .find(|c| c.starts_with("rt_session="))
                .unwrap()
        };
        let first_cookie = session(&first);
        laptop.get("/account").await;
        let second = laptop.post("/sign-in", &login).await;
        assert_ne!(
            session(&second),
            first_cookie,
            "a new session id at every sign-in"
        );

        let mut phone = app.browser();
        phone.get("/sign-in").await;
        assert_eq!(phone.post("/sign-in", &login).await.status().as_u16(), 303);
        assert_eq!(phone.get("/account").await.0, 200);

        laptop.get("/account").await;
        let everywhere = laptop.post("/sign-out-everywhere", &[]).await;
        assert_eq!(everywhere.status().as_u16(), 303);
        let (status, _) = phone.get("/account").await;
        assert_eq!(status, 303, "the phone's session ended too");
        assert_eq!(laptop.get("/account").await.0, 303);

        // An ordinary sign-out ends this session only.
        laptop.get("/sign-in").await;
        laptop.post("/sign-in", &login).await;
        phone.get("/sign-in").await;
        phone.post("/sign-in", &login).await;
        laptop.get("/account").await;
        assert_eq!(laptop.post("/sign-out", &[]).await.status().as_u16(), 303);
        assert_eq!(laptop.get("/account").await.0, 303);
        assert_eq!(phone.get("/account").await.0, 200);
    }
}

#[tokio::test]
async fn repeated_sign_in_attempts_are_limited_per_account() {
    for app in TestApp::empty().spawn_each().await {
        let mut browser = app.browser();
        browser.get("/sign-in").await;
        let attempt = [
            ("email", "target@example.org"),
            ("password", "guess guess guess"),
        ];
        for n in 0..8 {
            let response = browser.post("/sign-in", &attempt).await;
            assert_eq!(response.status().as_u16(), 422, "attempt {n}");
        }
        let limited = browser.post("/sign-in", &attempt).await;
        assert_eq!(limited.status().as_u16(), 429, "{:?}", app.backend);
        let wait: i64 = limited.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(wait > 0 && wait <= 15 * 60, "{wait}");
        assert!(limited
            .text()
            .await
            .unwrap()
            .contains("Please try again in"));
        // Another account from the same address is not blocked yet.
        let other = browser
            .post(
                "/sign-in",
                &[
                    ("email", "other@example.org"),
                    ("password", "guess guess guess"),
                ],
            )
            .await;
        assert_eq!(other.status().as_u16(), 422);
    }
}

#[tokio::test]
async fn verification_links_expire_after_48_hours() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut browser = app.browser();
        browser.get("/register").await;
        browser
            .post(
                "/register",
                &registration("late@example.org", "Late Reader"),
            )
            .await;
        let link = link_in(&deliver(&app, &smtp).await[0], "verify-email?token=");
        let token = link.split('=').nth(1).unwrap().to_owned();
        let later = Utc::now() + Duration::hours(49);
        let outcome = app
            .with_conn(move |c| accounts::verify_email(c, &token, later).unwrap())
            .await;
        assert_eq!(outcome, LinkOutcome::Expired);
        let unknown = browser
            .post("/verify-email", &[("token", &"0".repeat(64))])
            .await;
        assert_eq!(unknown.status().as_u16(), 404);
    }
}

#[tokio::test]
async fn a_deactivated_account_cannot_sign_in() {
    use diesel::connection::SimpleConnection;
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        let mut browser = app.browser();
        browser.get("/register").await;
        browser
            .post(
                "/register",
                &registration("gone@example.org", "Gone Person"),
            )
            .await;
        app.with_conn(|c| {
            c.batch_execute("UPDATE users SET deactivated_at = created_at")
                .unwrap()
        })
        .await;
        let response = browser
            .post(
                "/sign-in",
                &[("email", "gone@example.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422);
        assert!(response.text().await.unwrap().contains("deactivated"));
    }
}

#[tokio::test]
async fn simultaneous_attempts_cannot_slip_past_the_limit() {
    for app in TestApp::empty().spawn_each().await {
        let mut browser = app.browser();
        browser.get("/sign-in").await;
        let mut attempts = tokio::task::JoinSet::new();
        for _ in 0..12 {
            let (client, url, token) = (
                browser.client.clone(),
                app.url("/sign-in"),
                browser.csrf_token.clone(),
            );
            attempts.spawn(async move {
                let form = [
                    ("csrf_token", token.as_str()),
                    ("email", "target@example.org"),
                    ("password", "guess guess guess"),
                ];
                client
                    .post(url)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            });
        }
        let statuses = attempts.join_all().await;
        let through = statuses.iter().filter(|s| **s == 422).count();
        let limited = statuses.iter().filter(|s| **s == 429).count();
        assert_eq!(through + limited, 12, "{statuses:?}");
        assert!(
            through <= 8,
            "{:?}: {through} attempts got through at once",
            app.backend
        );
    }
}

/// The sign-in and registration links of a page, the forms and the emailed
/// verification link carry the page, and bring the person back to it; an
/// address elsewhere is never followed.
#[tokio::test]
async fn registering_and_signing_in_come_back_to_the_roundtable() {
    for app in TestApp::with_demo().spawn_each().await {
        let roundtable = roundtable_path(RT_3_2);
        let encoded = roundtable.replace('/', "%2F");
        let mut visitor = app.browser();
        let (_, page) = visitor.get(&roundtable).await;
        assert!(page.contains(&format!(r#"href="/register?next={encoded}""#)));
        assert!(page.contains(&format!(r#"href="/sign-in?next={encoded}""#)));

        let (_, form) = visitor.get(&format!("/register?next={encoded}")).await;
        let carried = format!(r#"<input type="hidden" name="next" value="{roundtable}">"#);
        assert!(form.contains(&carried), "the form carries the page");
        let mut fields = registration("nadia@example.org", "Nadia Haddad");
        fields.push(("next", &roundtable));
        let mistake = visitor.post("/register", &fields[1..]).await;
        assert_eq!(mistake.status().as_u16(), 422);
        let mistake = mistake.text().await.unwrap();
        assert!(mistake.contains(&carried), "kept after a mistake");
        assert!(mistake.contains("<title>Error: Create an account"));
        assert!(
            form.contains("<title>Create an account"),
            "no mistake, no prefix"
        );
        assert!(
            mistake.contains(r#"<a href="/sign-in">Sign in</a>"#),
            "a page answering a form offers no way back to the form's address"
        );
        visitor.post("/register", &fields).await;

        let (path, token) = emailed_link(&app, "/verify-email?token=").await;
        assert!(path.ends_with(&format!("&next={encoded}")), "{path}");
        let (_, confirm) = visitor.get(&path).await;
        assert!(confirm.contains(&carried));
        let confirmed = visitor
            .post("/verify-email", &[("token", &token), ("next", &roundtable)])
            .await;
        assert_eq!(confirmed.status().as_u16(), 200);
        let confirmed = confirmed.text().await.unwrap();
        assert!(confirmed.contains(&format!(
            r#"<a class="button" href="{roundtable}">Back to where you were</a>"#
        )));

        for (next, lands) in [
            (roundtable.as_str(), roundtable.as_str()),
            ("//evil.example/c", "/account"),
            ("https://evil.example/", "/account"),
            ("/sign-in", "/account"),
        ] {
            let mut returning = app.browser();
            returning.get("/sign-in").await;
            let signed_in = returning
                .post(
                    "/sign-in",
                    &[
                        ("email", "nadia@example.org"),
                        ("password", PASSWORD),
                        ("next", next),
                    ],
                )
                .await;
            assert_eq!(signed_in.status().as_u16(), 303);
            assert_eq!(signed_in.headers()["location"], lands, "next={next}");
        }
    }
}

/// A forgotten password on the way: the reset link carries the page too.
#[tokio::test]
async fn a_password_reset_comes_back_to_the_roundtable() {
    for app in TestApp::with_demo().spawn_each().await {
        let participant = app.with_participant("Tomás Pereira").await;
        let roundtable = roundtable_path(RT_3_2);
        let encoded = roundtable.replace('/', "%2F");
        let carried = format!(r#"<input type="hidden" name="next" value="{roundtable}">"#);
        let mut visitor = app.browser();
        let (_, sign_in) = visitor.get(&format!("/sign-in?next={encoded}")).await;
        assert!(sign_in.contains(&format!(r#"href="/reset-password?next={encoded}""#)));
        let (_, form) = visitor
            .get(&format!("/reset-password?next={encoded}"))
            .await;
        assert!(form.contains(&carried));
        visitor
            .post(
                "/reset-password",
                &[("email", participant.email.as_str()), ("next", &roundtable)],
            )
            .await;
        let (path, token) = emailed_link(&app, "/reset-password/new?token=").await;
        assert!(path.ends_with(&format!("&next={encoded}")), "{path}");
        let (_, new_password) = visitor.get(&path).await;
        assert!(new_password.contains(&carried));
        let changed = visitor
            .post(
                "/reset-password/new",
                &[
                    ("token", token.as_str()),
                    ("password", "another long passphrase"),
                    ("next", &roundtable),
                ],
            )
            .await;
        assert_eq!(changed.status().as_u16(), 200);
        assert!(changed.text().await.unwrap().contains(&format!(
            r#"<a class="button" href="{roundtable}">Back to where you were</a>"#
        )));
    }
}

/// The path of the link (starting with `start`) in the last email sent, and its token.
async fn emailed_link(app: &TestApp, start: &str) -> (String, String) {
    let mails = app.deliver_mail().await;
    let path = mails
        .iter()
        .rev()
        .find_map(|m| m.body_text.find(start).map(|at| &m.body_text[at..]))
        .and_then(|text| text.split_whitespace().next())
        .unwrap_or_else(|| panic!("an email with a link to {start}"))
        .to_owned();
    let token = path["token=".len() + path.find("token=").unwrap()..]
        .split('&')
        .next()
        .unwrap()
        .to_owned();
    (path, token)
}

/// A participant who has not confirmed their address yet asks for the link
/// again from the roundtable: the new link comes back to the roundtable.
#[tokio::test]
async fn a_link_sent_again_from_a_roundtable_comes_back_to_it() {
    for app in TestApp::with_demo().spawn_each().await {
        let roundtable = roundtable_path(RT_3_2);
        let mut nadia = person_with(&app, "Nadia Haddad", Role::Participant, false).await;
        let (_, page) = nadia.browser.get(&roundtable).await;
        let carried = format!(r#"<input type="hidden" name="next" value="{roundtable}">"#);
        assert!(page.contains(r#"action="/account/verification-link""#));
        assert!(page.contains(&carried), "the form carries the page");
        let sent = nadia
            .browser
            .post("/account/verification-link", &[("next", &roundtable)])
            .await;
        assert_eq!(sent.status().as_u16(), 303);
        let (path, _) = emailed_link(&app, "/verify-email?token=").await;
        let encoded = roundtable.replace('/', "%2F");
        assert!(path.ends_with(&format!("&next={encoded}")), "{path}");

        // From the account page, without a page to come back to: no `next`.
        nadia.browser.get("/account").await;
        nadia.browser.post("/account/verification-link", &[]).await;
        let (path, _) = emailed_link(&app, "/verify-email?token=").await;
        assert!(!path.contains("next="), "{path}");
    }
}
