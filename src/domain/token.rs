//! Secrets handed to browsers and mailboxes (session cookies, email links).
//! Only their SHA-256 digest is stored, so a copy of the database opens no
//! session and follows no link.

use sha2::{Digest, Sha256};

/// 256 random bits, as 64 hex characters.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(String);

impl SecretToken {
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system provides randomness");
        Self(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// A token as it came back from a browser or a link: never trusted, only
    /// digested and looked up.
    pub fn from_presented(value: &str) -> Option<Self> {
        let value = value.trim();
        (value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Self(value.to_ascii_lowercase()))
    }

    pub fn digest(&self) -> String {
        Sha256::digest(self.0.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretToken(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_digests_stable() {
        let (a, b) = (SecretToken::generate(), SecretToken::generate());
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), 64);
        assert_eq!(
            a.digest(),
            SecretToken::from_presented(a.expose()).unwrap().digest()
        );
        assert_ne!(a.digest(), a.expose());
        assert!(format!("{a:?}").contains('…'), "never printed");
    }

    #[test]
    fn presented_tokens_must_look_like_ours() {
        assert!(SecretToken::from_presented("short").is_none());
        assert!(SecretToken::from_presented(&"z".repeat(64)).is_none());
    }
}
