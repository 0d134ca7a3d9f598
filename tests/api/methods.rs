//! HTTP details: a method a path does not take is answered 405 with
//! `Allow` (a page for pages, a problem body for the API), a path that
//! does not exist 404; a malformed request is the client's fault and is
//! logged as a warning, not as an error.

use crate::helpers::*;
use crate::processes::ServerProcess;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

async fn send(app: &TestApp, method: &str, path: &str) -> (u16, Option<String>, String, String) {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let response = app
        .client
        .request(method, app.url(path))
        .send()
        .await
        .unwrap();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let (allow, content_type) = (header("allow"), header("content-type").unwrap_or_default());
    let status = response.status().as_u16();
    (status, allow, content_type, response.text().await.unwrap())
}

#[tokio::test]
async fn pages_refuse_other_methods_with_405_and_allow() {
    for app in TestApp::with_demo().spawn_each().await {
        let roundtable = format!("/c/{FORUM}/{RT_3_2}");
        for (method, path, allow) in [
            ("TRACE", "/", "GET"),
            ("PUT", &format!("/c/{FORUM}") as &str, "GET"),
            ("DELETE", &roundtable, "GET"),
            ("TRACE", "/register", "GET, POST"),
            ("PATCH", "/sign-out", "POST"),
            ("GET", &format!("{roundtable}/comments"), "POST"),
            ("POST", &format!("/c/{FORUM}/feed.atom"), "GET"),
        ] {
            let (status, allowed, content_type, html) = send(&app, method, path).await;
            assert_eq!(status, 405, "{method} {path}");
            assert_eq!(allowed.as_deref(), Some(allow), "{method} {path}");
            assert!(content_type.starts_with("text/html"), "{method} {path}");
            assert!(html.contains("Method not allowed"), "{method} {path}");
            assert!(
                html.contains(&format!(
                    "does not accept {method} requests; it accepts {allow}"
                )),
                "{method} {path}: {html}"
            );
        }
        for (method, path) in [("TRACE", "/nowhere"), ("GET", "/nowhere"), ("POST", "/c")] {
            let (status, allowed, content_type, _) = send(&app, method, path).await;
            assert_eq!(status, 404, "{method} {path}");
            assert_eq!(allowed, None);
            assert!(content_type.starts_with("text/html"));
        }
        // HEAD is GET without the body, wherever GET is answered.
        for path in [
            "/",
            "/healthz",
            &roundtable as &str,
            "/api/v1/consultations",
            "/feed.atom",
        ] {
            let (status, _, content_type, body) = send(&app, "HEAD", path).await;
            assert_eq!(status, 200, "HEAD {path}");
            assert!(!content_type.is_empty(), "HEAD {path} says what GET sends");
            assert!(body.is_empty(), "HEAD {path} has no body");
            // Its length is the one GET sends (RFC 9110, 8.6), not 0.
            let length = |method: reqwest::Method| {
                let request = app.client.request(method, app.url(path));
                async move {
                    let response = request.send().await.unwrap();
                    let declared = response.headers().get("content-length").cloned();
                    (declared, response.bytes().await.unwrap().len())
                }
            };
            let (head_length, _) = length(reqwest::Method::HEAD).await;
            let (_, get_length) = length(reqwest::Method::GET).await;
            if let Some(head_length) = head_length {
                assert_eq!(
                    head_length.to_str().unwrap(),
                    get_length.to_string(),
                    "HEAD {path}"
                );
            }
        }
        let (status, _, _, _) = send(&app, "HEAD", "/nowhere").await;
        assert_eq!(status, 404);
    }
}

#[tokio::test]
async fn the_api_refuses_other_methods_with_a_problem_body() {
    for app in TestApp::with_demo().spawn_each().await {
        let (status, allow, content_type, body) =
            send(&app, "TRACE", "/api/v1/consultations").await;
        assert_eq!((status, allow.as_deref()), (405, Some("GET")));
        assert_eq!(content_type, "application/problem+json");
        let problem: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(problem["status"], 405);
        assert_eq!(problem["title"], "Method not allowed");
        for path in ["/api/v1/nothing", "/api/v1"] {
            let (status, allow, content_type, _) = send(&app, "TRACE", path).await;
            assert_eq!((status, allow), (404, None), "{path}");
            assert_eq!(content_type, "application/problem+json");
        }
        let response = app
            .client
            .request(reqwest::Method::TRACE, app.url("/api/v1/consultations"))
            .header("accept-language", "fr")
            .send()
            .await
            .unwrap();
        let problem: serde_json::Value = response.json().await.unwrap();
        assert_eq!(problem["title"], "Méthode non autorisée");
    }
}

/// Sends raw bytes and returns the status line the server answers with.
fn raw_request(port: u16, bytes: &'static [u8]) -> String {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(bytes).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    answer.lines().next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_malformed_request_is_logged_as_a_warning() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let (database_url, _postgres) = process_database(backend, dir.path());
        let server = ServerProcess::start(&HashMap::from([
            (
                "ROUNDTABLE_DATA_DIR",
                dir.path().to_string_lossy().into_owned(),
            ),
            ("DATABASE_URL", database_url),
        ]));
        let port = server.port;
        let statuses = tokio::task::spawn_blocking(move || {
            [
                raw_request(port, b"GET / HTTP/1.1\r\nHost: x\r\nNot a header\r\n\r\n"),
                raw_request(port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Bad: \x01\r\n\r\n"),
            ]
        })
        .await
        .unwrap();
        for status in statuses {
            assert!(status.starts_with("HTTP/1.1 400"), "{status}");
        }
        let started = Instant::now();
        let warnings = loop {
            let log = server.log.lock().unwrap().clone();
            let warnings: Vec<String> = log
                .iter()
                .filter(|line| line.contains("request parse error"))
                .cloned()
                .collect();
            if warnings.len() >= 2 || started.elapsed() > Duration::from_secs(10) {
                break warnings;
            }
            drop(log);
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        assert_eq!(warnings.len(), 2, "{backend:?}: {warnings:?}");
        for line in &warnings {
            assert!(line.contains(" WARN "), "{line}");
            assert!(!line.contains("ERROR"), "{line}");
        }
    }
}
