//! Search where chairs work (issue 18), on both backends: the possible
//! duplicates of each waiting comment in the queue and on its own page,
//! rejecting one as a duplicate from there, the queue's fixed query count,
//! and exports narrowed by a search query.

use crate::digests::{column, download, rows};
use crate::helpers::*;
use crate::people::*;
use crate::search::post_in;
use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::Connection;
use roundtable::domain::user::{Actor, Role};
use roundtable::services::moderation::{self, QueueRequest};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

const TEXT: &str =
    "Municipal interpreters should be paid from the national budget, not by volunteers.";

/// The part of a queue page that is one comment's card.
fn card<'a>(page: &'a str, reference: &str) -> &'a str {
    let start = page
        .find(&format!(r#"<li class="card queue-item" id="{reference}""#))
        .unwrap_or_else(|| panic!("a card for {reference}"));
    let rest = &page[start + 1..];
    let end = [
        rest.find(r#"<li class="card queue-item""#),
        rest.find("</ol>"),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(rest.len());
    &page[start..start + 1 + end]
}

/// The references the "possible duplicates" of a card (or page) link to, in order.
fn duplicates_in(html: &str) -> Vec<String> {
    let Some(at) = html.find(r#"<div class="duplicates">"#) else {
        return Vec::new();
    };
    let block = &html[at..at + html[at..].find("</div>").unwrap()];
    block
        .split(r#"<p class="meta"><a href=""#)
        .skip(1)
        .map(|link| {
            let text = &link[link.find('>').unwrap() + 1..];
            text[..text.find('<').unwrap()].to_owned()
        })
        .collect()
}

/// The hidden fields of the form with this id, unescaped.
fn form_fields(page: &str, id: &str) -> Vec<(String, String)> {
    let start = page
        .find(&format!(r#"id="{id}""#))
        .unwrap_or_else(|| panic!("a form {id}"));
    let form = &page[start..start + page[start..].find("</form>").unwrap()];
    form.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .map(|input| {
            let name = &input[..input.find('"').unwrap()];
            let value = input.split("value=\"").nth(1).unwrap();
            let value = &value[..value.find('"').unwrap()];
            (name.to_owned(), value.replace("&amp;", "&"))
        })
        .filter(|(name, _)| name != "csrf_token")
        .collect()
}

/// A published comment, its pasted copy and an unrelated comment waiting.
async fn a_copy_waits(app: &TestApp, chair: &mut Person) -> (String, String, String) {
    let mut author = participant(app, "Amina Diallo").await;
    let mut copier = participant(app, "Carl Copier").await;
    let original = post_in(&mut author, RT_3_2, "en", TEXT, &[]).await;
    let similar = post_in(
        &mut author,
        RT_3_2,
        "en",
        "Interpreters in municipal offices are mostly volunteers.",
        &[],
    )
    .await;
    decide(chair, &[&original, &similar], &[("action", "publish")]).await;
    let copy = post_in(&mut copier, RT_3_2, "en", &format!("Hello! {TEXT}"), &[]).await;
    let unrelated = post_in(
        &mut copier,
        RT_3_2,
        "en",
        "Bus timetables change too often.",
        &[],
    )
    .await;
    (original, copy, unrelated)
}

#[tokio::test]
async fn the_queue_suggests_a_pasted_copy_and_rejects_it_as_a_duplicate() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let (original, copy, unrelated) = a_copy_waits(&app, &mut chair).await;

        let (status, page) = chair.browser.get("/moderation").await;
        assert_eq!(status, 200, "{page}");
        let suggested = duplicates_in(card(&page, &copy));
        assert_eq!(suggested.first(), Some(&original), "{suggested:?}");
        assert!(suggested.len() <= 3);
        let copy_card = card(&page, &copy);
        assert!(copy_card.contains(&format!(r#"href="/comment/{original}""#)));
        assert!(copy_card.contains("% of words shared"), "{copy_card}");
        assert!(copy_card.contains("Amina Diallo"));
        assert!(copy_card.contains(&format!("Reject as a duplicate of {original}")));
        assert!(
            duplicates_in(card(&page, &unrelated)).is_empty(),
            "nothing like it"
        );
        // The search box goes to the search page.
        assert!(page.contains(r#"<form method="get" action="/search" role="search""#));
        assert!(page.contains(r#"name="q""#) && page.contains("Search comments"));

        // Its own page suggests it too.
        let (status, item) = chair.browser.get(&format!("/moderation/{copy}")).await;
        assert_eq!(status, 200);
        assert!(item.contains("Possible duplicates"));
        assert!(item.contains(&format!(r#"href="/comment/{original}""#)));

        // Rejected as a duplicate from the queue: the existing decision,
        // back to the queue with its confirmation.
        let fields = form_fields(&page, &format!("duplicate-{copy}-{original}"));
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let response = chair.browser.post("/moderation/decide", &pairs).await;
        assert_eq!(response.status().as_u16(), 303);
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            location.starts_with(&format!("/moderation?done=reject&decided={copy}")),
            "{location}"
        );
        let (_, page) = chair.browser.get(location.split('#').next().unwrap()).await;
        assert!(
            page.contains("Rejected Carl Copier’s "),
            "the usual confirmation"
        );
        assert_eq!(status_of(&app, &copy).await, "rejected");
        let copied = copy.clone();
        let audit = app
            .with_conn(move |conn| {
                let id = crate::fixtures::roundtable_id(conn, FORUM, RT_3_2);
                roundtable::db::queries::moderation::audit_trail(conn, id, 100)
                    .unwrap()
                    .into_iter()
                    .find(|e| e.comment_reference == copied && e.to_status.is_some())
                    .expect("an audit row")
            })
            .await;
        assert_eq!(audit.to_status.as_deref(), Some("rejected"));
        assert_eq!(audit.reason.as_deref(), Some("duplicate"));
        assert_eq!(audit.note, Some(format!("Duplicate of {original}")));
        assert_eq!(audit.actor_name.as_deref(), Some("Clara Chair"));
        app.deliver_mail().await;
    }
}

struct QueryCounter(Arc<AtomicUsize>);

impl Instrumentation for QueryCounter {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { .. } = event {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
}

fn queries_for_queue(conn: &mut roundtable::db::AnyConnection, chair: Actor) -> (usize, usize) {
    let counter = Arc::new(AtomicUsize::new(0));
    conn.set_instrumentation(QueryCounter(counter.clone()));
    let request = QueueRequest {
        page: 1,
        ..QueueRequest::default()
    };
    let queue = moderation::queue(conn, chair, &request).unwrap();
    conn.set_instrumentation(QueryCounter(Arc::new(AtomicUsize::new(0))));
    let suggested = queue.items.iter().map(|i| i.duplicates.len()).sum();
    (counter.load(Ordering::SeqCst), suggested)
}

/// The duplicates cost one query per roundtable shown, plus one: the queue
/// page costs as many queries with 3 waiting comments as with a full page.
#[tokio::test]
async fn the_queue_with_its_duplicates_costs_a_fixed_number_of_queries() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut clara = chair(&app, "Clara Chair", RT_3_2).await;
        let (_, _, _) = a_copy_waits(&app, &mut clara).await;
        let chair = Actor {
            id: clara.id,
            staff: false,
        };
        let (few, suggested_few) = app
            .with_conn(move |conn| queries_for_queue(conn, chair))
            .await;
        assert!(suggested_few >= 1);
        crate::queue::waiting_comments(&app, RT_3_2, 40).await;
        let (many, suggested_many) = app
            .with_conn(move |conn| queries_for_queue(conn, chair))
            .await;
        assert!(suggested_many >= suggested_few);
        assert_eq!(
            few, many,
            "{:?}: the query count must not grow",
            app.backend
        );
        app.deliver_mail().await;
    }
}

#[tokio::test]
async fn an_export_filtered_by_a_query_holds_only_the_matching_comments() {
    for app in TestApp::with_demo().spawn_each().await {
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        let mut author = participant(&app, "Amina Diallo").await;
        let zebra = post_in(
            &mut author,
            RT_3_2,
            "en",
            "Zebra crossings near every reception centre.",
            &[],
        )
        .await;
        let phrase = post_in(
            &mut author,
            RT_3_2,
            "en",
            "Crossings for zebras are rare; the reception is slow.",
            &[],
        )
        .await;
        let mut staff = person_with(&app, "Stella Staff", Role::Staff, true).await;
        let rt = format!("/c/{FORUM}/{RT_3_2}/export?format=csv");
        let (_, _, everything) = download(&mut staff, &rt).await;
        assert!(rows(&everything).1.len() > 2);

        let references = |text: &str| {
            let (header, all) = rows(text);
            let mut found: Vec<String> = all
                .iter()
                .map(|r| r[column(&header, "Reference")].clone())
                .collect();
            found.sort();
            found
        };
        let (status, _, zebras) = download(&mut staff, &format!("{rt}&q=zebra")).await;
        assert_eq!(status, 200);
        let mut both = vec![zebra.clone(), phrase.clone()];
        both.sort();
        assert_eq!(references(&zebras), both, "both forms of the word");
        let (_, _, exact) =
            download(&mut staff, &format!("{rt}&q=%22zebra+crossings%22+-rare")).await;
        assert_eq!(references(&exact), vec![zebra.clone()]);
        let (_, _, whole) =
            download(&mut staff, &format!("/c/{FORUM}/export?format=csv&q=zebra")).await;
        assert_eq!(references(&whole), both, "across the consultation");

        // A chair's export of their roundtable takes the query too.
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let (status, _, chaired) = download(&mut chair, &format!("{rt}&q=zebra+-rare")).await;
        assert_eq!(status, 200);
        assert_eq!(references(&chaired), vec![zebra]);

        // A query that cannot be read: 422, the message next to the field,
        // every choice kept.
        let (status, _, page) = download(
            &mut staff,
            &format!("/c/{FORUM}/{RT_3_2}/export?format=json&q=%22zebra&country=GE"),
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains(r#"id="q-error""#), "{page}");
        assert!(page.contains(r##"href="#q""##), "in the summary");
        assert!(page.contains(r#"value="&quot;zebra""#), "the query kept");
        assert!(page.contains(r#"<option value="GE" selected>"#));
        assert!(page.contains(r#"value="json" checked"#));
        let (status, _, _) = download(
            &mut staff,
            &format!("/c/{FORUM}/{RT_3_2}/export?format=csv&q=%20%20"),
        )
        .await;
        assert_eq!(status, 200, "a blank query is no query");
    }
}

#[test]
fn the_command_line_exports_only_what_a_query_finds() {
    use crate::digests::command_line;
    let dir = tempfile::tempdir().unwrap();
    let run = command_line(dir.path());
    assert!(run(&["demo"]).status.success());
    let export = |name: &str, query: &str| {
        let file = dir.path().join(name);
        let output = run(&[
            "export",
            "--consultation",
            FORUM,
            "--roundtable",
            RT_3_2,
            "--query",
            query,
            "--output",
            file.to_str().unwrap(),
        ]);
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        (output, text)
    };
    let everything = run(&["export", "--consultation", FORUM, "--roundtable", RT_3_2]);
    let (header, all) = rows(&String::from_utf8(everything.stdout).unwrap());
    let (text, reference) = (column(&header, "Comment"), column(&header, "Reference"));
    // A long word of the first comment finds it, and not everything.
    let first = &all[0];
    let word = first[text]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 8)
        .max_by_key(|w| w.chars().count())
        .expect("a long word")
        .to_owned();
    let (output, found) = export("found.csv", &word);
    assert!(output.status.success(), "{output:?}");
    let (_, found) = rows(&found);
    assert!(
        found.iter().any(|r| r[reference] == first[reference]),
        "{word}"
    );
    assert!(
        found.len() < all.len(),
        "{word}: {} of {}",
        found.len(),
        all.len()
    );
    let (output, none) = export("none.csv", "xylophonezzz");
    assert!(output.status.success());
    assert!(rows(&none).1.is_empty());
    let (output, _) = export("bad.csv", "\"funding");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("A quotation mark is not closed"));
}
