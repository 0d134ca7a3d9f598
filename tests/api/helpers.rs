use crate::test_database::{self, Content};
use chrono::{DateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::RunQueryDsl;
use diesel::{Connection, PgConnection};
use roundtable::config::{DatabaseTarget, Settings};
use roundtable::db::{AnyConnection, Pool};
use roundtable::mail::{Mailer, SentEmail};
use roundtable::outbox::worker::{try_execute_task, TaskOutcome, WorkerSettings};
use roundtable::outbox::Composer;
use roundtable::services::notifications::BatchComposer;
use roundtable::startup::{Application, Prebuilt};
use roundtable::templates::Templates;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use tempfile::TempDir;
use url::Url;

pub const BASE_URL: &str = "http://roundtable.test/";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The backends this run covers: SQLite always, PostgreSQL when
/// ROUNDTABLE_TEST_POSTGRES names a server.
pub fn backends() -> Vec<Backend> {
    match postgres_server() {
        Some(_) => vec![Backend::Sqlite, Backend::Postgres],
        None => vec![Backend::Sqlite],
    }
}

pub fn postgres_server() -> Option<String> {
    std::env::var("ROUNDTABLE_TEST_POSTGRES")
        .ok()
        .filter(|v| !v.trim().is_empty())
}

/// The PostgreSQL test server, or None to skip; CI must provide it, so there
/// a missing one fails instead of passing silently.
pub fn postgres_server_unless_ci() -> Option<String> {
    let server = postgres_server();
    if server.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run this test: set ROUNDTABLE_TEST_POSTGRES"
        );
        eprintln!("skipped: needs ROUNDTABLE_TEST_POSTGRES");
    }
    server
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub pool: Pool,
    pub backend: Backend,
    pub settings: Settings,
    /// Keeps in memory what `deliver_mail` sends; tests of SMTP itself use
    /// the loopback server in `smtp_server` instead.
    pub mailer: Mailer,
    /// Composes batched emails for the outbox worker, as the server's does.
    pub composer: Arc<dyn Composer>,
    /// Set by `expect_unsent`: the test leaves email in the outbox on purpose.
    unsent_expected: AtomicBool,
    server: actix_web::dev::ServerHandle,
    _dir: TempDir,
    /// Dropped last, after the pool: drops the test database.
    _postgres: Option<PostgresDatabase>,
}

/// A database of its own on the test server, dropped with the test.
pub struct PostgresDatabase {
    admin_url: String,
    pub name: String,
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = PgConnection::establish(&self.admin_url) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ));
        }
    }
}

pub fn database_url(server: &str, name: &str) -> String {
    let mut url = Url::parse(server)
        .expect("ROUNDTABLE_TEST_POSTGRES is a URL such as postgres://postgres@127.0.0.1:5432");
    url.set_path(name);
    url.to_string()
}

/// A database for a real `roundtable` process: a fresh PostgreSQL database
/// (dropped with the guard returned) or a SQLite file in `dir`.
pub fn process_database(
    backend: Backend,
    dir: &std::path::Path,
) -> (String, Option<PostgresDatabase>) {
    let postgres = (backend == Backend::Postgres).then(create_postgres_database);
    let url = match &postgres {
        Some(db) => database_url(&postgres_server().unwrap(), &db.name),
        None => dir.join("roundtable.db").to_string_lossy().into_owned(),
    };
    (url, postgres)
}

/// A blank database (not even migrated) on the test server.
pub fn create_postgres_database() -> PostgresDatabase {
    let server = postgres_server().expect("ROUNDTABLE_TEST_POSTGRES is set");
    let admin_url = database_url(&server, "postgres");
    let name = format!("roundtable_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin =
        PgConnection::establish(&admin_url).expect("the test PostgreSQL server answers");
    admin
        .batch_execute(&format!("CREATE DATABASE \"{name}\""))
        .expect("a test database can be created");
    PostgresDatabase { admin_url, name }
}

/// A database on the test server copied from the migrated template.
fn copy_postgres_template(content: Content) -> PostgresDatabase {
    let server = postgres_server().expect("ROUNDTABLE_TEST_POSTGRES is set");
    let admin_url = database_url(&server, "postgres");
    let name = format!("roundtable_test_{}", uuid::Uuid::new_v4().simple());
    test_database::create_from_postgres_template(&admin_url, content, &name);
    PostgresDatabase { admin_url, name }
}

/// What the outbox worker of a server on `pool` composes batches with:
/// the test templates, the test base URL and the site's link signer.
pub fn composer(pool: &Pool) -> Arc<dyn Composer> {
    let signer = roundtable::services::emails::link_signer(&mut pool.get().unwrap())
        .expect("the link signer's secret can be read");
    Arc::new(BatchComposer::new(
        templates(),
        Url::parse(BASE_URL).unwrap(),
        signer,
    ))
}

/// The templates, parsed once per test process.
pub fn templates() -> Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES
        .get_or_init(|| Templates::load().expect("the templates compile"))
        .clone()
}

