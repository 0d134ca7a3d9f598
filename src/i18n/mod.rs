//! The interface in English, French and Spanish: Fluent catalogues under
//! src/i18n/locales/<language>/, compiled in, looked up from templates with
//! `t(key="…", lang=lang)`, and the language each request is answered in.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::LanguageIdentifier;

fluent_templates::static_loader! {
    static CATALOGUES = {
        locales: "./src/i18n/locales",
        fallback_language: "en",
        // Unicode isolation marks around values would show in form fields and emails.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            let language = bundle.locales.first().map(|l| l.language.as_str().to_owned());
            bundle.set_formatter(Some(match language.as_deref() {
                Some("fr") => numbers::french,
                Some("es") => numbers::spanish,
                _ => numbers::english,
            }));
        },
    };
}

/// Whole numbers of five digits or more with the language's thousands
/// separator ("10,000", "10 000", "10.000"); Fluent itself writes none.
mod numbers {
    use fluent_templates::fluent_bundle::FluentValue;

    fn grouped(value: &FluentValue, separator: &str) -> Option<String> {
        let FluentValue::Number(number) = value else {
            return None;
        };
        let n = number.value;
        if n.fract() != 0.0 || n.abs() < 10_000.0 || n.abs() > 1e15 {
            return None;
        }
        let digits = format!("{}", n.abs() as u64);
        let mut out = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(separator);
            }
            out.push(digit);
        }
        Some(if n < 0.0 { format!("-{out}") } else { out })
    }

    pub fn english<M>(value: &FluentValue, _: &M) -> Option<String> {
        grouped(value, ",")
    }

    pub fn french<M>(value: &FluentValue, _: &M) -> Option<String> {
        grouped(value, "\u{202F}")
    }

    pub fn spanish<M>(value: &FluentValue, _: &M) -> Option<String> {
        grouped(value, ".")
    }
}

/// The languages of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Fr,
    Es,
}

impl Language {
    pub const ALL: [Self; 3] = [Self::En, Self::Fr, Self::Es];

    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::Es => "es",
        }
    }

    /// Its own name, as a switcher shows it.
    pub fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "Français",
            Self::Es => "Español",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == primary)
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("a valid language code")
    }

    pub fn chrono_locale(self) -> chrono::Locale {
        match self {
            Self::En => chrono::Locale::en_GB,
            Self::Fr => chrono::Locale::fr_FR,
            Self::Es => chrono::Locale::es_ES,
        }
    }
}

/// The language a request is answered in: the person's choice (their
/// profile, else the cookie the switcher set), else the first language of
/// `Accept-Language` we speak (by weight), else English.
pub fn negotiate(chosen: &[Option<&str>], accept_language: Option<&str>) -> Language {
    if let Some(language) = chosen.iter().flatten().find_map(|c| Language::from_code(c)) {
        return language;
    }
    let mut offered: Vec<(f32, usize, Language)> = accept_language
        .unwrap_or("")
        .split(',')
        .enumerate()
        .filter_map(|(order, part)| {
            let mut pieces = part.split(';');
            let language = Language::from_code(pieces.next()?)?;
            let weight = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (weight > 0.0).then_some((weight, order, language))
        })
        .collect();
    offered.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    offered.first().map_or(Language::En, |(_, _, l)| *l)
}

pub mod labels;

pub use crate::domain::message::Arg;
use crate::domain::Message;

/// A message in a language, with its arguments; None if the key is unknown.
pub fn message(language: Language, key: &str, args: &[(&str, Arg)]) -> Option<String> {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Number(number) => FluentValue::from(*number),
                Arg::Text(text) => FluentValue::from(text.clone()),
                Arg::Key(key) => FluentValue::from(text(language, key, &[])),
            };
            (Cow::Owned((*name).to_owned()), value)
        })
        .collect();
    CATALOGUES.try_lookup_complete(&language.id(), key, Some(&args))
}

/// A message for Rust-built text (view models, dates): the catalogue's
/// English if the language lacks it (the completeness test prevents that),
/// else the key itself.
pub fn text(language: Language, key: &str, args: &[(&str, Arg)]) -> String {
    message(language, key, args)
        .or_else(|| message(Language::En, key, args))
        .unwrap_or_else(|| key.to_owned())
}

/// A message for a person in their language (see `crate::domain::message`).
pub fn say(language: Language, message: &Message) -> String {
    text(language, message.key, &message.args)
}

