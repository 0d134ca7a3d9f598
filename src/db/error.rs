/// Everything that can go wrong below the services. None of it is the user's
/// fault, so the web layer logs it and answers with a generic 500 or 503.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("no database connection available: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("a stored value cannot be read: {0}")]
    Corrupt(String),
    #[error("migrations failed: {0}")]
    Migration(String),
    /// A backup or restore that cannot go ahead; the message says why.
    #[error("{0}")]
    Backup(String),
}

impl StorageError {
    pub fn corrupt(what: impl std::fmt::Display) -> Self {
        Self::Corrupt(what.to_string())
    }

    /// The database is there but cannot answer now: SQLite's writer held
    /// past the busy timeout, a PostgreSQL statement stopped at its timeout,
    /// a connection lost mid-query. Worth a retry, not a bug.
    pub fn is_unavailable(&self) -> bool {
        use diesel::result::{DatabaseErrorKind, Error};
        match self {
            Self::Pool(_) => true,
            Self::Query(Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _)) => true,
            Self::Query(Error::DatabaseError(_, info)) => {
                let message = info.message();
                [
                    "database is locked",
                    "canceling statement due to statement timeout",
                    "canceling statement due to lock timeout",
                    "terminating connection due to idle-in-transaction timeout",
                    "server closed the connection",
                    "could not receive data from server",
                    "no connection to the server",
                ]
                .iter()
                .any(|known| message.contains(known))
            }
            _ => false,
        }
    }

    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            Self::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            ))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::StorageError;
    use diesel::result::{DatabaseErrorKind, Error};

    fn database_error(kind: DatabaseErrorKind, message: &str) -> StorageError {
        StorageError::Query(Error::DatabaseError(kind, Box::new(message.to_owned())))
    }

    #[test]
    fn a_busy_or_lost_database_is_unavailable_and_a_bug_is_not() {
        let busy = database_error(DatabaseErrorKind::Unknown, "database is locked");
        let timeout = database_error(
            DatabaseErrorKind::Unknown,
            "canceling statement due to statement timeout",
        );
        let lost = database_error(DatabaseErrorKind::ClosedConnection, "gone");
        for error in [busy, timeout, lost] {
            assert!(error.is_unavailable(), "{error}");
        }
        let bug = database_error(DatabaseErrorKind::Unknown, "no such column: x");
        assert!(!bug.is_unavailable());
        assert!(!database_error(DatabaseErrorKind::UniqueViolation, "dup").is_unavailable());
    }
}
