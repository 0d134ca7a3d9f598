//! Email that respects the inbox (issue #16), against the real outbox
//! worker and a real SMTP server on loopback, on both backends: a chair on
//! "at once" hears of the first waiting comment at once, then at most once
//! a quarter of an hour of everything that arrived meanwhile, even with two
//! instances on one database; an author's decisions of a minute make one
//! email. Time moves by giving the services and the worker a chosen "now".

use crate::helpers::*;
use crate::mail::{drain, mailer, worker_settings};
use crate::people::*;
use crate::smtp_server::{ReceivedMail, SmtpServer};
use chrono::{DateTime, Duration, Utc};
use roundtable::db::AnyConnection;
use roundtable::domain::affiliation::{Affiliation, Country, OrganisationType};
use roundtable::domain::user::{Role, SignedInUser};
use roundtable::i18n::Language;
use roundtable::outbox::worker::try_execute_task;
use roundtable::services::comments::{post_comment as post, CommentInput};
use roundtable::services::emails::{self, EmailContext};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The comments an email to a chair names, by the queue link of each.
pub fn listed_comments(mail: &ReceivedMail) -> Vec<String> {
    let text = mail.part("text/plain").expect("a plain-text part");
    let marker = format!("{BASE_URL}moderation/");
    text.match_indices(&marker)
        .map(|(at, _)| {
            text[at + marker.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect::<String>()
        })
        .filter(|r| r.starts_with("c-"))
        .collect()
}

/// What the chair has received so far.
pub fn to_chair(smtp: &SmtpServer, chair: &Person) -> Vec<ReceivedMail> {
    mails_to(&smtp.received(), &chair.email)
        .into_iter()
        .cloned()
        .collect()
}

fn assert_plain(mail: &ReceivedMail) {
    let text = mail.part("text/plain").unwrap();
    assert!(
        !text.contains("**") && !text.contains("]("),
        "excerpts without Markdown: {text}"
    );
}

#[tokio::test]
async fn fifty_comments_in_a_minute_reach_a_chair_on_at_once_in_at_most_two_emails() {
    for first in TestApp::with_demo().spawn_each().await {
        // Two instances on one database, each with its outbox worker.
        let second = TestApp::with_demo().spawn_beside(&first).await;
        let smtp = SmtpServer::start().await;
        let chair = chair(&first, "Clara Chair", RT_3_2).await;
        let mut authors = Vec::new();
        for n in 0..5 {
            authors.push(participant(&first, &format!("Author {n}")).await);
            authors.push(participant(&second, &format!("Writer {n}")).await);
        }
        let running = Arc::new(AtomicBool::new(true));
        let workers: Vec<_> = [&first, &second]
            .into_iter()
            .map(|app| {
                let (pool, mailer, composer, running) = (
                    app.pool.clone(),
                    mailer(app, &smtp),
                    app.composer.clone(),
                    running.clone(),
                );
                tokio::spawn(async move {
                    let settings = worker_settings(3);
                    while running.load(Ordering::Relaxed) {
                        try_execute_task(&pool, &mailer, &composer, &settings, Utc::now())
                            .await
                            .expect("the worker runs");
                        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                    }
                })
            })
            .collect();

        // Ten participants post five comments each, all at the same time.
        let start = Utc::now();
        let posting: Vec<_> = authors
            .into_iter()
            .enumerate()
            .map(|(n, mut author)| {
                tokio::spawn(async move {
                    let mut references = Vec::new();
                    for k in 0..5 {
                        let body = format!(
                            "**Point {n}.{k}**: see   [the survey](https://example.org/{n}/{k})\n\nand *more*."
                        );
                        let response = post_comment(&mut author, RT_3_2, &body, &[]).await;
                        assert_eq!(response.status().as_u16(), 303, "posted");
                        references.push(posted_reference(&response));
                    }
                    references
                })
            })
            .collect();
        let mut posted = Vec::new();
        for task in posting {
            posted.extend(task.await.unwrap());
        }
        assert_eq!(posted.len(), 50);
        assert!(
            Utc::now() - start < Duration::seconds(60),
            "all fifty arrived within a minute"
        );
        // Give the workers a moment for anything due, then stop them.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        running.store(false, Ordering::Relaxed);
        for worker in workers {
            worker.await.unwrap();
        }
        assert_eq!(
            to_chair(&smtp, &chair).len(),
            1,
            "{:?}: the first comment at once, the rest held",
            first.backend
        );

        // The minute ends: still one email; at most two is the promise.
        let minute_later = start + Duration::seconds(60);
        for app in [&first, &second] {
            drain(app, &mailer(app, &smtp), &worker_settings(3), minute_later).await;
        }
        let in_the_minute = to_chair(&smtp, &chair);
        assert!(
            (1..=2).contains(&in_the_minute.len()),
            "{}",
            in_the_minute.len()
        );

        // A quarter of an hour after the first: everything else, in one email.
        let later = start + Duration::minutes(16);
        for app in [&second, &first] {
            drain(app, &mailer(app, &smtp), &worker_settings(3), later).await;
        }
        let all = to_chair(&smtp, &chair);
        assert_eq!(all.len(), 2, "{:?}", first.backend);
        let mut seen: HashMap<String, usize> = HashMap::new();
        for mail in &all {
            assert_plain(mail);
            for reference in listed_comments(mail) {
                *seen.entry(reference).or_default() += 1;
            }
        }
        for reference in &posted {
            assert_eq!(
                seen.get(reference),
                Some(&1),
                "{:?}: {reference} in exactly one email",
                first.backend
            );
        }
        assert_eq!(seen.len(), posted.len(), "nothing else listed");
        let held = all[1].part("text/plain").unwrap();
        assert!(
            all[1]
                .header("Subject")
                .unwrap()
                .ends_with("new comments wait for your decision"),
            "{held}"
        );
        assert!(held.contains("\"Point "), "{held}");
        assert!(held.contains(": see the survey and more.\""), "{held}");
        drop(second);
    }
}

/// Signs the emails' links with the app's secret, as the server does.
pub fn with_context<T>(
    conn: &mut AnyConnection,
    work: impl FnOnce(&mut AnyConnection, EmailContext<'_>) -> T,
) -> T {
    let templates = templates();
    let signer = emails::link_signer(conn).unwrap();
    let base = url::Url::parse(BASE_URL).unwrap();
    let ctx = EmailContext {
        templates: &templates,
        base_url: &base,
        signer: &signer,
        language: Language::En,
    };
    work(conn, ctx)
}

/// A participant as the services see them once signed in.
pub fn signed_in(person: &Person, name: &str) -> SignedInUser {
    SignedInUser {
        id: person.id,
        email: person.email.clone(),
        affiliation: Affiliation {
            display_name: name.into(),
            organisation: format!("{name}'s Association"),
            organisation_type: Some(OrganisationType::CivilSociety),
            country: Some(Country::parse("country", "GE").unwrap()),
        },
        role: Role::Participant,
        verified: true,
        gender: None,
        is_chair: false,
        language: None,
    }
}

/// Posts a comment through the service, at `at`.
pub async fn post_at(
    app: &TestApp,
    author: &SignedInUser,
    body: &str,
    at: DateTime<Utc>,
) -> String {
    let (author, body) = (author.clone(), body.to_owned());
    app.with_conn(move |conn| {
        with_context(conn, |conn, ctx| {
            let input = CommentInput {
                body,
                ..Default::default()
            };
            post(
                conn,
                ctx,
                &Default::default(),
                &author,
                (FORUM, RT_3_2),
                &input,
                at,
            )
            .expect("the comment is posted")
            .reference
        })
    })
    .await
}

#[tokio::test]
async fn a_chair_on_at_once_hears_at_most_once_a_quarter_of_an_hour() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let (mailer, settings) = (mailer(&app, &smtp), worker_settings(3));
        let chair = chair(&app, "Clara Chair", RT_3_2).await;
        let amina = participant(&app, "Amina Diallo").await;
        let amina = signed_in(&amina, "Amina Diallo");
        let t0 = Utc::now();
        let at = |minutes: i64| t0 + Duration::minutes(minutes);
        let sent = |smtp: &SmtpServer| to_chair(smtp, &chair);

        let one = post_at(&app, &amina, "The first of the morning.", t0).await;
        drain(&app, &mailer, &settings, t0).await;
        assert_eq!(sent(&smtp).len(), 1, "the first at once");
        assert_eq!(listed_comments(&sent(&smtp)[0]), [one]);
        assert!(sent(&smtp)[0]
            .header("Subject")
            .unwrap()
            .starts_with("A comment waits for your decision in RT 3.2"));

        let two = post_at(&app, &amina, "Two minutes later.", at(2)).await;
        let three = post_at(&app, &amina, "Ten minutes later.", at(10)).await;
        drain(&app, &mailer, &settings, at(10)).await;
        drain(&app, &mailer, &settings, at(15) - Duration::milliseconds(1)).await;
        assert_eq!(sent(&smtp).len(), 1, "held for a quarter of an hour");
        drain(&app, &mailer, &settings, at(15)).await;
        assert_eq!(sent(&smtp).len(), 2);
        assert_eq!(listed_comments(&sent(&smtp)[1]), [two, three]);

        // The next quarter counts from the email before, not from the comment.
        let four = post_at(&app, &amina, "Twenty minutes in.", at(20)).await;
        drain(&app, &mailer, &settings, at(29)).await;
        assert_eq!(sent(&smtp).len(), 2);
        drain(&app, &mailer, &settings, at(30)).await;
        assert_eq!(sent(&smtp).len(), 3);
        assert_eq!(listed_comments(&sent(&smtp)[2]), [four]);

        // After a quiet while, at once again.
        let five = post_at(&app, &amina, "After lunch.", at(180)).await;
        drain(&app, &mailer, &settings, at(180)).await;
        assert_eq!(sent(&smtp).len(), 4, "{:?}", app.backend);
        assert_eq!(listed_comments(&sent(&smtp)[3]), [five]);
    }
}

