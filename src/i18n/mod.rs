//! The interface in English, French and Spanish: Fluent catalogues under
//! src/i18n/locales/<language>/, compiled in, looked up from templates with
//! `t(key="…", lang=lang)`, and the language each request is answered in.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;
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

    /// Parsed once: every message looked up needs it.
    fn id(self) -> &'static LanguageIdentifier {
        static IDS: LazyLock<[LanguageIdentifier; 3]> = LazyLock::new(|| {
            Language::ALL.map(|l| l.code().parse().expect("a valid language code"))
        });
        match self {
            Self::En => &IDS[0],
            Self::Fr => &IDS[1],
            Self::Es => &IDS[2],
        }
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
    CATALOGUES.try_lookup_complete(language.id(), key, Some(&args))
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

/// Each refused field's message in `language`, by field, for a form shown
/// again (the first message of a field wins).
pub fn by_field(
    language: Language,
    errors: &[crate::domain::InvalidField],
) -> HashMap<&'static str, String> {
    let mut shown = HashMap::new();
    for error in errors {
        shown
            .entry(error.field)
            .or_insert_with(|| say(language, &error.message));
    }
    shown
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

#[cfg(test)]
mod tests;
