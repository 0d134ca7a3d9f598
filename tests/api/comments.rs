//! Participants' side of the comments: posting and replying within the
//! comment period, the sanitiser, editing, withdrawing, reporting, who sees
//! what, and "new since your last visit". Every test runs on both backends.

use crate::fixtures::roundtable_id;
use crate::helpers::*;
use crate::people::*;
use roundtable::db::queries::comments;
use roundtable::domain::user::Role;

async fn stored_comments(app: &TestApp, roundtable: &'static str) -> usize {
    app.with_conn(move |conn| {
        let id = roundtable_id(conn, FORUM, roundtable);
        comments::for_roundtable(conn, id).unwrap().len()
    })
    .await
}

#[tokio::test]
async fn a_new_comment_waits_for_the_chair_and_only_its_author_and_chairs_see_it() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut other = participant(&app, "Omar Haddad").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let body = "Cities should fund **zebra-striped** associations directly.";
        let response = post_comment(&mut author, RT_3_2, body, &["2"]).await;
        assert_eq!(response.status().as_u16(), 303, "{:?}", app.backend);
        let reference = posted_reference(&response);
        assert_eq!(status_of(&app, &reference).await, "pending");

        let (_, mine) = author.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(mine.contains("<strong>zebra-striped</strong>"));
        assert!(mine.contains("Awaiting the chair&#x27;s decision"));
        let (_, theirs) = other.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(!theirs.contains("zebra-striped"), "{:?}", app.backend);
        let (_, anonymous) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(!anonymous.contains("zebra-striped"));
        let (_, api) = app
            .get_json(&format!(
                "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/comments?limit=200"
            ))
            .await;
        assert!(!api.to_string().contains("zebra-striped"));
        let (_, chairs) = chair.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(chairs.contains("zebra-striped"));
        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(queue.contains(&reference));
        assert!(queue.contains("Question 2"));
        assert!(queue.contains("First comment"), "the author's record");
    }
}

