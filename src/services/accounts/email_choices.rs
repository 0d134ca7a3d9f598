//! Which emails a person gets, as chosen on their account page, and the
//! personal API tokens listed beside those switches.

use crate::db::queries::notifications;
use crate::db::queries::sessions::ApiTokenSummary;
use crate::db::AnyConnection;
use crate::domain::notification::{AlertFrequency, EmailTopic};
use crate::domain::user::SignedInUser;
use crate::services::{api_tokens, ServiceError};
use chrono::{DateTime, Utc};

/// The emails about a person's own comments, each with an on/off switch.
pub const PERSONAL_TOPICS: &[EmailTopic] = &[
    EmailTopic::Decisions,
    EmailTopic::Replies,
    EmailTopic::Citations,
];

/// What the account page shows of a person's emails and tokens.
pub struct EmailChoices {
    pub alerts: AlertFrequency,
    /// The topics switched off.
    pub off: Vec<EmailTopic>,
    pub tokens: Vec<ApiTokenSummary>,
    /// The roundtables they follow.
    pub followed: Vec<crate::services::following::Followed>,
}

pub fn email_choices(
    conn: &mut AnyConnection,
    user: &SignedInUser,
) -> Result<EmailChoices, ServiceError> {
    let (alerts, off) = notifications::preferences(conn, user.id)?;
    let tokens = api_tokens::list(conn, user)?;
    let followed = crate::services::following::followed(conn, user.id)?;
    Ok(EmailChoices {
        followed,
        alerts,
        off,
        tokens,
    })
}

/// Saves the account page's switches together: every personal topic is on
/// when it is in `switched_on` and off otherwise. `alerts` is `None` when
/// the page did not offer that choice (only chairs and staff see it), and
/// then the stored choice stays.
pub fn save_email_choices(
    conn: &mut AnyConnection,
    user: &SignedInUser,
    alerts: Option<AlertFrequency>,
    switched_on: &[EmailTopic],
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    crate::db::write_transaction(conn, |conn| {
        if let Some(alerts) = alerts {
            notifications::set_alerts(conn, user.id, alerts)?;
        }
        for topic in PERSONAL_TOPICS {
            let off = !switched_on.contains(topic);
            notifications::set_opt_out(conn, user.id, *topic, off, now)?;
        }
        Ok(())
    })
}
