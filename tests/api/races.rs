//! Check-then-insert writes of issue 19 (follows, relevance, tags, themes)
//! when the key gets taken between the check and the write: the second
//! write succeeds as if it had come second and leaves one row, and a theme
//! renamed onto a label taken meanwhile gets the field error, never a 500.
//! The repeated writes run on both backends; the real race (two
//! connections, the second waiting on the first's key) on PostgreSQL, where
//! READ COMMITTED lets both pass the check. SQLite serialises writers.

use crate::helpers::*;
use crate::people::*;
use crate::relevance::comment_in;
use chrono::Utc;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use roundtable::db::queries::following::{self, Follow};
use roundtable::db::queries::report_marks::{self as marks, Renamed};
use roundtable::db::{write_transaction, AnyConnection, Pool, StorageError};
use roundtable::domain::ids::{RoundtableId, UserId};
use roundtable::domain::user::Actor;
use roundtable::services::{report_marks, ServiceError};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// A chair of RT 3.2 and a published comment there: the keys of the writes.
struct Keys {
    chair: UserId,
    roundtable: RoundtableId,
    comment: String,
    reference: String,
}

#[derive(QueryableByName)]
struct Ids {
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = Text)]
    roundtable_id: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

async fn keys(app: &TestApp) -> Keys {
    app.expect_unsent();
    let mut chair = chair(app, "Clara Chair", RT_3_2).await;
    let reference = comment_in(app, &mut chair, "Amina Diallo", true).await;
    let r = reference.clone();
    let ids = app
        .with_conn(move |c| {
            diesel::sql_query("SELECT id, roundtable_id FROM comments WHERE reference = $1")
                .bind::<Text, _>(r)
                .get_result::<Ids>(c)
                .unwrap()
        })
        .await;
    Keys {
        chair: chair.id,
        roundtable: ids.roundtable_id.parse().unwrap(),
        comment: ids.id,
        reference,
    }
}

fn count(conn: &mut AnyConnection, statement: &str, key: &str) -> i64 {
    diesel::sql_query(statement)
        .bind::<Text, _>(key)
        .get_result::<Count>(conn)
        .unwrap()
        .n
}

const FOLLOWS: &str = "SELECT count(*) AS n FROM roundtable_followers WHERE user_id = $1";
const MARKS: &str = "SELECT count(*) AS n FROM comment_relevance WHERE comment_id = $1";
const TAGS: &str = "SELECT count(*) AS n FROM comment_themes WHERE comment_id = $1";
const THEMES: &str = "SELECT count(*) AS n FROM themes WHERE label_key = $1";

fn stop() -> Follow {
    Follow {
        following: false,
        daily_digest: false,
    }
}

fn digest() -> Follow {
    Follow {
        following: true,
        daily_digest: true,
    }
}

#[tokio::test]
async fn races_a_second_write_for_the_same_key_succeeds_and_leaves_one_row() {
    for app in TestApp::with_demo().spawn_each().await {
        let k = keys(&app).await;
        app.with_conn(move |c| {
            let now = Utc::now();
            let actor = k.chair.to_string();
            let rt = k.roundtable.to_string();
            let (user, roundtable) = (k.chair, k.roundtable);
            // All in one transaction: on PostgreSQL a taken key must not
            // abort it (each later statement would fail).
            write_transaction(c, |c| -> Result<(), StorageError> {
                assert_eq!(following::find(c, user, roundtable)?, None, "a new key");
                following::set(c, user, roundtable, digest(), now)?;
                following::set(c, user, roundtable, stop(), now)?;
                assert!(!following::insert(c, user, roundtable, digest(), now)?);
                following::follow_unless_decided(c, user, roundtable, now)?;
                assert_eq!(following::find(c, user, roundtable)?, Some(stop()));

                assert!(marks::set_relevance(c, &k.comment, true, &actor, now)?);
                assert!(!marks::set_relevance(c, &k.comment, true, &actor, now)?);
                assert!(marks::set_relevance(c, &k.comment, false, &actor, now)?);

                let funding = marks::insert_theme(c, &rt, "Funding", "funding", &actor, now)?
                    .expect("a new label");
                let again = marks::insert_theme(c, &rt, "FUNDING", "funding", &actor, now)?;
                assert_eq!(again, None, "the label is taken");
                let jobs = marks::insert_theme(c, &rt, "Jobs", "jobs", &actor, now)?.unwrap();
                let renamed = marks::rename_theme(c, &jobs.id, "Funding", "funding")?;
                assert_eq!(renamed, Renamed::LabelTaken);
                let renamed = marks::rename_theme(c, "no-such-theme", "Other", "other")?;
                assert_eq!(renamed, Renamed::Missing);
                assert_eq!(marks::theme(c, &jobs.id)?.unwrap().label, "Jobs");

                assert!(marks::tag(c, &k.comment, &funding.id, &actor, now)?);
                assert!(!marks::tag(c, &k.comment, &funding.id, &actor, now)?);
                Ok(())
            })
            .expect("every second write succeeds");
            assert_eq!(count(c, FOLLOWS, &k.chair.to_string()), 1);
            assert_eq!(count(c, MARKS, &k.comment), 1);
            assert_eq!(count(c, TAGS, &k.comment), 1);
            assert_eq!(count(c, THEMES, "funding"), 1);
            let marks = marks::relevance_of(c, std::slice::from_ref(&k.comment)).unwrap();
            assert_eq!(marks.get(&k.comment), Some(&false), "the last decision");
        })
        .await;
    }
}

/// How many sessions of this database wait on a lock.
fn waiting(conn: &mut AnyConnection) -> i64 {
    diesel::sql_query(
        "SELECT count(*) AS n FROM pg_stat_activity \
         WHERE datname = current_database() AND wait_event_type = 'Lock'",
    )
    .get_result::<Count>(conn)
    .unwrap()
    .n
}

