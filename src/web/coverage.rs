//! The chairs' and staff's coverage page of a roundtable, and what it shows.

use crate::domain::affiliation::{Country, OrganisationType};
use crate::domain::coverage::{Coverage, GroupCounts, Heard, QuestionCoverage};
use crate::domain::region::Region;
use crate::i18n::labels::{self, label};
use crate::i18n::{text, Language};
use crate::services::coverage::{self, RoundtableCoverage};
use crate::web::error::WebError;
use crate::web::guards::{SignedIn, ToWriteOutcome};
use crate::web::state::AppState;
use actix_web::{web, HttpResponse};
use serde::Serialize;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/c/{consultation}/{roundtable}/coverage",
        web::get().to(page),
    );
}

async fn page(
    state: web::Data<AppState>,
    reading: SignedIn<ToWriteOutcome>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, WebError> {
    let (who, viewer) = (reading.actor(), reading.viewer);
    let (consultation, roundtable) = path.into_inner();
    let found = state
        .db(move |conn| coverage::roundtable_coverage(conn, who, &consultation, &roundtable))
        .await?;
    state.render(
        "pages/coverage.html",
        &CoverageView::new(&found, viewer.language),
        &viewer,
    )
}

#[derive(Serialize)]
struct CoverageView {
    title: String,
    consultation: String,
    roundtable: String,
    roundtable_title: String,
    /// Retained comments not cited yet, over all questions (a comment on
    /// two questions counts once), and where the first of them is listed.
    awaiting_total: usize,
    first_awaiting: Option<String>,
    questions: Vec<QuestionView>,
    commenters: usize,
    cited_authors: usize,
    groups: Vec<GroupTable>,
    gender: Option<Vec<(String, usize)>>,
}

#[derive(Serialize)]
struct QuestionView {
    id: String,
    heading: String,
    text: Option<String>,
    published: usize,
    retained: usize,
    cited: usize,
    awaiting: Vec<AwaitingView>,
    /// "No comment yet from Africa on question 3", one per region.
    regions_not_heard: Vec<String>,
    /// The kinds of organisation not heard, named in one sentence.
    kinds_not_heard: Option<String>,
}

#[derive(Serialize)]
struct AwaitingView {
    reference: String,
    author: String,
    excerpt: String,
}

/// One breakdown of who was heard: each group with its commenters and the
/// authors the outcome cites.
#[derive(Serialize)]
struct GroupTable {
    caption: String,
    rows: Vec<(String, usize, usize)>,
}

impl CoverageView {
    fn new(found: &RoundtableCoverage, lang: Language) -> Self {
        let d = &found.detail;
        let c: &Coverage = &found.coverage;
        let mut awaiting: Vec<&str> = c
            .questions
            .iter()
            .flat_map(|q| q.awaiting_citation.iter().map(|a| a.reference.as_str()))
            .collect();
        awaiting.sort_unstable();
        awaiting.dedup();
        let first_awaiting = c
            .questions
            .iter()
            .find(|q| !q.awaiting_citation.is_empty())
            .map(|q| match q.question {
                Some(n) => format!("question-{n}"),
                None => "general".to_owned(),
            });
        Self {
            awaiting_total: awaiting.len(),
            first_awaiting,
            title: text(
                lang,
                "coverage-title",
                &[("roundtable", d.roundtable.full_title().into())],
            ),
            consultation: d.consultation.slug.to_string(),
            roundtable: d.roundtable.slug.to_string(),
            roundtable_title: d.roundtable.full_title(),
            questions: c
                .questions
                .iter()
                .map(|q| {
                    let text_of = q.question.and_then(|n| {
                        d.questions
                            .iter()
                            .find(|g| g.number == n)
                            .map(|g| g.text.clone())
                    });
                    QuestionView::new(q, text_of, lang)
                })
                .collect(),
            commenters: c.commenters.people,
            cited_authors: c.cited_authors.people,
            groups: group_tables(&c.commenters, &c.cited_authors, lang),
            gender: c.commenters_by_gender.as_ref().map(|groups| {
                groups
                    .iter()
                    .map(|(group, n)| (gender_label(group, lang), *n))
                    .collect()
            }),
        }
    }
}

fn gender_label(group: &str, lang: Language) -> String {
    use crate::domain::affiliation::Gender;
    Gender::ALL
        .iter()
        .find(|g| g.label() == group)
        .map(|g| labels::gender(*g, lang))
        .unwrap_or_else(|| text(lang, "coverage-gender-other", &[]))
}

pub fn region_name(region: Region, lang: Language) -> String {
    text(lang, &format!("coverage-region-{}", region.code()), &[])
}

impl QuestionView {
    fn new(q: &QuestionCoverage, question_text: Option<String>, lang: Language) -> Self {
        let (id, heading, place) = match q.question {
            Some(n) => (
                format!("question-{n}"),
                text(lang, "coverage-question", &[("number", n.into())]),
                text(lang, "coverage-on-question", &[("number", n.into())]),
            ),
            None => (
                "general".to_owned(),
                text(lang, "coverage-no-question", &[]),
                text(lang, "coverage-on-no-question", &[]),
            ),
        };
        let kinds: Vec<String> = q
            .organisation_types_not_heard
            .iter()
            .map(|k| labels::organisation_type(*k, lang))
            .collect();
        Self {
            id,
            heading,
            text: question_text,
            published: q.published,
            retained: q.retained,
            cited: q.cited,
            awaiting: q
                .awaiting_citation
                .iter()
                .map(|c| AwaitingView {
                    reference: c.reference.clone(),
                    author: c.author_name.clone(),
                    excerpt: c.excerpt.clone(),
                })
                .collect(),
            regions_not_heard: q
                .regions_not_heard
                .iter()
                .map(|r| {
                    text(
                        lang,
                        "coverage-not-heard-region",
                        &[
                            ("region", region_name(*r, lang).into()),
                            ("place", place.clone().into()),
                        ],
                    )
                })
                .collect(),
            kinds_not_heard: (!kinds.is_empty()).then(|| {
                text(
                    lang,
                    "coverage-not-heard-kinds",
                    &[("place", place.into()), ("kinds", kinds.join("; ").into())],
                )
            }),
        }
    }
}

fn group_tables(commenters: &Heard, cited: &Heard, lang: Language) -> Vec<GroupTable> {
    let region = |code: &str| {
        Region::from_code(code).map_or_else(|| code.to_owned(), |r| region_name(r, lang))
    };
    let kind = |code: &str| {
        OrganisationType::from_code(code)
            .map_or_else(|| code.to_owned(), |k| label(lang, "orgtype", k.code()))
    };
    let country = |code: &str| {
        Country::parse("country", code)
            .map_or_else(|_| code.to_owned(), |c| labels::country(c, lang))
    };
    let table =
        |key: &str, all: &GroupCounts, of_cited: &GroupCounts, name: &dyn Fn(&str) -> String| {
            GroupTable {
                caption: text(lang, key, &[]),
                rows: all
                    .iter()
                    .map(|(code, n)| {
                        let cited = of_cited
                            .iter()
                            .find(|(c, _)| c == code)
                            .map_or(0, |(_, m)| *m);
                        (name(code), *n, cited)
                    })
                    .collect(),
            }
        };
    vec![
        table(
            "coverage-by-region",
            &commenters.by_region,
            &cited.by_region,
            &region,
        ),
        table(
            "coverage-by-kind",
            &commenters.by_organisation_type,
            &cited.by_organisation_type,
            &kind,
        ),
        table(
            "coverage-by-country",
            &commenters.by_country,
            &cited.by_country,
            &country,
        ),
    ]
}
