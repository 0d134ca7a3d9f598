//! A chair on a 390 px phone sees a pasted copy of a published comment
//! suggested as its duplicate, in the queue and on its own page, and
//! rejects it as "duplicate" from the queue (issue 18). Every page passes
//! axe-core and the Nu checker, and none scrolls sideways.

use super::checks::{assert_no_findings, report, Finding};
use super::journey::Journey;
use super::session::{Browser, Screen};
use super::tools::tools_unless_ci;
use crate::helpers::{TestApp, FORUM, RT_3_2};
use crate::people::{decide, participant, status_of, PASSWORD};
use crate::search::post_in;

const TEXT: &str =
    "Municipal interpreters should be paid from the national budget, not by volunteers.";

#[tokio::test]
async fn a_chair_on_a_phone_rejects_a_suggested_duplicate_from_the_queue() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let browser = Browser::open(&tools, Screen::Phone).await;
    let mut findings: Vec<Finding> = Vec::new();
    // Deciding writes: both backends.
    for app in TestApp::with_demo().spawn_each().await {
        let mut chair = app.with_chair("Clara Chair", RT_3_2).await;
        let mut amina = participant(&app, "Amina Diallo").await;
        let mut carl = participant(&app, "Carl Copier").await;
        let original = post_in(&mut amina, RT_3_2, "en", TEXT, &[]).await;
        decide(&mut chair, &[&original], &[("action", "publish")]).await;
        let copy = post_in(&mut carl, RT_3_2, "en", &format!("Hello! {TEXT}"), &[]).await;

        let mut clara = Journey::begin("a chair rejects a duplicate", &browser, &tools, &app).await;
        clara.opens("/sign-in").await;
        clara.types_into("Email address", &chair.email).await;
        clara.types_into("Password", PASSWORD).await;
        clara.presses("Sign in").await;
        clara.follows_link("Moderation").await;
        clara.reads("Possible duplicates").await;
        clara.reads("% of words shared").await;
        clara.reads("Amina Diallo").await;
        // Its own page says so too.
        clara.follows_link("Carl Copier").await;
        clara.reads("Possible duplicates").await;
        clara.follows_link("Moderation").await;

        clara
            .presses(&format!(
                "Reject as a duplicate of {original} (the comment by Carl Copier)"
            ))
            .await;
        clara.reads("Rejected Carl Copier’s").await;
        assert_eq!(status_of(&app, &copy).await, "rejected");
        assert_eq!(status_of(&app, &original).await, "approved");

        // The export page takes a query; one it cannot read comes back
        // with the message next to the field.
        clara
            .opens(&format!("/c/{FORUM}/{RT_3_2}/export?q=%22interpreters"))
            .await;
        clara.reads("A quotation mark is not closed").await;
        clara
            .sees_filled("Only comments with these words", "\"interpreters")
            .await;

        findings.extend(clara.end());
        app.deliver_mail().await;
    }
    if !findings.is_empty() {
        eprintln!("{}", report(&findings));
    }
    assert_no_findings(&findings);
}
