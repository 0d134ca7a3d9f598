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
