use super::affiliation::closed_list;
use super::affiliation::{Affiliation, Gender};
use super::ids::{RoundtableId, UserId};
use super::InvalidField;
use chrono::{DateTime, Utc};

closed_list!(
    /// Chairs are not a role: chairing is an assignment per roundtable.
    Role {
        Participant => "participant", "Participant",
        Staff => "staff", "Staff",
        Admin => "admin", "Administrator",
    }
);

impl Role {
    /// Staff and administrators set up consultations, see every roundtable
    /// and decide everywhere.
    pub fn is_staff(self) -> bool {
        self != Role::Participant
    }
}

/// Who acts, as the rules see them: a person, and whether their role lets
/// them act everywhere (staff and administrators) rather than only where they
/// chair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub id: UserId,
    pub staff: bool,
}

impl Actor {
    pub fn of(user: &SignedInUser) -> Self {
        Self {
            id: user.id,
            staff: user.role.is_staff(),
        }
    }
}

/// A chair as readers see them: the public part of the profile.
#[derive(Debug, Clone)]
pub struct Chair {
    pub user_id: UserId,
    pub roundtable_id: RoundtableId,
    pub affiliation: Affiliation,
}

/// What it takes to create an account (registration, the command line, demo content).
#[derive(Debug, Clone)]
pub struct NewUser {
    pub id: UserId,
    pub email: EmailAddress,
    pub affiliation: Affiliation,
    pub gender: Option<Gender>,
    pub role: Role,
    pub password_hash: Option<String>,
    pub verified_at: Option<DateTime<Utc>>,
    pub consented_at: Option<DateTime<Utc>>,
    /// The version of the terms they accepted when registering; None for
    /// accounts made from the command line or the demo.
    pub terms_version: Option<i32>,
}

/// Who is signed in, as a request sees them.
#[derive(Debug, Clone)]
pub struct SignedInUser {
    pub id: UserId,
    pub email: String,
    pub affiliation: Affiliation,
    pub role: Role,
    pub verified: bool,
    /// Self-declared; never shown, but the profile form shows it back to its owner.
    pub gender: Option<Gender>,
    /// Chairs at least one roundtable (the moderation queue is theirs too).
    pub is_chair: bool,
    /// The interface language they chose ("en", "fr", "es"), if any.
    pub language: Option<String>,
}

/// An email address as typed, and the form that decides uniqueness: two
/// addresses that differ only in case are the same account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress {
    pub as_typed: String,
    pub normalized: String,
}

impl EmailAddress {
    pub fn parse(field: &'static str, value: &str) -> Result<Self, InvalidField> {
        let trimmed = value.trim();
        let (local, domain) = trimmed
            .rsplit_once('@')
            .ok_or_else(|| InvalidField::new(field, "invalid-email"))?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if local.is_empty()
            || !domain_ok
            || trimmed.len() > 254
            || trimmed.chars().any(char::is_whitespace)
        {
            return Err(InvalidField::new(field, "invalid-email"));
        }
        Ok(Self {
            as_typed: trimmed.to_owned(),
            normalized: trimmed.to_lowercase(),
        })
    }

    /// For logs: the domain only, never the whole address.
    pub fn domain(&self) -> &str {
        self.normalized.rsplit_once('@').map_or("", |(_, d)| d)
    }
}

pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_CHARS: usize = 128;

pub fn check_password_length(field: &'static str, password: &str) -> Result<(), InvalidField> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Err(InvalidField::new(field, "invalid-password-short").with("min", PASSWORD_MIN_CHARS))
    } else if chars > PASSWORD_MAX_CHARS {
        Err(InvalidField::new(field, "invalid-password-long").with("max", PASSWORD_MAX_CHARS))
    } else {
        Ok(())
    }
}

pub fn parse_display_name(field: &'static str, value: &str) -> Result<String, InvalidField> {
    let name = value.trim();
    if name.is_empty() || name.chars().count() > 100 {
        Err(InvalidField::new(field, "invalid-name-length"))
    } else {
        Ok(name.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_unique_ignoring_case() {
        let email = EmailAddress::parse("email", " Ana.Lopez@Example.ORG ").unwrap();
        assert_eq!(email.as_typed, "Ana.Lopez@Example.ORG");
        assert_eq!(email.normalized, "ana.lopez@example.org");
        assert_eq!(email.domain(), "example.org");
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.org",
            "ana@example",
            "a b@example.org",
            "ana@.org",
        ] {
            assert!(EmailAddress::parse("email", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn passwords_have_bounds() {
        assert!(check_password_length("password", "short").is_err());
        assert!(check_password_length("password", "long enough!").is_ok());
        assert!(check_password_length("password", &"x".repeat(129)).is_err());
    }
}
