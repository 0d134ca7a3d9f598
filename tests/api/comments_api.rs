//! Posting and moderating through the JSON API: personal tokens, the
//! session with its anti-forgery header, and a problem body for every
//! refusal. Both backends.

use crate::helpers::*;
use crate::people::*;
use roundtable::domain::user::Role;
use serde_json::{json, Value};

pub fn comments_url(app: &TestApp, roundtable: &str) -> String {
    app.url(&format!(
        "/api/v1/consultations/{FORUM}/roundtables/{roundtable}/comments"
    ))
}

/// Creates a token on the account page and reads it from the notice.
pub async fn token_of(person: &mut Person, name: &str) -> String {
    person.browser.get("/account").await;
    let response = person
        .browser
        .post("/account/api-tokens", &[("token_name", name)])
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let html = response.text().await.unwrap();
    let start = html.find("rt_").expect("the new token is shown once");
    html[start..start + 67].to_owned()
}

/// Status, JSON body (or null) and content type of an API answer.
pub async fn send(request: reqwest::RequestBuilder) -> (u16, Value, String) {
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (
        status,
        response.json().await.unwrap_or(Value::Null),
        content_type,
    )
}

#[tokio::test]
async fn a_personal_token_posts_and_moderates_until_it_is_revoked() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let author_token = token_of(&mut author, "Report script").await;
        let chair_token = token_of(&mut chair, "Chair tools").await;
        let (_, account) = author.browser.get("/account").await;
        assert!(account.contains("Report script"));
        assert!(!account.contains(&author_token), "shown only once");

        let client = reqwest::Client::new();
        let (status, posted, _) = send(
            client
                .post(comments_url(&app, RT_3_2))
                .bearer_auth(&author_token)
                .json(&json!({ "body": "Posted by a *script*", "guiding_questions": [1, 4] })),
        )
        .await;
        assert_eq!(status, 201, "{posted} {:?}", app.backend);
        assert_eq!(posted["status"], "pending");
        let reference = posted["reference"].as_str().unwrap().to_owned();
        assert!(posted["html"]
            .as_str()
            .unwrap()
            .ends_with(&format!("#{reference}")));

        let decide = |token: &str, body: Value| {
            client
                .post(app.url(&format!("/api/v1/comments/{reference}/decisions")))
                .bearer_auth(token.to_owned())
                .json(&body)
        };
        let (status, problem, kind) =
            send(decide(&author_token, json!({ "action": "publish" }))).await;
        assert_eq!(status, 403, "a participant is no chair: {problem}");
        assert_eq!(kind, "application/problem+json");
        let (status, problem, _) = send(decide(&chair_token, json!({ "action": "reject" }))).await;
        assert_eq!(status, 422);
        assert_eq!(problem["invalid_params"][0]["name"], "reason");
        let (status, problem, _) = send(decide(&chair_token, json!({ "action": "approve" }))).await;
        assert_eq!(status, 422);
        assert!(problem["detail"]
            .as_str()
            .unwrap()
            .contains("publish, reject"));
        let (status, decided, _) = send(decide(
            &chair_token,
            json!({ "action": "publish", "revision": 0 }),
        ))
        .await;
        assert_eq!(status, 200, "{decided}");
        assert_eq!(status_of(&app, &reference).await, "approved");
        let (status, problem, _) = send(decide(&chair_token, json!({ "action": "publish" }))).await;
        assert_eq!(status, 409);
        assert!(problem["detail"]
            .as_str()
            .unwrap()
            .contains("Already decided: Clara Chair published"));
        let (status, _, _) = send(
            client
                .post(app.url("/api/v1/comments/c-00000000/decisions"))
                .bearer_auth(&chair_token)
                .json(&json!({ "action": "publish" })),
        )
        .await;
        assert_eq!(status, 404);

        // Revoking: the token stops working at once.
        let (_, account) = author.browser.get("/account").await;
        let at = account.find("/account/api-tokens/").unwrap() + "/account/api-tokens/".len();
        let id = &account[at..at + 36];
        let response = author
            .browser
            .post(&format!("/account/api-tokens/{id}/revoke"), &[])
            .await;
        assert_eq!(response.status().as_u16(), 303);
        let (status, problem, _) = send(
            client
                .post(comments_url(&app, RT_3_2))
                .bearer_auth(&author_token)
                .json(&json!({ "body": "After revocation" })),
        )
        .await;
        assert_eq!(status, 401);
        assert!(problem["detail"]
            .as_str()
            .unwrap()
            .contains("unknown or revoked"));
    }
}

