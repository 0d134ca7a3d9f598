//! How a large digest export behaves: 10,000 and 100,000 comments exported
//! in every format over HTTP from the real server on loopback, with the time to the
//! first byte, the total time and how far the process's resident memory
//! rose above where it was before. Constant memory shows as the same rise
//! for both sizes. Prints its figures; run with `cargo bench --bench export`.

use chrono::Utc;
use roundtable::config::{DatabaseTarget, Settings};
use roundtable::services::{accounts, demo};
use roundtable::startup::Application;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CONSULTATION: &str = "global-forum-online-roundtables";

fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn csrf(html: &str) -> String {
    let marker = r#"name="csrf_token" value=""#;
    let start = html.find(marker).unwrap() + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

#[tokio::main]
async fn main() {
    if cfg!(debug_assertions) {
        println!("note: a debug build; run `cargo bench` for release figures");
    }
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        bind: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.path().to_path_buf(),
        database: DatabaseTarget::Sqlite(dir.path().join("bench.db")),
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
    };
    let app = Application::build(&settings).await.unwrap();
    let pool = app.pool().clone();
    let seeded = Instant::now();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        for (roundtable, count) in [("rt-3-1", 10_000), ("rt-3-2", 100_000)] {
            demo::add_synthetic_comments(&mut conn, CONSULTATION, roundtable, count, Utc::now())
                .unwrap();
        }
        accounts::create_admin(
            &mut conn,
            "bench@example.org",
            "Bench",
            "tea kettle harbour",
            Utc::now(),
        )
        .unwrap();
    })
    .await
    .unwrap();
    println!(
        "seeded 110,000 comments in {:.1} s",
        seeded.elapsed().as_secs_f64()
    );
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());

    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let form = client
        .get(format!("{base}/sign-in"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let signed_in = client
        .post(format!("{base}/sign-in"))
        .form(&[
            ("csrf_token", csrf(&form).as_str()),
            ("email", "bench@example.org"),
            ("password", "tea kettle harbour"),
        ])
        .send()
        .await
        .unwrap();
    assert!(signed_in.status().is_success() || signed_in.status().is_redirection());

    let exports = ["csv", "xlsx", "json", "md", "html"]
        .into_iter()
        .flat_map(|format| [("rt-3-1", 10_000, format), ("rt-3-2", 100_000, format)]);
    for (roundtable, count, format) in exports {
        let baseline = resident_kib();
        let peak = Arc::new(AtomicU64::new(baseline));
        let sampling = Arc::new(AtomicBool::new(true));
        let sampler = {
            let (peak, sampling) = (peak.clone(), sampling.clone());
            std::thread::spawn(move || {
                while sampling.load(Ordering::Relaxed) {
                    peak.fetch_max(resident_kib(), Ordering::Relaxed);
                    std::thread::sleep(Duration::from_millis(5));
                }
            })
        };
        let started = Instant::now();
        let mut response = client
            .get(format!(
                "{base}/c/{CONSULTATION}/{roundtable}/export?format={format}"
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let (mut bytes, mut first) = (0usize, None);
        while let Some(chunk) = response.chunk().await.unwrap() {
            first.get_or_insert_with(|| started.elapsed());
            bytes += chunk.len();
        }
        let total = started.elapsed();
        sampling.store(false, Ordering::Relaxed);
        sampler.join().unwrap();
        println!(
            "{format:>4} export of {count:>6} comments ({:.1} MiB): first bytes after {:.1} ms, \
             all after {:.2} s ({:.0} comments/s); resident memory rose by at most {:.1} MiB",
            bytes as f64 / 1048576.0,
            first.unwrap_or_default().as_secs_f64() * 1e3,
            total.as_secs_f64(),
            count as f64 / total.as_secs_f64(),
            (peak.load(Ordering::Relaxed).saturating_sub(baseline)) as f64 / 1024.0,
        );
    }
}
