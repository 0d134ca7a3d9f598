//! Digest exports: who may take which comments, in CSV and JSON that
//! parsers read back, with filters and formula-safe cells. Both backends.

use crate::helpers::*;
use crate::people::*;
use roundtable::domain::user::Role;
use roundtable::export::digest::CSV_COLUMNS;

/// A file as a signed-in person downloads it: status, one response
/// header's value, and the body.
pub async fn fetch(person: &mut Person, path: &str, header: &str) -> (u16, String, Vec<u8>) {
    let response = person
        .browser
        .client
        .get(format!("{}{path}", person.browser_base()))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let value = response
        .headers()
        .get(header)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, value, response.bytes().await.unwrap().to_vec())
}

/// Status, Content-Disposition and the body as text.
pub async fn download(person: &mut Person, path: &str) -> (u16, String, String) {
    let (status, disposition, body) = fetch(person, path, "content-disposition").await;
    (
        status,
        disposition,
        String::from_utf8(body).expect("a text file"),
    )
}

/// The header and the comment rows; the last row, the fingerprint
/// trailer (see README, "Fingerprints"), is checked and left out.
pub fn rows(csv_text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = csv_text.trim_start_matches('\u{feff}');
    let trailer_at = text
        .rfind("Fingerprint,sha256:")
        .expect("a fingerprint row");
    let (text, trailer) = text.split_at(trailer_at);
    assert!(trailer.ends_with("\r\n") && !trailer[..trailer.len() - 2].contains('\n'));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a well-formed row")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    (header, rows)
}

pub fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

