//! Which part of the site a path belongs to, decided on the decoded path the
//! router matched, so that an encoded spelling (`/%61pi/…`) cannot pass for
//! another part.

/// Whether a decoded path is the JSON API's.
pub fn is_api_path(path: &str) -> bool {
    path.starts_with("/api/")
}

/// The address of a roundtable's page.
pub fn roundtable_path(consultation: &str, roundtable: &str) -> String {
    format!("/c/{consultation}/{roundtable}")
}

/// The address of a comment on the page of its roundtable that holds it.
pub fn comment_path(consultation: &str, roundtable: &str, reference: &str) -> String {
    let page = roundtable_path(consultation, roundtable);
    format!("{page}?comment={reference}#{reference}")
}
