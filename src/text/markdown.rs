use super::safe_html::SafeHtml;
use ammonia::Builder;
use pulldown_cmark::{html, Options, Parser};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Comments: paragraphs, emphasis, lists, quotes, code and links; nothing else.
const COMMENT_TAGS: &[&str] = &[
    "p",
    "br",
    "em",
    "strong",
    "del",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
];

/// Staff-written texts (backgrounds, objectives) may also have headings and tables.
const DOCUMENT_EXTRA_TAGS: &[&str] = &[
    "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
];

static COMMENT_SANITISER: LazyLock<Builder<'static>> =
    LazyLock::new(|| sanitiser(COMMENT_TAGS.iter()));
static DOCUMENT_SANITISER: LazyLock<Builder<'static>> =
    LazyLock::new(|| sanitiser(COMMENT_TAGS.iter().chain(DOCUMENT_EXTRA_TAGS)));

fn sanitiser<'a>(tags: impl Iterator<Item = &'a &'static str>) -> Builder<'static> {
    let mut builder = Builder::empty();
    builder
        .tags(tags.copied().collect::<HashSet<_>>())
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("nofollow ugc noopener"))
        .add_tag_attributes("a", ["href"])
        .add_tag_attributes("ol", ["start"])
        .strip_comments(true);
    builder
}

fn markdown_to_html(source: &str) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(source, options));
    out
}

pub fn render_comment(source: &str) -> SafeHtml {
    SafeHtml::from_sanitiser(
        COMMENT_SANITISER
            .clean(&markdown_to_html(source))
            .to_string(),
    )
}

pub fn render_document(source: &str) -> SafeHtml {
    SafeHtml::from_sanitiser(
        DOCUMENT_SANITISER
            .clean(&markdown_to_html(source))
            .to_string(),
    )
}

/// The words of a comment without its markup, for spreadsheets: block
/// ends become line breaks, links keep their text.
pub fn plain_text(source: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::with_capacity(source.len());
    for event in Parser::new_ext(
        source,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    ) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::CodeBlock,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// The words of a Markdown text on one line, without its markup, cut on a
/// word with "…" when longer than `limit` characters: a comment at a glance.
pub fn plain_excerpt(source: &str, limit: usize) -> String {
    let flat = plain_text(source)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let Some((cut, _)) = flat.char_indices().nth(limit) else {
        return flat;
    };
    let head = &flat[..cut];
    // A word longer than half the excerpt is cut where it must be.
    let head = match head.rfind(' ') {
        Some(space) if space >= cut / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_plain_and_cut_on_a_word() {
        assert_eq!(
            plain_excerpt(
                "**Late payment** of [public contracts](https://x.org)\n\n- hurts",
                100
            ),
            "Late payment of public contracts hurts"
        );
        assert_eq!(
            plain_excerpt("Cities lead, with budgets and staff.", 16),
            "Cities lead…"
        );
        assert_eq!(
            plain_excerpt(&"x".repeat(30), 10),
            format!("{}…", "x".repeat(10))
        );
    }

    #[test]
    fn markdown_becomes_the_allowed_html() {
        let html = render_comment("Some *emphasis*, a [link](https://example.org) and\n\n- a list");
        assert!(html.as_str().contains("<em>emphasis</em>"));
        assert!(html
            .as_str()
            .contains(r#"<a href="https://example.org" rel="nofollow ugc noopener">link</a>"#));
        assert!(html.as_str().contains("<li>a list</li>"));
    }

    #[test]
    fn scripts_handlers_and_dangerous_links_never_survive() {
        let html = render_comment(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <a href=\"data:text/html,x\" onclick=\"y()\">d</a>\n\n<iframe src=https://example.org></iframe>",
        );
        for forbidden in [
            "<script",
            "onerror",
            "javascript:",
            "data:",
            "onclick",
            "<img",
            "<iframe",
        ] {
            assert!(
                !html.as_str().contains(forbidden),
                "{forbidden} in {}",
                html.as_str()
            );
        }
    }

    #[test]
    fn plain_text_keeps_the_words_only() {
        assert_eq!(
            plain_text("Some *emphasis*, a [link](https://example.org)\n\n- one\n- two"),
            "Some emphasis, a link\none\ntwo"
        );
        assert_eq!(
            plain_text("<b>bold</b> text"),
            "bold text",
            "markup goes, words stay"
        );
    }

    #[test]
    fn headings_are_for_documents_not_comments() {
        assert!(!render_comment("## Title").as_str().contains("<h2>"));
        assert!(render_document("## Title")
            .as_str()
            .contains("<h2>Title</h2>"));
    }

    #[test]
    fn malformed_markdown_still_yields_balanced_html() {
        let html = render_comment("*unclosed **bold `code\n> quote <b>unclosed");
        assert_eq!(
            html.as_str().matches("<blockquote>").count(),
            html.as_str().matches("</blockquote>").count()
        );
        assert!(!html.as_str().contains("<b>"));
    }
}
