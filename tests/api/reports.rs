//! Digests beyond CSV, read back as other software reads them: the XLSX
//! with a spreadsheet reader, the JSON nested by question and thread, and
//! the Markdown and printable HTML reports with the chairs' outcome,
//! highlighted quotes, every comment and participation figures, where
//! small groups are never shown. Both backends.

use crate::digests::{column, command_line, download, fetch, nested_count, published_count, rows};
use crate::helpers::*;
use crate::people::*;
use calamine::{Data, Reader};
use roundtable::domain::user::Role;
use roundtable::export::digest::CSV_COLUMNS;

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => other.to_string(),
    }
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

#[tokio::test]
async fn staff_download_rt_3_2_in_every_format_and_the_counts_match_the_page() {
    for app in TestApp::with_demo().spawn_each().await {
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        let mut evil = participant(&app, "=cmd Name").await;
        let risky = "=HYPERLINK(\"http://evil.example\",\"click\")";
        let reference = posted_reference(&post_comment(&mut evil, RT_3_2, risky, &["2"]).await);
        let mut staff = person_with(&app, "Stella Staff", Role::Staff, true).await;
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        let on_page = published_count(&page);
        let export = format!("/c/{FORUM}/{RT_3_2}/export?format=");
        let (_, _, csv_text) = download(&mut staff, &format!("{export}csv")).await;
        let (header, csv_rows) = rows(&csv_text);
        assert_eq!(csv_rows.len(), on_page);

        // XLSX: the same columns and rows, every cell a value, none a formula.
        let (status, content_type, bytes) =
            fetch(&mut staff, &format!("{export}xlsx"), "content-type").await;
        assert_eq!(status, 200, "{:?}", app.backend);
        assert!(content_type
            .starts_with("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
        let sheet = book
            .worksheet_range("Comments")
            .expect("the Comments sheet");
        let mut sheet_rows = sheet.rows();
        let titles: Vec<String> = sheet_rows.next().unwrap().iter().map(cell_text).collect();
        assert_eq!(titles, CSV_COLUMNS);
        let data: Vec<Vec<String>> = sheet_rows
            .map(|r| r.iter().map(cell_text).collect())
            .collect();
        assert_eq!(data.len(), on_page);
        for (xlsx_row, csv_row) in data.iter().zip(&csv_rows) {
            if csv_row[0] == reference {
                continue; // the CSV neutralises what XLSX keeps as text
            }
            for name in [
                "Reference",
                "Author",
                "Organisation",
                "Country",
                "Question numbers",
                "In reply to",
                "Depth",
                "Highlighted",
                "Cited in the outcome",
            ] {
                assert_eq!(
                    xlsx_row[column(&header, name)],
                    csv_row[column(&header, name)],
                    "{name}"
                );
            }
        }
        assert!(
            data.iter()
                .any(|r| r[column(&header, "Cited in the outcome")] == "yes"),
            "the demo outcome cites comments"
        );
        let formulas = book.worksheet_formula("Comments").expect("formulas read");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formulas"
        );

        // JSON: nested by question and thread, each comment once.
        let (_, _, json_text) = download(&mut staff, &format!("{export}json")).await;
        let json: serde_json::Value = serde_json::from_str(&json_text).unwrap();
        let rt = &json["roundtables"][0];
        assert_eq!(nested_count(rt), on_page);
        assert!(rt["outcome"]["status"] == "published");
        let q2 = &rt["questions"][1];
        assert_eq!(q2["number"], 2);
        assert!(q2["synthesis"][0]
            .as_str()
            .unwrap()
            .contains("Late payment"));
        let threads = q2["threads"].as_array().unwrap();
        assert!(
            threads
                .iter()
                .any(|t| !t["replies"].as_array().unwrap().is_empty()),
            "replies sit inside their thread"
        );

        // The reports: outcome, highlighted quotes, all comments, figures.
        let highlighted = csv_rows
            .iter()
            .find(|r| r[column(&header, "Highlighted")] == "yes")
            .expect("the demo highlights comments");
        let quote = format!(
            "{} ({}, {})",
            highlighted[column(&header, "Author")],
            highlighted[column(&header, "Organisation")],
            highlighted[column(&header, "Country")]
        );
        let (status, disposition, html) = download(&mut staff, &format!("{export}html")).await;
        assert_eq!(status, 200);
        assert!(disposition.contains("attachment"), "{disposition}");
        assert!(html.contains("@page { size: A4"), "prints on A4");
        assert!(
            html.contains("<h4>Synthesis</h4>")
                && html.contains("Late payment of public contracts")
        );
        assert!(html.contains("<h4>Recommendations</h4>"));
        assert!(
            html.contains(&format!("— {}", escaped(&quote))),
            "quoted as Name (Organisation, Country)"
        );
        assert_eq!(
            html.matches(r#"<li class="comment "#).count(),
            on_page,
            "every comment once"
        );
        for row in &csv_rows {
            assert!(html.contains(&format!(r#"id="{}""#, row[0])));
        }
        assert!(html.contains(&format!("<strong>{on_page}</strong> comments from")));
        assert!(html.contains("Question 4: Which partnerships"));

        let (status, _, markdown) = download(&mut staff, &format!("{export}md")).await;
        assert_eq!(status, 200);
        assert!(markdown.starts_with("# Global Forum Online Roundtables"));
        assert!(
            markdown.contains("**Synthesis**") && markdown.contains("**Highlighted comments**")
        );
        assert!(markdown.contains(&format!("> — {quote}")));
        assert!(markdown.contains(&format!("{on_page} comments from")));
        assert_eq!(markdown.matches("\n#### ").count(), on_page);

        let (status, _, only_two) = download(&mut staff, &format!("{export}json&question=2")).await;
        assert_eq!(status, 200);
        let only: serde_json::Value = serde_json::from_str(&only_two).unwrap();
        let questions = only["roundtables"][0]["questions"].as_array().unwrap();
        assert_eq!(questions.len(), 1);
        assert_eq!(questions[0]["number"], 2);
        let two = csv_rows
            .iter()
            .filter(|r| {
                r[column(&header, "Question numbers")]
                    .split(", ")
                    .any(|n| n == "2")
            })
            .count();
        assert_eq!(nested_count(&only["roundtables"][0]), two);

        let mut participant = participant(&app, "Pat Poster").await;
        let (status, _, _) = download(&mut participant, &format!("{export}html")).await;
        assert_eq!(status, 403);
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let (status, _, _) =
            download(&mut chair, &format!("/c/{FORUM}/rt-3-1/export?format=xlsx")).await;
        assert_eq!(status, 403, "a chair only their roundtables");
        let (status, _, _) = download(&mut chair, &format!("{export}md")).await;
        assert_eq!(status, 200);
    }
}

/// RT 3.2 emptied of the demo's comments, then commented on by
/// participants with these genders (post-moderation publishes at once).
async fn participants_with(app: &TestApp, genders: &[Option<&str>]) {
    sql(
        app,
        "DELETE FROM comments WHERE roundtable_id IN (SELECT id FROM roundtables WHERE slug = 'rt-3-2')".into(),
    )
    .await;
    sql(
        app,
        "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
    )
    .await;
    for (i, gender) in genders.iter().enumerate() {
        let mut person = participant(app, &format!("Person {i}")).await;
        let response = post_comment(&mut person, RT_3_2, &format!("Comment {i}"), &["1"]).await;
        assert_eq!(response.status().as_u16(), 303);
        if let Some(gender) = gender {
            sql(
                app,
                format!(
                    "UPDATE users SET gender = '{gender}' WHERE email = '{}'",
                    person.email
                ),
            )
            .await;
        }
    }
}

#[tokio::test]
async fn gender_is_shown_only_for_groups_of_five_or_more() {
    for app in TestApp::with_demo().spawn_each().await {
        let woman = Some("woman");
        participants_with(
            &app,
            &[
                woman,
                woman,
                woman,
                woman,
                woman,
                Some("man"),
                Some("man"),
                None,
            ],
        )
        .await;
        let mut staff = person_with(&app, "Stella Staff", Role::Staff, true).await;
        let export = format!("/c/{FORUM}/{RT_3_2}/export?format=");
        let (_, _, html) = download(&mut staff, &format!("{export}html")).await;
        assert!(html.contains("<strong>8</strong> comments from <strong>8</strong> participants"));
        assert!(
            html.contains(r#"<tr><td>Woman</td><td class="n">5</td></tr>"#),
            "{html}"
        );
        assert!(html.contains(r#"<tr><td>Other or not given</td><td class="n">3</td></tr>"#));
        assert!(
            !html.contains("<td>Man</td>"),
            "two men are not shown apart"
        );
        let (_, _, markdown) = download(&mut staff, &format!("{export}md")).await;
        assert!(
            markdown.contains("| Woman | 5 |") && markdown.contains("| Other or not given | 3 |")
        );
        assert!(!markdown.contains("| Man |"));
        let (_, _, filtered) = download(&mut staff, &format!("{export}html&question=1")).await;
        assert!(
            !filtered.contains("<td>Woman</td>"),
            "a filtered digest could be compared with another to single someone out"
        );
    }
    for app in TestApp::with_demo().spawn_each().await {
        let woman = Some("woman");
        participants_with(&app, &[woman, woman, woman, woman, None]).await;
        let mut staff = person_with(&app, "Stella Staff", Role::Staff, true).await;
        let export = format!("/c/{FORUM}/{RT_3_2}/export?format=html");
        let (_, _, html) = download(&mut staff, &export).await;
        assert!(html.contains("Gender is not shown"));
        assert!(!html.contains("<td>Woman</td>"));
        // Now all five are women: the table would tell each one's gender.
        sql(
            &app,
            "UPDATE users SET gender = 'woman' WHERE email = 'person.4@example.org'".into(),
        )
        .await;
        let (_, _, html) = download(&mut staff, &export).await;
        assert!(
            !html.contains("<td>Woman</td>"),
            "one group holding everyone is not shown"
        );
    }
}

#[test]
fn the_command_line_writes_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let run = command_line(dir.path());
    assert!(run(&["demo"]).status.success());
    for format in ["xlsx", "json", "md", "html"] {
        let file = dir.path().join(format!("digest.{format}"));
        let output = run(&[
            "export",
            "--consultation",
            FORUM,
            "--roundtable",
            RT_3_2,
            "--format",
            format,
            "--output",
            file.to_str().unwrap(),
        ]);
        assert!(
            output.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let bytes = std::fs::read(&file).unwrap();
        match format {
            "xlsx" => assert!(bytes.starts_with(b"PK"), "a zip file"),
            "json" => {
                let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(json["version"], 2);
            }
            "md" => assert!(bytes.starts_with(b"# Global Forum")),
            _ => assert!(bytes.starts_with(b"<!doctype html>")),
        }
    }
}
