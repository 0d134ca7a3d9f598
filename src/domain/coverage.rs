//! How far a roundtable's published comments have reached the report, and
//! whose voices they carry: per guiding question, what was published,
//! retained and cited; who was heard, by kind of organisation, country and
//! world region; and which groups have said nothing yet on a question.

use super::affiliation::{Gender, OrganisationType};
use super::digest::gender_breakdown;
use super::region::Region;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A published comment as coverage sees it.
#[derive(Debug, Clone)]
pub struct CoveredComment {
    pub reference: String,
    /// Who wrote it: an account id, or the name kept on the comment when
    /// the account is gone, so that one person counts once.
    pub author_key: String,
    pub author_name: String,
    pub organisation_type: Option<OrganisationType>,
    pub country_code: Option<String>,
    /// The guiding questions it answers (their numbers); empty when it is
    /// not tied to one.
    pub questions: Vec<usize>,
    pub retained: bool,
    /// False for a late comment the chairs have not let into the report.
    pub in_report: bool,
    pub cited: bool,
    pub excerpt: String,
}

impl CoveredComment {
    fn region(&self) -> Option<Region> {
        self.country_code.as_deref().and_then(Region::of_code)
    }

    /// Retained for the report and allowed in it, but not cited by the
    /// outcome yet.
    pub fn awaits_citation(&self) -> bool {
        self.retained && self.in_report && !self.cited
    }
}

/// One guiding question's figures (None: comments tied to no question).
#[derive(Debug, Clone)]
pub struct QuestionCoverage {
    pub question: Option<usize>,
    pub published: usize,
    pub retained: usize,
    pub cited: usize,
    /// Retained comments the outcome does not cite yet, oldest first.
    pub awaiting_citation: Vec<CoveredComment>,
    /// World regions no comment on this question comes from.
    pub regions_not_heard: Vec<Region>,
    /// Kinds of organisation no comment on this question comes from.
    pub organisation_types_not_heard: Vec<OrganisationType>,
}

/// People counted by a group's code (an organisation type, a country code
/// or a region), most first.
pub type GroupCounts = Vec<(String, usize)>;

/// Distinct people in each group: all commenters, and the authors the
/// outcome cites.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heard {
    pub people: usize,
    pub by_organisation_type: GroupCounts,
    pub by_country: GroupCounts,
    pub by_region: GroupCounts,
}

#[derive(Debug, Clone)]
pub struct Coverage {
    pub questions: Vec<QuestionCoverage>,
    pub commenters: Heard,
    pub cited_authors: Heard,
    /// Commenters by self-declared gender, under the digests' small-group
    /// rule (None when it would single someone out).
    pub commenters_by_gender: Option<Vec<(String, usize)>>,
}

/// Figures for the questions numbered `question_numbers`, from the
/// roundtable's published comments; `genders` holds the declared gender of
/// the authors who gave one, by author key.
pub fn coverage(
    question_numbers: &[usize],
    comments: &[CoveredComment],
    genders: &HashMap<String, Gender>,
) -> Coverage {
    let mut questions: Vec<QuestionCoverage> = question_numbers
        .iter()
        .map(|n| {
            question_coverage(
                Some(*n),
                comments.iter().filter(|c| c.questions.contains(n)),
            )
        })
        .collect();
    let untied: Vec<&CoveredComment> = comments.iter().filter(|c| c.questions.is_empty()).collect();
    if !untied.is_empty() {
        questions.push(question_coverage(None, untied.into_iter()));
    }
    let commenters = heard(comments.iter());
    let cited_authors = heard(comments.iter().filter(|c| c.cited));
    let authors: HashSet<&str> = comments.iter().map(|c| c.author_key.as_str()).collect();
    let mut declared: HashMap<Gender, usize> = HashMap::new();
    for author in &authors {
        if let Some(gender) = genders.get(*author) {
            *declared.entry(*gender).or_default() += 1;
        }
    }
    Coverage {
        questions,
        commenters,
        cited_authors,
        commenters_by_gender: gender_breakdown(authors.len(), &declared),
    }
}

fn question_coverage<'a>(
    question: Option<usize>,
    comments: impl Iterator<Item = &'a CoveredComment>,
) -> QuestionCoverage {
    let comments: Vec<&CoveredComment> = comments.collect();
    let regions: HashSet<Region> = comments.iter().filter_map(|c| c.region()).collect();
    let kinds: HashSet<OrganisationType> = comments
        .iter()
        .filter_map(|c| c.organisation_type)
        .collect();
    QuestionCoverage {
        question,
        published: comments.len(),
        retained: comments
            .iter()
            .filter(|c| c.retained && c.in_report)
            .count(),
        cited: comments.iter().filter(|c| c.cited).count(),
        awaiting_citation: comments
            .iter()
            .filter(|c| c.awaits_citation())
            .map(|c| (*c).clone())
            .collect(),
        regions_not_heard: Region::ALL
            .into_iter()
            .filter(|r| !regions.contains(r))
            .collect(),
        organisation_types_not_heard: OrganisationType::ALL
            .iter()
            .copied()
            .filter(|k| !kinds.contains(k))
            .collect(),
    }
}

