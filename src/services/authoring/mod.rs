//! Staff set up consultations and roundtables in the browser: every field
//! checked, slugs made from titles and kept unique, old slugs redirected,
//! questions retired rather than removed once comments use them, and
//! every change recorded in the audit trail.

mod access;
mod audit;
mod chairs;
mod consultation;
mod deadline;
mod forms;
mod questions;
mod roundtable;
mod slugs;

pub use access::check_staff;
pub use chairs::*;
pub use consultation::*;
pub use forms::*;
pub use questions::QuestionChange;
pub use roundtable::*;
// The programme and resources record their changes alike (services::clearinghouse).
pub(in crate::services) use audit::changed_fields;
