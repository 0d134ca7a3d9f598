use crate::fixtures::*;
use crate::helpers::*;
use roundtable::domain::comment::CommentStatus;
use roundtable::domain::consultation::ConsultationStatus;

#[tokio::test]
async fn the_home_page_lists_open_consultations_before_past_ones() {
    for app in TestApp::with_demo().spawn_each().await {
        let (status, html) = app.get_text("/").await;
        assert_eq!(status, 200);
        let open = html.find("Open now").expect("an open group");
        let past = html.find("Past consultations").expect("a past group");
        let forum = html.find("Global Forum Online Roundtables").unwrap();
        let prague = html
            .find(r#"href="/c/prague-cities-migration-2019""#)
            .expect("the Prague conference");
        assert!(
            open < forum && forum < past && past < prague,
            "{:?}",
            app.backend
        );
        for slug in [
            "integrating-cities-ix-2020",
            "tbilisi-integration-expert-workshop-2018",
            "istanbul-forum-2009-working-session",
        ] {
            assert!(
                html.contains(&format!("/c/{slug}")),
                "{slug} on {:?}",
                app.backend
            );
        }
    }
}

#[tokio::test]
async fn a_consultation_page_nests_sub_roundtables_and_names_its_time_zone() {
    for app in TestApp::with_demo().spawn_each().await {
        let (status, html) = app.get_text(&format!("/c/{FORUM}")).await;
        assert_eq!(status, 200);
        assert!(
            html.contains("<dt>Comments welcome in</dt><dd>English, French, Spanish</dd>"),
            "the languages line says what it means"
        );
        assert_eq!(
            app.get_text(&format!("/c/{FORUM}/")).await,
            (200, html.clone()),
            "a trailing slash is the same page"
        );
        let rt3 = html
            .find(&format!(r#"href="/c/{FORUM}/rt-3""#))
            .expect("RT 3");
        let nested = html[rt3..]
            .find(r#"class="roundtables nested""#)
            .expect("a nested list after RT 3")
            + rt3;
        let rt32 = html
            .find(&format!(r#"href="/c/{FORUM}/{RT_3_2}""#))
            .expect("RT 3.2");
        assert!(rt3 < nested && nested < rt32);

        let (_, prague) = app.get_text("/c/prague-cities-migration-2019").await;
        assert!(
            prague.contains("14 May 2019, 09:00–17:00 CEST"),
            "{:?}",
            app.backend
        );
        assert!(prague.contains("Europe/Prague"));
        assert_eq!(
            prague.matches(r#"<span class="code">WG "#).count(),
            4,
            "four working groups"
        );
    }
}

#[tokio::test]
async fn a_roundtable_page_shows_questions_period_chairs_and_threads() {
    for app in TestApp::with_demo().spawn_each().await {
        let (status, html) = app.get_text(&format!("/c/{FORUM}/{RT_3_2}")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Strengthening Cooperation - Enabling Civil Society Contributions in Migrant and Refugee Integration"));
        for n in 1..=4 {
            assert!(
                html.contains(&format!(r#"<li id="question-{n}">"#)),
                "question {n}"
            );
        }
        assert!(!html.contains(r#"id="question-5""#));
        assert!(html.contains("Open for comments until"));
        assert!(html.contains("Chair"));
        // The count line matches what the API publishes and what the page lists.
        let (_, api) = app
            .get_json(&format!("/api/v1/consultations/{FORUM}"))
            .await;
        let published = api["roundtables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["slug"] == RT_3_2)
            .unwrap()["published_comments"]
            .as_i64()
            .unwrap();
        assert!(published > 10);
        assert!(
            html.contains(&format!("{published} comments")),
            "{:?}",
            app.backend
        );
        assert_eq!(
            html.matches(r#"<li class="comment depth-"#).count() as i64,
            published
        );
        assert!(
            html.contains(r#"<li class="comment depth-1"#),
            "replies are indented"
        );
        assert!(
            html.contains(r#"class="tag">Question "#),
            "question tags link to the questions"
        );
        assert!(
            html.contains(r#"<span class="country">("#),
            "the author's country is shown"
        );
    }
}

#[tokio::test]
async fn workshop_programmes_are_timed_in_the_event_zone() {
    for app in TestApp::with_demo().spawn_each().await {
        let (_, consultation) = app
            .get_json("/api/v1/consultations/integrating-cities-ix-2020")
            .await;
        let workshops = consultation["roundtables"].as_array().unwrap();
        assert_eq!(workshops.len(), 4);
        let first = workshops[0]["slug"].as_str().unwrap();
        let (status, html) = app
            .get_text(&format!("/c/integrating-cities-ix-2020/{first}"))
            .await;
        assert_eq!(status, 200);
        assert!(html.contains("Wednesday 25 November 2020"));
        assert!(html.contains("09:30–10:00"), "connection at 09:30 CET");
        assert!(html.contains("10:10–10:35"));
        for city in ["Vienna", "Nuremberg", "Utrecht"] {
            assert!(html.contains(city), "{city} speaker");
        }
    }
}

#[tokio::test]
async fn unknown_addresses_get_a_404_page_in_the_layout() {
    for app in TestApp::with_demo().spawn_each().await {
        for path in [
            "/c/no-such-consultation",
            &format!("/c/{FORUM}/no-such-roundtable"),
            "/nothing/here",
            "/c/UPPER%20case",
        ] {
            let response = app.get(path).await;
            assert_eq!(response.status().as_u16(), 404, "{path}");
            assert!(response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"));
            let html = response.text().await.unwrap();
            assert!(
                html.contains(r#"<a class="brand" href="/">Roundtable</a>"#),
                "{path}: layout"
            );
            assert!(html.contains("<h1>Not found</h1>"), "{path}");
        }
        let (status, html) = app.get_text("/c/no-such-consultation").await;
        assert_eq!(status, 404);
        assert!(html.contains("There is no consultation at this address."));
    }
}

#[tokio::test]
async fn drafts_stay_hidden_from_the_public() {
    for app in TestApp::with_demo().spawn_each().await {
        app.with_conn(|c| {
            add_consultation(
                c,
                "draft-plans",
                "Secret draft plans",
                ConsultationStatus::Draft,
            )
        })
        .await;
        assert_eq!(app.get("/c/draft-plans").await.status().as_u16(), 404);
        assert!(!app.get_text("/").await.1.contains("Secret draft plans"));
        assert_eq!(
            app.get("/api/v1/consultations/draft-plans")
                .await
                .status()
                .as_u16(),
            404
        );
        let (_, list) = app.get_json("/api/v1/consultations?limit=100").await;
        assert!(list["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["slug"] != "draft-plans"));
    }
}

#[tokio::test]
async fn what_people_typed_is_escaped_or_sanitised() {
    for app in TestApp::with_demo().spawn_each().await {
        app.with_conn(|c| {
            add_consultation(
                c,
                "escaping",
                "<script>alert('title')</script>",
                ConsultationStatus::Open,
            )
        })
        .await;
        let (_, html) = app.get_text("/").await;
        assert!(html.contains("&lt;script&gt;alert("));
        assert!(!html.contains("<script>alert('title')"));

        app.with_conn(|c| {
            let rt = roundtable_id(c, FORUM, RT_3_2);
            add_comment(c, rt, None, CommentStatus::Approved, "Mallory <b>", "<script>alert(1)</script>\n\n[x](javascript:alert(2))\n\n<img src=x onerror=alert(3)>");
        })
        .await;
        let (_, html) = app.get_text(&format!("/c/{FORUM}/{RT_3_2}")).await;
        assert!(html.contains("Mallory &lt;b&gt;"));
        for forbidden in ["<script>alert(1)", "href=\"javascript:", "onerror"] {
            assert!(
                !html.contains(forbidden),
                "{forbidden} on {:?}",
                app.backend
            );
        }
    }
}

#[tokio::test]
async fn hidden_comments_with_published_replies_leave_placeholders() {
    for app in TestApp::with_demo().spawn_each().await {
        app.with_conn(|c| {
            let rt = roundtable_id(c, FORUM, RT_3_2);
            let rejected = add_comment(
                c,
                rt,
                None,
                CommentStatus::Rejected,
                "Rejected Author",
                "Off-topic advertising.",
            );
            add_comment(
                c,
                rt,
                Some(&rejected),
                CommentStatus::Approved,
                "Replying Author",
                "A published answer.",
            );
            let withdrawn = add_comment(
                c,
                rt,
                None,
                CommentStatus::Withdrawn,
                "Withdrawn Author",
                "Changed my mind.",
            );
            add_comment(
                c,
                rt,
                Some(&withdrawn),
                CommentStatus::Approved,
                "Second Replier",
                "Still relevant.",
            );
            add_comment(
                c,
                rt,
                None,
                CommentStatus::Pending,
                "Pending Author",
                "Waiting for the chair.",
            );
        })
        .await;
        let (_, html) = app.get_text(&format!("/c/{FORUM}/{RT_3_2}")).await;
        assert!(html.contains("This comment is not published."));
        assert!(html.contains("This comment was withdrawn by its author."));
        assert!(html.contains("Replying Author") && html.contains("Second Replier"));
        for hidden in [
            "Rejected Author",
            "Off-topic advertising",
            "Withdrawn Author",
            "Changed my mind",
            "Pending Author",
        ] {
            assert!(
                !html.contains(hidden),
                "{hidden} leaked on {:?}",
                app.backend
            );
        }
    }
}

#[tokio::test]
async fn pages_carry_security_headers_and_versioned_assets() {
    let app = TestApp::with_demo().spawn(Backend::Sqlite).await;
    let response = app.get("/").await;
    let headers = response.headers();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
    let html = response.text().await.unwrap();
    let start = html.find("/assets/style.css?v=").unwrap();
    let end = start + html[start..].find('"').unwrap();
    let stylesheet = app.get(&html[start..end]).await;
    assert_eq!(stylesheet.status().as_u16(), 200);
    assert_eq!(stylesheet.headers()["content-type"], "text/css");
    assert!(stylesheet.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let stale = app.get("/assets/style.css?v=old").await;
    assert_eq!(stale.headers()["cache-control"], "public, max-age=300");
    assert_eq!(app.get("/assets/missing.css").await.status().as_u16(), 404);
}

/// Taking part first: the way to comment near the top, each question with
/// its number of comments and "Comment on this question" (the form comes
/// with it ticked), and each comment's reference as a short permalink.
#[tokio::test]
async fn a_roundtable_page_offers_taking_part_first_and_permalinks() {
    for app in TestApp::with_demo().spawn_each().await {
        let path = crate::people::roundtable_path(RT_3_2);
        let mut visitor = app.browser();
        let (_, page) = visitor.get(&path).await;
        let top = &page[..page.find(r#"id="questions-heading""#).unwrap()];
        let sign_in = format!(r#"href="/sign-in?next={}""#, path.replace('/', "%2F"));
        assert!(top.contains(&sign_in) && top.contains("Sign in to comment"));

        let answering_2 = page.matches(r##"href="#question-2" class="tag""##).count();
        assert!(answering_2 > 1, "the demo answers question 2");
        let meta_2 = &page[page.find(r#"id="question-2""#).unwrap()..];
        let meta_2 = &meta_2[..meta_2.find("</li>").unwrap()];
        assert!(
            meta_2.contains(&format!("{answering_2} comments")),
            "{meta_2}"
        );
        assert!(meta_2.contains(&format!(r#"href="{path}/comment?answer=2""#)));

        let at = page.find(r#"href="/comment/c-"#).expect("a permalink") + 15;
        let reference = &page[at..at + page[at..].find('"').unwrap()];
        let followed = visitor
            .client
            .get(app.url(&format!("/comment/{reference}")))
            .send()
            .await
            .unwrap();
        assert_eq!(followed.status().as_u16(), 303);
        assert_eq!(
            followed.headers()["location"],
            format!("{path}?comment={reference}#{reference}").as_str()
        );
        let (status, _) = visitor.get("/comment/c-00000000").await;
        assert_eq!(status, 404);

        let mut participant = app.with_participant("Ines Moreau").await;
        let (_, ticked) = participant.browser.get(&format!("{path}?answer=2")).await;
        let fieldset = &ticked[ticked.find(r#"id="question-choices""#).unwrap()..];
        let fieldset = &fieldset[..fieldset.find("</fieldset>").unwrap()];
        let ticked_choices: Vec<&str> = fieldset
            .split("<label>")
            .filter(|choice| choice.contains(" checked>"))
            .collect();
        let button = format!(r#"class="button" href="{path}/comment">Comment</a>"#);
        assert!(
            ticked.contains(&button),
            "Comment leads to the form's own page"
        );
        assert_eq!(ticked_choices.len(), 1, "{fieldset}");
        assert!(
            ticked_choices[0].contains("Question 2:"),
            "question 2 comes ticked"
        );
        for wrong in ["99", "two"] {
            let (status, _) = participant
                .browser
                .get(&format!("{path}?answer={wrong}"))
                .await;
            assert_eq!(status, 400, "answer={wrong}");
        }
    }
}

/// `?question=N` shows whole threads whose first comment answers question N,
/// `?question=general` those that answer none; the navigation counts them.
#[tokio::test]
async fn reading_by_question_keeps_threads_whole() {
    for app in TestApp::with_demo().spawn_each().await {
        let path = crate::people::roundtable_path(RT_3_2);
        let roots = |html: &str| -> Vec<String> {
            html.split(r#"<li class="comment depth-0"#)
                .skip(1)
                .map(|thread| thread[..thread.find("</article>").unwrap()].to_owned())
                .collect()
        };
        let (_, all) = app.get_text(&path).await;
        let every_thread = roots(&all).len();
        assert!(all.contains(&format!(
            r#"<strong aria-current="page">All ({every_thread} threads)</strong>"#
        )));

        let (status, second) = app.get_text(&format!("{path}?question=2")).await;
        assert_eq!(status, 200);
        let answering = roots(&second);
        assert!(!answering.is_empty() && answering.len() < every_thread);
        for thread in &answering {
            assert!(
                thread.contains(r##"href="#question-2" class="tag""##),
                "{thread}"
            );
        }
        assert!(second.contains(&format!(
            r#"<strong aria-current="page">Question 2 ({}"#,
            answering.len()
        )));
        let (_, first) = app.get_text(&format!("{path}?question=1")).await;
        assert!(
            first.matches("comment depth-1").count() > 0,
            "replies come with their thread"
        );

        let (_, general) = app.get_text(&format!("{path}?question=general")).await;
        for thread in roots(&general) {
            assert!(!thread.contains(r##"href="#question-"##), "{thread}");
        }
        for wrong in ["9", "two", ""] {
            let (status, body) = app.get_text(&format!("{path}?question={wrong}")).await;
            assert_eq!(status, 400, "question={wrong}");
            assert!(body.contains("is not one of this roundtable&#x27;s questions"));
        }
    }
}
