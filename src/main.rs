use anyhow::{bail, Context};
use chrono::Utc;
use clap::{Parser, Subcommand};
use roundtable::config::{DatabaseTarget, Settings};
use roundtable::db::backup;
use roundtable::domain::digest::{DigestFilter, DigestFormat};
use roundtable::export::digest::write_digest;
use roundtable::services::{accounts, demo, digest};
use roundtable::startup::{
    build_mailer, open_database, return_startup_memory, spawn_outbox_worker, worker_settings,
    Application,
};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "roundtable",
    version,
    about = "Public consultations, roundtables and moderated comments"
)]
struct Cli {
    /// A TOML settings file; environment variables override it.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default).
    Serve,
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Create a verified administrator, or make an existing account one. The
    /// password is asked on the terminal, or read from ROUNDTABLE_ADMIN_PASSWORD.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Deliver queued emails without serving pages (set ROUNDTABLE_OUTBOX_WORKER=false
    /// on the servers when this runs separately).
    Worker,
    /// Copy the SQLite database while the server runs (PostgreSQL: use pg_dump).
    Backup {
        /// The file to write; it must not exist yet.
        #[arg(long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Put a copy made by `backup` back in place of the SQLite database, after
    /// checking it. Stop the server first; the replaced database is kept beside it.
    Restore {
        #[arg(long, value_name = "FILE")]
        input: PathBuf,
    },
    /// Write a digest of a consultation's (or one roundtable's) comments.
    Export {
        #[arg(long, value_name = "SLUG")]
        consultation: String,
        #[arg(long, value_name = "SLUG")]
        roundtable: Option<String>,
        /// csv, xlsx, json, md (Markdown) or html (printable).
        #[arg(long, default_value = "csv")]
        format: String,
        /// The file to write; standard output without it.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also pending, rejected and withdrawn comments, with their status.
        #[arg(long)]
        include_unpublished: bool,
        /// Only the comments that answer this search: words, "a phrase", -excluded.
        #[arg(long, value_name = "WORDS")]
        query: Option<String>,
        /// Only the comments with this theme (its label; case and accents do not matter).
        #[arg(long, value_name = "LABEL")]
        theme: Option<String>,
        /// Only published comments retained for the report, not_retained, or undecided.
        #[arg(long, value_name = "RELEVANCE")]
        relevance: Option<String>,
    },
    /// Rebuild the search index from the comments (after a restore from an
    /// older version's copy, or an operator's direct change to comments).
    Reindex,
    /// Load the demo consultations (those already present are left alone).
    Demo {
        /// Delete the demo consultations and their people first, then load them afresh.
        #[arg(long)]
        reset: bool,
    },
}

#[actix_web::main]
async fn main() -> ExitCode {
    roundtable::telemetry::init();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("roundtable: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::load(cli.config.as_deref(), &|name| std::env::var(name).ok())?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = Application::build(&settings).await?;
            return_startup_memory();
            let mut url = settings.base_url.clone();
            if url.port_or_known_default() != Some(app.port()) && settings.bind.port() == 0 {
                let _ = url.set_port(Some(app.port()));
            }
            tracing::info!(
                database = settings.database.backend_name(),
                port = app.port(),
                "Roundtable is listening on {} — open {url}",
                settings.bind
            );
            app.run_until_stopped().await?;
        }
        Command::Migrate => {
            open_database(&settings)?;
            println!(
                "The {} database is up to date.",
                settings.database.backend_name()
            );
        }
        Command::CreateAdmin { email, name } => {
            let password = admin_password()?;
            let pool = open_database(&settings)?;
            let mut conn = pool.get()?;
            match accounts::create_admin(&mut conn, &email, &name, &password, Utc::now())? {
                accounts::AdminAccount::Created(_) => {
                    println!("Created the administrator {email}.")
                }
                accounts::AdminAccount::Promoted(_) => {
                    println!("{email} already had an account: it is now an administrator with the new password.")
                }
            }
        }
        Command::Worker => {
            let pool = open_database(&settings)?;
            let mailer = build_mailer(&settings)?;
            let templates = roundtable::templates::Templates::load()?;
            return_startup_memory();
            let (stop, worker) = spawn_outbox_worker(
                pool,
                mailer,
                templates,
                worker_settings(&settings),
                settings.base_url.clone(),
            )?;
            shutdown_signal().await;
            tracing::info!("stopping after the email being sent, if any");
            let _ = stop.send(true);
            worker.await?;
        }
        Command::Backup { output } => {
            let DatabaseTarget::Sqlite(database) = &settings.database else {
                bail!("the database is PostgreSQL: back it up with pg_dump -Fc (see deploy/README.md)");
            };
            // No migration first: the running server may be an older version.
            let copy = backup::backup_sqlite(database, &output)?;
            println!(
                "Copied {} to {}: {} consultations, {} comments, {} accounts (schema {}).",
                database.display(),
                output.display(),
                copy.consultations,
                copy.comments,
                copy.accounts,
                copy.schema_version
            );
        }
        Command::Restore { input } => {
            let DatabaseTarget::Sqlite(database) = &settings.database else {
                bail!(
                    "the database is PostgreSQL: restore it with pg_restore (see deploy/README.md)"
                );
            };
            let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
            let (copy, kept) = backup::restore_sqlite(&input, database, &stamp)?;
            open_database(&settings)?;
            println!(
                "Restored {} into {}: {} consultations, {} comments, {} accounts.",
                input.display(),
                database.display(),
                copy.consultations,
                copy.comments,
                copy.accounts
            );
            if let Some(kept) = kept {
                println!("The database it replaced is kept as {}.", kept.display());
            }
        }
        Command::Reindex => {
            let pool = open_database(&settings)?;
            let mut conn = pool.get()?;
            let indexed = roundtable::services::search::rebuild_index(&mut conn)?;
            println!("Rebuilt the search index: {indexed} comments.");
        }
        Command::Export {
            consultation,
            roundtable,
            format,
            output,
            include_unpublished,
            query,
            theme,
            relevance,
        } => {
            let format =
                DigestFormat::parse("--format", &format).map_err(|e| anyhow::anyhow!(e.message))?;
            let query = query
                .map(|typed| roundtable::domain::search::SearchQuery::parse("--query", &typed))
                .transpose()
                .map_err(|e| {
                    anyhow::anyhow!(roundtable::i18n::say(
                        roundtable::i18n::Language::En,
                        &e.message
                    ))
                })?;
            let marks = DigestFilter::parse(&roundtable::domain::digest::DigestChoices {
                theme: theme.unwrap_or_default(),
                relevance: relevance.unwrap_or_default(),
                ..Default::default()
            })
            .map_err(|errors| {
                let first = errors.into_iter().next().map(|e| e.message);
                let say = |m| roundtable::i18n::say(roundtable::i18n::Language::En, &m);
                anyhow::anyhow!(first.map(say).unwrap_or_default())
            })?;
            let filter = DigestFilter {
                include_unpublished,
                query,
                theme_key: marks.theme_key,
                relevance: marks.relevance,
                ..DigestFilter::default()
            };
            let pool = open_database(&settings)?;
            let mut conn = pool.get()?;
            let plan = digest::plan(
                &mut conn,
                digest::Requester::Operator,
                &consultation,
                roundtable.as_deref(),
                filter,
            )?;
            if format == DigestFormat::Xlsx && output.is_none() && std::io::stdout().is_terminal() {
                anyhow::bail!("an XLSX file is binary: give --output FILE, or redirect the output");
            }
            let templates = roundtable::templates::Templates::load()?;
            // A progress bar only for a person watching a terminal.
            let bar = if std::io::stderr().is_terminal() {
                let total = digest::count(&mut conn, &plan)?;
                indicatif::ProgressBar::new(total).with_style(
                    indicatif::ProgressStyle::with_template(
                        "{bar:40} {pos}/{len} comments, {elapsed} (about {eta} left)",
                    )?,
                )
            } else {
                indicatif::ProgressBar::hidden()
            };
            let mut tick = || bar.inc(1);
            let sealing = roundtable::export::digest::Sealing {
                verify_url: settings
                    .base_url
                    .join("verify")
                    .map_or_else(|_| "/verify".into(), String::from),
                generated_by: None,
                now: Utc::now(),
            };
            let sent = match &output {
                Some(path) => {
                    let file = std::fs::File::create_new(path)
                        .with_context(|| format!("cannot create {}", path.display()))?;
                    let out = std::io::BufWriter::new(file);
                    write_digest(
                        &mut conn, &plan, format, &templates, out, &mut tick, &sealing,
                    )?
                }
                None => {
                    let out = std::io::BufWriter::new(std::io::stdout());
                    write_digest(
                        &mut conn, &plan, format, &templates, out, &mut tick, &sealing,
                    )?
                }
            };
            bar.finish_and_clear();
            eprintln!(
                "Exported {sent} comments{}.",
                output
                    .map(|p| format!(" to {}", p.display()))
                    .unwrap_or_default()
            );
        }
        Command::Demo { reset } => {
            let pool = open_database(&settings)?;
            let mut conn = pool.get()?;
            let summary = demo::load(&mut conn, Utc::now(), reset)?;
            println!(
                "Demo content: {} consultations loaded ({} comments), {} already present.",
                summary.consultations_loaded,
                summary.comments_loaded,
                summary.consultations_skipped
            );
        }
    }
    Ok(())
}

/// Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("a SIGTERM handler can be installed");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
}

fn admin_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("ROUNDTABLE_ADMIN_PASSWORD") {
        return Ok(password);
    }
    if !std::io::stdin().is_terminal() {
        bail!("no terminal to ask for the password on: set ROUNDTABLE_ADMIN_PASSWORD");
    }
    let password = rpassword::prompt_password("Password (at least 10 characters): ")
        .context("cannot read the password")?;
    let again =
        rpassword::prompt_password("Same password again: ").context("cannot read the password")?;
    if password != again {
        bail!("the two passwords differ");
    }
    Ok(password)
}
