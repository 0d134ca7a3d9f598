//! Who may see which comments, and the filters, as a condition on the
//! filter words the index keeps beside each comment's terms (see the search
//! migration's `search_meta`), written in each engine's syntax.

use chrono::NaiveDateTime;

/// Whose search it is.
#[derive(Debug, Clone, Copy)]
pub enum Visibility<'a> {
    /// Published comments of public consultations.
    Public,
    /// Also the waiting comments of these roundtables (a chair's).
    Chair(&'a [String]),
    /// Every comment but withdrawn ones (staff).
    Everything,
    /// Withdrawn ones too (a digest of every status).
    AllStatuses,
}

/// Filters that combine with the words; ids, codes and times already checked.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommentFilter<'a> {
    pub consultation: Option<&'a str>,
    pub roundtable: Option<&'a str>,
    pub question: Option<&'a str>,
    pub organisation_type: Option<&'a str>,
    pub country: Option<&'a str>,
    /// Written at or after.
    pub from: Option<NaiveDateTime>,
    /// Written before.
    pub until: Option<NaiveDateTime>,
}

/// A condition on the filter words the index keeps beside each comment's
/// terms (see the search migration's `search_meta`).
pub(super) enum Meta {
    Word(String),
    All(Vec<Meta>),
    Any(Vec<Meta>),
    /// The first, and none of the others.
    Without(Box<Meta>, Vec<Meta>),
}

fn word(prefix: &str, value: &str) -> Meta {
    let value: String = value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    Meta::Word(format!("{prefix}{value}"))
}

/// Who may see which comments, and the filters, as one condition.
pub(super) fn meta_condition(
    filter: CommentFilter,
    visibility: Visibility,
    drafts: &[String],
) -> Meta {
    let status = |s: &str| word("st", s);
    let public = || {
        let mut hidden = vec![word("x", "hidden")];
        hidden.extend(drafts.iter().map(|id| word("cn", id)));
        Meta::Without(Box::new(status("approved")), hidden)
    };
    let mut all = vec![match visibility {
        Visibility::Public => public(),
        Visibility::Chair(roundtables) if !roundtables.is_empty() => Meta::Any(vec![
            public(),
            Meta::All(vec![
                Meta::Any(vec![status("approved"), status("pending")]),
                Meta::Any(roundtables.iter().map(|id| word("rt", id)).collect()),
            ]),
        ]),
        Visibility::Chair(_) => public(),
        Visibility::Everything => Meta::Any(vec![
            status("approved"),
            status("pending"),
            status("rejected"),
        ]),
        Visibility::AllStatuses => Meta::Any(vec![
            status("approved"),
            status("pending"),
            status("rejected"),
            status("withdrawn"),
        ]),
    }];
    let words = [
        ("cn", filter.consultation),
        ("rt", filter.roundtable),
        ("qn", filter.question),
        ("ot", filter.organisation_type),
        ("cc", filter.country),
    ];
    all.extend(
        words
            .into_iter()
            .filter_map(|(prefix, value)| value.map(|v| word(prefix, v))),
    );
    Meta::All(all)
}

impl Meta {
    /// FTS5: each word looked up in the `meta` column only.
    pub(super) fn fts5(&self) -> String {
        match self {
            Meta::Word(w) => format!("meta : \"{w}\""),
            Meta::All(parts) => join(parts, " AND ", Meta::fts5),
            Meta::Any(parts) => join(parts, " OR ", Meta::fts5),
            Meta::Without(first, others) if others.is_empty() => first.fts5(),
            Meta::Without(first, others) => {
                format!(
                    "({} NOT {})",
                    first.fts5(),
                    join(others, " OR ", Meta::fts5)
                )
            }
        }
    }

    /// tsquery: each word with weight D, where the index keeps them.
    pub(super) fn tsquery(&self) -> String {
        match self {
            Meta::Word(w) => format!("'{w}':D"),
            Meta::All(parts) => join(parts, " & ", Meta::tsquery),
            Meta::Any(parts) => join(parts, " | ", Meta::tsquery),
            Meta::Without(first, others) if others.is_empty() => first.tsquery(),
            Meta::Without(first, others) => {
                format!(
                    "({} & !{})",
                    first.tsquery(),
                    join(others, " | ", Meta::tsquery)
                )
            }
        }
    }
}

fn join(parts: &[Meta], with: &str, render: fn(&Meta) -> String) -> String {
    let rendered: Vec<String> = parts.iter().map(render).collect();
    format!("({})", rendered.join(with))
}
