//! Marks for the report (issue 19): a roundtable's chairs and staff decide
//! whether a published comment is retained for the meeting report, and tag
//! comments with themes. Every change leaves an audit row: on the comment
//! (`moderation_events`: retained, not_retained, theme_added,
//! theme_removed) or on the theme (`audit_log`: created, renamed, merged).
//! Nothing here is shown to visitors or participants.

mod access;
mod comment;
mod filter;
mod themes;

pub use crate::db::queries::report_marks::{MarkFilter, Theme, ThemeCount};
pub use comment::*;
pub use filter::*;
pub use themes::*;
