use crate::helpers::*;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use roundtable::config::{DatabaseTarget, DatabaseTimeouts};
use roundtable::db::{build_pool, maintenance_connection};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

#[tokio::test]
async fn healthz_answers_when_the_database_does() {
    for app in TestApp::empty().spawn_each().await {
        let (status, body) = app.get_text("/healthz").await;
        assert_eq!(status, 200, "{:?}", app.backend);
        assert_eq!(body, "ok\n");
    }
}

#[tokio::test]
async fn healthz_fails_when_the_database_is_gone() {
    // SQLite is a file the process holds open and cannot lose this way; the
    // PostgreSQL case runs whenever ROUNDTABLE_TEST_POSTGRES is set (as in CI).
    let Some(server) = postgres_server_unless_ci() else {
        return;
    };
    let app = TestApp::empty().spawn(Backend::Postgres).await;
    assert_eq!(app.get_text("/healthz").await.0, 200);
    let roundtable::config::DatabaseTarget::Postgres(url) = &app.settings.database else {
        unreachable!()
    };
    let name = url.rsplit('/').next().unwrap().to_owned();
    let mut admin_url = url::Url::parse(&server).unwrap();
    admin_url.set_path("postgres");
    let mut admin = PgConnection::establish(admin_url.as_str()).unwrap();
    admin
        .batch_execute(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
        .unwrap();

    let (status, body) = app.get_text("/healthz").await;
    assert_eq!(status, 503);
    assert!(body.contains("database"));
    // Pages say so in the layout instead of failing blankly.
    let response = app.get("/").await;
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(response.headers()["retry-after"], "30");
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("cannot reach its database"));
}

