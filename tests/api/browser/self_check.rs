//! The checks themselves: each finds the problem it is for, so that a
//! journey passing means something (and CI proves the tools run).

use super::checks::{self, Sent};
use super::session::{Browser, Screen};
use super::tools::tools_unless_ci;

const FLAWED: &str = r#"<html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><img src="/nothing.png"><p><time datetime="2024-05-01T10:00:00.123456Z">1 May</time></p><div style="width: 2000px">too wide</div></body></html>"#;

#[tokio::test]
async fn each_check_finds_what_it_is_for() {
    let Some(tools) = tools_unless_ci() else {
        return;
    };
    let browser = Browser::open(&tools, Screen::Phone).await;
    let page = format!(
        "data:text/html;charset=utf-8,{}",
        FLAWED.replace('#', "%23")
    );
    browser.client.goto(&page).await.unwrap();

    let axe = checks::axe(&browser.client, &tools).await;
    for rule in ["html-has-lang", "image-alt", "document-title"] {
        assert!(
            axe.iter().any(|v| v.starts_with(rule)),
            "axe-core reports {rule}: {axe:?}"
        );
    }
    let scroll = checks::horizontal_scroll(&browser.client, 390).await;
    assert!(
        scroll.as_deref().is_some_and(|s| s.contains("div")),
        "the 2000 px block scrolls sideways: {scroll:?}"
    );

    let sent = [Sent {
        page: "flawed".into(),
        html: FLAWED.into(),
    }];
    let nu = checks::nu(&tools, &sent);
    let said = |text: &str| nu.iter().any(|f| f.detail.contains(text));
    assert!(said("doctype"), "Nu wants a doctype: {nu:?}");
    assert!(
        said("fraction of a second"),
        "Nu refuses microseconds: {nu:?}"
    );
}
