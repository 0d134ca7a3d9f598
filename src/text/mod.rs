//! Markdown in, sanitised HTML out. Rendering happens once, when text is
//! saved; pages render the stored HTML.

mod citations;
mod markdown;
mod safe_html;

pub use citations::name_citations;
pub use markdown::{plain_excerpt, plain_text, render_comment, render_document};
pub use safe_html::SafeHtml;
