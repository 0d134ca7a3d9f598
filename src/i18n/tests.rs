//! The catalogues checked against each other, the templates and the Rust
//! sources; negotiation and number formatting.

use super::*;
use fluent_templates::fluent_bundle::FluentValue;
use std::borrow::Cow;

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
    let english: HashMap<String, String> = catalogue_sources(Language::En).into_iter().collect();
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
            let formatted = CATALOGUES.lookup_single_language(language.id(), &key, Some(&args));
            assert!(
                formatted.is_ok(),
                "{language:?}: {key} does not format: {formatted:?}"
            );
        }
    }
}

/// The messages of one language's catalogues as written, key and source,
/// read from the source tree (for the completeness tests only).
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
fn catalogue_keys(language: Language) -> Vec<String> {
    catalogue_sources(language)
        .into_iter()
        .map(|(k, _)| k)
        .collect()
}

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
