use super::{passwords, ServiceError};
use crate::db::queries::users;
use crate::db::{AnyConnection, StorageError};
use crate::domain::affiliation::Affiliation;
use crate::domain::ids::UserId;
use crate::domain::user::{check_password_length, parse_display_name, EmailAddress, NewUser, Role};
use crate::domain::InvalidField;
use chrono::{DateTime, Utc};
use diesel::Connection;

#[derive(Debug, PartialEq, Eq)]
pub enum AdminAccount {
    Created(UserId),
    /// The address already had an account: it became an admin with the new password.
    Promoted(UserId),
}

/// The first administrator comes from the command line. Verified at once:
/// whoever runs the command controls the server.
pub fn create_admin(
    conn: &mut AnyConnection,
    email: &str,
    display_name: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<AdminAccount, ServiceError> {
    let email = EmailAddress::parse("email", email)?;
    let display_name = parse_display_name("name", display_name)?;
    check_password_length("password", password)?;
    let hash = passwords::hash_password(password)
        .map_err(|e| InvalidField::new("password", format!("cannot be hashed: {e}")))?;
    conn.transaction(|conn| {
        if let Some(id) = users::find_id_by_email(conn, &email.normalized)? {
            users::promote_to_admin(conn, id, &hash, now)?;
            return Ok(AdminAccount::Promoted(id));
        }
        let user = NewUser {
            id: UserId::generate(),
            email,
            affiliation: Affiliation {
                display_name,
                organisation: String::new(),
                organisation_type: None,
                country: None,
            },
            gender: None,
            role: Role::Admin,
            password_hash: Some(hash),
            verified_at: Some(now),
            consented_at: Some(now),
        };
        users::insert(conn, &user, now)?;
        Ok::<_, StorageError>(AdminAccount::Created(user.id))
    })
    .map_err(ServiceError::from)
}
