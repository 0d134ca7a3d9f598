//! Links that carry their own authority (moderate from an email, unsubscribe):
//! a purpose, the ids it concerns and an expiry, signed with HMAC-SHA256 under
//! the site's secret. Nothing is stored per link, so any instance can check
//! one, and changing the secret voids them all.

use chrono::{DateTime, TimeZone, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Bytes of the MAC kept in the link: 128 bits is far beyond guessing.
const MAC_BYTES: usize = 16;

#[derive(Clone)]
pub struct LinkSigner {
    key: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedClaim {
    pub purpose: String,
    pub subjects: Vec<String>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Altered, truncated, signed under another secret or for another purpose.
    Invalid,
    Expired,
}

impl LinkSigner {
    pub fn new(key: &[u8]) -> Self {
        Self { key: key.to_vec() }
    }

    fn mac(&self, payload: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes keys of any length");
        mac.update(payload.as_bytes());
        mac
    }

    /// `subjects` are ids (letters, digits, '-' and '_'): they must not contain '.'.
    pub fn sign(&self, purpose: &str, subjects: &[&str], expires_at: DateTime<Utc>) -> String {
        let mut payload = purpose.to_owned();
        for subject in subjects {
            debug_assert!(!subject.contains('.'));
            payload.push('.');
            payload.push_str(subject);
        }
        payload.push('.');
        payload.push_str(&expires_at.timestamp().to_string());
        let tag = self.mac(&payload).finalize().into_bytes();
        let hex: String = tag[..MAC_BYTES]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        format!("{payload}.{hex}")
    }

    /// Checks a presented link for `purpose`; never trusts anything before the MAC matches.
    pub fn verify(
        &self,
        purpose: &str,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<SignedClaim, LinkError> {
        let (payload, hex) = token.trim().rsplit_once('.').ok_or(LinkError::Invalid)?;
        let presented = decode_hex(hex).ok_or(LinkError::Invalid)?;
        if presented.len() != MAC_BYTES {
            return Err(LinkError::Invalid);
        }
        self.mac(payload)
            .verify_truncated_left(&presented)
            .map_err(|_| LinkError::Invalid)?;
        let mut parts: Vec<&str> = payload.split('.').collect();
        let expiry = parts.pop().and_then(|e| e.parse::<i64>().ok());
        let expires_at = expiry
            .and_then(|e| Utc.timestamp_opt(e, 0).single())
            .ok_or(LinkError::Invalid)?;
        if parts.first() != Some(&purpose) {
            return Err(LinkError::Invalid);
        }
        if now >= expires_at {
            return Err(LinkError::Expired);
        }
        Ok(SignedClaim {
            purpose: purpose.to_owned(),
            subjects: parts[1..].iter().map(|s| s.to_string()).collect(),
            expires_at,
        })
    }
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if hex.len() % 2 != 0 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_signed_link_checks_out_until_it_expires() {
        let signer = LinkSigner::new(b"secret");
        let now = Utc::now();
        let token = signer.sign("publish", &["c1", "u1"], now + Duration::days(7));
        let claim = signer.verify("publish", &token, now).unwrap();
        assert_eq!(claim.subjects, ["c1", "u1"]);
        assert_eq!(
            signer.verify("publish", &token, now + Duration::days(8)),
            Err(LinkError::Expired)
        );
    }

    #[test]
    fn altered_or_foreign_links_are_refused() {
        let signer = LinkSigner::new(b"secret");
        let now = Utc::now();
        let token = signer.sign("publish", &["c1", "u1"], now + Duration::days(7));
        let altered = token.replacen("c1", "c2", 1);
        assert_eq!(
            signer.verify("publish", &altered, now),
            Err(LinkError::Invalid)
        );
        assert_eq!(
            signer.verify("reject", &token, now),
            Err(LinkError::Invalid)
        );
        let other = LinkSigner::new(b"another secret");
        assert_eq!(
            other.verify("publish", &token, now),
            Err(LinkError::Invalid)
        );
        for junk in [
            "",
            ".",
            "publish",
            "publish.c1.abc.zz",
            &token[..token.len() - 2],
        ] {
            assert_eq!(
                signer.verify("publish", junk, now),
                Err(LinkError::Invalid),
                "{junk}"
            );
        }
    }
}