#[tokio::test]
async fn a_silent_database_network_gets_quick_503s_and_recovers() {
    // SQLite is a local file: there is no network to go silent. This runs on
    // PostgreSQL, through a proxy that can stop forwarding without closing.
    let Some(server) = postgres_server_unless_ci() else {
        return;
    };
    let network = SilentNetwork::start(&server);
    // The default timeouts: they are what must keep the answers quick.
    let app = TestApp::empty()
        .postgres_via(&network.server_url)
        .spawn(Backend::Postgres)
        .await;
    assert_eq!(timed_get(&app, "/healthz").await.0, 200);
    assert_eq!(timed_get(&app, "/").await.0, 200);

    network.go_silent();
    for attempt in 1..=3 {
        let (status, body, took) = timed_get(&app, "/healthz").await;
        assert_eq!(status, 503, "health check {attempt}: {body}");
        assert!(
            took < Duration::from_secs(3),
            "health check {attempt} took {took:?}"
        );
    }
    // More pages at once than the pool has connections: those that find no
    // free connection must answer in time too.
    let mut pages = tokio::task::JoinSet::new();
    for _ in 0..12 {
        let (client, url) = (app.client.clone(), app.url("/"));
        pages.spawn(async move { get_within_20_s(&client, &url).await });
    }
    for (status, body, took) in pages.join_all().await {
        assert_eq!(status, 503, "{body}");
        assert!(took < Duration::from_secs(10), "a page took {took:?}");
        assert!(body.contains("cannot reach its database"), "{body}");
    }

    // A new connection gives up after the connect timeout instead of waiting
    // for a server that never answers.
    let target = app.settings.database.clone();
    let started = Instant::now();
    let opened = tokio::task::spawn_blocking(move || {
        maintenance_connection(&target, DatabaseTimeouts::default()).map(drop)
    })
    .await
    .unwrap();
    let error = opened.expect_err("a connection opened through a silent network");
    assert!(error.to_string().contains("timeout"), "{error}");
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "connecting gave up only after {:?}",
        started.elapsed()
    );

    network.answer_again();
    let recovering = Instant::now();
    loop {
        let (status, _, _) = timed_get(&app, "/healthz").await;
        if status == 200 {
            break;
        }
        assert!(
            recovering.elapsed() < Duration::from_secs(30),
            "/healthz still answers {status} 30 s after the database answers again"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let (status, body, _) = timed_get(&app, "/").await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn postgres_stops_a_statement_at_the_statement_timeout() {
    let Some(server) = postgres_server_unless_ci() else {
        return;
    };
    let database = create_postgres_database();
    let target = DatabaseTarget::Postgres(database_url(&server, &database.name));
    let timeouts = DatabaseTimeouts {
        statement: Duration::from_secs(1),
        ..DatabaseTimeouts::default()
    };
    tokio::task::spawn_blocking(move || {
        let pool = build_pool(&target, timeouts).unwrap();
        let started = Instant::now();
        let error = pool
            .get()
            .unwrap()
            .batch_execute("SELECT pg_sleep(10)")
            .unwrap_err();
        assert!(error.to_string().contains("statement timeout"), "{error}");
        assert!(started.elapsed() < Duration::from_secs(5));
        // Migrations may take long, and wait for another instance's.
        let mut maintenance = maintenance_connection(&target, timeouts).unwrap();
        maintenance.batch_execute("SELECT pg_sleep(1.5)").unwrap();
    })
    .await
    .unwrap();
}

/// Status, body and how long the answer took; a server that does not answer
/// within 20 s fails the test instead of hanging it.
async fn get_within_20_s(client: &reqwest::Client, url: &str) -> (u16, String, Duration) {
    let started = Instant::now();
    let response = client
        .get(url)
        .timeout(Duration::from_secs(20))
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {url}: no answer after {:?}: {e}", started.elapsed()));
    let status = response.status().as_u16();
    let body = response.text().await.expect("a text body");
    (status, body, started.elapsed())
}

async fn timed_get(app: &TestApp, path: &str) -> (u16, String, Duration) {
    get_within_20_s(&app.client, &app.url(path)).await
}

/// A loopback TCP proxy in front of the PostgreSQL test server that can go
/// silent as a network that drops packets does: connections stay open and
/// new ones are accepted, but not a byte goes through until it answers
/// again, when what it held goes on (as retransmissions would).
struct SilentNetwork {
    /// The test server's URL with the proxy's address.
    server_url: String,
    forwarding: watch::Sender<bool>,
    /// Its own threads: the app opens its pool synchronously on the test's.
    runtime: Option<tokio::runtime::Runtime>,
}

impl SilentNetwork {
    fn start(server: &str) -> Self {
        let mut url = url::Url::parse(server).expect("ROUNDTABLE_TEST_POSTGRES is a URL");
        let upstream = format!(
            "{}:{}",
            url.host_str().unwrap_or("127.0.0.1"),
            url.port().unwrap_or(5432)
        );
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        url.set_host(Some("127.0.0.1")).unwrap();
        url.set_port(Some(listener.local_addr().unwrap().port()))
            .unwrap();
        let (forwarding, _) = watch::channel(true);
        let switch = forwarding.clone();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        runtime.spawn(async move {
            let listener = TcpListener::from_std(listener).unwrap();
            while let Ok((client, _)) = listener.accept().await {
                tokio::spawn(relay(client, upstream.clone(), switch.subscribe()));
            }
        });
        Self {
            server_url: url.to_string(),
            forwarding,
            runtime: Some(runtime),
        }
    }

    fn go_silent(&self) {
        self.forwarding.send_replace(false);
    }

    fn answer_again(&self) {
        self.forwarding.send_replace(true);
    }
}

impl Drop for SilentNetwork {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

async fn relay(client: TcpStream, upstream: String, mut forwarding: watch::Receiver<bool>) {
    if forwarding.wait_for(|on| *on).await.is_err() {
        return;
    }
    let Ok(server) = TcpStream::connect(&upstream).await else {
        return;
    };
    let (from_client, to_client) = client.into_split();
    let (from_server, to_server) = server.into_split();
    // When either side closes, dropping the other direction closes both.
    tokio::select! {
        _ = pump(from_client, to_server, forwarding.clone()) => {}
        _ = pump(from_server, to_client, forwarding) => {}
    }
}

async fn pump(
    mut from: OwnedReadHalf,
    mut to: OwnedWriteHalf,
    mut forwarding: watch::Receiver<bool>,
) {
    let mut buffer = vec![0; 16 * 1024];
    loop {
        let read = match from.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        if forwarding.wait_for(|on| *on).await.is_err()
            || to.write_all(&buffer[..read]).await.is_err()
        {
            return;
        }
    }
}
