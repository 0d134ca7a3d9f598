use crate::helpers::*;
use chrono::Utc;
use roundtable::services::demo;

#[tokio::test]
async fn loading_the_demo_twice_changes_nothing_and_reset_reloads_it() {
    for app in TestApp::with_demo().spawn_each().await {
        let before = app
            .get_json(&format!(
                "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/comments"
            ))
            .await
            .1;
        let again = app
            .with_conn(|c| demo::load(c, Utc::now(), false).unwrap())
            .await;
        assert_eq!(
            again,
            demo::DemoSummary {
                consultations_loaded: 0,
                consultations_skipped: 5,
                comments_loaded: 0
            }
        );

        let reset = app
            .with_conn(|c| demo::load(c, Utc::now(), true).unwrap())
            .await;
        assert_eq!(reset.consultations_loaded, 5);
        assert!(
            reset.comments_loaded >= 5 * 25,
            "a few dozen comments per event"
        );
        let after = app
            .get_json(&format!(
                "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/comments"
            ))
            .await
            .1;
        assert_eq!(
            before["items"].as_array().unwrap().len(),
            after["items"].as_array().unwrap().len()
        );
        assert_ne!(
            before["items"][0]["id"], after["items"][0]["id"],
            "reset made fresh records"
        );
        let (_, list) = app.get_json("/api/v1/consultations").await;
        assert_eq!(list["items"].as_array().unwrap().len(), 5);
    }
}

#[tokio::test]
async fn the_demo_serves_the_five_real_events() {
    let app = TestApp::with_demo().spawn(Backend::Sqlite).await;
    let (_, prague) = app
        .get_json("/api/v1/consultations/prague-cities-migration-2019")
        .await;
    assert_eq!(prague["time_zone"], "Europe/Prague");
    assert_eq!(prague["starts_at"], "2019-05-14T07:00:00Z");
    assert_eq!(prague["roundtables"].as_array().unwrap().len(), 4);
    assert!(
        prague["programme"].to_string().contains("13 June")
            || prague["programme"].to_string().contains("2019-06-13")
    );

    let (_, cities) = app
        .get_json("/api/v1/consultations/integrating-cities-ix-2020")
        .await;
    let days: Vec<&str> = cities["roundtables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["starts_at"].as_str().unwrap()[..10])
        .collect();
    assert_eq!(
        days,
        ["2020-11-25", "2020-11-26", "2020-11-27", "2020-11-30"]
    );

    let (_, rt32) = app
        .get_json(&format!(
            "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}"
        ))
        .await;
    assert_eq!(rt32["guiding_questions"].as_array().unwrap().len(), 4);

    let (_, tbilisi) = app
        .get_json("/api/v1/consultations/tbilisi-integration-expert-workshop-2018")
        .await;
    assert_eq!(&tbilisi["starts_at"].as_str().unwrap()[..10], "2018-11-29");
    assert!(tbilisi["description_html"]
        .as_str()
        .unwrap()
        .contains("25 participants"));

    let (_, istanbul) = app
        .get_json("/api/v1/consultations/istanbul-forum-2009-working-session")
        .await;
    assert_eq!(istanbul["languages"], serde_json::json!(["en", "fr", "es"]));
    assert!(istanbul["resources"].to_string().contains("issues_paper"));
}
