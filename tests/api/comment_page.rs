//! The comment form on a page of its own, `/c/…/…/comment`: what each
//! reader finds there (the form, a way to sign in, the reminder to confirm
//! the address, or the closed period), and the form shown again there when
//! a top-level comment comes back with mistakes or a preview. Every test
//! runs on both backends.

use crate::fixtures::roundtable_id;
use crate::helpers::*;
use crate::people::*;
use roundtable::db::queries::comments;
use roundtable::domain::user::Role;

fn comment_page(roundtable: &str) -> String {
    format!("{}/comment", roundtable_path(roundtable))
}

/// The guiding questions whose boxes are ticked, as their labels read.
fn ticked_questions(html: &str) -> Vec<String> {
    let fieldset = &html[html
        .find(r#"id="question-choices""#)
        .expect("the questions")..];
    let fieldset = &fieldset[..fieldset.find("</fieldset>").unwrap()];
    fieldset
        .split("<label>")
        .filter(|choice| choice.contains(" checked>"))
        .map(|choice| choice[choice.find('>').unwrap() + 1..].trim().to_owned())
        .collect()
}

/// The `<textarea …>` tag of the comment box.
fn textarea_tag(html: &str) -> &str {
    let start = html.find("<textarea").expect("the comment box");
    &html[start..start + html[start..].find('>').unwrap()]
}

async fn stored_comments(app: &TestApp) -> usize {
    app.with_conn(|conn| {
        let id = roundtable_id(conn, FORUM, RT_3_2);
        comments::for_roundtable(conn, id).unwrap().len()
    })
    .await
}

#[tokio::test]
async fn a_visitor_finds_how_to_sign_in_and_come_back_here() {
    for app in TestApp::with_demo().spawn_each().await {
        let path = format!("{}?answer=2", comment_page(RT_3_2));
        let (status, page) = app.get_text(&path).await;
        assert_eq!(status, 200, "{:?}", app.backend);
        assert!(page.contains("<title>Comment on RT 3.2 "), "{page}");
        assert!(page.contains("<h1>Comment on RT 3.2</h1>"));
        let breadcrumb = &page[page.find(r#"class="breadcrumb""#).unwrap()..];
        let breadcrumb = &breadcrumb[..breadcrumb.find("</nav>").unwrap()];
        assert!(breadcrumb.contains(&format!(r#"href="/c/{FORUM}""#)));
        assert!(breadcrumb.contains(&format!(r#"href="{}""#, roundtable_path(RT_3_2))));
        assert!(breadcrumb.contains(r#"aria-current="page">Comment</a>"#));
        assert!(page.contains("Open for comments"));
        assert!(page.contains("A chair reads your comment before it is published."));

        let next = path
            .replace('/', "%2F")
            .replace('?', "%3F")
            .replace('=', "%3D");
        assert!(
            page.contains(&format!(
                r#"<a class="button" href="/sign-in?next={next}">Sign in to comment</a>"#
            )),
            "{page}"
        );
        assert!(page.contains(&format!(
            r#"<a href="/register?next={next}">create an account</a>"#
        )));
        assert!(!page.contains(r#"name="body""#), "no form for a visitor");
        assert!(page.contains(&format!(
            r#"<a href="{}">Back to RT 3.2</a>"#,
            roundtable_path(RT_3_2)
        )));
    }
}

#[tokio::test]
async fn a_participant_lands_in_the_box_with_the_question_ticked() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut unconfirmed = person_with(&app, "Una Confirmed", Role::Participant, false).await;
        let (status, page) = unconfirmed.browser.get(&comment_page(RT_3_2)).await;
        assert_eq!(status, 200);
        assert!(page.contains("Confirm your email address with the link"));
        let resend = format!(
            r#"<input type="hidden" name="next" value="{}">"#,
            comment_page(RT_3_2)
        );
        assert!(
            page.contains(&resend),
            "the link sent again comes back here"
        );
        assert!(
            !page.contains(r#"name="body""#),
            "no form before confirming"
        );
        assert!(!page.contains("Sign in to comment"));

        let mut participant = participant(&app, "Ines Moreau").await;
        let (status, page) = participant.browser.get(&comment_page(RT_3_2)).await;
        assert_eq!(status, 200, "{:?}", app.backend);
        assert!(page.contains(&format!(r#"action="{}/comments""#, roundtable_path(RT_3_2))));
        assert!(
            textarea_tag(&page).ends_with(" autofocus"),
            "the box takes the focus"
        );
        assert_eq!(
            page.matches(" autofocus").count(),
            1,
            "one autofocus a page"
        );
        assert!(
            ticked_questions(&page).is_empty(),
            "a general comment by default"
        );
        assert!(page.contains(r#"name="language""#), "the language is asked");
        assert!(page.contains("Question 1: "), "questions read in full");

        let (status, page) = participant
            .browser
            .get(&format!("{}?answer=2", comment_page(RT_3_2)))
            .await;
        assert_eq!(status, 200);
        let ticked = ticked_questions(&page);
        assert_eq!(ticked.len(), 1, "{ticked:?}");
        assert!(ticked[0].starts_with("Question 2: "), "{ticked:?}");

        for (wrong, message) in [
            (
                "99",
                "Question 99 is not one of this roundtable&#x27;s open questions.",
            ),
            ("x", "&#x27;x&#x27; is not a question number"),
        ] {
            let (status, page) = participant
                .browser
                .get(&format!("{}?answer={wrong}", comment_page(RT_3_2)))
                .await;
            assert_eq!(status, 400, "answer={wrong}");
            assert!(page.contains(message), "answer={wrong}: {page}");
        }
        let (status, _) = participant.browser.get(&comment_page("no-such-rt")).await;
        assert_eq!(status, 404);
        let (status, _) = app
            .get_text(&format!("/c/no-such-forum/{RT_3_2}/comment"))
            .await;
        assert_eq!(status, 404);
    }
}

#[tokio::test]
async fn a_renamed_roundtable_sends_its_comment_page_to_the_new_address() {
    for app in TestApp::with_demo().spawn_each().await {
        let forum = format!("(SELECT id FROM consultations WHERE slug = '{FORUM}')");
        sql(
            &app,
            format!(
                "UPDATE roundtables SET slug = 'rt-3-2-renamed' \
                 WHERE slug = 'rt-3-2' AND consultation_id = {forum}; \
                 INSERT INTO slug_redirects (id, old_slug, consultation_id, roundtable_id, created_at) \
                 SELECT '0190a0a0-0000-7000-8000-000000000001', 'rt-3-2', consultation_id, id, \
                 '2024-01-01 00:00:00' FROM roundtables WHERE slug = 'rt-3-2-renamed';"
            ),
        )
        .await;
        let old = app.get(&format!("{}?answer=2", comment_page(RT_3_2))).await;
        assert_eq!(old.status().as_u16(), 301, "{:?}", app.backend);
        assert_eq!(
            old.headers()["location"],
            format!("/c/{FORUM}/rt-3-2-renamed/comment?answer=2").as_str()
        );
        let (status, _) = app.get_text(&comment_page("rt-3-2-renamed")).await;
        assert_eq!(status, 200);
    }
}

#[tokio::test]
async fn outside_the_comment_period_the_page_says_so_and_offers_no_form() {
    for app in TestApp::with_demo().spawn_each().await {
        sql(
            &app,
            format!(
                "UPDATE roundtables SET comments_close_at = '{}' WHERE slug = 'rt-3-1'",
                (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%d %H:%M:%S")
            ),
        )
        .await;
        let mut author = participant(&app, "Amina Diallo").await;
        let (status, page) = author.browser.get(&comment_page("rt-3-1")).await;
        assert_eq!(status, 200, "{:?}", app.backend);
        assert!(page.contains("Comments closed on"), "{page}");
        assert!(!page.contains(r#"name="body""#), "no form");
        assert!(!page.contains("A chair reads your comment"));
        let (_, page) = app.get_text(&comment_page("rt-3-1")).await;
        assert!(page.contains("Comments closed on"));
        assert!(
            !page.contains("Sign in to comment"),
            "nothing to sign in for"
        );
    }
}

#[tokio::test]
async fn a_comment_with_mistakes_comes_back_on_this_page_as_typed() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        let before = stored_comments(&app).await;
        author.browser.get(&comment_page(RT_3_2)).await;
        let response = author
            .browser
            .post(
                &format!("{}/comments", roundtable_path(RT_3_2)),
                &[
                    ("body", "   "),
                    ("questions", "2"),
                    ("language", "es"),
                    ("intent", "post"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422, "{:?}", app.backend);
        let html = response.text().await.unwrap();
        assert!(html.contains("<title>Error: Comment on RT 3.2 "), "{html}");
        assert!(html.contains("<h1>Comment on RT 3.2</h1>"));
        assert!(
            !html.contains(r#"id="comments-heading""#) && !html.contains(r#"class="comments""#),
            "the comment page, not the roundtable page with its comments"
        );
        assert!(html.contains(r#"class="error-summary" role="alert" tabindex="-1" autofocus"#));
        assert!(html.contains("Write your comment before sending it."));
        assert!(
            !textarea_tag(&html).contains("autofocus"),
            "the summary has it"
        );
        assert_eq!(html.matches(" autofocus").count(), 1);
        assert!(textarea_tag(&html).contains(r#"aria-invalid="true""#));
        assert!(html.contains(">   </textarea>"), "what was typed is kept");
        let ticked = ticked_questions(&html);
        assert_eq!(ticked.len(), 1, "{ticked:?}");
        assert!(ticked[0].starts_with("Question 2: "));
        assert!(html.contains(r#"<option value="es" lang="es" selected>"#));
        assert!(!html.contains(r#"<option value="en" lang="en" selected>"#));

        // A body the form refuses for another field keeps its text too.
        let response = author
            .browser
            .post(
                &format!("{}/comments", roundtable_path(RT_3_2)),
                &[
                    ("body", "Our shelter & kitchen welcome families."),
                    ("questions", "9"),
                    ("intent", "post"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let html = response.text().await.unwrap();
        assert!(html.contains("Question 9 is not one of this roundtable"));
        assert!(html.contains(">Our shelter &amp; kitchen welcome families.</textarea>"));
        assert_eq!(stored_comments(&app).await, before, "nothing stored");
    }
}

#[tokio::test]
async fn a_preview_comes_back_on_this_page_with_what_was_typed() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        let before = stored_comments(&app).await;
        author.browser.get(&comment_page(RT_3_2)).await;
        let response = author
            .browser
            .post(
                &format!("{}/comments", roundtable_path(RT_3_2)),
                &[
                    ("body", "A *first* draft"),
                    ("questions", "1"),
                    ("questions", "3"),
                    ("language", "fr"),
                    ("intent", "preview"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 200, "{:?}", app.backend);
        let html = response.text().await.unwrap();
        assert!(
            html.contains("<title>Comment on RT 3.2 "),
            "no error in the title"
        );
        assert!(!html.contains(r#"id="comments-heading""#));
        assert!(html.contains(r#"<h2 id="preview-heading">Preview</h2>"#));
        assert!(html.contains(
            r#"<section class="preview" aria-labelledby="preview-heading" tabindex="-1" autofocus>"#
        ));
        assert!(html.contains("A <em>first</em> draft"));
        assert!(html.contains(">A *first* draft</textarea>"));
        assert!(
            !textarea_tag(&html).contains("autofocus"),
            "the preview has it"
        );
        assert_eq!(html.matches(" autofocus").count(), 1);
        let ticked = ticked_questions(&html);
        assert_eq!(ticked.len(), 2, "{ticked:?}");
        assert!(ticked[0].starts_with("Question 1: ") && ticked[1].starts_with("Question 3: "));
        assert!(html.contains(r#"<option value="fr" lang="fr" selected>"#));
        assert_eq!(
            stored_comments(&app).await,
            before,
            "a preview stores nothing"
        );
    }
}

/// A reply's page leads to the comment answered by its permalink, which
/// finds the page of the roundtable that holds it.
#[tokio::test]
async fn the_reply_page_links_to_the_comment_by_its_permalink() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut replier = participant(&app, "Ben Replier").await;
        let (_, page) = replier.browser.get(&roundtable_path(RT_3_2)).await;
        let at = page
            .find(r#"href="/comment/c-"#)
            .expect("a published comment")
            + 15;
        let reference = page[at..at + page[at..].find('"').unwrap()].to_owned();
        let reply = format!("{}/comments/{reference}/reply", roundtable_path(RT_3_2));
        let (status, form) = replier.browser.get(&reply).await;
        assert_eq!(status, 200, "{:?}", app.backend);
        assert!(
            form.contains(&format!(
                r#"<a href="/comment/{reference}">in the thread</a>"#
            )),
            "{form}"
        );
        assert!(!form.contains(&format!("#{reference}\"")));
    }
}
