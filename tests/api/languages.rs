//! The interface in English, French and Spanish: the browser's
//! Accept-Language, the switcher (a cookie for visitors, the profile for
//! people who sign in), dates in the language, emails in the recipient's
//! language, and comments marked with the language they are written in.
//! Both backends.

use crate::helpers::*;
use crate::people::*;
use crate::smtp_server::SmtpServer;
use roundtable::i18n::{self, Arg, Language};

async fn page_in(app: &TestApp, path: &str, accept_language: &str) -> String {
    app.browser()
        .client
        .get(format!("{}{path}", app.address))
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_browser_language_is_used_and_the_switcher_overrides_it() {
    for app in TestApp::with_demo().spawn_each().await {
        let english = page_in(&app, "/", "de-DE, en;q=0.5").await;
        assert!(english.contains(r#"<html lang="en">"#));
        assert!(english.contains("Open now"));
        let french = page_in(&app, "/", "fr-CH, fr;q=0.9, en;q=0.8").await;
        assert!(french.contains(r#"<html lang="fr">"#));
        assert!(
            french.contains("Ouvertes en ce moment"),
            "headings in French"
        );
        let spanish = page_in(&app, &roundtable_path(RT_3_2), "es").await;
        assert!(spanish.contains(r#"<html lang="es">"#));
        assert!(
            spanish.contains("Abierto a comentarios hasta el"),
            "the period in Spanish"
        );
        assert!(spanish.contains(" de 20"), "dates written the Spanish way");
        let header = &spanish[..spanish.find("<main").unwrap()];
        assert!(
            header.contains(r#"<nav aria-label="Idioma" class="language-bar">"#)
                && header.contains(r#"hreflang="fr">Français</a>"#),
            "the switcher is at the top of the page, before the content"
        );
        assert!(
            spanish.contains(r#"<h1 lang="en">"#)
                && spanish.contains(r#"<ol class="questions" lang="en">"#),
            "the roundtable's own texts keep their language"
        );

        // The switcher: a cookie, then back to the page, whatever the browser says.
        let visitor = app.browser();
        let back = format!("/c/{FORUM}");
        let switched = visitor
            .client
            .get(format!(
                "{}/language/es?back={}",
                app.address,
                back.replace('/', "%2F")
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(switched.status().as_u16(), 303);
        assert_eq!(switched.headers()["location"], back.as_str());
        let page = visitor
            .client
            .get(format!("{}{back}", app.address))
            .header("accept-language", "fr")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains(r#"<html lang="es">"#),
            "the choice wins over the browser"
        );
        let away = visitor
            .client
            .get(format!(
                "{}/language/fr?back=https://evil.example/",
                app.address
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(
            away.headers()["location"],
            "/",
            "never back to another site"
        );
        assert_eq!(
            visitor
                .client
                .get(format!("{}/language/de", app.address))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16(),
            404
        );
    }
}

#[tokio::test]
async fn a_signed_in_choice_follows_the_person_and_their_emails() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        let mut author = participant(&app, "Ana Author").await;
        author.browser.get("/language/fr?back=%2F").await;
        // A new session on another device, with an English browser.
        let mut elsewhere = app.browser();
        elsewhere.get("/sign-in").await;
        let signed_in = elsewhere
            .post(
                "/sign-in",
                &[("email", author.email.as_str()), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(signed_in.status().as_u16(), 303);
        let (_, page) = elsewhere.get("/").await;
        assert!(
            page.contains(r#"<html lang="fr">"#),
            "the profile remembers the choice"
        );

        let reference = posted_reference(
            &post_comment(
                &mut author,
                RT_3_2,
                "Les villes financent nos cours.",
                &["1"],
            )
            .await,
        );
        let mut replier = participant(&app, "Ben Replier").await;
        let reply = post_reply(
            &mut replier,
            RT_3_2,
            &reference,
            "Merci pour ce témoignage.",
        )
        .await;
        let reply_reference = posted_reference(&reply);
        let mails = deliver(&app, &smtp).await;
        let to_author = mails_to(&mails, &author.email);
        let reply_mail = to_author
            .iter()
            .find(|m| {
                m.part("text/plain")
                    .is_some_and(|t| t.contains(&reply_reference))
            })
            .expect("the email about the reply");
        assert!(
            reply_mail
                .part("text/html")
                .unwrap()
                .contains(r#"<html lang="fr">"#),
            "written in the author's language"
        );
    }
}

#[tokio::test]
async fn comments_carry_the_language_they_are_written_in() {
    for app in TestApp::with_demo().spawn_each().await {
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        let mut author = participant(&app, "Ana Author").await;
        let path = roundtable_path(RT_3_2);
        let (_, form) = author.browser.get(&path).await;
        assert!(
            form.contains(r#"name="language""#),
            "the form asks for the language"
        );
        let posted = author
            .browser
            .post(
                &format!("{path}/comments"),
                &[
                    ("body", "Desde nuestro albergue recibimos familias."),
                    ("language", "es"),
                    ("intent", "post"),
                ],
            )
            .await;
        let reference = posted_reference(&posted);
        let (_, page) = app.get_text(&path).await;
        let at = page
            .find(&format!(r#"id="{reference}""#))
            .expect("the comment on the page");
        let tag_start = page[..at].rfind('<').unwrap();
        let tag = &page[tag_start..at + page[at..].find('>').unwrap()];
        assert!(tag.contains(r#"lang="es""#), "{tag}");
        let refused = author
            .browser
            .post(
                &format!("{path}/comments"),
                &[("body", "Hallo"), ("language", "de"), ("intent", "post")],
            )
            .await;
        assert_eq!(refused.status().as_u16(), 422);
        assert!(refused
            .text()
            .await
            .unwrap()
            .contains("Write in one of this consultation"));
    }
}

/// A catalogue message as a page shows it: in the language, HTML-escaped.
fn shown(language: Language, key: &str, args: &[(&str, Arg)]) -> String {
    tera::escape_html(&i18n::text(language, key, args))
}

#[tokio::test]
async fn mistakes_and_refusals_read_in_the_reader_language() {
    for app in TestApp::with_demo().spawn_each().await {
        // A form's messages next to their fields, in French.
        let mut visitor = app.browser();
        visitor.get("/language/fr").await;
        visitor.get("/register").await;
        let response = visitor
            .post(
                "/register",
                &[("email", "not-an-address"), ("display_name", "")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let page = response.text().await.unwrap();
        for key in [
            "invalid-email",
            "invalid-name-length",
            "invalid-consent-missing",
        ] {
            let french = shown(Language::Fr, key, &[]);
            assert!(page.contains(&french), "{key}: {french} in {page}");
            assert!(
                !page.contains(&shown(Language::En, key, &[])),
                "{key} not in English"
            );
        }
        assert!(
            page.contains(&shown(Language::Fr, "country-BE", &[])),
            "countries in French"
        );

        // A comment refused in Spanish.
        let mut author = participant(&app, "Ana Author").await;
        author.browser.get("/language/es").await;
        let response = post_comment(&mut author, RT_3_2, "   ", &[]).await;
        assert_eq!(response.status().as_u16(), 422);
        let page = response.text().await.unwrap();
        assert!(
            page.contains(&shown(Language::Es, "invalid-comment-empty", &[])),
            "{page}"
        );

        // An API problem body in the language the client asks for.
        let response = app
            .browser()
            .client
            .get(format!("{}/api/v1/consultations?limit=abc", app.address))
            .header("accept-language", "es")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 400);
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let problem: serde_json::Value = response.json().await.unwrap();
        assert_eq!(
            problem["title"],
            i18n::text(Language::Es, "problem-invalid-parameter", &[])
        );
        let reason = i18n::text(
            Language::Es,
            "invalid-limit",
            &[("max", Arg::Number(100.0)), ("value", "abc".into())],
        );
        assert_eq!(problem["invalid_params"][0]["reason"], reason, "{problem}");
        assert_eq!(problem["detail"], format!("limit: {reason}"));
        assert!(!reason.contains("must be a whole number"));

        // An error page in French, with its lang attribute.
        let page = page_in(&app, "/c/no-such-consultation", "fr").await;
        assert!(page.contains("lang=\"fr\""));
        assert!(
            page.contains(&shown(Language::Fr, "missing-consultation", &[])),
            "{page}"
        );
    }
}
