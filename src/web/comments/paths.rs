//! Where a comment form sends its author once it is done.

pub use crate::web::redirects::see_other;

pub fn roundtable_path(consultation: &str, roundtable: &str) -> String {
    format!("/c/{consultation}/{roundtable}")
}
