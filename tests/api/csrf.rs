//! Every state-changing route refuses a request without its anti-forgery
//! token before its handler runs. The routes are read from the router's
//! source, so that a route added later is covered without a line here.

use crate::helpers::*;
use crate::people::*;

/// Every `.route("path", web::post|put|patch|delete()…)` under src/web, with
/// the method and whether it sits in the API's scope.
fn state_changing_routes() -> Vec<(String, String, bool)> {
    let mut routes = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                let in_api = path.components().any(|c| c.as_os_str() == "api");
                for (route, method) in routes_in(&source) {
                    routes.push((route, method, in_api));
                }
            }
        }
    }
    routes.sort();
    routes
}

/// Finds `.route(` followed by a string literal and a `web::METHOD()`,
/// across line breaks and formatting.
fn routes_in(source: &str) -> Vec<(String, String)> {
    let compact: String = source.split_whitespace().collect();
    let mut found = Vec::new();
    for piece in compact.split(".route(").skip(1) {
        let Some(rest) = piece.strip_prefix('"') else {
            continue;
        };
        let Some((path, rest)) = rest.split_once('"') else {
            continue;
        };
        let Some(rest) = rest.strip_prefix(",web::") else {
            continue;
        };
        let method = rest.split('(').next().unwrap_or("");
        if ["post", "put", "patch", "delete"].contains(&method) {
            found.push((path.to_owned(), method.to_owned()));
        }
    }
    found
}

fn concrete(path: &str) -> String {
    path.split('/')
        .map(|part| if part.starts_with('{') { "x" } else { part })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn every_state_changing_route_refuses_a_request_without_its_token() {
    let routes = state_changing_routes();
    assert!(routes.len() > 40, "the scan finds the routes: {routes:?}");
    let site: Vec<_> = routes.iter().filter(|(_, _, api)| !api).collect();
    for (path, method, _) in &site {
        assert_eq!(
            method, "post",
            "{path}: a page route with another method must be added to the anti-forgery check"
        );
    }
    for app in TestApp::with_demo().spawn_each().await {
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let token = chair.browser.csrf_token.clone();
        assert!(!token.is_empty());
        // A visitor with an anti-forgery cookie of their own (a page gave it).
        let mut visitor = app.browser();
        visitor.get("/sign-in").await;
        assert!(!visitor.csrf_token.is_empty());
        for (path, method, in_api) in &routes {
            let url = if *in_api {
                app.url(&format!("/api/v1{}", concrete(path)))
            } else {
                app.url(&concrete(path))
            };
            if path == "/unsubscribe" {
                continue; // RFC 8058 one-click: authorised by its signed link.
            }
            if *in_api {
                // The session without the X-CSRF-Token header, and a body
                // the route accepts, so that only the header is missing.
                let body = if path.ends_with("/decisions") {
                    serde_json::json!({ "action": "publish" })
                } else if path.ends_with("/follow") {
                    serde_json::json!({})
                } else if path.ends_with("/relevance") {
                    serde_json::json!({ "relevance": "retained" })
                } else if path.ends_with("/themes") {
                    serde_json::json!({ "label": "Funding" })
                } else {
                    serde_json::json!({ "body": "Hello" })
                };
                let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
                let response = chair
                    .browser
                    .client
                    .request(method, &url)
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(
                    response.status().as_u16(),
                    403,
                    "{path} on {:?}",
                    app.backend
                );
                continue;
            }
            for (who, client) in [
                ("signed in", &chair.browser.client),
                ("visitor", &visitor.client),
            ] {
                for form in [vec![], vec![("csrf_token", "forged")]] {
                    let response = client.post(&url).form(&form).send().await.unwrap();
                    assert_eq!(
                        response.status().as_u16(),
                        403,
                        "{path} for a {who} with {form:?} on {:?}",
                        app.backend
                    );
                    // Refused for its token, not for who asks.
                    let page = response.text().await.unwrap();
                    assert!(page.contains("This form has expired"), "{path} for a {who}");
                }
            }
        }
        // The same request with the token goes through to the handler.
        let response = chair.browser.post("/sign-out", &[]).await;
        assert_eq!(response.status().as_u16(), 303);
    }
}
