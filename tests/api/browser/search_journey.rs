//! A visitor searches RT 3.2 for a word of question 2's comments from the
//! roundtable's own search box and opens a result (#18). Every page is
//! checked like the other journeys' (axe-core, the Nu checker, no
//! horizontal scrolling), on a phone and at 1280 px.

use super::checks::{assert_no_findings, report, Finding};
use super::journey::Journey;
use super::session::{Browser, Screen};
use super::tools::{tools_unless_ci, Tools};
use crate::helpers::{TestApp, FORUM, RT_3_2};
use crate::people::{chair, decide, participant, post_comment, posted_reference};

const ON_QUESTION_2: &str = "Cooperatives of returning workers need seed funding first.";
const ELSEWHERE: &str = "Cooperatives were discussed at length in the general session.";

/// Two published comments that share a word: one on question 2, one on none.
async fn published_comments(app: &TestApp) {
    let mut clara = chair(app, "Clara Chair", RT_3_2).await;
    let mut amina = participant(app, "Amina Diallo").await;
    let mut otto = participant(app, "Otto Other").await;
    let first = posted_reference(&post_comment(&mut amina, RT_3_2, ON_QUESTION_2, &["2"]).await);
    let second = posted_reference(&post_comment(&mut otto, RT_3_2, ELSEWHERE, &[]).await);
    let (status, _) = decide(&mut clara, &[&first, &second], &[("action", "publish")]).await;
    assert!(status < 400, "published ({status})");
}

async fn searches_and_opens_a_result(visitor: &mut Journey<'_>) {
    visitor.opens(&format!("/c/{FORUM}/{RT_3_2}")).await;
    visitor
        .types_into("Search the comments of this roundtable", "cooperatives")
        .await;
    visitor.chooses("Guiding question", "Question 2").await;
    visitor.presses("Search").await;
    visitor.reads("One comment matches your search.").await;
    visitor.reads("seed funding").await;
    visitor.follows_link("Comment by Amina Diallo").await;
    visitor.reads(ON_QUESTION_2).await;
    // The search page's own mistakes: an empty search.
    visitor.opens("/search").await;
    visitor.presses("Search").await;
    visitor.reads("Please correct this field").await;
    visitor.sees_focus_on("Please correct this field").await;
    // A date that is not one comes back as typed, beside its message.
    visitor.opens("/search?q=cooperatives&from=tomorrow").await;
    visitor.reads("is not a date").await;
    visitor.sees_filled("Written on or after", "tomorrow").await;
}

async fn search_journey(tools: &Tools, screen: Screen, app: &TestApp) -> Vec<Finding> {
    let browser = Browser::open(tools, screen).await;
    published_comments(app).await;
    let mut visitor = Journey::begin("a visitor searches a roundtable", &browser, tools, app).await;
    searches_and_opens_a_result(&mut visitor).await;
    let findings = visitor.end();
    app.deliver_mail().await;
    findings
}

fn finish(findings: &[Finding]) {
    if !findings.is_empty() {
        eprintln!("{}", report(findings));
    }
    assert_no_findings(findings);
}

#[tokio::test]
async fn a_visitor_on_a_phone_searches_a_roundtable_and_opens_a_result() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let mut findings = Vec::new();
    for app in TestApp::with_demo().spawn_each().await {
        findings.extend(search_journey(&tools, Screen::Phone, &app).await);
    }
    finish(&findings);
}

#[tokio::test]
async fn a_visitor_at_1280_px_searches_a_roundtable_and_opens_a_result() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let app = TestApp::with_demo()
        .spawn(crate::helpers::Backend::Sqlite)
        .await;
    finish(&search_journey(&tools, Screen::Desktop, &app).await);
}
