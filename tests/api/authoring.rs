//! Staff set up a consultation in the browser alone: from an empty
//! database with one administrator, RT 3 > RT 3.2 with four guiding
//! questions, a chair and a comment period; opened; a participant
//! comments. Mistakes come back next to their fields; renamed slugs
//! redirect; used questions are retired, not removed. Both backends.

use crate::helpers::*;
use crate::people::*;
use chrono::{Duration, Utc};
use roundtable::services::accounts;

const SLUG: &str = "global-forum-online-roundtables";

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

fn local(offset: Duration) -> String {
    (Utc::now() + offset).format("%Y-%m-%dT%H:%M").to_string()
}

fn consultation_fields(status: &'static str) -> Vec<(&'static str, String)> {
    [
        ("title", "Global Forum Online Roundtables"),
        ("slug", ""),
        ("summary", "Online preparatory roundtables."),
        (
            "description",
            "## How to take part\n\nRead, then *comment*.",
        ),
        ("kind", "forum"),
        ("online", "on"),
        ("time_zone", "UTC"),
        ("content_language", "en"),
        ("languages", "en"),
        ("languages", "fr"),
        ("languages", "es"),
        (
            "organisers",
            "Secretariat of a global forum | https://example.org/forum",
        ),
        ("status", status),
        ("intent", "save"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

async fn post(browser: &mut Browser, path: &str, fields: &[(&str, String)]) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.post(path, &pairs).await
}

#[tokio::test]
async fn staff_set_up_rt_3_2_in_the_browser_and_a_participant_comments() {
    for app in TestApp::empty().spawn_each().await {
        app.expect_unsent();
        app.with_conn(|conn| {
            accounts::create_admin(conn, "ada@example.org", "Ada Admin", PASSWORD, Utc::now())
                .unwrap()
        })
        .await;
        let mut admin = app.browser();
        admin.get("/sign-in").await;
        let signed_in = admin
            .post(
                "/sign-in",
                &[("email", "ada@example.org"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(signed_in.status().as_u16(), 303);

        let (status, _) = admin.get("/admin/consultations/new").await;
        assert_eq!(status, 200);
        let mut wrong = consultation_fields("draft");
        wrong[0].1 = String::new();
        wrong.push(("starts_at", local(Duration::days(2))));
        wrong.push(("ends_at", local(Duration::days(1))));
        let response = post(&mut admin, "/admin/consultations/new", &wrong).await;
        assert_eq!(response.status().as_u16(), 422);
        let page = response.text().await.unwrap();
        assert!(page.contains(r#"id="title-error""#) && page.contains(r#"id="ends_at-error""#));
        assert!(
            page.contains("Online preparatory roundtables."),
            "what was typed stays"
        );

        let created = post(
            &mut admin,
            "/admin/consultations/new",
            &consultation_fields("draft"),
        )
        .await;
        assert_eq!(created.status().as_u16(), 303);
        assert_eq!(
            location(&created),
            format!("/admin/consultations/{SLUG}?done=saved"),
            "the slug comes from the title"
        );
        let (_, saved) = admin.get(&location(&created)).await;
        assert!(
            saved.contains(
                r#"<p class="notice" role="status">“Global Forum Online Roundtables” is saved.</p>"#
            ),
            "the page says what happened, by name"
        );
        let (_, unknown) = admin
            .get(&format!("/admin/consultations/{SLUG}?done=nonsense"))
            .await;
        assert!(
            !unknown.contains(r#"class="notice""#),
            "an unknown code says nothing"
        );
        assert_eq!(
            app.get(&format!("/c/{SLUG}")).await.status().as_u16(),
            404,
            "a draft is for staff only"
        );
        let (status, draft) = admin.get(&format!("/c/{SLUG}")).await;
        assert_eq!(status, 200);
        assert!(draft.contains("<h2>How to take part</h2>") || draft.contains("How to take part"));

        let base = format!("/admin/consultations/{SLUG}/roundtables");
        admin.get(&format!("{base}/new")).await;
        let rt3 = post(
            &mut admin,
            &format!("{base}/new"),
            &[
                ("code", "RT 3".into()),
                ("title", "Migration and Development".into()),
                ("moderation_mode", "pre".into()),
                ("intent", "save".into()),
            ],
        )
        .await;
        assert_eq!(
            location(&rt3),
            format!("{base}/migration-and-development?done=saved")
        );
        let (_, saved) = admin.get(&location(&rt3)).await;
        assert!(saved.contains("“RT 3 Migration and Development” is saved."));

        let reserved = post(
            &mut admin,
            &format!("{base}/new"),
            &[
                ("title", "Export".into()),
                ("slug", "export".into()),
                ("moderation_mode", "pre".into()),
                ("intent", "save".into()),
            ],
        )
        .await;
        assert_eq!(
            reserved.status().as_u16(),
            422,
            "a slug that names a page of its own"
        );
        admin
            .get(&format!("{base}/new?parent=migration-and-development"))
            .await;
        let questions = "Which contributions?\nWhich obstacles?\nHow to enable civil society?\nWhich partnerships worked?";
        let mut rt32 = vec![
            ("code", "RT 3.2".to_owned()),
            ("title", "Strengthening Cooperation".to_owned()),
            ("slug", "rt-3-2".to_owned()),
            ("parent", "migration-and-development".to_owned()),
            (
                "background",
                "Civil society does much of the work.".to_owned(),
            ),
            ("moderation_mode", "pre".to_owned()),
            ("comments_open_at", local(Duration::days(3))),
            ("comments_close_at", local(Duration::days(1))),
            ("new_questions", questions.to_owned()),
            ("intent", "save".to_owned()),
        ];
        let response = post(&mut admin, &format!("{base}/new"), &rt32).await;
        assert_eq!(response.status().as_u16(), 422);
        let page = response.text().await.unwrap();
        assert!(page.contains(r#"id="comments_close_at-error""#));
        assert!(
            page.contains("Which partnerships worked?"),
            "the questions typed stay"
        );
        rt32[6].1 = local(-Duration::hours(1));
        rt32[7].1 = local(Duration::days(30));
        let response = post(&mut admin, &format!("{base}/new"), &rt32).await;
        assert_eq!(location(&response), format!("{base}/rt-3-2?done=saved"));

        // A chair, found by organisation.
        let mut samuel = participant(&app, "Samuel Owusu").await;
        let (_, search) = admin.get(&format!("{base}/rt-3-2?people=Samuel")).await;
        assert!(search.contains("Make chair"));
        let made = admin
            .post(
                &format!("{base}/rt-3-2/chairs"),
                &[("user", &samuel.id.to_string()), ("action", "add")],
            )
            .await;
        assert_eq!(made.status().as_u16(), 303);
        // Removing a chair asks first, naming them (not done here).
        let (_, chairs) = admin.get(&location(&made)).await;
        let remove = format!("{base}/rt-3-2/chairs/{}/remove", samuel.id);
        assert!(chairs.contains(&format!(r#"<a href="{remove}">Remove"#)));
        let (status, asked) = admin.get(&remove).await;
        assert_eq!(status, 200);
        assert!(
            asked.contains("<h1>Remove this chair from RT 3.2"),
            "{asked}"
        );
        assert!(asked.contains("“Samuel Owusu"));
        assert!(asked.contains(r#"<input type="hidden" name="action" value="remove">"#));
        let nobody = "00000000-0000-0000-0000-000000000000";
        let (status, _) = admin
            .get(&format!("{base}/rt-3-2/chairs/{nobody}/remove"))
            .await;
        assert_eq!(status, 404, "only a chair can be removed");

        // Open the consultation: RT 3 has neither a chair nor a question,
        // so opening asks first, names it, and saves nothing yet.
        admin.get(&format!("/admin/consultations/{SLUG}")).await;
        let asked = post(
            &mut admin,
            &format!("/admin/consultations/{SLUG}"),
            &consultation_fields("open"),
        )
        .await;
        assert_eq!(asked.status().as_u16(), 200);
        let asked = asked.text().await.unwrap();
        assert!(asked
            .contains("<li>RT 3 Migration and Development: no chair and no guiding question</li>"));
        assert!(
            !asked.contains("RT 3.2 Strengthening"),
            "RT 3.2 is ready: {asked}"
        );
        assert!(asked.contains(r#"<input type="hidden" name="status" value="open">"#));
        assert_eq!(
            app.get(&format!("/c/{SLUG}")).await.status().as_u16(),
            404,
            "still a draft"
        );
        // As the page sends it: the fields as typed, and the button pressed.
        let mut back = consultation_fields("open");
        back.retain(|(name, _)| *name != "intent");
        back.push(("intent", "back".into()));
        let back = post(&mut admin, &format!("/admin/consultations/{SLUG}"), &back).await;
        assert_eq!(back.status().as_u16(), 200, "the form again, as typed");
        let back = back.text().await.unwrap();
        let status_field = &back[back.find(r#"<select id="status""#).unwrap()..];
        let status_field = &status_field[..status_field.find("</select>").unwrap()];
        assert!(
            status_field.contains(r#"<option value="open" selected>"#),
            "{status_field}"
        );
        let mut confirmed = consultation_fields("open");
        confirmed.push(("confirmed", "yes".into()));
        let opened = post(
            &mut admin,
            &format!("/admin/consultations/{SLUG}"),
            &confirmed,
        )
        .await;
        assert_eq!(opened.status().as_u16(), 303);
        let (status, page) = app.get_text(&format!("/c/{SLUG}/rt-3-2")).await;
        assert_eq!(status, 200);
        for q in questions.lines() {
            assert!(page.contains(q), "{q}");
        }
        assert!(
            page.contains("Migration and Development"),
            "the parent in the breadcrumb"
        );
        assert!(page.contains("Samuel Owusu"), "the chair is named");

        // The clearinghouse: a programme item and a resource for RT 3.2.
        let admin_page = format!("/admin/consultations/{SLUG}");
        admin.get(&admin_page).await;
        let programme = admin
            .post(
                &format!("{admin_page}/programme"),
                &[
                    ("programme_starts_at", local(Duration::days(10)).as_str()),
                    ("programme_title", "Roundtable session RT 3.2"),
                    ("programme_speakers", "Samuel Owusu, chair"),
                    ("programme_roundtable", "rt-3-2"),
                ],
            )
            .await;
        assert_eq!(programme.status().as_u16(), 303);
        let wrong = admin
            .post(
                &format!("{admin_page}/resources"),
                &[
                    ("resource_kind", "background_paper"),
                    ("resource_title", "Paper"),
                    ("resource_url", "javascript:alert(1)"),
                ],
            )
            .await;
        assert_eq!(wrong.status().as_u16(), 422);
        let page = wrong.text().await.unwrap();
        assert!(page.contains(r#"id="resource_url-error""#) && page.contains(r#"value="Paper""#));
        let resource = admin
            .post(
                &format!("{admin_page}/resources"),
                &[
                    ("resource_kind", "background_paper"),
                    ("resource_title", "Background paper on civil society"),
                    ("resource_url", "https://example.org/paper.pdf"),
                    ("resource_roundtable", "rt-3-2"),
                ],
            )
            .await;
        assert_eq!(resource.status().as_u16(), 303);
        let (_, public) = app.get_text(&format!("/c/{SLUG}/rt-3-2")).await;
        assert!(
            public.contains("Roundtable session RT 3.2") && public.contains("Samuel Owusu, chair")
        );
        assert!(public.contains("Background paper on civil society"));
        // The programme item edited in place: a mistake keeps the edit form.
        let (_, listed) = admin.get(&admin_page).await;
        let marker = "?edit_programme=";
        let at = listed.find(marker).expect("an item to edit") + marker.len();
        let item = listed[at..at + listed[at..].find('#').unwrap()].to_owned();
        let (status, form) = admin
            .get(&format!("{admin_page}?edit_programme={item}"))
            .await;
        assert_eq!(status, 200);
        assert!(form.contains(&format!(r#"name="programme_id" value="{item}""#)));
        assert!(
            form.contains(r#"value="Roundtable session RT 3.2""#),
            "filled in"
        );
        let starts = local(Duration::days(11));
        let mut edit = vec![
            ("programme_id", item.as_str()),
            ("programme_starts_at", starts.as_str()),
            ("programme_ends_at", "2020-01-01T10:00"),
            ("programme_title", "Roundtable session RT 3.2, moved"),
            ("programme_speakers", "Samuel Owusu, chair"),
            ("programme_roundtable", "rt-3-2"),
        ];
        let refused = admin.post(&format!("{admin_page}/programme"), &edit).await;
        assert_eq!(refused.status().as_u16(), 422);
        let page = refused.text().await.unwrap();
        assert!(page.contains(r#"id="programme_ends_at-error""#));
        assert!(
            page.contains(&format!(r#"name="programme_id" value="{item}""#)),
            "still editing"
        );
        edit.retain(|(k, _)| *k != "programme_ends_at");
        let saved = admin.post(&format!("{admin_page}/programme"), &edit).await;
        assert_eq!(saved.status().as_u16(), 303);
        let (_, public) = app.get_text(&format!("/c/{SLUG}/rt-3-2")).await;
        assert!(public.contains("Roundtable session RT 3.2, moved"));
        assert_eq!(
            public.matches("Roundtable session RT 3.2").count(),
            1,
            "replaced, not added"
        );

        let (_, listed) = admin.get(&admin_page).await;
        let marker = "/resources/";
        let at = listed.find(marker).expect("a resource to remove") + marker.len();
        let id = listed[at..at + listed[at..].find('/').unwrap()].to_owned();
        let remove = format!("{admin_page}/resources/{id}/remove");
        assert!(
            listed.contains(&format!(r#"<a href="{remove}">Remove"#)),
            "Remove leads to a page that asks first"
        );
        let (status, asked) = admin.get(&remove).await;
        assert_eq!(status, 200);
        assert!(asked.contains("<h1>Remove this resource?</h1>"));
        assert!(asked.contains("“Background paper on civil society"));
        assert!(asked.contains(&format!(r#"<form method="post" action="{remove}">"#)));
        let (status, _) = admin
            .get(&format!("{admin_page}/resources/nonsense/remove"))
            .await;
        assert_eq!(status, 404);
        let removed = admin.post(&remove, &[]).await;
        assert_eq!(removed.status().as_u16(), 303);
        let (_, after) = admin.get(&location(&removed)).await;
        assert!(after.contains("The resource is removed from “Global Forum Online Roundtables”."));
        let (_, public) = app.get_text(&format!("/c/{SLUG}/rt-3-2")).await;
        assert!(
            !public.contains("Background paper on civil society"),
            "removed"
        );

        let mut ana = participant(&app, "Ana Author").await;
        let posted = post_comment_at(
            &mut ana,
            &format!("/c/{SLUG}/rt-3-2"),
            "Cities fund our classes.",
            "2",
        )
        .await;
        assert_eq!(posted.status().as_u16(), 303, "the participant comments");
        let (_, queue) = samuel.browser.get("/moderation").await;
        assert!(
            queue.contains("Cities fund our classes."),
            "and the chair sees it waiting"
        );

        // Used questions are retired, not removed; drafts do not come back.
        admin.get(&format!("{base}/rt-3-2")).await;
        let mut edit = rt32.clone();
        edit.retain(|(k, _)| {
            *k != "new_questions" && *k != "comments_open_at" && *k != "comments_close_at"
        });
        // Leaving the dates out removes the deadline: that needs a reason.
        edit.push((
            "deadline_reason",
            "Open until the consultation closes".into(),
        ));
        let (_, form) = admin.get(&format!("{base}/rt-3-2")).await;
        for n in 1..=4 {
            let field = format!("question_{n}");
            let id = value_of(&form, &format!("{field}_id"));
            edit.push((leak(format!("{field}_id")), id));
            edit.push((
                leak(field.clone()),
                questions.lines().nth(n - 1).unwrap().to_owned(),
            ));
            edit.push((
                leak(format!("{field}_action")),
                if n == 2 {
                    "remove".into()
                } else {
                    "keep".into()
                },
            ));
        }
        let refused = post(&mut admin, &format!("{base}/rt-3-2"), &edit).await;
        assert_eq!(refused.status().as_u16(), 422);
        assert!(refused
            .text()
            .await
            .unwrap()
            .contains("cannot be removed, only retired"));
        for (k, v) in edit.iter_mut() {
            if *k == "question_2_action" {
                *v = "retire".into();
            }
            if *k == "slug" {
                *v = "rt-3-2-cooperation".into();
            }
        }
        let saved = post(&mut admin, &format!("{base}/rt-3-2"), &edit).await;
        assert_eq!(
            location(&saved),
            format!("{base}/rt-3-2-cooperation?done=saved")
        );
        let old = app.get(&format!("/c/{SLUG}/rt-3-2")).await;
        assert_eq!(old.status().as_u16(), 301, "the old address keeps working");
        assert_eq!(location(&old), format!("/c/{SLUG}/rt-3-2-cooperation"));
        let (_, page) = app.get_text(&format!("/c/{SLUG}/rt-3-2-cooperation")).await;
        assert!(page.contains("retired"));

        admin.get(&format!("/admin/consultations/{SLUG}")).await;
        let back = post(
            &mut admin,
            &format!("/admin/consultations/{SLUG}"),
            &consultation_fields("draft"),
        )
        .await;
        assert_eq!(
            back.status().as_u16(),
            422,
            "an open consultation does not go back to draft"
        );

        let (status, _) = ana.browser.get("/admin/consultations").await;
        assert_eq!(status, 403);
        let audit = app
            .with_conn(|conn| {
                use diesel::prelude::*;
                #[derive(QueryableByName)]
                struct Count {
                    #[diesel(sql_type = diesel::sql_types::BigInt)]
                    n: i64,
                }
                diesel::sql_query(
                    "SELECT COUNT(*) AS n FROM audit_log WHERE action IN \
                     ('consultation_created', 'consultation_updated', 'roundtable_created', \
                      'roundtable_updated', 'chair_assigned')",
                )
                .get_result::<Count>(conn)
                .unwrap()
                .n
            })
            .await;
        assert!(audit >= 6, "every change is in the audit trail ({audit})");
        let rename = app
            .with_conn(|conn| {
                use diesel::prelude::*;
                #[derive(QueryableByName)]
                struct Details {
                    #[diesel(sql_type = diesel::sql_types::Text)]
                    details_json: String,
                }
                diesel::sql_query(
                    "SELECT details_json FROM audit_log WHERE action = 'roundtable_updated' \
                     AND details_json LIKE '%rt-3-2-cooperation%'",
                )
                .get_result::<Details>(conn)
                .unwrap()
                .details_json
            })
            .await;
        let rename: serde_json::Value = serde_json::from_str(&rename).unwrap();
        let changes = &rename["changes"];
        assert_eq!(
            changes["slug"],
            serde_json::json!({ "from": "rt-3-2", "to": "rt-3-2-cooperation" }),
            "the trail says what changed: {rename}"
        );
        assert!(
            changes["questions"]["to"].to_string().contains("(retired)"),
            "{rename}"
        );
        assert!(
            changes.get("title").is_none(),
            "unchanged fields are left out: {rename}"
        );
    }
}

/// The value of a hidden or text input in a page.
fn value_of(page: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("{name} in the form"))
        + marker.len();
    page[start..start + page[start..].find('"').unwrap()].to_owned()
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

async fn post_comment_at(
    person: &mut Person,
    path: &str,
    body: &str,
    question: &str,
) -> reqwest::Response {
    person.browser.get(path).await;
    person
        .browser
        .post(
            &format!("{path}/comments"),
            &[("body", body), ("questions", question), ("intent", "post")],
        )
        .await
}
