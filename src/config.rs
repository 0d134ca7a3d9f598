//! Typed settings: defaults, then an optional TOML file, then environment
//! variables. Only `main` and `startup` read them. A bad value stops start-up
//! with a message naming the setting where it came from.

use lettre::message::Mailbox;
use serde::Deserialize;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;
use url::Url;

#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    pub database: DatabaseTarget,
    pub database_timeouts: DatabaseTimeouts,
    pub base_url: Url,
    pub smtp_url: Option<Url>,
    pub mail_from: Mailbox,
    /// Load the demo consultations into an empty database at start-up.
    pub load_demo: bool,
    /// Run the outbox worker inside the server (turn off when `roundtable
    /// worker` runs as a separate process).
    pub outbox_worker: bool,
    /// Tries before an email is marked dead.
    pub mail_max_attempts: i32,
    /// How long one delivery attempt may take before it is given up.
    pub mail_attempt_timeout: std::time::Duration,
    /// How many emails the worker sends at once.
    pub mail_concurrency: usize,
    /// Proxies whose X-Forwarded-For names the client (rate limits count
    /// clients, not the proxy in front of them).
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseTarget {
    /// Chosen from the URL scheme, never by trying each backend in turn: a
    /// typo must not quietly create a SQLite file.
    pub fn parse(value: &str) -> Result<Self, String> {
        let value = value.trim();
        if value.starts_with("postgres://") || value.starts_with("postgresql://") {
            return Ok(Self::Postgres(value.to_owned()));
        }
        let path = value
            .strip_prefix("sqlite://")
            .or_else(|| value.strip_prefix("sqlite:"))
            .unwrap_or(value);
        let has_other_scheme = path.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        });
        if path.is_empty() || has_other_scheme {
            return Err(format!(
                "'{value}' is neither a postgres:// URL nor a SQLite file path (sqlite://path or a plain path)"
            ));
        }
        Ok(Self::Sqlite(PathBuf::from(path)))
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "SQLite",
            Self::Postgres(_) => "PostgreSQL",
        }
    }
}

/// How long the application waits on the database, so that a network that
/// goes silent turns into a quick 503 instead of requests that hang.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatabaseTimeouts {
    /// Opening a connection (PostgreSQL's `connect_timeout`), and waiting for
    /// a free one in the pool.
    pub connect: Duration,
    /// The longest one PostgreSQL statement may run (`statement_timeout`);
    /// zero turns it off.
    pub statement: Duration,
    /// The longest a page waits for its database work (a free connection and
    /// its queries) before it answers 503.
    pub request: Duration,
}

impl Default for DatabaseTimeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(5),
            statement: Duration::from_secs(30),
            request: Duration::from_secs(8),
        }
    }
}

/// What can be set in the TOML file; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    bind: Option<String>,
    data_dir: Option<String>,
    database_url: Option<String>,
    database_connect_timeout: Option<u32>,
    database_statement_timeout: Option<u32>,
    database_request_timeout: Option<u32>,
    base_url: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    demo: Option<bool>,
    outbox_worker: Option<bool>,
    mail_max_attempts: Option<u32>,
    mail_attempt_timeout: Option<u32>,
    mail_concurrency: Option<u32>,
    trusted_proxies: Option<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct SettingsError(String);

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SettingsError {}

/// One setting's name in the file and in the environment.
struct Key {
    file: &'static str,
    env: &'static str,
}