pub fn published_count(page: &str) -> usize {
    let line = page.split(r#"<p class="count-line">"#).nth(1).unwrap();
    line.split(' ').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn staff_and_chairs_export_what_they_may_and_participants_nothing() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let mut staff = person_with(&app, "Stella Staff", Role::Staff, true).await;
        let mut participant = participant(&app, "Pat Poster").await;
        let pending =
            posted_reference(&post_comment(&mut participant, RT_3_2, "Still pending", &[]).await);
        let rt = format!("/c/{FORUM}/{RT_3_2}/export");

        let (status, _, _) = download(&mut participant, &rt).await;
        assert_eq!(status, 403);
        assert_eq!(app.get(&rt).await.status().as_u16(), 401);
        let (status, _, page) = download(&mut chair, &rt).await;
        assert_eq!(status, 200);
        assert!(page.contains(r#"name="format" value="csv""#));
        assert!(
            !page.contains("include_unpublished"),
            "a chair sees published comments only"
        );

        let (status, disposition, csv_text) =
            download(&mut chair, &format!("{rt}?format=csv")).await;
        assert_eq!(status, 200, "{:?}", app.backend);
        assert!(disposition.contains(&format!("filename=\"{FORUM}-{RT_3_2}-comments.csv\"")));
        let (header, all) = rows(&csv_text);
        assert_eq!(header, CSV_COLUMNS);
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert_eq!(
            all.len(),
            published_count(&page),
            "the counts match the page"
        );
        assert!(!csv_text.contains("Still pending"));

        let (status, _, _) =
            download(&mut chair, &format!("/c/{FORUM}/rt-3-1/export?format=csv")).await;
        assert_eq!(status, 403, "not their roundtable");
        let (status, _, whole) =
            download(&mut chair, &format!("/c/{FORUM}/export?format=csv")).await;
        assert_eq!(status, 200);
        let (header, whole_rows) = rows(&whole);
        let roundtable = column(&header, "Roundtable code");
        assert!(
            whole_rows.iter().all(|r| r[roundtable] == "RT 3.2"),
            "only what they chair"
        );
        let (status, _, _) = download(
            &mut chair,
            &format!("{rt}?format=csv&include_unpublished=on"),
        )
        .await;
        assert_eq!(status, 403);

        let (status, disposition, everything) = download(
            &mut staff,
            &format!("/c/{FORUM}/export?format=csv&include_unpublished=on"),
        )
        .await;
        assert_eq!(status, 200);
        assert!(disposition.contains("-comments-all-statuses.csv"));
        let (header, rows_all) = rows(&everything);
        let (reference, status_column) = (column(&header, "Reference"), column(&header, "Status"));
        let row = rows_all
            .iter()
            .find(|r| r[reference] == pending)
            .expect("the pending comment");
        assert_eq!(row[status_column], "pending");
        assert!(
            rows_all.len() > whole_rows.len(),
            "every roundtable for staff"
        );

        let (status, _, json_text) = download(&mut staff, &format!("{rt}?format=json")).await;
        assert_eq!(status, 200);
        let json: serde_json::Value = serde_json::from_str(&json_text).expect("valid JSON");
        assert_eq!(json["version"], 2);
        assert_eq!(json["consultation"]["slug"], FORUM);
        let roundtables = json["roundtables"].as_array().unwrap();
        assert_eq!(roundtables.len(), 1);
        let questions = roundtables[0]["questions"].as_array().unwrap();
        assert_eq!(questions.len(), 4);
        assert_eq!(
            nested_count(&roundtables[0]),
            all.len(),
            "each comment once"
        );
    }
}

/// Comments in a roundtable of the nested JSON, replies included.
pub fn nested_count(roundtable: &serde_json::Value) -> usize {
    fn count(threads: &serde_json::Value) -> usize {
        threads
            .as_array()
            .unwrap()
            .iter()
            .map(|c| 1 + count(&c["replies"]))
            .sum()
    }
    roundtable["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| count(&q["threads"]))
        .sum::<usize>()
        + count(&roundtable["threads_without_question"])
}

#[tokio::test]
async fn cells_are_safe_in_spreadsheets_and_filters_narrow_the_rows() {
    for app in TestApp::with_demo().spawn_each().await {
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        let mut evil = participant(&app, "=cmd Name").await;
        let body =
            "=HYPERLINK(\"http://evil.example\",\"click\"), \"quoted\"\nand a line; Тбилиси 東京";
        let reference = posted_reference(&post_comment(&mut evil, RT_3_2, body, &["2"]).await);
        let mut staff = person_with(&app, "Stella Staff", Role::Staff, true).await;
        let rt = format!("/c/{FORUM}/{RT_3_2}/export?format=csv");
        let (_, _, text) = download(&mut staff, &rt).await;
        let (header, all) = rows(&text);
        let row = all
            .iter()
            .find(|r| r[column(&header, "Reference")] == reference)
            .expect("the comment");
        assert_eq!(row[column(&header, "Author")], "'=cmd Name");
        assert!(row[column(&header, "Comment")].starts_with("'=HYPERLINK(\"http://evil.example\""));
        assert!(row[column(&header, "Comment")].contains("Тбилиси 東京"));
        assert_eq!(row[column(&header, "Question numbers")], "2");
        assert!(
            row[column(&header, "Posted")].ends_with("UTC"),
            "in the event's zone"
        );

        let (_, _, only_two) = download(&mut staff, &format!("{rt}&question=2")).await;
        let (h, two) = rows(&only_two);
        assert!(
            !two.is_empty() && two.len() < all.len(),
            "{} of {}",
            two.len(),
            all.len()
        );
        assert!(two.iter().all(|r| r[column(&h, "Question numbers")]
            .split(", ")
            .any(|n| n == "2")));
        let (_, _, georgia) = download(&mut staff, &format!("{rt}&country=GE")).await;
        let (h, ge) = rows(&georgia);
        assert!(ge.iter().all(|r| r[column(&h, "Country")] == "Georgia"));
        assert!(ge.iter().any(|r| r[column(&h, "Reference")] == reference));
        let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2)).format("%Y-%m-%d");
        let (_, _, none) = download(&mut staff, &format!("{rt}&from={tomorrow}")).await;
        assert!(rows(&none).1.is_empty());

        let (status, _, page) =
            download(&mut staff, &format!("{rt}&from=25/11/2020&country=XX")).await;
        assert_eq!(status, 422, "the choices come back with their mistakes");
        assert!(page.contains(r#"id="from-error""#) && page.contains(r#"id="country-error""#));
    }
}

/// Runs the real binary on a SQLite database in `dir`.
pub fn command_line(dir: &std::path::Path) -> impl Fn(&[&str]) -> std::process::Output + '_ {
    move |args| {
        std::process::Command::new(env!("CARGO_BIN_EXE_roundtable"))
            .args(args)
            .env("ROUNDTABLE_DATA_DIR", dir)
            .env_remove("DATABASE_URL")
            .output()
            .unwrap()
    }
}

#[test]
fn the_command_line_writes_a_digest_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = command_line(dir.path());
    assert!(run(&["demo"]).status.success());
    let file = dir.path().join("digest.csv");
    let output = run(&[
        "export",
        "--consultation",
        FORUM,
        "--roundtable",
        RT_3_2,
        "--output",
        file.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("Exported"));
    let (header, all) = rows(&std::fs::read_to_string(&file).unwrap());
    assert_eq!(header, CSV_COLUMNS);
    assert!(!all.is_empty());
    let again = run(&[
        "export",
        "--consultation",
        FORUM,
        "--output",
        file.to_str().unwrap(),
    ]);
    assert!(
        !again.status.success(),
        "an existing file is never overwritten"
    );
    let wrong = run(&["export", "--consultation", FORUM, "--format", "xls"]);
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("choose csv, xlsx, json, md or html"));
}
