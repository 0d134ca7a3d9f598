//! The load benchmark of issue #17: what share of this machine's capacity
//! the release server gives a visitor's pages, the public API and posting
//! a comment, measured against a constant route of the same server; and
//! how much memory it keeps.
//!
//! Run: `cargo bench --bench load` (needs wrk: `apt-get install wrk`).
//!
//! For SQLite, and PostgreSQL as well when ROUNDTABLE_BENCH_POSTGRES names a
//! server (postgres://postgres@127.0.0.1:5432: a fresh database is created
//! on it, and dropped after), the benchmark:
//!
//! 1. seeds a fresh database through the application's own code before the
//!    server starts: the demo consultations; synthetic comments in threads
//!    until rt-3-1 (open, pre-moderated, one chair, whose alerts are set to
//!    "at once") shows 100 published comments and rt-3-2 1,000; verified
//!    participants with an API token each (posting is limited to 30
//!    comments an hour per account), stored without a password hash;
//! 2. starts the release binary (`CARGO_BIN_EXE_roundtable`) as a child
//!    process on a free loopback port, its outbox worker sending to an SMTP
//!    sink that runs in this process;
//! 3. runs `wrk -t2 -c32 -d10s --latency`, one run after the other, against
//!    the hashed favicon (a constant response: this server's ceiling here),
//!    the rt-3-1 page as a visitor, the first page of rt-3-2, the JSON
//!    comment tree of rt-3-1, and POST a comment to rt-3-1 through the API
//!    (JSON body, bearer token, each request as the next participant); it
//!    prints requests a second, p50, p99, the rate as a share of the
//!    constant route's, and the answers outside 2xx;
//! 4. checks the POST run: every comment acknowledged with 201 is stored,
//!    and every stored one reached the chair in an email the SMTP sink
//!    received (see `load/delivery.rs` on the quarter-of-an-hour batching);
//! 5. prints the server's resident memory (VmRSS): idle a few seconds after
//!    start, and after all of the above; each split into the process's own
//!    (RssAnon), pages of files it maps (RssFile: the binary, the loader
//!    and the C libraries, which the kernel may map in large runs at a
//!    time) and shared memory (RssShmem, printed when there is any).
//!
//! ROUNDTABLE_BENCH_SECONDS sets the length of each wrk run (default 10),
//! ROUNDTABLE_BENCH_ACCOUNTS the number of posting participants (default
//! 300 per second of run: enough for 9,000 posts a second), and
//! ROUNDTABLE_BENCH_KEEP=1 keeps the databases, tokens and server logs. The
//! machine has two cores shared by the server, wrk and this process, so
//! this process does its work before and after the runs, not during them
//! (but for its SMTP sink taking the odd email).
//!
//! # Against an older build
//!
//! ROUNDTABLE_BENCH_BASELINE=/path/to/an/older/roundtable measures that
//! binary too, in the same run, on the constant route and the POST line,
//! and prints the POST rate of this build over the baseline's. The older
//! binary creates and migrates its own database and loads its own demo
//! content (`roundtable migrate`, `roundtable demo`); the participants,
//! their tokens and the chair's alerts are then added through this library
//! on a plain pool (`roundtable::db::build_pool`, which does not migrate),
//! and so are the synthetic comments. Both servers run side by side (the
//! idle one costs next to nothing): the baseline's constant run follows
//! this build's reads, and its POST run follows this build's at once, so
//! that the two POST lines meet as alike a machine as possible.
//! To build a baseline (here main before #17, commit 91933cb); sharing the
//! target directory reuses the dependencies, but copy the binary out: the
//! next `cargo bench` links its own target/release/roundtable again.
//!
//! ```text
//! git worktree add /tmp/baseline 91933cb
//! (cd /tmp/baseline && cargo build --release)
//! cp "${CARGO_TARGET_DIR:-/tmp/baseline/target}/release/roundtable" /work/baseline-roundtable
//! git worktree remove --force /tmp/baseline
//! ROUNDTABLE_BENCH_BASELINE=/work/baseline-roundtable cargo bench --bench load
//! ```

#[path = "../tests/api/smtp_server.rs"]
#[allow(dead_code)]
mod smtp_server;

#[path = "load/database.rs"]
mod database;
#[path = "load/delivery.rs"]
mod delivery;
#[path = "load/options.rs"]
mod options;
#[path = "load/seed.rs"]
mod seed;
#[path = "load/server.rs"]
mod server;
#[path = "load/wrk.rs"]
mod wrk;

use anyhow::{bail, ensure, Context, Result};
use database::{Backend, Database};
use options::Options;
use server::{Environment, Server};
use smtp_server::SmtpServer;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use wrk::{Figures, Scripts};

