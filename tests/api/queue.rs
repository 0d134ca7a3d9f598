//! The chairs' queue at the size of a real consultation (#16): pages of
//! twenty, oldest or newest first, what waits per roundtable, decisions
//! that come back to the same place with a confirmation naming the author,
//! only the decisions each comment's state allows, and a bulk rejection
//! without a reason that keeps everything and decides nothing. Both backends.

use crate::helpers::*;
use crate::people::*;
use chrono::{Duration, Utc};
use roundtable::db::queries::{comments, roundtables};
use roundtable::domain::affiliation::{Affiliation, Country, OrganisationType};
use roundtable::domain::comment::{CommentStatus, NewComment, ThreadPosition};
use roundtable::domain::ids::CommentId;
use roundtable::domain::user::Role;
use roundtable::text::render_comment;

/// The name of the author of the `n`th comment `waiting_comments` stores.
pub fn author_of(n: usize) -> String {
    format!("Author {:02}", n + 1)
}

/// `count` comments waiting in a roundtable of the demo forum, one a minute
/// from three hours ago, by "Author 01", "Author 02"… (every third answers
/// question 2); their references, oldest first.
pub async fn waiting_comments(app: &TestApp, roundtable: &str, count: usize) -> Vec<String> {
    let roundtable = roundtable.to_owned();
    app.with_conn(move |conn| {
        let id = crate::fixtures::roundtable_id(conn, FORUM, &roundtable);
        let question_2 = roundtables::guiding_questions(conn, id)
            .unwrap()
            .into_iter()
            .find(|q| q.number == 2)
            .expect("the roundtable has a question 2")
            .id;
        let start = Utc::now() - Duration::hours(3);
        (0..count)
            .map(|n| {
                let comment_id = CommentId::generate();
                let body = format!("Waiting comment number {n}.");
                comments::insert(
                    conn,
                    &NewComment {
                        id: comment_id,
                        roundtable_id: id,
                        parent_id: None,
                        position: ThreadPosition::top_level(comment_id),
                        author_id: None,
                        author: Affiliation {
                            display_name: author_of(n),
                            organisation: "Queue Association".into(),
                            organisation_type: Some(OrganisationType::MigrantAssociation),
                            country: Some(Country::parse("country", "SN").unwrap()),
                        },
                        body_html: render_comment(&body),
                        body_markdown: body,
                        language: None,
                        status: CommentStatus::Pending,
                        highlighted: false,
                        created_at: start + Duration::minutes(n as i64),
                        question_ids: if n % 3 == 0 { vec![question_2] } else { vec![] },
                    },
                )
                .unwrap()
            })
            .collect()
    })
    .await
}

/// The references of the cards on a queue page, in their order.
fn cards(html: &str) -> Vec<String> {
    let marker = r#"<li class="card queue-item" id=""#;
    html.match_indices(marker)
        .map(|(at, _)| {
            let start = at + marker.len();
            html[start..start + html[start..].find('"').unwrap()].to_owned()
        })
        .collect()
}

/// The confirmation of a decision on a queue page, and how many cards come
/// before it.
fn confirmation(html: &str) -> Option<(String, usize)> {
    let marker = r#"<div class="confirmation" id="decided" role="status" tabindex="-1"><p>"#;
    let at = html.find(marker)?;
    let start = at + marker.len();
    let text = html[start..start + html[start..].find("</p>").unwrap()].to_owned();
    Some((text, cards(&html[..at]).len()))
}

