use crate::helpers::*;
use chrono::Utc;
use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::Connection;
use roundtable::services::{demo, pages};
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

fn queries_for_roundtable_page(conn: &mut roundtable::db::AnyConnection) -> (usize, usize) {
    let counter = Arc::new(AtomicUsize::new(0));
    conn.set_instrumentation(QueryCounter(counter.clone()));
    let page = pages::roundtable_page(conn, FORUM, RT_3_2).unwrap();
    conn.set_instrumentation(QueryCounter(Arc::new(AtomicUsize::new(0))));
    (counter.load(Ordering::SeqCst), page.public_comments)
}

/// The roundtable page costs the same few queries with 20 comments or 1,000.
#[tokio::test]
async fn a_roundtable_page_costs_a_fixed_number_of_queries() {
    for app in TestApp::with_demo().spawn_each().await {
        let (before, comments_before) = app.with_conn(queries_for_roundtable_page).await;
        app.with_conn(|conn| {
            demo::add_synthetic_comments(conn, FORUM, RT_3_2, 1000, Utc::now()).unwrap()
        })
        .await;
        let (after, comments_after) = app.with_conn(queries_for_roundtable_page).await;
        assert_eq!(comments_after, comments_before + 1000);
        assert_eq!(
            before, after,
            "{:?}: query count must not grow with comments",
            app.backend
        );
        assert_eq!(after, 8, "{:?}", app.backend);
    }
}
