use crate::helpers::*;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

#[tokio::test]
async fn healthz_answers_when_the_database_does() {
    for app in TestApp::empty().spawn_each().await {
        let (status, body) = app.get_text("/healthz").await;
        assert_eq!(status, 200, "{:?}", app.backend);
        assert_eq!(body, "ok\n");
    }
}

#[tokio::test]
async fn healthz_fails_when_the_database_is_gone() {
    // SQLite is a file the process holds open and cannot lose this way; the
    // PostgreSQL case runs whenever ROUNDTABLE_TEST_POSTGRES is set (as in CI).
    let Some(server) = postgres_server() else {
        eprintln!("skipped: needs ROUNDTABLE_TEST_POSTGRES");
        return;
    };
    let app = TestApp::empty().spawn(Backend::Postgres).await;
    assert_eq!(app.get_text("/healthz").await.0, 200);
    let roundtable::config::DatabaseTarget::Postgres(url) = &app.settings.database else {
        unreachable!()
    };
    let name = url.rsplit('/').next().unwrap().to_owned();
    let mut admin_url = url::Url::parse(&server).unwrap();
    admin_url.set_path("postgres");
    let mut admin = PgConnection::establish(admin_url.as_str()).unwrap();
    admin
        .batch_execute(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
        .unwrap();

    let (status, body) = app.get_text("/healthz").await;
    assert_eq!(status, 503);
    assert!(body.contains("database"));
    // Pages say so in the layout instead of failing blankly.
    let response = app.get("/").await;
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(response.headers()["retry-after"], "30");
    assert!(response
        .text()
        .await
        .unwrap()
        .contains("cannot reach its database"));
}
