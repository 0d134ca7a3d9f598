//! Citations in an outcome's stored HTML, named for the reader: the link
//! `<a href="#c-2f9a01bc" rel="…">#c-2f9a01bc</a>` that saving made becomes
//! `<a href="/comment/c-2f9a01bc">Amina Diallo (Welcome Kitchen, Lebanon)</a>`.
//! It is done on the HTML as stored, so that a page renders no Markdown,
//! and at each reading, so that the names are the comments' as they are
//! now: an author who erased their account is no longer named.

use super::safe_html::SafeHtml;

const CITATION_LINK: &str = "<a href=\"#c-";

/// Every link to a comment's anchor whose reference `name` knows leads to
/// the comment's permalink; a link that shows only the reference shows the
/// name instead, one with words of its own keeps them. Other links, and
/// citations of comments `name` does not know, stay as they are.
pub fn name_citations(html: &SafeHtml, name: impl Fn(&str) -> Option<String>) -> SafeHtml {
    let source = html.as_str();
    let mut out = String::with_capacity(source.len() + 64);
    let mut last = 0;
    let mut at = 0;
    while let Some(offset) = source[at..].find(CITATION_LINK) {
        let start = at + offset;
        at = start + CITATION_LINK.len();
        let Some(link) = citation_link(&source[start..]) else {
            continue;
        };
        let Some(label) = name(link.reference) else {
            continue;
        };
        out.push_str(&source[last..start]);
        out.push_str("<a href=\"/comment/");
        out.push_str(link.reference);
        out.push_str("\">");
        match link.bare {
            true => out.push_str(&escape(&label)),
            false => out.push_str(link.inner),
        }
        out.push_str("</a>");
        last = start + link.len;
        at = last;
    }
    out.push_str(&source[last..]);
    SafeHtml::from_sanitiser(out)
}

struct CitationLink<'a> {
    reference: &'a str,
    /// What the link shows, as HTML.
    inner: &'a str,
    /// It shows only a reference, such as "#c-2f9a".
    bare: bool,
    /// The length of the whole element.
    len: usize,
}

/// The `<a href="#c-…" …>…</a>` at the start of `html`, if it is one.
fn citation_link(html: &str) -> Option<CitationLink<'_>> {
    let target = &html["<a href=\"#".len()..];
    let reference = &target[..target.find('"')?];
    if !is_reference(reference) {
        return None;
    }
    // The sanitiser escapes ">" inside attribute values.
    let opened = html.find('>')? + 1;
    let closed = opened + html[opened..].find("</a>")?;
    let inner = &html[opened..closed];
    Some(CitationLink {
        reference,
        inner,
        bare: inner.strip_prefix('#').is_some_and(is_reference),
        len: closed + "</a>".len(),
    })
}

fn is_reference(text: &str) -> bool {
    text.strip_prefix("c-")
        .is_some_and(|hex| !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::render_comment;

    fn names(reference: &str) -> Option<String> {
        match reference {
            "c-2f9a01bc" => Some("Amina <Diallo> (Kitchen & Co, Lebanon)".to_owned()),
            "c-0000aaaa" => Some("Otto".to_owned()),
            _ => None,
        }
    }

    #[test]
    fn a_citation_names_its_author_and_leads_to_the_permalink() {
        let html = render_comment(
            "As [#c-2f9a](#c-2f9a01bc) said, [the mayor](#c-0000aaaa) agreed; \
             [#c-ffff](#c-ffff0000) is gone; [a site](https://example.org/#c-2f9a01bc).",
        );
        let named = name_citations(&html, names);
        assert_eq!(
            named.as_str(),
            "<p>As <a href=\"/comment/c-2f9a01bc\">Amina &lt;Diallo&gt; (Kitchen &amp; Co, Lebanon)</a> said, \
             <a href=\"/comment/c-0000aaaa\">the mayor</a> agreed; \
             <a href=\"#c-ffff0000\" rel=\"nofollow ugc noopener\">#c-ffff</a> is gone; \
             <a href=\"https://example.org/#c-2f9a01bc\" rel=\"nofollow ugc noopener\">a site</a>.</p>\n"
        );
    }

    #[test]
    fn html_without_citations_is_unchanged() {
        let html = render_comment("No *citation* here, not even <a href=\"#c-\">this</a>.");
        assert_eq!(name_citations(&html, names), html);
    }
}
