use crate::helpers::*;
use chrono::Utc;
use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::Connection;
use roundtable::services::{accounts, demo, pages};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

struct QueryCounter(Arc<AtomicUsize>);

impl Instrumentation for QueryCounter {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { .. } = event {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
}

fn queries_for_roundtable_page(
    conn: &mut roundtable::db::AnyConnection,
    reader: Option<roundtable::domain::user::Actor>,
) -> (usize, usize) {
    let counter = Arc::new(AtomicUsize::new(0));
    conn.set_instrumentation(QueryCounter(counter.clone()));
    let page = pages::roundtable_page(conn, FORUM, RT_3_2, reader, Utc::now(), pages::Visit::Count)
        .unwrap();
    conn.set_instrumentation(QueryCounter(Arc::new(AtomicUsize::new(0))));
    (counter.load(Ordering::SeqCst), page.public_comments)
}

/// The roundtable page costs the same few queries with 20 comments or
/// 1,000, for a visitor (8) and for a signed-in reader coming back (10: their
/// last visit is read and the new one recorded).
#[tokio::test]
async fn a_roundtable_page_costs_a_fixed_number_of_queries() {
    for app in TestApp::with_demo().spawn_each().await {
        let reader = app
            .with_conn(|conn| {
                let created = accounts::create_admin(
                    conn,
                    "reader@example.org",
                    "Reader",
                    "tea kettle harbour",
                    Utc::now(),
                )
                .unwrap();
                let accounts::AdminAccount::Created(id) = created else {
                    panic!("a new account")
                };
                let reader = roundtable::domain::user::Actor { id, staff: false };
                // The first visit also inserts the visit row; count later ones.
                pages::roundtable_page(
                    conn,
                    FORUM,
                    RT_3_2,
                    Some(reader),
                    Utc::now(),
                    pages::Visit::Count,
                )
                .unwrap();
                reader
            })
            .await;
        let (before, comments_before) = app
            .with_conn(|conn| queries_for_roundtable_page(conn, None))
            .await;
        let (reader_before, _) = app
            .with_conn(move |conn| queries_for_roundtable_page(conn, Some(reader)))
            .await;
        app.with_conn(|conn| {
            demo::add_synthetic_comments(conn, FORUM, RT_3_2, 1000, Utc::now()).unwrap()
        })
        .await;
        let (after, comments_after) = app
            .with_conn(|conn| queries_for_roundtable_page(conn, None))
            .await;
        let (reader_after, _) = app
            .with_conn(move |conn| queries_for_roundtable_page(conn, Some(reader)))
            .await;
        assert_eq!(comments_after, comments_before + 1000);
        assert_eq!(
            (before, reader_before),
            (after, reader_after),
            "{:?}: query count must not grow with comments",
            app.backend
        );
        // Nine, plus the late comments, the deadline changes and the
        // outcome's versions; a signed-in reader adds their last visit,
        // recording this one, and following.
        assert_eq!((after, reader_after), (12, 15), "{:?}", app.backend);
    }
}
