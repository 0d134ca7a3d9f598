//! Template databases: each test process migrates (and loads the demo into)
//! a database once, and every test starts from a copy of it. SQLite copies a
//! file; PostgreSQL clones a template database with `CREATE DATABASE …
//! TEMPLATE …`.
//!
//! The demo's relative times ("now-14d") count from the top of the hour of
//! loading. A copy of a template made earlier in the process is as correct
//! as a fresh load: the test process lives minutes and the nearest demo time
//! is five hours before its loading ("now-5h"), the open periods days wide.
//! The PostgreSQL demo template, which outlives the process, is named by its
//! hour of loading, so a copy is never older than a fresh load would be by
//! more than the process's own lifetime.

use chrono::Utc;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use roundtable::config::DatabaseTarget;
use roundtable::db::{self, AnyConnection};
use roundtable::services::demo;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// Migrated, nothing else.
    Empty,
    /// Migrated, with the demo consultations loaded.
    Demo,
}

impl Content {
    fn name(self) -> &'static str {
        match self {
            Content::Empty => "empty",
            Content::Demo => "demo",
        }
    }
}

fn fill(conn: &mut AnyConnection, content: Content) {
    db::run_migrations(conn).expect("the migrations run");
    if content == Content::Demo {
        demo::load(conn, Utc::now(), false).expect("the demo loads");
    }
}

/// Puts a fresh copy of the process's SQLite template at `path`.
pub fn copy_sqlite_template(content: Content, path: &Path) {
    static EMPTY: OnceLock<PathBuf> = OnceLock::new();
    static DEMO: OnceLock<PathBuf> = OnceLock::new();
    let cell = match content {
        Content::Empty => &EMPTY,
        Content::Demo => &DEMO,
    };
    let template = cell.get_or_init(|| make_sqlite_template(content));
    std::fs::copy(template, path).expect("the SQLite template can be copied");
}

fn make_sqlite_template(content: Content) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sqlite-templates");
    std::fs::create_dir_all(&folder).expect("a folder for SQLite templates");
    forget_old_templates(&folder);
    let name = format!("{}-{}", std::process::id(), content.name());
    let building = folder.join(format!("{name}.building.db"));
    let template = folder.join(format!("{name}.db"));
    for leftover in [&building, &template] {
        let _ = std::fs::remove_file(leftover);
    }
    let target = DatabaseTarget::Sqlite(building.clone());
    let mut conn =
        db::maintenance_connection(&target, Default::default()).expect("the SQLite template opens");
    fill(&mut conn, content);
    // One self-contained file, whatever the journal mode left in a WAL.
    conn.batch_execute(&format!(
        "VACUUM INTO '{}'",
        template.display().to_string().replace('\'', "''")
    ))
    .expect("the SQLite template is written");
    drop(conn);
    for file in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{file}", building.display()));
    }
    template
}

/// Templates of finished test processes (a process cannot remove its own on
/// exit): anything older than a day.
fn forget_old_templates(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(24 * 3600));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Creates database `name` on the test server as a copy of the template for
/// `content`, making the template first if needed.
pub fn create_from_postgres_template(admin_url: &str, content: Content, name: &str) {
    static EMPTY: OnceLock<String> = OnceLock::new();
    static DEMO: OnceLock<String> = OnceLock::new();
    let cell = match content {
        Content::Empty => &EMPTY,
        Content::Demo => &DEMO,
    };
    let template = cell.get_or_init(|| make_postgres_template(admin_url, content));
    let mut admin = PgConnection::establish(admin_url).expect("the test PostgreSQL server answers");
    retry_while_in_use(|| {
        admin.batch_execute(&format!(
            "CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""
        ))
    })
    .expect("a test database can be created from the template");
}

/// Other sessions on the template (its maker's, ending) make PostgreSQL
/// refuse to copy or rename it for a moment.
fn retry_while_in_use(
    mut work: impl FnMut() -> diesel::QueryResult<()>,
) -> diesel::QueryResult<()> {
    let mut tries = 0;
    loop {
        match work() {
            Err(error) if tries < 50 && error.to_string().contains("accessed by other users") => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(100));
            }
            result => return result,
        }
    }
}

/// Names the template by a hash of what goes into it, so test processes of
/// different versions (other checkouts, a stale template) never share one,
/// and those of one version do.
fn postgres_template_name(content: Content) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in ["migrations/postgres", "src/demo"] {
        collect_files(&root.join(folder), &mut files);
    }
    files.push(root.join("src/services/demo.rs"));
    files.sort();
    let mut hash = Sha256::new();
    for file in &files {
        hash.update(
            file.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .as_bytes(),
        );
        hash.update(std::fs::read(file).expect("a source file of the template"));
    }
    let digest: String = hash.finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    match content {
        Content::Empty => format!("roundtable_template_{digest}_empty"),
        Content::Demo => format!(
            "roundtable_template_{digest}_demo_{}",
            Utc::now().format("%Y%m%d%H")
        ),
    }
}

fn collect_files(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder)
        .expect("a source folder")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// Any fixed number: names the lock under which test processes make
/// templates, taken on the server's `postgres` database by all of them.
const TEMPLATE_LOCK: i64 = 0x5254_5445_4d50;

fn make_postgres_template(admin_url: &str, content: Content) -> String {
    let name = postgres_template_name(content);
    let mut admin = PgConnection::establish(admin_url).expect("the test PostgreSQL server answers");
    diesel::sql_query(format!("SELECT pg_advisory_lock({TEMPLATE_LOCK})"))
        .execute(&mut admin)
        .expect("the template lock");
    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        datname: String,
    }
    let existing: Vec<String> =
        diesel::sql_query("SELECT datname::text AS datname FROM pg_database WHERE datname LIKE 'roundtable\\_template\\_%'")
            .load::<Name>(&mut admin)
            .expect("the list of databases")
            .into_iter()
            .map(|n| n.datname)
            .collect();
    if !existing.contains(&name) {
        // A half-made template of a process that died while making it is
        // left under this name, never under the final one.
        let building = format!("{name}_building");
        // Two statements, as CREATE DATABASE refuses to run in the
        // transaction that one multi-statement call would be.
        admin
            .batch_execute(&format!(
                "DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)"
            ))
            .expect("a half-made template can be dropped");
        admin
            .batch_execute(&format!("CREATE DATABASE \"{building}\""))
            .expect("the template database can be created");
        let url = crate::helpers::database_url(admin_url, &building);
        let mut conn =
            db::maintenance_connection(&DatabaseTarget::Postgres(url), Default::default())
                .expect("the template database opens");
        fill(&mut conn, content);
        drop(conn);
        retry_while_in_use(|| {
            admin.batch_execute(&format!(
                "ALTER DATABASE \"{building}\" RENAME TO \"{name}\""
            ))
        })
        .expect("the template database is renamed");
    }
    drop_stale_demo_templates(&mut admin, &existing);
    let _ = diesel::sql_query(format!("SELECT pg_advisory_unlock({TEMPLATE_LOCK})"))
        .execute(&mut admin);
    name
}

/// Demo templates more than two hours old: no test process still copies
/// them. One in use stays (DROP refuses), to be dropped next time.
fn drop_stale_demo_templates(admin: &mut PgConnection, existing: &[String]) {
    let oldest_kept = (Utc::now() - chrono::Duration::hours(2))
        .format("%Y%m%d%H")
        .to_string();
    for name in existing {
        let Some((_, hour)) = name.split_once("_demo_") else {
            continue;
        };
        if hour.len() == 10 && hour < oldest_kept.as_str() {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\""));
        }
    }
}
