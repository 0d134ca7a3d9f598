use crate::helpers::*;
use roundtable::templates::Templates;
use roundtable::text::SafeHtml;

fn assert_complete(name: &str, html: &str) {
    assert!(
        html.starts_with("<!doctype html>"),
        "{name} rendered in the layout"
    );
    assert!(
        html.trim_end().ends_with("</html>"),
        "{name} rendered completely"
    );
}

/// tera reports template errors only when rendering, so every page template
/// is rendered here from real data. A new template that this test does not
/// reach makes it fail.
#[tokio::test]
async fn every_page_template_renders() {
    let fetched = [
        ("errors/error.html", "/no-such-page".to_owned(), 404),
        ("pages/consultation.html", format!("/c/{FORUM}"), 200),
        ("pages/home.html", "/".to_owned(), 200),
        ("pages/roundtable.html", format!("/c/{FORUM}/{RT_3_2}"), 200),
        (
            "pages/comments/comment.html",
            format!("/c/{FORUM}/{RT_3_2}/comment"),
            200,
        ),
        ("pages/account/register.html", "/register".to_owned(), 200),
        ("pages/terms.html", "/terms".to_owned(), 200),
        ("pages/search.html", "/search?q=water".to_owned(), 200),
        ("pages/account/sign_in.html", "/sign-in".to_owned(), 200),
        ("pages/verify.html", "/verify".to_owned(), 200),
        (
            "pages/outcome_versions.html",
            format!("/c/{FORUM}/{RT_3_2}/outcome/versions"),
            200,
        ),
        (
            "pages/outcome_version.html",
            format!("/c/{FORUM}/{RT_3_2}/outcome/versions/1"),
            200,
        ),
        (
            "pages/account/verify.html",
            "/verify-email?token=abc".to_owned(),
            200,
        ),
        (
            "pages/account/reset_request.html",
            "/reset-password".to_owned(),
            200,
        ),
        (
            "pages/account/reset_new.html",
            "/reset-password/new?token=abc".to_owned(),
            200,
        ),
        (
            "pages/account/unsubscribe.html",
            "/unsubscribe?token=abc".to_owned(),
            200,
        ),
        (
            "pages/moderation/link_problem.html",
            "/moderation/email/publish?token=abc".to_owned(),
            404,
        ),
    ];
    let reached_by_a_flow = [
        "pages/admin/emails.html",
        "pages/admin/user.html",
        "pages/admin/users.html",
        "pages/account/check_inbox.html",
        "pages/account/message.html",
        "pages/account/account.html",
        // Rendered by the tests in comments.rs and moderation.rs.
        // Rendered by the tests in digests.rs.
        "pages/export.html",
        "pages/comments/edit.html",
        "pages/comments/reply.html",
        "pages/comments/report.html",
        "pages/comments/reported.html",
        "pages/comments/withdraw.html",
        "pages/moderation/audit.html",
        "pages/moderation/email_action.html",
        "pages/moderation/item.html",
        "pages/moderation/decided.html",
        "pages/moderation/queue.html",
        // Rendered by the tests in outcomes.rs and authoring.rs.
        "pages/outcome.html",
        "pages/outcome_withdraw.html",
        // Rendered by the tests in outcome_versions.rs.
        "pages/outcome_changes.html",
        "pages/admin/consultations.html",
        "pages/admin/consultation_form.html",
        "pages/admin/roundtable_form.html",
        "pages/admin/confirm_remove.html",
        "pages/admin/confirm_status.html",
        // Rendered by the tests in terms.rs.
        "pages/admin/terms_form.html",
        // Rendered by the tests in coverage.rs.
        "pages/coverage.html",
        // Rendered by the tests in relevance.rs and themes.rs.
        "pages/moderation/marks.html",
        "pages/moderation/themes.html",
        "pages/moderation/theme_merge.html",
    ];
    let templates = Templates::load().expect("templates compile");
    let mut covered: Vec<&str> = fetched
        .iter()
        .map(|(name, _, _)| *name)
        .chain(reached_by_a_flow)
        .collect();
    covered.sort();
    assert_eq!(
        templates.page_names(),
        covered,
        "every page template is rendered here"
    );

    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        for (name, path, status) in &fetched {
            let (got, html) = app.get_text(path).await;
            assert_eq!(got, *status, "{name} via {path}");
            assert_complete(name, &html);
        }
        let mut browser = app.browser();
        browser.get("/register").await;
        let fields = [
            ("email", "reader@example.org"),
            ("password", "tea kettle harbour"),
            ("display_name", "Reader"),
            ("organisation", "None"),
            ("organisation_type", "individual"),
            ("country", "GE"),
            ("consent", "on"),
        ];
        let check_inbox = browser
            .post("/register", &fields)
            .await
            .text()
            .await
            .unwrap();
        assert_complete("pages/account/check_inbox.html", &check_inbox);
        assert!(check_inbox.contains("Check your inbox"));
        let message = browser
            .post("/verify-email", &[("token", &"0".repeat(64))])
            .await
            .text()
            .await
            .unwrap();
        assert_complete("pages/account/message.html", &message);
        browser
            .post(
                "/sign-in",
                &[
                    ("email", "reader@example.org"),
                    ("password", "tea kettle harbour"),
                ],
            )
            .await;
        let (status, account) = browser.get("/account").await;
        assert_eq!(status, 200);
        assert_complete("pages/account/account.html", &account);

        let mut admin = crate::admin::signed_in_admin(&app).await;
        let (status, users) = admin.get("/admin/users").await;
        assert_eq!(status, 200);
        assert_complete("pages/admin/users.html", &users);
        let id_at = users.find("/admin/users/").unwrap() + "/admin/users/".len();
        let (status, user) = admin
            .get(&format!("/admin/users/{}", &users[id_at..id_at + 36]))
            .await;
        assert_eq!(status, 200);
        assert_complete("pages/admin/user.html", &user);
        let (status, emails) = admin.get("/admin/emails").await;
        assert_eq!(status, 200);
        assert_complete("pages/admin/emails.html", &emails);
    }
}

