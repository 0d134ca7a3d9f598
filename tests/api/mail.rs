//! Email delivery through the outbox, against a real SMTP server on loopback.

use crate::helpers::*;
use crate::smtp_server::SmtpServer;
use chrono::{DateTime, Duration, Utc};
use diesel::Connection;
use roundtable::db::StorageError;
use roundtable::mail::Mailer;
use roundtable::outbox::worker::{try_execute_task, TaskOutcome, WorkerSettings};
use roundtable::outbox::{self, EnqueueOutcome, OutboxCounts, OutgoingEmail};
use roundtable::text::SafeHtml;
use std::collections::HashSet;

fn email(n: usize, dedup_key: Option<&str>) -> OutgoingEmail {
    OutgoingEmail {
        kind: "test".into(),
        recipient: format!("participant{n}@example.org"),
        subject: format!("Test email {n}"),
        body_text: format!("Plain text {n}: https://roundtable.test/c/x"),
        body_html: SafeHtml::from_escaped_template(format!(
            "<p>HTML {n}: <a href=\"https://roundtable.test/c/x\">link</a></p>"
        )),
        headers: vec![(
            "List-Unsubscribe".into(),
            "<https://roundtable.test/unsubscribe/t>".into(),
        )],
        dedup_key: dedup_key.map(String::from),
    }
}

pub fn mailer(app: &TestApp, smtp: &SmtpServer) -> Mailer {
    let s = &app.settings;
    Mailer::new(
        Some(&smtp.url()),
        &s.data_dir.join("mail"),
        s.mail_from.clone(),
        &s.base_url,
    )
    .unwrap()
}

pub fn worker_settings(max_attempts: i32) -> WorkerSettings {
    WorkerSettings {
        max_attempts,
        ..WorkerSettings::default()
    }
}

async fn enqueue(app: &TestApp, emails: Vec<OutgoingEmail>) -> Vec<EnqueueOutcome> {
    app.with_conn(move |c| {
        c.transaction::<_, StorageError, _>(|c| {
            emails
                .iter()
                .map(|e| outbox::enqueue(c, e, Utc::now()))
                .collect()
        })
        .unwrap()
    })
    .await
}

async fn counts(app: &TestApp) -> OutboxCounts {
    app.with_conn(|c| outbox::counts(c).unwrap()).await
}

/// Runs the worker until nothing is due at `now`; returns the outcomes.
pub async fn drain(
    app: &TestApp,
    mailer: &Mailer,
    settings: &WorkerSettings,
    now: DateTime<Utc>,
) -> Vec<TaskOutcome> {
    let mut outcomes = Vec::new();
    loop {
        match try_execute_task(&app.pool, mailer, &app.composer, settings, now)
            .await
            .unwrap()
        {
            TaskOutcome::EmptyQueue => return outcomes,
            outcome => outcomes.push(outcome),
        }
    }
}

#[tokio::test]
async fn an_email_arrives_as_multipart_alternative_with_its_headers() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mailer = mailer(&app, &smtp);
        enqueue(&app, vec![email(1, None)]).await;
        let outcomes = drain(&app, &mailer, &worker_settings(3), Utc::now()).await;
        assert!(
            matches!(outcomes.as_slice(), [TaskOutcome::Sent { .. }]),
            "{outcomes:?}"
        );

        let received = smtp.received();
        assert_eq!(received.len(), 1, "{:?}", app.backend);
        let mail = &received[0];
        assert_eq!(mail.to, ["<participant1@example.org>"]);
        assert_eq!(mail.from, "<roundtable@localhost>");
        assert_eq!(mail.header("Subject").as_deref(), Some("Test email 1"));
        assert!(mail
            .header("From")
            .unwrap()
            .contains("roundtable@localhost"));
        assert!(mail
            .header("Message-ID")
            .unwrap()
            .ends_with("@roundtable.test>"));
        assert_eq!(
            mail.header("List-Unsubscribe").as_deref(),
            Some("<https://roundtable.test/unsubscribe/t>")
        );
        assert!(mail
            .header("Content-Type")
            .unwrap()
            .starts_with("multipart/alternative"));
        assert!(mail.data.contains("Content-Type: text/plain"));
        assert!(mail.data.contains("Content-Type: text/html"));
        assert!(mail
            .data
            .contains("Plain text 1: https://roundtable.test/c/x"));
        assert!(mail.data.contains("href=\"https://roundtable.test/c/x\""));
        assert_eq!(
            counts(&app).await,
            OutboxCounts {
                sent: 1,
                ..Default::default()
            }
        );
    }
}

#[tokio::test]
async fn an_email_of_a_rolled_back_change_is_never_sent() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let rolled_back = app
            .with_conn(|c| {
                c.transaction::<(), StorageError, _>(|c| {
                    outbox::enqueue(c, &email(1, None), Utc::now())?;
                    Err(StorageError::corrupt(
                        "the change that caused the email failed",
                    ))
                })
            })
            .await;
        assert!(rolled_back.is_err());
        let outcomes = drain(&app, &mailer(&app, &smtp), &worker_settings(3), Utc::now()).await;
        assert!(outcomes.is_empty());
        assert!(smtp.received().is_empty());
    }
}

#[tokio::test]
async fn a_deduplication_key_stores_one_email() {
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        let outcomes = enqueue(
            &app,
            vec![
                email(1, Some("decision:c-1")),
                email(2, Some("decision:c-1")),
            ],
        )
        .await;
        assert_eq!(
            outcomes,
            [EnqueueOutcome::Stored, EnqueueOutcome::AlreadyQueued]
        );
        let again = enqueue(&app, vec![email(3, Some("decision:c-1")), email(4, None)]).await;
        assert_eq!(
            again,
            [EnqueueOutcome::AlreadyQueued, EnqueueOutcome::Stored]
        );
        assert_eq!(counts(&app).await.pending, 2);
    }
}

