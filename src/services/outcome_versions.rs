//! Outcome versions: every save of an outcome is kept; each publication
//! of a text that differs from the last version is the next version, with
//! its fingerprint, and the roundtable's followers are told. Readers see
//! the versions of a published outcome; chairs and staff also while it is
//! withdrawn. Drafts are never shown as versions.

use super::following::{self, Announcement};
use super::roundtables::{roundtable_detail, RoundtableDetail};
use super::ServiceError;
use crate::db::queries::outcome_revisions::{self, NewRevision, VersionRecord};
use crate::db::queries::outcomes::{self as outcome_rows, NewPoint, OutcomeWrite};
use crate::db::queries::roundtables;
use crate::db::{AnyConnection, StorageError};
use crate::domain::citation::{citations_in, link_citations};
use crate::domain::ids::RoundtableId;
use crate::domain::outcome::OutcomeKind;
use crate::domain::outcome::OutcomeStatus;
use crate::domain::outcome_diff::{content_changes, PartChanges};
use crate::domain::outcome_version::{
    canonical, read_content, sealed, OutcomeContent, PublishedContent, VersionPoint,
    VersionQuestion, CONTENT_FORMAT,
};
use crate::domain::roundtable::GuidingQuestion;
use crate::domain::user::Actor;
use crate::text::{render_comment, render_document, SafeHtml};
use chrono::{DateTime, Utc};

/// The outcome as one save holds it.
pub fn content_of(
    roundtable: RoundtableId,
    questions: &[GuidingQuestion],
    summary_markdown: &str,
    points: &[(Option<String>, String, String)],
) -> OutcomeContent {
    let number_of = |id: &Option<String>| {
        id.as_ref().and_then(|id| {
            questions
                .iter()
                .find(|q| q.id.to_string() == *id)
                .map(|q| q.number)
        })
    };
    OutcomeContent {
        format: CONTENT_FORMAT.into(),
        roundtable_id: roundtable.to_string(),
        questions: questions
            .iter()
            .map(|q| VersionQuestion {
                number: q.number,
                text: q.text.clone(),
            })
            .collect(),
        summary_markdown: summary_markdown.to_owned(),
        summary_cites: citations_in(summary_markdown),
        points: points
            .iter()
            .enumerate()
            .map(|(position, (question, kind, markdown))| VersionPoint {
                position,
                kind: kind.clone(),
                question: number_of(question),
                markdown: markdown.clone(),
                cites: citations_in(markdown),
            })
            .collect(),
    }
}

/// The points as stored, for `content_of`.
pub fn stored_points(points: &[NewPoint]) -> Vec<(Option<String>, String, String)> {
    points
        .iter()
        .map(|p| {
            (
                p.question_id.clone(),
                p.kind.code().to_owned(),
                p.body_markdown.clone(),
            )
        })
        .collect()
}

/// Keeps a save `outcomes::save` just wrote (see `keep`).
pub fn keep_written(
    conn: &mut AnyConnection,
    write: &OutcomeWrite,
    questions: &[GuidingQuestion],
    (outcome_id, revision): (&str, i32),
) -> Result<Option<i32>, ServiceError> {
    let points = stored_points(write.points);
    let content = content_of(write.roundtable, questions, write.summary_markdown, &points);
    keep(
        conn,
        Save {
            roundtable: write.roundtable,
            outcome_id,
            revision,
            content,
            status: write.status,
            by: write.by,
            now: write.now,
        },
    )
}

/// A save just written, to keep.
pub struct Save<'a> {
    pub roundtable: RoundtableId,
    pub outcome_id: &'a str,
    pub revision: i32,
    pub content: OutcomeContent,
    pub status: OutcomeStatus,
    pub by: &'a str,
    pub now: DateTime<Utc>,
}

/// Keeps the save, in the caller's transaction; a published save whose
/// text differs from the last version becomes the next version, and the
/// roundtable's followers are told. Returns the new version's number.
pub fn keep(conn: &mut AnyConnection, save: Save) -> Result<Option<i32>, ServiceError> {
    let revision_id = outcome_revisions::insert(
        conn,
        &NewRevision {
            outcome_id: save.outcome_id,
            revision: save.revision,
            content_json: &canonical(&save.content),
            by: Some(save.by),
            now: save.now,
        },
    )?;
    if save.status != OutcomeStatus::Published {
        return Ok(None);
    }
    let latest = outcome_revisions::versions(conn, save.outcome_id)?
        .into_iter()
        .next();
    let unchanged = latest
        .as_ref()
        .and_then(|v| read_content(&v.content_json))
        .is_some_and(|c| c == save.content);
    if unchanged {
        return Ok(None);
    }
    let version = latest.map_or(1, |v| v.version + 1);
    let published = PublishedContent::new(save.content, version, save.now);
    let (json, fingerprint) = sealed(&published);
    outcome_revisions::publish(
        conn,
        &revision_id,
        version,
        &json,
        fingerprint.hex(),
        save.now,
    )?;
    following::announce(
        conn,
        save.roundtable,
        Announcement::OutcomeVersion {
            version,
            published_at: save.now,
        },
    )?;
    Ok(Some(version))
}

