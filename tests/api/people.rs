//! People for the comment and moderation tests: verified participants and
//! chairs with passwords, signed in through the real sign-in form, and the
//! emails the outbox sends them through a real SMTP server.

use crate::helpers::*;
use crate::mail::{drain, mailer, worker_settings};
use crate::smtp_server::{ReceivedMail, SmtpServer};
use chrono::Utc;
use roundtable::db::queries::{roundtables, users};
use roundtable::domain::affiliation::{Affiliation, Country, OrganisationType};
use roundtable::domain::ids::UserId;
use roundtable::domain::user::{EmailAddress, NewUser, Role};
use roundtable::services::passwords;

pub const PASSWORD: &str = "tea kettle harbour";

pub struct Person {
    pub id: UserId,
    pub email: String,
    pub browser: Browser,
}

impl Person {
    /// The server's address, for requests the browser helper does not make.
    pub fn browser_base(&self) -> String {
        self.browser.base.clone()
    }
}

/// Stores an account directly (verified or not), then signs in with the form.
pub async fn person_with(app: &TestApp, name: &str, role: Role, verified: bool) -> Person {
    let email = format!("{}@example.org", name.to_lowercase().replace(' ', "."));
    let user = NewUser {
        id: UserId::generate(),
        email: EmailAddress::parse("email", &email).unwrap(),
        affiliation: Affiliation {
            display_name: name.into(),
            organisation: format!("{name}'s Association"),
            organisation_type: Some(OrganisationType::CivilSociety),
            country: Some(Country::parse("country", "GE").unwrap()),
        },
        gender: None,
        role,
        password_hash: Some(passwords::hash_password(PASSWORD).unwrap()),
        verified_at: verified.then(Utc::now),
        consented_at: Some(Utc::now()),
        terms_version: None,
    };
    let id = user.id;
    app.with_conn(move |conn| users::insert(conn, &user, Utc::now()).unwrap())
        .await;
    let mut browser = app.browser();
    browser.get("/sign-in").await;
    let response = browser
        .post("/sign-in", &[("email", &email), ("password", PASSWORD)])
        .await;
    assert_eq!(response.status().as_u16(), 303, "{name} signs in");
    browser.get("/account").await;
    Person { id, email, browser }
}

impl TestApp {
    /// A verified participant, signed in.
    pub async fn with_participant(&self, name: &str) -> Person {
        person_with(self, name, Role::Participant, true).await
    }

    /// A participant who chairs the given roundtable of the demo forum,
    /// signed in.
    pub async fn with_chair(&self, name: &str, roundtable: &str) -> Person {
        chair(self, name, roundtable).await
    }
}

pub async fn participant(app: &TestApp, name: &str) -> Person {
    app.with_participant(name).await
}

/// A participant who chairs the given roundtable of the demo forum.
pub async fn chair(app: &TestApp, name: &str, roundtable: &str) -> Person {
    let person = participant(app, name).await;
    let (id, roundtable) = (person.id, roundtable.to_owned());
    app.with_conn(move |conn| {
        let rt = roundtable::services::roundtables::roundtable_detail(conn, FORUM, &roundtable)
            .unwrap()
            .roundtable
            .id;
        roundtables::assign_chair(conn, rt, id, None, Utc::now()).unwrap()
    })
    .await;
    // Reload a page so that the layout knows the new chair.
    let mut person = person;
    person.browser.get("/account").await;
    person
}

/// Sends what the outbox holds, batches held back on purpose included
/// (each as if its time had come: a chair's comments after the first, an
/// author's decisions), and returns every email the server has received.
pub async fn deliver(app: &TestApp, smtp: &SmtpServer) -> Vec<ReceivedMail> {
    let (mailer, settings) = (mailer(app, smtp), worker_settings(3));
    let mut now = Utc::now();
    drain(app, &mailer, &settings, now).await;
    while let Some(due) = app.next_held_batch().await {
        now = now.max(due);
        drain(app, &mailer, &settings, now).await;
    }
    smtp.received()
}

