//! Outcome versions and /verify against the document.

use super::*;
use crate::helpers::{FORUM, RT_3_2};

const VERSIONS: &str =
    "/api/v1/consultations/{consultation}/roundtables/{roundtable}/outcome/versions";
const VERSION: &str =
    "/api/v1/consultations/{consultation}/roundtables/{roundtable}/outcome/versions/{version}";
const VERIFY: &str = "/api/v1/verify";

#[tokio::test]
async fn versions_and_verify_answer_as_documented() {
    for app in TestApp::with_demo().spawn_each().await {
        let contract = Contract::of(&app).await;
        let client = reqwest::Client::new();
        let base = format!("/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/outcome/versions");
        let hex = "ab".repeat(32);
        let cases = [
            (VERSIONS, base.clone(), 200),
            (
                VERSIONS,
                format!("/api/v1/consultations/{FORUM}/roundtables/nowhere/outcome/versions"),
                404,
            ),
            (VERSION, format!("{base}/1"), 200),
            (VERSION, format!("{base}/7"), 404),
            (
                VERIFY,
                format!("/api/v1/verify?fingerprint=sha256:{hex}"),
                200,
            ),
            (VERIFY, "/api/v1/verify?fingerprint=xyz".to_owned(), 422),
            (VERIFY, "/api/v1/verify".to_owned(), 422),
        ];
        let mut findings = Findings::default();
        for (template, path, status) in cases {
            let got = answer(client.get(app.url(&path))).await;
            assert_eq!(got.status, status, "{path}: {}", got.body);
            if let Err(mismatch) = contract.check(template, "get", &got) {
                findings.note(format!("GET {path}: {mismatch}"));
            }
        }
        let (_, one) = app.get_json(&format!("{base}/1")).await;
        let fingerprint = one["fingerprint"].as_str().unwrap().to_owned();
        let got =
            answer(client.get(app.url(&format!("/api/v1/verify?fingerprint={fingerprint}")))).await;
        assert_eq!(got.body["matched"], "outcome_version");
        if let Err(mismatch) = contract.check(VERIFY, "get", &got) {
            findings.note(format!("GET verify (a version): {mismatch}"));
        }
        let empty = client
            .post(app.url("/api/v1/verify"))
            .header("content-type", "multipart/form-data; boundary=b")
            .body("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n\r\n--b--\r\n");
        let got = answer(empty).await;
        assert_eq!(got.status, 422);
        if let Err(mismatch) = contract.check(VERIFY, "post", &got) {
            findings.note(format!("POST verify (empty): {mismatch}"));
        }
        findings.assert_none(app.backend);
    }
}