/// The race, made deterministic: `first` writes in a transaction left open
/// on one connection; `second` runs on another, passes its check (the row
/// is not committed) and waits on the key; only then does the first
/// commit. What `second` returned.
fn race<T: Send + 'static>(
    pool: &Pool,
    first: impl FnOnce(&mut AnyConnection) + Send + 'static,
    second: impl FnOnce(&mut AnyConnection) -> T + Send + 'static,
) -> T {
    let (written, was_written) = mpsc::channel();
    let (commit, may_commit) = mpsc::channel::<()>();
    let p = pool.clone();
    let winner = thread::spawn(move || {
        p.get()
            .unwrap()
            .transaction::<_, diesel::result::Error, _>(|c| {
                first(c);
                written.send(()).unwrap();
                may_commit.recv().unwrap();
                Ok(())
            })
            .unwrap();
    });
    was_written.recv().expect("the first write is done");
    let p = pool.clone();
    let loser = thread::spawn(move || second(&mut p.get().unwrap()));
    let mut watcher = pool.get().unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while waiting(&mut watcher) == 0 {
        assert!(
            Instant::now() < deadline,
            "the second write waits on the key"
        );
        thread::sleep(Duration::from_millis(10));
    }
    commit.send(()).unwrap();
    winner.join().unwrap();
    loser.join().unwrap()
}

#[tokio::test]
async fn races_on_postgresql_the_loser_gets_what_it_would_have_got_second() {
    if postgres_server_unless_ci().is_none() {
        return;
    }
    let app = TestApp::with_demo().spawn(Backend::Postgres).await;
    let k = keys(&app).await;
    let pool = app.pool.clone();
    tokio::task::spawn_blocking(move || {
        let now = Utc::now();
        let (user, roundtable) = (k.chair, k.roundtable);
        let actor = k.chair.to_string();
        let who = Actor {
            id: k.chair,
            staff: false,
        };
        let rt = k.roundtable.to_string();

        // Following: the second choice wins and restarts the digest.
        race(
            &pool,
            move |c| assert!(following::insert(c, user, roundtable, stop(), now).unwrap()),
            move |c| {
                write_transaction(c, |c| following::set(c, user, roundtable, digest(), now))
                    .unwrap()
            },
        );
        let mut c = pool.get().unwrap();
        assert_eq!(
            following::find(&mut c, user, roundtable).unwrap(),
            Some(digest())
        );
        assert_eq!(count(&mut c, FOLLOWS, &actor), 1);

        // Relevance: a different decision changes the row, the same one does not.
        let (comment, a) = (k.comment.clone(), actor.clone());
        let changed = race(
            &pool,
            move |c| assert!(marks::set_relevance(c, &comment, true, &a, now).unwrap()),
            {
                let (comment, a) = (k.comment.clone(), actor.clone());
                move |c| {
                    write_transaction(c, |c| marks::set_relevance(c, &comment, false, &a, now))
                        .unwrap()
                }
            },
        );
        assert!(changed, "not retained after retained");
        let decided = marks::relevance_of(&mut c, std::slice::from_ref(&k.comment)).unwrap();
        assert_eq!(decided.get(&k.comment), Some(&false));
        assert_eq!(count(&mut c, MARKS, &k.comment), 1);

        // A theme created by two chairs at once: the loser tags the
        // winner's theme, and says it created none.
        let (r, a) = (rt.clone(), actor.clone());
        let reference = k.reference.clone();
        let tagged = race(
            &pool,
            move |c| {
                marks::insert_theme(c, &r, "Funding", "funding", &a, now)
                    .unwrap()
                    .unwrap();
            },
            move |c| report_marks::add_theme(c, who, &reference, "FUNDING", now).unwrap(),
        );
        assert!(!tagged.created && tagged.tagged);
        assert_eq!(tagged.theme.label, "Funding");
        assert_eq!(count(&mut c, THEMES, "funding"), 1);

        // The same tag twice at once: one row, the loser changed nothing.
        let jobs = marks::insert_theme(&mut c, &rt, "Jobs", "jobs", &actor, now)
            .unwrap()
            .unwrap();
        let (comment, theme, a) = (k.comment.clone(), jobs.id.clone(), actor.clone());
        let again = race(
            &pool,
            move |c| assert!(marks::tag(c, &comment, &theme, &a, now).unwrap()),
            {
                let (comment, theme, a) = (k.comment.clone(), jobs.id.clone(), actor.clone());
                move |c| write_transaction(c, |c| marks::tag(c, &comment, &theme, &a, now)).unwrap()
            },
        );
        assert!(!again);
        assert_eq!(count(&mut c, TAGS, &k.comment), 2, "Funding and Jobs");

        // Renamed onto a label another chair took meanwhile: the field error.
        let (r, a) = (rt.clone(), actor.clone());
        let refused = race(
            &pool,
            move |c| {
                marks::insert_theme(c, &r, "Budget", "budget", &a, now)
                    .unwrap()
                    .unwrap();
            },
            move |c| {
                let place = (FORUM, RT_3_2);
                report_marks::rename_theme(c, who, place, &jobs.id, "budget", now)
            },
        );
        match refused {
            Err(ServiceError::Invalid(field)) => {
                assert_eq!(field.field, "label");
                assert_eq!(field.message.key, "invalid-theme-taken");
            }
            other => panic!("the label is taken: {other:?}"),
        }
        assert_eq!(count(&mut c, THEMES, "budget"), 1);
        assert_eq!(count(&mut c, THEMES, "jobs"), 1, "not renamed");
    })
    .await
    .unwrap();
}
