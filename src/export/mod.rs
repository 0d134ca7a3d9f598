//! Files people take away: calendars now; digests of comments next.

pub mod calendar;
