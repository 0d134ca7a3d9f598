use std::io::IsTerminal;
use tracing_subscriber::EnvFilter;

/// Logs to standard error; `RUST_LOG` chooses what (default: info) and
/// `ROUNDTABLE_LOG_FORMAT=json` writes one JSON object a line, for log
/// collectors; anything else writes text for people.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let json = std::env::var("ROUNDTABLE_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    // Colours only for a person at a terminal, never in journald or files.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    // A second call (tests start many apps in one process) is harmless.
    let _ = if json {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}
