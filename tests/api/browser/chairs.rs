//! A chair at real scale (#16), on a 390 px phone: sixty comments wait.
//! They page through the queue, select all on a page, reject without a
//! reason (everything comes back as it was, nothing decided), then with
//! one; publish a comment from its own page and land back at the same
//! place in the queue. Every page passes axe-core and the Nu checker, and
//! none scrolls sideways.

use super::checks::{assert_no_findings, report, Finding};
use super::journey::Journey;
use super::session::{Browser, Screen};
use super::tools::tools_unless_ci;
use crate::helpers::{TestApp, RT_3_2};
use crate::people::{status_of, PASSWORD};
use crate::queue::{author_of, waiting_comments};

const NOTE: &str = "Please keep to the guiding questions.";

async fn signs_in(person: &mut Journey<'_>, email: &str) {
    person.opens("/sign-in").await;
    person.types_into("Email address", email).await;
    person.types_into("Password", PASSWORD).await;
    person.presses("Sign in").await;
    person.reads("Sign out").await;
}

/// The select label of the comment by the author of the `n`th comment.
fn select(n: usize) -> String {
    format!("Select the comment by {}", author_of(n))
}

#[tokio::test]
async fn a_chair_on_a_phone_works_through_sixty_waiting_comments() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let browser = Browser::open(&tools, Screen::Phone).await;
    let mut findings: Vec<Finding> = Vec::new();
    // Deciding writes: both backends.
    for app in TestApp::with_demo().spawn_each().await {
        let posted = waiting_comments(&app, RT_3_2, 60).await;
        let chair = app.with_chair("Clara Chair", RT_3_2).await;
        let mut clara =
            Journey::begin("a chair works through the queue", &browser, &tools, &app).await;
        signs_in(&mut clara, &chair.email).await;
        clara.follows_link("Moderation").await;
        clara
            .reads("60 comments wait for your decision. · Page 1 of 3")
            .await;
        clara.reads("Keyboard shortcuts").await;
        clara.follows_link("Newest first").await;
        clara.follows_link("Next").await;
        // Newest first, page 2: the 40th comment down to the 21st.
        clara.reads("Page 2 of 3").await;

        // The keyboard: j to the second comment, x to select it.
        clara.presses_key('j').await;
        clara.presses_key('j').await;
        clara.presses_key('x').await;
        clara.sees_ticked(&select(38)).await;
        // r: its reject form, open at the reason (keys stop while choosing).
        clara.presses_key('r').await;
        clara.sees_focus_on("Off-topic").await;
        clara.presses_key('j').await;
        clara.sees_focus_on("Off-topic").await;

        clara.ticks("Select all on this page").await;
        for n in [39, 30, 20] {
            clara.sees_ticked(&select(n)).await;
        }
        clara.chooses("Decision", "Reject (give a reason)").await;
        clara.types_into("Note to the authors", NOTE).await;
        clara.presses("Apply to the selected comments").await;
        // Nothing decided; everything as it was, on the same page.
        clara.reads("Please correct this").await;
        clara.reads("Page 2 of 3").await;
        for n in [39, 30, 20] {
            clara.sees_ticked(&select(n)).await;
        }
        clara
            .sees_filled("Decision", "Reject (give a reason)")
            .await;
        clara.sees_filled("Note to the authors", NOTE).await;
        for reference in &posted {
            assert_eq!(status_of(&app, reference).await, "pending");
        }

        clara
            .chooses("Reason, for rejecting or unpublishing", "Off-topic")
            .await;
        clara.presses("Apply to the selected comments").await;
        clara
            .reads(&format!(
                "Rejected 20 comments, by {}, {},",
                author_of(39),
                author_of(38)
            ))
            .await;
        for reference in &posted[20..40] {
            assert_eq!(status_of(&app, reference).await, "rejected");
        }

        // Forty wait; page 2 (newest first) holds the 20th down to the 1st.
        // One of them, published from its own page.
        let n = 14;
        clara
            .follows_link(&format!(
                "Change its questions… the comment by {}",
                author_of(n)
            ))
            .await;
        clara.reads(&format!("Comment by {}", author_of(n))).await;
        clara.presses("Publish").await;
        clara
            .reads(&format!("Published {}’s general comment.", author_of(n)))
            .await;
        clara.reads("Page 2 of 2").await;
        assert_eq!(status_of(&app, &posted[n]).await, "approved");
        // The page opened at the confirmation: the next comment is a few
        // Tab presses away (its box, Publish, Reject…, then this link).
        let next = format!("Change its questions… the comment by {}", author_of(n - 1));
        let presses = clara.tabs_to_link_and_follows(&next, 4).await;
        assert!(
            presses.is_some(),
            "the next comment follows the confirmation"
        );
        clara
            .reads(&format!("Comment by {}", author_of(n - 1)))
            .await;

        findings.extend(clara.end());
        app.deliver_mail().await;
    }
    if !findings.is_empty() {
        eprintln!("{}", report(&findings));
    }
    assert_no_findings(&findings);
}
