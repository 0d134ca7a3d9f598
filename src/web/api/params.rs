//! Query parameters arrive as text and are checked here, so that each
//! refusal names the parameter and says what would be accepted.

use crate::domain::consultation::ConsultationStatus;
use crate::domain::Message;
use crate::web::error::WebError;
use serde::Deserialize;
use std::str::FromStr;
use utoipa::IntoParams;

pub struct PageSize {
    pub default: i64,
    pub max: i64,
}

pub const CONSULTATION_PAGE: PageSize = PageSize {
    default: 20,
    max: 100,
};
pub const THREAD_PAGE: PageSize = PageSize {
    default: 50,
    max: 200,
};

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ConsultationListQuery {
    /// How many consultations to return: 1 to 100, default 20.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(min_length = 1)]
    pub cursor: Option<String>,
    /// Only consultations in this status: open, closed or archived.
    #[param(value_type = Option<String>, pattern = "^(open|closed|archived)$")]
    pub status: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ThreadListQuery {
    /// How many top-level threads to return, each with all its replies: 1 to 200, default 50.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(min_length = 1)]
    pub cursor: Option<String>,
}

pub fn parse_limit(value: Option<&str>, size: PageSize) -> Result<i64, WebError> {
    let Some(value) = value else {
        return Ok(size.default);
    };
    match value.parse::<i64>() {
        Ok(n) if (1..=size.max).contains(&n) => Ok(n),
        _ => Err(WebError::invalid(
            "limit",
            Message::new("invalid-limit")
                .with("max", size.max)
                .with("value", value),
        )),
    }
}

pub fn parse_cursor<T: FromStr>(value: Option<&str>) -> Result<Option<T>, WebError> {
    value
        .map(|v| {
            v.parse()
                .map_err(|_| WebError::invalid("cursor", "invalid-cursor"))
        })
        .transpose()
}

pub fn parse_status(value: Option<&str>) -> Result<Option<ConsultationStatus>, WebError> {
    match value.map(|v| (v, ConsultationStatus::from_code(v))) {
        None => Ok(None),
        Some((_, Some(status))) if status.is_public() => Ok(Some(status)),
        Some((v, _)) => Err(WebError::invalid(
            "status",
            Message::new("invalid-api-status").with("value", v),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::ConsultationId;

    #[test]
    fn limits_are_capped() {
        assert_eq!(parse_limit(None, CONSULTATION_PAGE).unwrap(), 20);
        assert_eq!(parse_limit(Some("100"), CONSULTATION_PAGE).unwrap(), 100);
        for bad in ["0", "101", "-1", "ten", ""] {
            assert!(parse_limit(Some(bad), CONSULTATION_PAGE).is_err(), "{bad}");
        }
    }

    #[test]
    fn drafts_cannot_be_asked_for() {
        assert!(parse_status(Some("draft")).is_err());
        assert_eq!(
            parse_status(Some("open")).unwrap(),
            Some(ConsultationStatus::Open)
        );
    }

    #[test]
    fn cursors_must_be_ids() {
        assert!(parse_cursor::<ConsultationId>(Some("nonsense")).is_err());
        let id = ConsultationId::generate();
        assert_eq!(
            parse_cursor::<ConsultationId>(Some(&id.to_string())).unwrap(),
            Some(id)
        );
    }
}
