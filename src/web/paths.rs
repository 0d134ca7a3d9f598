//! Which part of the site a path belongs to, decided on the decoded path the
//! router matched, so that an encoded spelling (`/%61pi/…`) cannot pass for
//! another part.

/// Whether a decoded path is the JSON API's.
pub fn is_api_path(path: &str) -> bool {
    path.starts_with("/api/")
}
