use std::io::IsTerminal;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;
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
        builder
            .json()
            .flatten_event(true)
            .finish()
            .with(ClientFaultsAsWarnings)
            .try_init()
    } else {
        builder.finish().with(ClientFaultsAsWarnings).try_init()
    };
}

/// Where actix-web's HTTP/1 server reports a connection it gave up on.
const HTTP_DISPATCHER: &str = "actix_http::h1::dispatcher";

/// Its reports that describe what a client did: a malformed request line or
/// header (answered 400), a head too large (431), a client that hung up, was
/// too slow, or kept sending a body that was refused. Body, service and
/// internal errors are ours and stay errors.
const CLIENT_FAULTS: &[&str] = &[
    "stream error: request parse error",
    "stream error: I/O error",
    "stream error: request did not complete within the specified timeout",
    "stream error: connection shutdown timeout",
    "stream error: handler dropped payload before reading EOF",
];

/// actix-web logs a client's malformed request as an ERROR, which would page
/// an operator for someone else's mistake: such a report is logged again
/// as a WARN (same target, same text) and the ERROR goes no further.
struct ClientFaultsAsWarnings;

impl<S: Subscriber> Layer<S> for ClientFaultsAsWarnings {
    fn event_enabled(&self, event: &Event<'_>, _: Context<'_, S>) -> bool {
        let Some(message) = client_fault(event) else {
            return true;
        };
        // The global dispatcher (the one `init` installs) takes an event
        // sent while it handles another.
        tracing::warn!(target: HTTP_DISPATCHER, "{message}");
        false
    }
}

fn client_fault(event: &Event<'_>) -> Option<String> {
    let metadata = event.metadata();
    if *metadata.level() != Level::ERROR || metadata.target() != HTTP_DISPATCHER {
        return None;
    }
    let mut message = MessageText(String::new());
    event.record(&mut message);
    CLIENT_FAULTS
        .iter()
        .any(|fault| message.0.starts_with(fault))
        .then_some(message.0)
}

struct MessageText(String);

impl Visit for MessageText {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.0 = value.to_owned();
        }
    }
}
