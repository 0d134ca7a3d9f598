//! Posting and deciding: answers, refusals and request bodies.

use super::*;
use crate::comments_api::token_of;
use crate::helpers::*;
use crate::people::*;
use roundtable::domain::user::Role;
use serde_json::json;

/// A request with a JSON body, the status the server gives it, and whether
/// the document's request schema takes that body.
struct Case<'a> {
    bearer: &'a str,
    url: &'a str,
    body: Value,
    status: u16,
    takes: bool,
}

fn case<'a>(bearer: &'a str, url: &'a str, body: Value, status: u16, takes: bool) -> Case<'a> {
    Case {
        bearer,
        url,
        body,
        status,
        takes,
    }
}

async fn run(app: &TestApp, contract: &Contract, template: &str, cases: Vec<Case<'_>>) -> Findings {
    let mut findings = Findings::default();
    for c in cases {
        let request = app.client.post(c.url).bearer_auth(c.bearer).json(&c.body);
        let what = format!("POST {template} {}", c.body);
        exchange(contract, template, request, c.status, &mut findings, &what).await;
        if contract.accepts_request(template, "post", &c.body) != c.takes {
            findings.note(format!(
                "the document {} {}, which the server answers {}",
                if c.takes { "refuses" } else { "takes" },
                c.body,
                c.status
            ));
        }
    }
    findings
}

/// Bodies that are not JSON of the documented shape at all.
async fn unreadable(
    app: &TestApp,
    contract: &Contract,
    template: &str,
    url: &str,
    bearer: &str,
) -> Findings {
    let mut findings = Findings::default();
    for (content_type, text) in [
        ("text/plain", r#"{"body": "Hi", "action": "publish"}"#),
        ("application/json", "{not json"),
        ("application/json", ""),
    ] {
        let request = app
            .client
            .post(url)
            .bearer_auth(bearer)
            .header("content-type", content_type)
            .body(text);
        let what = format!("POST {template} as {content_type}: {text:?}");
        exchange(contract, template, request, 400, &mut findings, &what).await;
    }
    findings
}

#[tokio::test]
async fn posting_and_its_refusals_match_the_document() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent(); // chair alerts: what they say is not under test here
        let contract = Contract::of(&app).await;
        let mut author = participant(&app, "Amina Diallo").await;
        let token = token_of(&mut author, "Tests").await;
        let mut unconfirmed = person_with(&app, "Una Confirmed", Role::Participant, false).await;
        let unconfirmed_token = token_of(&mut unconfirmed, "Tests").await;
        let yesterday = chrono::Utc::now() - chrono::Duration::days(1);
        let closing = yesterday.format("%Y-%m-%d %H:%M:%S");
        sql(
            &app,
            format!("UPDATE roundtables SET comments_close_at = '{closing}' WHERE slug = 'rt-3-1'"),
        )
        .await;
        let url = |rt: &str| {
            app.url(&format!(
                "{CONSULTATIONS}/{FORUM}/roundtables/{rt}/comments"
            ))
        };
        let (open, closed, missing) = (url(RT_3_2), url("rt-3-1"), url("nope"));
        let t = token.as_str();
        let too_long = "x".repeat(10_001);
        let cases = vec![
            case(t, &open, json!({ "body": "Posted *here*" }), 201, true),
            case(
                t,
                &open,
                json!({ "body": "Two", "guiding_questions": [1, 4] }),
                201,
                true,
            ),
            case(
                t,
                &open,
                json!({ "body": "Floats", "guiding_questions": [1.0, 2e0] }),
                201,
                true,
            ),
            case(
                t,
                &open,
                json!({ "body": "None", "guiding_questions": [693.0] }),
                422,
                true,
            ),
            case(
                t,
                &open,
                json!({ "body": "Half", "guiding_questions": [1.5] }),
                400,
                false,
            ),
            case(t, &open, json!({ "body": "" }), 422, false),
            case(t, &open, json!({ "body": "   " }), 422, false),
            case(t, &open, json!({ "body": too_long }), 422, false),
            case(t, &open, json!({ "guiding_questions": [] }), 400, false),
            case(
                t,
                &open,
                json!({ "body": "Hi", "colour": "red" }),
                400,
                false,
            ),
            case(t, &open, json!({ "body": 7 }), 400, false),
            case(
                t,
                &open,
                json!({ "body": "Hi", "parent": "c-00000000" }),
                422,
                true,
            ),
            case(t, &closed, json!({ "body": "Late" }), 409, true),
            case(t, &missing, json!({ "body": "Lost" }), 404, true),
            case(
                &unconfirmed_token,
                &open,
                json!({ "body": "Hi" }),
                403,
                true,
            ),
            case("rt_0000", &open, json!({ "body": "Hi" }), 401, true),
        ];
        let mut findings = run(&app, &contract, COMMENTS, cases).await;
        findings.extend(unreadable(&app, &contract, COMMENTS, &open, t).await);
        let anonymous = app.client.post(&open).json(&json!({ "body": "Hi" }));
        exchange(
            &contract,
            COMMENTS,
            anonymous,
            401,
            &mut findings,
            "anonymous",
        )
        .await;
        findings.assert_none(app.backend);
    }
}

