//! Journeys as people make them on the demo's RT 3.2, on a 390 px phone and
//! at 1280 px, in English and French. Steps are small functions so that
//! #15's ("Comment on this question", registering and coming back,
//! replying, copying a reference) slot in between the ones that exist.

use super::checks::{assert_no_findings, report, Finding};
use super::journey::Journey;
use super::session::{Browser, Screen};
use super::tools::{tools_unless_ci, Tools};
use crate::helpers::{Backend, TestApp, FORUM, RT_3_2};
use crate::people::PASSWORD;

const FORUM_TITLE: &str = "Global Forum Online Roundtables";
/// The first comment of RT 3.2 in the demo, by its chair.
const FIRST_COMMENT: &str = "Welcome to RT 3.2";

/// #15: from the top of RT 3.2, the comment box in fewer Tab presses than this.
const COMMENT_BOX_WITHIN_TABS: u32 = 15;

/// The words of the interface a journey reads and clicks, per language.
struct Words {
    comments: &'static str,
    language_link: Option<&'static str>,
    terms: &'static str,
}

const ENGLISH: Words = Words {
    comments: "Comments",
    language_link: None,
    terms: "Terms and privacy",
};
const FRENCH: Words = Words {
    comments: "Commentaires",
    language_link: Some("Français"),
    terms: "Conditions et confidentialité",
};

/// From the home page to RT 3.2's comments, by links.
async fn reads_rt_3_2(person: &mut Journey<'_>, words: &Words) {
    person.opens("/").await;
    if let Some(language) = words.language_link {
        person.follows_link(language).await;
    }
    person.follows_link(FORUM_TITLE).await;
    person.follows_link("RT 3.2").await;
    person.reads(words.comments).await;
    person.reads(FIRST_COMMENT).await;
    person.follows_link(words.terms).await;
}

/// Signs in from RT 3.2's "Sign in to comment" and is back on RT 3.2.
async fn signs_in_from_rt_3_2(person: &mut Journey<'_>, email: &str) {
    person.opens(&format!("/c/{FORUM}/{RT_3_2}")).await;
    person.follows_link("Sign in to comment").await;
    enters_password(person, email).await;
    person.reads("Post comment").await;
}

async fn signs_in(person: &mut Journey<'_>, email: &str) {
    person.follows_link("Sign in").await;
    enters_password(person, email).await;
}

async fn enters_password(person: &mut Journey<'_>, email: &str) {
    person.types_into("Email address", email).await;
    person.types_into("Password", PASSWORD).await;
    person.presses("Sign in").await;
    person.reads("Sign out").await;
}

/// An empty comment, the error, a preview, then the comment posted.
async fn posts_a_comment(person: &mut Journey<'_>, text: &str) {
    person.presses("Post comment").await;
    person.reads("Write your comment before sending it.").await;
    person.types_into("Your comment", text).await;
    person.presses("Preview").await;
    person.reads(text).await;
    person.presses("Post comment").await;
    person.reads(text).await;
}

/// From RT 3.2's second question, registers and confirms the address from
/// the email, then goes back to where they were.
async fn registers_from_rt_3_2(person: &mut Journey<'_>, app: &TestApp, email: &str) {
    person
        .opens(&format!("/c/{FORUM}/{RT_3_2}#question-2"))
        .await;
    person.follows_link("Comment on this question 2").await;
    person.follows_link("create an account").await;
    person.types_into("Email address", email).await;
    person.types_into("Password", PASSWORD).await;
    person.types_into("Name", "Nadia Haddad").await;
    person.types_into("Organisation", "Welcome Kitchen").await;
    person
        .chooses("Type of organisation", "Migrant or diaspora association")
        .await;
    person.chooses("Country", "Lebanon").await;
    person.ticks("I accept the terms").await;
    person.presses("Create my account").await;
    person.reads(email).await;
    let link = verification_link(&app.deliver_mail().await, email);
    person.opens(&link).await;
    person.presses("Confirm my email address").await;
    person.follows_link("Back to where you were").await;
}

