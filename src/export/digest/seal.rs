//! Seals a digest file as it is streamed: every byte is hashed on its way
//! out; after the format's own end comes a trailer carrying `sha256:<hex>`
//! of all the bytes before it, the file's canonical form (markers in
//! `domain::fingerprint::TRAILER_MARKERS`). XLSX files, being ZIP archives
//! that tolerate nothing after their end, carry no trailer: their
//! fingerprint is the SHA-256 of the whole file.

use crate::domain::digest::DigestFormat;
use crate::domain::fingerprint::Fingerprint;
use sha2::{Digest, Sha256};
use std::io::{self, Write};
use std::sync::{Arc, Mutex};

struct Tap<W> {
    out: W,
    /// The bytes before the trailer.
    canonical: Sha256,
    /// The whole file as delivered.
    whole: Sha256,
}

/// The writer the format writers are given; a clone of it seals the file
/// once they are done.
pub(super) struct SealingWriter<W>(Arc<Mutex<Tap<W>>>);

impl<W> Clone for SealingWriter<W> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

/// What a sealed file carries and what it is, byte for byte.
pub struct Seal {
    pub fingerprint: Fingerprint,
    pub file_sha256: Fingerprint,
}

fn poisoned() -> io::Error {
    io::Error::other("the digest writer failed earlier")
}

impl<W: Write> SealingWriter<W> {
    pub(super) fn new(out: W) -> Self {
        Self(Arc::new(Mutex::new(Tap {
            out,
            canonical: Sha256::new(),
            whole: Sha256::new(),
        })))
    }

    /// Writes the trailer of `format` pointing readers at `verify_url`.
    pub(super) fn seal(&self, format: DigestFormat, verify_url: &str) -> io::Result<Seal> {
        let mut tap = self.0.lock().map_err(|_| poisoned())?;
        if format == DigestFormat::Markdown {
            // A blank line, so that the trailer is a paragraph of its own.
            tap.out.write_all(b"\n")?;
            tap.canonical.update(b"\n");
            tap.whole.update(b"\n");
        }
        let fingerprint = Fingerprint::from_digest(&tap.canonical.clone().finalize());
        let trailer = trailer(format, &fingerprint, verify_url);
        tap.out.write_all(trailer.as_bytes())?;
        tap.whole.update(trailer.as_bytes());
        tap.out.flush()?;
        let file_sha256 = Fingerprint::from_digest(&tap.whole.clone().finalize());
        Ok(Seal {
            fingerprint: match format {
                DigestFormat::Xlsx => file_sha256.clone(),
                _ => fingerprint,
            },
            file_sha256,
        })
    }
}

/// The trailer of each format (none for XLSX).
pub fn trailer(format: DigestFormat, fingerprint: &Fingerprint, verify_url: &str) -> String {
    let escaped = verify_url
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    match format {
        DigestFormat::Html => format!(
            "<footer class=\"digest-fingerprint\"><p>Fingerprint: <code>{fingerprint}</code> \
             Verify at <a href=\"{escaped}\">{escaped}</a></p></footer>\n</body>\n</html>\n"
        ),
        DigestFormat::Json => format!(",\"fingerprint\":\"{fingerprint}\"}}\n"),
        DigestFormat::Markdown => format!("Fingerprint: {fingerprint}  Verify at <{verify_url}>\n"),
        // As wide as the other rows, so that strict readers take it.
        DigestFormat::Csv => format!(
            "Fingerprint,{fingerprint}{}\r\n",
            ",".repeat(super::table::CSV_COLUMNS.len() - 2)
        ),
        DigestFormat::Xlsx => String::new(),
    }
}

impl<W: Write> Write for SealingWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let mut tap = self.0.lock().map_err(|_| poisoned())?;
        let written = tap.out.write(data)?;
        tap.canonical.update(&data[..written]);
        tap.whole.update(&data[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.lock().map_err(|_| poisoned())?.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fingerprint::trailer_of;

    #[test]
    fn each_trailer_is_found_where_it_starts_with_the_fingerprint_of_what_precedes() {
        let url = "https://example.org/verify";
        for format in [
            DigestFormat::Html,
            DigestFormat::Json,
            DigestFormat::Markdown,
            DigestFormat::Csv,
        ] {
            let body = b"head \"sha256:\" Fingerprint, body\n";
            let fingerprint = Fingerprint::of(body);
            let mut file = body.to_vec();
            file.extend_from_slice(trailer(format, &fingerprint, url).as_bytes());
            let (at, found) = trailer_of(&file).expect("a trailer");
            assert_eq!(at, body.len(), "{format:?}");
            assert_eq!(found, fingerprint, "{format:?}");
        }
    }
}