#[derive(Clone)]
pub struct TestAppBuilder {
    demo: bool,
    trusted_proxies: Vec<std::net::IpAddr>,
    /// Reach the PostgreSQL test server at this URL instead (a proxy in front
    /// of it); the test database is still created directly.
    postgres_via: Option<String>,
}

impl TestApp {
    /// An app with the demo content loaded.
    pub fn with_demo() -> TestAppBuilder {
        TestAppBuilder {
            demo: true,
            trusted_proxies: Vec::new(),
            postgres_via: None,
        }
    }

    /// An app on an empty (migrated) database.
    pub fn empty() -> TestAppBuilder {
        TestAppBuilder {
            demo: false,
            trusted_proxies: Vec::new(),
            postgres_via: None,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("the test server answers")
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("a text body"))
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("a JSON body"))
    }

    /// Sends what the outbox holds through the in-memory mailer, batches
    /// held back on purpose included (each as if its time had come), and
    /// returns every email this app has sent so far.
    pub async fn deliver_mail(&self) -> Vec<SentEmail> {
        let settings = WorkerSettings::default();
        let mut now = Utc::now();
        loop {
            let outcome =
                try_execute_task(&self.pool, &self.mailer, &self.composer, &settings, now)
                    .await
                    .expect("the outbox worker runs");
            if matches!(outcome, TaskOutcome::EmptyQueue) {
                match self.next_held_batch().await {
                    Some(due) => now = now.max(due),
                    None => return self.mailer.sent(),
                }
            }
        }
    }

    /// When the next email batch held back on purpose (a chair's comments
    /// after the first, an author's decisions) falls due, if one waits.
    /// Failed emails waiting for a retry do not count.
    pub async fn next_held_batch(&self) -> Option<DateTime<Utc>> {
        #[derive(diesel::QueryableByName)]
        struct Due {
            #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamp>)]
            due: Option<chrono::NaiveDateTime>,
        }
        self.with_conn(|c| {
            diesel::sql_query(
                "SELECT MIN(o.next_attempt_at) AS due FROM email_outbox o \
                 JOIN email_batches b ON b.id = o.id WHERE o.status = 'pending' AND o.attempts = 0",
            )
            .get_result::<Due>(c)
            .expect("the outbox can be read")
            .due
            .map(|at| at.and_utc())
        })
        .await
    }

    /// Runs blocking database work off the test's async thread.
    pub async fn with_conn<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut AnyConnection) -> T + Send + 'static,
    ) -> T {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || work(&mut pool.get().expect("a database connection")))
            .await
            .expect("the database task finishes")
    }
}

/// A browser: keeps cookies, does not follow redirects, and reads the
/// anti-forgery token of the last page it loaded.
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    pub csrf_token: String,
}

impl Browser {
    pub async fn get(&mut self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let html = response.text().await.unwrap();
        if let Some(token) = csrf_token_in(&html) {
            self.csrf_token = token;
        }
        (status, html)
    }

    /// Posts a form with the current anti-forgery token.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut form: Vec<(&str, &str)> = vec![("csrf_token", &self.csrf_token)];
        form.extend_from_slice(fields);
        self.client
            .post(format!("{}{path}", self.base))
            .form(&form)
            .send()
            .await
            .unwrap()
    }
}

pub fn csrf_token_in(html: &str) -> Option<String> {
    let start = html.find(r#"name="csrf_token" value=""#)? + r#"name="csrf_token" value=""#.len();
    Some(html[start..start + html[start..].find('"')?].to_owned())
}

impl TestApp {
    pub fn browser(&self) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser {
            client,
            base: self.address.clone(),
            csrf_token: String::new(),
        }
    }
}

impl TestAppBuilder {
    /// Requests from these addresses count as coming through the proxy.
    pub fn behind_proxy(mut self, proxies: &[&str]) -> Self {
        self.trusted_proxies = proxies.iter().map(|p| p.parse().unwrap()).collect();
        self
    }

