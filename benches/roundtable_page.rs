//! How long the busiest public page takes: a roundtable with 1,000 published
//! comments in threads, fetched over HTTP from the real server on loopback.
//! Prints its figures; run with `cargo bench --bench roundtable_page`.
//! Set ROUNDTABLE_BENCH_POSTGRES to a server URL to measure PostgreSQL too.

use chrono::Utc;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use roundtable::config::{DatabaseTarget, Settings};
use roundtable::services::demo;
use roundtable::startup::Application;
use std::time::{Duration, Instant};

const CONSULTATION: &str = "global-forum-online-roundtables";
const ROUNDTABLE: &str = "rt-3-2";
const COMMENTS: usize = 1000;
const REQUESTS: usize = 200;

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

async fn measure(label: &str, settings: Settings) {
    let app = Application::build(&settings)
        .await
        .expect("the application builds");
    let pool = app.pool().clone();
    tokio::task::spawn_blocking(move || {
        demo::add_synthetic_comments(
            &mut pool.get().unwrap(),
            CONSULTATION,
            ROUNDTABLE,
            COMMENTS,
            Utc::now(),
        )
        .unwrap()
    })
    .await
    .unwrap();
    let url = format!(
        "http://127.0.0.1:{}/c/{CONSULTATION}/{ROUNDTABLE}",
        app.port()
    );
    let handle = app.handle();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::new();

    let mut bytes = 0;
    for _ in 0..10 {
        bytes = client
            .get(&url)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .len();
    }
    let mut times: Vec<Duration> = Vec::with_capacity(REQUESTS);
    for _ in 0..REQUESTS {
        let start = Instant::now();
        let response = client.get(&url).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        response.bytes().await.unwrap();
        times.push(start.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / REQUESTS as u32;
    let at = |q: f64| times[((REQUESTS as f64 - 1.0) * q) as usize];
    println!(
        "{label}: roundtable page with {COMMENTS} extra comments ({} KiB), {REQUESTS} sequential requests: \
         mean {:.2} ms, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        bytes / 1024,
        mean.as_secs_f64() * 1e3,
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        times[REQUESTS - 1].as_secs_f64() * 1e3,
    );
    handle.stop(true).await;
}

#[tokio::main]
async fn main() {
    if cfg!(debug_assertions) {
        println!("note: a debug build; run `cargo bench` for release figures");
    }
    let dir = tempfile::tempdir().unwrap();
    measure(
        "SQLite",
        settings(
            dir.path(),
            DatabaseTarget::Sqlite(dir.path().join("bench.db")),
        ),
    )
    .await;

    if let Ok(server) = std::env::var("ROUNDTABLE_BENCH_POSTGRES") {
        let name = format!("roundtable_bench_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::establish(&format!("{server}/postgres")).unwrap();
        admin
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .unwrap();
        measure(
            "PostgreSQL",
            settings(
                dir.path(),
                DatabaseTarget::Postgres(format!("{server}/{name}")),
            ),
        )
        .await;
        admin
            .batch_execute(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
            .unwrap();
    }
}