/// The emails received so far that went to `address`.
pub fn mails_to<'a>(mails: &'a [ReceivedMail], address: &str) -> Vec<&'a ReceivedMail> {
    mails
        .iter()
        .filter(|m| m.to.iter().any(|to| to.contains(address)))
        .collect()
}

/// The path of the first link to `path` in the plain-text part.
pub fn link_in(mail: &ReceivedMail, path: &str) -> String {
    let text = mail.part("text/plain").expect("a plain-text part");
    let start = text
        .find(&format!("{BASE_URL}{path}"))
        .unwrap_or_else(|| panic!("a {path} link in {text}"));
    let link: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    format!("/{}", link.trim_start_matches(BASE_URL))
}

/// The reference of the comment a redirect after posting points at.
pub fn posted_reference(response: &reqwest::Response) -> String {
    let location = response
        .headers()
        .get("location")
        .expect("a redirect to the comment")
        .to_str()
        .unwrap();
    location
        .rsplit_once('#')
        .expect("an anchor on the comment")
        .1
        .to_owned()
}

pub fn roundtable_path(roundtable: &str) -> String {
    format!("/c/{FORUM}/{roundtable}")
}

/// Posts a comment on a roundtable of the demo forum through the form.
pub async fn post_comment(
    person: &mut Person,
    roundtable: &str,
    body: &str,
    questions: &[&str],
) -> reqwest::Response {
    let path = roundtable_path(roundtable);
    person.browser.get(&path).await;
    let mut fields = vec![("body", body), ("intent", "post")];
    fields.extend(questions.iter().map(|q| ("questions", *q)));
    person
        .browser
        .post(&format!("{path}/comments"), &fields)
        .await
}

/// Posts a reply to a published comment through the reply form.
pub async fn post_reply(
    person: &mut Person,
    roundtable: &str,
    parent: &str,
    body: &str,
) -> reqwest::Response {
    let path = roundtable_path(roundtable);
    let (status, _) = person
        .browser
        .get(&format!("{path}/comments/{parent}/reply"))
        .await;
    assert_eq!(status, 200, "the reply form for {parent}");
    person
        .browser
        .post(
            &format!("{path}/comments"),
            &[("body", body), ("parent", parent), ("intent", "post")],
        )
        .await
}

/// A chair's decision through the queue's form, followed as a browser
/// follows it: a decision that applies answers 303 to the queue, whose page
/// (with the confirmation) comes back here with its status; any other
/// answer (409, 422…) comes back as it is.
pub async fn decide(
    person: &mut Person,
    references: &[&str],
    fields: &[(&str, &str)],
) -> (u16, String) {
    person.browser.get("/moderation").await;
    let mut form: Vec<(&str, &str)> = references.iter().map(|r| ("comment", *r)).collect();
    form.extend_from_slice(fields);
    let response = person.browser.post("/moderation/decide", &form).await;
    let status = response.status().as_u16();
    if status == 303 {
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            location.starts_with("/moderation"),
            "back to the queue: {location}"
        );
        let path = location.split('#').next().unwrap();
        return person.browser.get(path).await;
    }
    (status, response.text().await.unwrap())
}

/// The status of a comment as stored.
pub async fn status_of(app: &TestApp, reference: &str) -> String {
    let reference = reference.to_owned();
    app.with_conn(move |conn| {
        roundtable::db::queries::comments::find_by_reference(conn, &reference)
            .unwrap()
            .expect("the comment exists")
            .comment
            .status
            .code()
            .to_owned()
    })
    .await
}

/// Turns a demo roundtable to post-moderation, or moves its comment period.
pub async fn sql(app: &TestApp, statement: String) {
    use diesel::connection::SimpleConnection;
    app.with_conn(move |conn| conn.batch_execute(&statement).unwrap())
        .await;
}
