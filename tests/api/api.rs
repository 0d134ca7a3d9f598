use crate::helpers::*;
use serde_json::Value;

fn slugs(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn consultations_are_listed_in_capped_pages() {
    for app in TestApp::with_demo().spawn_each().await {
        let (status, first) = app.get_json("/api/v1/consultations?limit=2").await;
        assert_eq!(status, 200);
        assert_eq!(slugs(&first).len(), 2);
        let mut seen = slugs(&first);
        let mut cursor = first["next_cursor"]
            .as_str()
            .expect("a next page")
            .to_owned();
        loop {
            let (status, page) = app
                .get_json(&format!("/api/v1/consultations?limit=2&cursor={cursor}"))
                .await;
            assert_eq!(status, 200);
            seen.extend(slugs(&page));
            match page["next_cursor"].as_str() {
                Some(next) => cursor = next.to_owned(),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 5, "every consultation exactly once: {seen:?}");
        assert_eq!(seen.len(), 5);

        let (_, open) = app.get_json("/api/v1/consultations?status=open").await;
        assert_eq!(slugs(&open), [FORUM]);
        let forum = &open["items"][0];
        assert_eq!(forum["links"]["html"], format!("{BASE_URL}c/{FORUM}"));
        assert!(
            forum["starts_at"].as_str().unwrap().ends_with('Z'),
            "RFC 3339 in UTC"
        );
        assert_eq!(forum["time_zone"], "UTC");
    }
}

#[tokio::test]
async fn bad_query_parameters_get_problem_bodies() {
    for app in TestApp::with_demo().spawn_each().await {
        let cases = [
            ("/api/v1/consultations?limit=0", "limit"),
            ("/api/v1/consultations?limit=101", "limit"),
            ("/api/v1/consultations?limit=many", "limit"),
            ("/api/v1/consultations?status=draft", "status"),
            ("/api/v1/consultations?cursor=not-a-cursor", "cursor"),
            (
                &format!("/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/comments?limit=201"),
                "limit",
            ),
            ("/api/v1/consultations?colour=blue", "query"),
        ];
        for (path, parameter) in cases {
            let response = app.get(path).await;
            assert_eq!(response.status().as_u16(), 400, "{path}");
            assert_eq!(
                response.headers()["content-type"],
                "application/problem+json",
                "{path}"
            );
            let problem: Value = response.json().await.unwrap();
            assert_eq!(problem["status"], 400);
            assert_eq!(problem["title"], "Invalid parameter");
            assert_eq!(
                problem["invalid_params"][0]["name"], parameter,
                "{path}: {problem}"
            );
            assert!(problem["detail"].as_str().unwrap().len() > 10);
        }
    }
}

#[tokio::test]
async fn unknown_slugs_and_paths_get_404_problems() {
    for app in TestApp::with_demo().spawn_each().await {
        for path in [
            "/api/v1/consultations/nope".to_owned(),
            format!("/api/v1/consultations/{FORUM}/roundtables/nope"),
            format!("/api/v1/consultations/{FORUM}/roundtables/nope/comments"),
            "/api/v1/nothing".to_owned(),
        ] {
            let response = app.get(&path).await;
            assert_eq!(response.status().as_u16(), 404, "{path}");
            assert_eq!(
                response.headers()["content-type"],
                "application/problem+json",
                "{path}"
            );
            let problem: Value = response.json().await.unwrap();
            assert_eq!(problem["status"], 404);
        }
    }
}

#[tokio::test]
async fn a_consultation_carries_its_roundtables_with_their_parents() {
    for app in TestApp::with_demo().spawn_each().await {
        let (status, forum) = app
            .get_json(&format!("/api/v1/consultations/{FORUM}"))
            .await;
        assert_eq!(status, 200);
        let roundtables = forum["roundtables"].as_array().unwrap();
        let codes: Vec<&str> = roundtables
            .iter()
            .map(|r| r["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["RT 3", "RT 3.1", "RT 3.2"]);
        assert_eq!(roundtables[2]["parent"], "rt-3");
        assert_eq!(roundtables[2]["comment_period"], "open");
        assert!(roundtables[0]["parent"].is_null());
        assert!(!forum["organisations"].as_array().unwrap().is_empty());
        assert!(forum["description_html"]
            .as_str()
            .unwrap()
            .contains("<strong>"));
    }
}

#[tokio::test]
async fn a_roundtable_carries_its_code_ordered_questions_and_programme() {
    for app in TestApp::with_demo().spawn_each().await {
        let (status, rt) = app
            .get_json(&format!(
                "/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}"
            ))
            .await;
        assert_eq!(status, 200);
        assert_eq!(rt["code"], "RT 3.2");
        assert_eq!(rt["parent"], "rt-3");
        let questions = rt["guiding_questions"].as_array().unwrap();
        let numbers: Vec<i64> = questions
            .iter()
            .map(|q| q["number"].as_i64().unwrap())
            .collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        assert!(!rt["chairs"].as_array().unwrap().is_empty());

        let (_, workshop) = app.get_json("/api/v1/consultations/integrating-cities-ix-2020/roundtables/workshop-1-digital-services").await;
        let programme = workshop["programme"].as_array().unwrap();
        assert_eq!(
            programme[0]["starts_at"], "2020-11-25T08:30:00Z",
            "09:30 CET is 08:30 UTC"
        );
        let starts: Vec<&str> = programme
            .iter()
            .map(|p| p["starts_at"].as_str().unwrap())
            .collect();
        let mut sorted = starts.clone();
        sorted.sort();
        assert_eq!(starts, sorted, "in time order");
    }
}

fn count_nodes(nodes: &Value) -> usize {
    nodes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| 1 + count_nodes(&n["replies"]))
        .sum()
}

#[tokio::test]
async fn comments_come_as_threads_in_pages_of_whole_threads() {
    for app in TestApp::with_demo().spawn_each().await {
        let base = format!("/api/v1/consultations/{FORUM}/roundtables/{RT_3_2}/comments");
        let (status, all) = app.get_json(&base).await;
        assert_eq!(status, 200);
        assert!(all["next_cursor"].is_null());
        let total = count_nodes(&all["items"]);
        let (_, consultation) = app
            .get_json(&format!("/api/v1/consultations/{FORUM}"))
            .await;
        let published = consultation["roundtables"][2]["published_comments"]
            .as_u64()
            .unwrap() as usize;
        assert_eq!(total, published, "{:?}", app.backend);
        let top_level = all["items"].as_array().unwrap().len();
        assert!(top_level < total, "some comments are replies");
        let first = &all["items"][0];
        assert_eq!(first["status"], "published");
        assert!(first["author"]["country"].as_str().unwrap().len() == 2);
        assert!(first["reference"].as_str().unwrap().starts_with("c-"));

        // Paging by two threads at a time gives the same comments.
        let mut paged = 0;
        let mut roots = 0;
        let mut url = format!("{base}?limit=2");
        loop {
            let (status, page) = app.get_json(&url).await;
            assert_eq!(status, 200);
            assert!(page["items"].as_array().unwrap().len() <= 2);
            roots += page["items"].as_array().unwrap().len();
            paged += count_nodes(&page["items"]);
            match page["next_cursor"].as_str() {
                Some(cursor) => url = format!("{base}?limit=2&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!((paged, roots), (total, top_level));
    }
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let app = TestApp::empty().spawn(Backend::Sqlite).await;
    let (status, doc) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/consultations",
        "/api/v1/consultations/{consultation}",
        "/api/v1/consultations/{consultation}/roundtables/{roundtable}",
        "/api/v1/consultations/{consultation}/roundtables/{roundtable}/comments",
        "/api/v1/comments/{reference}/decisions",
        "/api/v1/consultations/{consultation}/roundtables/{roundtable}/follow",
    ] {
        assert!(paths.contains_key(path), "{path} is documented");
    }
    let comments = &paths["/api/v1/consultations/{consultation}/roundtables/{roundtable}/comments"];
    assert!(comments.get("get").is_some() && comments.get("post").is_some());
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    assert!(schemas["RoundtableDto"]["properties"]
        .get("guiding_questions")
        .is_some());
    assert!(schemas.contains_key("Problem"));
}
