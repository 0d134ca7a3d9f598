//! Themes on comments (issue 19): created on the fly, one theme per folded
//! label, renamed (never onto another theme's label), merged after a
//! confirmation, each change audited; for the roundtable's chairs and
//! staff only, on the site and through the API. Both backends.

use crate::comments_api::{send, token_of};
use crate::helpers::*;
use crate::people::*;
use crate::relevance::{comment_in, follow, mark_events, RT_3_1};
use serde_json::json;

/// The `audit_log` rows about themes, oldest first: (action, details).
async fn theme_audit(app: &TestApp) -> Vec<(String, String)> {
    use diesel::prelude::*;
    use diesel::sql_types::Text;
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        action: String,
        #[diesel(sql_type = Text)]
        details_json: String,
    }
    app.with_conn(|conn| {
        diesel::sql_query(
            "SELECT action, details_json FROM audit_log WHERE entity_type = 'theme' \
             ORDER BY created_at, id",
        )
        .load::<Row>(conn)
        .unwrap()
        .into_iter()
        .map(|r| (r.action, r.details_json))
        .collect()
    })
    .await
}

/// The id of a theme on the themes page, from its rename form.
fn theme_id(page: &str, label: &str) -> String {
    let heading = page
        .find(&format!("<h2>{label} <span"))
        .unwrap_or_else(|| panic!("{label} is listed: {page}"));
    let rest = &page[heading..];
    let start = rest.find(r#"name="theme" value=""#).unwrap() + r#"name="theme" value=""#.len();
    rest[start..start + 36].to_owned()
}

#[tokio::test]
async fn chairs_tag_rename_and_merge_themes_with_an_audit_row_for_each() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let first = comment_in(&app, &mut chair, "Amina Diallo", true).await;
        let second = comment_in(&app, &mut chair, "Pia Pending", false).await;
        let add = |r: &str| format!("/moderation/{r}/themes");

        // Created on the fly from the comment's page; the page then lists it.
        chair.browser.get(&format!("/moderation/{first}")).await;
        let response = chair
            .browser
            .post(&add(&first), &[("theme", " Funding ")])
            .await;
        let (_, page) = follow(&mut chair, response).await;
        assert!(
            page.contains(&format!("Theme “Funding” added to comment {first}.")),
            "{page}"
        );
        assert!(
            page.contains(r#"<option value="Funding">"#),
            "in the datalist"
        );
        // Case, accents and spaces do not make another theme.
        let response = chair
            .browser
            .post(&add(&second), &[("theme", "FÚNDING")])
            .await;
        let (_, page) = follow(&mut chair, response).await;
        assert!(
            page.contains(&format!("Theme “Funding” added to comment {second}.")),
            "{page}"
        );
        // From the comment's moderation page, back to it; the queue it came
        // from is not filtered by the theme just added.
        let item = format!("/moderation/{first}");
        let response = chair
            .browser
            .post(&add(&first), &[("theme", "Jobs"), ("return", &item)])
            .await;
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with(&format!("{item}?")), "{location}");
        let (_, page) = follow(&mut chair, response).await;
        assert!(
            page.contains(&format!("Theme “Jobs” added to comment {first}.")),
            "{page}"
        );
        assert!(!page.contains("/moderation?theme="), "{page}");
        chair
            .browser
            .post(&add(&second), &[("theme", "Labour market")])
            .await;

        // A label that is empty or too long comes back with its message.
        let response = chair.browser.post(&add(&first), &[("theme", "   ")]).await;
        assert_eq!(response.status().as_u16(), 422);
        assert!(response.text().await.unwrap().contains("Type a theme."));
        let long = "x".repeat(61);
        let response = chair.browser.post(&add(&first), &[("theme", &long)]).await;
        assert_eq!(response.status().as_u16(), 422);
        assert!(response.text().await.unwrap().contains("the limit is 60"));

        // The roundtable page leads chairs to a comment's marks and the themes.
        let (_, page) = chair.browser.get(&roundtable_path(RT_3_2)).await;
        assert!(page.contains(&format!(r#"href="/moderation/{first}/marks""#)));
        let (_, marks_page) = chair
            .browser
            .get(&format!("/moderation/{first}/marks"))
            .await;
        assert!(
            marks_page.contains(r#"<span class="theme">Funding</span>"#),
            "{marks_page}"
        );
        let themes = format!("{}/themes", roundtable_path(RT_3_2));
        let (status, page) = chair.browser.get(&themes).await;
        assert_eq!(status, 200);
        assert!(
            page.contains("<h2>Funding <span class=\"meta\">2 comments</span></h2>"),
            "{page}"
        );
        let (funding, jobs) = (theme_id(&page, "Funding"), theme_id(&page, "Jobs"));
        let labour = theme_id(&page, "Labour market");

        // Renaming onto another theme's label is refused, with the way out.
        let response = chair
            .browser
            .post(
                &format!("{themes}/rename"),
                &[("theme", &jobs), ("label", "funding")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let page = response.text().await.unwrap();
        assert!(
            page.contains("The theme “Funding” exists already: merge this theme into it instead.")
        );
        let response = chair
            .browser
            .post(
                &format!("{themes}/rename"),
                &[("theme", &jobs), ("label", "Employment")],
            )
            .await;
        let (_, page) = follow(&mut chair, response).await;
        assert!(
            page.contains("Theme “Jobs” renamed “Employment”."),
            "{page}"
        );

        // Merging asks first, then moves the tags and removes the theme.
        let merge = format!("{themes}/merge");
        let response = chair
            .browser
            .post(&merge, &[("theme", &labour), ("into", &funding)])
            .await;
        assert_eq!(response.status().as_u16(), 200);
        let page = response.text().await.unwrap();
        assert!(
            page.contains("Merge “Labour market” into “Funding”?"),
            "{page}"
        );
        assert_eq!(
            mark_events(&app, &second).await.len(),
            2,
            "nothing merged yet"
        );
        let response = chair
            .browser
            .post(
                &merge,
                &[("theme", &labour), ("into", &funding), ("confirm", "yes")],
            )
            .await;
        let (_, page) = follow(&mut chair, response).await;
        assert!(
            page.contains("Theme “Labour market” merged into “Funding”."),
            "{page}"
        );
        assert!(!page.contains("<h2>Labour market"));
        // The second comment carried both: it keeps one "Funding".
        assert!(page.contains("<h2>Funding <span class=\"meta\">2 comments</span></h2>"));

        // Removing a theme from a comment.
        let response = chair
            .browser
            .post(
                &format!("/moderation/{first}/themes/remove"),
                &[("theme", &funding)],
            )
            .await;
        let (_, page) = follow(&mut chair, response).await;
        assert!(page.contains(&format!("Theme “Funding” removed from comment {first}.")));

        let audit: Vec<String> = theme_audit(&app).await.into_iter().map(|a| a.0).collect();
        assert_eq!(
            audit,
            ["created", "created", "created", "renamed", "merged"],
            "{:?}",
            app.backend
        );
        let events: Vec<(String, Option<String>)> = mark_events(&app, &first)
            .await
            .into_iter()
            .map(|e| (e.0, e.2))
            .collect();
        assert_eq!(
            events,
            [
                ("theme_added".to_owned(), Some("Funding".to_owned())),
                ("theme_added".to_owned(), Some("Jobs".to_owned())),
                ("theme_removed".to_owned(), Some("Funding".to_owned())),
            ]
        );
    }
}

#[tokio::test]
async fn themes_are_for_the_roundtables_chairs_and_staff_only() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let reference = comment_in(&app, &mut chair, "Amina Diallo", true).await;
        chair.browser.get(&format!("/moderation/{reference}")).await;
        chair
            .browser
            .post(
                &format!("/moderation/{reference}/themes"),
                &[("theme", "Quixotic")],
            )
            .await;
        let themes = format!("{}/themes", roundtable_path(RT_3_2));
        let mut other = crate::people::chair(&app, "Omar Other", RT_3_1).await;
        let mut someone = participant(&app, "Paul Participant").await;
        for person in [&mut other, &mut someone] {
            let (status, _) = person.browser.get(&themes).await;
            assert_eq!(status, 403, "{:?}", app.backend);
            let response = person
                .browser
                .post(
                    &format!("/moderation/{reference}/themes"),
                    &[("theme", "Mine")],
                )
                .await;
            assert_eq!(response.status().as_u16(), 403);
        }
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(!page.contains("Quixotic"), "not on the public page");
        let (_, json) = app
            .get_json(&format!(
                "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/comments"
            ))
            .await;
        assert!(
            !json.to_string().contains("Quixotic"),
            "not in the public API"
        );
    }
}

#[tokio::test]
async fn the_api_lists_adds_and_removes_themes() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let reference = comment_in(&app, &mut chair, "Amina Diallo", true).await;
        let token = token_of(&mut chair, "Report tools").await;
        let mut someone = participant(&app, "Paul Participant").await;
        let someone_token = token_of(&mut someone, "Mine").await;
        let client = reqwest::Client::new();
        let themes_url = app.url(&format!("/api/v1/comments/{reference}/themes"));
        let list_url = app.url(&format!(
            "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/themes"
        ));

        let (status, marks, _) = send(
            client
                .post(&themes_url)
                .bearer_auth(&token)
                .json(&json!({ "label": "Funding" })),
        )
        .await;
        assert_eq!(status, 201, "{marks}");
        assert_eq!(marks["themes"][0]["label"], "Funding");
        let id = marks["themes"][0]["id"].as_str().unwrap().to_owned();
        let (status, _, _) = send(
            client
                .post(&themes_url)
                .bearer_auth(&token)
                .json(&json!({ "label": "funding" })),
        )
        .await;
        assert_eq!(status, 200, "already carried");
        let (status, list, _) = send(client.get(&list_url).bearer_auth(&token)).await;
        assert_eq!(status, 200);
        assert_eq!(
            list["themes"],
            json!([{ "id": id, "label": "Funding", "comments": 1 }])
        );

        let (status, problem, _) = send(
            client
                .post(&themes_url)
                .bearer_auth(&token)
                .json(&json!({ "label": "" })),
        )
        .await;
        assert_eq!(status, 422, "{problem}");
        assert_eq!(problem["invalid_params"][0]["name"], "label");
        let (status, _, _) = send(client.get(&list_url)).await;
        assert_eq!(status, 401);
        let (status, _, _) = send(client.get(&list_url).bearer_auth(&someone_token)).await;
        assert_eq!(status, 403);
        let (status, _, _) = send(
            client
                .post(&themes_url)
                .bearer_auth(&someone_token)
                .json(&json!({ "label": "Mine" })),
        )
        .await;
        assert_eq!(status, 403);
        let missing = app.url(&format!(
            "/api/v1/consultations/{FORUM}/roundtables/nowhere/themes"
        ));
        let (status, _, _) = send(client.get(missing).bearer_auth(&token)).await;
        assert_eq!(status, 404);

        let remove = format!("{themes_url}/{id}");
        let (status, marks, _) = send(client.delete(&remove).bearer_auth(&token)).await;
        assert_eq!(status, 200, "{marks}");
        assert_eq!(marks["themes"], json!([]));
        let (status, problem, kind) = send(client.delete(&remove).bearer_auth(&token)).await;
        assert_eq!(
            (status, kind.as_str()),
            (404, "application/problem+json"),
            "{problem}"
        );
    }
}
