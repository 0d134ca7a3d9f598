//! A few lines of a found text around its first match, with the matched
//! words marked: made from the text itself, the same on both backends.

use super::query::SearchQuery;
use super::words::{words, IndexLanguage};

/// Words shown in an excerpt, and how many of them before the first match.
const EXCERPT_WORDS: usize = 32;
const LEAD_WORDS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExcerptPart {
    pub text: String,
    pub marked: bool,
}

/// The excerpt of `text` as parts to show, marked or not; "…" where it
/// was cut.
pub fn excerpt(text: &str, language: IndexLanguage, query: &SearchQuery) -> Vec<ExcerptPart> {
    let found = words(text);
    if found.is_empty() {
        return Vec::new();
    }
    let marks = query.marks(language);
    let marked: Vec<bool> = found
        .iter()
        .map(|w| marks.contains(&language.stem(&w.folded)))
        .collect();
    let first = marked.iter().position(|m| *m).unwrap_or(0);
    let from = first.saturating_sub(LEAD_WORDS);
    let to = (from + EXCERPT_WORDS).min(found.len());
    let mut parts = Vec::new();
    let mut plain = String::new();
    if from > 0 {
        plain.push_str("… ");
    }
    let mut at = found[from].start;
    for i in from..to {
        let word = &found[i];
        plain.push_str(&squeeze(&text[at..word.start]));
        if marked[i] {
            flush(&mut parts, &mut plain);
            parts.push(ExcerptPart {
                text: text[word.start..word.end].to_owned(),
                marked: true,
            });
        } else {
            plain.push_str(&text[word.start..word.end]);
        }
        at = word.end;
    }
    if to < found.len() {
        plain.push_str(" …");
    } else {
        plain.push_str(&squeeze(&text[at..]));
    }
    flush(&mut parts, &mut plain);
    parts
}

/// Line breaks and runs of blanks between words become one space.
fn squeeze(between: &str) -> String {
    let mut out = String::with_capacity(between.len());
    for c in between.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn flush(parts: &mut Vec<ExcerptPart>, plain: &mut String) {
    if !plain.is_empty() {
        parts.push(ExcerptPart {
            text: std::mem::take(plain),
            marked: false,
        });
    }
}

/// The excerpt as one line, for the API and the plain-text places.
pub fn plain(parts: &[ExcerptPart]) -> String {
    parts.iter().map(|p| p.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_stemmed_matches_and_cuts_long_texts() {
        let query = SearchQuery::parse("q", "integracion").unwrap();
        let text = format!(
            "{} La integración de las personas.\nOtra línea.",
            "palabra ".repeat(40)
        );
        let parts = excerpt(&text, IndexLanguage::Spanish, &query);
        assert!(parts[0].text.starts_with("… "));
        let marked: Vec<&str> = parts
            .iter()
            .filter(|p| p.marked)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["integración"]);
        assert!(plain(&parts).contains("integración de las personas. Otra línea."));
    }

    #[test]
    fn a_short_text_is_whole() {
        let query = SearchQuery::parse("q", "funding").unwrap();
        let parts = excerpt("More funding, please.", IndexLanguage::English, &query);
        assert_eq!(plain(&parts), "More funding, please.");
        assert_eq!(parts.len(), 3);
        assert!(parts[1].marked);
    }
}
