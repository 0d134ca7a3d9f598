//! A staff member sets up a consultation on a 390 px phone (#16): the
//! consultation, its time zone picked from the grouped list, a roundtable
//! with guiding questions (removing one asks first), then opening it, which
//! asks first because the roundtable has no chair yet. Every page passes axe-core and the Nu
//! checker, and none scrolls sideways.

use super::checks::{assert_no_findings, report};
use super::journey::Journey;
use super::session::{Browser, Screen};
use super::tools::tools_unless_ci;
use crate::helpers::TestApp;
use crate::people::{person_with, PASSWORD};
use roundtable::domain::user::Role;

const TITLE: &str = "Tbilisi Workshop on Return Migration";

#[tokio::test]
async fn staff_on_a_phone_set_up_and_open_a_consultation() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let browser = Browser::open(&tools, Screen::Phone).await;
    let app = TestApp::empty()
        .spawn(crate::helpers::Backend::Sqlite)
        .await;
    let stella = person_with(&app, "Stella Staff", Role::Staff, true).await;
    let mut staff = Journey::begin("staff set up a consultation", &browser, &tools, &app).await;
    staff.opens("/sign-in").await;
    staff.types_into("Email address", &stella.email).await;
    staff.types_into("Password", PASSWORD).await;
    staff.presses("Sign in").await;

    staff.opens("/admin/consultations").await;
    staff.follows_link("New consultation").await;
    staff.types_into("Title", TITLE).await;
    staff
        .types_into("Summary", "Two days on reintegration after return.")
        .await;
    staff
        .types_into("Description", "## Programme\n\nRead, then *comment*.")
        .await;
    staff.chooses("Kind of event", "Workshop").await;
    staff.chooses("Time zone of the event", "Tbilisi").await;
    staff.chooses("Status", "Draft").await;
    staff.presses("Create the consultation").await;
    staff.reads(&format!("“{TITLE}” is saved.")).await;

    staff.follows_link("New roundtable").await;
    staff.types_into("Code", "RT 1").await;
    staff.types_into("Title", "Reintegration").await;
    staff
        .chooses(
            "Moderation",
            "Comments are published after a chair approves them",
        )
        .await;
    staff
        .types_into("Add questions", "What helps on arrival?\nWho funds it?")
        .await;
    staff.presses("Create the roundtable").await;
    staff.reads("“RT 1 Reintegration” is saved.").await;

    // Removing a question asks first, naming it; going back keeps the form.
    staff.chooses("What to do with question 2", "Remove").await;
    staff.presses("Save changes").await;
    staff.reads("Remove these guiding questions").await;
    staff.reads("Who funds it?").await;
    staff.presses("Back to the form").await;
    staff
        .sees_filled("What to do with question 2", "Remove")
        .await;
    staff.presses("Save changes").await;
    staff.presses("Remove them").await;
    staff.reads("“RT 1 Reintegration” is saved.").await;

    staff
        .opens("/admin/consultations/tbilisi-workshop-on-return-migration")
        .await;
    staff.chooses("Status", "Open").await;
    staff.presses("Save changes").await;
    staff.reads("RT 1 Reintegration: no chair").await;
    staff.presses("Open it anyway").await;
    staff.reads(&format!("“{TITLE}” is saved.")).await;

    let findings = staff.end();
    if !findings.is_empty() {
        eprintln!("{}", report(&findings));
    }
    assert_no_findings(&findings);
    let (status, page) = app
        .get_text("/c/tbilisi-workshop-on-return-migration/reintegration")
        .await;
    assert_eq!(status, 200, "the consultation is open to the public");
    assert!(page.contains("What helps on arrival?"));
    assert!(
        !page.contains("Who funds it?"),
        "the removed question is gone"
    );
}
