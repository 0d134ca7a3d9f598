//! What operators rely on: metrics, request ids, JSON logs, and online
//! backups of a SQLite database that a restore puts back.

use crate::fixtures::{add_comment, roundtable_id};
use crate::helpers::*;
use crate::people::*;
use roundtable::domain::comment::CommentStatus;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

fn metric(text: &str, line_start: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(line_start))
        .unwrap_or_else(|| panic!("{line_start} in\n{text}"))
        .rsplit(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_report_queues() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        for _ in 0..3 {
            app.get(&format!("/c/{FORUM}")).await;
        }
        let mut author = participant(&app, "Amina Diallo").await;
        post_comment(&mut author, RT_3_2, "Waiting in the queue", &[]).await;
        let response = app.get("/metrics").await;
        assert_eq!(response.status().as_u16(), 200);
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain"));
        let text = response.text().await.unwrap();
        assert!(
            metric(
                &text,
                r#"roundtable_http_requests_total{method="GET",route="/c/{consultation}",status="200"}"#
            ) >= 3.0,
            "{:?}",
            app.backend
        );
        assert!(text.contains(r#"roundtable_http_request_duration_seconds_bucket{method="GET",route="/c/{consultation}""#));
        assert!(!text.contains("global-forum"), "routes, never paths");
        assert_eq!(metric(&text, "roundtable_moderation_pending "), 1.0);
        assert!(
            metric(&text, "roundtable_outbox_pending ") >= 1.0,
            "the chairs' emails wait"
        );
        let age = metric(&text, "roundtable_outbox_oldest_pending_seconds ");
        assert!((0.0..60.0).contains(&age), "queued moments ago: {age}");
        assert_eq!(metric(&text, "roundtable_outbox_dead "), 0.0);
        assert!(metric(&text, "roundtable_db_pool_connections ") >= 1.0);
    }
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_metrics_stay_off_the_proxy() {
    let app = TestApp::empty()
        .behind_proxy(&["127.0.0.1"])
        .spawn(Backend::Sqlite)
        .await;
    let response = app.get("/healthz").await;
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 32);
    let given = app
        .client
        .get(app.url("/"))
        .header("X-Request-Id", "edge-4f2a")
        .send()
        .await
        .unwrap();
    assert_eq!(
        given.headers()["x-request-id"],
        "edge-4f2a",
        "the proxy's id is kept"
    );
    let odd = app
        .client
        .get(app.url("/"))
        .header("X-Request-Id", "<script>")
        .send()
        .await
        .unwrap();
    assert_ne!(odd.headers()["x-request-id"], "<script>");
    // Every request here comes from 127.0.0.1, the trusted proxy: what it
    // forwards (X-Forwarded-For) never reaches /metrics; a direct scrape does.
    let forwarded = app
        .client
        .get(app.url("/metrics"))
        .header("X-Forwarded-For", "203.0.113.9")
        .send()
        .await
        .unwrap();
    assert_eq!(forwarded.status().as_u16(), 404);
    assert_eq!(app.get("/metrics").await.status().as_u16(), 200);
    let odd_method = app
        .client
        .request(reqwest::Method::from_bytes(b"FOO1").unwrap(), app.url("/"))
        .send()
        .await
        .unwrap();
    assert!(odd_method.status().is_client_error());
    let text = app.get("/metrics").await.text().await.unwrap();
    assert!(!text.contains("FOO1"), "unknown methods are not labels");
}

#[test]
fn logs_are_json_lines_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .arg("migrate")
        .env("ROUNDTABLE_DATA_DIR", dir.path())
        .env("ROUNDTABLE_LOG_FORMAT", "json")
        .env_remove("DATABASE_URL")
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains("database schema updated"))
        .unwrap_or_else(|| panic!("a log line in {stderr}"));
    let event: serde_json::Value = serde_json::from_str(line).expect("a JSON object");
    assert_eq!(event["level"], "INFO");
    assert_eq!(event["message"], "database schema updated");
}

fn roundtable_cli(data_dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .env("ROUNDTABLE_DATA_DIR", data_dir)
        .env_remove("DATABASE_URL")
        .output()
        .unwrap()
}

