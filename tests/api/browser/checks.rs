//! The checks every page of a journey passes: axe-core (WCAG 2.1 A and AA),
//! the Nu HTML checker on the HTML the server sent, and no horizontal
//! scrolling. A failing check is a finding; a journey fails with all of its
//! findings listed, page by page.

use super::tools::Tools;
use serde_json::{json, Value};
use std::fmt;

/// The WCAG 2.1 levels A and AA, as axe-core tags its rules.
const AXE_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The screen, the method and the address: "390 px · GET /c/… (200)".
    pub page: String,
    pub check: &'static str,
    pub detail: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.check, self.detail)
    }
}

/// Panics with every finding, grouped by page, when there is any.
pub fn assert_no_findings(findings: &[Finding]) {
    if findings.is_empty() {
        return;
    }
    panic!("{} finding(s):\n{}", findings.len(), report(findings));
}

pub fn report(findings: &[Finding]) -> String {
    let mut pages: Vec<&str> = Vec::new();
    for f in findings {
        if !pages.contains(&f.page.as_str()) {
            pages.push(&f.page);
        }
    }
    let mut out = String::new();
    for page in pages {
        out.push_str(&format!("{page}\n"));
        for f in findings.iter().filter(|f| f.page == page) {
            out.push_str(&format!("  {f}\n"));
        }
    }
    out
}

/// axe-core's WCAG 2.1 A and AA violations on the page the browser shows:
/// rule, impact, what it asks and the elements, by CSS selector.
pub async fn axe(client: &fantoccini::Client, tools: &Tools) -> Vec<String> {
    client
        .execute(&tools.axe_script, vec![])
        .await
        .expect("axe-core loads into the page");
    let result = client
        .execute_async(
            r#"const [tags, done] = arguments;
axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  .then(r => done({ passes: r.passes.length, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map(n => n.target.join(' ')) })) }))
  .catch(e => done({ error: String(e) }));"#,
            vec![json!(AXE_TAGS)],
        )
        .await
        .expect("axe-core runs");
    if let Some(error) = result.get("error") {
        panic!("axe-core failed: {error}");
    }
    // A page where no rule applied was not really checked (a blank page,
    // or axe-core run in the wrong document).
    assert!(
        result["passes"].as_u64() > Some(0),
        "axe-core found rules to check on the page: {result}"
    );
    result["violations"]
        .as_array()
        .expect("axe-core's violations")
        .iter()
        .map(|v| {
            let targets: Vec<&str> = v["targets"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
            format!(
                "{} ({}): {} — {} element(s): {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or(""),
                targets.len(),
                targets.join(" | ")
            )
        })
        .collect()
}

/// Whether the page is wider than the screen, with the innermost elements
/// that stick out. A phone browser zooms out to show wide content whole, so
/// the window's width grows with the page: compare with the screen's.
pub async fn horizontal_scroll(client: &fantoccini::Client, width: i64) -> Option<String> {
    let measure = client
        .execute(
            r#"const [screen] = arguments;
const wide = e => e.getBoundingClientRect().right > screen + 0.5;
const culprits = [...document.body.querySelectorAll('*')]
  .filter(e => wide(e) && ![...e.children].some(wide))
  .slice(0, 8)
  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
       (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
       ' (right edge at ' + Math.round(e.getBoundingClientRect().right) + ' px)');
return { inner: window.innerWidth, scroll: document.documentElement.scrollWidth, culprits };"#,
            vec![json!(width)],
        )
        .await
        .expect("the page can be measured");
    let inner = measure["inner"].as_i64().unwrap();
    let scroll = measure["scroll"].as_i64().unwrap();
    (scroll > width || inner != width).then(|| {
        format!(
            "wider than the screen: {scroll} px of content on a {width} px screen \
             (window {inner} px); sticking out: {}",
            measure["culprits"]
        )
    })
}

/// One document for the Nu HTML checker, and the page it is reported under.
pub struct Sent {
    pub page: String,
    pub html: String,
}

/// The Nu HTML checker's errors on all the documents at once (its JVM takes
/// seconds to start, so a journey checks its documents in one batch).
pub fn nu(tools: &Tools, documents: &[Sent]) -> Vec<Finding> {
    if documents.is_empty() {
        return Vec::new();
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let files: Vec<_> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let file = dir.path().join(format!("{i:03}.html"));
            std::fs::write(&file, &d.html).unwrap();
            file
        })
        .collect();
    let output = std::process::Command::new(&tools.java)
        .arg("-Xss1m")
        .arg("-jar")
        .arg(&tools.vnu_jar)
        .args(["--errors-only", "--format", "json", "--stdout"])
        .args(&files)
        .output()
        .expect("java runs the Nu HTML checker");
    let answer: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!(
            "the Nu HTML checker answers in JSON; it said: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let mut findings = Vec::new();
    for message in answer["messages"].as_array().expect("Nu's messages") {
        let kind = message["type"].as_str().unwrap_or("");
        if kind != "error" && kind != "non-document-error" {
            continue;
        }
        let url = message["url"].as_str().unwrap_or("");
        let index = files
            .iter()
            .position(|f| url.ends_with(&*f.to_string_lossy()))
            .unwrap_or_else(|| panic!("Nu reports on a file it was given: {url}"));
        findings.push(Finding {
            page: documents[index].page.clone(),
            check: "nu",
            detail: format!(
                "line {}: {} — extract: {}",
                message["lastLine"],
                message["message"].as_str().unwrap_or(""),
                message["extract"].as_str().unwrap_or("").replace('\n', "⏎")
            ),
        });
    }
    findings
}
