//! What the benchmark puts in a database before a server starts on it,
//! written by the application's own code (the `roundtable` library).

use anyhow::{ensure, Context, Result};
use chrono::Utc;
use roundtable::db::queries::notifications::{self, Recipient};
use roundtable::db::queries::{comments, users};
use roundtable::db::{write_transaction, AnyConnection};
use roundtable::domain::affiliation::{Affiliation, Country, OrganisationType};
use roundtable::domain::ids::{RoundtableId, UserId};
use roundtable::domain::notification::AlertFrequency;
use roundtable::domain::roundtable::ModerationMode;
use roundtable::domain::time::PeriodState;
use roundtable::domain::user::{EmailAddress, NewUser, Role, SignedInUser};
use roundtable::services::{api_tokens, demo, roundtables, ServiceError};

pub const CONSULTATION: &str = "global-forum-online-roundtables";
/// Open, pre-moderated, with one chair: the 100-comment page, its JSON
/// tree, and where the POST run writes.
pub const SMALL: &str = "rt-3-1";
/// The 1,000-comment roundtable.
pub const LARGE: &str = "rt-3-2";
const PUBLISHED: [(&str, i64); 2] = [(SMALL, 100), (LARGE, 1_000)];

/// The demo consultations, as `roundtable demo` loads them.
pub fn demo(conn: &mut AnyConnection) -> Result<()> {
    demo::load(conn, Utc::now(), false).context("loading the demo content")?;
    Ok(())
}

/// Synthetic comments (threads of five) until each benchmarked roundtable
/// of the demo content shows the intended number of published ones.
pub fn threads(conn: &mut AnyConnection) -> Result<()> {
    for (roundtable, wanted) in PUBLISHED {
        let missing = wanted - published(conn, roundtable)?;
        demo::add_synthetic_comments(
            conn,
            CONSULTATION,
            roundtable,
            usize::try_from(missing).unwrap_or(0),
            Utc::now(),
        )
        .with_context(|| format!("adding comments to {roundtable}"))?;
        let now_published = published(conn, roundtable)?;
        ensure!(
            now_published == wanted,
            "{roundtable} shows {now_published} published comments, not {wanted}"
        );
    }
    Ok(())
}

fn published(conn: &mut AnyConnection, roundtable: &str) -> Result<i64> {
    let id = roundtables::roundtable_detail(conn, CONSULTATION, roundtable)?
        .roundtable
        .id;
    Ok(comments::public_counts(conn, &[id])?
        .get(&id)
        .copied()
        .unwrap_or(0))
}

/// The roundtable the POST run writes to, and its chairs.
pub struct PostTarget {
    pub roundtable: RoundtableId,
    pub chairs: Vec<Recipient>,
}

/// Checks that posting to SMALL makes pending comments that alert a chair,
/// and switches its chairs' alerts to "at once".
pub fn post_target(conn: &mut AnyConnection) -> Result<PostTarget> {
    let detail = roundtables::roundtable_detail(conn, CONSULTATION, SMALL)?;
    let roundtable = &detail.roundtable;
    ensure!(
        roundtable.moderation_mode == ModerationMode::Pre,
        "{SMALL} is not pre-moderated"
    );
    let state = roundtable
        .comment_period
        .state(Utc::now(), detail.consultation.accepts_comments());
    ensure!(
        matches!(state, PeriodState::Open { .. }),
        "{SMALL} does not take comments now"
    );
    let chairs = notifications::chairs_of(conn, &roundtable.id.to_string())?;
    ensure!(!chairs.is_empty(), "{SMALL} has no chair to alert");
    for chair in &chairs {
        let id: UserId = chair
            .user_id
            .parse()
            .map_err(|_| anyhow::anyhow!("a chair id that does not parse"))?;
        notifications::set_alerts(conn, id, AlertFrequency::Immediate)?;
    }
    Ok(PostTarget {
        roundtable: roundtable.id,
        chairs: notifications::chairs_of(conn, &roundtable.id.to_string())?,
    })
}

/// `count` verified participants, stored without a password (no Argon2:
/// they only ever use their API token), and one token each, returned.
pub fn participants_with_tokens(conn: &mut AnyConnection, count: usize) -> Result<Vec<String>> {
    let now = Utc::now();
    let people = participants(conn, count)?;
    let tokens = write_transaction(conn, |conn| {
        people
            .iter()
            .map(|person| api_tokens::create(conn, person, "load benchmark", now))
            .collect::<Result<Vec<_>, ServiceError>>()
    })?;
    Ok(tokens)
}

/// `count` verified participants, stored without a password, as signed in.
pub fn participants(conn: &mut AnyConnection, count: usize) -> Result<Vec<SignedInUser>> {
    let now = Utc::now();
    let people = write_transaction(conn, |conn| {
        (0..count)
            .map(|n| {
                let affiliation = Affiliation {
                    display_name: format!("Load Participant {n}"),
                    organisation: "Benchmark Association".into(),
                    organisation_type: Some(OrganisationType::CivilSociety),
                    country: Some(Country::parse("country", "BE")?),
                };
                let user = NewUser {
                    id: UserId::generate(),
                    email: EmailAddress::parse("email", &format!("load-{n}@bench.example.org"))?,
                    affiliation: affiliation.clone(),
                    gender: None,
                    role: Role::Participant,
                    password_hash: None,
                    verified_at: Some(now),
                    consented_at: Some(now),
                    terms_version: None,
                };
                users::insert(conn, &user, now)?;
                Ok(SignedInUser {
                    id: user.id,
                    email: user.email.as_typed.clone(),
                    affiliation,
                    role: Role::Participant,
                    verified: true,
                    gender: None,
                    is_chair: false,
                    language: None,
                })
            })
            .collect::<Result<Vec<_>, ServiceError>>()
    })?;
    Ok(people)
}
