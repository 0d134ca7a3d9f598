//! Search over comments (issue 18) through the service, on both backends:
//! stemming and accents in three languages, phrases, who sees what, the
//! index kept in step with withdrawal and account deletion, duplicates,
//! filters and refusals, and the rebuild command.

use crate::helpers::*;
use crate::people::*;
use roundtable::domain::user::Actor;
use roundtable::services::search::{self, SearchInput, SearchResults};
use roundtable::services::ServiceError;

/// Posts through the comment form in the given language, answering the
/// given question numbers; returns the new comment's reference.
pub async fn post_in(
    person: &mut Person,
    roundtable: &str,
    language: &str,
    body: &str,
    questions: &[&str],
) -> String {
    let path = roundtable_path(roundtable);
    person.browser.get(&path).await;
    let mut fields = vec![("body", body), ("intent", "post"), ("language", language)];
    fields.extend(questions.iter().map(|q| ("questions", *q)));
    let response = person
        .browser
        .post(&format!("{path}/comments"), &fields)
        .await;
    assert_eq!(response.status().as_u16(), 303, "posted: {body}");
    posted_reference(&response)
}

pub async fn find(
    app: &TestApp,
    who: Option<Actor>,
    input: SearchInput,
) -> Result<SearchResults, ServiceError> {
    app.with_conn(move |conn| search::search(conn, who, &input))
        .await
}

pub fn words(q: &str) -> SearchInput {
    SearchInput {
        q: q.into(),
        page: 1,
        ..SearchInput::default()
    }
}

/// Every comment found, page after page, best first.
pub async fn references_found(
    app: &TestApp,
    who: Option<Actor>,
    input: SearchInput,
) -> Vec<String> {
    let mut found = Vec::new();
    for page in 1.. {
        let results = find(
            app,
            who,
            SearchInput {
                page,
                ..input.clone()
            },
        )
        .await
        .expect("the search runs");
        found.extend(results.comments.iter().map(|c| c.reference.clone()));
        if page >= results.pages {
            assert_eq!(found.len(), results.total, "every page counted");
            return found;
        }
    }
    unreachable!()
}

fn staff_actor(person: &Person) -> Actor {
    Actor {
        id: person.id,
        staff: true,
    }
}

fn actor(person: &Person) -> Actor {
    Actor {
        id: person.id,
        staff: false,
    }
}

#[tokio::test]
async fn words_are_found_in_three_languages_with_or_without_accents() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let french = post_in(
            &mut author,
            RT_3_2,
            "fr",
            "Nous demandons l'intégration des migrants dans les écoles.",
            &[],
        )
        .await;
        let spanish = post_in(
            &mut author,
            RT_3_2,
            "es",
            "La integración laboral tarda demasiado.",
            &[],
        )
        .await;
        let other_order = post_in(
            &mut author,
            RT_3_2,
            "fr",
            "Les migrants attendent une intégration rapide.",
            &[],
        )
        .await;
        let (status, _) = decide(
            &mut chair,
            &[&french, &spanish, &other_order],
            &[("action", "publish")],
        )
        .await;
        assert_eq!(status, 200);

        let by_plain = references_found(&app, None, words("integration migrants")).await;
        assert!(
            by_plain.contains(&french) && by_plain.contains(&other_order),
            "{by_plain:?}"
        );
        let by_accent = references_found(&app, None, words("intégration")).await;
        assert!(by_accent.contains(&french), "{by_accent:?}");
        for typed in ["integracion", "integración", "INTEGRACIÓN"] {
            let spanish_plain = references_found(&app, None, words(typed)).await;
            assert!(
                spanish_plain.contains(&spanish),
                "{typed}: {spanish_plain:?}"
            );
        }

        let phrase = references_found(&app, None, words("\"intégration des migrants\"")).await;
        assert!(
            phrase.contains(&french) && !phrase.contains(&other_order),
            "only the exact phrase"
        );
        let excluded = references_found(&app, None, words("integration -écoles")).await;
        assert!(
            !excluded.contains(&french) && excluded.contains(&other_order),
            "{excluded:?}"
        );

        let found = find(&app, None, words("integracion laboral"))
            .await
            .unwrap();
        let first = found
            .comments
            .iter()
            .find(|c| c.reference == spanish)
            .unwrap();
        let marked: Vec<&str> = first
            .excerpt
            .iter()
            .filter(|p| p.marked)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(
            marked,
            ["integración", "laboral"],
            "the matched words are marked as written"
        );
        assert!(
            !found.shows_status,
            "a visitor sees published comments only"
        );
    }
}

