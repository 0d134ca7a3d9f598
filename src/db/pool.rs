use super::connection::AnyConnection;
use crate::config::{DatabaseTarget, DatabaseTimeouts};
use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConnection = r2d2::PooledConnection<ConnectionManager>;

/// Opens connections of the backend named by the settings, and is the one
/// place where per-connection settings are made.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    target: DatabaseTarget,
    timeouts: DatabaseTimeouts,
}

impl ConnectionManager {
    pub fn new(target: &DatabaseTarget, timeouts: DatabaseTimeouts) -> Self {
        let target = match target {
            DatabaseTarget::Postgres(url) => {
                DatabaseTarget::Postgres(with_network_timeouts(url, timeouts))
            }
            sqlite => sqlite.clone(),
        };
        Self { target, timeouts }
    }
}

/// libpq parameters for a network that goes silent instead of failing:
/// give up connecting after the connect timeout, probe idle connections, and
/// drop a connection whose sent data stays unacknowledged as long as a page
/// would wait for it. Whatever the operator's URL sets already wins.
fn with_network_timeouts(url: &str, timeouts: DatabaseTimeouts) -> String {
    let defaults = [
        ("connect_timeout", timeouts.connect.as_secs().to_string()),
        ("keepalives", "1".to_owned()),
        ("keepalives_idle", "30".to_owned()),
        ("keepalives_interval", "10".to_owned()),
        ("keepalives_count", "3".to_owned()),
        ("tcp_user_timeout", timeouts.request.as_millis().to_string()),
    ];
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let given: Vec<&str> = query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .collect();
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(str::to_owned)
        .collect();
    for (key, value) in defaults {
        if !given.contains(&key) {
            pairs.push(format!("{key}={value}"));
        }
    }
    format!("{base}?{}", pairs.join("&"))
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
            std::thread::sleep(std::time::Duration::from_millis(100));
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
                // The server stops a runaway statement; a silent network is
                // the client's deadlines' business (see `with_network_timeouts`).
                // A backend whose client vanished mid-transaction must not
                // keep its locks (a rate-limit bucket's among them) for hours.
                conn.batch_execute(&format!(
                    "SET TIME ZONE 'UTC'; SET statement_timeout = {0}; \
                     SET idle_in_transaction_session_timeout = {0}",
                    self.timeouts.statement.as_millis()
                ))
                .map_err(r2d2::Error::QueryError)?;
                Ok(AnyConnection::Postgresql(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    /// A connection whose work panicked, or whose transaction state is
    /// broken, may still hold a transaction (SQLite's write lock with it):
    /// it is closed, not handed to the next request.
    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        use diesel::connection::{AnsiTransactionManager, TransactionManager};
        let broken_transaction = match conn {
            AnyConnection::Sqlite(c) => AnsiTransactionManager::is_broken_transaction_manager(c),
            AnyConnection::Postgresql(c) => {
                AnsiTransactionManager::is_broken_transaction_manager(c)
            }
        };
        std::thread::panicking() || broken_transaction
    }
}

/// SQLite serialises writes anyway, so a small pool (eight measured slower
/// for posting, two no faster); PostgreSQL gets ten per instance. Waiting
/// for a free connection is bounded by the connect timeout.
///
/// A SQLite connection is a file handle that opens in well under a
/// millisecond but holds its own copy of the schema and a page cache, so
/// the pool keeps one spare beyond those in use (two at rest) and opens the
/// others as the load asks; r2d2 closes a connection idle for ten minutes.
/// PostgreSQL's ten are all opened at start: a server that allows
/// too few connections is found at start-up, and connecting over the
/// network stays off the request path.
pub fn build_pool(
    target: &DatabaseTarget,
    timeouts: DatabaseTimeouts,
) -> Result<Pool, r2d2::PoolError> {
    if let DatabaseTarget::Sqlite(path) = target {
        if let Err(error) = switch_to_wal(path) {
            // The pool's own connections will report the cause if it lasts.
            tracing::warn!(%error, "the SQLite database could not be switched to WAL yet");
        }
    }
    // A PostgreSQL connection can die with its server or network, so each
    // is tried before use; a SQLite one is a file handle that does not, and
    // the query would cost every request for nothing.
    let (size, spare, test_on_check_out) = match target {
        DatabaseTarget::Sqlite(_) => (4, Some(1), false),
        DatabaseTarget::Postgres(_) => (10, None, true),
    };
    r2d2::Pool::builder()
        .max_size(size)
        .min_idle(spare)
        .connection_timeout(timeouts.connect)
        .test_on_check_out(test_on_check_out)
        .build(ConnectionManager::new(target, timeouts))
}

/// A connection of its own, outside the pool and without the statement
/// timeout, for migrations and the demo: they may run long, and may wait
/// behind another instance's. It closes when dropped.
pub fn maintenance_connection(
    target: &DatabaseTarget,
    timeouts: DatabaseTimeouts,
) -> Result<AnyConnection, r2d2::Error> {
    let mut conn = ConnectionManager::new(target, timeouts).connect()?;
    if let AnyConnection::Postgresql(pg) = &mut conn {
        pg.batch_execute("SET statement_timeout = 0")
            .map_err(r2d2::Error::QueryError)?;
    }
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn postgres_urls_get_network_timeouts_unless_they_set_them() {
        let timeouts = DatabaseTimeouts {
            connect: Duration::from_secs(4),
            statement: Duration::from_secs(30),
            request: Duration::from_secs(8),
        };
        assert_eq!(
            with_network_timeouts("postgres://rt@db/rt", timeouts),
            "postgres://rt@db/rt?connect_timeout=4&keepalives=1&keepalives_idle=30\
             &keepalives_interval=10&keepalives_count=3&tcp_user_timeout=8000"
        );
        assert_eq!(
            with_network_timeouts(
                "postgres://rt@db/rt?sslmode=require&connect_timeout=20&keepalives=0",
                timeouts
            ),
            "postgres://rt@db/rt?sslmode=require&connect_timeout=20&keepalives=0\
             &keepalives_idle=30&keepalives_interval=10&keepalives_count=3&tcp_user_timeout=8000"
        );
    }
}