#[tokio::test]
async fn eight_decisions_for_one_author_within_a_minute_make_one_email() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let (mailer, settings) = (mailer(&app, &smtp), worker_settings(3));
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let mut references = Vec::new();
        for n in 0..8 {
            let body = format!(
                "**Proposal {n}**: fund [language courses](https://example.org/{n}) in every town."
            );
            references.push(posted_reference(
                &post_comment(&mut author, RT_3_2, &body, &["2"]).await,
            ));
        }
        deliver(&app, &smtp).await;
        assert!(mails_to(&smtp.received(), &author.email).is_empty());

        let started = Utc::now();
        let refs: Vec<&str> = references.iter().map(String::as_str).collect();
        let (status, _) = decide(&mut chair, &refs[..5], &[("action", "publish")]).await;
        assert_eq!(status, 200);
        let (status, _) = decide(
            &mut chair,
            &refs[5..],
            &[
                ("action", "reject"),
                ("reason", "off_topic"),
                ("note", "Please keep to the question."),
            ],
        )
        .await;
        assert_eq!(status, 200);
        drain(&app, &mailer, &settings, Utc::now()).await;
        assert!(
            mails_to(&smtp.received(), &author.email).is_empty(),
            "held a minute for the decisions that follow"
        );

        drain(&app, &mailer, &settings, started + Duration::seconds(61)).await;
        let received = smtp.received();
        let told = mails_to(&received, &author.email);
        assert_eq!(
            told.len(),
            1,
            "{:?}: one email for eight decisions",
            app.backend
        );
        assert_eq!(
            told[0].header("Subject").as_deref(),
            Some("Chairs decided on 8 of your comments")
        );
        // Each decision is named by a plain excerpt; a rejected comment's
        // text follows as typed, for its author to reuse.
        let text = told[0].part("text/plain").unwrap();
        for (n, reference) in references.iter().enumerate() {
            let excerpt = format!("\"Proposal {n}: fund language courses in every town.\"");
            assert_eq!(text.matches(&excerpt).count(), 1, "{excerpt} in {text}");
            if n < 5 {
                assert!(text.contains(&format!("?comment={reference}#{reference}")));
            }
        }
        assert_eq!(text.matches(": Published").count(), 5, "{text}");
        assert_eq!(text.matches(": Not published").count(), 3, "{text}");
        assert_eq!(text.matches("Reason: Off-topic").count(), 3);
        assert_eq!(
            text.matches("Note from the chair: Please keep to the question.")
                .count(),
            3
        );
        assert!(text.contains("RT 3.2"), "each names its roundtable");

        // A decision on its own is an email on its own, a minute later.
        let (status, _) = decide(
            &mut chair,
            &refs[..1],
            &[("action", "unpublish"), ("reason", "duplicate")],
        )
        .await;
        assert_eq!(status, 200);
        drain(&app, &mailer, &settings, Utc::now() + Duration::seconds(61)).await;
        let received = smtp.received();
        let told = mails_to(&received, &author.email);
        assert_eq!(told.len(), 2);
        let single = told[1].part("text/plain").unwrap();
        assert!(single.contains("unpublished your comment"), "{single}");
        assert!(single.contains("Reason: Duplicate of another comment"));
        assert!(
            single.contains("**Proposal 0**: fund"),
            "the text as typed, to reuse: {single}"
        );
    }
}
