//! Who a participant speaks for. Shown beside every comment, so the values are
//! closed lists (organisation type, ISO 3166 country) that digests can count.

use super::InvalidField;
use serde::Serialize;

macro_rules! closed_list {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal, $label:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),* }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }
        }
    };
}
pub(crate) use closed_list;

closed_list!(
    /// The kind of body a participant speaks for.
    OrganisationType {
        NationalGovernment => "national_government", "National government",
        LocalAuthority => "local_authority", "Local or regional authority",
        InternationalOrganisation => "international_organisation", "International organisation",
        CivilSociety => "civil_society", "Civil-society organisation or NGO",
        MigrantAssociation => "migrant_association", "Migrant or diaspora association",
        Academia => "academia", "Academia or research",
        PrivateSector => "private_sector", "Private sector",
        Media => "media", "Media",
        Individual => "individual", "Individual",
    }
);

closed_list!(
    /// Self-declared and optional; only ever shown in aggregate.
    Gender {
        Woman => "woman", "Woman",
        Man => "man", "Man",
        Another => "another", "Another gender",
        PreferNotToSay => "prefer_not_to_say", "Prefer not to say",
    }
);

impl OrganisationType {
    pub fn parse(field: &'static str, code: &str) -> Result<Self, InvalidField> {
        Self::from_code(code).ok_or_else(|| {
            InvalidField::new(field, "invalid-organisation-type").with("value", code)
        })
    }
}

impl Gender {
    pub fn parse(field: &'static str, code: &str) -> Result<Self, InvalidField> {
        Self::from_code(code)
            .ok_or_else(|| InvalidField::new(field, "invalid-choice").with("value", code))
    }
}

/// An ISO 3166-1 alpha-2 country code that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country(isocountry::CountryCode);

impl Country {
    pub fn parse(field: &'static str, code: &str) -> Result<Self, InvalidField> {
        let upper = code.trim().to_ascii_uppercase();
        isocountry::CountryCode::for_alpha2(&upper)
            .map(Self)
            .map_err(|_| InvalidField::new(field, "invalid-country").with("value", code))
    }

    pub fn code(self) -> &'static str {
        self.0.alpha2()
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Every country, by name, for choosers.
    pub fn all_by_name() -> Vec<Country> {
        let mut all: Vec<Country> = isocountry::CountryCode::iter()
            .map(|c| Country(*c))
            .collect();
        all.sort_by_key(|c| c.name());
        all
    }
}

impl Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// The identity shown beside a comment. Comments keep a copy taken when they
/// were posted, so later profile edits do not rewrite what was said by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affiliation {
    pub display_name: String,
    pub organisation: String,
    pub organisation_type: Option<OrganisationType>,
    pub country: Option<Country>,
}

impl Affiliation {
    /// "Name, Organisation (Country)", as quoted in digests and feeds.
    pub fn identity(&self) -> String {
        self.identity_with(|c| c.name().to_owned())
    }

    /// The same, with the country named as the reader names it.
    pub fn identity_with(&self, country_name: impl Fn(Country) -> String) -> String {
        let mut text = self.display_name.clone();
        if !self.organisation.is_empty() {
            text.push_str(", ");
            text.push_str(&self.organisation);
        }
        if let Some(country) = self.country {
            text.push_str(&format!(" ({})", country_name(country)));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_types_round_trip_through_their_codes() {
        for kind in OrganisationType::ALL {
            assert_eq!(OrganisationType::from_code(kind.code()), Some(*kind));
        }
        assert!(OrganisationType::parse("organisation_type", "guild").is_err());
    }

    #[test]
    fn country_codes_must_exist() {
        assert_eq!(Country::parse("country", "cz").unwrap().code(), "CZ");
        assert_eq!(Country::parse("country", "GE").unwrap().code(), "GE");
        let err = Country::parse("country", "XX").unwrap_err();
        assert_eq!(err.field, "country");
        assert!(err.to_string().contains("XX"));
    }
}
