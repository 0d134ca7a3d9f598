//! Chairs retain published comments for the report, or not (issue 19):
//! on the comment's moderation page and through the API, with an audit
//! row per decision; refused for a pending comment and for anyone who
//! does not chair the comment's roundtable. Both backends.

use crate::comments_api::{send, token_of};
use crate::helpers::*;
use crate::people::*;
use roundtable::domain::user::Role;
use serde_json::json;

pub const RT_3_1: &str = "rt-3-1";

/// A comment by a new participant in RT 3.2, published by `chair` when asked.
pub async fn comment_in(app: &TestApp, chair: &mut Person, author: &str, publish: bool) -> String {
    let mut author = participant(app, author).await;
    let response = post_comment(&mut author, RT_3_2, "Cities fund integration work", &[]).await;
    let reference = posted_reference(&response);
    if publish {
        let (status, _) = decide(chair, &[&reference], &[("action", "publish")]).await;
        assert_eq!(status, 200, "published");
    }
    reference
}

/// The report marks of a comment's moderation events, oldest first: (action, actor id, note).
pub async fn mark_events(
    app: &TestApp,
    reference: &str,
) -> Vec<(String, Option<String>, Option<String>)> {
    use diesel::prelude::*;
    use diesel::sql_types::{Nullable, Text};
    #[derive(QueryableByName)]
    struct Event {
        #[diesel(sql_type = Text)]
        action: String,
        #[diesel(sql_type = Nullable<Text>)]
        actor_id: Option<String>,
        #[diesel(sql_type = Nullable<Text>)]
        note: Option<String>,
    }
    let reference = reference.to_owned();
    app.with_conn(move |conn| {
        diesel::sql_query(
            "SELECT e.action, e.actor_id, e.note FROM moderation_events e \
             JOIN comments c ON c.id = e.comment_id WHERE c.reference = $1 \
             AND e.action IN ('retained', 'not_retained', 'theme_added', 'theme_removed') \
             ORDER BY e.created_at, e.id",
        )
        .bind::<Text, _>(reference)
        .load::<Event>(conn)
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.actor_id, e.note))
        .collect()
    })
    .await
}

/// Follows a form's 303 as a browser does; the page it lands on.
pub async fn follow(person: &mut Person, response: reqwest::Response) -> (u16, String) {
    assert_eq!(
        response.status().as_u16(),
        303,
        "a redirect after the change"
    );
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    person
        .browser
        .get(location.split('#').next().unwrap())
        .await
}

