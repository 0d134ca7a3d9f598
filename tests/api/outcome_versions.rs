//! Outcome versions and fingerprints: every save kept, each publication of
//! a changed text a numbered version with a readable diff and a SHA-256
//! fingerprint of its canonical JSON. Digest files: `verify`. Both
//! backends.

use crate::helpers::*;
use crate::outcomes::outcome_path;
use crate::people::*;
use roundtable::domain::user::Role;
use sha2::{Digest, Sha256};

const RT_3_1: &str = "rt-3-1";

fn versions_path(roundtable: &str) -> String {
    format!("/c/{FORUM}/{roundtable}/outcome/versions")
}

pub fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Saves or publishes the outcome at the revision the form shows now.
async fn send(chair: &mut Person, intent: &str, synthesis: &str, recommendations: &str) {
    let (status, form) = chair.browser.get(&outcome_path(RT_3_1)).await;
    assert_eq!(status, 200);
    let at = form.find(r#"name="revision" value=""#).unwrap() + r#"name="revision" value=""#.len();
    let revision = form[at..at + form[at..].find('"').unwrap()].to_owned();
    let response = chair
        .browser
        .post(
            &outcome_path(RT_3_1),
            &[
                ("revision", revision.as_str()),
                ("summary", "The roundtable met online."),
                ("synthesis_1", synthesis),
                ("recommendations_general", recommendations),
                ("intent", intent),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 303, "{intent}: {synthesis}");
}

async fn saves_kept(app: &TestApp) -> i64 {
    app.with_conn(|conn| {
        let rt = roundtable::services::roundtables::roundtable_detail(conn, FORUM, RT_3_1)
            .unwrap()
            .roundtable
            .id;
        roundtable::services::outcome_versions::saves_kept(conn, rt).unwrap()
    })
    .await
}

#[tokio::test]
async fn publications_make_numbered_versions_with_their_changes_and_fingerprints() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut chair = chair(&app, "Vera Version", RT_3_1).await;
        let recommendations = "1. Fund interpreters in every district.";
        send(&mut chair, "save", "1. Cities share data.", recommendations).await;
        send(
            &mut chair,
            "save",
            "1. Cities share their data.",
            recommendations,
        )
        .await;
        send(
            &mut chair,
            "save",
            "1. Cities share their own data.",
            recommendations,
        )
        .await;
        assert_eq!(saves_kept(&app).await, 3, "every draft save is kept");
        let (status, _) = app.get_text(&versions_path(RT_3_1)).await;
        assert_eq!(status, 404, "a draft has no version for visitors");
        let (status, _) = app.get_text(&format!("{}/1", versions_path(RT_3_1))).await;
        assert_eq!(status, 404);

        send(
            &mut chair,
            "publish",
            "1. Cities share their own data.",
            recommendations,
        )
        .await;
        send(
            &mut chair,
            "save",
            "1. Cities share their own data monthly.",
            recommendations,
        )
        .await;
        send(
            &mut chair,
            "publish",
            "1. Cities share their own data monthly.",
            recommendations,
        )
        .await;
        send(
            &mut chair,
            "save",
            "1. Cities publish their own data weekly.",
            recommendations,
        )
        .await;
        send(
            &mut chair,
            "publish",
            "1. Cities publish their own data weekly.",
            recommendations,
        )
        .await;
        assert_eq!(
            saves_kept(&app).await,
            8,
            "every save is kept, published or not"
        );

        let (status, list) = app.get_text(&versions_path(RT_3_1)).await;
        assert_eq!(status, 200);
        for n in 1..=3 {
            assert!(
                list.contains(&format!("Version {n}, published on")),
                "{list}"
            );
        }
        assert!(
            !list.contains("Version 4"),
            "an unchanged publication is no version"
        );

        let (_, page) = app.get_text(&roundtable_path(RT_3_1)).await;
        assert!(page.contains("Version 3, published on"));
        assert!(page.contains(&format!(r#"href="{}/3/changes""#, versions_path(RT_3_1))));
        assert!(page.contains("Changes since version 2"));
        assert!(page.contains("Earlier versions") && page.contains("Version 1, published on"));
        let (_, form) = chair.browser.get(&outcome_path(RT_3_1)).await;
        assert!(form.contains("Published as version 3."));

        let (status, diff) = app
            .get_text(&format!("{}/3/changes", versions_path(RT_3_1)))
            .await;
        assert_eq!(status, 200);
        assert!(diff.contains("Changed:"), "{diff}");
        let ins = diff.find("<ins>").expect("added words are marked");
        assert!(diff[ins..].starts_with("<ins><span class=\"visually-hidden\">[added: </span>"));
        assert!(diff.contains("publish</ins>") || diff.contains("publish<span"));
        assert!(diff.contains("weekly"));
        assert!(
            diff.contains("removed: </span>share"),
            "removed words are told in words"
        );
        assert!(
            !diff.contains("interpreters"),
            "unchanged parts are left out"
        );
        let (status, first) = app
            .get_text(&format!("{}/3/changes?from=1", versions_path(RT_3_1)))
            .await;
        assert_eq!(status, 200);
        assert!(first.contains("own data monthly") || first.contains("weekly"));
        for wrong in ["/0/changes", "/1/changes", "/9", "/x", "/3/changes?from=7"] {
            let (status, _) = app
                .get_text(&format!("{}{wrong}", versions_path(RT_3_1)))
                .await;
            assert_eq!(status, 404, "{wrong}");
        }

        // The fingerprint is the SHA-256 of the canonical JSON, recomputed here.
        let api = format!("/api/v1/consultations/{FORUM}/roundtables/{RT_3_1}/outcome/versions");
        let (status, list) = app.get_json(&api).await;
        assert_eq!(status, 200);
        assert_eq!(list["versions"].as_array().unwrap().len(), 3);
        let (status, two) = app.get_json(&format!("{api}/2")).await;
        assert_eq!(status, 200);
        let canonical = two["canonical_json"].as_str().unwrap();
        let reparsed: serde_json::Value = serde_json::from_str(canonical).unwrap();
        assert_eq!(
            serde_json::to_string(&reparsed).unwrap(),
            canonical,
            "keys sorted, no whitespace"
        );
        let fingerprint = format!("sha256:{}", hex(canonical.as_bytes()));
        assert_eq!(two["fingerprint"], fingerprint.as_str());
        assert_eq!(two["content"]["version"], 2);
        assert_eq!(
            two["content"]["points"][0]["markdown"],
            "Cities share their own data monthly."
        );
        let (_, version_page) = app.get_text(&format!("{}/2", versions_path(RT_3_1))).await;
        assert!(version_page.contains(&format!("<code>{fingerprint}</code>")));
        assert!(version_page.contains("own data monthly"));

        let (status, verified) = app
            .get_text(&format!(
                "/verify?fingerprint={}",
                fingerprint.to_uppercase()
            ))
            .await;
        assert_eq!(status, 200);
        assert!(
            verified.contains("This is version 2 of the outcome of RT 3.1"),
            "{verified}"
        );

        // Withdrawn: the versions stay, for the chairs only.
        chair
            .browser
            .get(&format!("{}/withdraw", outcome_path(RT_3_1)))
            .await;
        let response = chair
            .browser
            .post(&format!("{}/withdraw", outcome_path(RT_3_1)), &[])
            .await;
        assert_eq!(response.status().as_u16(), 303);
        let (status, _) = app.get_text(&format!("{}/3", versions_path(RT_3_1))).await;
        assert_eq!(
            status, 404,
            "visitors no longer read a withdrawn outcome's versions"
        );
        let (_, list) = app.get_json(&api).await;
        assert_eq!(list["versions"].as_array().unwrap().len(), 0);
        let (status, kept) = chair
            .browser
            .get(&format!("{}/3", versions_path(RT_3_1)))
            .await;
        assert_eq!(status, 200, "the chairs still do");
        assert!(kept.contains("withdrawn"));
        let mut visitor = participant(&app, "Paul Public").await;
        let (status, _) = visitor.browser.get(&versions_path(RT_3_1)).await;
        assert_eq!(status, 404, "nor do participants");
        let mut other = app.with_chair("Olga Other", RT_3_2).await;
        let (status, _) = other.browser.get(&versions_path(RT_3_1)).await;
        assert_eq!(status, 404, "nor another roundtable's chairs");
        let mut staff = person_with(&app, "Stan Staff", Role::Staff, true).await;
        let (status, _) = staff
            .browser
            .get(&format!("{}/3/changes", versions_path(RT_3_1)))
            .await;
        assert_eq!(status, 200, "staff do");
    }
}
