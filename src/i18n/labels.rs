//! The closed lists' labels (organisation types, roles, reasons, statuses…)
//! and country names in the reader's language. Catalogue keys are
//! `views-<list>-<code>` and `country-<ISO code>`; the test below checks
//! that every code of every list has its message.

use crate::domain::affiliation::{Country, Gender, OrganisationType};
use crate::i18n::{self, Language};

/// A closed list's label by its code: `views-<list>-<code>`.
pub fn label(language: Language, list: &str, code: &str) -> String {
    i18n::text(language, &format!("views-{list}-{code}"), &[])
}

pub fn organisation_type(kind: OrganisationType, language: Language) -> String {
    label(language, "orgtype", kind.code())
}

pub fn gender(gender: Gender, language: Language) -> String {
    label(language, "gender", gender.code())
}

pub fn country(country: Country, language: Language) -> String {
    i18n::text(language, &format!("country-{}", country.code()), &[])
}

/// Every country with its name, sorted as the reader's language sorts
/// (accents after their letter: "Écosse" beside "Equateur", not after "Z").
pub fn countries_by_name(language: Language) -> Vec<(Country, String)> {
    let mut all: Vec<(Country, String)> = Country::all_by_name()
        .into_iter()
        .map(|c| (c, country(c, language)))
        .collect();
    all.sort_by_cached_key(|(_, name)| sort_key(name));
    all
}

/// Lower case without accents, as slugs are made.
fn sort_key(name: &str) -> String {
    crate::domain::authoring::slug_from_title(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::comment::CommentStatus;
    use crate::domain::consultation::{ConsultationKind, ConsultationStatus, OrganisationRole};
    use crate::domain::moderation::ModerationReason;
    use crate::domain::notification::{AlertFrequency, EmailTopic};
    use crate::domain::outcome::{OutcomeKind, OutcomeStatus};
    use crate::domain::roundtable::{ModerationMode, ResourceKind};
    use crate::domain::user::Role;

    #[test]
    fn every_code_of_every_list_has_its_label_in_english() {
        let lists: Vec<(&str, Vec<&str>)> = vec![
            (
                "orgtype",
                OrganisationType::ALL.iter().map(|x| x.code()).collect(),
            ),
            ("gender", Gender::ALL.iter().map(|x| x.code()).collect()),
            (
                "reason",
                ModerationReason::ALL.iter().map(|x| x.code()).collect(),
            ),
            (
                "role",
                OrganisationRole::ALL.iter().map(|x| x.code()).collect(),
            ),
            ("userrole", Role::ALL.iter().map(|x| x.code()).collect()),
            (
                "status",
                ConsultationStatus::ALL.iter().map(|x| x.code()).collect(),
            ),
            (
                "kind",
                ConsultationKind::ALL.iter().map(|x| x.code()).collect(),
            ),
            (
                "moderation",
                ModerationMode::ALL.iter().map(|x| x.code()).collect(),
            ),
            (
                "resource",
                ResourceKind::ALL.iter().map(|x| x.code()).collect(),
            ),
            (
                "frequency",
                AlertFrequency::ALL.iter().map(|x| x.code()).collect(),
            ),
            ("topic", EmailTopic::ALL.iter().map(|x| x.code()).collect()),
            (
                "comment",
                CommentStatus::ALL.iter().map(|x| x.code()).collect(),
            ),
            (
                "outcome",
                OutcomeStatus::ALL.iter().map(|x| x.code()).collect(),
            ),
            ("point", OutcomeKind::ALL.iter().map(|x| x.code()).collect()),
        ];
        for (list, codes) in lists {
            for code in codes {
                let key = format!("views-{list}-{code}");
                assert!(i18n::message(Language::En, &key, &[]).is_some(), "no {key}");
            }
        }
        for country in Country::all_by_name() {
            let key = format!("country-{}", country.code());
            assert!(i18n::message(Language::En, &key, &[]).is_some(), "no {key}");
        }
    }

    #[test]
    fn countries_are_named_and_sorted_in_the_reader_language() {
        let french = countries_by_name(Language::Fr);
        let names: Vec<&str> = french.iter().map(|(_, n)| n.as_str()).collect();
        let germany = names
            .iter()
            .position(|n| *n == "Allemagne")
            .expect("Allemagne");
        let spain = names.iter().position(|n| *n == "Espagne").expect("Espagne");
        let egypt = names.iter().position(|n| *n == "Égypte").expect("Égypte");
        assert!(germany < egypt && egypt < spain, "{names:?}");
        let be = Country::parse("country", "BE").unwrap();
        assert_eq!(country(be, Language::Es), "Bélgica");
        assert_eq!(country(be, Language::En), "Belgium");
    }
}
