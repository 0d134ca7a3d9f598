use crate::helpers::*;
use roundtable::web::templates::Templates;

/// tera reports template errors only when rendering, so every page template
/// is rendered here from real data. A new template without a URL fails this test.
#[tokio::test]
async fn every_page_template_renders() {
    let rendered_by = [
        ("errors/error.html", "/no-such-page".to_owned(), 404),
        ("pages/consultation.html", format!("/c/{FORUM}"), 200),
        ("pages/home.html", "/".to_owned(), 200),
        ("pages/roundtable.html", format!("/c/{FORUM}/{RT_3_2}"), 200),
    ];
    let templates = Templates::load().expect("templates compile");
    let mut covered: Vec<&str> = rendered_by.iter().map(|(name, _, _)| *name).collect();
    covered.sort();
    assert_eq!(
        templates.page_names(),
        covered,
        "every page template has a URL here"
    );

    for app in TestApp::with_demo().spawn_each().await {
        for (name, path, status) in &rendered_by {
            let (got, html) = app.get_text(path).await;
            assert_eq!(got, *status, "{name} via {path}");
            assert!(
                html.starts_with("<!doctype html>"),
                "{name} rendered in the layout"
            );
            assert!(
                html.trim_end().ends_with("</html>"),
                "{name} rendered completely"
            );
        }
    }
}
