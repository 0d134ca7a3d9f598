//! Where a comment form sends its author once it is done.

pub use crate::web::paths::roundtable_path;
pub use crate::web::redirects::see_other;
