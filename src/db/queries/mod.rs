//! One module per aggregate. Every function takes the caller's connection, so
//! services decide the transaction.

pub mod admin;
pub mod authoring;
pub mod comments;
pub mod consultations;
pub mod content;
pub mod digest;
pub mod email_batches;
pub mod housekeeping;
pub mod moderation;
pub mod notifications;
pub mod outbox;
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
