//! Calendars and feeds, read back by independent parsers (the `ical` and
//! `feed-rs` crates), as calendar programs and feed readers would.

use crate::helpers::*;
use crate::people::*;

fn events(ics: &str) -> Vec<ical::parser::ical::component::IcalEvent> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("a valid calendar");
    assert!(parser.next().is_none());
    calendar.events
}

/// A property's text, with RFC 5545's escapes undone (the parser keeps them).
fn property(event: &ical::parser::ical::component::IcalEvent, name: &str) -> Option<String> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
        .map(|v| {
            v.replace("\\n", "\n")
                .replace("\\,", ",")
                .replace("\\;", ";")
                .replace("\\\\", "\\")
        })
}

#[tokio::test]
async fn calendars_import_with_stable_uids_and_utc_times() {
    for app in TestApp::with_demo().spawn_each().await {
        let prague = "prague-cities-migration-2019";
        let response = app.get(&format!("/c/{prague}/calendar.ics")).await;
        assert_eq!(response.status().as_u16(), 200);
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar"));
        let ics = response.text().await.unwrap();
        let all = events(&ics);
        assert!(
            all.len() >= 5,
            "the day, its working groups and programme: {}",
            all.len()
        );
        let conference = all
            .iter()
            .find(|e| {
                property(e, "SUMMARY")
                    .is_some_and(|s| s.starts_with("Cities, Migration and Integration"))
            })
            .expect("the conference itself");
        // 14 May 2019, 9:00-17:00 in Prague (CEST, UTC+2).
        assert_eq!(
            property(conference, "DTSTART").as_deref(),
            Some("20190514T070000Z")
        );
        assert_eq!(
            property(conference, "DTEND").as_deref(),
            Some("20190514T150000Z")
        );
        assert_eq!(
            property(conference, "LOCATION").as_deref(),
            Some("Prague, Czech Republic")
        );
        assert!(property(conference, "URL")
            .unwrap()
            .ends_with(&format!("/c/{prague}")));
        let uids: Vec<String> = all.iter().filter_map(|e| property(e, "UID")).collect();
        let distinct: std::collections::HashSet<_> = uids.iter().collect();
        assert_eq!(uids.len(), all.len());
        assert_eq!(distinct.len(), uids.len(), "one UID per event");
        let again = app
            .get(&format!("/c/{prague}/calendar.ics"))
            .await
            .text()
            .await
            .unwrap();
        let uids_again: Vec<String> = events(&again)
            .iter()
            .filter_map(|e| property(e, "UID"))
            .collect();
        assert_eq!(uids, uids_again, "stable across downloads");

        let rt = app
            .get(&format!("/c/{FORUM}/{RT_3_2}/calendar.ics"))
            .await
            .text()
            .await
            .unwrap();
        let rt_events = events(&rt);
        assert!(rt_events.iter().any(
            |e| property(e, "SUMMARY").is_some_and(|s| s.starts_with("Comments close: RT 3.2"))
        ));
        let (_, page) = app.get_text(&format!("/c/{FORUM}/{RT_3_2}")).await;
        assert!(page.contains(&format!(
            r#"href="/c/{FORUM}/{RT_3_2}/calendar.ics">Save in my calendar"#
        )));
        assert_eq!(
            app.get(&format!("/c/{FORUM}/no-such/calendar.ics"))
                .await
                .status()
                .as_u16(),
            404
        );
    }
}

#[tokio::test]
async fn feeds_are_valid_atom_with_published_comments_only() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina <Diallo>").await;
        post_comment(&mut author, RT_3_2, "Pending & <unseen>", &[]).await;
        let response = app.get(&format!("/c/{FORUM}/{RT_3_2}/feed.atom")).await;
        assert_eq!(response.status().as_u16(), 200);
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml"));
        let xml = response.text().await.unwrap();
        let feed = feed_rs::parser::parse(xml.as_bytes()).expect("valid Atom");
        assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
        assert!(!feed.entries.is_empty());
        assert!(!xml.contains("unseen"), "pending comments stay out");
        let published_api = app
            .get_json(&format!(
                "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/comments?limit=200"
            ))
            .await
            .1;
        let first = &feed.entries[0];
        assert!(first.id.starts_with("urn:uuid:"));
        assert!(first.links[0]
            .href
            .contains(&format!("/c/{FORUM}/{RT_3_2}#c-")));
        assert!(
            first
                .content
                .as_ref()
                .unwrap()
                .body
                .as_ref()
                .unwrap()
                .contains("<p>"),
            "HTML content"
        );
        assert!(published_api
            .to_string()
            .contains(&first.links[0].href.rsplit('#').next().unwrap().to_string()));
        let dates: Vec<_> = feed.entries.iter().filter_map(|e| e.published).collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");

        // A published comment with markup in the author's name stays well-formed.
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        post_comment(&mut author, RT_3_2, "Published & <b>bold</b>", &[]).await;
        let xml = app
            .get(&format!("/c/{FORUM}/{RT_3_2}/feed.atom"))
            .await
            .text()
            .await
            .unwrap();
        let feed = feed_rs::parser::parse(xml.as_bytes()).expect("still valid Atom");
        assert!(feed.entries[0]
            .title
            .as_ref()
            .unwrap()
            .content
            .starts_with("Amina <Diallo>"));

        for path in [format!("/c/{FORUM}/feed.atom"), "/feed.atom".to_owned()] {
            let xml = app.get(&path).await.text().await.unwrap();
            let feed =
                feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(!feed.entries.is_empty(), "{path}");
        }
        let (_, home) = app.get_text("/").await;
        assert!(home.contains(r#"<link rel="alternate" type="application/atom+xml" title="Consultations on Roundtable" href="/feed.atom">"#));
    }
}