#[tokio::test]
async fn each_wrong_field_is_named_next_to_it_and_nothing_is_stored() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        let before = stored_comments(&app, RT_3_2).await;

        let response = post_comment(&mut author, RT_3_2, "   ", &["9"]).await;
        assert_eq!(response.status().as_u16(), 422);
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"id="comment-body-error""#), "{html}");
        assert!(html.contains("Write your comment before sending it."));
        assert!(
            html.contains("<title>Error: Comment on RT 3.2"),
            "the title says so first, on the comment form's own page"
        );
        assert!(html.contains(r#"class="error-summary" role="alert" tabindex="-1" autofocus"#));
        assert!(html.contains(r#"id="questions-error""#));
        assert!(html.contains("Question 9 is not one of this roundtable"));

        let long = "é".repeat(10_001);
        let response = post_comment(&mut author, RT_3_2, &long, &["1", "3"]).await;
        assert_eq!(response.status().as_u16(), 422);
        let html = response.text().await.unwrap();
        assert!(html.contains("Your comment is 10,001 characters long; the limit is 10,000."));
        assert!(html.contains(&long), "what was typed is kept");
        let ticked = html
            .split(r#"name="questions" value=""#)
            .skip(1)
            .filter(|rest| rest.get(36..45) == Some(r#"" checked"#))
            .count();
        assert!(ticked == 2, "ticked questions stay ticked");

        let response = author
            .browser
            .client
            .post(app.url(&format!("{}/comments", roundtable_path(RT_3_2))))
            .form(&[("body", "No token"), ("intent", "post")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 403);
        assert_eq!(
            stored_comments(&app, RT_3_2).await,
            before,
            "{:?}",
            app.backend
        );
    }
}

#[tokio::test]
async fn preview_renders_the_comment_without_storing_it() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        let before = stored_comments(&app, RT_3_2).await;
        let path = roundtable_path(RT_3_2);
        author.browser.get(&path).await;
        let response = author
            .browser
            .post(
                &format!("{path}/comments"),
                &[
                    ("body", "A *first* draft"),
                    ("intent", "preview"),
                    ("questions", "1"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 200);
        let html = response.text().await.unwrap();
        assert!(
            html.contains(r#"<h2 id="preview-heading">Preview</h2>"#),
            "on the comment form's own page, right under its h1"
        );
        assert!(html.contains("A <em>first</em> draft"));
        assert!(html.contains(">A *first* draft</textarea>"));
        assert_eq!(stored_comments(&app, RT_3_2).await, before);
    }
}

#[tokio::test]
async fn outside_the_comment_period_the_form_gives_way_and_posts_are_refused() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        // RT 3.1 closed yesterday; RT 3.2 opens tomorrow.
        sql(
            &app,
            format!(
                "UPDATE roundtables SET comments_close_at = '{}' WHERE slug = 'rt-3-1'",
                (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%d %H:%M:%S")
            ),
        )
        .await;
        sql(
            &app,
            format!(
                "UPDATE roundtables SET comments_open_at = '{}' WHERE slug = 'rt-3-2'",
                (chrono::Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%d %H:%M:%S")
            ),
        )
        .await;
        for (roundtable, words) in [
            ("rt-3-1", "Comments closed on"),
            (RT_3_2, "Comments open on"),
        ] {
            let (_, page) = author.browser.get(&roundtable_path(roundtable)).await;
            assert!(page.contains(words), "{roundtable}: {words}");
            assert!(!page.contains(r#"name="body""#), "no form on {roundtable}");
            let before = stored_comments(
                &app,
                if roundtable == RT_3_2 {
                    RT_3_2
                } else {
                    "rt-3-1"
                },
            )
            .await;
            let response = author
                .browser
                .post(
                    &format!("{}/comments", roundtable_path(roundtable)),
                    &[("body", "Too late or too early"), ("intent", "post")],
                )
                .await;
            assert_eq!(response.status().as_u16(), 409, "{roundtable}");
            assert!(response.text().await.unwrap().contains(words));
            let after = stored_comments(
                &app,
                if roundtable == RT_3_2 {
                    RT_3_2
                } else {
                    "rt-3-1"
                },
            )
            .await;
            assert_eq!(before, after);
        }
    }
}

#[tokio::test]
async fn visitors_and_unconfirmed_accounts_cannot_post() {
    for app in TestApp::with_demo().spawn_each().await {
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("create an account</a> to comment"));
        let mut visitor = app.browser();
        visitor.get(&roundtable_path(RT_3_2)).await;
        let response = visitor
            .post(
                &format!("{}/comments", roundtable_path(RT_3_2)),
                &[("body", "Anonymous"), ("intent", "post")],
            )
            .await;
        // The page offers a visitor no form, hence no anti-forgery token: the
        // post is refused before anything else is looked at.
        assert_eq!(response.status().as_u16(), 403);

        let mut unconfirmed = person_with(&app, "Una Confirmed", Role::Participant, false).await;
        let (_, page) = unconfirmed.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Confirm your email address with the link"));
        let response = post_comment(&mut unconfirmed, RT_3_2, "Not yet confirmed", &[]).await;
        assert_eq!(response.status().as_u16(), 403);
        assert!(response
            .text()
            .await
            .unwrap()
            .contains("Confirm your email address first"));
    }
}

#[tokio::test]
async fn scripts_handlers_and_javascript_links_never_reach_the_page() {
    for app in TestApp::with_demo().spawn_each().await {
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        let mut author = participant(&app, "Mallory Markup").await;
        let hostile = "Hello <script>alert('x')</script>\n\n[click](javascript:alert(1)) \
             <a href=\"https://ok.example\" onclick=\"steal()\">ok</a> <img src=x onerror=alert(1)>\n\n\
             <iframe src=\"https://evil.example\"></iframe> *unclosed **bold `code\n> quote <b>open";
        let response = post_comment(&mut author, RT_3_2, hostile, &[]).await;
        assert_eq!(response.status().as_u16(), 303);
        let reference = posted_reference(&response);
        assert_eq!(
            status_of(&app, &reference).await,
            "approved",
            "post-moderation"
        );
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        let start = page
            .find(&format!(r#"id="{reference}""#))
            .expect("the comment shows");
        let comment = &page[start..start + page[start..].find("</li>").unwrap()];
        for forbidden in [
            "<script",
            "javascript:",
            "onclick",
            "onerror",
            "<img",
            "<iframe",
            "<b>",
        ] {
            assert!(!comment.contains(forbidden), "{forbidden} in {comment}");
        }
        assert!(comment.contains(r#"rel="nofollow ugc noopener""#));
        assert_eq!(
            comment.matches("<blockquote>").count(),
            comment.matches("</blockquote>").count()
        );
    }
}

#[tokio::test]
async fn replies_inherit_their_parent_questions_and_deep_ones_are_flattened() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        let mut ana = participant(&app, "Ana Root").await;
        let mut ben = participant(&app, "Ben Reply").await;
        let response = post_comment(&mut ana, RT_3_2, "Root comment on question 3", &["3"]).await;
        let mut parent = posted_reference(&response);
        let mut references = vec![parent.clone()];
        for level in 1..=6 {
            let replier = if level % 2 == 1 { &mut ben } else { &mut ana };
            let response =
                post_reply(replier, RT_3_2, &parent, &format!("Reply at level {level}")).await;
            assert_eq!(response.status().as_u16(), 303, "level {level}");
            parent = posted_reference(&response);
            references.push(parent.clone());
        }
        let deepest = references.last().unwrap().clone();
        let record = app
            .with_conn(move |conn| {
                comments::find_by_reference(conn, &deepest)
                    .unwrap()
                    .unwrap()
            })
            .await;
        assert_eq!(record.comment.depth, 6, "stored at any depth");
        assert_eq!(
            record.comment.question_ids.len(),
            1,
            "inherited from the root"
        );
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        for (level, reference) in references.iter().enumerate() {
            let shown = level.min(4);
            assert!(
                page.contains(&format!(
                    r#"class="comment depth-{shown}" id="{reference}""#
                )),
                "level {level} shown at depth {shown}"
            );
        }
        assert!(
            page.contains("In reply to Ana Root"),
            "level 5, flattened, answers Ana at level 4"
        );
        assert!(
            page.contains("In reply to Ben Reply"),
            "level 6 answers Ben at level 5"
        );

        let response = post_reply(&mut ben, RT_3_2, &references[0], "x").await;
        assert_eq!(response.status().as_u16(), 303);
        let response = ben
            .browser
            .post(
                &format!("{}/comments", roundtable_path(RT_3_2)),
                &[
                    ("body", "To nothing"),
                    ("parent", "c-00000000"),
                    ("intent", "post"),
                ],
            )
            .await;
        assert_eq!(
            response.status().as_u16(),
            404,
            "a reply to a comment that is not published cannot be shown again"
        );
    }
}

#[tokio::test]
async fn authors_edit_while_pending_withdraw_any_time_and_keep_their_identity_of_the_day() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let response = post_comment(&mut author, RT_3_2, "First version", &[]).await;
        let reference = posted_reference(&response);
        let edit = format!("{}/comments/{reference}/edit", roundtable_path(RT_3_2));
        let (status, form) = author.browser.get(&edit).await;
        assert_eq!(status, 200);
        assert!(form.contains(">First version</textarea>"));
        let response = author
            .browser
            .post(
                &edit,
                &[("body", "Second, better version"), ("intent", "save")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 303);
        let response = author
            .browser
            .post(&edit, &[("body", ""), ("intent", "save")])
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let mistake = response.text().await.unwrap();
        assert!(mistake.contains("Write your comment before sending it."));
        assert!(mistake.contains("<title>Error: "));
        assert!(mistake.contains(r##"autofocus aria-labelledby="error-summary-title">"##));
        assert!(
            mistake.contains(r##"<a href="#comment-body">"##),
            "the summary names its field"
        );

        // Someone else cannot edit it.
        let mut other = participant(&app, "Omar Haddad").await;
        let (status, _) = other.browser.get(&edit).await;
        assert_eq!(status, 404);

        // The profile changes after posting; the comment keeps the old identity.
        author.browser.get("/account").await;
        author
            .browser
            .post(
                "/account/profile",
                &[
                    ("display_name", "Amina Diallo"),
                    ("organisation", "A New Employer"),
                    ("organisation_type", "academia"),
                    ("country", "FR"),
                ],
            )
            .await;
        let (status, _) = decide(&mut chair, &[&reference], &[("action", "publish")]).await;
        assert_eq!(status, 200);
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Second, better version"));
        assert!(
            page.contains("Amina Diallo&#x27;s Association"),
            "the identity of the day"
        );
        assert!(!page.contains("A New Employer"));

        // Published now: no more edits, but a reply, then withdrawal.
        let (status, _) = author.browser.get(&edit).await;
        assert_eq!(status, 409);
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        post_reply(&mut other, RT_3_2, &reference, "A reply that stays").await;
        let withdraw = format!("{}/comments/{reference}/withdraw", roundtable_path(RT_3_2));
        let (status, _) = author.browser.get(&withdraw).await;
        assert_eq!(status, 200);
        let response = author.browser.post(&withdraw, &[]).await;
        assert_eq!(response.status().as_u16(), 303);
        assert_eq!(status_of(&app, &reference).await, "withdrawn");
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("This comment was withdrawn by its author."));
        assert!(page.contains("A reply that stays"));
        assert!(!page.contains("Second, better version"));
    }
}

#[tokio::test]
async fn three_reports_hide_a_comment_until_a_chair_decides() {
    for app in TestApp::with_demo().spawn_each().await {
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        let mut author = participant(&app, "Pat Poster").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let response = post_comment(&mut author, RT_3_2, "A contested remark", &[]).await;
        let reference = posted_reference(&response);
        let report_path = format!("{}/comments/{reference}/report", roundtable_path(RT_3_2));

        let response = author
            .browser
            .post(&report_path, &[("reason", "spam")])
            .await;
        assert_eq!(response.status().as_u16(), 409, "one's own comment");

        let mut readers = Vec::new();
        for name in ["Rita Reader", "Rui Reader", "Rosa Reader"] {
            readers.push(participant(&app, name).await);
        }
        let response = readers[0]
            .browser
            .post(&report_path, &[("reason", "")])
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let mistake = response.text().await.unwrap();
        assert!(mistake.contains(r#"id="reason-error""#));
        assert!(
            mistake.contains(r##"<li><a href="#reason">"##),
            "a summary that leads to the field"
        );
        for (n, reader) in readers.iter_mut().enumerate() {
            let (status, _) = reader.browser.get(&report_path).await;
            assert_eq!(status, 200);
            let response = reader
                .browser
                .post(
                    &report_path,
                    &[("reason", "abusive"), ("note", "Insulting")],
                )
                .await;
            assert_eq!(response.status().as_u16(), 200, "report {n}");
            let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
            assert_eq!(
                page.contains("A contested remark"),
                n < 2,
                "after report {}",
                n + 1
            );
        }
        let again = readers[0]
            .browser
            .post(&report_path, &[("reason", "spam")])
            .await;
        assert_eq!(again.status().as_u16(), 409, "one report per reader");

        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(queue.contains(&reference));
        assert!(queue.contains("reported</strong> and hidden"));
        let (status, _) = decide(
            &mut chair,
            &[],
            &[("quick", &format!("dismiss_reports {reference}"))],
        )
        .await;
        assert_eq!(status, 200);
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("A contested remark"), "shown again");
        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(!queue.contains(&reference));
    }
}

#[tokio::test]
async fn returning_readers_see_what_is_new_since_their_last_visit() {
    for app in TestApp::with_demo().spawn_each().await {
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        let mut reader = participant(&app, "Rita Reader").await;
        let mut author = participant(&app, "Pat Poster").await;
        let (_, first) = reader.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(
            !first.contains("new since your last visit"),
            "a first visit has nothing new"
        );
        let response = post_comment(&mut author, RT_3_2, "Fresh news", &[]).await;
        let reference = posted_reference(&response);
        let (_, second) = reader.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(
            second.contains("1 new since your last visit"),
            "{:?}",
            app.backend
        );
        assert!(second.contains(&format!(r#"new" id="{reference}""#)));
        let (_, consultation) = reader.browser.get(&format!("/c/{FORUM}")).await;
        assert!(consultation.contains("0 new since your last visit"));
        let (_, third) = reader.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(third.contains("0 new since your last visit"));
        let (_, own) = author.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(
            !own.contains(&format!(r#"new" id="{reference}""#)),
            "one's own is not news"
        );
    }
}

/// The form names questions by id: reordered while someone writes, the
/// comment still answers the question they ticked.
#[tokio::test]
async fn a_comment_keeps_its_question_when_the_questions_are_reordered_meanwhile() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let path = roundtable_path(RT_3_2);
        let (_, page) = author.browser.get(&path).await;
        let marker = r#"name="questions" value=""#;
        let start = page.find(marker).expect("a question checkbox") + marker.len();
        let ticked = page[start..start + 36].to_owned();
        // Staff move the first question last while the author writes.
        sql(
            &app,
            format!("UPDATE guiding_questions SET position = 99 WHERE id = '{ticked}'"),
        )
        .await;
        let response = author
            .browser
            .post(
                &format!("{path}/comments"),
                &[
                    ("body", "About the question I ticked"),
                    ("intent", "post"),
                    ("questions", ticked.as_str()),
                ],
            )
            .await;
        let reference = posted_reference(&response);
        let tags = app
            .with_conn(move |conn| {
                comments::find_by_reference(conn, &reference)
                    .unwrap()
                    .expect("posted")
                    .comment
                    .question_ids
            })
            .await;
        assert_eq!(
            tags.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
            [ticked],
            "tagged with the question ticked, now the last one"
        );
    }
}
