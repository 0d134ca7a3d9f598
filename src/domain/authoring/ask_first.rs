//! Changes that staff confirm on a page of their own before they are saved:
//! archiving (the consultation becomes read-only for good), opening while a
//! roundtable has no chair (nobody would be told what waits) or no guiding
//! question (participants would not know what to answer), and removing
//! guiding questions (gone for good; retiring keeps them).

use crate::domain::consultation::ConsultationStatus;

/// A roundtable as the check sees it.
pub struct RoundtableReadiness {
    pub full_title: String,
    pub chairs: usize,
    pub open_questions: usize,
}

/// What is missing on one roundtable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incomplete {
    pub full_title: String,
    pub no_chair: bool,
    pub no_question: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AskFirst {
    Archive,
    OpenIncomplete(Vec<Incomplete>),
    /// The texts of the guiding questions the form removes.
    RemoveQuestions(Vec<String>),
}

/// What to ask before `from` becomes `to`, if anything.
pub fn ask_first(
    from: ConsultationStatus,
    to: ConsultationStatus,
    roundtables: &[RoundtableReadiness],
) -> Option<AskFirst> {
    if from == to {
        return None;
    }
    match to {
        ConsultationStatus::Archived => Some(AskFirst::Archive),
        ConsultationStatus::Open => {
            let incomplete: Vec<Incomplete> = roundtables
                .iter()
                .filter(|r| r.chairs == 0 || r.open_questions == 0)
                .map(|r| Incomplete {
                    full_title: r.full_title.clone(),
                    no_chair: r.chairs == 0,
                    no_question: r.open_questions == 0,
                })
                .collect();
            (!incomplete.is_empty()).then_some(AskFirst::OpenIncomplete(incomplete))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ConsultationStatus::*;

    fn roundtable(title: &str, chairs: usize, open_questions: usize) -> RoundtableReadiness {
        RoundtableReadiness {
            full_title: title.into(),
            chairs,
            open_questions,
        }
    }

    #[test]
    fn archiving_is_always_asked_and_staying_put_never() {
        assert_eq!(ask_first(Open, Archived, &[]), Some(AskFirst::Archive));
        assert_eq!(ask_first(Archived, Archived, &[]), None);
        assert_eq!(ask_first(Open, Open, &[roundtable("RT 1", 0, 0)]), None);
    }

    #[test]
    fn opening_names_each_roundtable_without_a_chair_or_a_question() {
        let roundtables = [
            roundtable("RT 1 Ready", 1, 3),
            roundtable("RT 2 Unchaired", 0, 2),
            roundtable("RT 3 Unasked", 2, 0),
        ];
        let Some(AskFirst::OpenIncomplete(missing)) = ask_first(Draft, Open, &roundtables) else {
            panic!("opening asks first");
        };
        assert_eq!(
            missing,
            vec![
                Incomplete {
                    full_title: "RT 2 Unchaired".into(),
                    no_chair: true,
                    no_question: false
                },
                Incomplete {
                    full_title: "RT 3 Unasked".into(),
                    no_chair: false,
                    no_question: true
                },
            ]
        );
        assert_eq!(ask_first(Draft, Open, &roundtables[..1]), None);
        assert_eq!(ask_first(Draft, Closed, &roundtables), None);
    }
}
