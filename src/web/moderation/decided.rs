//! What a decision did, in people's terms: the confirmation the queue
//! shows ("Published Amina Diallo’s comment on question 2."), the page
//! after a decision that did not apply to every comment (or from an
//! emailed link), and the one sentence for a comment another chair
//! decided first, which the API says too.

use crate::db::queries::moderation::AuditEntry;
use crate::domain::comment::CommentStatus;
use crate::domain::message::Arg;
use crate::domain::Message;
use crate::i18n::{say, text, Language};
use crate::services::moderation::{Decided, DecidedComment, DecisionResult};
use crate::web::error::WebError;
use crate::web::format::date_time;
use crate::web::session::Viewer;
use crate::web::state::AppState;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde::Serialize;

/// Where the sentence is read: a page writes the time for the reader, the
/// API as RFC 3339; each has its own wording in the catalogue.
#[derive(Debug, Clone, Copy)]
pub enum Wording {
    Page(Language),
    Api,
}

/// "Already decided: who did what, when", or the status now when nobody
/// is on record.
pub fn already_decided(
    by: Option<&AuditEntry>,
    status: CommentStatus,
    wording: Wording,
) -> Message {
    let status = Arg::Key(format!("views-comment-{}", status.code()));
    let (with_who, without) = match wording {
        Wording::Page(_) => (
            "moderation-already-decided-by",
            "moderation-already-decided",
        ),
        Wording::Api => ("conflict-already-decided-by", "conflict-already-decided"),
    };
    let Some(entry) = by else {
        return Message::new(without).with("status", status);
    };
    let at = match wording {
        Wording::Page(lang) => date_time(entry.at, chrono_tz::UTC, lang),
        Wording::Api => entry.at.to_rfc3339(),
    };
    let who = entry
        .actor_name
        .clone()
        .map_or(Arg::Key("moderation-someone".into()), Arg::Text);
    Message::new(with_who)
        .with("who", who)
        .with("action", entry.action.as_str())
        .with("at", at)
        .with("status", status)
}

/// "Amina Diallo’s comment on question 2", or the reference alone for a
/// comment nobody can name (it does not exist).
pub fn whose(comment: Option<&DecidedComment>, reference: &str, lang: Language) -> String {
    let Some(comment) = comment else {
        return reference.to_owned();
    };
    let numbers: Vec<String> = comment.questions.iter().map(usize::to_string).collect();
    text(
        lang,
        "moderation-confirm-whose",
        &[
            ("name", comment.author.as_str().into()),
            ("count", (numbers.len() as i64).into()),
            ("questions", numbers.join(", ").into()),
        ],
    )
}

/// "Published Amina Diallo’s comment on question 2." for one comment;
/// for several, the number and the authors' names (never references):
/// "Rejected 3 comments, by Amina Diallo (2) and Ben Reply."
pub fn confirmation_text(action: &str, comments: &[DecidedComment], lang: Language) -> String {
    if let [comment] = comments {
        let whose = whose(Some(comment), &comment.reference, lang);
        return text(
            lang,
            "moderation-confirm-one",
            &[("action", action.into()), ("whose", whose.into())],
        );
    }
    text(
        lang,
        "moderation-confirm-many",
        &[
            ("action", action.into()),
            ("count", (comments.len() as i64).into()),
            ("names", names(comments, lang).into()),
        ],
    )
}

/// At most this many names in a confirmation; the rest are counted.
const NAMES_SHOWN: usize = 8;

/// Each author once, in the order first named, with how many of their
/// comments when more than one.
fn names(comments: &[DecidedComment], lang: Language) -> String {
    let mut counted: Vec<(&str, i64)> = Vec::new();
    for comment in comments {
        match counted.iter_mut().find(|(name, _)| *name == comment.author) {
            Some((_, count)) => *count += 1,
            None => counted.push((&comment.author, 1)),
        }
    }
    let shown: Vec<String> = counted
        .iter()
        .take(NAMES_SHOWN)
        .map(|(name, count)| match count {
            1 => (*name).to_owned(),
            _ => text(
                lang,
                "moderation-confirm-name-count",
                &[("name", (*name).into()), ("count", (*count).into())],
            ),
        })
        .collect();
    let others = counted.len().saturating_sub(NAMES_SHOWN);
    if others > 0 {
        return text(
            lang,
            "moderation-confirm-names-others",
            &[
                ("first", shown.join(", ").into()),
                ("others", (others as i64).into()),
            ],
        );
    }
    match shown.split_last() {
        Some((last, first)) if !first.is_empty() => text(
            lang,
            "moderation-confirm-names-and",
            &[
                ("first", first.join(", ").into()),
                ("last", last.as_str().into()),
            ],
        ),
        _ => shown.join(""),
    }
}

#[derive(Serialize)]
struct DecisionLine {
    done: bool,
    text: String,
}

