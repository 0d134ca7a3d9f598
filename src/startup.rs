//! Builds the application from settings: storage, migrations, demo content,
//! templates, listener. Binding port 0 picks a free port, which `port()`
//! reports: that is how tests run the real server.

use crate::config::{DatabaseTarget, Settings};
use crate::db::{self, Pool};
use crate::domain::signed_link::LinkSigner;
use crate::mail::Mailer;
use crate::outbox::worker::{self, WorkerSettings};
use crate::services::{self, ServiceError};
use crate::templates::Templates;
use crate::web::{self, AppState};
use actix_web::dev::{Server, ServerHandle};
use actix_web::middleware::NormalizePath;
use actix_web::{web::Data, App, HttpServer};
use anyhow::Context;
use chrono::Utc;
use std::net::TcpListener;
use url::Url;

pub struct Application {
    server: Server,
    port: u16,
    pool: Pool,
    worker: Option<(
        tokio::sync::watch::Sender<bool>,
        tokio::task::JoinHandle<()>,
    )>,
}

/// The mailer the settings ask for: SMTP, or .eml files in `<data dir>/mail`.
pub fn build_mailer(settings: &Settings) -> anyhow::Result<Mailer> {
    Mailer::new(
        settings.smtp_url.as_ref(),
        &settings.data_dir.join("mail"),
        settings.mail_from.clone(),
        &settings.base_url,
    )
    .map_err(|e| anyhow::anyhow!(e))
}

pub fn worker_settings(settings: &Settings) -> WorkerSettings {
    WorkerSettings {
        max_attempts: settings.mail_max_attempts,
        attempt_timeout: settings.mail_attempt_timeout,
        concurrency: settings.mail_concurrency,
        ..WorkerSettings::default()
    }
}

/// Starts the outbox worker (which composes batched emails with the
/// templates, base URL and link signer) and the scheduler of chairs'
/// summary emails; send `true` on the returned channel to stop both (the
/// worker after the emails it is sending).
pub fn spawn_outbox_worker(
    pool: Pool,
    mailer: Mailer,
    templates: Templates,
    settings: WorkerSettings,
    base_url: Url,
) -> anyhow::Result<(
    tokio::sync::watch::Sender<bool>,
    tokio::task::JoinHandle<()>,
)> {
    let signer =
        services::emails::link_signer(&mut *pool.get()?).map_err(|e| anyhow::anyhow!(e))?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let composer = std::sync::Arc::new(services::notifications::BatchComposer::new(
        templates.clone(),
        base_url.clone(),
        signer.clone(),
    ));
    let worker = tokio::spawn(worker::run(
        pool.clone(),
        mailer,
        composer,
        settings,
        stopped.clone(),
    ));
    let scheduler = tokio::spawn(run_summary_scheduler(
        pool, templates, base_url, signer, stopped,
    ));
    Ok((
        stop,
        tokio::spawn(async move {
            let _ = tokio::join!(worker, scheduler);
        }),
    ))
}

/// Every minute, queues the chairs' hourly and daily summaries that are due
/// and deletes expired sessions, links and rate-limit hits. Every instance
/// may run this: each summary has a de-duplication key, and deleting twice
/// is harmless.
async fn run_summary_scheduler(
    pool: Pool,
    templates: Templates,
    base_url: Url,
    signer: LinkSigner,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let shared = std::sync::Arc::new((templates, base_url, signer));
    loop {
        if *stop.borrow() {
            break;
        }
        let (pool, shared) = (pool.clone(), shared.clone());
        let queued = tokio::task::spawn_blocking(move || {
            let ctx = services::emails::EmailContext {
                templates: &shared.0,
                base_url: &shared.1,
                signer: &shared.2,
                language: crate::i18n::Language::En,
            };
            let mut conn = pool.get().map_err(crate::db::StorageError::from)?;
            match crate::db::queries::housekeeping::purge(&mut conn, Utc::now()) {
                Ok(purged) if purged != Default::default() => {
                    tracing::info!(?purged, "expired rows deleted")
                }
                Ok(_) => {}
                Err(error) => tracing::error!(%error, "deleting expired rows failed"),
            }
            match services::following::send_due(&mut conn, ctx, Utc::now()) {
                Ok(0) => {}
                Ok(n) => tracing::info!(emails = n, "followers' emails queued"),
                Err(error) => tracing::error!(%error, "followers' emails failed"),
            }
            services::notifications::send_due_summaries(&mut conn, ctx, Utc::now())
        })
        .await;
        match queued {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => tracing::info!(summaries = n, "chairs' summary emails queued"),
            Ok(Err(error)) => tracing::error!(%error, "chairs' summaries failed"),
            Err(error) => tracing::error!(%error, "chairs' summary task failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(60)) => {}
            _ = stop.changed() => {}
        }
    }
}

/// Opens the database named by the settings (creating the SQLite file and its
/// folder if needed) and brings its schema up to date.
pub fn open_database(settings: &Settings) -> anyhow::Result<Pool> {
    if let DatabaseTarget::Sqlite(path) = &settings.database {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot create the data folder {}", folder.display()))?;
        }
    }
    let pool =
        db::build_pool(&settings.database, settings.database_timeouts).with_context(|| {
            format!(
                "cannot open the {} database",
                settings.database.backend_name()
            )
        })?;
    let mut conn = db::maintenance_connection(&settings.database, settings.database_timeouts)
        .context("cannot get a database connection")?;
    let applied = db::one_instance_at_a_time(&mut conn, |conn| {
        let applied = db::run_migrations(conn)?;
        crate::services::search::index_after_upgrade(conn, &applied)?;
        crate::services::outcome_versions::number_published_outcomes(conn, chrono::Utc::now())?;
        Ok::<_, db::StorageError>(applied)
    })?;
    if !applied.is_empty() {
        tracing::info!(migrations = ?applied, "database schema updated");
    }
    Ok(pool)
}

