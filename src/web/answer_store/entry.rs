//! One kept answer: its head, its body, and the body compressed once for
//! each encoding a client asks for.

use crate::services::freshness::Freshness;
use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue, ETAG};
use actix_web::http::StatusCode;
use bytes::Bytes;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    pub fn header_value(self) -> Option<HeaderValue> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Brotli => Some(HeaderValue::from_static("br")),
        }
    }
}

pub struct Entry {
    pub made_under: Freshness,
    pub status: StatusCode,
    /// The handler's headers (content type, cache policy, ...), the
    /// validator among them.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub etag: HeaderValue,
    identity: Bytes,
    gzip: OnceLock<Bytes>,
    brotli: OnceLock<Bytes>,
    last_used: AtomicU64,
}

impl Entry {
    pub fn new(made_under: Freshness, status: StatusCode, head: &HeaderMap, body: Bytes) -> Self {
        let etag = validator(&body);
        let mut headers: Vec<(HeaderName, HeaderValue)> = head
            .iter()
            .filter(|(name, _)| !is_per_response(name))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        headers.push((ETAG, etag.clone()));
        Self {
            made_under,
            status,
            headers,
            etag,
            identity: body,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
            last_used: AtomicU64::new(0),
        }
    }

    /// The bytes it holds, counting room for both compressed forms (markup
    /// and JSON compress to well under a quarter), so that the figure does
    /// not change once it is kept.
    pub fn size(&self) -> usize {
        self.identity.len() + self.identity.len() / 2 + 512
    }

    pub fn body(&self, encoding: Encoding) -> Bytes {
        match encoding {
            Encoding::Identity => self.identity.clone(),
            Encoding::Gzip => self.gzip.get_or_init(|| gzip(&self.identity)).clone(),
            Encoding::Brotli => self.brotli.get_or_init(|| brotli(&self.identity)).clone(),
        }
    }

    /// Whether the body in this encoding is ready, or would have to be
    /// compressed first (the caller then does it off the async workers).
    pub fn ready(&self, encoding: Encoding) -> bool {
        match encoding {
            Encoding::Identity => true,
            Encoding::Gzip => self.gzip.get().is_some(),
            Encoding::Brotli => self.brotli.get().is_some(),
        }
    }

    pub fn touch(&self, tick: u64) {
        self.last_used.store(tick, Ordering::Relaxed);
    }

    pub fn last_used(&self) -> u64 {
        self.last_used.load(Ordering::Relaxed)
    }
}

/// Headers the server writes for each response itself.
fn is_per_response(name: &HeaderName) -> bool {
    use actix_web::http::header::{
        CONTENT_ENCODING, CONTENT_LENGTH, DATE, ETAG, TRANSFER_ENCODING,
    };
    [
        CONTENT_LENGTH,
        DATE,
        TRANSFER_ENCODING,
        CONTENT_ENCODING,
        ETAG,
    ]
    .contains(name)
}

/// A weak validator from the body: the same bytes give the same tag on
/// every instance of one build. Weak, as the compressed forms are not the
/// same bytes.
fn validator(body: &[u8]) -> HeaderValue {
    let mut hasher = std::hash::DefaultHasher::new();
    body.hash(&mut hasher);
    let tag = format!("W/\"{:016x}{:08x}\"", hasher.finish(), body.len());
    HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""))
}

fn gzip(body: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::default(),
    );
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(body);
    let mut out = encoder.finish().unwrap_or_default();
    out.shrink_to_fit();
    Bytes::from(out)
}

fn brotli(body: &[u8]) -> Bytes {
    // Quality 5 of 11: most of the gain, at a small part of the cost.
    let mut out = Vec::with_capacity(body.len() / 5);
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 16 * 1024, 5, 22);
        let _ = writer.write_all(body);
    }
    out.shrink_to_fit();
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn entry(body: &str) -> Entry {
        let made = Freshness {
            version: 1,
            until: None,
        };
        Entry::new(
            made,
            StatusCode::OK,
            &HeaderMap::new(),
            Bytes::from(body.to_owned()),
        )
    }

    #[test]
    fn compressed_forms_decode_to_the_same_body() {
        let body = "<p>A comment about integration.</p>".repeat(200);
        let kept = entry(&body);
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&kept.body(Encoding::Gzip)[..])
            .read_to_string(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, body);
        let mut unbrotlied = String::new();
        brotli::Decompressor::new(&kept.body(Encoding::Brotli)[..], 4096)
            .read_to_string(&mut unbrotlied)
            .unwrap();
        assert_eq!(unbrotlied, body);
        assert!(kept.body(Encoding::Brotli).len() < body.len() / 10);
    }

    #[test]
    fn the_validator_follows_the_body() {
        assert_eq!(entry("one").etag, entry("one").etag);
        assert_ne!(entry("one").etag, entry("two").etag);
        assert!(entry("one").etag.to_str().unwrap().starts_with("W/\""));
    }
}
