//! One function per use case. Each takes a connection, runs what it needs
//! (in one transaction when it writes) and returns domain values or a
//! `ServiceError`. Nothing here sees an HTTP request.

pub mod accounts;
pub mod demo;
pub mod pages;
pub mod passwords;

use crate::db::StorageError;
use crate::domain::InvalidField;

/// Which error belongs where: `NotFound` and `Invalid` are the caller's
/// doing and are shown to them; `Storage` and `BrokenDemoContent` are ours,
/// logged with their cause and shown as a generic failure.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error(transparent)]
    Invalid(#[from] InvalidField),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("the built-in demo content is broken: {0}")]
    BrokenDemoContent(String),
}

impl From<diesel::result::Error> for ServiceError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Storage(StorageError::from(error))
    }
}
