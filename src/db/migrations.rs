use super::connection::AnyConnection;
use super::error::StorageError;
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Runs what is pending and returns the versions it applied.
pub fn run_migrations(conn: &mut AnyConnection) -> Result<Vec<String>, StorageError> {
    let applied = match conn {
        AnyConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
        AnyConnection::Postgresql(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
    }
    .map_err(|e| StorageError::Migration(e.to_string()))?;
    Ok(applied.iter().map(|v| v.to_string()).collect())
}

/// The embedded migration versions of each backend, for the test that keeps
/// the two trees in step.
pub fn migration_versions() -> (Vec<String>, Vec<String>) {
    fn versions(migrations: &EmbeddedMigrations) -> Vec<String> {
        use diesel::migration::MigrationSource;
        MigrationSource::<diesel::sqlite::Sqlite>::migrations(migrations)
            .expect("embedded migrations load")
            .iter()
            .map(|m| m.name().version().to_string())
            .collect()
    }
    (versions(&SQLITE_MIGRATIONS), versions(&POSTGRES_MIGRATIONS))
}

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    nullable: String,
}

/// Every (table, column, nullable) of the application's tables, sorted; the
/// same list on both backends means both migration trees agree.
pub fn table_columns(
    conn: &mut AnyConnection,
) -> Result<Vec<(String, String, bool)>, StorageError> {
    let rows: Vec<ColumnRow> = match conn {
        AnyConnection::Sqlite(c) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name, \
                    CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 'NO' ELSE 'YES' END AS nullable \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
               AND m.name != '__diesel_schema_migrations' \
               AND m.name NOT LIKE 'comment_fts%'",
        )
        .load(c)?,
        AnyConnection::Postgresql(c) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
                    is_nullable::text AS nullable \
             FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name != '__diesel_schema_migrations' \
               AND NOT (table_name = 'search_documents' AND column_name = 'vector') \
               AND table_name IN (SELECT table_name FROM information_schema.tables \
                                  WHERE table_schema = 'public' AND table_type = 'BASE TABLE')",
        )
        .load(c)?,
    };
    let mut columns: Vec<_> = rows
        .into_iter()
        .map(|r| (r.table_name, r.column_name, r.nullable == "YES"))
        .collect();
    columns.sort();
    Ok(columns)
}

/// Runs `work` while holding a PostgreSQL advisory lock, so that instances
/// starting together on one database take turns to migrate it and to load
/// the demo. On SQLite (a server and a command such as `create-admin`
/// started together) `work` runs in one write transaction: the second
/// waits for the first's writes, then finds nothing left to migrate.
pub fn one_instance_at_a_time<T, E>(
    conn: &mut AnyConnection,
    work: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<StorageError>,
{
    if matches!(conn, AnyConnection::Sqlite(_)) {
        enum Failure<E> {
            Work(E),
            Database(diesel::result::Error),
        }
        impl<E> From<diesel::result::Error> for Failure<E> {
            fn from(error: diesel::result::Error) -> Self {
                Self::Database(error)
            }
        }
        return super::transaction::write_transaction(conn, |conn| {
            work(conn).map_err(Failure::Work)
        })
        .map_err(|failure| match failure {
            Failure::Work(error) => error,
            Failure::Database(error) => StorageError::from(error).into(),
        });
    }
    // Any fixed number; it names the lock among the database's advisory locks.
    const STARTUP_LOCK: i64 = 0x524f_554e_4454;
    let postgres = matches!(conn, AnyConnection::Postgresql(_));
    if postgres {
        diesel::sql_query("SELECT pg_advisory_lock($1)")
            .bind::<diesel::sql_types::BigInt, _>(STARTUP_LOCK)
            .execute(conn)
            .map_err(StorageError::from)?;
    }
    let result = work(conn);
    if postgres {
        // The work's own error matters more than a failed unlock; the lock
        // goes with the connection at the latest.
        if let Err(error) = diesel::sql_query("SELECT pg_advisory_unlock($1)")
            .bind::<diesel::sql_types::BigInt, _>(STARTUP_LOCK)
            .execute(conn)
        {
            tracing::error!(%error, "releasing the start-up lock failed");
        }
    }
    result
}
