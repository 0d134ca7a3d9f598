//! Batched emails are composed by the outbox worker when it takes the
//! batch, not by the change that adds an item (issue #17): in the
//! recipient's language, once, the same text on a retry, and an item that
//! joins after a worker took the batch goes into the next email.

use crate::email_batching::{listed_comments, post_at, signed_in, to_chair, with_context};
use crate::helpers::*;
use crate::mail::{drain, mailer, worker_settings};
use crate::people::*;
use crate::smtp_server::SmtpServer;
use chrono::{DateTime, Duration, Utc};
use roundtable::db::queries::email_batches::BatchToCompose;
use roundtable::db::AnyConnection;
use roundtable::domain::user::SignedInUser;
use roundtable::outbox::worker::{try_execute_task, TaskOutcome};
use roundtable::outbox::{Composer, OutgoingEmail};
use roundtable::services::comments::{edit_comment, post_comment as post, CommentInput};
use std::sync::{Arc, Mutex};

/// What the outbox holds for batches: (subject, plain text) of each, oldest first.
async fn batch_rows(app: &TestApp) -> Vec<(String, String)> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        subject: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        body_text: String,
    }
    app.with_conn(|c| {
        use diesel::RunQueryDsl;
        diesel::sql_query(
            "SELECT o.subject, o.body_text FROM email_outbox o JOIN email_batches b ON b.id = o.id \
             ORDER BY b.send_at, b.created_at",
        )
        .load::<Row>(c)
        .unwrap()
        .into_iter()
        .map(|r| (r.subject, r.body_text))
        .collect()
    })
    .await
}

/// The demo's own chairs of RT 3.2 switch their alerts off, so that the
/// only batches are those of the chair a test adds.
async fn demo_chairs_quiet(app: &TestApp) {
    sql(app, "UPDATE users SET moderation_alerts = 'off'".into()).await;
}

async fn speaks(app: &TestApp, person: &Person, language: &str) {
    sql(
        app,
        format!(
            "UPDATE users SET preferred_language = '{language}' WHERE id = '{}'",
            person.id
        ),
    )
    .await;
}

#[tokio::test]
async fn the_worker_composes_a_chairs_alert_in_the_chairs_language() {
    for app in TestApp::with_demo().spawn_each().await {
        demo_chairs_quiet(&app).await;
        let smtp = SmtpServer::start().await;
        let chair = chair(&app, "Claire Chair", RT_3_2).await;
        speaks(&app, &chair, "fr").await;
        let mut author = participant(&app, "Amina Diallo").await;
        let reference = posted_reference(
            &post_comment(&mut author, RT_3_2, "Language courses in every town.", &[]).await,
        );
        assert_eq!(
            batch_rows(&app).await,
            [(String::new(), String::new())],
            "{:?}: posting records the item, and composes nothing",
            app.backend
        );

        deliver(&app, &smtp).await;
        let told = to_chair(&smtp, &chair);
        assert_eq!(told.len(), 1, "{:?}", app.backend);
        let text = told[0].part("text/plain").unwrap();
        assert!(text.contains("Le publier : "), "{text}");
        assert!(text.contains("Language courses in every town."), "{text}");
        assert_eq!(listed_comments(&told[0]), [reference]);
        let stored = batch_rows(&app).await;
        assert_eq!(stored.len(), 1);
        assert!(
            stored[0]
                .0
                .starts_with("Un commentaire attend votre décision dans RT 3.2"),
            "{stored:?}"
        );
        assert!(stored[0].1.contains("Le publier : "), "{stored:?}");
    }
}

#[tokio::test]
async fn a_retry_sends_the_text_composed_for_the_first_attempt() {
    for app in TestApp::with_demo().spawn_each().await {
        demo_chairs_quiet(&app).await;
        let smtp = SmtpServer::start().await;
        let (mailer, settings) = (mailer(&app, &smtp), worker_settings(3));
        let chair = chair(&app, "Clara Chair", RT_3_2).await;
        let amina = participant(&app, "Amina Diallo").await;
        let author = signed_in(&amina, "Amina Diallo");
        let t0 = Utc::now();
        let first = post_at(&app, &author, "The first version of my point.", t0).await;

        smtp.refuse_recipients(true);
        let outcomes = drain(&app, &mailer, &settings, t0).await;
        assert!(
            matches!(outcomes.as_slice(), [TaskOutcome::WillRetry { .. }]),
            "{:?}: {outcomes:?}",
            app.backend
        );
        let composed = batch_rows(&app).await;
        assert!(composed[0].1.contains("The first version"), "{composed:?}");

        // What a fresh composition would change: the chair's language, the
        // comment's text (edited while pending), a comment that came after.
        speaks(&app, &chair, "es").await;
        let edited = author.clone();
        let reference = first.clone();
        app.with_conn(move |c| {
            edit_comment(c, &edited, &reference, "A second version.", Utc::now()).unwrap()
        })
        .await;
        let second = post_at(&app, &author, "A later point.", t0 + Duration::minutes(1)).await;

        smtp.refuse_recipients(false);
        drain(&app, &mailer, &settings, t0 + Duration::hours(2)).await;
        let told = to_chair(&smtp, &chair);
        assert_eq!(told.len(), 2, "{:?}", app.backend);
        let retried = told
            .iter()
            .find(|m| listed_comments(m) == [first.clone()])
            .expect("the retried email lists the first comment alone");
        let text = retried.part("text/plain").unwrap();
        assert!(text.contains("The first version of my point."), "{text}");
        assert!(!text.contains("A second version"), "{text}");
        told.iter()
            .find(|m| listed_comments(m) == [second.clone()])
            .expect("the later comment goes in the next email");
        let stored = batch_rows(&app).await;
        assert_eq!(stored[0], composed[0], "composed once, sent as composed");
        assert!(
            stored[1].0.starts_with("Un comentario espera su decisión"),
            "the next one composed when it went, in the chair's language by then: {stored:?}"
        );
    }
}

