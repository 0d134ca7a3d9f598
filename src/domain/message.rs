//! Words meant for a person (why a value is refused, why a request cannot go
//! on), kept as a catalogue key and its values. The layer that knows the
//! reader's language writes them out (`crate::i18n::say`); shown with `{}`,
//! a message reads in English, for logs and the command line.

/// A value for a message's variable: text as it is, or a number (which
/// plural forms select on). Text is never read as a number, so a name such
/// as "Nan" or "007" stays as typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// Another catalogue message, written in the same language (a status
    /// label, a reason), so that nothing inside a sentence stays English.
    Key(String),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Self::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Self::Number(n as f64)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Self::Number(n as f64)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Self::Number(f64::from(n))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Self::Number(f64::from(n))
    }
}

/// A catalogue key with the values its text names.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

impl From<&'static str> for Message {
    fn from(key: &'static str) -> Self {
        Self::new(key)
    }
}