fn heard<'a>(comments: impl Iterator<Item = &'a CoveredComment>) -> Heard {
    // Each person once per group, under the affiliation of each comment
    // (someone who changed country between two comments counts in both).
    let mut people: HashSet<&str> = HashSet::new();
    let mut kinds: BTreeMap<String, HashSet<&str>> = BTreeMap::new();
    let mut countries: BTreeMap<String, HashSet<&str>> = BTreeMap::new();
    let mut regions: BTreeMap<String, HashSet<&str>> = BTreeMap::new();
    for c in comments {
        let who = c.author_key.as_str();
        people.insert(who);
        if let Some(kind) = c.organisation_type {
            kinds.entry(kind.code().to_owned()).or_default().insert(who);
        }
        if let Some(country) = &c.country_code {
            countries.entry(country.clone()).or_default().insert(who);
        }
        if let Some(region) = c.region() {
            regions
                .entry(region.code().to_owned())
                .or_default()
                .insert(who);
        }
    }
    Heard {
        people: people.len(),
        by_organisation_type: most_first(kinds),
        by_country: most_first(countries),
        by_region: most_first(regions),
    }
}

fn most_first(groups: BTreeMap<String, HashSet<&str>>) -> GroupCounts {
    let mut list: GroupCounts = groups.into_iter().map(|(k, v)| (k, v.len())).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(
        reference: &str,
        author: &str,
        country: &str,
        questions: &[usize],
    ) -> CoveredComment {
        CoveredComment {
            reference: reference.into(),
            author_key: author.into(),
            author_name: author.into(),
            organisation_type: Some(OrganisationType::CivilSociety),
            country_code: Some(country.into()),
            questions: questions.to_vec(),
            retained: false,
            in_report: true,
            cited: false,
            excerpt: String::new(),
        }
    }

    #[test]
    fn figures_per_question_count_published_retained_and_cited() {
        let mut a = comment("c-1", "u1", "KE", &[1]);
        a.retained = true;
        let mut b = comment("c-2", "u2", "FR", &[1, 2]);
        b.retained = true;
        b.cited = true;
        let mut late = comment("c-3", "u3", "MX", &[2]);
        late.retained = true;
        late.in_report = false;
        let cov = coverage(
            &[1, 2, 3],
            &[a, b, late, comment("c-4", "u1", "KE", &[])],
            &HashMap::new(),
        );
        let q1 = &cov.questions[0];
        assert_eq!((q1.published, q1.retained, q1.cited), (2, 2, 1));
        assert_eq!(q1.awaiting_citation.len(), 1);
        assert_eq!(q1.awaiting_citation[0].reference, "c-1");
        let q2 = &cov.questions[1];
        assert_eq!((q2.published, q2.retained, q2.cited), (2, 1, 1));
        assert!(
            q2.awaiting_citation.is_empty(),
            "a late comment left out is not awaited"
        );
        assert_eq!(cov.questions[2].published, 0);
        assert_eq!(cov.questions[3].question, None);
        assert_eq!(cov.questions[3].published, 1);
    }

    #[test]
    fn regions_and_kinds_with_no_comment_on_a_question_are_named() {
        let cov = coverage(&[1], &[comment("c-1", "u1", "KE", &[1])], &HashMap::new());
        let q1 = &cov.questions[0];
        assert_eq!(
            q1.regions_not_heard,
            vec![
                Region::Americas,
                Region::Asia,
                Region::Europe,
                Region::Oceania
            ]
        );
        assert!(!q1
            .organisation_types_not_heard
            .contains(&OrganisationType::CivilSociety));
        assert!(q1
            .organisation_types_not_heard
            .contains(&OrganisationType::Media));
    }

    #[test]
    fn people_count_once_per_group() {
        let mut cited = comment("c-3", "u2", "FR", &[1]);
        cited.cited = true;
        let comments = [
            comment("c-1", "u1", "KE", &[1]),
            comment("c-2", "u1", "KE", &[1]),
            cited,
        ];
        let cov = coverage(&[1], &comments, &HashMap::new());
        assert_eq!(cov.commenters.people, 2);
        assert_eq!(
            cov.commenters.by_country,
            vec![("FR".into(), 1), ("KE".into(), 1)]
        );
        assert_eq!(
            cov.commenters.by_region,
            vec![("africa".into(), 1), ("europe".into(), 1)]
        );
        assert_eq!(cov.cited_authors.people, 1);
        assert_eq!(cov.cited_authors.by_region, vec![("europe".into(), 1)]);
    }

    #[test]
    fn gender_is_shown_only_under_the_small_group_rule() {
        let comments: Vec<CoveredComment> = (0..6)
            .map(|i| comment(&format!("c-{i}"), &format!("u{i}"), "KE", &[1]))
            .collect();
        let mut genders: HashMap<String, Gender> = HashMap::new();
        for i in 0..4 {
            genders.insert(format!("u{i}"), Gender::Woman);
        }
        assert_eq!(
            coverage(&[1], &comments, &genders).commenters_by_gender,
            None
        );
        genders.insert("u4".into(), Gender::Woman);
        let shown = coverage(&[1], &comments, &genders)
            .commenters_by_gender
            .unwrap();
        assert_eq!(
            shown,
            vec![("Woman".into(), 5), ("Other or not given".into(), 1)]
        );
        // Everyone a woman: one group would tell each person's gender.
        genders.insert("u5".into(), Gender::Woman);
        assert_eq!(
            coverage(&[1], &comments, &genders).commenters_by_gender,
            None
        );
    }
}
