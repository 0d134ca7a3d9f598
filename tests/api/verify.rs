//! Digest files sealed as they stream and checked on /verify (upload and
//! pasted fingerprint), bad input answered by the field, a file cut short
//! never recorded. Both backends.

use crate::helpers::*;
use crate::outcome_versions::hex;
use crate::people::*;
use roundtable::domain::user::Role;

/// A multipart body as a browser sends a file, and its content type.
fn multipart(token: &str, file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----roundtable-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"digest\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(browser: &mut Browser, file: &[u8]) -> (u16, String) {
    browser.get("/verify").await;
    let (content_type, body) = multipart(&browser.csrf_token, file);
    let response = browser
        .client
        .post(format!("{}/verify", browser.base))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn digest_files_carry_a_fingerprint_that_verify_checks() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut staff = person_with(&app, "Sam Staff", Role::Staff, true).await;
        let export = format!("/c/{FORUM}/{RT_3_2}/export?format=");
        for format in ["csv", "json", "md", "html", "xlsx"] {
            let (status, _, file) =
                crate::digests::fetch(&mut staff, &format!("{export}{format}"), "content-type")
                    .await;
            assert_eq!(status, 200, "{format}");
            let whole = hex(&file);
            let fingerprint = if format == "xlsx" {
                whole.clone()
            } else {
                let text = String::from_utf8(file.clone()).unwrap();
                let at = text.rfind("sha256:").unwrap() + "sha256:".len();
                let carried = text[at..at + 64].to_owned();
                let marker = match format {
                    "csv" => "Fingerprint,sha256:",
                    "json" => ",\"fingerprint\":\"sha256:",
                    "md" => "Fingerprint: sha256:",
                    _ => "<footer class=\"digest-fingerprint\">",
                };
                let before = text.rfind(marker).unwrap();
                assert_eq!(
                    hex(&file[..before]),
                    carried,
                    "{format}: the bytes before the trailer"
                );
                carried
            };
            match format {
                "json" => {
                    let value: serde_json::Value = serde_json::from_slice(&file).unwrap();
                    assert_eq!(
                        value["fingerprint"],
                        format!("sha256:{fingerprint}").as_str()
                    );
                }
                "html" => {
                    let text = String::from_utf8(file.clone()).unwrap();
                    assert!(text.trim_end().ends_with("</html>"));
                    assert!(text.contains("Verify at <a href=\"http://roundtable.test/verify\">"));
                }
                _ => {}
            }

            let (status, page) = upload(&mut staff.browser, &file).await;
            assert_eq!(status, 200, "{format}");
            assert!(
                page.contains("This digest file of RT 3.2"),
                "{format}: {page}"
            );
            assert!(page.contains("and it is unchanged"));
            let (status, pasted) = app
                .get_text(&format!("/verify?fingerprint=%20sha256:{fingerprint}%20"))
                .await;
            assert_eq!(status, 200);
            assert!(pasted.contains("This digest file of RT 3.2"), "{format}");
            let (status, api) = app
                .get_json(&format!("/api/v1/verify?fingerprint={fingerprint}"))
                .await;
            assert_eq!(status, 200);
            assert_eq!(api["matched"], "digest_file");
            assert_eq!(api["format"], format);

            let (content_type, body) = multipart("", &file);
            let response = reqwest::Client::new()
                .post(app.url("/api/v1/verify"))
                .header("content-type", content_type)
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status().as_u16(), 200, "{format}");
            let api: serde_json::Value = response.json().await.unwrap();
            assert_eq!(api["matched"], "digest_file", "{format}");
            assert!(api["comment_count"].as_i64().unwrap() > 0);

            let mut changed = file.clone();
            let middle = changed.len() / 2;
            changed[middle] ^= 0x01;
            let (status, page) = upload(&mut staff.browser, &changed).await;
            assert_eq!(status, 200);
            if format == "xlsx" {
                assert!(page.contains("This matches nothing produced by this site"));
            } else {
                assert!(
                    page.contains("This file was changed after it was produced"),
                    "{format}: {page}"
                );
                // Bytes after the trailer, or a changed trailer, are changes too.
                let mut appended = file.clone();
                appended.extend_from_slice(b"c-fake,Forged row\r\n");
                let mut retold = file.clone();
                let last = retold.len() - 3;
                retold[last] ^= 0x01;
                for forged in [appended, retold] {
                    let (status, page) = upload(&mut staff.browser, &forged).await;
                    assert_eq!(status, 200);
                    assert!(
                        page.contains("This file was changed after it was produced"),
                        "{format}: {page}"
                    );
                }
            }
        }
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let recorded = app
            .with_conn(|conn| {
                use diesel::RunQueryDsl;
                diesel::sql_query("SELECT COUNT(*) AS n FROM digest_files")
                    .get_result::<Count>(conn)
                    .unwrap()
                    .n
            })
            .await;
        assert_eq!(recorded, 5, "one row per file produced");

        let random = hex(b"nothing of ours");
        let (status, page) = app.get_text(&format!("/verify?fingerprint={random}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("This matches nothing produced by this site"));
        let (_, api) = app
            .get_json(&format!("/api/v1/verify?fingerprint={random}"))
            .await;
        assert_eq!(api["matched"], "nothing");
    }
}

