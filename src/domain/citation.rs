//! Citations of comments in the chairs' outcome: `#c-2f9a01bc`, or a
//! prefix of at least four hexadecimal digits when it names one comment.
//! Finding them (every one that looks like a citation, so that a mistyped
//! one is never passed over), resolving them among the comments that may
//! be cited, and writing them out in full and as links.

use super::InvalidField;

const MIN_CITATION_CHARS: usize = 4;

/// Something in a text that looks like a citation: `#c-` (in either case)
/// that is not glued to a word or a web address before it
/// ("https://x.org/#c-abcd" is a link), with the letters and digits after it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CitationSpan {
    /// Where its "#" stands.
    start: usize,
    end: usize,
    /// As typed, "#" included, for a message that names it.
    typed: String,
    /// The reference in lower case ("c-2f9a"), when it is one: at least
    /// four hexadecimal digits and nothing else.
    reference: Option<String>,
    /// The target of a Markdown link (`[the mayor](#c-2f9a)`): a link already.
    link_target: bool,
}

/// Every citation-like span of a text, well formed or not: nothing that
/// looks like a citation is passed over.
fn citation_spans(text: &str) -> Vec<CitationSpan> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some(offset) = text[at..].find('#') {
        let start = at + offset;
        at = start + 1;
        let marker = bytes.get(start + 1..start + 3);
        if !matches!(marker, Some([b'c' | b'C', b'-'])) {
            continue;
        }
        let glued = start > 0
            && (bytes[start - 1].is_ascii_alphanumeric() || b"/=?&".contains(&bytes[start - 1]));
        let run = bytes[start + 3..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let end = start + 3 + run;
        at = end;
        if glued {
            continue;
        }
        let digits = &text[start + 3..end];
        let well_formed =
            digits.len() >= MIN_CITATION_CHARS && digits.bytes().all(|b| b.is_ascii_hexdigit());
        spans.push(CitationSpan {
            start,
            end,
            typed: text[start..end].to_owned(),
            reference: well_formed.then(|| text[start + 1..end].to_ascii_lowercase()),
            link_target: text[..start].ends_with("]("),
        });
    }
    spans
}

/// The comment references a text cites, each once, in order of appearance.
pub fn citations_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for reference in citation_spans(text).into_iter().filter_map(|s| s.reference) {
        if !found.contains(&reference) {
            found.push(reference);
        }
    }
    found
}

/// What looks like a citation in a field's text but names no comment by
/// its form (`#c-zz99`, `#c-12`), each once, reported against the field.
pub fn malformed_citations(field: &'static str, text: &str) -> Vec<InvalidField> {
    let mut typed: Vec<String> = Vec::new();
    for span in citation_spans(text) {
        if span.reference.is_none() && !typed.contains(&span.typed) {
            typed.push(span.typed);
        }
    }
    typed
        .into_iter()
        .map(|t| InvalidField::new(field, "invalid-citation-malformed").with("reference", t))
        .collect()
}

/// How a cited reference resolves among the comments a point may cite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// The full reference of the one comment it names.
    Found(String),
    Unknown,
    Ambiguous(usize),
}

/// A typed reference (maybe a prefix) against the full references that may be cited.
pub fn resolve<'a>(typed: &str, citable: impl Iterator<Item = &'a str>) -> Resolution {
    let matches: Vec<&str> = citable.filter(|full| full.starts_with(typed)).collect();
    match matches.as_slice() {
        [] => Resolution::Unknown,
        [one] => Resolution::Found((*one).to_owned()),
        many => match many.iter().find(|full| **full == typed) {
            Some(exact) => Resolution::Found((*exact).to_owned()),
            None => Resolution::Ambiguous(many.len()),
        },
    }
}

/// The citations of one field resolved among the full references that may
/// be cited: (typed, full) for each that names one comment, and a mistake
/// against the field for each that names none or several.
pub fn resolve_citations(
    field: &'static str,
    typed: &[String],
    citable: &[&str],
) -> (Vec<(String, String)>, Vec<InvalidField>) {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for reference in typed {
        match resolve(reference, citable.iter().copied()) {
            Resolution::Found(full) => found.push((reference.clone(), full)),
            Resolution::Unknown => errors.push(
                InvalidField::new(field, "invalid-citation-unknown")
                    .with("reference", reference.as_str()),
            ),
            Resolution::Ambiguous(n) => errors.push(
                InvalidField::new(field, "invalid-citation-ambiguous")
                    .with("reference", reference.as_str())
                    .with("count", n),
            ),
        }
    }
    (found, errors)
}