/// The copy is taken while comments keep arriving: it holds every comment
/// acknowledged before the backup began, opens, and restores.
#[tokio::test]
async fn a_backup_taken_under_writes_holds_everything_acknowledged_before_it() {
    let app = TestApp::with_demo().spawn(Backend::Sqlite).await;
    let roundtable = app.with_conn(|c| roundtable_id(c, FORUM, RT_3_2)).await;
    let writing = Arc::new(AtomicBool::new(true));
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::new()));
    let writer = {
        let (pool, writing, acknowledged) =
            (app.pool.clone(), writing.clone(), acknowledged.clone());
        std::thread::spawn(move || {
            let mut conn = pool.get().unwrap();
            let mut n = 0;
            while writing.load(Ordering::SeqCst) {
                let (id, _) = add_comment(
                    &mut conn,
                    roundtable,
                    None,
                    CommentStatus::Approved,
                    "Writer",
                    &format!("Comment {n}"),
                );
                acknowledged.lock().unwrap().push(id.to_string());
                n += 1;
            }
        })
    };
    while acknowledged.lock().unwrap().len() < 50 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let before: Vec<String> = acknowledged.lock().unwrap().clone();
    let copy = app.settings.data_dir.join("copy.db");
    let output = tokio::task::spawn_blocking({
        let (dir, copy) = (app.settings.data_dir.clone(), copy.clone());
        move || roundtable_cli(&dir, &["backup", "--output", copy.to_str().unwrap()])
    })
    .await
    .unwrap();
    let during = acknowledged.lock().unwrap().len();
    writing.store(false, Ordering::SeqCst);
    writer.join().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("comments"));
    assert!(during > before.len(), "writes went on during the backup");

    let mut copied = diesel::SqliteConnection::establish(copy.to_str().unwrap()).unwrap();
    let ids: Vec<String> = roundtable::db::backup::check_copy(&copy)
        .map(|_| ())
        .and_then(|_| {
            use diesel::prelude::*;
            diesel::sql_query("SELECT id FROM comments")
                .load::<IdRow>(&mut copied)
                .map(|rows| rows.into_iter().map(|r| r.id).collect())
                .map_err(Into::into)
        })
        .unwrap();
    for id in &before {
        assert!(
            ids.contains(id),
            "comment {id}, acknowledged before the backup, is in the copy"
        );
    }

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only its owner reads a copy");
    }
    let in_use = roundtable_cli(
        &app.settings.data_dir,
        &["restore", "--input", copy.to_str().unwrap()],
    );
    assert!(!in_use.status.success(), "the server still has it open");
    assert!(String::from_utf8_lossy(&in_use.stderr).contains("is in use"));

    // A second backup to the same name is refused; restore puts the copy back.
    let again = roundtable_cli(
        &app.settings.data_dir,
        &["backup", "--output", copy.to_str().unwrap()],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let fresh = tempfile::tempdir().unwrap();
    let restored = roundtable_cli(
        fresh.path(),
        &["restore", "--input", copy.to_str().unwrap()],
    );
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let summary = roundtable::db::backup::check_copy(&fresh.path().join("roundtable.db")).unwrap();
    assert_eq!(summary.comments as usize, ids.len());
    let garbage = fresh.path().join("garbage.db");
    std::fs::write(&garbage, b"not a database at all").unwrap();
    let refused = roundtable_cli(
        fresh.path(),
        &["restore", "--input", garbage.to_str().unwrap()],
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a SQLite database"));
    let still = roundtable::db::backup::check_copy(&fresh.path().join("roundtable.db")).unwrap();
    assert_eq!(still, summary, "a refused restore changes nothing");
}

#[derive(diesel::QueryableByName)]
struct IdRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    id: String,
}

use diesel::Connection;

#[tokio::test]
async fn housekeeping_deletes_only_what_has_expired() {
    use roundtable::db::queries::housekeeping;
    for app in TestApp::with_demo().spawn_each().await {
        let mut person = participant(&app, "Amina Diallo").await;
        let old = (chrono::Utc::now() - chrono::Duration::days(40)).format("%Y-%m-%d %H:%M:%S");
        let user = person.id;
        sql(&app, format!(
            "INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at) \
             VALUES ('old-session', '{user}', 'x', '{old}', '{old}', '{old}'); \
             INSERT INTO rate_limit_hits (id, bucket, created_at) VALUES ('old-hit', 'sign-in:x', '{old}'); \
             INSERT INTO one_time_tokens (id, user_id, purpose, created_at, expires_at) \
             VALUES ('old-link', '{user}', 'verify_email', '{old}', '{old}');"
        ))
        .await;
        let purged = app
            .with_conn(|c| housekeeping::purge(c, chrono::Utc::now()).unwrap())
            .await;
        assert_eq!(
            purged,
            housekeeping::Purged {
                sessions: 1,
                links: 1,
                rate_limit_hits: 1
            },
            "{:?}",
            app.backend
        );
        let (status, _) = person.browser.get("/account").await;
        assert_eq!(status, 200, "a live session stays");
    }
}
