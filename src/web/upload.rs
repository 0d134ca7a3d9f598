//! Reads a `multipart/form-data` body (RFC 7578) as far as /verify needs:
//! each part's name, file name and bytes. Only /verify takes one; the
//! input guard admits it there alone, bigger than other bodies.

/// The one path whose form uploads a file, and its API twin.
pub fn takes_uploads(path: &str) -> bool {
    matches!(path, "/verify" | "/api/v1/verify")
}

/// The boundary a `multipart/form-data` content type names.
pub fn boundary(content_type: &str) -> Option<String> {
    let mut params = content_type.split(';');
    let essence = params.next()?.trim();
    if !essence.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.find_map(|p| {
        let (name, value) = p.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
            .filter(|b| !b.is_empty() && b.len() <= 70)
    })
}

pub struct Part<'a> {
    pub name: String,
    pub file_name: Option<String>,
    pub data: &'a [u8],
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// `name="value"` out of a Content-Disposition header.
fn parameter(header: &str, name: &str) -> Option<String> {
    header.split(';').find_map(|p| {
        let (key, value) = p.trim().split_once('=')?;
        (key.trim().eq_ignore_ascii_case(name)).then(|| value.trim().trim_matches('"').to_owned())
    })
}

/// The parts of the body; a malformed body has none.
pub fn parts<'a>(body: &'a [u8], boundary: &str) -> Vec<Part<'a>> {
    let delimiter = format!("\r\n--{boundary}");
    // The first delimiter may start the body without the line break.
    let first = format!("--{boundary}");
    let Some(mut at) = find(body, first.as_bytes(), 0) else {
        return vec![];
    };
    at += first.len();
    let mut parts = Vec::new();
    while let Some(next) = find(body, delimiter.as_bytes(), at) {
        let chunk = &body[at..next];
        let chunk = chunk.strip_prefix(b"\r\n").unwrap_or(chunk);
        if let Some(split) = find(chunk, b"\r\n\r\n", 0) {
            let headers = String::from_utf8_lossy(&chunk[..split]);
            let disposition = headers
                .split("\r\n")
                .find(|h| h.to_ascii_lowercase().starts_with("content-disposition:"));
            if let Some(name) = disposition.and_then(|d| parameter(d, "name")) {
                parts.push(Part {
                    name,
                    file_name: disposition.and_then(|d| parameter(d, "filename")),
                    data: &chunk[split + 4..],
                });
            }
        }
        at = next + delimiter.len();
        if body.get(at..at + 2) == Some(b"--") {
            break;
        }
    }
    parts
}

/// A text field's value.
pub fn field(body: &[u8], boundary: &str, name: &str) -> Option<String> {
    parts(body, boundary)
        .into_iter()
        .find(|p| p.name == name && p.file_name.is_none())
        .map(|p| String::from_utf8_lossy(p.data).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_files_are_read_from_their_parts() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d.csv\"\r\nContent-Type: text/csv\r\n\r\na,b\r\n\r\n--XyZ--\r\n";
        let b = boundary("multipart/form-data; boundary=\"XyZ\"").unwrap();
        assert_eq!(field(body, &b, "csrf_token").as_deref(), Some("abc"));
        let all = parts(body, &b);
        assert_eq!(all[1].file_name.as_deref(), Some("d.csv"));
        assert_eq!(all[1].data, b"a,b\r\n");
        assert!(boundary("application/x-www-form-urlencoded").is_none());
        assert!(parts(b"garbage", "XyZ").is_empty());
    }
}
