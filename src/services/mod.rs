//! One function per use case. Each takes a connection, runs what it needs
//! (in one transaction when it writes) and returns domain values or a
//! `ServiceError`. Nothing here sees an HTTP request.

pub mod accounts;
pub mod admin;
pub mod demo;
pub mod emails;
pub mod pages;
pub mod passwords;
pub mod rate_limits;

use crate::db::StorageError;
use crate::domain::InvalidField;

/// Which error belongs where: `NotFound`, `Invalid`, `Forbidden` and `RateLimited` are
/// the caller's doing and are shown to them; `Storage`, `Template` and
/// `BrokenDemoContent` are ours, logged with their cause and shown as a
/// generic failure.
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
    #[error("not allowed: {0}")]
    Forbidden(&'static str),
    #[error("too many attempts; try again in {retry_after_seconds} s")]
    RateLimited { retry_after_seconds: i64 },
    #[error("an email template failed: {0}")]
    Template(String),
}

impl From<diesel::result::Error> for ServiceError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Storage(StorageError::from(error))
    }
}