const SERVER: &str = env!("CARGO_BIN_EXE_roundtable");
/// How long the server sits idle before its memory is read.
const SETTLE: Duration = Duration::from_secs(3);

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("load: a check FAILED (see above)");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("load: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<bool> {
    wrk::check_installed()?;
    let options = Options::from_env()?;
    if cfg!(debug_assertions) {
        println!("note: a debug build; `cargo bench` measures the release server");
    }
    // One thread for the SMTP sink; this thread drives everything else.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let scratch = tempfile::tempdir()?;
    let scripts = Scripts::write(scratch.path())?;
    if std::env::var_os("ROUNDTABLE_BENCH_KEEP").is_some() {
        println!(
            "keeping databases, tokens and server logs in {}",
            scratch.path().display()
        );
    }
    let mut backends = vec![Backend::Sqlite];
    if let Some(server) = &options.postgres {
        backends.push(Backend::Postgres(server.clone()));
    }
    let mut ok = true;
    for backend in &backends {
        ok &= bench(&options, &scripts, backend, scratch.path(), &runtime)?;
    }
    if std::env::var_os("ROUNDTABLE_BENCH_KEEP").is_some() {
        let _ = scratch.keep();
    }
    Ok(ok)
}

const COMMENTS_API: &str = "/api/v1/consultations/{c}/roundtables/{r}/comments";

fn comments_api(roundtable: &str) -> String {
    COMMENTS_API
        .replace("{c}", seed::CONSULTATION)
        .replace("{r}", roundtable)
}

/// A server on a seeded database, started and idle.
struct Started {
    server: Server,
    /// Its folder: log, tokens, acknowledged references.
    dir: PathBuf,
    tokens: PathBuf,
    idle: server::Resident,
    /// Where its outbox worker sends (one sink per server: the chairs of
    /// two databases have the same addresses).
    smtp: SmtpServer,
    /// Dropped after the server (fields drop in order).
    _database: Database,
}

impl Started {
    fn start(
        binary: &Path,
        env: &Environment,
        dir: PathBuf,
        database: Database,
        smtp: SmtpServer,
    ) -> Result<Self> {
        let server = Server::start(binary, env, &dir.join("server.log"))?;
        std::thread::sleep(SETTLE);
        Ok(Self {
            idle: server.resident()?,
            server,
            tokens: dir.join("tokens.txt"),
            dir,
            smtp,
            _database: database,
        })
    }

    fn memory(&self) -> Result<String> {
        Ok(format!(
            "{} idle after start, {} after the runs",
            self.idle,
            self.server.resident()?
        ))
    }
}

/// Every line for one database; false when the delivery check failed.
/// With a baseline, both servers run at once (the idle one costs next to
/// nothing), so that their POST runs follow each other closely.
fn bench(
    options: &Options,
    scripts: &Scripts,
    backend: &Backend,
    scratch: &Path,
    runtime: &tokio::runtime::Runtime,
) -> Result<bool> {
    println!(
        "\n{}: wrk -t{} -c{} -d{}s --latency on loopback; server {SERVER}",
        backend.name(),
        wrk::THREADS,
        wrk::CONNECTIONS,
        options.seconds
    );
    // Other work on the machine lowers every figure; ratios suffer less.
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let minute = load.split(' ').next().unwrap_or("?");
        let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
        println!("  machine load before: {minute} (1-minute average, {cores} cores)");
    }
    let (dir, database) = backend.fresh(scratch, "new")?;
    let smtp = runtime.block_on(SmtpServer::start());
    let env = Environment::new(&dir, &database.url, &smtp.url())?;
    let settings = env.settings()?;
    let (target, pending_before) = {
        let pool = roundtable::startup::open_database(&settings)?;
        let conn = &mut *pool.get()?;
        seed::demo(conn)?;
        seed::threads(conn)?;
        let target = seed::post_target(conn)?;
        let tokens = seed::participants_with_tokens(conn, options.accounts)?;
        write_lines(&dir.join("tokens.txt"), &tokens)?;
        let pending = delivery::pending(conn, &target)?;
        (target, pending)
    };
    let new = Started::start(Path::new(SERVER), &env, dir, database, smtp)?;
    let old = match &options.baseline {
        Some(binary) => Some(start_baseline(options, backend, scratch, runtime, binary)?),
        None => None,
    };

    wrk::print_header();
    let constant = read(scripts, &new.server, None, options)?;
    wrk::print_row("constant: hashed favicon", &constant, &constant);
    let small_page = format!("/c/{}/{}", seed::CONSULTATION, seed::SMALL);
    let large_page = format!("/c/{}/{}", seed::CONSULTATION, seed::LARGE);
    let tree = comments_api(seed::SMALL);
    for (label, path) in [
        ("page, 100 comments, visitor", small_page.as_str()),
        ("page 1 of 1,000 comments, visitor", &large_page),
        ("JSON tree, 100 comments", &tree),
    ] {
        wrk::print_row(
            label,
            &read(scripts, &new.server, Some(path), options)?,
            &constant,
        );
    }
    let old_constant = match &old {
        Some(old) => {
            let figures = read(scripts, &old.server, None, options)?;
            wrk::print_row("baseline: constant", &figures, &figures);
            Some(figures)
        }
        None => None,
    };
    let post = post_run(scripts, &new, options)?;
    wrk::print_row("POST a comment (API, pre-moderated)", &post, &constant);
    let old_post = match (&old, &old_constant) {
        (Some(old), Some(old_constant)) => {
            let figures = post_run(scripts, old, options)?;
            wrk::print_row("baseline: POST a comment", &figures, old_constant);
            Some(figures)
        }
        _ => None,
    };

    let acknowledged: Vec<String> = std::fs::read_to_string(new.dir.join("acknowledged.txt"))?
        .lines()
        .map(str::to_owned)
        .collect();
    let pool = roundtable::db::build_pool(&settings.database, settings.database_timeouts)?;
    let report = delivery::verify(&pool, &target, &pending_before, &acknowledged, &new.smtp)?;
    for line in &report.lines {
        println!("  {line}");
    }
    println!("  resident memory: {}", new.memory()?);
    if let (Some(old), Some(old_constant), Some(old_post)) = (&old, &old_constant, &old_post) {
        println!("  baseline resident memory: {}", old.memory()?);
        println!(
            "  POST rate, this build / baseline: {:.2}x (constant route: {:.2}x)",
            post.rate() / old_post.rate(),
            constant.rate() / old_constant.rate()
        );
    }
    Ok(report.ok)
}

