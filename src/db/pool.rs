use super::AnyConnection;
use crate::config::DatabaseTarget;
use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
use std::time::Duration;

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConnection = r2d2::PooledConnection<ConnectionManager>;

/// Opens connections of the backend named by the settings, and is the one
/// place where per-connection settings are made.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    target: DatabaseTarget,
}

/// SQLite, every connection: a busy timeout so concurrent writers queue
/// instead of failing, and foreign keys enforced. WAL (readers never wait
/// for the writer) is a property of the file, switched on once by
/// `switch_to_wal` before the pool opens its connections.
const SQLITE_SETUP: &str =
    "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

/// Switching a file to WAL needs it to itself, and SQLite answers "database
/// is locked" at once rather than waiting when another connection is open,
/// as when a pool opens several at start-up, or two commands start together.
/// So one connection switches it, and only when it is not WAL already.
fn switch_to_wal(path: &std::path::Path) -> Result<(), r2d2::Error> {
    #[derive(diesel::QueryableByName)]
    struct JournalMode {
        #[diesel(sql_type = diesel::sql_types::Text)]
        journal_mode: String,
    }
    let mut conn = SqliteConnection::establish(&path.to_string_lossy())
        .map_err(r2d2::Error::ConnectionError)?;
    conn.batch_execute("PRAGMA busy_timeout = 5000;")
        .map_err(r2d2::Error::QueryError)?;
    let current = diesel::sql_query("PRAGMA journal_mode")
        .get_result::<JournalMode>(&mut conn)
        .map_err(r2d2::Error::QueryError)?;
    if !current.journal_mode.eq_ignore_ascii_case("wal") {
        // Another process may win the race; its WAL is as good as ours.
        let mut tries = 0;
        while let Err(error) = conn.batch_execute("PRAGMA journal_mode = WAL;") {
            tries += 1;
            if tries == 50 {
                return Err(r2d2::Error::QueryError(error));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    Ok(())
}

impl ManageConnection for ConnectionManager {
    type Connection = AnyConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, r2d2::Error> {
        match &self.target {
            DatabaseTarget::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(&path.to_string_lossy())
                    .map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute(SQLITE_SETUP)
                    .map_err(r2d2::Error::QueryError)?;
                Ok(AnyConnection::Sqlite(conn))
            }
            DatabaseTarget::Postgres(url) => {
                let mut conn =
                    PgConnection::establish(url).map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute("SET TIME ZONE 'UTC'")
                    .map_err(r2d2::Error::QueryError)?;
                Ok(AnyConnection::Postgresql(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut AnyConnection) -> bool {
        false
    }
}

/// SQLite serialises writes anyway, so a small pool; PostgreSQL gets ten per instance.
pub fn build_pool(target: &DatabaseTarget) -> Result<Pool, r2d2::PoolError> {
    if let DatabaseTarget::Sqlite(path) = target {
        if let Err(error) = switch_to_wal(path) {
            // The pool's own connections will report the cause if it lasts.
            tracing::warn!(%error, "the SQLite database could not be switched to WAL yet");
        }
    }
    let size = match target {
        DatabaseTarget::Sqlite(_) => 4,
        DatabaseTarget::Postgres(_) => 10,
    };
    r2d2::Pool::builder()
        .max_size(size)
        .connection_timeout(Duration::from_secs(5))
        .test_on_check_out(true)
        .build(ConnectionManager {
            target: target.clone(),
        })
}