const BIND: Key = Key {
    file: "bind",
    env: "ROUNDTABLE_BIND",
};
const DATA_DIR: Key = Key {
    file: "data_dir",
    env: "ROUNDTABLE_DATA_DIR",
};
const DATABASE_URL: Key = Key {
    file: "database_url",
    env: "DATABASE_URL",
};
const DATABASE_CONNECT_TIMEOUT: Key = Key {
    file: "database_connect_timeout",
    env: "ROUNDTABLE_DATABASE_CONNECT_TIMEOUT",
};
const DATABASE_STATEMENT_TIMEOUT: Key = Key {
    file: "database_statement_timeout",
    env: "ROUNDTABLE_DATABASE_STATEMENT_TIMEOUT",
};
const DATABASE_REQUEST_TIMEOUT: Key = Key {
    file: "database_request_timeout",
    env: "ROUNDTABLE_DATABASE_REQUEST_TIMEOUT",
};
const BASE_URL: Key = Key {
    file: "base_url",
    env: "ROUNDTABLE_BASE_URL",
};
const SMTP_URL: Key = Key {
    file: "smtp_url",
    env: "ROUNDTABLE_SMTP_URL",
};
const MAIL_FROM: Key = Key {
    file: "mail_from",
    env: "ROUNDTABLE_MAIL_FROM",
};
const DEMO: Key = Key {
    file: "demo",
    env: "ROUNDTABLE_DEMO",
};
const OUTBOX_WORKER: Key = Key {
    file: "outbox_worker",
    env: "ROUNDTABLE_OUTBOX_WORKER",
};
const TRUSTED_PROXIES: Key = Key {
    file: "trusted_proxies",
    env: "ROUNDTABLE_TRUSTED_PROXIES",
};
const MAIL_MAX_ATTEMPTS: Key = Key {
    file: "mail_max_attempts",
    env: "ROUNDTABLE_MAIL_MAX_ATTEMPTS",
};
const MAIL_ATTEMPT_TIMEOUT: Key = Key {
    file: "mail_attempt_timeout",
    env: "ROUNDTABLE_MAIL_ATTEMPT_TIMEOUT",
};
const MAIL_CONCURRENCY: Key = Key {
    file: "mail_concurrency",
    env: "ROUNDTABLE_MAIL_CONCURRENCY",
};

/// Where a raw value came from, so the error names the right thing.
struct Raw {
    value: String,
    origin: String,
}

impl Raw {
    fn invalid(&self, why: impl fmt::Display) -> SettingsError {
        SettingsError(format!("invalid {} = '{}': {why}", self.origin, self.value))
    }
}

struct Sources<'a> {
    file: FileSettings,
    file_name: String,
    env: &'a dyn Fn(&str) -> Option<String>,
}

impl Sources<'_> {
    fn get(&self, key: &Key, from_file: &Option<String>) -> Option<Raw> {
        if let Some(value) = (self.env)(key.env).filter(|v| !v.is_empty()) {
            return Some(Raw {
                value,
                origin: format!("environment variable {}", key.env),
            });
        }
        from_file.clone().map(|value| Raw {
            value,
            origin: format!("'{}' in {} (or {})", key.file, self.file_name, key.env),
        })
    }
}