/// Outcomes published before versions were kept become version 1, as
/// their text reads now and dated at their first publication. Runs once
/// at start-up (nothing to do the next times).
pub fn number_published_outcomes(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
) -> Result<usize, StorageError> {
    let waiting = outcome_revisions::published_without_version(conn)?;
    let count = waiting.len();
    for (outcome_id, roundtable_id, revision, published_at) in waiting {
        let Ok(roundtable) = roundtable_id.parse::<RoundtableId>() else {
            continue;
        };
        crate::db::write_transaction(conn, |conn| -> Result<(), StorageError> {
            let questions = roundtables::guiding_questions(conn, roundtable)?;
            let Some((record, points)) = outcome_rows::find(conn, roundtable)? else {
                return Ok(());
            };
            let points: Vec<_> = points
                .into_iter()
                .map(|p| (p.question_id, p.kind.code().to_owned(), p.body_markdown))
                .collect();
            let content = content_of(roundtable, &questions, &record.summary_markdown, &points);
            let at = published_at.unwrap_or(now);
            let revision_id = outcome_revisions::insert(
                conn,
                &NewRevision {
                    outcome_id: &outcome_id,
                    revision,
                    content_json: &canonical(&content),
                    by: None,
                    now: at,
                },
            )?;
            let (json, fingerprint) = sealed(&PublishedContent::new(content, 1, at));
            outcome_revisions::publish(conn, &revision_id, 1, &json, fingerprint.hex(), at)?;
            Ok(())
        })?;
    }
    Ok(count)
}

/// One published version, read back.
#[derive(Debug, Clone)]
pub struct Version {
    pub number: i32,
    pub published_at: DateTime<Utc>,
    pub fingerprint: String,
    /// The canonical JSON the fingerprint is the SHA-256 of.
    pub canonical_json: String,
    pub content: OutcomeContent,
}

fn version_of(record: VersionRecord) -> Option<Version> {
    Some(Version {
        content: read_content(&record.content_json)?,
        number: record.version,
        published_at: record.published_at,
        fingerprint: record.fingerprint,
        canonical_json: record.content_json,
    })
}

/// A roundtable's outcome versions as `who` may read them, the newest first.
pub struct Versions {
    pub detail: RoundtableDetail,
    pub versions: Vec<Version>,
    /// Whether the outcome is published now (else only chairs and staff read this).
    pub published: bool,
}

impl Versions {
    pub fn find(&self, number: i32) -> Result<&Version, ServiceError> {
        self.versions
            .iter()
            .find(|v| v.number == number)
            .ok_or(ServiceError::NotFound("missing-outcome-version"))
    }
}

/// The versions of the roundtable's outcome: everyone's while it is
/// published, only its chairs' and staff's while it is withdrawn.
pub fn versions(
    conn: &mut AnyConnection,
    who: Option<Actor>,
    consultation: &str,
    roundtable: &str,
) -> Result<Versions, ServiceError> {
    let detail = roundtable_detail(conn, consultation, roundtable)?;
    let may_moderate =
        who.is_some_and(|w| w.staff || detail.chairs.iter().any(|c| c.user_id == w.id));
    versions_of(conn, detail, may_moderate)
}

pub(super) fn versions_of(
    conn: &mut AnyConnection,
    detail: RoundtableDetail,
    may_moderate: bool,
) -> Result<Versions, ServiceError> {
    let Some((record, _)) = outcome_rows::find(conn, detail.roundtable.id)? else {
        return Ok(Versions {
            detail,
            versions: vec![],
            published: false,
        });
    };
    let published = record.status == OutcomeStatus::Published;
    let versions = if published || may_moderate {
        outcome_revisions::versions(conn, &record.id)?
            .into_iter()
            .filter_map(version_of)
            .collect()
    } else {
        vec![]
    };
    Ok(Versions {
        detail,
        versions,
        published,
    })
}

/// How many saves of the roundtable's outcome are kept (for chairs and tests).
pub fn saves_kept(conn: &mut AnyConnection, roundtable: RoundtableId) -> Result<i64, ServiceError> {
    match outcome_rows::find(conn, roundtable)? {
        Some((record, _)) => Ok(outcome_revisions::count_saves(conn, &record.id)?),
        None => Ok(0),
    }
}

/// A version's text as pages show it.
pub struct VersionText {
    pub summary_html: SafeHtml,
    pub sections: Vec<VersionSection>,
}

pub struct VersionSection {
    pub question: Option<VersionQuestion>,
    pub synthesis: Vec<SafeHtml>,
    pub recommendations: Vec<SafeHtml>,
}

/// Renders a version's Markdown as the outcome was rendered when saved:
/// citations linked to the comments' pages.
pub fn text_of(content: &OutcomeContent) -> VersionText {
    let linked = |markdown: &str| link_citations(markdown, |full| Some(full.to_owned()));
    let questions = content.questions.iter().cloned().map(Some).chain([None]);
    let sections = questions
        .filter_map(|question| {
            let number = question.as_ref().map(|q| q.number);
            let of_kind = |kind: OutcomeKind| -> Vec<SafeHtml> {
                content
                    .points
                    .iter()
                    .filter(|p| p.question == number && OutcomeContent::kind_of(p) == Some(kind))
                    .map(|p| render_comment(&linked(&p.markdown)))
                    .collect()
            };
            let synthesis = of_kind(OutcomeKind::Synthesis);
            let recommendations = of_kind(OutcomeKind::Recommendation);
            (!synthesis.is_empty() || !recommendations.is_empty()).then_some(VersionSection {
                question,
                synthesis,
                recommendations,
            })
        })
        .collect();
    VersionText {
        summary_html: render_document(&linked(&content.summary_markdown)),
        sections,
    }
}

/// Two versions compared, the older first.
pub fn changes_between(
    versions: &Versions,
    from: i32,
    to: i32,
) -> Result<Vec<PartChanges>, ServiceError> {
    let (old, new) = (versions.find(from)?, versions.find(to)?);
    Ok(content_changes(&old.content, &new.content))
}