#[tokio::test]
async fn a_waiting_comment_is_found_by_its_chair_and_staff_but_not_by_visitors() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let chair = chair(&app, "Clara Chair", RT_3_2).await;
        let other_chair = chair_of(&app, "Omar Other", "rt-3-1").await;
        let staff = person_with(
            &app,
            "Sam Staff",
            roundtable::domain::user::Role::Staff,
            true,
        )
        .await;
        let waiting = post_in(
            &mut author,
            RT_3_2,
            "en",
            "Quarantined zebras deserve scholarships.",
            &[],
        )
        .await;
        assert_eq!(status_of(&app, &waiting).await, "pending");

        assert!(references_found(&app, None, words("zebras"))
            .await
            .is_empty());
        assert!(
            references_found(&app, Some(actor(&author)), words("zebras"))
                .await
                .is_empty()
        );
        assert!(
            references_found(&app, Some(actor(&other_chair)), words("zebras"))
                .await
                .is_empty()
        );
        let theirs = find(&app, Some(actor(&chair)), words("zebras"))
            .await
            .unwrap();
        assert_eq!(theirs.comments.len(), 1);
        assert!(theirs.shows_status);
        assert_eq!(theirs.comments[0].status.code(), "pending");
        assert_eq!(
            references_found(&app, Some(staff_actor(&staff)), words("zebras")).await,
            vec![waiting]
        );
    }
}

/// A participant who chairs another roundtable of the demo forum.
async fn chair_of(app: &TestApp, name: &str, roundtable: &str) -> Person {
    chair(app, name, roundtable).await
}

#[tokio::test]
async fn withdrawn_comments_and_deleted_accounts_leave_the_results_at_once() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut leaving = participant(&app, "Lea Leaving").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let withdrawn = post_in(
            &mut author,
            RT_3_2,
            "en",
            "Xylophone lessons for every refugee child.",
            &[],
        )
        .await;
        let kept = post_in(
            &mut leaving,
            RT_3_2,
            "en",
            "Xylophone teachers need visas too.",
            &[],
        )
        .await;
        decide(&mut chair, &[&withdrawn, &kept], &[("action", "publish")]).await;
        assert_eq!(
            references_found(&app, None, words("xylophone")).await.len(),
            2
        );

        let path = format!("{}/comments/{withdrawn}/withdraw", roundtable_path(RT_3_2));
        author.browser.get(&path).await;
        let response = author.browser.post(&path, &[]).await;
        assert_eq!(response.status().as_u16(), 303);
        assert_eq!(
            references_found(&app, None, words("xylophone")).await,
            vec![kept.clone()]
        );

        // The account goes, its comment stays readable as "Former participant",
        // and is no longer found, by anyone.
        leaving.browser.get("/account").await;
        let response = leaving
            .browser
            .post("/account/delete", &[("delete_password", PASSWORD)])
            .await;
        assert_eq!(response.status().as_u16(), 200, "the account is deleted");
        assert_eq!(status_of(&app, &kept).await, "approved");
        assert!(references_found(&app, None, words("xylophone"))
            .await
            .is_empty());
        let staff = person_with(
            &app,
            "Sam Staff",
            roundtable::domain::user::Role::Staff,
            true,
        )
        .await;
        assert!(
            references_found(&app, Some(staff_actor(&staff)), words("xylophone"))
                .await
                .is_empty()
        );

        // A rebuild keeps them out too.
        let indexed = app
            .with_conn(|conn| search::rebuild_index(conn).unwrap())
            .await;
        assert!(indexed > 0);
        assert!(references_found(&app, None, words("xylophone"))
            .await
            .is_empty());
    }
}

