//! The meeting report's raw material, in Markdown and in printable HTML:
//! the consultation, then per roundtable its background, guiding
//! questions and participation figures, and per question the chairs'
//! synthesis and recommendations, the highlighted comments quoted, then
//! every comment in thread order.

mod html;
mod markdown;
mod parts;

pub use html::HtmlDigest;
pub use markdown::MarkdownDigest;
