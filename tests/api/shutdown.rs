//! SIGTERM under load: the server stops accepting, finishes what it is
//! answering, and the outbox worker finishes the emails it is sending; no
//! acknowledged request or queued email is lost.

use crate::helpers::*;
use crate::mail::worker_settings;
use crate::processes::ServerProcess;
use crate::smtp_server::SmtpServer;
use chrono::Utc;
use diesel::Connection;
use roundtable::config::DatabaseTarget;
use roundtable::db::{build_pool, StorageError};
use roundtable::mail::Mailer;
use roundtable::outbox::{self, OutgoingEmail};
use roundtable::text::SafeHtml;
use std::collections::{HashMap, HashSet};
use std::time::Duration;

fn email(n: usize) -> OutgoingEmail {
    OutgoingEmail {
        kind: "test".into(),
        recipient: format!("reader{n}@example.org"),
        subject: format!("Shutdown test {n}"),
        body_text: format!("Body {n}"),
        body_html: SafeHtml::from_escaped_template(format!("<p>Body {n}</p>")),
        headers: vec![],
        dedup_key: None,
    }
}

#[tokio::test]
async fn sigterm_under_load_finishes_requests_and_the_email_in_flight() {
    for backend in backends() {
        let dir = tempfile::tempdir().unwrap();
        let (database_url, postgres) = process_database(backend, dir.path());
        let smtp = SmtpServer::start().await;
        smtp.slow(Duration::from_millis(300));
        let mut server = ServerProcess::start(&HashMap::from([
            (
                "ROUNDTABLE_DATA_DIR",
                dir.path().to_string_lossy().into_owned(),
            ),
            ("DATABASE_URL", database_url.clone()),
            ("ROUNDTABLE_SMTP_URL", smtp.url().to_string()),
            ("ROUNDTABLE_DEMO", "true".into()),
        ]));
        let target = DatabaseTarget::parse(&database_url).unwrap();
        let pool = build_pool(&target, Default::default()).unwrap();
        // Enough that four senders at 300 ms an email are still busy at SIGTERM.
        let queued = 40;
        {
            let pool = pool.clone();
            tokio::task::spawn_blocking(move || {
                let mut conn = pool.get().unwrap();
                conn.transaction::<_, StorageError, _>(|c| {
                    for n in 0..queued {
                        outbox::enqueue(c, &email(n), Utc::now())?;
                    }
                    Ok(())
                })
                .unwrap();
            })
            .await
            .unwrap();
        }

        // Readers keep asking for the busiest page while the server stops.
        let page = server.url(&format!("/c/{FORUM}/{RT_3_2}"));
        let mut readers = Vec::new();
        for _ in 0..8 {
            let page = page.clone();
            readers.push(tokio::spawn(async move {
                let client = reqwest::Client::new();
                let mut answered = 0;
                loop {
                    let Ok(response) = client.get(&page).send().await else {
                        return answered;
                    };
                    assert_eq!(response.status().as_u16(), 200);
                    let body = response.text().await.expect("a whole body, never cut off");
                    assert!(body.trim_end().ends_with("</html>"), "a complete page");
                    answered += 1;
                }
            }));
        }
        tokio::time::sleep(Duration::from_millis(1000)).await;
        server.terminate();
        let status = tokio::task::spawn_blocking(move || {
            let status = server.wait(Duration::from_secs(40));
            (status, server.log.lock().unwrap().join("\n"))
        })
        .await
        .unwrap();
        let (status, log) = status;
        let status = status.unwrap_or_else(|| panic!("the server stops within its timeout: {log}"));
        assert!(status.success(), "{status:?}: {log}");
        let mut answered = 0;
        for reader in readers {
            answered += reader.await.expect("every answer was whole");
        }
        assert!(answered > 0, "{backend:?}");

        // Nothing is left claimed; what was sent arrived once; the rest goes out later.
        let counts = {
            let pool = pool.clone();
            tokio::task::spawn_blocking(move || outbox::counts(&mut pool.get().unwrap()).unwrap())
                .await
                .unwrap()
        };
        assert_eq!(
            counts.sending, 0,
            "{backend:?}: the emails in flight were finished"
        );
        assert_eq!(counts.sent as usize, smtp.received().len(), "{backend:?}");
        assert!(counts.sent < queued as i64, "the server stopped mid-queue");
        smtp.slow(Duration::ZERO);
        let mailer = Mailer::new(
            Some(&smtp.url()),
            &dir.path().join("mail"),
            "Roundtable <roundtable@localhost>".parse().unwrap(),
            &url::Url::parse(BASE_URL).unwrap(),
        )
        .unwrap();
        drain_pool(&pool, &mailer).await;
        let subjects: HashSet<String> = smtp
            .received()
            .iter()
            .filter_map(|m| m.header("Subject"))
            .collect();
        assert_eq!(
            smtp.received().len(),
            queued,
            "{backend:?}: each email once"
        );
        assert_eq!(subjects.len(), queued);
        drop(pool);
        drop(postgres);
    }
}

/// Sends what is left, as the next worker to start would.
async fn drain_pool(pool: &roundtable::db::Pool, mailer: &Mailer) {
    use roundtable::outbox::worker::{try_execute_task, TaskOutcome};
    let settings = worker_settings(3);
    let composer = crate::helpers::composer(pool);
    while try_execute_task(pool, mailer, &composer, &settings, Utc::now())
        .await
        .unwrap()
        != TaskOutcome::EmptyQueue
    {}
}
