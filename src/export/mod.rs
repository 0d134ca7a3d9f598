//! Files people take away: calendars and digests of comments.

pub mod calendar;
pub mod digest;