fn ticked(page: &str, reference: &str) -> bool {
    page.split("<input")
        .filter(|input| input.contains(&format!(r#"value="{reference}@"#)))
        .any(|input| input.split('>').next().unwrap_or("").contains(" checked"))
}

/// The part of a queue page from the bulk controls below the list on.
fn below_the_list(page: &str) -> &str {
    &page[page
        .find(r#"id="bulk-action-bottom""#)
        .expect("controls below")..]
}

/// Posts a decision form from the queue page at `back`, as its buttons do.
async fn post_from(person: &mut Person, back: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut form = vec![("back", back)];
    form.extend_from_slice(fields);
    person.browser.post("/moderation/decide", &form).await
}

/// Where a 303 leads, and the page there.
async fn follow(person: &mut Person, response: reqwest::Response) -> (String, String) {
    assert_eq!(
        response.status().as_u16(),
        303,
        "a decision returns to the queue"
    );
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let (status, page) = person
        .browser
        .get(location.split('#').next().unwrap())
        .await;
    assert_eq!(status, 200, "{location}");
    (location, page)
}

#[tokio::test]
async fn sixty_waiting_comments_page_as_twenty_twenty_twenty_oldest_or_newest_first() {
    for app in TestApp::with_demo().spawn_each().await {
        let posted = waiting_comments(&app, RT_3_2, 60).await;
        let newest: Vec<String> = posted.iter().rev().cloned().collect();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;

        let (status, first) = chair.browser.get("/moderation").await;
        assert_eq!(status, 200);
        assert!(first.contains("60 comments wait for your decision. · Page 1 of 3"));
        assert!(first.contains(r#"<strong aria-current="true">Oldest first</strong>"#));
        assert!(first.contains(r#"href="/moderation?page=2""#));
        let mut seen = Vec::new();
        for page in 1..=3 {
            let (_, html) = chair.browser.get(&format!("/moderation?page={page}")).await;
            let shown = cards(&html);
            assert_eq!(shown, posted[(page - 1) * 20..page * 20], "page {page}");
            seen.extend(shown);
            let (_, html) = chair
                .browser
                .get(&format!("/moderation?order=newest&page={page}"))
                .await;
            assert_eq!(
                cards(&html),
                newest[(page - 1) * 20..page * 20],
                "page {page}, newest first"
            );
        }
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 60, "every comment on exactly one page");

        // Each card is compact: the roundtable's code, not its title.
        assert!(first.contains("<strong>RT 3.2</strong> · "));
        assert!(first.contains(r#"<span class="tag">Question 2</span>"#));
        assert!(first.contains("Author 01</strong>, Queue Association"));
        assert!(
            !first.contains("Strengthening"),
            "no full titles on the cards"
        );

        // The queue shrinks under a chair: a page past the end is the last.
        let (status, past) = chair.browser.get("/moderation?page=9").await;
        assert_eq!(status, 200);
        assert_eq!(cards(&past), posted[40..60]);
        assert!(past.contains("Page 3 of 3"));
        for wrong in ["order=random", "page=0", "page=two"] {
            let (status, _) = chair.browser.get(&format!("/moderation?{wrong}")).await;
            assert_eq!(status, 400, "{wrong}");
        }
    }
}

#[tokio::test]
async fn what_waits_is_counted_per_roundtable_and_each_count_filters_the_queue() {
    for app in TestApp::with_demo().spawn_each().await {
        let in_3_2 = waiting_comments(&app, RT_3_2, 3).await;
        let in_3_1 = waiting_comments(&app, "rt-3-1", 2).await;
        let mut staff = person_with(&app, "Stella Staff", Role::Staff, true).await;
        let (_, page) = staff.browser.get("/moderation?order=newest").await;
        let nav = &page[page.find(r#"class="queue-places""#).expect("the counts")..];
        let nav = &nav[..nav.find("</nav>").unwrap()];
        assert!(nav.contains(">All roundtables (5)</a>"), "{nav}");
        assert!(nav.contains(">RT 3.1 (2)</a>") && nav.contains(">RT 3.2 (3)</a>"));
        // Each count is a link that filters, in the order being read.
        let link = nav[..nav.find(">RT 3.1 (2)</a>").unwrap()]
            .rsplit("href=\"")
            .next()
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .replace("&amp;", "&");
        assert!(link.contains("order=newest"), "{link}");
        let (status, filtered) = staff.browser.get(&link).await;
        assert_eq!(status, 200);
        assert_eq!(cards(&filtered), [in_3_1[1].clone(), in_3_1[0].clone()]);
        assert!(filtered.contains(r#"aria-current="page">RT 3.1 (2)</a>"#));
        assert!(!cards(&filtered).contains(&in_3_2[0]));

        // A chair of one roundtable reads the count in the lead.
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let (_, page) = chair.browser.get("/moderation").await;
        assert!(page.contains("3 comments wait for your decision."));
        assert!(!page.contains(r#"class="queue-places""#));
    }
}

#[tokio::test]
async fn a_decision_comes_back_to_the_same_place_in_the_queue_naming_the_author() {
    for app in TestApp::with_demo().spawn_each().await {
        let posted = waiting_comments(&app, RT_3_2, 60).await;
        let newest: Vec<String> = posted.iter().rev().cloned().collect();
        let name = |reference: &str| author_of(posted.iter().position(|r| r == reference).unwrap());
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let at = "/moderation?order=newest&page=2";
        let (_, page) = chair.browser.get(at).await;
        assert_eq!(cards(&page), newest[20..40]);

        // Publishing the fifth card: back on page 2, newest first, with the
        // confirmation where it was and the next comment after it.
        // A decision button without its comment is refused, named, and
        // decides nothing (it once panicked).
        for broken in ["publish", "", "publish "] {
            let refused = post_from(&mut chair, at, &[("quick", broken)]).await;
            let status = refused.status().as_u16();
            assert!((400..500).contains(&status), "quick={broken:?}: {status}");
        }
        let (target, next) = (newest[24].clone(), newest[25].clone());
        let quick = format!("publish {target}@0");
        let response = post_from(&mut chair, at, &[("quick", &quick)]).await;
        let (location, page) = follow(&mut chair, response).await;
        assert_eq!(
            location,
            format!("{at}&done=publish&decided={target}#decided")
        );
        assert_eq!(status_of(&app, &target).await, "approved");
        let (said, before) = confirmation(&page).expect("a confirmation");
        let n = posted.iter().position(|r| *r == target).unwrap();
        let on = if n % 3 == 0 {
            "comment on question 2"
        } else {
            "general comment"
        };
        assert_eq!(said, format!("Published {}’s {on}.", name(&target)));
        assert_eq!(before, 4, "where the decided comment was");
        assert_eq!(cards(&page)[4], next, "the next comment follows");
        assert!(page.contains("Page 2 of 3"));
        assert!(page.contains(r#"<strong aria-current="true">Newest first</strong>"#));

        // From a comment's own page, opened from the queue: back to the same
        // place too.
        let detail = format!("/moderation/{next}?order=newest&page=2");
        assert!(page.contains(&format!(
            r#"href="/moderation/{next}?order=newest&amp;page=2""#
        )));
        let (status, item) = chair.browser.get(&detail).await;
        assert_eq!(status, 200);
        assert!(item.contains(r#"<a href="/moderation?order=newest&amp;page=2">Moderation</a>"#));
        let response = post_from(
            &mut chair,
            "/moderation?order=newest&page=2",
            &[
                ("comment", &format!("{next}@0")),
                ("origin", "item"),
                ("action", "reject"),
                ("reason", "off_topic"),
            ],
        )
        .await;
        let (location, page) = follow(&mut chair, response).await;
        assert!(location.starts_with(&format!("{at}&done=reject&decided={next}")));
        let (said, before) = confirmation(&page).unwrap();
        assert!(
            said.starts_with(&format!("Rejected {}’s ", name(&next))),
            "{said}"
        );
        assert_eq!(before, 4);

        // A selection: the names, never the references.
        let (a, b) = (newest[30].clone(), newest[31].clone());
        let response = post_from(
            &mut chair,
            at,
            &[
                ("comment", &format!("{a}@0")),
                ("comment", &format!("{b}@0")),
                ("action", "publish"),
            ],
        )
        .await;
        let (_, page) = follow(&mut chair, response).await;
        let (said, _) = confirmation(&page).unwrap();
        assert_eq!(
            said,
            format!("Published 2 comments, by {} and {}.", name(&a), name(&b))
        );

        // The address confirms only what the trail says this chair did.
        let (_, page) = chair
            .browser
            .get(&format!("/moderation?done=reject&decided={target}"))
            .await;
        assert_eq!(confirmation(&page), None, "it was published, not rejected");
        let mut other = crate::people::chair(&app, "Carl Chair", RT_3_2).await;
        let (_, page) = other
            .browser
            .get(&format!("/moderation?done=publish&decided={target}"))
            .await;
        assert_eq!(confirmation(&page), None, "Clara published it, not Carl");

        // Too late: another chair decided first. 409, who did what, and the
        // way back to the same place.
        let response = post_from(&mut other, at, &[("quick", &quick)]).await;
        assert_eq!(response.status().as_u16(), 409);
        let page = response.text().await.unwrap();
        assert!(
            page.contains(&format!("About {}’s ", name(&target))),
            "{page}"
        );
        assert!(page.contains("Already decided: Clara Chair published it"));
        assert!(!page.contains(&format!("{target}:")), "no bare references");
        assert!(page.contains(r#"href="/moderation?order=newest&amp;page=2""#));

        // Partly too late: the page says what happened to each, by name.
        let waiting = newest[35].clone();
        let response = post_from(
            &mut other,
            at,
            &[
                ("comment", &format!("{target}@0")),
                ("comment", &format!("{waiting}@0")),
                ("action", "publish"),
            ],
        )
        .await;
        assert_eq!(response.status().as_u16(), 200);
        let page = response.text().await.unwrap();
        assert!(page.contains(&format!("About {}’s ", name(&target))));
        assert!(page.contains(&format!("Published {}’s ", name(&waiting))));
        assert_eq!(status_of(&app, &waiting).await, "approved");
        app.deliver_mail().await;
    }
}

#[tokio::test]
async fn each_comment_offers_only_the_decisions_its_state_allows() {
    for app in TestApp::with_demo().spawn_each().await {
        let reference = waiting_comments(&app, RT_3_2, 1).await.remove(0);
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let offers = |page: &str, action: &str| page.contains(&format!(r#"value="{action}""#));
        let on_card =
            |page: &str, action: &str| page.contains(&format!(r#"value="{action} {reference}"#));
        let item = format!("/moderation/{reference}");

        let (_, page) = chair.browser.get(&item).await;
        for action in ["publish", "reject"] {
            assert!(offers(&page, action), "pending: {action}");
        }
        for action in ["highlight", "unhighlight", "unpublish", "dismiss_reports"] {
            assert!(!offers(&page, action), "pending: no {action}");
        }
        assert!(page.contains("Save the questions"), "re-tagging");
        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(on_card(&queue, "publish") && on_card(&queue, "reject"));
        assert!(!on_card(&queue, "dismiss_reports") && !on_card(&queue, "unpublish"));

        decide(&mut chair, &[&reference], &[("action", "publish")]).await;
        let (_, page) = chair.browser.get(&item).await;
        for action in ["highlight", "unpublish"] {
            assert!(offers(&page, action), "published: {action}");
        }
        for action in ["publish", "reject", "unhighlight", "dismiss_reports"] {
            assert!(!offers(&page, action), "published: no {action}");
        }
        decide(&mut chair, &[&reference], &[("action", "highlight")]).await;
        let (_, page) = chair.browser.get(&item).await;
        assert!(offers(&page, "unhighlight") && !offers(&page, "highlight"));

        // Reported: the reports can be dismissed, on its card too.
        let mut reader = participant(&app, "Rita Reader").await;
        let report = format!("{}/comments/{reference}/report", roundtable_path(RT_3_2));
        reader.browser.get(&report).await;
        let response = reader.browser.post(&report, &[("reason", "spam")]).await;
        assert_eq!(response.status().as_u16(), 200);
        let (_, page) = chair.browser.get(&item).await;
        assert!(offers(&page, "dismiss_reports"));
        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(on_card(&queue, "dismiss_reports") && on_card(&queue, "unpublish"));
        assert!(!on_card(&queue, "publish") && !on_card(&queue, "reject"));

        // A decision no longer possible keeps its 409 and who came first.
        let (status, page) = decide(&mut chair, &[&reference], &[("action", "publish")]).await;
        assert_eq!(status, 409);
        assert!(page.contains("Already decided: Clara Chair"), "{page}");
        app.deliver_mail().await;
    }
}

#[tokio::test]
async fn rejecting_a_selection_without_a_reason_keeps_it_all_and_decides_nothing() {
    for app in TestApp::with_demo().spawn_each().await {
        let posted = waiting_comments(&app, RT_3_2, 60).await;
        let on_page: Vec<String> = posted[20..40].to_vec();
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let at = "/moderation?page=2";
        chair.browser.get(at).await;
        let note = "Please keep to the guiding questions.";

        // "Select all on this page" without JavaScript: the page again,
        // every comment on it ticked, the choices kept, nothing decided.
        let response = post_from(
            &mut chair,
            at,
            &[
                ("select", "page-bottom"),
                ("action-bottom", "reject"),
                ("note-bottom", note),
            ],
        )
        .await;
        assert_eq!(response.status().as_u16(), 200);
        let page = response.text().await.unwrap();
        assert_eq!(cards(&page), on_page, "the same page");
        assert!(on_page.iter().all(|r| ticked(&page, r)), "all ticked");
        assert!(below_the_list(&page).contains(r#"<option value="reject" selected>"#));
        assert!(below_the_list(&page).contains(&format!(">{note}</textarea>")));

        // Rejecting them from the controls below the list, without a reason.
        let selection: Vec<String> = on_page.iter().map(|r| format!("{r}@0")).collect();
        let mut fields: Vec<(&str, &str)> =
            selection.iter().map(|s| ("comment", s.as_str())).collect();
        fields.extend([
            ("apply", "bottom"),
            ("action-bottom", "reject"),
            ("reason-bottom", ""),
            ("note-bottom", note),
        ]);
        let response = post_from(&mut chair, at, &fields).await;
        assert_eq!(response.status().as_u16(), 422);
        let page = response.text().await.unwrap();
        assert_eq!(cards(&page), on_page, "still page 2");
        assert!(
            on_page.iter().all(|r| ticked(&page, r)),
            "the selection is kept"
        );
        let below = below_the_list(&page);
        assert!(
            below.contains(r#"<option value="reject" selected>"#),
            "the decision"
        );
        assert!(below.contains(&format!(">{note}</textarea>")), "the note");
        assert!(
            below.contains(r#"id="bulk-reason-bottom-error""#),
            "next to the field"
        );
        assert!(
            page.contains(r##"<a href="#bulk-reason-bottom">"##),
            "in the summary"
        );
        assert!(page.contains("<title>Error: "));
        for reference in &on_page {
            assert_eq!(status_of(&app, reference).await, "pending");
        }

        // With a reason, all twenty are rejected and named.
        let mut fields: Vec<(&str, &str)> =
            selection.iter().map(|s| ("comment", s.as_str())).collect();
        fields.extend([
            ("apply", "bottom"),
            ("action-bottom", "reject"),
            ("reason-bottom", "off_topic"),
            ("note-bottom", note),
        ]);
        let response = post_from(&mut chair, at, &fields).await;
        let (location, page) = follow(&mut chair, response).await;
        assert!(location.starts_with("/moderation?page=2&done=reject&decided="));
        let (said, _) = confirmation(&page).unwrap();
        assert!(
            said.starts_with("Rejected 20 comments, by Author 21, Author 22, ")
                && said.ends_with(" and 12 others."),
            "{said}"
        );
        for reference in &on_page {
            assert_eq!(status_of(&app, reference).await, "rejected");
        }
        assert_eq!(cards(&page), posted[40..60], "page 2 of what remains");
        app.deliver_mail().await;
    }
}

#[tokio::test]
async fn a_card_s_own_reject_form_comes_back_open_with_its_mistake() {
    for app in TestApp::with_demo().spawn_each().await {
        let posted = waiting_comments(&app, RT_3_2, 3).await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        chair.browser.get("/moderation").await;
        let reference = &posted[1];
        let (quick, reason, note) = (
            format!("reject {reference}@0"),
            format!("reason-{reference}"),
            format!("note-{reference}"),
        );
        let response = post_from(
            &mut chair,
            "/moderation",
            &[
                ("quick", &quick),
                (&reason, ""),
                (&note, "Please say which question."),
            ],
        )
        .await;
        assert_eq!(response.status().as_u16(), 422);
        let page = response.text().await.unwrap();
        let card = &page[page.find(&format!(r#"id="{reference}""#)).unwrap()..];
        let card = &card[..card.find("</li>").unwrap()];
        assert!(
            card.contains(r#"<details class="reason-form" open"#),
            "{card}"
        );
        assert!(card.contains(&format!(r#"id="reason-{reference}-error""#)));
        assert!(card.contains(">Please say which question.</textarea>"));
        assert!(page.contains(&format!(r##"<a href="#reason-{reference}">"##)));
        assert!(
            !page.contains(r#"id="bulk-reason-error""#),
            "only on the card"
        );
        assert!(
            !page.contains(r#"<option value="reject" selected>"#),
            "{page}"
        );
        assert_eq!(status_of(&app, reference).await, "pending");

        let response = post_from(
            &mut chair,
            "/moderation",
            &[("quick", &quick), (&reason, "duplicate"), (&note, "")],
        )
        .await;
        let (_, page) = follow(&mut chair, response).await;
        assert_eq!(status_of(&app, reference).await, "rejected");
        let (said, before) = confirmation(&page).unwrap();
        assert_eq!(said, "Rejected Author 02’s general comment.");
        assert_eq!(before, 1);
        app.deliver_mail().await;
    }
}