impl Settings {
    /// `env` looks up an environment variable; tests pass their own.
    pub fn load(
        config_file: Option<&Path>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Settings, SettingsError> {
        let file = match config_file {
            None => FileSettings::default(),
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    SettingsError(format!(
                        "cannot read the config file {}: {e}",
                        path.display()
                    ))
                })?;
                toml::from_str(&text).map_err(|e| {
                    SettingsError(format!("config file {} is not valid: {e}", path.display()))
                })?
            }
        };
        let file_name =
            config_file.map_or("the config file".to_owned(), |p| p.display().to_string());
        let sources = Sources {
            file,
            file_name,
            env,
        };
        let f = &sources.file;

        let bind = match sources.get(&BIND, &f.bind) {
            None => SocketAddr::from(([127, 0, 0, 1], 8080)),
            Some(raw) => raw
                .value
                .parse()
                .map_err(|_| raw.invalid("expected an address and port such as 127.0.0.1:8080"))?,
        };

        let data_dir = match sources.get(&DATA_DIR, &f.data_dir) {
            None => PathBuf::from("./data"),
            Some(raw) if raw.value.trim().is_empty() => {
                return Err(raw.invalid("must not be empty"))
            }
            Some(raw) => PathBuf::from(raw.value),
        };

        let database = match sources.get(&DATABASE_URL, &f.database_url) {
            None => DatabaseTarget::Sqlite(data_dir.join("roundtable.db")),
            Some(raw) => DatabaseTarget::parse(&raw.value).map_err(|why| raw.invalid(why))?,
        };

        let database_timeouts = database_timeouts(&sources)?;

        let base_url = match sources.get(&BASE_URL, &f.base_url) {
            None => Url::parse(&format!("http://{bind}/")).expect("a socket address makes a URL"),
            Some(raw) => parse_base_url(&raw.value).map_err(|why| raw.invalid(why))?,
        };

        let smtp_url = match sources.get(&SMTP_URL, &f.smtp_url) {
            None => None,
            Some(raw) => Some(parse_smtp_url(&raw.value).map_err(|why| raw.invalid(why))?),
        };

        let mail_from = match sources.get(&MAIL_FROM, &f.mail_from) {
            None => "Roundtable <roundtable@localhost>"
                .parse()
                .expect("the default sender parses"),
            Some(raw) => raw.value.parse::<Mailbox>().map_err(|e| {
                raw.invalid(format!(
                    "expected a sender such as 'Roundtable <noreply@example.org>' ({e})"
                ))
            })?,
        };

        let load_demo = parse_flag(sources.get(&DEMO, &f.demo.map(|d| d.to_string())), true)?;
        let outbox_worker = parse_flag(
            sources.get(&OUTBOX_WORKER, &f.outbox_worker.map(|d| d.to_string())),
            true,
        )?;
        let max_attempts_from_file = f.mail_max_attempts.map(|n| n.to_string());
        let mail_max_attempts = whole_number(
            sources.get(&MAIL_MAX_ATTEMPTS, &max_attempts_from_file),
            12,
            1..=100,
        )? as i32;
        let attempt_timeout_from_file = f.mail_attempt_timeout.map(|n| n.to_string());
        let mail_attempt_timeout = std::time::Duration::from_secs(whole_number(
            sources.get(&MAIL_ATTEMPT_TIMEOUT, &attempt_timeout_from_file),
            30,
            1..=600,
        )?);
        let concurrency_from_file = f.mail_concurrency.map(|n| n.to_string());
        let mail_concurrency = whole_number(
            sources.get(&MAIL_CONCURRENCY, &concurrency_from_file),
            4,
            1..=32,
        )? as usize;

        let trusted_proxies = match sources.get(&TRUSTED_PROXIES, &f.trusted_proxies) {
            None => Vec::new(),
            Some(raw) => raw
                .value
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| {
                    p.parse()
                        .map_err(|_| raw.invalid(format!("'{p}' is not an IP address")))
                })
                .collect::<Result<_, _>>()?,
        };

        Ok(Settings {
            bind,
            data_dir,
            database,
            database_timeouts,
            base_url,
            smtp_url,
            mail_from,
            load_demo,
            outbox_worker,
            mail_max_attempts,
            mail_attempt_timeout,
            mail_concurrency,
            trusted_proxies,
        })
    }
}

fn database_timeouts(sources: &Sources) -> Result<DatabaseTimeouts, SettingsError> {
    let f = &sources.file;
    let defaults = DatabaseTimeouts::default();
    let seconds = |key: &Key, from_file: Option<u32>, default: Duration, range| {
        let raw = sources.get(key, &from_file.map(|n| n.to_string()));
        whole_number(raw, default.as_secs(), range).map(Duration::from_secs)
    };
    Ok(DatabaseTimeouts {
        // PostgreSQL takes a connect timeout under 2 seconds as 2.
        connect: seconds(
            &DATABASE_CONNECT_TIMEOUT,
            f.database_connect_timeout,
            defaults.connect,
            2..=300,
        )?,
        statement: seconds(
            &DATABASE_STATEMENT_TIMEOUT,
            f.database_statement_timeout,
            defaults.statement,
            0..=86_400,
        )?,
        request: seconds(
            &DATABASE_REQUEST_TIMEOUT,
            f.database_request_timeout,
            defaults.request,
            1..=300,
        )?,
    })
}