#[tokio::test]
async fn a_pasted_copy_of_a_published_comment_is_its_first_possible_duplicate() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut copier = participant(&app, "Carl Copier").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let text =
            "Municipal interpreters should be paid from the national budget, not by volunteers.";
        let original = post_in(&mut author, RT_3_2, "en", text, &[]).await;
        let similar = post_in(
            &mut author,
            RT_3_2,
            "en",
            "Interpreters in municipal offices are mostly volunteers.",
            &[],
        )
        .await;
        decide(&mut chair, &[&original, &similar], &[("action", "publish")]).await;
        let copy = post_in(&mut copier, RT_3_2, "en", &format!("Hello! {text}"), &[]).await;
        let unrelated = post_in(
            &mut copier,
            RT_3_2,
            "en",
            "Bus timetables change too often.",
            &[],
        )
        .await;

        let found = app
            .with_conn(move |conn| {
                use roundtable::db::queries::comments::find_by_reference;
                let waiting: Vec<_> = [copy, unrelated]
                    .iter()
                    .map(|r| {
                        let c = find_by_reference(conn, r).unwrap().unwrap().comment;
                        (c.id, c.roundtable_id)
                    })
                    .collect();
                let found = search::possible_duplicates(conn, &waiting).unwrap();
                (
                    found.get(&waiting[0].0).cloned().unwrap_or_default(),
                    found.get(&waiting[1].0).cloned().unwrap_or_default(),
                )
            })
            .await;
        let (of_copy, of_unrelated) = found;
        assert_eq!(
            of_copy.first().map(|d| d.reference.clone()),
            Some(original.clone()),
            "{of_copy:?}"
        );
        assert!(of_copy[0].likeness >= 80, "{}", of_copy[0].likeness);
        assert!(of_copy.len() <= 3);
        assert!(of_unrelated.is_empty(), "{of_unrelated:?}");
    }
}

#[tokio::test]
async fn filters_narrow_the_results_and_mistakes_are_named_by_field() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let on_two = post_in(
            &mut author,
            RT_3_2,
            "en",
            "Quokka housing answers question two.",
            &["2"],
        )
        .await;
        let on_one = post_in(
            &mut author,
            RT_3_2,
            "en",
            "Quokka housing answers question one.",
            &["1"],
        )
        .await;
        decide(&mut chair, &[&on_two, &on_one], &[("action", "publish")]).await;

        let in_question = SearchInput {
            consultation: FORUM.into(),
            roundtable: RT_3_2.into(),
            question: "2".into(),
            ..words("quokka")
        };
        assert_eq!(
            references_found(&app, None, in_question).await,
            vec![on_two.clone()]
        );
        let today = chrono::Utc::now().date_naive().to_string();
        let narrowed: [(&str, SearchInput, usize); 5] = [
            (
                "country",
                SearchInput {
                    country: "ge".into(),
                    ..words("quokka")
                },
                2,
            ),
            (
                "another country",
                SearchInput {
                    country: "FR".into(),
                    ..words("quokka")
                },
                0,
            ),
            (
                "organisation type",
                SearchInput {
                    organisation_type: "civil_society".into(),
                    ..words("quokka")
                },
                2,
            ),
            (
                "until 2020",
                SearchInput {
                    to: "2020-01-01".into(),
                    ..words("quokka")
                },
                0,
            ),
            (
                "since today",
                SearchInput {
                    from: today,
                    ..words("quokka")
                },
                2,
            ),
        ];
        for (what, input, expected) in narrowed {
            assert_eq!(
                references_found(&app, None, input).await.len(),
                expected,
                "{what}"
            );
        }

        let wrong = SearchInput {
            q: "\"unclosed".into(),
            consultation: "no-such-consultation".into(),
            country: "XX".into(),
            from: "2026-13-01".into(),
            page: 1,
            ..SearchInput::default()
        };
        let Err(ServiceError::InvalidFields(mistakes)) = find(&app, None, wrong).await else {
            panic!("refused");
        };
        let fields: Vec<&str> = mistakes.iter().map(|m| m.field).collect();
        assert_eq!(fields, ["q", "consultation", "country", "from"]);
        for (typed, key) in [
            ("", "invalid-search-empty"),
            (&"long ".repeat(41), "invalid-search-too-long"),
            ("-alone", "invalid-search-no-words"),
        ] {
            let Err(ServiceError::InvalidFields(mistakes)) = find(&app, None, words(typed)).await
            else {
                panic!("{typed:?} is refused");
            };
            assert_eq!(mistakes[0].message.key, key);
        }
        let reversed = SearchInput {
            from: "2026-02-01".into(),
            to: "2026-01-01".into(),
            ..words("quokka")
        };
        let Err(ServiceError::InvalidFields(mistakes)) = find(&app, None, reversed).await else {
            panic!("reversed dates are refused");
        };
        assert_eq!(mistakes[0].field, "to");
    }
}