#[test]
fn every_email_has_a_subject_and_both_bodies() {
    let templates = Templates::load().expect("templates compile");
    for name in [
        "verify_email",
        "account_exists",
        "reset_password",
        "confirm_new_email",
        "email_changed",
    ] {
        let view = serde_json::json!({ "name": "Ana <b>", "link": "https://roundtable.test/x?a=1&b=2", "expires": "48 hours" });
        let email = templates
            .render_email(name, &view)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(
            !email.subject.is_empty() && !email.subject.contains('\n'),
            "{name}"
        );
        assert_complete(name, email.body_html.as_str());
        assert!(
            email.body_text.contains("Ana <b>"),
            "{name}: plain text is not escaped"
        );
        assert!(
            email.body_html.as_str().contains("Ana &lt;b&gt;"),
            "{name}: HTML is escaped"
        );
        assert!(
            email.body_text.contains("https://roundtable.test/"),
            "{name} links"
        );
    }
}

/// The emails about comments, each rendered from a full view: names in
/// plain text as typed, escaped in HTML, every link present in both.
#[test]
fn every_comment_email_renders_its_links_in_both_bodies() {
    let templates = Templates::load().expect("templates compile");
    let item = serde_json::json!({
        "reference": "c-2f9a01bc", "roundtable": "RT 3.2 <Cooperation>", "author": "Ana <b>, Org (Georgia)",
        "questions": "Question 2", "excerpt": "An <i>excerpt</i>", "in_reply_to": "Ben",
        "queue_link": "https://roundtable.test/moderation/c-2f9a01bc",
        "publish_link": "https://roundtable.test/moderation/email/publish?token=p",
        "reject_link": "https://roundtable.test/moderation/email/reject?token=r",
    });
    let common = serde_json::json!({
        "name": "Ana <b>", "unsubscribe_link": "https://roundtable.test/unsubscribe?token=u",
        "topic": "Replies", "consultation": "Forum", "roundtable": "RT 3.2 <Cooperation>",
        "expires": "7 days", "item": item, "items": [item], "total": 3, "more": 2,
        "period": "in the last hour", "queue_link": "https://roundtable.test/moderation",
        "comment_link": "https://roundtable.test/c/f/rt#c-1", "roundtable_link": "https://roundtable.test/c/f/rt",
        "reply_link": "https://roundtable.test/c/f/rt#c-2", "excerpt": "An <i>excerpt</i>",
        "source": "The *source*", "reason": "Off-topic", "note": "A <note>", "replier": "Ben <b>",
        "outcome_link": "https://roundtable.test/c/f/rt#outcome",
        "comments": [{ "reference": "c-3", "author": "Ben <b>", "excerpt": "An <i>excerpt</i>", "link": "https://roundtable.test/c/f/rt#c-3" }],
        "count": 3, "version": 2, "previous": "12 March 2026, 18:00 CET", "new": "19 March 2026, 18:00 CET",
        "subject_key": "follow-deadline-subject-extended",
    });
    let decision = |published: bool, link: &str| {
        serde_json::json!({
            "roundtable": "RT 3.2 <Cooperation>", "decision": "Published",
            "published": published, "reason": (!published).then_some("Off-topic"),
            "note": (!published).then_some("A <note>"), "excerpt": "An <i>excerpt</i>",
            "source": (!published).then_some("The *source*"), "link": link,
        })
    };
    let mut decisions = common.clone();
    decisions["items"] = serde_json::json!([
        decision(true, "https://roundtable.test/c/f/rt?comment=c-1#c-1"),
        decision(false, "https://roundtable.test/c/f/rt"),
    ]);
    let expectations: [(&str, &[&str], &serde_json::Value); 12] = [
        (
            "comment_waiting",
            &["publish?token=p", "reject?token=r", "moderation/c-2f9a01bc"],
            &common,
        ),
        (
            "moderation_summary",
            &[
                "publish?token=p",
                "reject?token=r",
                "https://roundtable.test/moderation",
            ],
            &common,
        ),
        (
            "comments_waiting",
            &[
                "publish?token=p",
                "reject?token=r",
                "moderation/c-2f9a01bc",
                "https://roundtable.test/moderation",
            ],
            &common,
        ),
        ("comment_published", &["c/f/rt#c-1"], &common),
        ("comment_rejected", &["c/f/rt", "Off-topic"], &common),
        ("comment_unpublished", &["Off-topic"], &common),
        (
            "decisions_made",
            &[
                "c/f/rt?comment=c-1#c-1",
                "c/f/rt",
                "Off-topic",
                "The *source*",
            ],
            &decisions,
        ),
        ("reply_published", &["c/f/rt#c-2"], &common),
        ("comment_cited", &["c/f/rt#outcome", "c/f/rt#c-3"], &common),
        (
            "follow_deadline",
            &[
                "19 March 2026",
                "Off-topic",
                "https://roundtable.test/c/f/rt",
            ],
            &common,
        ),
        ("follow_outcome", &["c/f/rt#outcome"], &common),
        ("follow_digest", &["c/f/rt#c-3", "c/f/rt"], &common),
    ];
    for (name, needles, view) in expectations {
        let email = templates
            .render_email(name, view)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(
            !email.subject.is_empty() && !email.subject.contains('\n'),
            "{name}"
        );
        assert_complete(name, email.body_html.as_str());
        assert!(
            email.body_text.contains("Ana <b>"),
            "{name}: plain text as typed"
        );
        assert!(
            email.body_html.as_str().contains("Ana &lt;b&gt;"),
            "{name}: HTML escaped"
        );
        assert!(
            !email.body_html.as_str().contains("<i>excerpt"),
            "{name}: excerpts escaped"
        );
        for needle in needles.iter().chain(&["unsubscribe?token=u"]) {
            assert!(
                email.body_text.contains(needle),
                "{name}: {needle} in the text"
            );
            assert!(
                email.body_html.as_str().contains(needle),
                "{name}: {needle} in the HTML"
            );
        }
    }
}