    /// The app reaches PostgreSQL through `server_url` (postgres://host:port).
    pub fn postgres_via(mut self, server_url: &str) -> Self {
        self.postgres_via = Some(server_url.to_owned());
        self
    }

    pub async fn spawn(self, backend: Backend) -> TestApp {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let content = match self.demo {
            true => Content::Demo,
            false => Content::Empty,
        };
        let postgres = (backend == Backend::Postgres).then(|| copy_postgres_template(content));
        let database = match &postgres {
            Some(db) => {
                let server = self.postgres_via.clone().or_else(postgres_server).unwrap();
                DatabaseTarget::Postgres(database_url(&server, &db.name))
            }
            None => {
                let path = dir.path().join("roundtable.db");
                test_database::copy_sqlite_template(content, &path);
                DatabaseTarget::Sqlite(path)
            }
        };
        let demo = self.demo;
        self.start(backend, database, dir, postgres, demo).await
    }

    /// Another instance on the database of `first`, as operators scale out:
    /// its own server, pool, data folder and mailer, no memory shared.
    pub async fn spawn_beside(self, first: &TestApp) -> TestApp {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let database = first.settings.database.clone();
        self.start(first.backend, database, dir, None, false).await
    }

    async fn start(
        self,
        backend: Backend,
        database: DatabaseTarget,
        dir: TempDir,
        postgres: Option<PostgresDatabase>,
        load_demo: bool,
    ) -> TestApp {
        if std::env::var_os("RUST_LOG").is_some() {
            roundtable::telemetry::init();
        }
        let settings = Settings {
            bind: "127.0.0.1:0".parse().unwrap(),
            data_dir: PathBuf::from(dir.path()),
            database,
            database_timeouts: Default::default(),
            base_url: Url::parse(BASE_URL).unwrap(),
            smtp_url: None,
            mail_from: "Roundtable <roundtable@localhost>".parse().unwrap(),
            load_demo,
            // Tests drive the outbox worker step by step.
            outbox_worker: false,
            mail_max_attempts: 3,
            mail_attempt_timeout: std::time::Duration::from_secs(30),
            mail_concurrency: 4,
            trusted_proxies: self.trusted_proxies.clone(),
        };
        let mailer = Mailer::in_memory(settings.mail_from.clone(), &settings.base_url);
        let prebuilt = Prebuilt {
            templates: Some(templates()),
            mailer: Some(mailer.clone()),
        };
        let app = Application::build_with(&settings, prebuilt)
            .await
            .expect("the application builds");
        let address = format!("http://127.0.0.1:{}", app.port());
        let pool = app.pool().clone();
        let composer = composer(&pool);
        let server = app.handle();
        eprintln!(
            "test app on {backend:?} at {address}, started {}",
            Utc::now()
        );
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        TestApp {
            address,
            client,
            pool,
            backend,
            settings,
            mailer,
            composer,
            unsent_expected: AtomicBool::new(false),
            server,
            _dir: dir,
            _postgres: postgres,
        }
    }

    /// One app per backend this run covers.
    pub async fn spawn_each(self) -> Vec<TestApp> {
        let mut apps = Vec::new();
        for backend in backends() {
            apps.push(self.clone().spawn(backend).await);
        }
        apps
    }
}

impl TestApp {
    /// This test leaves email in the outbox on purpose: the end-of-test
    /// check lets it pass.
    pub fn expect_unsent(&self) {
        self.unsent_expected.store(true, Ordering::Relaxed);
    }

    /// Email the outbox still holds that has not been sent, nor given up on.
    fn unsent_emails(&self) -> Option<i64> {
        // An idle connection only: a test may have stopped the database, and
        // a check must not wait for it.
        let mut conn = self.pool.try_get()?;
        let counts = roundtable::outbox::counts(&mut conn).ok()?;
        Some(counts.pending + counts.sending)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // The stop command is sent when `stop` is called; nothing to await.
        drop(self.server.stop(false));
        if std::thread::panicking() || self.unsent_expected.load(Ordering::Relaxed) {
            return;
        }
        if let Some(unsent) = self.unsent_emails().filter(|n| *n > 0) {
            panic!(
                "{:?}: {unsent} email(s) left unsent in the outbox; deliver them \
                 (deliver_mail, or drain through SMTP) or call expect_unsent()",
                self.backend
            );
        }
    }
}

pub const FORUM: &str = "global-forum-online-roundtables";
pub const RT_3_2: &str = "rt-3-2";
