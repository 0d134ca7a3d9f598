//! The transactional outbox: every email is first a row, written in the same
//! transaction as the change that caused it, so an email is sent if and only
//! if that change was committed. `worker` delivers the rows, composing the
//! batched ones first (`composer`); their SQL lives in `db::queries::outbox`.

pub mod composer;
pub mod worker;

pub use composer::Composer;

pub use crate::db::queries::outbox::{
    counts, enqueue, EnqueueOutcome, OutboxCounts, OutgoingEmail,
};
