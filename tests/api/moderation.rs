//! The chairs' side: the queue, every decision, races between chairs,
//! placeholders, the audit trail, who may decide what, and the emails
//! around decisions, against a real SMTP server. Both backends.

use crate::helpers::*;
use crate::people::*;
use crate::smtp_server::SmtpServer;
use chrono::{Duration, Utc};
use roundtable::domain::user::Role;
use roundtable::i18n::{self, Arg, Language};
use roundtable::outbox;
use roundtable::services::{emails, notifications};
use roundtable::templates::Templates;

/// The first RT 3.2 demo comment that is published, for replies.
async fn a_published_demo_comment(app: &TestApp) -> String {
    app.with_conn(|conn| {
        let id = crate::fixtures::roundtable_id(conn, FORUM, RT_3_2);
        roundtable::db::queries::comments::for_roundtable(conn, id)
            .unwrap()
            .into_iter()
            .find(|c| c.is_public() && c.parent_id.is_none())
            .expect("the demo has published comments")
            .reference
    })
    .await
}

/// The issue's "done when", as a browser without JavaScript does it.
#[tokio::test]
async fn a_chair_moderates_from_the_inbox_and_the_participant_hears_both_decisions() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut amina = participant(&app, "Amina Diallo").await;
        let chair = chair(&app, "Clara Chair", RT_3_2).await;
        let response = post_comment(
            &mut amina,
            RT_3_2,
            "Local authorities should co-design **integration plans** with migrant associations.",
            &["2"],
        )
        .await;
        let comment = posted_reference(&response);
        // The worker sends the first waiting comment at once.
        deliver(&app, &smtp).await;
        let parent = a_published_demo_comment(&app).await;
        let response = post_reply(
            &mut amina,
            RT_3_2,
            &parent,
            "I agree, and would add funding.",
        )
        .await;
        let reply = posted_reference(&response);

        let mails = deliver(&app, &smtp).await;
        let to_chair = mails_to(&mails, &chair.email);
        assert_eq!(
            to_chair.len(),
            2,
            "the first at once, the next a quarter of an hour later: {:?}",
            app.backend
        );
        let about_comment = to_chair
            .iter()
            .find(|m| m.part("text/plain").unwrap().contains("integration plans"))
            .expect("the comment's email");
        let text = about_comment.part("text/plain").unwrap();
        assert!(text.contains("Answers: Question 2"));
        assert!(text.contains("Amina Diallo, Amina Diallo's Association (Georgia)"));
        assert!(
            text.contains(&format!("{BASE_URL}moderation/{comment}")),
            "links to the item"
        );
        assert!(about_comment
            .data
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(about_comment.data.contains("List-Unsubscribe: <"));

        // The publish link opens a page; the GET decides nothing.
        let mut inbox = app.browser();
        let publish = link_in(about_comment, "moderation/email/publish");
        let (status, page) = inbox.get(&publish).await;
        assert_eq!(status, 200);
        assert!(page.contains("Publish this comment?"));
        assert_eq!(status_of(&app, &comment).await, "pending");
        let token = publish.split_once("token=").unwrap().1;
        let response = inbox
            .post("/moderation/email/publish", &[("token", token)])
            .await;
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(status_of(&app, &comment).await, "approved");

        // The reply is rejected from its email, with a reason and a note.
        let about_reply = to_chair
            .iter()
            .find(|m| m.part("text/plain").unwrap().contains("would add funding"))
            .unwrap();
        let text = about_reply.part("text/plain").unwrap();
        assert!(text.contains("In reply to:"));
        let reject = link_in(about_reply, "moderation/email/reject");
        let (status, page) = inbox.get(&reject).await;
        assert_eq!(status, 200);
        assert!(page.contains(r#"<select id="reason" name="reason""#));
        let token = reject.split_once("token=").unwrap().1;
        let response = inbox
            .post(
                "/moderation/email/reject",
                &[("token", token), ("reason", "")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422, "a reason is required");
        assert!(response
            .text()
            .await
            .unwrap()
            .contains(r#"id="reason-error""#));
        assert_eq!(status_of(&app, &reply).await, "pending");
        let response = inbox
            .post(
                "/moderation/email/reject",
                &[
                    ("token", token),
                    ("reason", "duplicate"),
                    ("note", "Please merge it with your first comment."),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(status_of(&app, &reply).await, "rejected");

        // Following the link again: the first decision stands.
        let response = inbox
            .post(
                "/moderation/email/reject",
                &[("token", token), ("reason", "spam")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 409);
        assert!(response
            .text()
            .await
            .unwrap()
            .contains("Already decided: Clara Chair rejected it"));

        // Both decisions within a minute: one email names them both.
        let mails = deliver(&app, &smtp).await;
        let to_amina = mails_to(&mails, &amina.email);
        assert_eq!(to_amina.len(), 1, "{:?}", app.backend);
        let told = to_amina[0].part("text/plain").unwrap();
        assert_eq!(
            to_amina[0].header("Subject").as_deref(),
            Some("Chairs decided on 2 of your comments")
        );
        let published = &told[told.find("Published").expect("the publication")..];
        assert!(
            published.contains(&format!("#{comment}")),
            "the published comment, linked in its thread: {told}"
        );
        let excerpt =
            "\"Local authorities should co-design integration plans with migrant associations.\"";
        assert!(
            told.contains(excerpt),
            "a plain excerpt, without Markdown: {told}"
        );
        let rejected = &told[told.find("Not published").expect("the rejection")..];
        assert!(rejected.contains("Reason: Duplicate of another comment"));
        assert!(rejected.contains("Note from the chair: Please merge it with your first comment."));
        assert!(
            rejected.contains("I agree, and would add funding."),
            "the text to reuse"
        );

        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        let start = page.find(&format!(r#"id="{comment}""#)).expect("published");
        let shown = &page[start..start + page[start..].find("</li>").unwrap()];
        assert!(shown.contains("<strong>Amina Diallo</strong>, Amina Diallo&#x27;s Association"));
        assert!(shown.contains("(Georgia)"));
        assert!(shown.contains("Question 2"));
        assert!(
            !page.contains("would add funding"),
            "the rejected reply stays hidden"
        );
    }
}

#[tokio::test]
async fn a_chair_decides_only_in_the_roundtables_they_chair() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair_32 = chair(&app, "Clara Chair", RT_3_2).await;
        let mut chair_31 = chair(&app, "Carl Chair", "rt-3-1").await;
        let mut staff = person_with(&app, "Stella Staff", Role::Staff, true).await;
        let response = post_comment(&mut author, "rt-3-1", "A comment on RT 3.1", &[]).await;
        let elsewhere = posted_reference(&response);

        let (_, queue) = chair_32.browser.get("/moderation").await;
        assert!(!queue.contains(&elsewhere), "not in another chair's queue");
        let (status, _) = chair_32
            .browser
            .get(&format!("/moderation/{elsewhere}"))
            .await;
        assert_eq!(status, 404);
        let (status, page) = decide(&mut chair_32, &[&elsewhere], &[("action", "publish")]).await;
        assert_eq!(status, 403);
        assert!(page.contains("Not yours to decide"));
        assert_eq!(status_of(&app, &elsewhere).await, "pending");
        let (_, page) = chair_32.browser.get(&roundtable_path("rt-3-1")).await;
        assert!(!page.contains("A comment on RT 3.1"), "nor on the page");

        let (_, queue) = chair_31.browser.get("/moderation").await;
        assert!(queue.contains(&elsewhere));
        let (_, queue) = staff.browser.get("/moderation").await;
        assert!(queue.contains(&elsewhere), "staff see every roundtable");

        let (status, _) = author.browser.get("/moderation").await;
        assert_eq!(status, 403, "a participant has no queue");
        let (status, _) = decide(&mut author, &[&elsewhere], &[("action", "publish")]).await;
        assert_eq!(status, 403);
        let (status, _) = app.get_text("/moderation").await;
        assert_eq!(status, 401);
        let (status, _) = decide(&mut chair_31, &[&elsewhere], &[("action", "publish")]).await;
        assert_eq!(status, 200);
        assert_eq!(status_of(&app, &elsewhere).await, "approved");
    }
}

#[tokio::test]
async fn when_two_chairs_decide_at_once_the_first_wins_and_one_email_goes_out() {
    for app in TestApp::with_demo().spawn_each().await {
        let mut author = participant(&app, "Amina Diallo").await;
        let mut first = chair(&app, "Clara Chair", RT_3_2).await;
        let mut second = chair(&app, "Carl Chair", RT_3_2).await;
        let mut references = Vec::new();
        for n in 0..6 {
            let response =
                post_comment(&mut author, RT_3_2, &format!("Contested comment {n}"), &[]).await;
            references.push(posted_reference(&response));
        }
        first.browser.get("/moderation").await;
        second.browser.get("/moderation").await;
        let before = app.with_conn(|c| outbox::counts(c).unwrap().pending).await;
        for reference in &references {
            let publish = [("comment", reference.as_str()), ("action", "publish")];
            let reject = [
                ("comment", reference.as_str()),
                ("action", "reject"),
                ("reason", "off_topic"),
            ];
            let (a, b) = tokio::join!(
                first.browser.post("/moderation/decide", &publish),
                second.browser.post("/moderation/decide", &reject),
            );
            let statuses = [a.status().as_u16(), b.status().as_u16()];
            let mut pages = vec![a.text().await.unwrap(), b.text().await.unwrap()];
            assert!(
                statuses.contains(&303) && statuses.contains(&409),
                "{statuses:?} {:?}",
                app.backend
            );
            let loser = pages.remove(statuses.iter().position(|s| *s == 409).unwrap());
            assert!(
                loser.contains("Already decided: Clara Chair published it")
                    || loser.contains("Already decided: Carl Chair rejected it"),
                "{loser}"
            );
        }
        let after = app.with_conn(|c| outbox::counts(c).unwrap().pending).await;
        assert_eq!(
            after - before,
            1,
            "the author's decisions of the minute make one email"
        );
        let smtp = SmtpServer::start().await;
        let mails = deliver(&app, &smtp).await;
        let to_author = mails_to(&mails, &author.email);
        assert_eq!(to_author.len(), 1, "{:?}", app.backend);
        let text = to_author[0].part("text/plain").unwrap();
        for n in 0..references.len() {
            assert_eq!(
                text.matches(&format!("\"Contested comment {n}\"")).count(),
                1,
                "each comment once, with the decision that won: {text}"
            );
        }
    }
}

#[tokio::test]
async fn every_decision_is_audited_and_placeholders_keep_replies_in_their_thread() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut replier = participant(&app, "Ben Reply").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let mut staff = person_with(&app, "Stella Staff", Role::Staff, true).await;
        let root = posted_reference(
            &post_comment(&mut author, RT_3_2, "Root to be unpublished", &["1"]).await,
        );
        decide(&mut chair, &[&root], &[("action", "publish")]).await;
        let reply = posted_reference(
            &post_reply(&mut replier, RT_3_2, &root, "A reply worth keeping").await,
        );
        decide(&mut chair, &[&reply], &[("action", "publish")]).await;

        let (status, _) = decide(&mut chair, &[&root], &[("action", "highlight")]).await;
        assert_eq!(status, 200);
        let (status, page) = decide(&mut chair, &[&root], &[("action", "highlight")]).await;
        assert_eq!(status, 409, "{page}");
        let (status, _) = decide(
            &mut chair,
            &[&root],
            &[("action", "retag"), ("questions", "3"), ("questions", "4")],
        )
        .await;
        assert_eq!(status, 200);
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("Highlighted by the chair"));
        let start = page.find(&format!(r#"id="{root}""#)).unwrap();
        let shown = &page[start..start + page[start..].find("</article>").unwrap()];
        assert!(
            shown.contains("Question 3")
                && shown.contains("Question 4")
                && !shown.contains("Question 1")
        );

        let (status, page) = decide(
            &mut chair,
            &[&root],
            &[("action", "unpublish"), ("reason", "")],
        )
        .await;
        assert_eq!(status, 422, "a reason is required");
        assert!(
            page.contains(r#"id="reason-error""#),
            "next to the field on the comment's page"
        );
        let (status, _) = decide(
            &mut chair,
            &[&root],
            &[
                ("action", "unpublish"),
                ("reason", "abusive"),
                ("note", "Personal attack"),
            ],
        )
        .await;
        assert_eq!(status, 200);
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("This comment is not published."));
        assert!(!page.contains("Root to be unpublished"));
        assert!(
            page.contains("A reply worth keeping"),
            "the reply keeps its thread"
        );

        let audit = format!("{}/audit", roundtable_path(RT_3_2));
        let (status, _) = chair.browser.get(&audit).await;
        assert_eq!(status, 403, "the audit trail is for staff");
        let (status, trail) = staff.browser.get(&audit).await;
        assert_eq!(status, 200);
        for line in [
            "submitted (Awaiting the chair&#x27;s decision)",
            "published (Awaiting the chair&#x27;s decision → Published)",
            "highlighted",
            "questions changed",
            "Questions 3, 4",
            "unpublished (Published → Not published)",
            "Abusive: “Personal attack”",
        ] {
            assert!(trail.contains(line), "{line} in the audit trail");
        }
        assert!(trail.contains("Clara Chair"));
    }
}

#[tokio::test]
async fn chairs_decide_on_a_selection_at_once() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let mut references = Vec::new();
        for n in 0..3 {
            references.push(posted_reference(
                &post_comment(&mut author, RT_3_2, &format!("Spam number {n}"), &[]).await,
            ));
        }
        let selected: Vec<&str> = references.iter().map(String::as_str).collect();
        let (status, page) = decide(&mut chair, &selected, &[("action", "reject")]).await;
        assert_eq!(status, 422);
        assert!(page.contains(r#"id="bulk-reason-error""#));
        let (status, page) = decide(&mut chair, &[], &[("action", "publish")]).await;
        assert_eq!(status, 422);
        assert!(page.contains("Select at least one comment."));
        let (status, page) = decide(
            &mut chair,
            &selected,
            &[("action", "reject"), ("reason", "spam")],
        )
        .await;
        assert_eq!(status, 200, "back on the queue");
        assert!(
            page.contains("Rejected 3 comments, by Amina Diallo (3)."),
            "the names, not the references: {page}"
        );
        for reference in &references {
            assert_eq!(status_of(&app, reference).await, "rejected");
        }
        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(queue.contains("Nothing waits for you") || !queue.contains(&references[0]));
    }
}

#[tokio::test]
async fn trusted_participants_and_post_moderated_roundtables_publish_at_once() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut staff = person_with(&app, "Stella Staff", Role::Staff, true).await;
        let first = posted_reference(&post_comment(&mut author, RT_3_2, "Before trust", &[]).await);
        assert_eq!(status_of(&app, &first).await, "pending");
        let (_, queue) = staff.browser.get("/moderation").await;
        assert!(queue.contains("Trust Amina Diallo"));
        let response = staff
            .browser
            .post(
                "/moderation/trust",
                &[("user", &author.id.to_string()), ("trusted", "on")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 303);
        let second =
            posted_reference(&post_comment(&mut author, "rt-3-1", "After trust", &[]).await);
        assert_eq!(status_of(&app, &second).await, "approved", "everywhere");

        let mut other = participant(&app, "Omar Haddad").await;
        sql(
            &app,
            "UPDATE roundtables SET moderation_mode = 'post' WHERE slug = 'rt-3-2'".into(),
        )
        .await;
        let third =
            posted_reference(&post_comment(&mut other, RT_3_2, "Post-moderated", &[]).await);
        assert_eq!(status_of(&app, &third).await, "approved");
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let (status, _) = decide(
            &mut chair,
            &[&third],
            &[("action", "unpublish"), ("reason", "off_topic")],
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(status_of(&app, &third).await, "rejected");
        let response = other
            .browser
            .post(
                "/moderation/trust",
                &[("user", &other.id.to_string()), ("trusted", "on")],
            )
            .await;
        assert_eq!(
            response.status().as_u16(),
            403,
            "participants cannot trust anyone"
        );
    }
}

#[tokio::test]
async fn replies_are_announced_only_once_published_and_emails_can_be_switched_off() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut ana = participant(&app, "Ana Root").await;
        let mut ben = participant(&app, "Ben Reply").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let root = posted_reference(&post_comment(&mut ana, RT_3_2, "Root", &[]).await);
        decide(&mut chair, &[&root], &[("action", "publish")]).await;
        let reply = posted_reference(&post_reply(&mut ben, RT_3_2, &root, "Pending reply").await);
        let mails = deliver(&app, &smtp).await;
        assert!(
            !mails_to(&mails, &ana.email)
                .iter()
                .any(|m| m.part("text/plain").unwrap().contains("replied")),
            "nothing before the reply is published"
        );
        decide(&mut chair, &[&reply], &[("action", "publish")]).await;
        let mails = deliver(&app, &smtp).await;
        let told = mails_to(&mails, &ana.email)
            .into_iter()
            .find(|m| {
                m.part("text/plain")
                    .unwrap()
                    .contains("Ben Reply, Ben Reply's Association (Georgia) replied")
            })
            .expect("told once the reply is published");

        // One-click unsubscribe (RFC 8058), as a mail provider does it: no cookie.
        let unsubscribe = link_in(told, "unsubscribe");
        let response = reqwest::Client::new()
            .post(app.url(&unsubscribe))
            .form(&[("List-Unsubscribe", "One-Click")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        assert!(response
            .text()
            .await
            .unwrap()
            .contains("Published replies to my comments"));
        let second = posted_reference(&post_reply(&mut ben, RT_3_2, &root, "Another reply").await);
        decide(&mut chair, &[&second], &[("action", "publish")]).await;
        let count_before = mails_to(&mails, &ana.email).len();
        let mails = deliver(&app, &smtp).await;
        assert_eq!(
            mails_to(&mails, &ana.email).len(),
            count_before,
            "switched off"
        );

        // The account page shows the switch off, and turns it on again.
        let (_, account) = ana.browser.get("/account").await;
        assert!(account.contains(r#"name="replies">"#), "unticked");
        let response = ana
            .browser
            .post(
                "/account/emails",
                &[
                    ("moderation_alerts", "daily"),
                    ("decisions", "on"),
                    ("replies", "on"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 303);
        let (_, account) = ana.browser.get("/account").await;
        assert!(account.contains(r#"name="replies" checked"#));
        assert!(
            !account.contains(r#"name="moderation_alerts""#),
            "chair alerts are for chairs and staff"
        );
        let response = reqwest::Client::new()
            .post(app.url("/unsubscribe?token=forged.123.abc"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 404);
    }
}

#[tokio::test]
async fn chairs_who_prefer_summaries_get_one_per_period() {
    for app in TestApp::with_demo().spawn_each().await {
        let smtp = SmtpServer::start().await;
        let mut author = participant(&app, "Amina Diallo").await;
        let mut hourly = chair(&app, "Hana Hourly", RT_3_2).await;
        let immediate = chair(&app, "Ida Immediate", RT_3_2).await;
        hourly.browser.get("/account").await;
        let response = hourly
            .browser
            .post(
                "/account/emails",
                &[
                    ("moderation_alerts", "hourly"),
                    ("decisions", "on"),
                    ("replies", "on"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 303);
        for n in 0..2 {
            post_comment(&mut author, RT_3_2, &format!("Waiting comment {n}"), &[]).await;
        }
        let mails = deliver(&app, &smtp).await;
        let at_once = mails_to(&mails, &immediate.email);
        assert_eq!(at_once.len(), 1, "both arrived before the first email went");
        let text = at_once[0].part("text/plain").unwrap();
        assert!(text.contains("Waiting comment 0") && text.contains("Waiting comment 1"));
        assert_eq!(mails_to(&mails, &hourly.email).len(), 0, "no email at once");

        let next_hour = Utc::now() + Duration::hours(1);
        let summarise = move |conn: &mut roundtable::db::AnyConnection| {
            let templates = Templates::load().unwrap();
            let signer = emails::link_signer(conn).unwrap();
            let base = url::Url::parse(BASE_URL).unwrap();
            let ctx = emails::EmailContext {
                templates: &templates,
                base_url: &base,
                signer: &signer,
                language: roundtable::i18n::Language::En,
            };
            notifications::send_due_summaries(conn, ctx, next_hour).unwrap()
        };
        assert_eq!(app.with_conn(summarise).await, 1);
        assert_eq!(
            app.with_conn(summarise).await,
            0,
            "once per period, whichever instance asks"
        );
        // Queued at the (simulated) end of the hour: deliver then.
        crate::mail::drain(
            &app,
            &crate::mail::mailer(&app, &smtp),
            &crate::mail::worker_settings(3),
            next_hour,
        )
        .await;
        let mails = smtp.received();
        let summary = mails_to(&mails, &hourly.email);
        assert_eq!(summary.len(), 1);
        let text = summary[0].part("text/plain").unwrap();
        assert!(text.contains("2 comments wait for your decision"), "{text}");
        assert!(text.contains("Waiting comment 0") && text.contains("Waiting comment 1"));
        assert_eq!(text.matches("moderation/email/publish?token=").count(), 2);
    }
}

#[tokio::test]
async fn emailed_links_expire_and_stop_working_for_former_chairs() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let chair = chair(&app, "Clara Chair", RT_3_2).await;
        let reference = posted_reference(&post_comment(&mut author, RT_3_2, "Waiting", &[]).await);
        let (comment_id, chair_id) = (
            app.with_conn({
                let r = reference.clone();
                move |c| {
                    roundtable::db::queries::comments::find_by_reference(c, &r)
                        .unwrap()
                        .unwrap()
                        .comment
                        .id
                }
            })
            .await,
            chair.id,
        );
        let link = move |sent: chrono::DateTime<Utc>| {
            move |conn: &mut roundtable::db::AnyConnection| {
                let templates = Templates::load().unwrap();
                let signer = emails::link_signer(conn).unwrap();
                let base = url::Url::parse(BASE_URL).unwrap();
                let ctx = emails::EmailContext {
                    templates: &templates,
                    base_url: &base,
                    signer: &signer,
                    language: roundtable::i18n::Language::En,
                };
                ctx.moderation_link(
                    "publish",
                    &comment_id.to_string(),
                    &chair_id.to_string(),
                    sent,
                )
                .trim_start_matches(BASE_URL)
                .to_owned()
            }
        };
        let old = app.with_conn(link(Utc::now() - Duration::days(8))).await;
        let (status, page) = app.get_text(&format!("/{old}")).await;
        assert_eq!(status, 410);
        assert!(page.contains("This link has expired"));
        let fresh = app.with_conn(link(Utc::now())).await;
        let (status, _) = app.get_text(&format!("/{fresh}")).await;
        assert_eq!(status, 200);
        let tampered = fresh.replace(&chair_id.to_string(), &author.id.to_string());
        let (status, _) = app.get_text(&format!("/{tampered}")).await;
        assert_eq!(status, 404);
        sql(
            &app,
            format!("DELETE FROM chair_assignments WHERE user_id = '{chair_id}'"),
        )
        .await;
        let (status, page) = app.get_text(&format!("/{fresh}")).await;
        assert_eq!(status, 404, "no longer a chair");
        assert!(page.contains("no longer chair"));
    }
}

#[tokio::test]
async fn a_chair_never_publishes_a_text_edited_after_they_read_it() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let reference = posted_reference(
            &post_comment(&mut author, RT_3_2, "A harmless first text", &[]).await,
        );
        // The chair reads the queue; its Publish button names revision 0.
        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(queue.contains(&format!("publish {reference}@0")));
        let edit = format!("{}/comments/{reference}/edit", roundtable_path(RT_3_2));
        author.browser.get(&edit).await;
        let response = author
            .browser
            .post(
                &edit,
                &[("body", "A text the chair never read"), ("intent", "save")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 303);
        let response = chair
            .browser
            .post(
                "/moderation/decide",
                &[("quick", &format!("publish {reference}@0"))],
            )
            .await;
        assert_eq!(response.status().as_u16(), 409);
        assert!(response
            .text()
            .await
            .unwrap()
            .contains("edited it since you read it"));
        assert_eq!(status_of(&app, &reference).await, "pending");
        let (_, queue) = chair.browser.get("/moderation").await;
        assert!(queue.contains("A text the chair never read"));
        let (status, _) = decide(
            &mut chair,
            &[&format!("{reference}@1")],
            &[("action", "publish")],
        )
        .await;
        assert_eq!(status, 200);
        let (_, page) = app.get_text(&roundtable_path(RT_3_2)).await;
        assert!(page.contains("A text the chair never read"));

        // Highlighted, then unpublished: the highlight goes with publication.
        decide(&mut chair, &[&reference], &[("action", "highlight")]).await;
        decide(
            &mut chair,
            &[&reference],
            &[("action", "unpublish"), ("reason", "other")],
        )
        .await;
        let highlighted = app
            .with_conn(move |c| {
                roundtable::db::queries::comments::find_by_reference(c, &reference)
                    .unwrap()
                    .unwrap()
                    .comment
                    .highlighted
            })
            .await;
        assert!(!highlighted);
    }
}

#[tokio::test]
async fn an_archived_consultation_keeps_its_decisions_as_they_were() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let waiting = posted_reference(
            &post_comment(
                &mut author,
                RT_3_2,
                "Posted just before the archive",
                &["1"],
            )
            .await,
        );
        sql(
            &app,
            "UPDATE consultations SET status = 'archived' \
             WHERE slug = 'global-forum-online-roundtables'"
                .into(),
        )
        .await;
        let (status, page) = decide(&mut chair, &[&waiting], &[("action", "publish")]).await;
        assert_eq!(status, 409, "{page}");
        assert!(page.contains("its consultation is archived"), "{page}");
        assert_eq!(status_of(&app, &waiting).await, "pending");

        chair.browser.get("/language/fr").await;
        let (status, page) = decide(&mut chair, &[&waiting], &[("action", "publish")]).await;
        assert_eq!(status, 409);
        let french = i18n::text(Language::Fr, "not-applicable-archived", &[]);
        assert!(
            page.contains(&tera::escape_html(&french)),
            "in French now: {page}"
        );
        assert_eq!(status_of(&app, &waiting).await, "pending");

        // Through the API: the chair's profile language wins over the browser's.
        let token = crate::comments_api::token_of(&mut chair, "Archive check").await;
        let response = app
            .browser()
            .client
            .post(app.url(&format!("/api/v1/comments/{waiting}/decisions")))
            .bearer_auth(token)
            .header("accept-language", "es")
            .json(&serde_json::json!({ "action": "publish" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 409);
        let problem: serde_json::Value = response.json().await.unwrap();
        let expected = i18n::text(
            Language::Fr,
            "conflict-not-possible",
            &[("why", Arg::Key("not-applicable-archived".into()))],
        );
        assert_eq!(problem["detail"], expected, "{problem}");
        assert!(expected.contains(&french));
        assert_eq!(status_of(&app, &waiting).await, "pending");
    }
}
