use super::*;
use crate::helpers::*;
use serde_json::json;

#[tokio::test]
async fn reads_and_their_refusals_match_the_document() {
    for app in TestApp::with_demo().spawn_each().await {
        let contract = Contract::of(&app).await;
        let (_, first) = app.get_json(&format!("{CONSULTATIONS}?limit=2")).await;
        let cursor = first["next_cursor"].as_str().expect("a next page");
        let forum = format!("{CONSULTATIONS}/{FORUM}");
        let comments = format!("{forum}/roundtables/{RT_3_2}/comments");
        let prague = format!("{CONSULTATIONS}/prague-cities-migration-2019");
        // (path template, path, the status expected, whether the document takes the query)
        let cases: Vec<(&str, String, u16, bool)> = vec![
            (CONSULTATIONS, CONSULTATIONS.into(), 200, true),
            (
                CONSULTATIONS,
                format!("?limit=2&cursor={cursor}"),
                200,
                true,
            ),
            (CONSULTATIONS, "?status=archived".into(), 200, true),
            (CONSULTATIONS, "?limit=0".into(), 400, false),
            (CONSULTATIONS, "?limit=many".into(), 400, false),
            (CONSULTATIONS, "?status=draft".into(), 400, false),
            (CONSULTATIONS, "?cursor=".into(), 400, false),
            // Only the server knows which cursors it gave out.
            (CONSULTATIONS, "?cursor=nonsense".into(), 400, true),
            (CONSULTATIONS, "?colour=blue".into(), 400, false),
            (CONSULTATION, forum.clone(), 200, true),
            (CONSULTATION, prague, 200, true),
            (CONSULTATION, format!("{CONSULTATIONS}/nope"), 404, true),
            (
                ROUNDTABLE,
                format!("{forum}/roundtables/{RT_3_2}"),
                200,
                true,
            ),
            (ROUNDTABLE, format!("{forum}/roundtables/nope"), 404, true),
            (COMMENTS, comments.clone(), 200, true),
            (COMMENTS, format!("{comments}?limit=1"), 200, true),
            (COMMENTS, format!("{comments}?limit=201"), 400, false),
            (COMMENTS, format!("{comments}?cursor="), 400, false),
            (
                COMMENTS,
                format!("{forum}/roundtables/nope/comments"),
                404,
                true,
            ),
        ];
        let mut findings = Findings::default();
        for (template, path, expected, takes) in cases {
            let path = match path.strip_prefix('?') {
                Some(query) => format!("{CONSULTATIONS}?{query}"),
                None => path,
            };
            let got = answer(app.client.get(app.url(&path))).await;
            assert_eq!(got.status, expected, "GET {path}: {}", got.body);
            if let Err(mismatch) = contract.check(template, "get", &got) {
                findings.note(format!("GET {path}: {mismatch}"));
            }
            let query = path.split_once('?').map_or("", |(_, q)| q);
            if contract.accepts_query(template, query) != takes {
                findings.note(format!(
                    "the document {} the query of {path}, which the server answers {expected}",
                    if takes { "refuses" } else { "takes" }
                ));
            }
        }
        findings.assert_none(app.backend);
    }
}

#[tokio::test]
async fn a_method_the_api_does_not_take_is_refused_with_the_documented_methods() {
    for app in TestApp::with_demo().spawn_each().await {
        let contract = Contract::of(&app).await;
        let problem = json!({ "$ref": "#/components/schemas/Problem" });
        for (template, path, method) in [
            (CONSULTATIONS, CONSULTATIONS.to_owned(), "TRACE"),
            (CONSULTATIONS, CONSULTATIONS.to_owned(), "POST"),
            (CONSULTATION, format!("{CONSULTATIONS}/{FORUM}"), "DELETE"),
            (
                COMMENTS,
                format!("{CONSULTATIONS}/{FORUM}/roundtables/{RT_3_2}/comments"),
                "PUT",
            ),
            (
                DECISIONS,
                "/api/v1/comments/c-00000000/decisions".to_owned(),
                "GET",
            ),
        ] {
            let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
            let got = answer(app.client.request(method.clone(), app.url(&path))).await;
            assert_eq!(got.status, 405, "{method} {path}: {}", got.body);
            assert_eq!(got.content_type, "application/problem+json");
            let errors = contract.errors(&problem, &got.body);
            assert!(errors.is_empty(), "{method} {path}: {errors:?}");
            let mut allowed: Vec<String> = got
                .allow
                .as_deref()
                .expect("an Allow header")
                .split(',')
                .map(|m| m.trim().to_owned())
                .collect();
            allowed.sort();
            assert_eq!(allowed, contract.methods_of(template), "{method} {path}");
        }
    }
}