#[tokio::test]
async fn decisions_and_their_refusals_match_the_document() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent(); // chair alerts: what they say is not under test here
        let contract = Contract::of(&app).await;
        let mut author = participant(&app, "Amina Diallo").await;
        let token = token_of(&mut author, "Tests").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let chair_token = token_of(&mut chair, "Tests").await;
        let posted = answer(
            app.client
                .post(app.url(&format!(
                    "{CONSULTATIONS}/{FORUM}/roundtables/{RT_3_2}/comments"
                )))
                .bearer_auth(&token)
                .json(&json!({ "body": "To be decided" })),
        )
        .await;
        let reference = posted.body["reference"].as_str().unwrap();
        let url = app.url(&format!("/api/v1/comments/{reference}/decisions"));
        let nowhere = app.url("/api/v1/comments/c-00000000/decisions");
        let (u, c) = (url.as_str(), chair_token.as_str());
        let long_note = "n".repeat(2_001);
        let cases = vec![
            case(&token, u, json!({ "action": "publish" }), 403, true),
            case(c, u, json!({ "action": "approve" }), 422, false),
            case(c, u, json!({ "action": "reject" }), 422, true),
            case(
                c,
                u,
                json!({ "action": "reject", "reason": "spam", "note": long_note }),
                422,
                false,
            ),
            case(
                c,
                u,
                json!({ "action": "publish", "colour": 1 }),
                400,
                false,
            ),
            case(
                c,
                u,
                json!({ "action": "publish", "revision": 3 }),
                409,
                true,
            ),
            case(
                c,
                u,
                json!({ "action": "publish", "revision": 0.0 }),
                200,
                true,
            ),
            case(c, u, json!({ "action": "publish" }), 409, true),
            case(c, u, json!({ "action": "highlight" }), 200, true),
            case(c, &nowhere, json!({ "action": "publish" }), 404, true),
            case("rt_0000", u, json!({ "action": "publish" }), 401, true),
        ];
        let mut findings = run(&app, &contract, DECISIONS, cases).await;
        findings.extend(unreadable(&app, &contract, DECISIONS, u, c).await);
        findings.assert_none(app.backend);
    }
}

#[tokio::test]
async fn too_many_comments_are_refused_as_documented() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent(); // chair alerts: what they say is not under test here
        let contract = Contract::of(&app).await;
        let mut author = participant(&app, "Amina Diallo").await;
        let token = token_of(&mut author, "Tests").await;
        let url = app.url(&format!(
            "{CONSULTATIONS}/{FORUM}/roundtables/{RT_3_2}/comments"
        ));
        let mut findings = Findings::default();
        // The limit is 30 an hour; the 31st is refused.
        for n in 1..=31 {
            let request = app
                .client
                .post(&url)
                .bearer_auth(&token)
                .json(&json!({ "body": format!("Comment {n}") }));
            let status = if n <= 30 { 201 } else { 429 };
            exchange(
                &contract,
                COMMENTS,
                request,
                status,
                &mut findings,
                &format!("{n}"),
            )
            .await;
        }
        findings.assert_none(app.backend);
    }
}