/// Messages shown with `{}` (logs, the command line) read in English.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&say(Language::En, self))
    }
}

/// The `t(key="…", lang=lang, name=value…)` function for templates. An
/// unknown key is an error, so that the template tests catch typos.
pub struct Translate;

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(|k| k.as_str())
            .ok_or_else(|| tera::Error::msg("t() needs key=\"…\""))?;
        let language = args
            .get("lang")
            .and_then(|l| l.as_str())
            .and_then(Language::from_code)
            .unwrap_or(Language::En);
        let values: Vec<(&str, Arg)> = args
            .iter()
            .filter(|(name, _)| *name != "key" && *name != "lang")
            .map(|(name, value)| {
                let arg = match value {
                    tera::Value::Number(n) => {
                        n.as_f64().map_or(Arg::Text(n.to_string()), Arg::Number)
                    }
                    tera::Value::String(s) => Arg::Text(s.clone()),
                    tera::Value::Null => Arg::Text(String::new()),
                    other => Arg::Text(other.to_string()),
                };
                (name.as_str(), arg)
            })
            .collect();
        message(language, key, &values)
            .map(tera::Value::String)
            .ok_or_else(|| tera::Error::msg(format!("no message '{key}' in the catalogues")))
    }

    fn is_safe(&self) -> bool {
        false
    }
}

/// The messages of one language's catalogues as written, key and source,
/// read from the source tree (for the completeness tests only).
#[cfg(test)]
fn catalogue_sources(language: Language) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/i18n/locales")
        .join(language.code());
    let mut messages: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            match (starts_message, line.split_once('=')) {
                (true, Some((key, value))) => {
                    messages.push((key.trim().to_owned(), value.to_owned()))
                }
                _ => {
                    if let Some((_, source)) = messages.last_mut() {
                        if !line.starts_with('#') {
                            source.push('\n');
                            source.push_str(line);
                        }
                    }
                }
            }
        }
    }
    messages.sort();
    messages
}

/// The keys of one language's catalogues.
#[cfg(test)]
fn catalogue_keys(language: Language) -> Vec<String> {
    catalogue_sources(language)
        .into_iter()
        .map(|(k, _)| k)
        .collect()
}

