//! What a reader types in a search box, parsed once into words, "quoted
//! phrases" and -excluded words. Nothing typed reaches a database's own
//! query syntax: the storage layer rebuilds it from these folded words.

use super::words::{words, IndexLanguage, WORD_MAX_CHARS};
use crate::domain::InvalidField;
use std::collections::HashSet;

pub const QUERY_MAX_CHARS: usize = 200;

/// Words in a row: one word, or a quoted phrase.
pub type Term = Vec<String>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// As typed, trimmed: shown back in the box.
    pub text: String,
    /// Every one must be found (words in any order, phrases as they are).
    pub required: Vec<Term>,
    /// None may be found.
    pub excluded: Vec<Term>,
}

const OPENING_QUOTES: [char; 4] = ['"', '“', '„', '«'];
const CLOSING_QUOTES: [char; 4] = ['"', '”', '“', '»'];

impl SearchQuery {
    pub fn parse(field: &'static str, typed: &str) -> Result<Self, InvalidField> {
        let text = typed.trim();
        let length = text.chars().count();
        if length == 0 {
            return Err(InvalidField::new(field, "invalid-search-empty"));
        }
        if length > QUERY_MAX_CHARS {
            return Err(InvalidField::new(field, "invalid-search-too-long")
                .with("length", length)
                .with("limit", QUERY_MAX_CHARS));
        }
        let mut query = SearchQuery {
            text: text.to_owned(),
            required: Vec::new(),
            excluded: Vec::new(),
        };
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let excluded = rest.starts_with('-');
            if excluded {
                rest = &rest[1..];
            }
            let (part, after) = match rest.chars().next() {
                Some(q) if OPENING_QUOTES.contains(&q) => {
                    let inner = &rest[q.len_utf8()..];
                    let close = inner
                        .find(|c| CLOSING_QUOTES.contains(&c))
                        .ok_or_else(|| InvalidField::new(field, "invalid-search-unclosed-quote"))?;
                    let quote_len = inner[close..].chars().next().map_or(1, char::len_utf8);
                    (&inner[..close], &inner[close + quote_len..])
                }
                _ => {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    (&rest[..end], &rest[end..])
                }
            };
            rest = after;
            if part
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.chars().count() > WORD_MAX_CHARS)
            {
                return Err(InvalidField::new(field, "invalid-search-word-too-long")
                    .with("limit", WORD_MAX_CHARS));
            }
            let term: Term = words(part).into_iter().map(|w| w.folded).collect();
            if term.is_empty() {
                continue;
            }
            let list = if excluded {
                &mut query.excluded
            } else {
                &mut query.required
            };
            if !list.contains(&term) {
                list.push(term);
            }
        }
        if query.required.is_empty() {
            return Err(InvalidField::new(field, "invalid-search-no-words"));
        }
        Ok(query)
    }

    /// The query's terms as a text in `language` is indexed.
    pub fn stemmed(&self, language: IndexLanguage) -> (Vec<Term>, Vec<Term>) {
        let stem = |terms: &[Term]| -> Vec<Term> {
            terms
                .iter()
                .map(|t| t.iter().map(|w| language.stem(w)).collect())
                .collect()
        };
        (stem(&self.required), stem(&self.excluded))
    }

    /// The stems to mark in an excerpt of a text in `language`.
    pub fn marks(&self, language: IndexLanguage) -> HashSet<String> {
        self.required
            .iter()
            .flatten()
            .map(|w| language.stem(w))
            .collect()
    }

    /// Whether a text with these indexed terms answers the query: every
    /// required word or phrase in it, no excluded one.
    pub fn matches(&self, terms: &[String], language: IndexLanguage) -> bool {
        let (required, excluded) = self.stemmed(language);
        required.iter().all(|t| contains_run(terms, t))
            && !excluded.iter().any(|t| contains_run(terms, t))
    }
}

fn contains_run(terms: &[String], run: &[String]) -> bool {
    !run.is_empty() && terms.windows(run.len()).any(|w| w == run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(typed: &str) -> Result<SearchQuery, &'static str> {
        SearchQuery::parse("q", typed).map_err(|e| e.message.key)
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let q = parse(r#"funding "public transport" -cars -"city centre""#).unwrap();
        assert_eq!(
            q.required,
            vec![
                vec!["funding".to_string()],
                vec!["public".into(), "transport".into()]
            ]
        );
        assert_eq!(
            q.excluded,
            vec![
                vec!["cars".to_string()],
                vec!["city".into(), "centre".into()]
            ]
        );
    }

    #[test]
    fn typographic_quotes_are_quotes() {
        let q = parse("« intégration des migrants »").unwrap();
        assert_eq!(
            q.required,
            vec![vec![
                "integration".to_string(),
                "des".into(),
                "migrants".into()
            ]]
        );
    }

    #[test]
    fn database_syntax_is_just_words() {
        let q = parse("a* OR NEAR(b) col:c ^d").unwrap();
        let words: Vec<&str> = q.required.iter().flatten().map(String::as_str).collect();
        assert_eq!(words, ["a", "or", "near", "b", "col", "c", "d"]);
    }

    #[test]
    fn refusals() {
        assert_eq!(parse("   ").unwrap_err(), "invalid-search-empty");
        assert_eq!(
            parse(&"a".repeat(201)).unwrap_err(),
            "invalid-search-too-long"
        );
        assert!(parse(&"ab ".repeat(66)).is_ok());
        assert_eq!(
            parse(&"a".repeat(65)).unwrap_err(),
            "invalid-search-word-too-long"
        );
        assert_eq!(
            parse("\"open phrase").unwrap_err(),
            "invalid-search-unclosed-quote"
        );
        assert_eq!(
            parse("-only -excluded").unwrap_err(),
            "invalid-search-no-words"
        );
        assert_eq!(parse("!!! ---").unwrap_err(), "invalid-search-no-words");
    }

    #[test]
    fn matching_a_phrase_needs_its_order() {
        let fr = IndexLanguage::French;
        let terms: Vec<String> = super::super::words::index_terms("l'intégration des migrants", fr)
            .split(' ')
            .map(String::from)
            .collect();
        assert!(parse("integration migrants").unwrap().matches(&terms, fr));
        assert!(parse("\"intégration des migrants\"")
            .unwrap()
            .matches(&terms, fr));
        assert!(!parse("\"migrants des intégration\"")
            .unwrap()
            .matches(&terms, fr));
        assert!(!parse("integration -migrants").unwrap().matches(&terms, fr));
    }
}
