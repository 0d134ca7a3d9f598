//! Write transactions that behave the same on both backends.
//!
//! SQLite's default `BEGIN` starts as a reader and upgrades to a writer at the
//! first write. When another connection wrote in between, the upgrade fails at
//! once with "database is locked" (the busy timeout cannot help: waiting would
//! not make the reader's snapshot current). `BEGIN IMMEDIATE` takes the write
//! lock up front, so concurrent writers queue on the busy timeout instead.
//! PostgreSQL needs nothing of the kind: its ordinary transaction is used.

use super::connection::AnyConnection;
use super::error::StorageError;
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::Connection;
use std::cell::Cell;
use std::time::Instant;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// Runs `work` (on this thread) so that a write transaction still running
/// at `deadline` rolls back instead of committing: the request behind it
/// has been answered "unavailable" by then, and must not change anything
/// behind its back.
pub fn with_deadline<T>(deadline: Instant, work: impl FnOnce() -> T) -> T {
    /// Puts the thread's previous deadline back, even if `work` panics: the
    /// blocking pool's threads serve other work afterwards.
    struct Restore(Option<Instant>);
    impl Drop for Restore {
        fn drop(&mut self) {
            DEADLINE.set(self.0);
        }
    }
    let _restore = Restore(DEADLINE.replace(Some(deadline)));
    work()
}

fn deadline_passed() -> bool {
    DEADLINE
        .get()
        .is_some_and(|deadline| Instant::now() >= deadline)
}

/// `work`, refused at the end when the deadline passed meanwhile.
fn within_deadline<T, E, F>(conn: &mut AnyConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    let value = work(conn)?;
    if deadline_passed() {
        return Err(diesel::result::Error::RollbackTransaction.into());
    }
    Ok(value)
}

/// Runs `work` in a transaction that starts as a writer. Nested inside
/// another transaction it becomes a savepoint, as `Connection::transaction`
/// does. Past the thread's deadline (`with_deadline`) it rolls back.
pub fn write_transaction<T, E, F>(conn: &mut AnyConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    let outermost_sqlite = match conn {
        AnyConnection::Sqlite(sqlite) => {
            AnsiTransactionManager::transaction_manager_status_mut(sqlite)
                .transaction_depth()?
                .is_none()
        }
        AnyConnection::Postgresql(_) => false,
    };
    if !outermost_sqlite {
        return conn.transaction(|conn| within_deadline(conn, work));
    }
    if let AnyConnection::Sqlite(sqlite) = conn {
        AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
    }
    let result = within_deadline(conn, work);
    let AnyConnection::Sqlite(sqlite) = conn else {
        unreachable!("the backend of a connection does not change")
    };
    match result {
        Ok(value) => match AnsiTransactionManager::commit_transaction(sqlite) {
            Ok(()) => Ok(value),
            Err(commit_error) => {
                // Diesel's own transaction() rolls back after a failed commit
                // (e.g. SQLITE_BUSY) so that the connection can be reused.
                let _ = AnsiTransactionManager::rollback_transaction(sqlite);
                Err(commit_error.into())
            }
        },
        Err(error) => {
            AnsiTransactionManager::rollback_transaction(sqlite)?;
            Err(error)
        }
    }
}

/// Runs `work` in a savepoint of the caller's transaction: when it fails,
/// only its own statements are undone, and the transaction goes on (on
/// PostgreSQL a failed statement otherwise aborts the whole transaction).
pub fn in_savepoint<T>(
    conn: &mut AnyConnection,
    work: impl FnOnce(&mut AnyConnection) -> Result<T, StorageError>,
) -> Result<T, StorageError> {
    conn.transaction(work)
}

