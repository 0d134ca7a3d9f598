//! Where a person goes back to after signing in, registering, confirming
//! their address or choosing a new password: the page they started from.
//! Only a path of this site is taken; anything that could lead elsewhere is
//! ignored, never followed.

/// A path of this site, with its query and fragment, as the browser sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnPath(String);

/// Longer than any page address of ours.
const MAX_LENGTH: usize = 2000;

/// The pages a person passes through on their way back: never a destination.
const ON_THE_WAY: [&str; 6] = [
    "/sign-in",
    "/sign-out",
    "/register",
    "/verify-email",
    "/reset-password",
    "/reset-password/new",
];

impl ReturnPath {
    /// The path, or None for anything that is not plainly one of ours: an
    /// absolute or protocol-relative URL (`//evil.example`), a backslash
    /// (browsers read `/\evil.example` as another host), a space or control
    /// character, or one of the sign-in pages themselves.
    pub fn parse(raw: &str) -> Option<Self> {
        let plain = raw.starts_with('/')
            && !raw.starts_with("//")
            && raw.len() <= MAX_LENGTH
            && raw.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
        let page = raw.split(['?', '#']).next().unwrap_or_default();
        (plain && !ON_THE_WAY.contains(&page)).then(|| Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::ReturnPath;

    #[test]
    fn only_plain_paths_of_this_site_are_taken() {
        for taken in [
            "/c/forum/rt-3-2",
            "/c/forum/rt-3-2?question=2#comment-form",
            "/",
        ] {
            assert_eq!(ReturnPath::parse(taken).unwrap().as_str(), taken);
        }
        for ignored in [
            "",
            "c/forum",
            "https://evil.example/",
            "//evil.example/path",
            "/\\evil.example",
            "/c/forum\u{0}",
            "/c/a b",
            "javascript:alert(1)",
            "/sign-in",
            "/sign-in?next=/c/forum",
            "/register",
            "/reset-password/new?token=x",
        ] {
            assert_eq!(ReturnPath::parse(ignored), None, "{ignored:?}");
        }
        assert_eq!(ReturnPath::parse(&format!("/{}", "a".repeat(2000))), None);
    }
}
