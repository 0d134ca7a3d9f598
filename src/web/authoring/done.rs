//! The sentence a staff page shows after a change, read from `?done=…` in
//! the address the change redirected to: nothing is kept on the server, so
//! whichever instance serves the page says what happened.

use crate::i18n::{text, Language};

/// What a redirect can report, each with its sentence `admin-done-{code}`.
const DONE: [&str; 8] = [
    "saved",
    "programme-saved",
    "programme-removed",
    "resource-saved",
    "resource-removed",
    "moved",
    "chair-added",
    "chair-removed",
];

/// The sentence for `done`, naming `title`; nothing for an unknown code.
pub(super) fn notice(done: &str, title: &str, lang: Language) -> Option<String> {
    DONE.contains(&done).then(|| {
        text(
            lang,
            &format!("admin-done-{done}"),
            &[("title", title.into())],
        )
    })
}
