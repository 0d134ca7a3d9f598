//! A chair writes RT 3.1's outcome in the browser (#16, item 6): finds two
//! comments in the list beside question 1 (one by filtering it), cites
//! them with "Cite", previews, publishes and reads the authors' names in
//! the published outcome, then withdraws it, which asks first, and sees a
//! mistyped reference in the introduction come back beside it. Every page
//! is checked like the other journeys' (axe-core, the Nu checker, no
//! horizontal scrolling), on a phone and at 1280 px.

use super::checks::{assert_no_findings, report, Finding};
use super::journey::Journey;
use super::session::{Browser, Screen};
use super::tools::{tools_unless_ci, Tools};
use crate::helpers::{TestApp, FORUM};
use crate::people::{chair, decide, participant, post_comment, posted_reference, PASSWORD};

const RT_3_1: &str = "rt-3-1";

/// Two comments on question 1 of RT 3.1, published; and the chair's email.
async fn two_published_comments(app: &TestApp) -> (String, String, String) {
    let mut clara = chair(app, "Clara Chair", RT_3_1).await;
    let mut amina = participant(app, "Amina Diallo").await;
    let mut otto = participant(app, "Otto Other").await;
    let bonds = "Diaspora bonds already fund schools in our region.";
    let first = posted_reference(&post_comment(&mut amina, RT_3_1, bonds, &["1"]).await);
    let cities = "Our city matches every euro that diaspora groups raise.";
    let second = posted_reference(&post_comment(&mut otto, RT_3_1, cities, &["1"]).await);
    let (status, _) = decide(&mut clara, &[&first, &second], &[("action", "publish")]).await;
    assert!(status < 400, "published ({status})");
    (first, second, clara.email)
}

async fn writes_and_publishes(person: &mut Journey<'_>, email: &str, first: &str, second: &str) {
    person.opens("/sign-in").await;
    person.types_into("Email address", email).await;
    person.types_into("Password", PASSWORD).await;
    person.presses("Sign in").await;
    person.opens(&format!("/c/{FORUM}/{RT_3_1}")).await;
    person.follows_link("Write the outcome").await;
    person.reads("Comments on question 1").await;
    person
        .reads("Amina Diallo, Amina Diallo's Association, Georgia")
        .await;
    person
        .types_into("Synthesis", "1. Diaspora bonds fund schools")
        .await;
    let said = person.presses_in_place(&format!("Cite #{first}")).await;
    assert_eq!(said, format!("#{first} inserted into “Synthesis”."));
    person
        .types_into("Recommendations", "1. Match the bonds with public money")
        .await;
    person
        .types_into("Filter these comments", "every euro")
        .await;
    person.reads("Comments shown: 1 of").await;
    let said = person.presses_in_place(&format!("Cite #{second}")).await;
    assert_eq!(said, format!("#{second} inserted into “Recommendations”."));
    person.presses("Preview").await;
    person
        .reads("Diaspora bonds fund schools Amina Diallo (Amina Diallo's Association, Georgia)")
        .await;
    person.presses("Publish the outcome").await;
    person.reads("Outcome of RT 3.1").await;
    person.reads("published: everyone sees it below").await;
    person
        .reads("Match the bonds with public money Otto Other (Otto Other's Association, Georgia)")
        .await;
}

async fn withdraws(person: &mut Journey<'_>) {
    person.follows_link("Edit the outcome").await;
    person.follows_link("Withdraw to draft…").await;
    person.reads("Withdraw the outcome of RT 3.1").await;
    person.presses("Withdraw to draft").await;
    person.reads("withdrawn: it is a draft again").await;
}

/// A mistyped citation in the introduction comes back beside it.
async fn mistypes_a_reference(person: &mut Journey<'_>) {
    person.follows_link("Edit the outcome").await;
    person.types_into("Introduction", "As #c-zz99 said.").await;
    person.presses("Save draft").await;
    person.reads("Please correct this").await;
    person.reads("#c-zz99 is not a comment reference").await;
}

async fn outcome_journey(tools: &Tools, screen: Screen, app: &TestApp) -> Vec<Finding> {
    let browser = Browser::open(tools, screen).await;
    let (first, second, email) = two_published_comments(app).await;
    let mut clara = Journey::begin("a chair writes the outcome", &browser, tools, app).await;
    writes_and_publishes(&mut clara, &email, &first, &second).await;
    withdraws(&mut clara).await;
    mistypes_a_reference(&mut clara).await;
    let findings = clara.end();
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
async fn a_chair_on_a_phone_cites_two_comments_from_the_list_and_publishes_the_outcome() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let mut findings = Vec::new();
    // Publishing writes: both backends.
    for app in TestApp::with_demo().spawn_each().await {
        findings.extend(outcome_journey(&tools, Screen::Phone, &app).await);
    }
    finish(&findings);
}

#[tokio::test]
async fn a_chair_at_1280_px_finds_the_comments_beside_each_question() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let app = TestApp::with_demo()
        .spawn(crate::helpers::Backend::Sqlite)
        .await;
    finish(&outcome_journey(&tools, Screen::Desktop, &app).await);
}
