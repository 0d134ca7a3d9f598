//! From a comment to the report (issue 19): a chair opens the coverage
//! page of RT 3.2, sees a retained comment not yet cited, cites it from
//! there, saves, which publishes version 2 of the outcome; a visitor then
//! reads the change between versions 1 and 2. Every page passes axe-core
//! and the Nu checker, and none scrolls sideways.

use super::checks::{assert_no_findings, report, Finding};
use super::journey::Journey;
use super::session::{Browser, Screen};
use super::tools::tools_unless_ci;
use crate::fixtures::{add_comment, roundtable_id};
use crate::helpers::{TestApp, FORUM, RT_3_2};
use crate::people::PASSWORD;
use roundtable::domain::comment::CommentStatus;

const TEXT: &str = "Interpreters in town halls need a budget line of their own.";

/// A published comment of RT 3.2 that a chair retained for the report.
async fn a_retained_comment(app: &TestApp, chair: &crate::people::Person) -> String {
    let chair_id = chair.id;
    app.with_conn(move |conn| {
        let rt = roundtable_id(conn, FORUM, RT_3_2);
        let (id, _) = add_comment(
            conn,
            rt,
            None,
            CommentStatus::Approved,
            "Nadia Newcomer",
            TEXT,
        );
        let reference = roundtable::db::queries::comments::reference_of(conn, &id.to_string())
            .unwrap()
            .expect("the comment is stored");
        retain_for_the_report(conn, chair_id, &reference);
        reference
    })
    .await
}

fn retain_for_the_report(
    conn: &mut roundtable::db::AnyConnection,
    chair: roundtable::domain::ids::UserId,
    reference: &str,
) {
    let who = roundtable::domain::user::Actor {
        id: chair,
        staff: false,
    };
    roundtable::services::report_marks::set_relevance(
        conn,
        who,
        reference,
        "retained",
        chrono::Utc::now(),
    )
    .unwrap();
}

async fn cites_and_publishes(clara: &mut Journey<'_>, email: &str, reference: &str) {
    clara.opens("/sign-in").await;
    clara.types_into("Email address", email).await;
    clara.types_into("Password", PASSWORD).await;
    clara.presses("Sign in").await;
    clara.opens(&format!("/c/{FORUM}/{RT_3_2}")).await;
    clara
        .follows_link("Coverage: what reaches the report, who is heard")
        .await;
    clara.reads("One retained comment is not cited yet").await;
    clara.reads("Nadia Newcomer").await;
    clara
        .follows_link(&format!("Cite in the outcome #{reference}"))
        .await;
    clara
        .reads(&format!("Comment #{reference} is added as a new point"))
        .await;
    clara.presses("Save changes").await;
    clara.reads("Version 2, published on").await;
}

async fn a_visitor_reads_the_change(
    app: &TestApp,
    browser: &Browser,
    tools: &super::tools::Tools,
    reference: &str,
) -> Vec<Finding> {
    let mut visitor = Journey::begin("a visitor reads what changed", browser, tools, app).await;
    visitor.opens(&format!("/c/{FORUM}/{RT_3_2}")).await;
    visitor.reads("Version 2, published on").await;
    visitor.follows_link("Changes since version 1").await;
    visitor.reads(&format!("Added: #{reference}")).await;
    visitor.end()
}

#[tokio::test]
async fn a_chair_cites_a_retained_comment_from_coverage_and_a_visitor_reads_the_change() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let mut findings: Vec<Finding> = Vec::new();
    for (screen, app) in [Screen::Phone, Screen::Desktop]
        .into_iter()
        .zip(TestApp::with_demo().spawn_each().await)
    {
        let browser = Browser::open(&tools, screen).await;
        let chair = app.with_chair("Clara Chair", RT_3_2).await;
        let reference = a_retained_comment(&app, &chair).await;
        let mut clara = Journey::begin("a chair cites from coverage", &browser, &tools, &app).await;
        cites_and_publishes(&mut clara, &chair.email, &reference).await;
        findings.extend(clara.end());
        findings.extend(a_visitor_reads_the_change(&app, &browser, &tools, &reference).await);
        app.deliver_mail().await;
    }
    if !findings.is_empty() {
        eprintln!("{}", report(&findings));
    }
    assert_no_findings(&findings);
}