#[tokio::test]
async fn verify_refuses_bad_input_with_a_message_by_the_field() {
    for app in TestApp::with_demo().spawn_each().await {
        for (typed, message) in [
            ("", "Enter a fingerprint"),
            ("not-hex", "followed by 64 characters"),
            (&"a".repeat(65), "has 64 characters"),
            ("sha256:abc", "has 64 characters"),
        ] {
            let (status, page) = app.get_text(&format!("/verify?fingerprint={typed}")).await;
            assert_eq!(status, 422, "{typed:?}");
            assert!(page.contains(r#"id="fingerprint-error""#), "{typed:?}");
            assert!(page.contains(message), "{typed:?}");
            let (status, problem) = app
                .get_json(&format!("/api/v1/verify?fingerprint={typed}"))
                .await;
            assert_eq!(status, 422, "{typed:?}");
            assert_eq!(problem["invalid_params"][0]["name"], "fingerprint");
        }
        // A visitor, not signed in, with the form's token.
        let mut visitor = app.browser();
        let (status, page) = upload(&mut visitor, b"").await;
        assert_eq!(status, 422);
        assert!(
            page.contains(r#"id="file-error""#) && page.contains("The file you chose is empty")
        );
        let huge = vec![b'a'; 20 * 1024 * 1024 + 1];
        let (status, page) = upload(&mut visitor, &huge).await;
        assert_eq!(status, 422);
        assert!(page.contains("The file is larger than 20 MB"), "{page}");
        let far_too_big = vec![b'a'; 22 * 1024 * 1024];
        let (status, _) = upload(&mut visitor, &far_too_big).await;
        assert_eq!(status, 413);
        let (status, page) = upload(&mut visitor, b"just some text").await;
        assert_eq!(status, 200);
        assert!(page.contains("This matches nothing produced by this site"));

        // Without its form token, the upload is refused.
        let (content_type, body) = multipart("wrong", b"x");
        let response = visitor
            .client
            .post(format!("{}/verify", visitor.base))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 403);
    }
}

/// A file that breaks after a few bytes, as a full disk or a closed
/// connection would.
struct Breaks(usize);

impl std::io::Write for Breaks {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.0 < data.len() {
            return Err(std::io::Error::other("no space left"));
        }
        self.0 -= data.len();
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_digest_cut_short_is_not_recorded_and_old_outcomes_are_numbered_once() {
    for app in TestApp::with_demo().spawn_each().await {
        let templates = templates();
        let written = app
            .with_conn(move |conn| {
                use roundtable::domain::digest::{DigestFilter, DigestFormat};
                use roundtable::export::digest::{write_digest, Sealing};
                use roundtable::services::digest::{plan, Requester};
                let plan = plan(
                    conn,
                    Requester::Operator,
                    FORUM,
                    Some(RT_3_2),
                    DigestFilter::default(),
                )
                .unwrap();
                let sealing = Sealing {
                    verify_url: "http://roundtable.test/verify".into(),
                    generated_by: None,
                    now: chrono::Utc::now(),
                };
                let failed = write_digest(
                    conn,
                    &plan,
                    DigestFormat::Csv,
                    &templates,
                    Breaks(500),
                    &mut || {},
                    &sealing,
                );
                let done = write_digest(
                    conn,
                    &plan,
                    DigestFormat::Markdown,
                    &templates,
                    Vec::new(),
                    &mut || {},
                    &sealing,
                );
                (failed.is_err(), done.is_ok())
            })
            .await;
        assert_eq!(written, (true, true));
        #[derive(diesel::QueryableByName)]
        struct Row {
            #[diesel(sql_type = diesel::sql_types::Text)]
            format: String,
        }
        let formats: Vec<String> = app
            .with_conn(|conn| {
                use diesel::RunQueryDsl;
                diesel::sql_query("SELECT format FROM digest_files")
                    .load::<Row>(conn)
                    .unwrap()
                    .into_iter()
                    .map(|r| r.format)
                    .collect()
            })
            .await;
        assert_eq!(
            formats,
            vec!["md".to_owned()],
            "only the file written to its end"
        );

        // An outcome published before versions were kept: numbered 1, once.
        let api = format!("/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/outcome/versions");
        let (_, before) = app.get_json(&api).await;
        assert_eq!(
            before["versions"].as_array().unwrap().len(),
            1,
            "the demo's outcome"
        );
        sql(&app, "DELETE FROM outcome_revisions".into()).await;
        let (_, none) = app.get_json(&api).await;
        assert_eq!(none["versions"].as_array().unwrap().len(), 0);
        for expected in [1, 0] {
            let numbered = app
                .with_conn(|conn| {
                    roundtable::services::outcome_versions::number_published_outcomes(
                        conn,
                        chrono::Utc::now(),
                    )
                    .unwrap()
                })
                .await;
            assert!(numbered >= expected, "numbered {numbered}");
            if expected == 0 {
                assert_eq!(numbered, 0, "nothing left to number");
            }
        }
        let (_, after) = app.get_json(&api).await;
        let versions = after["versions"].as_array().unwrap();
        assert_eq!(versions.len(), 1);
        assert_eq!(versions[0]["version"], 1);
        assert_eq!(
            versions[0]["published_at"],
            before["versions"][0]["published_at"]
        );
    }
}
