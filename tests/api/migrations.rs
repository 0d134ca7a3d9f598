use crate::helpers::*;
use roundtable::db;

#[test]
fn both_migration_trees_list_the_same_versions() {
    let (sqlite, postgres) = db::migration_versions();
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, postgres);
}

#[tokio::test]
async fn both_backends_end_up_with_the_same_tables_and_columns() {
    if postgres_server_unless_ci().is_none() {
        return;
    }
    let sqlite = TestApp::empty().spawn(Backend::Sqlite).await;
    let postgres = TestApp::empty().spawn(Backend::Postgres).await;
    let sqlite_columns = sqlite.with_conn(|c| db::table_columns(c).unwrap()).await;
    let postgres_columns = postgres.with_conn(|c| db::table_columns(c).unwrap()).await;
    assert!(sqlite_columns
        .iter()
        .any(|(t, c, _)| t == "comments" && c == "path"));
    assert_eq!(sqlite_columns, postgres_columns);
}

#[tokio::test]
async fn sqlite_connections_use_wal_and_enforce_foreign_keys() {
    use diesel::prelude::*;
    use diesel::sql_types::{BigInt, Text};
    #[derive(QueryableByName)]
    struct Mode {
        #[diesel(sql_type = Text)]
        journal_mode: String,
    }
    #[derive(QueryableByName)]
    struct Flag {
        #[diesel(sql_type = BigInt)]
        foreign_keys: i64,
    }
    let app = TestApp::empty().spawn(Backend::Sqlite).await;
    let (mode, keys) = app
        .with_conn(|conn| {
            let mode: Mode = diesel::sql_query("PRAGMA journal_mode")
                .get_result(conn)
                .unwrap();
            let keys: Flag = diesel::sql_query("PRAGMA foreign_keys")
                .get_result(conn)
                .unwrap();
            (mode.journal_mode, keys.foreign_keys)
        })
        .await;
    assert_eq!(mode, "wal");
    assert_eq!(keys, 1);
}