/// The message of an error and of every error under it.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Raw HTML reaches a page only from a SafeHtml: the `sanitised` filter
/// prints one unescaped and refuses a plain string, however it was made.
#[test]
fn only_safe_html_is_printed_unescaped() {
    let templates = Templates::load().expect("templates compile");
    let comment = |body_html: serde_json::Value| {
        serde_json::json!({
            "reference": "c-1", "attribution": "Ana", "posted": "1 May 2025", "depth": 0,
            "in_reply_to": null, "questions": null, "highlighted": false, "cited": false,
            "status": null, "body_html": body_html, "retained": true, "themes": ["Funding"],
        })
    };
    let sanitised = SafeHtml::trust_stored_sanitised_html("<p>A <em>kept</em> tag</p>".into());
    let html = templates
        .render(
            "digest/comment.html",
            &comment(serde_json::to_value(&sanitised).unwrap()),
        )
        .unwrap_or_else(|e| panic!("{}", error_chain(&e)));
    assert!(html.contains("<p>A <em>kept</em> tag</p>"), "{html}");
    let empty = serde_json::to_value(SafeHtml::empty()).unwrap();
    let html = templates
        .render("digest/comment.html", &comment(empty))
        .unwrap_or_else(|e| panic!("{}", error_chain(&e)));
    assert!(html.contains("</header>\n\n</li>"), "{html}");

    for plain in [
        serde_json::json!("<p>A <em>plain</em> string</p>"),
        serde_json::json!(""),
        serde_json::json!({ "html": "<p>A map</p>" }),
    ] {
        let error = templates
            .render("digest/comment.html", &comment(plain.clone()))
            .expect_err("a plain value is refused");
        let message = error_chain(&error);
        assert!(
            message.contains("`sanitised` prints only SafeHtml"),
            "{plain}: {message}"
        );
    }
}
