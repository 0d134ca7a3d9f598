//! Runs wrk (`-t2 -c32 --latency`, loopback) with one of the Lua scripts
//! beside this file, and reads the figures the script prints.

use anyhow::{bail, ensure, Context, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const THREADS: u32 = 2;
pub const CONNECTIONS: u32 = 32;

const READ_SCRIPT: &str = include_str!("read.lua");
const POST_SCRIPT: &str = include_str!("post.lua");

/// What one run measured.
#[derive(Debug, Clone)]
pub struct Figures {
    pub requests: u64,
    pub seconds: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Answers outside 2xx (for reads: wrk's count of statuses >= 400).
    pub non_2xx: u64,
    /// Connect, read and write errors and timeouts.
    pub socket_errors: u64,
    /// POST runs: answers 201, and the other statuses as "status:count".
    pub created: Option<u64>,
    pub other_statuses: Option<String>,
    /// Reads: the size of the body, from one request before the run.
    pub body_bytes: Option<usize>,
}

impl Figures {
    pub fn rate(&self) -> f64 {
        self.requests as f64 / self.seconds
    }
}

pub fn check_installed() -> Result<()> {
    match Command::new("wrk").arg("--version").output() {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("wrk is missing (Debian: apt-get install wrk); no figures without it")
        }
        Err(e) => bail!("cannot run wrk: {e}"),
    }
}

/// The Lua scripts, written once into the benchmark's scratch folder.
pub struct Scripts {
    read: PathBuf,
    post: PathBuf,
}

impl Scripts {
    pub fn write(dir: &Path) -> Result<Self> {
        let scripts = Self {
            read: dir.join("read.lua"),
            post: dir.join("post.lua"),
        };
        std::fs::write(&scripts.read, READ_SCRIPT)?;
        std::fs::write(&scripts.post, POST_SCRIPT)?;
        Ok(scripts)
    }

    pub fn read(&self, url: &str, seconds: u32) -> Result<Figures> {
        run(&self.read, url, seconds, &[])
    }

    /// POSTs to `url`, rotating the tokens in `tokens`; writes the
    /// references acknowledged with 201 to `acknowledged`.
    pub fn post(
        &self,
        url: &str,
        seconds: u32,
        tokens: &Path,
        acknowledged: &Path,
    ) -> Result<Figures> {
        let path = url
            .splitn(4, '/')
            .nth(3)
            .map(|p| format!("/{p}"))
            .context("a URL with a path")?;
        let figures = run(
            &self.post,
            url,
            seconds,
            &[
                ("BENCH_TOKENS", tokens.display().to_string()),
                ("BENCH_PATH", path),
                ("BENCH_THREADS", THREADS.to_string()),
                ("BENCH_ACKNOWLEDGED", acknowledged.display().to_string()),
            ],
        )?;
        ensure!(figures.created.is_some(), "the POST script gave no count");
        Ok(figures)
    }
}

fn run(script: &Path, url: &str, seconds: u32, env: &[(&str, String)]) -> Result<Figures> {
    let output = Command::new("wrk")
        .arg(format!("-t{THREADS}"))
        .arg(format!("-c{CONNECTIONS}"))
        .arg(format!("-d{seconds}s"))
        .arg("--latency")
        .arg("-s")
        .arg(script)
        .arg(url)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .output()
        .context("running wrk")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let Some(line) = stdout.lines().find_map(|l| l.strip_prefix("BENCH ")) else {
        bail!(
            "wrk gave no figures ({}):\n{stdout}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let values: HashMap<&str, &str> = line
        .split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .collect();
    let number = |key: &str| -> Result<u64> {
        values
            .get(key)
            .and_then(|v| v.parse().ok())
            .with_context(|| format!("no {key} in wrk's figures: {line}"))
    };
    Ok(Figures {
        requests: number("requests")?,
        seconds: number("duration_us")? as f64 / 1e6,
        p50_ms: number("p50_us")? as f64 / 1e3,
        p99_ms: number("p99_us")? as f64 / 1e3,
        non_2xx: number("non_2xx")?,
        socket_errors: number("socket_errors")?,
        created: number("created").ok(),
        other_statuses: values.get("other_statuses").map(|s| s.to_string()),
        body_bytes: None,
    })
}

/// The columns of `print_row`.
pub fn print_header() {
    println!(
        "  {:<38}{:>9}{:>9}{:>9}{:>13}{:>9}  body",
        "what", "req/s", "p50 ms", "p99 ms", "of constant", "non-2xx"
    );
}

/// One run's figures, its rate also as a share of the constant route's.
pub fn print_row(label: &str, figures: &Figures, constant: &Figures) {
    let mut notes = match figures.body_bytes {
        Some(bytes) => format!("{:.1} KB", bytes as f64 / 1000.0),
        None => String::new(),
    };
    if figures.socket_errors > 0 {
        notes.push_str(&format!(
            " ({} socket errors or timeouts)",
            figures.socket_errors
        ));
    }
    println!(
        "  {label:<38}{:>9.0}{:>9.2}{:>9.2}{:>12.1}%{:>9}  {notes}",
        figures.rate(),
        figures.p50_ms,
        figures.p99_ms,
        100.0 * figures.rate() / constant.rate(),
        figures.non_2xx,
    );
}
