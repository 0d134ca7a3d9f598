//! Online copies of a SQLite database and putting one back. PostgreSQL has
//! its own tools (pg_dump, pg_restore): the operator's guide shows them.

use super::migrations::migration_versions;
use super::StorageError;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel::SqliteConnection;
use std::path::{Path, PathBuf};

/// What a checked copy holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopySummary {
    pub schema_version: String,
    pub consultations: i64,
    pub comments: i64,
    pub accounts: i64,
}

/// A consistent copy of the live database, taken while others write:
/// `VACUUM INTO` reads one snapshot (WAL keeps writers going meanwhile) and
/// writes a compact file. Refuses to overwrite an existing file.
pub fn backup_sqlite(database: &Path, output: &Path) -> Result<CopySummary, StorageError> {
    if !database.is_file() {
        return Err(StorageError::Backup(format!(
            "there is no database at {}",
            database.display()
        )));
    }
    // The copy holds accounts and unpublished comments: only its owner may
    // read it. An empty file is what VACUUM INTO accepts besides none.
    create_private_file(output)?;
    let mut conn = open(database)?;
    let target = output.to_string_lossy().replace('\'', "''");
    if let Err(e) = conn.batch_execute(&format!("VACUUM INTO '{target}'")) {
        let _ = std::fs::remove_file(output);
        return Err(e.into());
    }
    drop(conn);
    // On disk before anyone relies on it.
    std::fs::File::open(output)
        .and_then(|f| f.sync_all())
        .map_err(io_error)?;
    check_copy(output)
}

fn create_private_file(path: &Path) -> Result<(), StorageError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            StorageError::Backup(format!(
                "{} already exists: choose a new file name",
                path.display()
            ))
        } else {
            io_error(e)
        }
    })
}

/// Absolute paths only: SQLite reads "file:…" as a URI.
fn open(path: &Path) -> Result<SqliteConnection, StorageError> {
    let path = std::path::absolute(path).map_err(io_error)?;
    let mut conn = SqliteConnection::establish(&path.to_string_lossy())
        .map_err(|e| StorageError::Backup(format!("cannot open {}: {e}", path.display())))?;
    conn.batch_execute("PRAGMA busy_timeout = 5000;")?;
    Ok(conn)
}

/// A copy is only ever read while it is checked.
fn open_read_only(path: &Path) -> Result<SqliteConnection, StorageError> {
    let path = std::path::absolute(path).map_err(io_error)?;
    let encoded: String = path
        .to_string_lossy()
        .chars()
        .map(|c| match c {
            '%' => "%25".to_owned(),
            '?' => "%3f".to_owned(),
            '#' => "%23".to_owned(),
            c => c.to_string(),
        })
        .collect();
    SqliteConnection::establish(&format!("file:{encoded}?mode=ro"))
        .map_err(|e| StorageError::Backup(format!("cannot open {}: {e}", path.display())))
}

#[derive(QueryableByName)]
struct Text1 {
    #[diesel(sql_type = Text)]
    value: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// Checks that a file is a whole Roundtable database this version can use:
/// SQLite's integrity check passes, and every migration it had applied is
/// one this binary knows (a copy from a newer version is refused).
pub fn check_copy(path: &Path) -> Result<CopySummary, StorageError> {
    if !path.is_file() {
        return Err(StorageError::Backup(format!(
            "{} is not a file",
            path.display()
        )));
    }
    let mut conn = open_read_only(path)?;
    let integrity: Vec<Text1> =
        diesel::sql_query("SELECT integrity_check AS value FROM pragma_integrity_check")
            .load(&mut conn)
            .map_err(|e| {
                StorageError::Backup(format!("{} is not a SQLite database: {e}", path.display()))
            })?;
    if integrity.len() != 1 || integrity[0].value != "ok" {
        return Err(StorageError::Backup(format!(
            "{} is damaged: {}",
            path.display(),
            integrity
                .iter()
                .map(|r| r.value.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        )));
    }
    let applied: Vec<Text1> = diesel::sql_query(
        "SELECT version AS value FROM __diesel_schema_migrations ORDER BY version",
    )
    .load(&mut conn)
    .map_err(|_| {
        StorageError::Backup(format!("{} is not a Roundtable database", path.display()))
    })?;
    let (known, _) = migration_versions();
    if let Some(unknown) = applied.iter().find(|v| !known.contains(&v.value)) {
        return Err(StorageError::Backup(format!(
            "{} was made by a newer Roundtable (schema {}): upgrade first",
            path.display(),
            unknown.value
        )));
    }
    let count = |conn: &mut SqliteConnection, table: &str| -> Result<i64, StorageError> {
        let rows: Vec<Count> =
            diesel::sql_query(format!("SELECT COUNT(*) AS count FROM {table}")).load(conn)?;
        Ok(rows.first().map_or(0, |r| r.count))
    };
    Ok(CopySummary {
        schema_version: applied.last().map(|v| v.value.clone()).unwrap_or_default(),
        consultations: count(&mut conn, "consultations")?,
        comments: count(&mut conn, "comments")?,
        accounts: count(&mut conn, "users")?,
    })
}

/// Puts a checked copy in place of the database (the server must be
/// stopped). The database it replaces is kept beside it, renamed; the copy
/// itself is left untouched. Returns where the old database went.
pub fn restore_sqlite(
    copy: &Path,
    database: &Path,
    stamp: &str,
) -> Result<(CopySummary, Option<PathBuf>), StorageError> {
    let summary = check_copy(copy)?;
    if database.exists() {
        quiesce(database)?;
    }
    let folder = database.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(io_error)?;
    // Copied first and checked again, so that a failure halfway leaves the
    // current database as it was.
    let incoming = database.with_extension("db.restoring");
    std::fs::copy(copy, &incoming).map_err(io_error)?;
    check_copy(&incoming)?;
    let kept = if database.exists() {
        let aside = database.with_extension(format!("db.replaced-{stamp}"));
        std::fs::rename(database, &aside).map_err(io_error)?;
        // Whatever is left beside it goes with it, so the kept copy is whole.
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", database.display()));
            if side.exists() {
                std::fs::rename(&side, format!("{}{suffix}", aside.display())).map_err(io_error)?;
            }
        }
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&incoming, database).map_err(io_error)?;
    Ok((summary, kept))
}

/// Proves nothing else has the database open (the server must be stopped)
/// by taking SQLite's exclusive lock without waiting, and folds the
/// write-ahead log into the file, so that the replaced database is whole.
fn quiesce(database: &Path) -> Result<(), StorageError> {
    let mut conn = open(database)?;
    conn.batch_execute("PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE;")?;
    conn.batch_execute("BEGIN EXCLUSIVE; COMMIT;")
        .map_err(|_| {
            StorageError::Backup(format!(
                "{} is in use: stop the server (and any worker) first",
                database.display()
            ))
        })?;
    conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
    Ok(())
}

fn io_error(error: std::io::Error) -> StorageError {
    StorageError::Backup(format!("file operation failed: {error}"))
}
