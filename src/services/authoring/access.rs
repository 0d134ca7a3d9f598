//! Who may author, and the consultation a form is about.

use crate::db::queries::authoring;
use crate::db::AnyConnection;
use crate::domain::consultation::{Consultation, ConsultationStatus};
use crate::domain::user::{Role, SignedInUser};
use crate::services::ServiceError;

pub(super) fn require_staff(actor: &SignedInUser) -> Result<(), ServiceError> {
    match actor.role {
        Role::Admin | Role::Staff => Ok(()),
        Role::Participant => Err(ServiceError::Forbidden("forbidden-authoring")),
    }
}

/// Refuses anyone but staff (for what needs no database, such as a preview).
pub fn check_staff(actor: &SignedInUser) -> Result<(), ServiceError> {
    require_staff(actor)
}

pub(super) fn find(
    conn: &mut AnyConnection,
    slug: &str,
) -> Result<(Consultation, String), ServiceError> {
    authoring::consultation(conn, slug)?.ok_or(ServiceError::NotFound("missing-consultation"))
}

pub(super) fn writable(c: &Consultation) -> Result<(), ServiceError> {
    if c.status == ConsultationStatus::Archived {
        return Err(ServiceError::Conflict("conflict-archived".into()));
    }
    Ok(())
}
