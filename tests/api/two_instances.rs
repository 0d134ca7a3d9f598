//! Scale-out as operators run it: nginx on loopback in front of two
//! `roundtable serve` processes on one PostgreSQL database. A session
//! started on one instance holds on the other, rate limits count across
//! both, and each queued email is sent exactly once while both workers run.
//! Needs PostgreSQL (ROUNDTABLE_TEST_POSTGRES) and nginx (.ci/run installs it).

use crate::helpers::*;
use crate::people::PASSWORD;
use crate::processes::ServerProcess;
use crate::smtp_server::SmtpServer;
use chrono::Utc;
use diesel::Connection;
use roundtable::config::DatabaseTarget;
use roundtable::db::{build_pool, StorageError};
use roundtable::outbox::{self, OutgoingEmail};
use roundtable::text::SafeHtml;
use std::collections::{HashMap, HashSet};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn nginx_binary() -> Option<&'static str> {
    ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
}

struct Nginx {
    child: Child,
    port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// nginx in the foreground with a configuration of its own in `dir`,
/// round-robin over the instances, telling which one answered.
fn start_nginx(binary: &str, dir: &std::path::Path, upstreams: &[u16]) -> Nginx {
    let port = free_port();
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let servers: String = upstreams
        .iter()
        .map(|p| format!("    server 127.0.0.1:{p};\n"))
        .collect();
    let d = dir.display();
    let config = format!(
        "{user}daemon off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n\
           fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n\
           upstream roundtable {{\n{servers}  }}\n\
           server {{\n    listen 127.0.0.1:{port};\n    location / {{\n      proxy_pass http://roundtable;\n\
               proxy_set_header Host $http_host;\n      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n\
               proxy_set_header X-Forwarded-Proto $scheme;\n      add_header X-Upstream $upstream_addr always;\n    }}\n  }}\n}}\n",
        user = if root { "user root;\n" } else { "" },
    );
    std::fs::write(dir.join("nginx.conf"), config).unwrap();
    let child = Command::new(binary)
        .args(["-p", &d.to_string(), "-c", &format!("{d}/nginx.conf")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx starts");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "nginx listens: {}",
            std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Nginx { child, port }
}

fn csrf_of(html: &str) -> String {
    csrf_token_in(html).expect("a form with its anti-forgery token")
}

#[tokio::test]
async fn two_instances_behind_nginx_share_sessions_limits_and_the_outbox() {
    let (Some(_), Some(nginx)) = (postgres_server(), nginx_binary()) else {
        // CI provides both: there a missing one is a failure, not a skip.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run this test: install nginx"
        );
        eprintln!("skipped: needs ROUNDTABLE_TEST_POSTGRES and nginx (bash .ci/run provides both)");
        return;
    };
    let database = create_postgres_database();
    let url = database_url(&postgres_server().unwrap(), &database.name);
    let dir = tempfile::tempdir().unwrap();
    let smtp = SmtpServer::start().await;
    let nginx_port = free_port();
    let env = |name: &str| {
        let data = dir.path().join(name);
        HashMap::from([
            ("ROUNDTABLE_DATA_DIR", data.to_string_lossy().into_owned()),
            ("DATABASE_URL", url.clone()),
            ("ROUNDTABLE_SMTP_URL", smtp.url().to_string()),
            ("ROUNDTABLE_TRUSTED_PROXIES", "127.0.0.1".into()),
            (
                "ROUNDTABLE_BASE_URL",
                format!("http://127.0.0.1:{nginx_port}/"),
            ),
            // Both load the demo into the empty database at once: they take turns.
            ("ROUNDTABLE_DEMO", "true".into()),
        ])
    };
    let (first_env, second_env) = (env("first"), env("second"));
    let (first, second) = tokio::join!(
        tokio::task::spawn_blocking(move || ServerProcess::start(&first_env)),
        tokio::task::spawn_blocking(move || ServerProcess::start(&second_env)),
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    let _ = nginx_port;
    let proxy = start_nginx(nginx, dir.path(), &[first.port, second.port]);
    let base = format!("http://127.0.0.1:{}", proxy.port);
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &str| client.get(format!("{base}{path}")).send();

    // A session started through one instance holds on the other.
    let (status, _) = {
        let r = get("/").await.unwrap();
        (r.status().as_u16(), r.text().await.unwrap())
    };
    assert_eq!(status, 200, "the demo loaded once, on either instance");
    let form = get("/register").await.unwrap().text().await.unwrap();
    let registered = client
        .post(format!("{base}/register"))
        .form(&[
            ("csrf_token", csrf_of(&form).as_str()),
            ("email", "twin@example.org"),
            ("password", PASSWORD),
            ("display_name", "Tess Twin"),
            ("organisation", "Two Cities"),
            ("organisation_type", "local_authority"),
            ("country", "NL"),
            ("consent", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status().as_u16(), 200);
    let form = get("/sign-in").await.unwrap().text().await.unwrap();
    let signed_in = client
        .post(format!("{base}/sign-in"))
        .form(&[
            ("csrf_token", csrf_of(&form).as_str()),
            ("email", "twin@example.org"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status().as_u16(), 303);
    let mut upstreams = HashSet::new();
    for _ in 0..6 {
        let response = get("/account").await.unwrap();
        upstreams.insert(
            response.headers()["x-upstream"]
                .to_str()
                .unwrap()
                .to_owned(),
        );
        assert_eq!(response.status().as_u16(), 200);
        assert!(response.text().await.unwrap().contains("Tess Twin"));
    }
    assert_eq!(upstreams.len(), 2, "both instances answered: {upstreams:?}");

    // Rate limits count across both: 8 sign-in attempts per account in 15
    // minutes, and Tess already used one. Per instance, each would have seen
    // about half and let all of these through.
    let stranger = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let form = stranger
        .get(format!("{base}/sign-in"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let (mut statuses, mut answered_by) = (Vec::new(), HashSet::new());
    // One request after the other: nginx sends them to each instance in turn.
    for _ in 0..9 {
        let response = stranger
            .post(format!("{base}/sign-in"))
            .form(&[
                ("csrf_token", csrf_of(&form).as_str()),
                ("email", "twin@example.org"),
                ("password", "not the password"),
            ])
            .send()
            .await
            .unwrap();
        answered_by.insert(
            response.headers()["x-upstream"]
                .to_str()
                .unwrap()
                .to_owned(),
        );
        statuses.push(response.status().as_u16());
    }
    assert_eq!(answered_by.len(), 2, "both instances counted attempts");
    assert_eq!(
        statuses.iter().position(|s| *s == 429),
        Some(8),
        "the 9th failure on the account (the earlier successful sign-in does not count), \
         counted across both instances: {statuses:?}"
    );

    // Each queued email is sent once while both instances' workers run.
    let pool = build_pool(&DatabaseTarget::parse(&url).unwrap(), Default::default()).unwrap();
    let queued = 40;
    let before = smtp.received().len();
    {
        let pool = pool.clone();
        tokio::task::spawn_blocking(move || {
            pool.get()
                .unwrap()
                .transaction::<_, StorageError, _>(|c| {
                    for n in 0..queued {
                        outbox::enqueue(
                            c,
                            &OutgoingEmail {
                                kind: "test".into(),
                                recipient: format!("reader{n}@example.org"),
                                subject: format!("Twin email {n}"),
                                body_text: format!("Body {n}"),
                                body_html: SafeHtml::from_escaped_template(format!("<p>{n}</p>")),
                                headers: vec![],
                                dedup_key: None,
                            },
                            Utc::now(),
                        )?;
                    }
                    Ok(())
                })
                .unwrap()
        })
        .await
        .unwrap();
    }
    let started = Instant::now();
    while smtp.received().len() < before + queued && started.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // A little longer, to catch a second copy of any of them.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let twins: Vec<String> = smtp
        .received()
        .iter()
        .filter_map(|m| m.header("Subject"))
        .filter(|s| s.starts_with("Twin email"))
        .collect();
    let distinct: HashSet<&String> = twins.iter().collect();
    assert_eq!(twins.len(), queued, "each email exactly once");
    assert_eq!(distinct.len(), queued);
    let senders: HashSet<bool> = [&first, &second]
        .iter()
        .map(|s| {
            s.log
                .lock()
                .unwrap()
                .iter()
                .any(|l| l.contains("email sent"))
        })
        .collect();
    assert!(senders.contains(&true), "the workers sent them");
    drop(pool);
    drop((proxy, first, second));
    drop(database);
}
