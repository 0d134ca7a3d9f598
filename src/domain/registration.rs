//! What a registration form must hold. Every field is checked, and every
//! refusal is reported at once, each next to its field.

use super::affiliation::{Affiliation, Country, Gender, OrganisationType};
use super::user::{check_password_length, parse_display_name, EmailAddress};
use super::InvalidField;

#[derive(Debug, Default, Clone)]
pub struct RegistrationInput {
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub organisation: String,
    pub organisation_type: String,
    pub country: String,
    pub gender: String,
    pub consent: bool,
}

#[derive(Debug, Clone)]
pub struct ValidRegistration {
    pub email: EmailAddress,
    pub password: String,
    pub affiliation: Affiliation,
    pub gender: Option<Gender>,
}

/// Passwords people pick first; refused whatever their length.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

pub fn check_password(
    field: &'static str,
    password: &str,
    email: &str,
) -> Result<(), InvalidField> {
    check_password_length(field, password)?;
    let lower = password.to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default().to_lowercase();
    let one_character = lower.chars().all(|c| lower.starts_with(c));
    if one_character
        || COMMON_PASSWORDS.lines().any(|common| common == lower)
        || (local_part.len() >= 4 && lower.contains(&local_part))
    {
        return Err(InvalidField::new(field, "invalid-password-common"));
    }
    Ok(())
}

/// The public identity fields of a profile, as at registration and on the
/// account page.
pub fn validate_profile(
    input: &RegistrationInput,
) -> Result<(Affiliation, Option<Gender>), Vec<InvalidField>> {
    let mut errors = Vec::new();
    let display_name = parse_display_name("display_name", &input.display_name)
        .map_err(|e| errors.push(e))
        .ok();
    let organisation = input.organisation.trim();
    if organisation.is_empty() || organisation.chars().count() > 200 {
        errors.push(InvalidField::new(
            "organisation",
            "invalid-organisation-length",
        ));
    }
    let organisation_type = match input.organisation_type.as_str() {
        "" => {
            errors.push(InvalidField::new(
                "organisation_type",
                "invalid-organisation-type-missing",
            ));
            None
        }
        code => OrganisationType::parse("organisation_type", code)
            .map_err(|e| errors.push(e))
            .ok(),
    };
    let country = match input.country.as_str() {
        "" => {
            errors.push(InvalidField::new("country", "invalid-country-missing"));
            None
        }
        code => Country::parse("country", code)
            .map_err(|e| errors.push(e))
            .ok(),
    };
    let gender = match input.gender.as_str() {
        "" => None,
        code => Gender::parse("gender", code)
            .map_err(|e| errors.push(e))
            .ok(),
    };
    match (display_name, organisation_type, country) {
        (Some(display_name), Some(kind), Some(country)) if errors.is_empty() => Ok((
            Affiliation {
                display_name,
                organisation: organisation.to_owned(),
                organisation_type: Some(kind),
                country: Some(country),
            },
            gender,
        )),
        _ => Err(errors),
    }
}

pub fn validate(input: &RegistrationInput) -> Result<ValidRegistration, Vec<InvalidField>> {
    let mut errors = Vec::new();
    let email = EmailAddress::parse("email", &input.email)
        .map_err(|e| errors.push(e))
        .ok();
    let _ = check_password("password", &input.password, &input.email).map_err(|e| errors.push(e));
    let profile = validate_profile(input).map_err(|e| errors.extend(e)).ok();
    if !input.consent {
        errors.push(InvalidField::new("consent", "invalid-consent-missing"));
    }
    match (email, profile) {
        (Some(email), Some((affiliation, gender))) if errors.is_empty() => Ok(ValidRegistration {
            email,
            password: input.password.clone(),
            affiliation,
            gender,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> RegistrationInput {
        RegistrationInput {
            email: "amina@example.org".into(),
            password: "tea kettle harbour".into(),
            display_name: "Amina Diallo".into(),
            organisation: "Diaspora Link".into(),
            organisation_type: "migrant_association".into(),
            country: "sn".into(),
            gender: String::new(),
            consent: true,
        }
    }

    #[test]
    fn a_complete_form_is_accepted() {
        let ok = validate(&valid()).unwrap();
        assert_eq!(ok.affiliation.country.unwrap().code(), "SN");
        assert!(ok.gender.is_none());
    }

    #[test]
    fn every_refused_field_is_reported_at_once() {
        let errors = validate(&RegistrationInput::default()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        for field in [
            "email",
            "password",
            "display_name",
            "organisation",
            "organisation_type",
            "country",
            "consent",
        ] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
    }

    #[test]
    fn common_and_personal_passwords_are_refused() {
        for weak in [
            "password123",
            "qwertyuiop",
            "aaaaaaaaaaaa",
            "amina-2024-secret",
        ] {
            assert!(
                check_password("password", weak, "amina@example.org").is_err(),
                "{weak}"
            );
        }
        assert!(check_password("password", "tea kettle harbour", "amina@example.org").is_ok());
    }
}