/// An older binary on a database it migrated and filled with its own demo
/// content; the rest is seeded as for this build, through this library.
fn start_baseline(
    options: &Options,
    backend: &Backend,
    scratch: &Path,
    runtime: &tokio::runtime::Runtime,
    binary: &Path,
) -> Result<Started> {
    println!("  baseline: {}", binary.display());
    let (dir, database) = backend.fresh(scratch, "baseline")?;
    let smtp = runtime.block_on(SmtpServer::start());
    let env = Environment::new(&dir, &database.url, &smtp.url())?;
    let log = dir.join("server.log");
    env.run(binary, "migrate", &log)?;
    env.run(binary, "demo", &log)?;
    let settings = env.settings()?;
    // The seeding is this build's code: it needs this build's tables (an
    // older binary runs the migrations it knows and ignores later ones).
    roundtable::db::run_migrations(&mut roundtable::db::maintenance_connection(
        &settings.database,
        settings.database_timeouts,
    )?)?;
    let pool = roundtable::db::build_pool(&settings.database, settings.database_timeouts)?;
    let conn = &mut *pool.get()?;
    let seeded = seed::threads(conn)
        .and_then(|()| seed::post_target(conn))
        .and_then(|_| seed::participants_with_tokens(conn, options.accounts));
    let tokens = seeded.context("seeding the baseline's database with this build's code")?;
    write_lines(&dir.join("tokens.txt"), &tokens)?;
    Started::start(binary, &env, dir, database, smtp)
}

/// POSTs to the 100-comment roundtable; the references acknowledged go to
/// acknowledged.txt in the server's folder.
fn post_run(scripts: &Scripts, started: &Started, options: &Options) -> Result<Figures> {
    let figures = scripts.post(
        &started.server.url(&comments_api(seed::SMALL)),
        options.seconds,
        &started.tokens,
        &started.dir.join("acknowledged.txt"),
    )?;
    if let Some(statuses) = figures.other_statuses.as_deref().filter(|s| *s != "none") {
        println!("  POST answers other than 201 (status:count): {statuses}");
        if statuses.contains("429:") {
            println!(
                "  (429: too few participants for this rate; raise ROUNDTABLE_BENCH_ACCOUNTS)"
            );
        }
    }
    Ok(figures)
}

/// Checks the route answers 200 (a wrong URL would measure an error page),
/// then loads it; `None` is the constant route, the favicon URL that the
/// home page gives (its content hash changes with the build).
fn read(
    scripts: &Scripts,
    server: &Server,
    path: Option<&str>,
    options: &Options,
) -> Result<Figures> {
    let path = match path {
        Some(path) => path.to_owned(),
        None => favicon(server)?,
    };
    let (status, body) = server::get(server.port, &path)?;
    ensure!(status == 200, "{path} answers {status}, not 200");
    let mut figures = scripts.read(&server.url(&path), options.seconds)?;
    figures.body_bytes = Some(body.len());
    Ok(figures)
}

fn favicon(server: &Server) -> Result<String> {
    let (status, home) = server::get(server.port, "/")?;
    ensure!(status == 200, "the home page answers {status}");
    let home = String::from_utf8_lossy(&home);
    let Some(at) = home.find("/assets/favicon.svg") else {
        bail!("no favicon link in the home page");
    };
    Ok(home[at..].split('"').next().unwrap_or_default().to_owned())
}

fn write_lines(path: &Path, lines: &[String]) -> Result<()> {
    Ok(std::fs::write(path, lines.join("\n") + "\n")?)
}
