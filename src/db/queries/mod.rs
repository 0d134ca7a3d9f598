//! One module per aggregate. Every function takes the caller's connection, so
//! services decide the transaction.

pub mod comments;
pub mod consultations;
pub mod roundtables;
pub mod users;