#[tokio::test]
async fn a_chair_retains_a_published_comment_changes_their_mind_and_the_trail_says_so() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let pending = comment_in(&app, &mut chair, "Pia Pending", false).await;
        let reference = comment_in(&app, &mut chair, "Amina Diallo", true).await;

        // A pending comment: the page says why there is no choice, and a
        // form sent anyway is refused with the reason next to the field.
        let (status, page) = chair.browser.get(&format!("/moderation/{pending}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("Only published comments can be retained for the report."));
        assert!(!page.contains(r#"value="retained""#));
        let response = chair
            .browser
            .post(
                &format!("/moderation/{pending}/relevance"),
                &[("relevance", "retained")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let page = response.text().await.unwrap();
        assert!(page.contains("this one is not published"), "{page}");
        assert!(mark_events(&app, &pending).await.is_empty());

        // Published: retained, from the comment's moderation page.
        let item = format!("/moderation/{reference}");
        let (_, page) = chair.browser.get(&item).await;
        assert!(page.contains("Not decided yet."));
        let response = chair
            .browser
            .post(
                &format!("{item}/relevance"),
                &[("relevance", "retained"), ("return", &item)],
            )
            .await;
        let (status, page) = follow(&mut chair, response).await;
        assert_eq!(status, 200);
        assert!(
            page.contains(&format!("Comment {reference} retained for the report.")),
            "{page}"
        );
        assert!(page.contains("Retained for the report."));

        // The same decision again changes nothing; the other one does.
        chair
            .browser
            .post(&format!("{item}/relevance"), &[("relevance", "retained")])
            .await;
        let response = chair
            .browser
            .post(
                &format!("{item}/relevance"),
                &[("relevance", "not_retained")],
            )
            .await;
        let (_, page) = follow(&mut chair, response).await;
        assert!(page.contains(&format!("Comment {reference} not retained for the report.")));

        let events = mark_events(&app, &reference).await;
        let actions: Vec<&str> = events.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(actions, ["retained", "not_retained"], "{:?}", app.backend);
        assert!(events.iter().all(|e| e.1 == Some(chair.id.to_string())));

        // Staff read the decisions in the roundtable's audit trail.
        let mut staff = person_with(&app, "Sam Staff", Role::Staff, true).await;
        let (_, trail) = staff
            .browser
            .get(&format!("{}/audit", roundtable_path(RT_3_2)))
            .await;
        assert!(trail.contains("retained for the report"));
        assert!(trail.contains("not retained for the report"));

        // A mistake in the form: a value that is neither.
        let response = chair
            .browser
            .post(&format!("{item}/relevance"), &[("relevance", "maybe")])
            .await;
        assert_eq!(response.status().as_u16(), 422);
        assert!(response
            .text()
            .await
            .unwrap()
            .contains("Choose “retained” or “not retained”."));
    }
}

#[tokio::test]
async fn only_the_roundtables_chairs_and_staff_mark_comments() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let reference = comment_in(&app, &mut chair, "Amina Diallo", true).await;
        let mut other_chair = crate::people::chair(&app, "Omar Other", RT_3_1).await;
        let mut someone = participant(&app, "Paul Participant").await;
        let path = format!("/moderation/{reference}/relevance");

        for person in [&mut other_chair, &mut someone] {
            person.browser.get("/account").await;
            let response = person
                .browser
                .post(&path, &[("relevance", "retained")])
                .await;
            assert_eq!(response.status().as_u16(), 403, "{:?}", app.backend);
            let (status, page) = person
                .browser
                .get(&format!("/moderation/{reference}/marks"))
                .await;
            assert_eq!(status, 403, "{page}");
        }
        // A visitor is asked to sign in.
        let (status, _) = app
            .browser()
            .get(&format!("/moderation/{reference}/marks"))
            .await;
        assert!([401, 303].contains(&status), "{status}");
        assert!(mark_events(&app, &reference).await.is_empty());

        // Staff may, on every roundtable.
        let mut staff = person_with(&app, "Sam Staff", Role::Staff, true).await;
        staff
            .browser
            .get(&format!("/moderation/{reference}/marks"))
            .await;
        let response = staff
            .browser
            .post(&path, &[("relevance", "retained")])
            .await;
        assert_eq!(response.status().as_u16(), 303);

        // Nobody else reads the mark: not on the public page, not in the public API.
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(!page.contains("retained for the report"));
        let (_, json) = app
            .get_json(&format!(
                "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/comments"
            ))
            .await;
        assert!(!json.to_string().contains("retained"));
    }
}

#[tokio::test]
async fn the_api_reads_and_sets_relevance_with_problem_bodies_for_refusals() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let pending = comment_in(&app, &mut chair, "Pia Pending", false).await;
        let reference = comment_in(&app, &mut chair, "Amina Diallo", true).await;
        let token = token_of(&mut chair, "Report tools").await;
        let mut outsider = crate::people::chair(&app, "Omar Other", RT_3_1).await;
        let outsider_token = token_of(&mut outsider, "Other tools").await;
        let client = reqwest::Client::new();
        let url = |r: &str, what: &str| app.url(&format!("/api/v1/comments/{r}/{what}"));

        let (status, marks, _) =
            send(client.get(url(&reference, "marks")).bearer_auth(&token)).await;
        assert_eq!(status, 200, "{marks}");
        assert_eq!(marks["relevance"], "undecided");
        assert_eq!(marks["counts_as_retained"], false);

        let put = |r: &str, t: &str, body: serde_json::Value| {
            client
                .put(url(r, "relevance"))
                .bearer_auth(t.to_owned())
                .json(&body)
        };
        let (status, marks, _) =
            send(put(&reference, &token, json!({ "relevance": "retained" }))).await;
        assert_eq!(status, 200, "{marks}");
        assert_eq!(marks["relevance"], "retained");
        assert_eq!(marks["counts_as_retained"], true);

        // Refusals, each a problem body.
        let (status, problem, kind) = send(client.get(url(&reference, "marks"))).await;
        assert_eq!(
            (status, kind.as_str()),
            (401, "application/problem+json"),
            "{problem}"
        );
        let (status, problem, _) = send(put(
            &reference,
            &outsider_token,
            json!({ "relevance": "retained" }),
        ))
        .await;
        assert_eq!(status, 403, "{problem}");
        assert_eq!(problem["status"], 403);
        let (status, _, _) = send(
            client
                .get(url(&reference, "marks"))
                .bearer_auth(&outsider_token),
        )
        .await;
        assert_eq!(status, 403);
        let (status, problem, _) = send(put(
            "c-00000000",
            &token,
            json!({ "relevance": "retained" }),
        ))
        .await;
        assert_eq!(status, 404, "{problem}");
        let (status, problem, _) =
            send(put(&pending, &token, json!({ "relevance": "retained" }))).await;
        assert_eq!(status, 422, "{problem}");
        assert_eq!(problem["invalid_params"][0]["name"], "relevance");
        let (status, problem, _) =
            send(put(&reference, &token, json!({ "relevance": "maybe" }))).await;
        assert_eq!(status, 422, "{problem}");
        let (status, _, _) = send(put(&reference, &token, json!({ "retained": true }))).await;
        assert_eq!(status, 400);

        // Withdrawn by its author: the mark stays, but no longer counts.
        let mut author = participant(&app, "Wanda Withdraws").await;
        let response = post_comment(&mut author, RT_3_2, "To be withdrawn later", &[]).await;
        let withdrawn = posted_reference(&response);
        decide(&mut chair, &[&withdrawn], &[("action", "publish")]).await;
        send(put(&withdrawn, &token, json!({ "relevance": "retained" }))).await;
        let path = format!("{}/comments/{withdrawn}/withdraw", roundtable_path(RT_3_2));
        author.browser.get(&path).await;
        assert_eq!(author.browser.post(&path, &[]).await.status().as_u16(), 303);
        let (_, marks, _) = send(client.get(url(&withdrawn, "marks")).bearer_auth(&token)).await;
        assert_eq!(marks["relevance"], "retained");
        assert_eq!(marks["counts_as_retained"], false);
        assert_eq!(marks["status"], "withdrawn");
    }
}