#[cfg(test)]
/// The variables a message's source uses (`{ $count }`).
fn variables(source: &str) -> Vec<String> {
    source
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect::<String>()
        })
        .filter(|v| !v.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files under a folder of the source tree whose names end with
    /// `suffix`, with their text.
    fn source_files(folder: &str, suffix: &str) -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, suffix: &str, found: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, suffix, found);
                } else if path.to_string_lossy().ends_with(suffix) {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    found.push((path.display().to_string(), text));
                }
            }
        }
        let mut found = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        walk(&root, suffix, &mut found);
        found
    }

    #[test]
    fn the_choice_comes_first_then_the_browser_then_english() {
        assert_eq!(negotiate(&[Some("es")], Some("fr")), Language::Es);
        assert_eq!(negotiate(&[None, Some("fr")], Some("es")), Language::Fr);
        assert_eq!(
            negotiate(&[Some("de")], Some("de-DE, fr;q=0.8, es;q=0.9")),
            Language::Es
        );
        assert_eq!(negotiate(&[], Some("fr-CA,en;q=0.5")), Language::Fr);
        assert_eq!(negotiate(&[], Some("es;q=0, de")), Language::En);
        assert_eq!(negotiate(&[], None), Language::En);
    }

    /// Every `t(key="…")` in the templates names a message English has.
    #[test]
    fn templates_use_only_keys_the_catalogues_have() {
        let mut used = Vec::new();
        for (path, text) in source_files("templates", "") {
            for piece in text.split("t(key=\"").skip(1) {
                if let Some(end) = piece.find('"') {
                    used.push((path.clone(), piece[..end].to_owned()));
                }
            }
        }
        assert!(!used.is_empty());
        let english = catalogue_keys(Language::En);
        let unknown: Vec<_> = used
            .iter()
            .filter(|(_, key)| !english.contains(key))
            .collect();
        assert!(unknown.is_empty(), "keys the catalogues lack: {unknown:?}");
    }

    /// Every catalogue key written as a literal in the Rust sources (an
    /// error's reason, a page title) names a message English has. Keys
    /// made from a closed list's codes are checked in `i18n::labels`.
    #[test]
    fn rust_code_uses_only_keys_the_catalogues_have() {
        const PREFIXES: [&str; 14] = [
            "invalid-",
            "missing-",
            "forbidden-",
            "conflict-",
            "unauthorized-",
            "problem-",
            "not-applicable-",
            "account-",
            "moderation-",
            "email-",
            "views-",
            "admin-",
            "pages-",
            "comments-",
        ];
        let mut used = Vec::new();
        for (path, text) in source_files("src", ".rs") {
            for piece in text.split('"').skip(1).step_by(2) {
                let is_key = PREFIXES.iter().any(|p| piece.starts_with(p))
                    && !piece.ends_with('-')
                    && piece
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_".contains(c));
                if is_key {
                    used.push((path.clone(), piece.to_owned()));
                }
            }
        }
        assert!(used.len() > 150, "found only {} keys", used.len());
        let english = catalogue_keys(Language::En);
        let unknown: Vec<_> = used.iter().filter(|(_, k)| !english.contains(k)).collect();
        assert!(unknown.is_empty(), "keys the catalogues lack: {unknown:?}");
    }

    #[test]
    fn large_numbers_carry_the_language_thousands_separator() {
        let args = |n: f64| [("length", Arg::Number(n)), ("limit", Arg::Number(10_000.0))];
        let en = text(Language::En, "invalid-comment-too-long", &args(10_001.0));
        assert!(en.contains("10,001") && en.contains("10,000"), "{en}");
        let fr = text(Language::Fr, "invalid-comment-too-long", &args(10_001.0));
        assert!(fr.contains("10\u{202F}001"), "{fr}");
        let es = text(Language::Es, "invalid-comment-too-long", &args(123_456.0));
        assert!(es.contains("123.456"), "{es}");
        let short = text(
            Language::En,
            "invalid-note-too-long",
            &[
                ("length", Arg::Number(2_001.0)),
                ("limit", Arg::Number(2_000.0)),
            ],
        );
        assert!(
            short.contains("2001") && short.contains("2000"),
            "four digits stay as they are: {short}"
        );
    }

    /// A key written twice stops the whole catalogue from loading.
    #[test]
    fn no_catalogue_has_a_key_twice() {
        for language in Language::ALL {
            let keys = catalogue_keys(language);
            let mut seen = std::collections::HashSet::new();
            let twice: Vec<_> = keys.iter().filter(|k| !seen.insert(*k)).collect();
            assert!(twice.is_empty(), "{language:?} has {twice:?} twice");
        }
    }

    #[test]
    fn every_language_has_every_key_english_has() {
        let english = catalogue_keys(Language::En);
        assert!(!english.is_empty());
        for language in [Language::Fr, Language::Es] {
            let keys = catalogue_keys(language);
            let missing: Vec<_> = english.iter().filter(|k| !keys.contains(k)).collect();
            let extra: Vec<_> = keys.iter().filter(|k| !english.contains(k)).collect();
            assert!(missing.is_empty(), "{language:?} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{language:?} has keys English lacks: {extra:?}"
            );
        }
        // Translations name the same values as English (a renamed or
        // forgotten variable would show the raw key).
        let english: HashMap<String, String> =
            catalogue_sources(Language::En).into_iter().collect();
        for language in [Language::Fr, Language::Es] {
            for (key, source) in catalogue_sources(language) {
                let mut theirs = variables(&source);
                let mut ours = variables(&english[&key]);
                theirs.sort();
                theirs.dedup();
                ours.sort();
                ours.dedup();
                assert_eq!(
                    theirs, ours,
                    "{language:?}: {key} names other values than English"
                );
            }
        }
        // Every message of every language formats in that language itself,
        // with its variables (a message that fails would fall back to English).
        for language in Language::ALL {
            for (key, source) in catalogue_sources(language) {
                let args: HashMap<Cow<'static, str>, FluentValue> = variables(&source)
                    .into_iter()
                    .map(|v| (Cow::Owned(v), FluentValue::from(2)))
                    .collect();
                let formatted =
                    CATALOGUES.lookup_single_language(&language.id(), &key, Some(&args));
                assert!(
                    formatted.is_ok(),
                    "{language:?}: {key} does not format: {formatted:?}"
                );
            }
        }
    }
}
