//! The chairs' outcome: written and previewed in the browser, citations
//! checked and linked, a draft kept from the public, publication shown on
//! the page and told to the cited authors by email, once. Both backends.

use crate::helpers::*;
use crate::people::*;
use crate::smtp_server::SmtpServer;

const RT_3_1: &str = "rt-3-1";

pub fn outcome_path(roundtable: &str) -> String {
    format!("/c/{FORUM}/{roundtable}/outcome")
}

pub async fn submit(
    person: &mut Person,
    roundtable: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let response = person.browser.post(&outcome_path(roundtable), fields).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// The public page's outcome section, if it has one.
pub async fn public_outcome(app: &TestApp, roundtable: &str) -> Option<String> {
    let (_, page) = app.get_text(&roundtable_path(roundtable)).await;
    let start = page.find(r#"<h2 id="outcome">"#)?;
    let after = start + 1;
    let end = page[after..].find("<h2 ").map_or(page.len(), |e| after + e);
    Some(page[start..end].to_owned())
}

#[tokio::test]
async fn a_chair_publishes_an_outcome_and_the_cited_authors_hear_of_it_once() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut chair = chair(&app, "Clara Chair", RT_3_1).await;
        let mut author = participant(&app, "Ana Author").await;
        let reference = posted_reference(
            &post_comment(&mut author, RT_3_1, "Diaspora bonds fund schools.", &["1"]).await,
        );
        let (status, _) = decide(&mut chair, &[&reference], &[("action", "publish")]).await;
        assert!(status < 400, "published ({status})");
        let path = outcome_path(RT_3_1);

        assert_eq!(app.get(&path).await.status().as_u16(), 401);
        let (status, _) = author.browser.get(&path).await;
        assert_eq!(status, 403, "participants do not write outcomes");
        let mut other_chair = chair_of(&app, "Otto Other", RT_3_2).await;
        let (status, _) = other_chair.browser.get(&path).await;
        assert_eq!(status, 403, "nor do another roundtable's chairs");

        let (status, form) = chair.browser.get(&path).await;
        assert_eq!(status, 200);
        assert!(
            form.contains(r#"name="synthesis_1""#)
                && form.contains(r#"name="recommendations_general""#)
        );

        let (status, page) = submit(
            &mut chair,
            RT_3_1,
            &[
                ("revision", "0"),
                ("synthesis_1", "1. Backed by #c-ffffffff."),
                ("intent", "save"),
            ],
        )
        .await;
        assert_eq!(status, 422, "an unknown citation is refused");
        assert!(page.contains(r#"id="synthesis_1-error""#));
        assert!(page.contains("#c-ffffffff is not a published comment of this roundtable"));
        assert!(
            page.contains("1. Backed by #c-ffffffff."),
            "the text is kept"
        );

        // Six characters of the reference name it well enough.
        let short = &reference[..6];
        let synthesis =
            format!("1. Diaspora bonds already fund schools #{short}.\n2. Second point");
        let fields = |intent: &'static str, revision: &'static str| {
            vec![
                ("revision", revision),
                ("summary", "An *interim* synthesis."),
                ("synthesis_1", synthesis.as_str()),
                (
                    "recommendations_1",
                    "1. Match diaspora bonds with public money.",
                ),
                ("intent", intent),
            ]
        };
        let (status, page) = submit(&mut chair, RT_3_1, &fields("preview", "0")).await;
        assert_eq!(status, 200);
        assert!(
            page.contains(&format!(
                r#"<a href="/comment/{reference}">Ana Author (Ana Author&#39;s Association, Georgia)</a>"#
            )),
            "the citation names its author and links to the comment"
        );
        assert!(
            public_outcome(&app, RT_3_1).await.is_none(),
            "a preview stores nothing"
        );

        let (status, _) = submit(&mut chair, RT_3_1, &fields("save", "0")).await;
        assert_eq!(status, 303);
        assert!(
            public_outcome(&app, RT_3_1).await.is_none(),
            "a draft is not public"
        );
        let (_, chair_page) = chair.browser.get(&roundtable_path(RT_3_1)).await;
        assert!(chair_page.contains("draft, seen only by chairs and staff"));
        assert!(
            mails_to(&deliver(&app, &smtp).await, &author.email)
                .iter()
                .all(|m| !tells_of_citation(m)),
            "no email for a draft"
        );

        let (status, _) = submit(&mut chair, RT_3_1, &fields("publish", "1")).await;
        assert_eq!(status, 303);
        // A preview or a mistake keeps the revision the chair opened, so
        // that their next save cannot silently replace a newer text.
        let (status, page) = submit(&mut chair, RT_3_1, &fields("preview", "1")).await;
        assert_eq!(status, 200);
        assert!(page.contains(r#"name="revision" value="1""#));
        let (status, _) = submit(&mut chair, RT_3_1, &fields("save", "1")).await;
        assert_eq!(status, 409, "after a preview too");
        let shown = public_outcome(&app, RT_3_1)
            .await
            .expect("the outcome is public");
        assert!(shown.contains("Diaspora bonds already fund schools"));
        assert!(shown.contains("Match diaspora bonds with public money."));
        assert!(shown.contains(&format!(r#"href="/comment/{reference}""#)));
        assert!(shown.contains("<em>interim</em>"));

        let mails = deliver(&app, &smtp).await;
        let cited: Vec<_> = mails_to(&mails, &author.email)
            .into_iter()
            .filter(|m| tells_of_citation(m))
            .collect();
        assert_eq!(cited.len(), 1, "the author is told");
        assert!(link_in(cited[0], &format!("c/{FORUM}/{RT_3_1}#outcome")).ends_with("#outcome"));
        assert!(cited[0].data.contains("List-Unsubscribe"));

        // Saving again without new citations tells nobody twice.
        let (status, _) = submit(&mut chair, RT_3_1, &fields("save", "2")).await;
        assert_eq!(status, 303);
        let mails = deliver(&app, &smtp).await;
        let cited = mails_to(&mails, &author.email)
            .into_iter()
            .filter(|m| tells_of_citation(m))
            .count();
        assert_eq!(cited, 1, "once");

        // A chair who opened the form before that save is told, and loses nothing.
        let (status, page) = submit(&mut chair, RT_3_1, &fields("save", "2")).await;
        assert_eq!(status, 409);
        assert!(page.contains("Clara Chair saved this outcome"));
        assert!(page.contains("Match diaspora bonds with public money."));
        assert!(
            page.contains(r#"name="revision" value="3""#),
            "saving again is a choice"
        );

        let response = chair.browser.post(&format!("{path}/withdraw"), &[]).await;
        assert_eq!(response.status().as_u16(), 303);
        assert!(
            public_outcome(&app, RT_3_1).await.is_none(),
            "withdrawn to a draft"
        );
    }
}

#[tokio::test]
async fn publishing_needs_a_point_and_the_demo_outcome_is_public() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut chair = chair(&app, "Clara Chair", RT_3_1).await;
        chair.browser.get(&outcome_path(RT_3_1)).await;
        let (status, page) = submit(
            &mut chair,
            RT_3_1,
            &[("revision", "0"), ("intent", "publish")],
        )
        .await;
        assert_eq!(status, 422);
        assert!(page
            .contains("Write at least one synthesis point or recommendation before publishing."));

        let shown = public_outcome(&app, RT_3_2)
            .await
            .expect("the demo's RT 3.2 outcome");
        assert!(shown.contains("Late payment of public contracts"));
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        let cited = shown
            .split(r#"href="/comment/c-"#)
            .nth(1)
            .expect("a citation");
        let reference = format!("c-{}", &cited[..8]);
        assert!(
            page.contains(&format!(r#"id="{reference}""#)),
            "the cited comment is on the page"
        );
    }
}

fn tells_of_citation(mail: &crate::smtp_server::ReceivedMail) -> bool {
    mail.part("text/plain")
        .is_some_and(|text| text.contains("it cites your comment"))
}

async fn chair_of(app: &TestApp, name: &str, roundtable: &str) -> Person {
    chair(app, name, roundtable).await
}