/// Runs one insert in a savepoint and tells whether it stored a row: false
/// when a unique key was taken already. The savepoint keeps a taken key from
/// aborting the caller's transaction (PostgreSQL would refuse every later
/// statement in it).
pub fn insert_unless_taken(
    conn: &mut AnyConnection,
    insert: impl FnOnce(&mut AnyConnection) -> diesel::QueryResult<usize>,
) -> Result<bool, StorageError> {
    match conn.transaction(insert).map_err(StorageError::from) {
        Ok(_) => Ok(true),
        Err(e) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::connection::SimpleConnection;
    use diesel::sql_types::BigInt;
    use diesel::{RunQueryDsl, SqliteConnection};

    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }

    fn open(path: &std::path::Path) -> AnyConnection {
        let mut conn = SqliteConnection::establish(&path.to_string_lossy()).unwrap();
        conn.batch_execute("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;")
            .unwrap();
        AnyConnection::Sqlite(conn)
    }

    fn count(conn: &mut AnyConnection) -> i64 {
        diesel::sql_query("SELECT count(*) AS n FROM t")
            .get_result::<Count>(conn)
            .unwrap()
            .n
    }

    /// Two writers that read then write at the same time: with a deferred
    /// BEGIN one of them fails with "database is locked"; here both succeed.
    #[test]
    fn concurrent_read_then_write_transactions_wait_for_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        open(&path)
            .batch_execute("CREATE TABLE t (n INTEGER)")
            .unwrap();
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let mut conn = open(&path);
                    for _ in 0..10 {
                        write_transaction(&mut conn, |conn| {
                            let seen = count(conn);
                            std::thread::sleep(std::time::Duration::from_millis(2));
                            diesel::sql_query(format!("INSERT INTO t VALUES ({seen})"))
                                .execute(conn)
                        })
                        .expect("a writer waits for the other instead of failing");
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        let mut conn = open(&path);
        assert_eq!(count(&mut conn), 40);
        // Serialised: every writer saw all the rows before it.
        let distinct: Count = diesel::sql_query("SELECT count(DISTINCT n) AS n FROM t")
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(distinct.n, 40);
    }

    #[test]
    fn work_that_outlives_its_deadline_is_rolled_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = open(&dir.path().join("t.db"));
        conn.batch_execute("CREATE TABLE t (n INTEGER)").unwrap();
        let late: Result<usize, diesel::result::Error> = with_deadline(
            Instant::now() + std::time::Duration::from_millis(20),
            || {
                write_transaction(&mut conn, |conn| {
                    let n = diesel::sql_query("INSERT INTO t VALUES (1)").execute(conn)?;
                    std::thread::sleep(std::time::Duration::from_millis(40));
                    Ok(n)
                })
            },
        );
        assert!(late.is_err());
        assert_eq!(count(&mut conn), 0, "nothing committed after the deadline");
        let in_time: Result<usize, diesel::result::Error> =
            with_deadline(Instant::now() + std::time::Duration::from_secs(5), || {
                write_transaction(&mut conn, |conn| {
                    diesel::sql_query("INSERT INTO t VALUES (1)").execute(conn)
                })
            });
        assert!(in_time.is_ok());
        assert_eq!(count(&mut conn), 1);
    }

    #[test]
    fn an_error_rolls_back_and_nesting_uses_a_savepoint() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = open(&dir.path().join("t.db"));
        conn.batch_execute("CREATE TABLE t (n INTEGER)").unwrap();
        let failed: Result<(), diesel::result::Error> = write_transaction(&mut conn, |conn| {
            diesel::sql_query("INSERT INTO t VALUES (1)").execute(conn)?;
            Err(diesel::result::Error::RollbackTransaction)
        });
        assert!(failed.is_err());
        assert_eq!(count(&mut conn), 0);
        write_transaction(&mut conn, |conn| {
            diesel::sql_query("INSERT INTO t VALUES (1)").execute(conn)?;
            let inner: Result<(), diesel::result::Error> = write_transaction(conn, |conn| {
                diesel::sql_query("INSERT INTO t VALUES (2)").execute(conn)?;
                Err(diesel::result::Error::RollbackTransaction)
            });
            assert!(inner.is_err());
            Ok::<_, diesel::result::Error>(())
        })
        .unwrap();
        assert_eq!(count(&mut conn), 1);
    }
}
