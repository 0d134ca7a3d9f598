//! One function per use case. Each takes a connection, runs what it needs
//! (in one transaction when it writes) and returns domain values or a
//! `ServiceError`. Nothing here sees an HTTP request.

pub mod accounts;
pub mod admin;
pub mod api_tokens;
pub mod authoring;
pub mod clearinghouse;
pub mod comments;
pub mod coverage;
pub mod demo;
pub mod digest;
pub mod digest_files;
pub mod emails;
pub mod following;
pub mod freshness;
pub mod late_comments;
pub mod moderation;
pub mod notifications;
pub mod outcome_citing;
pub mod outcome_form;
pub mod outcome_sources;
pub mod outcome_versions;
pub mod outcome_withdrawal;
pub mod outcomes;
pub mod pages;
pub mod passwords;
pub mod rate_limits;
pub mod report_marks;
pub mod roundtables;
pub mod search;
pub mod syndication;
pub mod terms;
pub mod verify;

use crate::db::StorageError;
use crate::domain::InvalidField;

/// Which error belongs where: `NotFound`, `Invalid`, `InvalidFields`,
/// `Forbidden`, `Conflict`, `CommentsClosed` and `RateLimited` are the
/// caller's doing (or the state of what they act on) and are shown to them; `Storage`, `Template` and
/// `BrokenDemoContent` are ours, logged with their cause and shown as a
/// generic failure.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error(transparent)]
    Invalid(#[from] InvalidField),
    /// Several fields of one form are wrong at once.
    #[error("{} fields to correct", .0.len())]
    InvalidFields(Vec<InvalidField>),
    /// The request is sound but the thing it acts on has moved on (a comment
    /// another chair decided first). The message says what happened.
    #[error("conflict: {0}")]
    Conflict(crate::domain::Message),
    #[error("the comment period is not open")]
    CommentsClosed {
        state: crate::domain::time::PeriodState,
        zone: chrono_tz::Tz,
    },
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
