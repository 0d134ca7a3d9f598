//! How long the busiest public page takes: a roundtable with 1,000 published
//! comments in threads, fetched over HTTP from the real server on loopback,
//! by a visitor and by a signed-in administrator (who sees every action on
//! every comment, as a chair does, and whose page no cache may keep).
//! Prints its figures; run with `cargo bench --bench roundtable_page`.
//! Set ROUNDTABLE_BENCH_POSTGRES to a server URL to measure PostgreSQL too.
//! Set ROUNDTABLE_BENCH_KEEP to a folder to seed the SQLite database there
//! and keep it, so that a release server can be run on it under `wrk`
//! (the administrator's session cookie is printed for that).

use chrono::Utc;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use roundtable::config::{DatabaseTarget, Settings};
use roundtable::services::{accounts, demo};
use roundtable::startup::Application;
use std::time::{Duration, Instant};

const CONSULTATION: &str = "global-forum-online-roundtables";
const ROUNDTABLE: &str = "rt-3-2";
const COMMENTS: usize = 1000;
const REQUESTS: usize = 300;
const ADMIN_EMAIL: &str = "bench-admin@example.org";
const ADMIN_PASSWORD: &str = "a bench password, long enough";

fn settings(dir: &std::path::Path, database: DatabaseTarget) -> Settings {
    Settings {
        bind: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.to_path_buf(),
        database,
        database_timeouts: Default::default(),
        base_url: "http://127.0.0.1/".parse().unwrap(),
        smtp_url: None,
        mail_from: "Roundtable <roundtable@localhost>".parse().unwrap(),
        load_demo: true,
        outbox_worker: false,
        mail_max_attempts: 12,
        mail_attempt_timeout: std::time::Duration::from_secs(30),
        mail_concurrency: 4,
        trusted_proxies: Vec::new(),
    }
}

/// Seeds the comments and an administrator; gives the administrator's
/// session token.
async fn seed(app: &Application) -> String {
    let pool = app.pool().clone();
    tokio::task::spawn_blocking(move || {
        let conn = &mut pool.get().unwrap();
        demo::add_synthetic_comments(conn, CONSULTATION, ROUNDTABLE, COMMENTS, Utc::now()).unwrap();
        accounts::create_admin(conn, ADMIN_EMAIL, "Bench Chair", ADMIN_PASSWORD, Utc::now())
            .unwrap();
        let session =
            accounts::sign_in(conn, ADMIN_EMAIL, ADMIN_PASSWORD, "bench", None, Utc::now())
                .unwrap();
        session.token.expose().to_owned()
    })
    .await
    .unwrap()
}

/// Sequential requests after a warm-up; prints the distribution.
async fn time_page(label: &str, client: &reqwest::Client, url: &str, cookie: Option<&str>) {
    let get = || {
        let request = client.get(url);
        match cookie {
            Some(c) => request.header("cookie", c),
            None => request,
        }
    };
    let mut bytes = 0;
    for _ in 0..20 {
        bytes = get().send().await.unwrap().bytes().await.unwrap().len();
    }
    let mut times: Vec<Duration> = Vec::with_capacity(REQUESTS);
    for _ in 0..REQUESTS {
        let start = Instant::now();
        let response = get().send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        response.bytes().await.unwrap();
        times.push(start.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / REQUESTS as u32;
    let at = |q: f64| times[((REQUESTS as f64 - 1.0) * q) as usize];
    println!(
        "{label} ({} KiB), {REQUESTS} sequential requests: \
         mean {:.2} ms, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        bytes / 1024,
        mean.as_secs_f64() * 1e3,
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        times[REQUESTS - 1].as_secs_f64() * 1e3,
    );
}

/// Gives the administrator's session cookie.
async fn measure(backend: &str, settings: Settings) -> String {
    let app = Application::build(&settings)
        .await
        .expect("the application builds");
    let token = seed(&app).await;
    let url = format!(
        "http://127.0.0.1:{}/c/{CONSULTATION}/{ROUNDTABLE}",
        app.port()
    );
    let handle = app.handle();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();
    let visitor = format!("{backend}, visitor: first page of {COMMENTS} extra comments");
    time_page(&visitor, &client, &url, None).await;
    let cookie = format!("rt_session={token}");
    let admin = format!("{backend}, signed-in administrator: the same page");
    time_page(&admin, &client, &url, Some(&cookie)).await;
    handle.stop(true).await;
    cookie
}

#[tokio::main]
async fn main() {
    if cfg!(debug_assertions) {
        println!("note: a debug build; run `cargo bench` for release figures");
    }
    let temporary = tempfile::tempdir().unwrap();
    let kept = std::env::var_os("ROUNDTABLE_BENCH_KEEP").map(std::path::PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temporary.path());
    let cookie = measure(
        "SQLite",
        settings(dir, DatabaseTarget::Sqlite(dir.join("bench.db"))),
    )
    .await;
    if kept.is_some() {
        let database = dir.join("bench.db");
        println!(
            "kept {0}: serve it with DATABASE_URL={0} ROUNDTABLE_DATA_DIR={1}; \
             the administrator's cookie: {cookie}",
            database.display(),
            dir.display()
        );
    }

    if let Ok(server) = std::env::var("ROUNDTABLE_BENCH_POSTGRES") {
        let name = format!("roundtable_bench_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::establish(&format!("{server}/postgres")).unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .unwrap();
        let _ = measure(
            "PostgreSQL",
            settings(
                temporary.path(),
                DatabaseTarget::Postgres(format!("{server}/{name}")),
            ),
        )
        .await;
        admin
            .batch_execute(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
            .unwrap();
    }
}
