//! Accounts: creating and confirming them, signing in and out, recovering
//! a password, and what people change on their account page. Each use case
//! lives in a file of its own; what several share (emailed links) is in
//! `links`, which imports none of them.

mod creation;
mod email_choices;
mod links;
mod profile;
mod recovery;
mod signing;

pub use creation::*;
pub use email_choices::*;
pub use links::{LinkOutcome, VERIFICATION_LINK_LIFETIME};
pub use profile::*;
pub use recovery::*;
pub use signing::*;
