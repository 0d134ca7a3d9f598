//! The coverage page of a roundtable (#19, item 2) on both backends: counts
//! by guiding question, retained comments not cited yet (and citing one
//! from there), world regions not heard on a question, late comments left
//! out until included, the small-group rule, and who may see it.

use crate::helpers::*;
use crate::openapi::{answer, Contract};
use crate::people::*;
use chrono::Utc;
use roundtable::db::queries::comments;
use roundtable::domain::affiliation::{Affiliation, Country, OrganisationType};
use roundtable::domain::comment::{CommentStatus, NewComment, ThreadPosition};
use roundtable::domain::ids::CommentId;
use roundtable::domain::user::Actor;
use roundtable::services::roundtables::roundtable_detail;
use roundtable::services::{late_comments, report_marks};
use roundtable::text::render_comment;
use serde_json::Value;

fn coverage_page(roundtable: &str) -> String {
    format!("{}/coverage", roundtable_path(roundtable))
}

fn coverage_api(roundtable: &str) -> String {
    format!("/api/v1/consultations/{FORUM}/roundtables/{roundtable}/coverage")
}

/// A comment of RT 3.2 stored as `status`, by someone of `country`
/// answering the guiding questions numbered `questions`.
async fn stored(
    app: &TestApp,
    name: &str,
    country: &str,
    questions: &[usize],
    status: CommentStatus,
) -> String {
    let (name, country, questions) = (name.to_owned(), country.to_owned(), questions.to_vec());
    app.with_conn(move |conn| {
        let detail = roundtable_detail(conn, FORUM, RT_3_2).unwrap();
        let id = CommentId::generate();
        let body = format!("{name} writes about interpreters paid by the state.");
        comments::insert(
            conn,
            &NewComment {
                id,
                roundtable_id: detail.roundtable.id,
                parent_id: None,
                position: ThreadPosition::top_level(id),
                author_id: None,
                author: Affiliation {
                    display_name: name.clone(),
                    organisation: "Harbour Collective".into(),
                    organisation_type: Some(OrganisationType::Academia),
                    country: Some(Country::parse("country", &country).unwrap()),
                },
                body_markdown: body.clone(),
                body_html: render_comment(&body),
                language: Some("en".into()),
                status,
                highlighted: false,
                created_at: Utc::now(),
                question_ids: questions
                    .iter()
                    .map(|n| detail.questions[n - 1].id)
                    .collect(),
            },
        )
        .unwrap()
    })
    .await
}

/// The chair's decision, through the service the marks form calls.
async fn retain(app: &TestApp, chair: &Person, reference: &str) {
    let (who, reference) = (
        Actor {
            id: chair.id,
            staff: false,
        },
        reference.to_owned(),
    );
    app.with_conn(move |conn| {
        report_marks::set_relevance(conn, who, &reference, "retained", Utc::now()).unwrap()
    })
    .await;
}