/// The point's Markdown with every resolved citation written in full, so
/// that a later comment sharing a typed prefix cannot make it ambiguous.
pub fn complete_citations(
    markdown: &str,
    full_reference: impl Fn(&str) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut last = 0;
    for span in citation_spans(markdown) {
        if let Some(full) = span.reference.as_deref().and_then(&full_reference) {
            out.push_str(&markdown[last..span.start]);
            out.push('#');
            out.push_str(&full);
            last = span.end;
        }
    }
    out.push_str(&markdown[last..]);
    out
}

/// The point's Markdown with every citation made a link to the comment's
/// anchor, on the roundtable page or in a digest that holds the comments.
pub fn link_citations(markdown: &str, full_reference: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(markdown.len() + 32);
    let mut last = 0;
    for span in citation_spans(markdown) {
        let Some(full) = span.reference.as_deref().and_then(&full_reference) else {
            continue;
        };
        out.push_str(&markdown[last..span.start]);
        if span.link_target {
            out.push_str(&format!("#{full}"));
        } else {
            let typed = &markdown[span.start + 1..span.end];
            out.push_str(&format!("[#{typed}](#{full})"));
        }
        last = span.end;
    }
    out.push_str(&markdown[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mistake as (field, reason, the reference it names).
    fn named(e: &InvalidField) -> (&'static str, &'static str, String) {
        let reference = e.message.args.iter().find(|(name, _)| *name == "reference");
        let reference = match reference {
            Some((_, crate::domain::message::Arg::Text(text))) => text.clone(),
            _ => String::new(),
        };
        (e.field, e.message.key, reference)
    }

    #[test]
    fn what_looks_like_a_citation_but_names_no_comment_is_a_mistake_of_its_field() {
        let found: Vec<_> = malformed_citations(
            "summary",
            "#c-zz99, #C-12, #c-abcdz, #c- and #c-zz99 again; #c-2f9a is fine; \
             https://x.org/#c-zz and x#c-zz are links and words.",
        )
        .iter()
        .map(named)
        .collect();
        let expected = ["#c-zz99", "#C-12", "#c-abcdz", "#c-"]
            .map(|typed| ("summary", "invalid-citation-malformed", typed.to_owned()));
        assert_eq!(found, expected);
    }

    #[test]
    fn citations_are_found_once_and_not_inside_words() {
        assert_eq!(
            citations_in(
                "See #c-2F9A and #c-2f9a, #c-12 (too short), x#c-abcd, #c-abcdz, (#c-0011aabb)."
            ),
            ["c-2f9a", "c-0011aabb"]
        );
    }

    #[test]
    fn each_citation_of_a_field_resolves_or_is_named_against_it() {
        let citable = ["c-2f9a01bc", "c-2f9b0000"];
        let typed = ["c-2f9a".to_owned(), "c-2f9".to_owned(), "c-ffff".to_owned()];
        let (found, errors) = resolve_citations("summary", &typed, &citable);
        assert_eq!(found, [("c-2f9a".to_owned(), "c-2f9a01bc".to_owned())]);
        let said: Vec<_> = errors.iter().map(named).collect();
        assert_eq!(
            said,
            [
                ("summary", "invalid-citation-ambiguous", "c-2f9".to_owned()),
                ("summary", "invalid-citation-unknown", "c-ffff".to_owned()),
            ]
        );
        assert!(errors.iter().all(|e| e.field == "summary"));
    }

    #[test]
    fn prefixes_resolve_only_when_they_name_one_comment() {
        let citable = ["c-2f9a01bc", "c-2f9b0000", "c-aaaa1111"];
        assert_eq!(
            resolve("c-2f9a", citable.iter().copied()),
            Resolution::Found("c-2f9a01bc".into())
        );
        assert_eq!(
            resolve("c-2f9", citable.iter().copied()),
            Resolution::Ambiguous(2)
        );
        assert_eq!(
            resolve("c-ffff", citable.iter().copied()),
            Resolution::Unknown
        );
    }

    #[test]
    fn citations_become_links_to_the_comments_anchor() {
        let linked = link_citations("As #c-2f9a said; #c-ffff is unknown.", |typed| {
            (typed == "c-2f9a").then(|| "c-2f9a01bc".to_owned())
        });
        assert_eq!(
            linked,
            "As [#c-2f9a](#c-2f9a01bc) said; #c-ffff is unknown."
        );
        // A Markdown link to a comment keeps its words and gets the full reference.
        let linked = link_citations("[The mayor](#c-2f9a) agreed.", |typed| {
            (typed == "c-2f9a").then(|| "c-2f9a01bc".to_owned())
        });
        assert_eq!(linked, "[The mayor](#c-2f9a01bc) agreed.");
    }
}