#[tokio::test]
async fn a_refusing_server_means_retries_with_backoff_then_a_dead_email() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        smtp.refuse_recipients(true);
        let (mailer, settings) = (mailer(&app, &smtp), worker_settings(3));
        enqueue(&app, vec![email(1, None)]).await;
        let start = Utc::now();

        let first = drain(&app, &mailer, &settings, start).await;
        let [TaskOutcome::WillRetry {
            attempts: 1, at, ..
        }] = first.as_slice()
        else {
            panic!("{first:?}")
        };
        assert!(
            *at >= start + Duration::seconds(24) && *at <= start + Duration::seconds(36),
            "first retry after ~30 s"
        );
        assert!(
            drain(&app, &mailer, &settings, start + Duration::seconds(10))
                .await
                .is_empty(),
            "not due before its time"
        );

        let second = drain(&app, &mailer, &settings, start + Duration::minutes(1)).await;
        assert!(
            matches!(
                second.as_slice(),
                [TaskOutcome::WillRetry { attempts: 2, .. }]
            ),
            "{second:?}"
        );
        let third = drain(&app, &mailer, &settings, start + Duration::minutes(10)).await;
        assert!(
            matches!(third.as_slice(), [TaskOutcome::Dead { .. }]),
            "{third:?}"
        );
        assert!(
            drain(&app, &mailer, &settings, start + Duration::days(2))
                .await
                .is_empty(),
            "dead emails stay put"
        );

        assert_eq!(
            counts(&app).await,
            OutboxCounts {
                dead: 1,
                ..Default::default()
            }
        );
        assert!(smtp.received().is_empty());
    }
}

#[tokio::test]
async fn an_smtp_outage_loses_nothing_and_sends_nothing_twice() {
    for app in TestApp::empty().spawn_each().await {
        let mut smtp = SmtpServer::start().await;
        let (mailer, settings) = (mailer(&app, &smtp), WorkerSettings::default());
        smtp.stop();
        enqueue(&app, (0..5).map(|n| email(n, None)).collect()).await;
        let start = Utc::now();
        let failed = drain(&app, &mailer, &settings, start).await;
        assert_eq!(failed.len(), 5);
        assert!(
            failed
                .iter()
                .all(|o| matches!(o, TaskOutcome::WillRetry { .. })),
            "{failed:?}"
        );

        // An hour of outage: the worker keeps trying as the retries fall due.
        for minutes in [1, 3, 7, 15, 31, 60] {
            let outcomes =
                drain(&app, &mailer, &settings, start + Duration::minutes(minutes)).await;
            assert!(
                outcomes
                    .iter()
                    .all(|o| matches!(o, TaskOutcome::WillRetry { .. })),
                "{outcomes:?}"
            );
        }
        assert_eq!(counts(&app).await.pending, 5);

        smtp.restart().await;
        let delivered = drain(&app, &mailer, &settings, start + Duration::hours(3)).await;
        assert_eq!(
            delivered
                .iter()
                .filter(|o| matches!(o, TaskOutcome::Sent { .. }))
                .count(),
            5,
            "{delivered:?}"
        );
        assert!(drain(&app, &mailer, &settings, start + Duration::days(1))
            .await
            .is_empty());
        let subjects: HashSet<String> = smtp
            .received()
            .iter()
            .map(|m| m.header("Subject").unwrap())
            .collect();
        assert_eq!(
            (smtp.received().len(), subjects.len()),
            (5, 5),
            "each email exactly once"
        );
        assert_eq!(
            counts(&app).await,
            OutboxCounts {
                sent: 5,
                ..Default::default()
            }
        );
    }
}

#[tokio::test]
async fn two_workers_racing_send_each_email_once() {
    for app in TestApp::empty().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let (mailer, settings) = (mailer(&app, &smtp), worker_settings(3));
        enqueue(&app, (0..40).map(|n| email(n, None)).collect()).await;
        let now = Utc::now();
        let (a, b) = tokio::join!(
            drain(&app, &mailer, &settings, now),
            drain(&app, &mailer, &settings, now)
        );
        let sent = |outcomes: &[TaskOutcome]| {
            outcomes
                .iter()
                .filter(|o| matches!(o, TaskOutcome::Sent { .. }))
                .count()
        };
        assert_eq!(sent(&a) + sent(&b), 40, "{:?}", app.backend);
        let ids: HashSet<String> = smtp
            .received()
            .iter()
            .map(|m| m.header("Message-ID").unwrap())
            .collect();
        assert_eq!((smtp.received().len(), ids.len()), (40, 40));
        assert_eq!(
            counts(&app).await,
            OutboxCounts {
                sent: 40,
                ..Default::default()
            }
        );
    }
}

#[tokio::test]
async fn without_smtp_emails_are_written_as_eml_files() {
    let app = TestApp::empty().spawn(Backend::Sqlite).await;
    let s = &app.settings;
    let folder = s.data_dir.join("mail");
    let mailer = Mailer::new(None, &folder, s.mail_from.clone(), &s.base_url).unwrap();
    enqueue(&app, vec![email(7, None)]).await;
    let outcomes = drain(&app, &mailer, &worker_settings(3), Utc::now()).await;
    assert!(matches!(outcomes.as_slice(), [TaskOutcome::Sent { .. }]));
    let files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].extension().unwrap(), "eml");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("Subject: Test email 7"));
    assert!(text.contains("participant7@example.org"));
}
