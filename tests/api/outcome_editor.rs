//! The outcome editor finds comments (#16, items 6 and 7): each question's
//! published comments beside its section, every citation checked (the
//! introduction's too), citations named after their authors, a
//! confirmation after each change, and a withdrawal that asks first.
//! Both backends.

use crate::helpers::*;
use crate::outcomes::{outcome_path, public_outcome, submit};
use crate::people::*;
use crate::smtp_server::SmtpServer;
use roundtable::db::queries::outcomes;

const RT_3_1: &str = "rt-3-1";
/// Amina Diallo as the published outcome names her (see `person_with`).
const AMINA_CITED: &str = "Amina Diallo (Amina Diallo&#39;s Association, Georgia)";

/// The list of comments beside one part of the editor: "question-1", or
/// "general" for the points across the questions.
fn sources_of<'a>(page: &'a str, block: &str) -> &'a str {
    let start = page
        .find(&format!(r#"id="{block}-sources""#))
        .unwrap_or_else(|| panic!("a list of comments beside {block}"));
    let rest = &page[start..];
    let end = rest
        .find(r#"<section class="outcome-block""#)
        .or_else(|| rest.find(r#"id="outcome-buttons""#))
        .expect("the form goes on");
    &rest[..end]
}

/// A comment of RT 3.1 by `author`, answering `questions`.
async fn posted(author: &mut Person, body: &str, questions: &[&str]) -> String {
    posted_reference(&post_comment(author, RT_3_1, body, questions).await)
}

/// A published comment of the demo's RT 3.2: another roundtable's.
async fn comment_of_rt_3_2(app: &TestApp) -> String {
    let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
    let at = page
        .find(r#"<li class="comment"#)
        .expect("RT 3.2 has comments");
    let at = at + page[at..].find(r#" id=""#).unwrap() + r#" id=""#.len();
    let reference = &page[at..at + 10];
    assert!(reference.starts_with("c-"), "{reference}");
    reference.to_owned()
}

async fn stored_outcome(app: &TestApp, roundtable: &str) -> bool {
    let roundtable = roundtable.to_owned();
    app.with_conn(move |conn| {
        let id = roundtable::services::roundtables::roundtable_detail(conn, FORUM, &roundtable)
            .unwrap()
            .roundtable
            .id;
        outcomes::find(conn, id).unwrap().is_some()
    })
    .await
}

#[tokio::test]
async fn the_editor_lists_each_questions_published_comments_with_author_and_reference() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut chair = chair(&app, "Clara Chair", RT_3_1).await;
        let mut amina = participant(&app, "Amina Diallo").await;
        let first = posted(
            &mut amina,
            "Diaspora bonds **fund** [schools](https://x.org).",
            &["1"],
        )
        .await;
        let later = posted(&mut amina, "Cities lead on integration.", &["1", "2"]).await;
        let general = posted(&mut amina, "A remark on the whole roundtable.", &[]).await;
        let pending = posted(&mut amina, "Still waiting for the chair.", &["1"]).await;
        let rejected = posted(&mut amina, "Off topic entirely.", &["1"]).await;
        let publish = [first.as_str(), later.as_str(), general.as_str()];
        let (status, _) = decide(&mut chair, &publish, &[("action", "publish")]).await;
        assert!(status < 400, "published ({status})");
        let (status, _) = decide(&mut chair, &[&later], &[("action", "highlight")]).await;
        assert!(status < 400, "highlighted ({status})");
        let reject = [("action", "reject"), ("reason", "off_topic")];
        let (status, _) = decide(&mut chair, &[&rejected], &reject).await;
        assert!(status < 400, "rejected ({status})");
        let elsewhere = comment_of_rt_3_2(&app).await;

        let (status, page) = chair.browser.get(&outcome_path(RT_3_1)).await;
        assert_eq!(status, 200);
        let question_1 = sources_of(&page, "question-1");
        for reference in [&first, &later] {
            assert!(
                question_1.contains(&format!(r#"<code class="reference">#{reference}</code>"#)),
                "{reference} is listed beside question 1 with its reference"
            );
            assert!(question_1.contains(&format!(r#"href="/comment/{reference}""#)));
        }
        assert!(
            question_1.contains(
                "<strong>Amina Diallo</strong>, Amina Diallo&#x27;s Association, Georgia"
            ),
            "with its author, organisation and country"
        );
        assert!(
            question_1.contains("Diaspora bonds fund schools."),
            "a plain-text excerpt"
        );
        assert!(
            question_1.find(&later) < question_1.find(&first),
            "highlighted first"
        );
        assert!(
            sources_of(&page, "question-2").contains(&later),
            "a comment on two questions is beside both"
        );
        let general_list = sources_of(&page, "general");
        assert!(
            general_list.contains(&general),
            "an untagged comment is listed beside the general points"
        );
        assert!(!general_list.contains(&first) && !question_1.contains(&general));
        for absent in [&pending, &rejected, &elsewhere] {
            assert!(
                !page.contains(absent.as_str()),
                "{absent} is not a published comment of RT 3.1"
            );
        }
        assert!(
            page.contains("/assets/outcome-editor.js?v="),
            "filter and cite, with a script"
        );
        app.deliver_mail().await;
    }
}

#[tokio::test]
async fn a_citation_that_names_no_published_comment_of_the_roundtable_is_refused_beside_its_field()
{
    for app in TestApp::with_demo().spawn_each().await {
        let mut chair = chair(&app, "Clara Chair", RT_3_1).await;
        let mut amina = participant(&app, "Amina Diallo").await;
        let published = posted(&mut amina, "Diaspora bonds fund schools.", &["1"]).await;
        let pending = posted(&mut amina, "Still waiting for the chair.", &["1"]).await;
        let (status, _) = decide(&mut chair, &[&published], &[("action", "publish")]).await;
        assert!(status < 400);
        let elsewhere = comment_of_rt_3_2(&app).await;
        chair.browser.get(&outcome_path(RT_3_1)).await;

        let summary = format!("As #{published} and #{pending} said, and #c-zz99.");
        let synthesis = format!("1. Cities lead #{elsewhere}.\n2. Bonds #{published}.");
        for intent in ["save", "publish", "preview"] {
            let fields = [
                ("revision", "0"),
                ("summary", summary.as_str()),
                ("synthesis_1", synthesis.as_str()),
                ("intent", intent),
            ];
            let (status, page) = submit(&mut chair, RT_3_1, &fields).await;
            assert_eq!(status, 422, "{intent}: refused");
            let summary_error = between(&page, r#"id="summary-error""#, "</p>");
            assert!(
                summary_error.contains(&format!(
                    "#{pending} is not a published comment of this roundtable"
                )),
                "{intent}: an unpublished comment cited in the introduction is named beside it"
            );
            assert!(
                summary_error.contains("#c-zz99 is not a comment reference"),
                "{intent}: a mistyped reference is not passed over"
            );
            assert!(!summary_error.contains(&published));
            let synthesis_error = between(&page, r#"id="synthesis_1-error""#, "</p>");
            assert!(
                synthesis_error.contains(&format!(
                    "#{elsewhere} is not a published comment of this roundtable"
                )),
                "{intent}: another roundtable's comment is named beside the section"
            );
            assert!(page.contains(r#"<div class="error-summary""#));
            assert!(
                page.contains(r##"<a href="#summary">"##)
                    && page.contains(r##"<a href="#synthesis_1">"##)
            );
            assert!(
                page.contains(&format!(
                    "As #{published} and #{pending} said, and #c-zz99."
                )) && page.contains("1. Cities lead #"),
                "{intent}: everything typed is kept"
            );
        }
        assert!(!stored_outcome(&app, RT_3_1).await, "nothing is stored");
        app.deliver_mail().await;
    }
}

#[tokio::test]
async fn the_published_outcome_names_each_cited_author_and_links_the_comment() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut chair = chair(&app, "Clara Chair", RT_3_1).await;
        let mut amina = participant(&app, "Amina Diallo").await;
        let mut otto = participant(&app, "Otto Other").await;
        let in_point = posted(&mut amina, "Diaspora bonds fund schools.", &["1"]).await;
        let in_introduction = posted(&mut otto, "A remark on the whole roundtable.", &[]).await;
        let publish = [in_point.as_str(), in_introduction.as_str()];
        let (status, _) = decide(&mut chair, &publish, &[("action", "publish")]).await;
        assert!(status < 400);
        deliver(&app, &smtp).await;
        chair.browser.get(&outcome_path(RT_3_1)).await;
        let summary = format!("An interim synthesis, as #{in_introduction} asked.");
        let synthesis = format!(
            "1. Diaspora bonds already fund schools #{}.",
            &in_point[..6]
        );
        let fields = |intent: &'static str| {
            vec![
                ("revision", "0"),
                ("summary", summary.as_str()),
                ("synthesis_1", synthesis.as_str()),
                ("intent", intent),
            ]
        };
        let (status, preview) = submit(&mut chair, RT_3_1, &fields("preview")).await;
        assert_eq!(status, 200);
        assert!(
            preview.contains(&format!(
                r#"<a href="/comment/{in_point}">{AMINA_CITED}</a>"#
            )),
            "the preview names the author too"
        );

        let (status, _) = submit(&mut chair, RT_3_1, &fields("publish")).await;
        assert_eq!(status, 303);
        let shown = public_outcome(&app, RT_3_1).await.expect("published");
        assert!(
            shown.contains(&format!(r#"<a href="/comment/{in_point}">{AMINA_CITED}</a>"#)),
            "a point's citation reads “Name (Organisation, Country)” and links the permalink: {shown}"
        );
        assert!(
            shown.contains(&format!(
                r#"<a href="/comment/{in_introduction}">Otto Other (Otto Other&#39;s Association, Georgia)</a>"#
            )),
            "so does the introduction's"
        );
        assert!(
            !shown.contains(&format!("#{}", &in_point[..6])),
            "no bare reference"
        );
        let response = app.get(&format!("/comment/{in_point}")).await;
        assert_eq!(
            response.status().as_u16(),
            303,
            "the permalink leads to the comment"
        );

        // The author cited in the introduction is told, like the one cited in a point.
        let mails = deliver(&app, &smtp).await;
        for person in [&amina, &otto] {
            let told = mails_to(&mails, &person.email)
                .iter()
                .filter(|m| {
                    m.part("text/plain")
                        .is_some_and(|t| t.contains("it cites your comment"))
                })
                .count();
            assert_eq!(told, 1, "{} is told once", person.email);
        }
    }
}

#[tokio::test]
async fn each_change_is_confirmed_and_withdrawing_asks_first() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut chair = chair(&app, "Clara Chair", RT_3_1).await;
        let mut amina = participant(&app, "Amina Diallo").await;
        let reference = posted(&mut amina, "Diaspora bonds fund schools.", &["1"]).await;
        decide(&mut chair, &[&reference], &[("action", "publish")]).await;
        let path = outcome_path(RT_3_1);
        let withdraw_path = format!("{path}/withdraw");
        chair.browser.get(&path).await;
        let synthesis = format!("1. Bonds fund schools #{reference}.");
        let fields = |intent: &'static str, revision: &'static str| {
            vec![
                ("revision", revision),
                ("synthesis_1", synthesis.as_str()),
                ("intent", intent),
            ]
        };
        let roundtable = "RT 3.1";

        let saved = chair.browser.post(&path, &fields("save", "0")).await;
        let location = saved.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(
            location,
            format!("/c/{FORUM}/{RT_3_1}?outcome=saved#outcome")
        );
        let (_, page) = chair.browser.get(&location).await;
        let notice = between(&page, r#"<p class="notice" role="status">"#, "</p>");
        assert!(
            notice.starts_with(&format!("Outcome of {roundtable}"))
                && notice.contains("saved as a draft"),
            "a confirmation naming the roundtable: {notice}"
        );
        let (_, visitor_page) = app.get_text(&location).await;
        assert!(
            !visitor_page.contains(r#"class="notice""#),
            "only for the chairs and staff"
        );

        let (status, _) = chair.browser.get(&withdraw_path).await;
        assert_eq!(status, 409, "a draft has nothing to withdraw");

        let published = chair.browser.post(&path, &fields("publish", "1")).await;
        let location = published.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(
            location,
            format!("/c/{FORUM}/{RT_3_1}?outcome=published#outcome")
        );
        let (_, page) = chair.browser.get(&location).await;
        let notice = between(&page, r#"<p class="notice" role="status">"#, "</p>");
        assert!(
            notice.starts_with(&format!("Outcome of {roundtable}")) && notice.contains("published")
        );
        // A confirmation that does not say what the outcome is, is not shown.
        let (_, page) = chair
            .browser
            .get(&format!("/c/{FORUM}/{RT_3_1}?outcome=withdrawn"))
            .await;
        assert!(!page.contains(r#"class="notice""#));

        let (_, form) = chair.browser.get(&path).await;
        assert!(
            !form.contains(r#"value="unpublish""#),
            "no withdrawal beside Save"
        );
        assert!(
            form.contains(&format!(
                r#"<a class="button danger" href="{withdraw_path}">"#
            )),
            "but a control of its own, in the danger style"
        );
        // A stale form asking to withdraw only saves.
        let (status, _) = submit(&mut chair, RT_3_1, &fields("unpublish", "2")).await;
        assert_eq!(status, 303);
        assert!(
            public_outcome(&app, RT_3_1).await.is_some(),
            "still published"
        );

        let (status, _) = amina.browser.get(&withdraw_path).await;
        assert_eq!(status, 403, "only chairs and staff withdraw");
        let response = amina.browser.post(&withdraw_path, &[]).await;
        assert_eq!(response.status().as_u16(), 403);
        assert!(public_outcome(&app, RT_3_1).await.is_some());

        let (status, page) = chair.browser.get(&withdraw_path).await;
        assert_eq!(status, 200, "withdrawing asks first, on a page of its own");
        assert!(page.contains(&format!("Withdraw the outcome of {roundtable}")));
        assert!(page.contains(r#"<button type="submit" class="danger">Withdraw to draft</button>"#));
        assert!(
            public_outcome(&app, RT_3_1).await.is_some(),
            "asking withdraws nothing"
        );
        let withdrawn = chair.browser.post(&withdraw_path, &[]).await;
        let location = withdrawn.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(
            location,
            format!("/c/{FORUM}/{RT_3_1}?outcome=withdrawn#outcome")
        );
        assert!(public_outcome(&app, RT_3_1).await.is_none(), "withdrawn");
        let (_, page) = chair.browser.get(&location).await;
        let notice = between(&page, r#"<p class="notice" role="status">"#, "</p>");
        assert!(
            notice.starts_with(&format!("Outcome of {roundtable}")) && notice.contains("withdrawn")
        );
        assert!(
            page.contains("Bonds fund schools"),
            "the text stays, as a draft"
        );

        // A form opened before the withdrawal does not save over it unknowingly.
        let (status, _) = submit(&mut chair, RT_3_1, &fields("save", "3")).await;
        assert_eq!(status, 409);
        let saved = chair.browser.post(&path, &fields("save", "4")).await;
        let location = saved.headers()["location"].to_str().unwrap().to_owned();
        let (_, page) = chair.browser.get(&location).await;
        assert!(
            page.contains("saved as a draft"),
            "saving a draft keeps it a draft"
        );
        app.deliver_mail().await;
    }
}

/// The text after the first `start`, up to the next `end`.
fn between<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start} on the page"))
        + start.len();
    let to = page[from..].find(end).map_or(page.len(), |e| from + e);
    &page[from..to]
}
