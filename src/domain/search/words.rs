//! From text to the terms the index holds: words split on anything that is
//! not a letter or digit, lower-cased, accents folded ("intégración" and
//! "integracion" are one word), then stemmed in the text's language. The
//! index and the query go through the same steps, so that whatever a
//! reader types without accents finds what an author wrote with them.

use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The stemming a text is indexed with: its own language where we have a
/// stemmer, plain folded words otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndexLanguage {
    English,
    French,
    Spanish,
    Other,
}

impl IndexLanguage {
    pub const ALL: [IndexLanguage; 4] = [
        IndexLanguage::English,
        IndexLanguage::French,
        IndexLanguage::Spanish,
        IndexLanguage::Other,
    ];

    /// From a language tag such as "fr" or "es-419"; unknown or absent
    /// languages are indexed without stemming.
    pub fn of(tag: Option<&str>) -> Self {
        let primary = tag
            .unwrap_or("")
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => IndexLanguage::English,
            "fr" => IndexLanguage::French,
            "es" => IndexLanguage::Spanish,
            _ => IndexLanguage::Other,
        }
    }

    /// The name stored with each indexed text (and the SQLite column).
    pub fn code(self) -> &'static str {
        match self {
            IndexLanguage::English => "en",
            IndexLanguage::French => "fr",
            IndexLanguage::Spanish => "es",
            IndexLanguage::Other => "other",
        }
    }

    fn stemmer(self) -> Option<&'static Stemmer> {
        static STEMMERS: OnceLock<[Stemmer; 3]> = OnceLock::new();
        let [en, fr, es] = STEMMERS.get_or_init(|| {
            [
                Stemmer::create(Algorithm::English),
                Stemmer::create(Algorithm::French),
                Stemmer::create(Algorithm::Spanish),
            ]
        });
        match self {
            IndexLanguage::English => Some(en),
            IndexLanguage::French => Some(fr),
            IndexLanguage::Spanish => Some(es),
            IndexLanguage::Other => None,
        }
    }

    /// The indexed form of one folded word.
    pub fn stem(self, folded: &str) -> String {
        self.stem_of(folded).into_owned()
    }

    fn stem_of<'a>(self, folded: &'a str) -> Cow<'a, str> {
        match self.stemmer().map(|s| s.stem(folded)) {
            Some(stem) if !stem.is_empty() => stem,
            _ => Cow::Borrowed(folded),
        }
    }
}

/// A word of a text: where it stands (byte offsets) and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub folded: String,
}

/// The words of a text in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                push_word(&mut found, text, from, at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        push_word(&mut found, text, from, text.len());
    }
    found
}

fn push_word(found: &mut Vec<Word>, text: &str, start: usize, end: usize) {
    if !is_word_length(&text[start..end]) {
        return;
    }
    let folded = fold(&text[start..end]);
    if !folded.is_empty() {
        found.push(Word { start, end, folded });
    }
}

/// The longest word indexed or looked for: longer runs of letters are not
/// words (a pasted key, a URL's path), and the databases limit a term's size.
pub const WORD_MAX_CHARS: usize = 64;

fn is_word_length(word: &str) -> bool {
    !word.is_empty() && word.chars().count() <= WORD_MAX_CHARS
}

/// Lower case without accents: "Intégración" becomes "integracion".
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The terms the index keeps for a text, in order, separated by spaces.
pub fn index_terms(text: &str, language: IndexLanguage) -> String {
    let mut terms = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if !is_word_length(word) {
            continue;
        }
        let folded = fold(word);
        if folded.is_empty() {
            continue;
        }
        if !terms.is_empty() {
            terms.push(' ');
        }
        terms.push_str(&language.stem_of(&folded));
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Intégración"), "integracion");
        assert_eq!(fold("ÉTÉ"), "ete");
        assert_eq!(fold("Straße"), "straße");
    }

    #[test]
    fn splits_on_punctuation_and_apostrophes() {
        let found: Vec<String> = words("L'intégration, des migrants!")
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(found, ["l", "integration", "des", "migrants"]);
    }

    #[test]
    fn the_same_stem_with_and_without_accents() {
        let fr = IndexLanguage::French;
        assert_eq!(
            index_terms("intégration", fr),
            index_terms("integration", fr)
        );
        let es = IndexLanguage::Spanish;
        assert_eq!(
            index_terms("integración", es),
            index_terms("integracion", es)
        );
        assert_eq!(index_terms("migrants", fr), index_terms("migrant", fr));
    }

    #[test]
    fn overlong_runs_are_not_words() {
        let long = "x".repeat(WORD_MAX_CHARS + 1);
        let text = format!("short {long} end");
        assert_eq!(index_terms(&text, IndexLanguage::Other), "short end");
        let found: Vec<String> = words(&text).into_iter().map(|w| w.folded).collect();
        assert_eq!(found, ["short", "end"]);
    }

    #[test]
    fn languages_from_tags() {
        assert_eq!(IndexLanguage::of(Some("fr-CA")), IndexLanguage::French);
        assert_eq!(IndexLanguage::of(Some("ES")), IndexLanguage::Spanish);
        assert_eq!(IndexLanguage::of(Some("de")), IndexLanguage::Other);
        assert_eq!(IndexLanguage::of(None), IndexLanguage::Other);
    }
}
