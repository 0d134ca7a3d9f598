//! The rules of consultations, roundtables and comments. No I/O here: nothing
//! in this module knows about HTTP, SQL, templates or email.

/// An array of form field names: the prefix, then "general" and 1 to 30.
/// Form fields are named statically so that errors can point at them.
macro_rules! numbered_fields {
    ($prefix:literal) => {
        [
            concat!($prefix, "general"),
            concat!($prefix, "1"),
            concat!($prefix, "2"),
            concat!($prefix, "3"),
            concat!($prefix, "4"),
            concat!($prefix, "5"),
            concat!($prefix, "6"),
            concat!($prefix, "7"),
            concat!($prefix, "8"),
            concat!($prefix, "9"),
            concat!($prefix, "10"),
            concat!($prefix, "11"),
            concat!($prefix, "12"),
            concat!($prefix, "13"),
            concat!($prefix, "14"),
            concat!($prefix, "15"),
            concat!($prefix, "16"),
            concat!($prefix, "17"),
            concat!($prefix, "18"),
            concat!($prefix, "19"),
            concat!($prefix, "20"),
            concat!($prefix, "21"),
            concat!($prefix, "22"),
            concat!($prefix, "23"),
            concat!($prefix, "24"),
            concat!($prefix, "25"),
            concat!($prefix, "26"),
            concat!($prefix, "27"),
            concat!($prefix, "28"),
            concat!($prefix, "29"),
            concat!($prefix, "30"),
        ]
    };
}

pub mod affiliation;
pub mod authoring;
pub mod citation;
pub mod clearinghouse;
pub mod comment;
pub mod consultation;
pub mod coverage;
pub mod digest;
pub mod error;
pub mod fingerprint;
pub mod ids;
pub mod late;
pub mod listing;
pub mod message;
pub mod moderation;
pub mod notification;
pub mod outcome;
pub mod outcome_diff;
pub mod outcome_version;
pub mod queue_pages;
pub mod rate_limit;
pub mod region;
pub mod registration;
pub mod report_marks;
pub mod return_path;
pub mod roundtable;
pub mod search;
pub mod signed_link;
pub mod slug;
pub mod terms;
pub mod thread;
pub mod thread_pages;
pub mod time;
pub mod token;
pub mod user;

pub use error::InvalidField;
pub use message::Message;