/// Why a decision did not apply to a comment, in the reader's language.
fn refusal(result: &DecisionResult, lang: Language) -> Option<String> {
    let key = |key: &str| text(lang, key, &[]);
    Some(match result {
        DecisionResult::Done { .. } => return None,
        DecisionResult::AlreadyDecided { by, status, .. } => say(
            lang,
            &already_decided(by.as_ref(), *status, Wording::Page(lang)),
        ),
        DecisionResult::NotApplicable { why, .. } => {
            text(lang, "moderation-not-possible", &[("why", key(why).into())])
        }
        DecisionResult::NotFound { .. } => key("moderation-no-such-comment"),
        DecisionResult::EditedSince { .. } => key("moderation-edited-since"),
        DecisionResult::NotAllowed { .. } => key("moderation-not-yours"),
    })
}

/// One line per comment named: what was done to it, or why nothing was,
/// each naming the comment by its author.
fn decision_lines(action: &str, decided: &Decided, lang: Language) -> Vec<DecisionLine> {
    decided
        .results
        .iter()
        .map(|result| {
            let reference = result.reference();
            let comment = decided.comments.get(reference);
            match (refusal(result, lang), comment) {
                (None, Some(comment)) => DecisionLine {
                    done: true,
                    text: confirmation_text(action, std::slice::from_ref(comment), lang),
                },
                (None, None) => DecisionLine {
                    done: true,
                    text: reference.to_owned(),
                },
                (Some(why), comment) => DecisionLine {
                    done: false,
                    text: text(
                        lang,
                        "moderation-report-line",
                        &[
                            ("whose", whose(comment, reference, lang).into()),
                            ("what", why.into()),
                        ],
                    ),
                },
            }
        })
        .collect()
}

#[derive(Serialize)]
struct DecisionReportView {
    title: String,
    lines: Vec<DecisionLine>,
    back: String,
}

/// The page after a decision that did not apply to every comment named
/// (or, from an emailed link, after any decision): 200 when some comment
/// was decided, else 409 when others came first.
pub fn decision_report_page(
    state: &AppState,
    viewer: &Viewer,
    action: &str,
    decided: &Decided,
    back: String,
) -> Result<HttpResponse, WebError> {
    let lines = decision_lines(action, decided, viewer.language);
    let status = result_status(&decided.results, lines.iter().any(|l| l.done));
    state.render_with_status(
        status,
        "pages/moderation/decided.html",
        &DecisionReportView {
            title: text(viewer.language, "moderation-title", &[]),
            lines,
            back,
        },
        viewer,
    )
}

/// As the API answers for one comment: 403 when none of them was this
/// chair's to decide, 404 when none exists, 409 when others came first.
fn result_status(results: &[DecisionResult], any_done: bool) -> StatusCode {
    let all = |matches: fn(&DecisionResult) -> bool| results.iter().all(matches);
    if any_done {
        StatusCode::OK
    } else if all(|o| matches!(o, DecisionResult::NotAllowed { .. })) {
        StatusCode::FORBIDDEN
    } else if all(|o| matches!(o, DecisionResult::NotFound { .. })) {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::CONFLICT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by(name: &str, questions: &[usize]) -> DecidedComment {
        DecidedComment {
            reference: format!("c-{}", name.len()),
            author: name.to_owned(),
            questions: questions.to_vec(),
        }
    }

    #[test]
    fn one_decision_names_the_author_and_the_questions() {
        let lang = Language::En;
        assert_eq!(
            confirmation_text("publish", &[by("Amina Diallo", &[2])], lang),
            "Published Amina Diallo’s comment on question 2."
        );
        assert_eq!(
            confirmation_text("reject", &[by("Ben Reply", &[])], lang),
            "Rejected Ben Reply’s general comment."
        );
        assert_eq!(
            confirmation_text("retag", &[by("Omar", &[1, 3])], lang),
            "Changed the questions of Omar’s comment on questions 1, 3."
        );
    }

    #[test]
    fn several_decisions_name_each_author_once_never_references() {
        let lang = Language::En;
        let comments = [by("Amina", &[1]), by("Ben", &[]), by("Amina", &[2])];
        let said = confirmation_text("reject", &comments, lang);
        assert_eq!(said, "Rejected 3 comments, by Amina (2) and Ben.");
        assert!(!said.contains("c-"));
        let many: Vec<DecidedComment> = (0..12).map(|n| by(&format!("P{n}"), &[])).collect();
        let said = confirmation_text("publish", &many, lang);
        assert!(said.ends_with("P7 and 4 others."), "{said}");
        for lang in [Language::Fr, Language::Es] {
            let said = confirmation_text("reject", &comments, lang);
            assert!(said.contains("Amina") && said.contains("Ben") && said.contains('3'));
        }
    }
}
