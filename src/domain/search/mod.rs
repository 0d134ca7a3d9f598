//! Full-text search: how texts become indexed terms, what a typed query
//! means, excerpts and likeness. No storage here: `db::queries::search`
//! turns a `SearchQuery` into each backend's own syntax.

mod excerpt;
mod query;
mod similar;
mod words;

pub use excerpt::{excerpt, plain, ExcerptPart};
pub use query::{SearchQuery, Term, QUERY_MAX_CHARS};
pub use similar::{similarity, term_set, DUPLICATE_THRESHOLD};
pub use words::{fold, index_terms, words, IndexLanguage, Word};
