//! The binary itself: settings errors, migrate, create-admin, demo.

use std::process::{Command, Output};

fn roundtable(data_dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roundtable"));
    command
        .args(args)
        .env("ROUNDTABLE_DATA_DIR", data_dir)
        .env_remove("DATABASE_URL")
        .env_remove("ROUNDTABLE_ADMIN_PASSWORD");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_bad_setting_stops_start_up_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let output = roundtable(dir.path(), &["serve"], &[("ROUNDTABLE_BIND", "everywhere")]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("ROUNDTABLE_BIND"),
        "{}",
        stderr(&output)
    );
    let output = roundtable(
        dir.path(),
        &["migrate"],
        &[("DATABASE_URL", "postgres:oops")],
    );
    assert!(!output.status.success());
    assert!(stderr(&output).contains("DATABASE_URL"));
    assert!(
        !dir.path().join("postgres:oops").exists(),
        "a typo must not create a SQLite file"
    );
}

#[test]
fn migrate_creates_the_database_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("nested").join("data");
    let output = roundtable(&data, &["migrate"], &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(data.join("roundtable.db").exists());
}

#[test]
fn create_admin_reads_the_password_from_the_environment_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "create-admin",
        "--email",
        "Admin@Example.org",
        "--name",
        "Site Admin",
    ];
    let missing = roundtable(dir.path(), &args, &[]);
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("ROUNDTABLE_ADMIN_PASSWORD"));

    let short = roundtable(dir.path(), &args, &[("ROUNDTABLE_ADMIN_PASSWORD", "short")]);
    assert!(!short.status.success());
    assert!(
        stderr(&short).contains("at least 10 characters"),
        "{}",
        stderr(&short)
    );

    let created = roundtable(
        dir.path(),
        &args,
        &[("ROUNDTABLE_ADMIN_PASSWORD", "a long enough secret")],
    );
    assert!(created.status.success(), "{}", stderr(&created));
    assert!(String::from_utf8_lossy(&created.stdout).contains("Created the administrator"));
    let again = [
        "create-admin",
        "--email",
        "admin@example.org",
        "--name",
        "Site Admin",
    ];
    let promoted = roundtable(
        dir.path(),
        &again,
        &[("ROUNDTABLE_ADMIN_PASSWORD", "another long secret")],
    );
    assert!(promoted.status.success());
    assert!(
        String::from_utf8_lossy(&promoted.stdout).contains("already had an account"),
        "emails are unique ignoring case"
    );
}

/// Several commands on one fresh SQLite file at once: each waits for the
/// others' writes (and for the switch to WAL) instead of failing with
/// "database is locked", and nothing is logged as an error.
#[test]
fn commands_started_together_on_a_fresh_database_all_succeed() {
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let runs: Vec<_> = (0..4)
            .map(|n| {
                let data = dir.path().to_owned();
                std::thread::spawn(move || {
                    let email = format!("admin{n}@example.org");
                    let args = ["create-admin", "--email", &email, "--name", "Site Admin"];
                    roundtable(
                        &data,
                        &args,
                        &[("ROUNDTABLE_ADMIN_PASSWORD", "a long enough secret")],
                    )
                })
            })
            .collect();
        for run in runs {
            let output = run.join().unwrap();
            assert!(output.status.success(), "{}", stderr(&output));
            assert!(!stderr(&output).contains("ERROR"), "{}", stderr(&output));
            assert!(!stderr(&output).contains("locked"), "{}", stderr(&output));
        }
    }
}

#[test]
fn demo_loads_once_and_reset_reloads() {
    let dir = tempfile::tempdir().unwrap();
    let first = roundtable(dir.path(), &["demo"], &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(String::from_utf8_lossy(&first.stdout).contains("5 consultations loaded"));
    let second = roundtable(dir.path(), &["demo"], &[]);
    assert!(String::from_utf8_lossy(&second.stdout).contains("0 consultations loaded"));
    let reset = roundtable(dir.path(), &["demo", "--reset"], &[]);
    assert!(String::from_utf8_lossy(&reset.stdout).contains("5 consultations loaded"));
}

#[test]
fn reindex_rebuilds_the_search_index_and_an_upgrade_fills_it() {
    use diesel::connection::SimpleConnection;
    use diesel::{Connection, RunQueryDsl};
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let count = |db: &std::path::Path, table: &str| -> i64 {
        let mut conn = diesel::SqliteConnection::establish(db.to_str().unwrap()).unwrap();
        diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
            .get_result::<Count>(&mut conn)
            .unwrap()
            .n
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("roundtable.db");
    let demo = roundtable(dir.path(), &["demo"], &[]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let comments = count(&db, "comments");
    assert!(comments > 50);
    assert_eq!(
        count(&db, "search_documents"),
        comments,
        "the demo is indexed as it is stored"
    );

    let reindex = roundtable(dir.path(), &["reindex"], &[]);
    assert!(reindex.status.success(), "{}", stderr(&reindex));
    let said = String::from_utf8_lossy(&reindex.stdout).into_owned();
    assert!(
        said.contains(&format!("Rebuilt the search index: {comments} comments.")),
        "{said}"
    );

    // A database from before the search index: its comments are indexed
    // when the migration adds it.
    {
        let mut conn = diesel::SqliteConnection::establish(db.to_str().unwrap()).unwrap();
        conn.batch_execute(include_str!(
            "../../migrations/sqlite/2026-12-06-140000_search/down.sql"
        ))
        .unwrap();
        conn.batch_execute(
            "DELETE FROM __diesel_schema_migrations WHERE version = '20261206140000'",
        )
        .unwrap();
    }
    let migrate = roundtable(dir.path(), &["migrate"], &[]);
    assert!(migrate.status.success(), "{}", stderr(&migrate));
    assert_eq!(count(&db, "search_documents"), comments);
}
