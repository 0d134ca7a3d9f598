//! The server under test: a `roundtable` binary run as a child process on a
//! free loopback port, with its settings in its environment, its log in a
//! file, and its resident memory read from /proc.

use anyhow::{bail, ensure, Context, Result};
use roundtable::config::Settings;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The settings of one server, as environment variables: the child gets
/// these and nothing else, and the benchmark reads the same ones through
/// `Settings::load` to open the database the server will use.
pub struct Environment {
    vars: BTreeMap<String, String>,
    pub port: u16,
}

impl Environment {
    pub fn new(data_dir: &Path, database_url: &str, smtp_url: &url::Url) -> Result<Self> {
        // A port free now; nothing else on this machine is expected to take
        // it in the second before the server binds it.
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let vars = [
            ("ROUNDTABLE_BIND", format!("127.0.0.1:{port}")),
            ("ROUNDTABLE_BASE_URL", format!("http://127.0.0.1:{port}/")),
            ("ROUNDTABLE_DATA_DIR", data_dir.display().to_string()),
            ("DATABASE_URL", database_url.to_owned()),
            ("ROUNDTABLE_SMTP_URL", smtp_url.to_string()),
            ("ROUNDTABLE_DEMO", "false".to_owned()),
            ("ROUNDTABLE_OUTBOX_WORKER", "true".to_owned()),
        ];
        Ok(Self {
            vars: vars.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
            port,
        })
    }

    pub fn settings(&self) -> Result<Settings> {
        Ok(Settings::load(None, &|name| self.vars.get(name).cloned())?)
    }

    fn command(&self, binary: &Path, log: &Path) -> Result<Command> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .with_context(|| format!("cannot write {}", log.display()))?;
        let mut command = Command::new(binary);
        command
            .env_clear()
            .envs(&self.vars)
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        Ok(command)
    }

    /// Runs a command of the binary to its end (`migrate`, `demo`).
    pub fn run(&self, binary: &Path, command: &str, log: &Path) -> Result<()> {
        let status = self.command(binary, log)?.arg(command).status()?;
        ensure!(
            status.success(),
            "`{} {command}` failed ({status}); its log: {}",
            binary.display(),
            log.display()
        );
        Ok(())
    }
}

/// Resident memory in MiB.
#[derive(Clone, Copy)]
pub struct Resident {
    pub total: f64,
    pub anonymous: f64,
    pub files: f64,
    /// Shared memory (SQLite's `-shm` file when the database is on tmpfs).
    pub shared: f64,
}

impl std::fmt::Display for Resident {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.1} MiB ({:.1} own, {:.1} mapped files",
            self.total, self.anonymous, self.files
        )?;
        if self.shared > 0.0 {
            write!(f, ", {:.1} shared", self.shared)?;
        }
        write!(f, ")")
    }
}

pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    /// Starts `binary serve` and waits until /healthz answers 200.
    pub fn start(binary: &Path, env: &Environment, log: &Path) -> Result<Self> {
        let child = env
            .command(binary, log)?
            .arg("serve")
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        let mut server = Self {
            child,
            port: env.port,
        };
        let started = Instant::now();
        loop {
            if let Some(status) = server.child.try_wait()? {
                bail!("the server stopped ({status}):\n{}", tail(log));
            }
            if matches!(get(server.port, "/healthz"), Ok((200, _))) {
                return Ok(server);
            }
            if started.elapsed() > Duration::from_secs(60) {
                bail!("the server did not answer within a minute:\n{}", tail(log));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Resident memory (VmRSS), and how much of it is the process's own
    /// (anonymous: heap, stacks, relocated data) rather than pages of files
    /// it maps (its binary and libraries, shared with the page cache).
    pub fn resident(&self) -> Result<Resident> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))?;
        let mib = |field: &str| -> Result<f64> {
            let kib: f64 = status
                .lines()
                .find_map(|line| line.strip_prefix(field))
                .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
                .with_context(|| format!("no {field} line in /proc/<pid>/status"))?;
            Ok(kib / 1024.0)
        };
        Ok(Resident {
            total: mib("VmRSS:")?,
            anonymous: mib("RssAnon:")?,
            files: mib("RssFile:")?,
            shared: mib("RssShmem:")?,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Only this child, by its id; its database is thrown away after.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The end of a server's log, to say why it stopped.
fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}

/// One GET over a fresh connection: the status and the body (chunked
/// transfer decoded). Enough for checks before a run; wrk does the load.
pub fn get(port: u16, path: &str) -> Result<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .context("no end of the response head")?;
    let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .context("no status in the response")?;
    let body = raw.split_off(end + 4);
    if head.contains("\r\ntransfer-encoding: chunked") {
        return Ok((status, dechunk(&body)?));
    }
    Ok((status, body))
}

fn dechunk(mut body: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = body
            .windows(2)
            .position(|w| w == b"\r\n")
            .context("a chunk without its size line")?;
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        ensure!(body.len() >= size + 2, "a chunk cut short");
        out.extend_from_slice(&body[..size]);
        body = &body[size + 2..];
    }
}
