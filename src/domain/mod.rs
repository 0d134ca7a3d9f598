//! The rules of consultations, roundtables and comments. No I/O here: nothing
//! in this module knows about HTTP, SQL, templates or email.

pub mod affiliation;
pub mod comment;
pub mod consultation;
pub mod digest;
pub mod error;
pub mod ids;
pub mod moderation;
pub mod notification;
pub mod outcome;
pub mod rate_limit;
pub mod registration;
pub mod roundtable;
pub mod signed_link;
pub mod slug;
pub mod thread;
pub mod time;
pub mod token;
pub mod user;

pub use error::InvalidField;