/// Work done on the worker's connection, as another request would.
type Arrival = Box<dyn FnOnce(&mut AnyConnection) + Send>;

/// A composer that runs `first` (once) when a worker has taken a batch and
/// before the batch is composed: the moment a comment may arrive.
struct ArrivingWhileComposing {
    inner: Arc<dyn Composer>,
    first: Mutex<Option<Arrival>>,
}

impl Composer for ArrivingWhileComposing {
    fn compose(
        &self,
        conn: &mut AnyConnection,
        batch: &BatchToCompose,
        now: DateTime<Utc>,
    ) -> Result<Option<OutgoingEmail>, String> {
        if let Some(arrive) = self.first.lock().unwrap().take() {
            arrive(conn);
        }
        self.inner.compose(conn, batch, now)
    }
}

fn post_with(conn: &mut AnyConnection, author: &SignedInUser, body: &str) -> String {
    with_context(conn, |conn, ctx| {
        let input = CommentInput {
            body: body.to_owned(),
            ..Default::default()
        };
        post(
            conn,
            ctx,
            &Default::default(),
            author,
            (FORUM, RT_3_2),
            &input,
            Utc::now(),
        )
        .expect("the comment is posted")
        .reference
    })
}

#[tokio::test]
async fn a_comment_that_arrives_after_the_worker_took_the_batch_goes_into_the_next_email() {
    for app in TestApp::with_demo().spawn_each().await {
        demo_chairs_quiet(&app).await;
        let smtp = SmtpServer::start().await;
        let (mailer, settings) = (mailer(&app, &smtp), worker_settings(3));
        let chair = chair(&app, "Clara Chair", RT_3_2).await;
        let amina = participant(&app, "Amina Diallo").await;
        let author = signed_in(&amina, "Amina Diallo");
        let first = post_at(&app, &author, "Before the worker came.", Utc::now()).await;
        let arrived = Arc::new(Mutex::new(None));
        let (late_author, record) = (author.clone(), arrived.clone());
        let composer: Arc<dyn Composer> = Arc::new(ArrivingWhileComposing {
            inner: app.composer.clone(),
            first: Mutex::new(Some(Box::new(move |conn: &mut AnyConnection| {
                let reference = post_with(conn, &late_author, "While the worker composed.");
                *record.lock().unwrap() = Some(reference);
            }))),
        });

        let outcome = try_execute_task(&app.pool, &mailer, &composer, &settings, Utc::now())
            .await
            .unwrap();
        assert!(matches!(outcome, TaskOutcome::Sent { .. }), "{outcome:?}");
        let late = arrived.lock().unwrap().clone().expect("it arrived");
        let told = to_chair(&smtp, &chair);
        assert_eq!(listed_comments(&told[0]), [first], "{:?}", app.backend);

        drain(&app, &mailer, &settings, Utc::now() + Duration::minutes(16)).await;
        let told = to_chair(&smtp, &chair);
        assert_eq!(told.len(), 2, "{:?}", app.backend);
        assert_eq!(listed_comments(&told[1]), [late]);
    }
}

#[tokio::test]
async fn each_batch_goes_out_once_however_many_workers_reach_for_it() {
    for first in TestApp::with_demo().spawn_each().await {
        demo_chairs_quiet(&first).await;
        let second = TestApp::with_demo().spawn_beside(&first).await;
        let smtp = SmtpServer::start().await;
        let chair = chair(&first, "Clara Chair", RT_3_2).await;
        let amina = participant(&first, "Amina Diallo").await;
        let author = signed_in(&amina, "Amina Diallo");
        let t0 = Utc::now();
        let mut posted = Vec::new();
        let mut sent = 0;
        // Comments from both instances, then eight workers on the two reach
        // for the batch at once; again a quarter of an hour later.
        for (round, now) in [(0..3, t0), (3..5, t0 + Duration::minutes(15))] {
            for n in round {
                let app = if n % 2 == 0 { &first } else { &second };
                posted.push(post_at(app, &author, &format!("Point {n}."), now).await);
            }
            let attempts: Vec<_> = (0..8)
                .map(|n| {
                    let app = if n % 2 == 0 { &first } else { &second };
                    let (pool, mailer, composer) =
                        (app.pool.clone(), mailer(app, &smtp), app.composer.clone());
                    tokio::spawn(async move {
                        try_execute_task(&pool, &mailer, &composer, &worker_settings(3), now)
                            .await
                            .unwrap()
                    })
                })
                .collect();
            for attempt in attempts {
                if matches!(attempt.await.unwrap(), TaskOutcome::Sent { .. }) {
                    sent += 1;
                }
            }
        }
        let told = to_chair(&smtp, &chair);
        assert_eq!((sent, told.len()), (2, 2), "{:?}", first.backend);
        assert_eq!(batch_rows(&first).await.len(), 2, "one email per batch");
        let listed: Vec<String> = told.iter().flat_map(listed_comments).collect();
        assert_eq!(listed.len(), posted.len(), "each comment in one email");
        for reference in &posted {
            assert!(listed.contains(reference), "{reference}");
        }
        drop(second);
    }
}