async fn figures(person: &mut Person) -> Value {
    let (status, body) = person.browser.get(&coverage_api(RT_3_2)).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

fn question(figures: &Value, number: u64) -> &Value {
    figures["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["question"] == number)
        .unwrap_or_else(|| panic!("question {number} in {figures}"))
}

fn count(figures: &Value, number: u64, what: &str) -> u64 {
    question(figures, number)[what].as_u64().unwrap()
}

fn awaiting(figures: &Value, number: u64) -> Vec<String> {
    question(figures, number)["awaiting_citation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_owned())
        .collect()
}

fn not_heard(figures: &Value, number: u64) -> Vec<String> {
    question(figures, number)["regions_not_heard"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_owned())
        .collect()
}

/// Every textarea and hidden field of the outcome form, as it would be sent.
fn outcome_form_fields(page: &str) -> Vec<(String, String)> {
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&#x2F;", "/")
            .replace("&amp;", "&")
    };
    let mut fields = Vec::new();
    for part in page.split("<textarea id=\"").skip(1) {
        let name = &part[..part.find('"').unwrap()];
        let open_end = part.find('>').unwrap() + 1;
        let text = &part[open_end..part.find("</textarea>").unwrap()];
        fields.push((name.to_owned(), unescape(text)));
    }
    for part in page.split("<input type=\"hidden\" name=\"").skip(1) {
        let name = &part[..part.find('"').unwrap()];
        let value = part.split("value=\"").nth(1).unwrap();
        fields.push((
            name.to_owned(),
            unescape(&value[..value.find('"').unwrap()]),
        ));
    }
    fields
}

#[tokio::test]
async fn coverage_counts_questions_and_regions_and_cites_a_retained_comment() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let before = figures(&mut chair).await;
        // The demo has no one from Oceania.
        assert!(not_heard(&before, 1).contains(&"oceania".to_owned()));
        assert!(not_heard(&before, 3).contains(&"oceania".to_owned()));

        let fiji = stored(&app, "Mere Fiji", "FJ", &[3], CommentStatus::Approved).await;
        assert!(
            !awaiting(&figures(&mut chair).await, 3).contains(&fiji),
            "not retained"
        );
        let kenya = stored(&app, "Wanjiru Kenya", "KE", &[1], CommentStatus::Approved).await;
        let france = stored(&app, "Luc France", "FR", &[1, 2], CommentStatus::Approved).await;
        let waiting = stored(&app, "Pat Pending", "FJ", &[1], CommentStatus::Pending).await;
        let late = stored(&app, "Lea Late", "MX", &[1], CommentStatus::Approved).await;
        for reference in [&kenya, &france, &late] {
            retain(&app, &chair, reference).await;
        }
        // Posted in the grace period and not (yet) let into the report.
        sql(
            &app,
            format!(
                "INSERT INTO late_comments (comment_id, deadline) \
                 SELECT id, CURRENT_TIMESTAMP FROM comments WHERE reference = '{late}'"
            ),
        )
        .await;

        let after = figures(&mut chair).await;
        assert_eq!(
            count(&after, 1, "published"),
            count(&before, 1, "published") + 3
        );
        assert_eq!(
            count(&after, 1, "retained"),
            count(&before, 1, "retained") + 2,
            "the late comment is retained but not in the report"
        );
        assert_eq!(
            count(&after, 2, "published"),
            count(&before, 2, "published") + 1
        );
        assert_eq!(
            count(&after, 3, "published"),
            count(&before, 3, "published") + 1
        );
        let q1 = awaiting(&after, 1);
        assert!(q1.contains(&kenya) && q1.contains(&france), "{q1:?}");
        assert!(!q1.contains(&late) && !q1.contains(&waiting), "{q1:?}");
        assert!(!not_heard(&after, 3).contains(&"oceania".to_owned()));
        assert!(
            not_heard(&after, 1).contains(&"oceania".to_owned()),
            "a waiting comment from Fiji is not heard yet"
        );
        let people = |f: &Value| f["commenters"]["people"].as_u64().unwrap();
        assert_eq!(people(&after), people(&before) + 4);
        let oceania = after["commenters"]["by_region"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["group"] == "oceania")
            .expect("Oceania is heard");
        assert_eq!(oceania["people"], 1);
        if let Some(groups) = after["commenters_by_gender"].as_array() {
            assert!(
                groups
                    .iter()
                    .filter(|g| g["group"] != "other_or_not_given")
                    .all(|g| g["people"].as_u64().unwrap() >= 5),
                "no small group of one gender: {groups:?}"
            );
            assert!(groups.len() > 1, "one group would tell everyone's gender");
        }

        let (status, page) = chair.browser.get(&coverage_page(RT_3_2)).await;
        assert_eq!(status, 200);
        assert!(page.contains("No comment yet from Oceania on question 1"));
        assert!(!page.contains("No comment yet from Oceania on question 3"));
        let cite_link = format!("/outcome?cite={kenya}");
        assert!(page.contains(&cite_link), "a cite link for {kenya}");

        // Cite it from there: the editor opens with the citation, saved as typed.
        let (status, editor) = chair
            .browser
            .get(&format!("{}{cite_link}", roundtable_path(RT_3_2)))
            .await;
        assert_eq!(status, 200, "{editor}");
        assert!(editor.contains(&format!("Comment #{kenya} is added")));
        let mut fields = outcome_form_fields(&editor);
        assert!(fields.iter().any(|(_, v)| v.contains(&format!("#{kenya}"))));
        // The chair shortens it to a prefix, as citations may be written.
        let short = format!("#{}", &kenya[..6]);
        for (_, value) in fields.iter_mut() {
            *value = value.replace(&format!("#{kenya}"), &short);
        }
        fields.retain(|(name, _)| name != "intent");
        fields.push(("intent".into(), "save".into()));
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let saved = chair
            .browser
            .post(&format!("{}/outcome", roundtable_path(RT_3_2)), &pairs)
            .await;
        assert_eq!(
            saved.status().as_u16(),
            303,
            "{}",
            saved.text().await.unwrap()
        );
        let cited = figures(&mut chair).await;
        assert_eq!(count(&cited, 1, "cited"), count(&after, 1, "cited") + 1);
        assert!(!awaiting(&cited, 1).contains(&kenya));
        assert!(awaiting(&cited, 1).contains(&france));
        let (_, again) = chair
            .browser
            .get(&format!("{}{cite_link}", roundtable_path(RT_3_2)))
            .await;
        assert!(
            again.contains(&format!("Comment #{kenya} is already cited")),
            "cited by its prefix {short}, it is not added twice"
        );
        let cited_in_form: usize = outcome_form_fields(&again)
            .iter()
            .map(|(_, v)| v.matches(&kenya[..6]).count())
            .sum();
        assert_eq!(cited_in_form, 1, "no second citation in the form");

        // The chairs let the late comment in.
        let (who, late_ref) = (
            Actor {
                id: chair.id,
                staff: false,
            },
            late.clone(),
        );
        app.with_conn(move |conn| {
            late_comments::decide(conn, who, &late_ref, true, Utc::now()).unwrap()
        })
        .await;
        let included = figures(&mut chair).await;
        assert_eq!(
            count(&included, 1, "retained"),
            count(&cited, 1, "retained") + 1
        );
        assert!(awaiting(&included, 1).contains(&late));
    }
}