#[tokio::test]
async fn roundtables_and_guiding_questions_are_found_by_their_words() {
    for app in TestApp::with_demo().spawn_each().await {
        let detail = app
            .with_conn(|conn| {
                roundtable::services::roundtables::roundtable_detail(conn, FORUM, RT_3_2).unwrap()
            })
            .await;
        let title_word = detail
            .roundtable
            .title
            .split_whitespace()
            .max_by_key(|w| w.len())
            .unwrap()
            .to_owned();
        let found = find(&app, None, words(&title_word)).await.unwrap();
        assert!(
            found.places.iter().any(|p| p
                .roundtable
                .as_ref()
                .is_some_and(|(slug, _)| slug == RT_3_2)),
            "{title_word} finds the roundtable"
        );
        let question = &detail.questions[1];
        let question_word = question
            .text
            .split_whitespace()
            .max_by_key(|w| w.len())
            .unwrap()
            .to_owned();
        let found = find(&app, None, words(&question_word)).await.unwrap();
        assert!(
            found
                .places
                .iter()
                .any(|p| p.question == Some(question.number)),
            "{question_word}"
        );
    }
}

#[tokio::test]
async fn odd_scripts_and_symbols_are_searched_or_refused_but_never_fail() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let body = "移民融合 İstanbul ǅemal Straße x² ١٢٣ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 naïve café ½ ① ⅷ";
        let reference = post_in(&mut author, RT_3_2, "en", body, &[]).await;
        decide(&mut chair, &[&reference], &[("action", "publish")]).await;
        for typed in [
            "移民融合",
            "istanbul",
            "İSTANBUL",
            "ǆemal",
            "strasse",
            "straße",
            "x²",
            "١٢٣",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "naive cafe",
            "\"naïve café\"",
        ] {
            let found = references_found(&app, None, words(typed)).await;
            if typed != "strasse" {
                assert!(
                    found.contains(&reference),
                    "{typed:?} finds the comment on {:?}",
                    app.backend
                );
            }
        }
        for typed in [
            "\u{0}",
            "\u{202e}abc",
            "a\u{301}",
            "''",
            "\\",
            "'; DROP TABLE comments; --",
            "a:b",
            "NEAR(a b)",
            "a*",
            "^a",
            "(a OR b)",
            "a AND",
            "NOT",
            "{en}: a",
            "\"\"",
            "-",
            "- -a",
            "«",
            "»a«",
            "🙂",
            "🙂 a",
            "&|!<->",
            ":*",
            "a:*",
            "a & b",
            "!a",
        ] {
            match find(&app, None, words(typed)).await {
                Ok(_) | Err(ServiceError::InvalidFields(_)) => {}
                Err(other) => panic!("{typed:?} on {:?}: {other:?}", app.backend),
            }
        }
        // Symbols one database might not take for words find nothing else.
        for typed in ["½", "-½ ①"] {
            if let Ok(found) = find(&app, None, words(typed)).await {
                assert!(
                    found.total <= 1,
                    "{typed:?} on {:?}: {}",
                    app.backend,
                    found.total
                );
            }
        }
        let huge = SearchInput {
            page: usize::MAX,
            ..words("café")
        };
        let last = find(&app, None, huge)
            .await
            .expect("a page past the end is the last page");
        assert_eq!(last.page, last.pages);
        for date in [
            "-5000-01-01",
            "+10000-01-01",
            "262143-12-31",
            "2026-1-1",
            "2026-02-30",
            "９９９９-01-01",
        ] {
            let odd = SearchInput {
                from: date.into(),
                ..words("café")
            };
            let Err(ServiceError::InvalidFields(mistakes)) = find(&app, None, odd).await else {
                panic!("{date:?} is refused on {:?}", app.backend);
            };
            assert_eq!(mistakes[0].field, "from");
        }
        let long_word = "y".repeat(3_000);
        let reference = post_in(
            &mut author,
            RT_3_2,
            "en",
            &format!("{long_word} tapir"),
            &[],
        )
        .await;
        decide(&mut chair, &[&reference], &[("action", "publish")]).await;
        assert_eq!(
            references_found(&app, None, words("tapir")).await,
            vec![reference]
        );
    }
}