/// Gives the memory start-up used and freed (parsing the templates,
/// migrating, loading the demo) back to the system. glibc keeps freed
/// memory below the last block still in use, and templates, pool and
/// caches are allocated after the parse's scratch, so without this a
/// server at rest keeps about 4 MiB it will never use again.
pub fn return_startup_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim has no preconditions and is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Parts a caller may hand to `Application::build_with` instead of having
/// them made from the settings: a test process parses the templates once for
/// all its apps, and keeps sent mail in memory.
#[derive(Clone, Default)]
pub struct Prebuilt {
    pub templates: Option<Templates>,
    pub mailer: Option<Mailer>,
}

impl Application {
    pub async fn build(settings: &Settings) -> anyhow::Result<Self> {
        Self::build_with(settings, Prebuilt::default()).await
    }

    pub async fn build_with(settings: &Settings, prebuilt: Prebuilt) -> anyhow::Result<Self> {
        let pool = open_database(settings)?;
        if settings.load_demo {
            load_demo_into_empty_database(settings)?;
        }
        let templates = match prebuilt.templates {
            Some(templates) => templates,
            None => Templates::load().context("the templates do not compile")?,
        };
        let mailer = match prebuilt.mailer {
            Some(mailer) => mailer,
            None => build_mailer(settings)?,
        };
        let worker = match settings.outbox_worker {
            true => Some(spawn_outbox_worker(
                pool.clone(),
                mailer,
                templates.clone(),
                worker_settings(settings),
                settings.base_url.clone(),
            )?),
            false => None,
        };
        let signer =
            services::emails::link_signer(&mut *pool.get()?).map_err(|e| anyhow::anyhow!(e))?;
        let listener = TcpListener::bind(settings.bind)
            .with_context(|| format!("cannot listen on {} (ROUNDTABLE_BIND)", settings.bind))?;
        let port = listener.local_addr()?.port();
        let state = Data::new(AppState {
            pool: pool.clone(),
            templates,
            base_url: settings.base_url.clone(),
            trusted_proxies: settings.trusted_proxies.clone(),
            signer,
            metrics: web::Metrics::new(),
            exports: std::sync::Arc::new(tokio::sync::Semaphore::new(2)),
            database_deadline: settings.database_timeouts.request,
            page_cache: std::sync::Arc::new(web::PageCache::new(web::PAGE_CACHE_BYTES)),
            content_clock: Default::default(),
            setup_cache: Default::default(),
        });
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .wrap(actix_web::middleware::from_fn(web::serve_cached))
                .wrap(actix_web::middleware::from_fn(web::head_as_get))
                .wrap(actix_web::middleware::from_fn(web::guard_input))
                .wrap(web::error_pages())
                // "/c/prague/" is the same page as "/c/prague".
                .wrap(NormalizePath::trim())
                .wrap(actix_web::middleware::Compress::default())
                .wrap(web::security_headers())
                .wrap(actix_web::middleware::from_fn(web::observe))
                .configure(web::routes)
        })
        // Each blocking task waits for a pooled database connection (an
        // export holds one the whole time), so more threads than that only
        // add stacks and malloc arenas; actix's default is 512 per worker.
        .worker_max_blocking_threads(pool.max_size() as usize + 2)
        .listen(listener)?
        .shutdown_timeout(30)
        .run();
        Ok(Self {
            server,
            port,
            pool,
            worker,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Stops the server from outside (tests, signal handling).
    pub fn handle(&self) -> ServerHandle {
        self.server.handle()
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Serves until the server is stopped (SIGTERM, Ctrl-C or the handle),
    /// then lets the outbox worker finish the email it is sending.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let served = self.server.await;
        if let Some((stop, worker)) = self.worker {
            let _ = stop.send(true);
            let _ = worker.await;
        }
        served
    }
}

fn load_demo_into_empty_database(settings: &Settings) -> anyhow::Result<()> {
    let mut conn = db::maintenance_connection(&settings.database, settings.database_timeouts)?;
    let loaded = db::one_instance_at_a_time(&mut conn, |conn| {
        if !services::demo::database_is_empty(conn)? {
            return Ok(None);
        }
        services::demo::load(conn, Utc::now(), false).map(Some)
    })
    .map_err(|e: ServiceError| anyhow::anyhow!(e))?;
    let Some(summary) = loaded else {
        return Ok(());
    };
    tracing::info!(
        consultations = summary.consultations_loaded,
        comments = summary.comments_loaded,
        "empty database: demo content loaded (set ROUNDTABLE_DEMO=false to start empty)"
    );
    Ok(())
}
