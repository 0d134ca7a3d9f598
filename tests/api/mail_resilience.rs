//! The outbox against failures: a worker killed mid-send, and a relay that
//! takes a message and never answers. Delivery stays at least once, with a
//! stable Message-ID, and neither failure holds up mail for long.

use crate::helpers::*;
use crate::mail::{drain, mailer};
use crate::processes::ServerProcess;
use crate::smtp_server::SmtpServer;
use chrono::Utc;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Nullable, Text};
use roundtable::config::DatabaseTarget;
use roundtable::db::{build_pool, Pool, StorageError};
use roundtable::outbox::worker::{self, TaskOutcome, WorkerSettings};
use roundtable::outbox::{self, OutboxCounts, OutgoingEmail};
use roundtable::text::SafeHtml;
use std::collections::HashMap;
use std::future::Future;
use std::time::{Duration, Instant};

fn email(n: usize) -> OutgoingEmail {
    OutgoingEmail {
        kind: "test".into(),
        recipient: format!("member{n}@example.org"),
        subject: format!("Resilience test {n}"),
        body_text: format!("Body {n}"),
        body_html: SafeHtml::from_escaped_template(format!("<p>Body {n}</p>")),
        headers: vec![],
        dedup_key: None,
    }
}

async fn enqueue(pool: &Pool, count: usize) {
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || {
        pool.get()
            .unwrap()
            .transaction::<_, StorageError, _>(|c| {
                for n in 0..count {
                    outbox::enqueue(c, &email(n), Utc::now())?;
                }
                Ok(())
            })
            .unwrap()
    })
    .await
    .unwrap();
}

#[derive(Debug, QueryableByName)]
struct OutboxRow {
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = Integer)]
    attempts: i32,
    #[diesel(sql_type = Nullable<Text>)]
    last_error: Option<String>,
}

/// The row of the email with this Message-ID (`<row id@host>`).
async fn row_of(pool: &Pool, message_id: &str) -> OutboxRow {
    let id = message_id
        .trim_start_matches('<')
        .split('@')
        .next()
        .unwrap()
        .to_owned();
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || {
        diesel::sql_query("SELECT status, attempts, last_error FROM email_outbox WHERE id = $1")
            .bind::<Text, _>(id)
            .get_result(&mut pool.get().unwrap())
            .unwrap()
    })
    .await
    .unwrap()
}

async fn counts(pool: &Pool) -> OutboxCounts {
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || outbox::counts(&mut pool.get().unwrap()).unwrap())
        .await
        .unwrap()
}

/// Polls `probe` until it finds something or `limit` has passed.
async fn wait_for<T, F: Future<Output = Option<T>>>(
    limit: Duration,
    mut probe: impl FnMut() -> F,
) -> Option<T> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(found) = probe().await {
            return Some(found);
        }
        if Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn delivered_with(smtp: &SmtpServer, message_id: &str) -> usize {
    smtp.received()
        .iter()
        .filter(|m| m.header("Message-ID").as_deref() == Some(message_id))
        .count()
}