fn parse_flag(raw: Option<Raw>, default: bool) -> Result<bool, SettingsError> {
    match raw {
        None => Ok(default),
        Some(raw) => match raw.value.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Ok(true),
            "false" | "0" | "no" | "off" => Ok(false),
            _ => Err(raw.invalid("expected true or false")),
        },
    }
}

fn whole_number(
    raw: Option<Raw>,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<u64, SettingsError> {
    match raw {
        None => Ok(default),
        Some(raw) => match raw.value.trim().parse::<u64>() {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => Err(raw.invalid(format!(
                "expected a whole number from {} to {}",
                range.start(),
                range.end()
            ))),
        },
    }
}

fn parse_base_url(value: &str) -> Result<Url, String> {
    let mut url = Url::parse(value.trim()).map_err(|e| format!("not an absolute URL ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(
            "expected an http:// or https:// URL such as https://consult.example.org".into(),
        );
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("must not have a query or fragment".into());
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

fn parse_smtp_url(value: &str) -> Result<Url, String> {
    let url = Url::parse(value.trim()).map_err(|e| format!("not a URL ({e})"))?;
    if !matches!(url.scheme(), "smtp" | "smtps") || url.host().is_none() {
        return Err("expected smtp://host:port or smtps://user:password@host".into());
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(vars: &[(&str, &str)], file: Option<&str>) -> Result<Settings, SettingsError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roundtable.toml");
        if let Some(text) = file {
            std::fs::write(&path, text).unwrap();
        }
        Settings::load(file.map(|_| path.as_path()), &|k| vars.get(k).cloned())
    }

    #[test]
    fn defaults_need_no_configuration() {
        let s = load(&[], None).unwrap();
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(
            s.database,
            DatabaseTarget::Sqlite(PathBuf::from("./data/roundtable.db"))
        );
        assert_eq!(s.base_url.as_str(), "http://127.0.0.1:8080/");
        assert!(s.smtp_url.is_none());
        assert!(s.load_demo);
        assert_eq!(s.database_timeouts, DatabaseTimeouts::default());
    }

    #[test]
    fn database_timeouts_are_whole_seconds() {
        let file = "database_statement_timeout = 0\ndatabase_request_timeout = 9\n";
        let s = load(&[("ROUNDTABLE_DATABASE_CONNECT_TIMEOUT", "3")], Some(file)).unwrap();
        assert_eq!(
            s.database_timeouts,
            DatabaseTimeouts {
                connect: Duration::from_secs(3),
                statement: Duration::ZERO,
                request: Duration::from_secs(9),
            }
        );
    }

    #[test]
    fn environment_overrides_the_file() {
        let file = "bind = \"127.0.0.1:9000\"\ndata_dir = \"/srv/rt\"\ndemo = false\n";
        let s = load(&[("ROUNDTABLE_BIND", "127.0.0.1:9100")], Some(file)).unwrap();
        assert_eq!(s.bind.port(), 9100);
        assert_eq!(
            s.database,
            DatabaseTarget::Sqlite(PathBuf::from("/srv/rt/roundtable.db"))
        );
        assert!(!s.load_demo);
    }

    #[test]
    fn bad_values_name_their_setting() {
        let err = load(&[("ROUNDTABLE_BIND", "nowhere")], None).unwrap_err();
        assert!(err.0.contains("ROUNDTABLE_BIND"), "{err}");
        let err = load(&[], Some("base_url = \"ftp://x\"")).unwrap_err();
        assert!(err.0.contains("'base_url'"), "{err}");
        let err = load(&[("ROUNDTABLE_SMTP_URL", "http://mail")], None).unwrap_err();
        assert!(err.0.contains("ROUNDTABLE_SMTP_URL"), "{err}");
        let err = load(&[("ROUNDTABLE_MAIL_FROM", "not an address")], None).unwrap_err();
        assert!(err.0.contains("ROUNDTABLE_MAIL_FROM"), "{err}");
        let err = load(&[("ROUNDTABLE_DEMO", "perhaps")], None).unwrap_err();
        assert!(err.0.contains("ROUNDTABLE_DEMO"), "{err}");
        let err = load(&[("ROUNDTABLE_TRUSTED_PROXIES", "127.0.0.1, nginx")], None).unwrap_err();
        assert!(
            err.0.contains("ROUNDTABLE_TRUSTED_PROXIES") && err.0.contains("nginx"),
            "{err}"
        );
        let err = load(&[("ROUNDTABLE_DATABASE_CONNECT_TIMEOUT", "1")], None).unwrap_err();
        assert!(
            err.0.contains("ROUNDTABLE_DATABASE_CONNECT_TIMEOUT"),
            "{err}"
        );
        let err = load(&[], Some("database_request_timeout = 0")).unwrap_err();
        assert!(err.0.contains("'database_request_timeout'"), "{err}");
        let ok = load(&[("ROUNDTABLE_TRUSTED_PROXIES", "127.0.0.1, ::1")], None).unwrap();
        assert_eq!(ok.trusted_proxies.len(), 2);
        let err = load(&[("ROUNDTABLE_MAIL_MAX_ATTEMPTS", "0")], None).unwrap_err();
        assert!(err.0.contains("ROUNDTABLE_MAIL_MAX_ATTEMPTS"), "{err}");
        let err = load(&[("ROUNDTABLE_MAIL_ATTEMPT_TIMEOUT", "0")], None).unwrap_err();
        assert!(err.0.contains("from 1 to 600"), "{err}");
        let err = load(&[], Some("mail_concurrency = 100")).unwrap_err();
        assert!(err.0.contains("'mail_concurrency'"), "{err}");
        let ok = load(&[("ROUNDTABLE_MAIL_ATTEMPT_TIMEOUT", "5")], None).unwrap();
        assert_eq!(ok.mail_attempt_timeout.as_secs(), 5);
        assert_eq!(ok.mail_concurrency, 4);
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        let err = load(&[], Some("bnid = \"127.0.0.1:1\"")).unwrap_err();
        assert!(err.0.contains("bnid"), "{err}");
    }

    #[test]
    fn the_database_backend_follows_the_url_scheme() {
        assert_eq!(
            DatabaseTarget::parse("postgres://postgres@127.0.0.1/rt").unwrap(),
            DatabaseTarget::Postgres("postgres://postgres@127.0.0.1/rt".into())
        );
        assert_eq!(
            DatabaseTarget::parse("sqlite://data/x.db").unwrap(),
            DatabaseTarget::Sqlite("data/x.db".into())
        );
        assert_eq!(
            DatabaseTarget::parse("/var/lib/rt.db").unwrap(),
            DatabaseTarget::Sqlite("/var/lib/rt.db".into())
        );
        assert!(DatabaseTarget::parse("postgres:x").is_err());
        assert!(DatabaseTarget::parse("mysql://db").is_err());
        let err = load(&[("DATABASE_URL", "postgress://db")], None).unwrap_err();
        assert!(err.0.contains("DATABASE_URL"), "{err}");
    }

    #[test]
    fn base_urls_get_a_trailing_slash() {
        let s = load(
            &[("ROUNDTABLE_BASE_URL", "https://consult.example.org/rt")],
            None,
        )
        .unwrap();
        assert_eq!(s.base_url.as_str(), "https://consult.example.org/rt/");
    }
}