#[tokio::test]
async fn a_session_must_send_its_anti_forgery_token_in_a_header() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let (_, page) = author.browser.get(&roundtable_path(RT_3_2)).await;
        let csrf = csrf_token_in(&page).unwrap();
        let without = author
            .browser
            .client
            .post(comments_url(&app, RT_3_2))
            .json(&json!({ "body": "No header" }));
        let (status, problem, _) = send(without).await;
        assert_eq!(status, 403);
        assert!(problem["detail"].as_str().unwrap().contains("X-CSRF-Token"));
        let with = author
            .browser
            .client
            .post(comments_url(&app, RT_3_2))
            .header("X-CSRF-Token", csrf)
            .json(&json!({ "body": "With the header" }));
        let (status, _, _) = send(with).await;
        assert_eq!(status, 201);
        let (status, problem, _) = send(
            reqwest::Client::new()
                .post(comments_url(&app, RT_3_2))
                .json(&json!({ "body": "Nobody" })),
        )
        .await;
        assert_eq!(status, 401, "{problem}");
    }
}

#[tokio::test]
async fn every_refusal_has_its_problem_body_and_stores_nothing() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        let token = token_of(&mut author, "Tests").await;
        let mut unconfirmed = person_with(&app, "Una Confirmed", Role::Participant, false).await;
        let unconfirmed_token = token_of(&mut unconfirmed, "Tests").await;
        sql(
            &app,
            format!(
                "UPDATE roundtables SET comments_close_at = '{}' WHERE slug = 'rt-3-1'",
                (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%d %H:%M:%S")
            ),
        )
        .await;
        let post = |token: &str, roundtable: &str, body: Value| {
            reqwest::Client::new()
                .post(comments_url(&app, roundtable))
                .bearer_auth(token.to_owned())
                .json(&body)
        };
        let cases: Vec<(reqwest::RequestBuilder, u16, &str)> = vec![
            (
                post(&unconfirmed_token, RT_3_2, json!({ "body": "Hi" })),
                403,
                "Confirm your email address",
            ),
            (
                post(&token, "rt-3-1", json!({ "body": "Late" })),
                409,
                "Comments closed on",
            ),
            (
                post(&token, RT_3_2, json!({ "body": "x".repeat(10_001) })),
                422,
                "body: Your comment is 10,001 characters long",
            ),
            (
                post(
                    &token,
                    RT_3_2,
                    json!({ "body": "", "guiding_questions": [7] }),
                ),
                422,
                "questions: Question 7",
            ),
            (
                post(
                    &token,
                    RT_3_2,
                    json!({ "body": "Hi", "parent": "c-00000000" }),
                ),
                422,
                "parent: The comment you reply to",
            ),
            (
                post(&token, RT_3_2, json!({ "body": "Hi", "colour": "red" })),
                400,
                "unknown field",
            ),
            (
                post(&token, "no-such-roundtable", json!({ "body": "Hi" })),
                404,
                "There is no roundtable",
            ),
            (
                reqwest::Client::new()
                    .post(comments_url(&app, RT_3_2))
                    .bearer_auth(&token)
                    .header("content-type", "application/json")
                    .body("{not json"),
                400,
                "body",
            ),
            (
                post("rt_0000", RT_3_2, json!({ "body": "Hi" })),
                401,
                "unknown or revoked",
            ),
        ];
        let before = app
            .with_conn(|c| roundtable::db::queries::users::count(c).unwrap())
            .await;
        let stored_before = app
            .with_conn(|c| {
                let id = crate::fixtures::roundtable_id(c, FORUM, RT_3_2);
                roundtable::db::queries::comments::for_roundtable(c, id)
                    .unwrap()
                    .len()
            })
            .await;
        for (request, status, words) in cases {
            let (got, problem, kind) = send(request).await;
            assert_eq!(got, status, "{words}: {problem} {:?}", app.backend);
            assert_eq!(kind, "application/problem+json", "{words}");
            assert_eq!(problem["status"], status);
            assert!(
                problem["detail"].as_str().unwrap().contains(words),
                "{words} in {problem}"
            );
        }
        let stored_after = app
            .with_conn(|c| {
                let id = crate::fixtures::roundtable_id(c, FORUM, RT_3_2);
                roundtable::db::queries::comments::for_roundtable(c, id)
                    .unwrap()
                    .len()
            })
            .await;
        assert_eq!(stored_before, stored_after);
        assert_eq!(
            before,
            app.with_conn(|c| roundtable::db::queries::users::count(c).unwrap())
                .await
        );
    }
}