#[tokio::test]
async fn re_tagging_and_readers_reports_change_the_results_in_their_own_transaction() {
    for app in TestApp::with_demo().spawn_each().await {
        app.expect_unsent();
        let mut author = participant(&app, "Amina Diallo").await;
        let mut chair = chair(&app, "Clara Chair", RT_3_2).await;
        let reference = post_in(
            &mut author,
            RT_3_2,
            "en",
            "Axolotl permits take a year.",
            &["1"],
        )
        .await;
        decide(&mut chair, &[&reference], &[("action", "publish")]).await;
        let on = |question: &str| SearchInput {
            consultation: FORUM.into(),
            roundtable: RT_3_2.into(),
            question: question.into(),
            ..words("axolotl")
        };
        assert_eq!(
            references_found(&app, None, on("1")).await,
            vec![reference.clone()]
        );
        assert!(references_found(&app, None, on("2")).await.is_empty());

        let r = reference.clone();
        app.with_conn(move |conn| {
            use roundtable::db::queries::{comments, moderation};
            let record = comments::find_by_reference(conn, &r).unwrap().unwrap();
            let questions =
                roundtable::services::roundtables::roundtable_detail(conn, FORUM, RT_3_2)
                    .unwrap()
                    .questions;
            roundtable::db::write_transaction(conn, |conn| {
                comments::replace_tags(conn, record.comment.id, &[questions[1].id])?;
                moderation::set_hidden_by_reports(conn, record.comment.id, true)
            })
            .unwrap();
        })
        .await;
        assert!(
            references_found(&app, None, on("2")).await.is_empty(),
            "hidden by reports"
        );
        let theirs = find(&app, Some(actor(&chair)), on("2")).await.unwrap();
        assert_eq!(
            theirs.comments.len(),
            1,
            "its chair still finds it, under question 2"
        );
        assert!(find(&app, Some(actor(&chair)), on("1"))
            .await
            .unwrap()
            .comments
            .is_empty());

        let r = reference.clone();
        app.with_conn(move |conn| {
            let record = roundtable::db::queries::comments::find_by_reference(conn, &r)
                .unwrap()
                .unwrap();
            roundtable::db::queries::moderation::set_hidden_by_reports(
                conn,
                record.comment.id,
                false,
            )
            .unwrap();
        })
        .await;
        assert_eq!(references_found(&app, None, on("2")).await, vec![reference]);
    }
}