#[tokio::test]
async fn a_worker_killed_mid_send_has_its_email_sent_once_more_soon_after_restart() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let (database_url, postgres) = process_database(backend, dir.path());
        let smtp = SmtpServer::start().await;
        smtp.hold_next_message();
        let env = HashMap::from([
            (
                "ROUNDTABLE_DATA_DIR",
                dir.path().to_string_lossy().into_owned(),
            ),
            ("DATABASE_URL", database_url.clone()),
            ("ROUNDTABLE_SMTP_URL", smtp.url().to_string()),
            ("ROUNDTABLE_DEMO", "false".into()),
        ]);
        let mut first = ServerProcess::start(&env);
        let pool = build_pool(
            &DatabaseTarget::parse(&database_url).unwrap(),
            Default::default(),
        )
        .unwrap();
        enqueue(&pool, 1).await;

        // The relay has the whole message but has not answered: mid-send.
        let held = wait_for(Duration::from_secs(30), || async { smtp.held().pop() })
            .await
            .expect("the worker starts sending the email");
        let message_id = held.mail.header("Message-ID").unwrap();
        first.child.kill().expect("SIGKILL");
        first.child.wait().unwrap();

        let restarted = Instant::now();
        let second = ServerProcess::start(&env);
        let again = wait_for(Duration::from_secs(30), || async {
            (delivered_with(&smtp, &message_id) > 0).then_some(())
        })
        .await;
        assert!(
            again.is_some(),
            "{backend:?}: re-sent within 30 s of the restart; log: {:?}",
            second.log.lock().unwrap()
        );
        assert!(restarted.elapsed() < Duration::from_secs(30));

        // Recorded as sent on the second attempt: nothing will send it again.
        let row = wait_for(Duration::from_secs(10), || async {
            let row = row_of(&pool, &message_id).await;
            (row.status == "sent").then_some(row)
        })
        .await
        .unwrap_or_else(|| panic!("{backend:?}: the delivery is recorded"));
        assert_eq!(row.attempts, 2, "{backend:?}");
        assert_eq!(delivered_with(&smtp, &message_id), 1, "{backend:?}");
        assert_eq!(smtp.held().len(), 1, "{backend:?}: exactly one more time");
        assert_eq!(
            counts(&pool).await,
            OutboxCounts {
                sent: 1,
                ..Default::default()
            }
        );
        drop(second);
        drop(pool);
        drop(postgres);
    }
}

#[tokio::test]
async fn a_relay_holding_one_connection_does_not_stall_the_other_emails() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        smtp.hold_next_message();
        let mailer = mailer(&app, &smtp);
        let settings = WorkerSettings {
            max_attempts: 3,
            attempt_timeout: Duration::from_secs(8),
            concurrency: 4,
            first_retry: chrono::Duration::hours(1),
            idle_poll: Duration::from_millis(100),
            ..WorkerSettings::default()
        };
        enqueue(&app.pool, 10).await;
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let running = tokio::spawn(worker::run(
            app.pool.clone(),
            mailer.clone(),
            app.composer.clone(),
            settings.clone(),
            stopped,
        ));

        let nine = wait_for(Duration::from_secs(60), || async {
            (smtp.received().len() >= 9).then_some(())
        })
        .await;
        assert!(nine.is_some(), "{:?}: the other nine went out", app.backend);
        let held = smtp.held();
        assert_eq!(held.len(), 1, "{:?}", app.backend);
        assert!(
            held[0].client_still_waiting(),
            "{:?}: while the relay still held the first",
            app.backend
        );
        assert_eq!(smtp.received().len(), 9);

        // The held attempt gives up after the attempt timeout and waits for
        // its retry; the connection is closed, not left hanging.
        let message_id = held[0].mail.header("Message-ID").unwrap();
        let row = wait_for(Duration::from_secs(60), || async {
            let row = row_of(&app.pool, &message_id).await;
            (row.status == "pending").then_some(row)
        })
        .await
        .unwrap_or_else(|| panic!("{:?}: the held attempt gives up", app.backend));
        assert_eq!(row.attempts, 1);
        let error = row.last_error.unwrap_or_default();
        assert!(
            error.contains("no answer from the mail server within 8 s"),
            "{error}"
        );
        let hung_up = wait_for(Duration::from_secs(10), || async {
            (!smtp.held()[0].client_still_waiting()).then_some(())
        })
        .await;
        assert!(hung_up.is_some(), "the held connection is closed");
        let _ = stop.send(true);
        tokio::time::timeout(Duration::from_secs(30), running)
            .await
            .expect("the worker stops")
            .unwrap();

        // The retry sends the same message, with the same Message-ID.
        let retried = drain(
            &app,
            &mailer,
            &settings,
            Utc::now() + chrono::Duration::hours(2),
        )
        .await;
        assert!(
            matches!(retried.as_slice(), [TaskOutcome::Sent { .. }]),
            "{retried:?}"
        );
        assert_eq!(delivered_with(&smtp, &message_id), 1);
        assert_eq!(smtp.received().len(), 10);
        assert_eq!(
            counts(&app.pool).await,
            OutboxCounts {
                sent: 10,
                ..Default::default()
            }
        );
    }
}
