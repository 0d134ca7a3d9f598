//! What staff type to set up consultations and roundtables, checked field
//! by field: titles, slugs, times in the event's own zone, the status a
//! consultation moves through, and the guiding questions.

pub mod ask_first;
mod consultation;
mod fields;
mod roundtable;

pub use consultation::*;
pub use fields::{
    check_status_change, local_input, local_time, question_field, slug_from_title, LANGUAGES,
    MAX_QUESTIONS,
};
pub use roundtable::*;
// For the programme and resources of a consultation (domain::clearinghouse).
pub(in crate::domain) use fields::{keep, optional, required};