/// The address of the verification link in the last email to `email`.
fn verification_link(mails: &[roundtable::mail::SentEmail], email: &str) -> String {
    let mail = mails
        .iter()
        .rev()
        .find(|m| m.recipient.contains(email))
        .expect("a verification email");
    let start = mail
        .body_text
        .find("/verify-email?token=")
        .expect("a verification link");
    mail.body_text[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

/// Copies the first comment's reference, as a chair citing it would. The
/// headless browser may refuse the clipboard: either way the page says so.
async fn copies_a_reference(person: &mut Journey<'_>) {
    let said = person.presses_in_place("Copy reference").await;
    assert!(
        (said.starts_with("Reference c-") && said.ends_with(" copied."))
            || said.starts_with("The reference could not be copied"),
        "the page says what happened: “{said}”"
    );
}

/// Replies to the first comment of RT 3.2.
async fn replies_to_the_first_comment(person: &mut Journey<'_>, text: &str) {
    person.follows_link("Reply").await;
    person.reads(FIRST_COMMENT).await;
    person.types_into("Your comment", text).await;
    person.presses("Post reply").await;
    person.reads(text).await;
}

async fn reading_journey(tools: &Tools, screen: Screen, words: &Words, name: &str) -> Vec<Finding> {
    let browser = Browser::open(tools, screen).await;
    // Reading touches the database no differently on PostgreSQL.
    let app = TestApp::with_demo().spawn(Backend::Sqlite).await;
    let mut visitor = Journey::begin(name, &browser, tools, &app).await;
    reads_rt_3_2(&mut visitor, words).await;
    visitor.end()
}

fn finish(findings: &[Finding]) {
    if !findings.is_empty() {
        eprintln!("{}", report(findings));
    }
    assert_no_findings(findings);
}

#[tokio::test]
async fn a_visitor_on_a_phone_reads_rt_3_2() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let findings = reading_journey(&tools, Screen::Phone, &ENGLISH, "a visitor reads RT 3.2").await;
    finish(&findings);
}

#[tokio::test]
async fn a_visitor_at_1280_px_reads_rt_3_2_in_french() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let findings = reading_journey(
        &tools,
        Screen::Desktop,
        &FRENCH,
        "a visitor reads RT 3.2 in French",
    )
    .await;
    finish(&findings);
}

#[tokio::test]
async fn a_participant_on_a_phone_signs_in_and_comments_on_rt_3_2() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let browser = Browser::open(&tools, Screen::Phone).await;
    let mut findings = Vec::new();
    // Posting writes: both backends.
    for app in TestApp::with_demo().spawn_each().await {
        let participant = app.with_participant("Amina Diallo").await;
        let mut amina = Journey::begin("a participant comments", &browser, &tools, &app).await;
        signs_in_from_rt_3_2(&mut amina, &participant.email).await;
        posts_a_comment(
            &mut amina,
            "Our city funds interpreters for every consultation.",
        )
        .await;
        findings.extend(amina.end());
        app.deliver_mail().await;
    }
    finish(&findings);
}

#[tokio::test]
async fn a_visitor_on_a_phone_registers_then_comments_and_replies() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let browser = Browser::open(&tools, Screen::Phone).await;
    let app = TestApp::with_demo().spawn(Backend::Sqlite).await;
    let mut nadia =
        Journey::begin("a visitor registers and comments", &browser, &tools, &app).await;
    registers_from_rt_3_2(&mut nadia, &app, "nadia@example.org").await;
    // Back on RT 3.2 (question 2), not signed in yet: signing in comes back
    // here too, and the form has question 2 ticked.
    signs_in(&mut nadia, "nadia@example.org").await;
    nadia.sees_ticked("Question 2:").await;
    posts_a_comment(&mut nadia, "Our kitchen hires newcomers as cooks.").await;
    replies_to_the_first_comment(&mut nadia, "We can host the next meeting.").await;
    copies_a_reference(&mut nadia).await;
    let findings = nadia.end();
    app.deliver_mail().await;
    finish(&findings);
}

/// Keyboard only, signed in: from the top of RT 3.2, Tab to "Comment",
/// Enter, then Tab until the comment box has the focus. #15 wants fewer
/// than 15 Tab presses in all.
#[tokio::test]
async fn tab_presses_from_the_top_of_rt_3_2_to_the_comment_box() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let browser = Browser::open(&tools, Screen::Desktop).await;
    let app = TestApp::with_demo().spawn(Backend::Sqlite).await;
    let participant = app.with_participant("Amina Diallo").await;
    let mut amina = Journey::begin("Tab to the comment box", &browser, &tools, &app)
        .await
        .without_checks();
    signs_in_from_rt_3_2(&mut amina, &participant.email).await;
    amina.opens(&format!("/c/{FORUM}/{RT_3_2}")).await;
    let to_the_button = amina
        .tabs_to_link_and_follows("Comment", COMMENT_BOX_WITHIN_TABS)
        .await
        .expect("the Comment button can be reached with Tab");
    let to_the_box = amina
        .tabs_to("Your comment", COMMENT_BOX_WITHIN_TABS)
        .await
        .expect("the comment box can be reached with Tab");
    let presses = to_the_button + to_the_box;
    eprintln!("Tab presses from the top of RT 3.2 to the comment box: {to_the_button} to Comment, then {to_the_box}");
    assert!(
        presses < COMMENT_BOX_WITHIN_TABS,
        "{presses} Tab presses; #15 wants fewer than {COMMENT_BOX_WITHIN_TABS}"
    );
}