#[tokio::test]
async fn only_the_roundtables_chairs_and_staff_see_its_coverage() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut reader = participant(&app, "Rita Reader").await;
        let mut other_chair = chair(&app, "Otto Other", "rt-3-1").await;
        let mut admin = person_with(
            &app,
            "Ada Admin",
            roundtable::domain::user::Role::Admin,
            true,
        )
        .await;
        for person in [&mut reader, &mut other_chair] {
            let (status, _) = person.browser.get(&coverage_page(RT_3_2)).await;
            assert_eq!(status, 403);
            let (status, body) = person.browser.get(&coverage_api(RT_3_2)).await;
            assert_eq!(status, 403, "{body}");
            assert!(body.contains("\"status\":403"), "a problem body: {body}");
        }
        let contract = Contract::of(&app).await;
        let template = "/api/v1/consultations/{consultation}/roundtables/{roundtable}/coverage";
        let visitor = answer(app.client.get(app.url(&coverage_api(RT_3_2)))).await;
        assert_eq!(visitor.status, 401);
        contract.check(template, "get", &visitor).unwrap();
        let url = format!("{}{}", admin.browser.base, coverage_api(RT_3_2));
        let staff = answer(admin.browser.client.get(url)).await;
        assert_eq!(staff.status, 200);
        contract.check(template, "get", &staff).unwrap();
        let url = format!("{}{}", reader.browser.base, coverage_api(RT_3_2));
        contract
            .check(
                template,
                "get",
                &answer(reader.browser.client.get(url)).await,
            )
            .unwrap();
        let visitor_page = app.get(&coverage_page(RT_3_2)).await;
        assert!(
            [303, 401].contains(&visitor_page.status().as_u16()),
            "a visitor is asked to sign in"
        );
        let (status, _) = admin.browser.get(&coverage_page(RT_3_2)).await;
        assert_eq!(status, 200, "staff see every roundtable's coverage");
        let (status, body) = admin.browser.get(&coverage_api("no-such-roundtable")).await;
        assert_eq!(status, 404, "{body}");
        let (status, _) = admin
            .browser
            .get(&format!(
                "{}/outcome?cite=c-ffffffff",
                roundtable_path(RT_3_2)
            ))
            .await;
        assert_eq!(
            status, 404,
            "citing a comment that does not exist is refused"
        );
    }
}
