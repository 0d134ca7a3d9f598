//! One module per aggregate. Every function takes the caller's connection, so
//! services decide the transaction.

pub mod admin;
pub mod authoring;
pub mod comments;
pub mod consultations;
pub mod content;
pub mod coverage;
pub mod digest;
pub mod digest_files;
pub mod email_batches;
pub mod following;
pub mod housekeeping;
pub mod late;
pub mod moderation;
pub mod notifications;
pub mod outbox;
pub mod outcome_revisions;
pub mod outcomes;
pub mod queue;
pub mod rate_limits;
pub mod report_marks;
pub mod roundtables;
pub mod search;
pub mod sessions;
pub mod terms;
pub mod tokens;
pub mod users;
