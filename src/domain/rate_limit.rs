//! Limits on attempts (sign-in, registration, resending links), counted per
//! address and per account in the database, so all instances share them.

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max_hits: usize,
    pub window: Duration,
}

pub const SIGN_IN_PER_ADDRESS: Limit = Limit {
    max_hits: 20,
    window: Duration::minutes(15),
};
pub const SIGN_IN_PER_ACCOUNT: Limit = Limit {
    max_hits: 8,
    window: Duration::minutes(15),
};
pub const REGISTRATION_PER_ADDRESS: Limit = Limit {
    max_hits: 10,
    window: Duration::hours(1),
};
pub const RESET_PER_ADDRESS: Limit = Limit {
    max_hits: 10,
    window: Duration::hours(1),
};
pub const RESET_PER_ACCOUNT: Limit = Limit {
    max_hits: 3,
    window: Duration::hours(1),
};
/// Enough for a lively discussion, too few for a flood.
pub const COMMENTS_PER_ACCOUNT: Limit = Limit {
    max_hits: 30,
    window: Duration::hours(1),
};
pub const REPORTS_PER_ACCOUNT: Limit = Limit {
    max_hits: 20,
    window: Duration::hours(1),
};
pub const VERIFICATION_RESEND_PER_ACCOUNT: Limit = Limit {
    max_hits: 3,
    window: Duration::hours(1),
};

/// `hits` are the times of earlier attempts inside the window, oldest first.
/// Refuses with the time to wait until the oldest one leaves the window.
pub fn check(limit: Limit, hits: &[DateTime<Utc>], now: DateTime<Utc>) -> Result<(), Duration> {
    let recent: Vec<&DateTime<Utc>> = hits.iter().filter(|t| **t > now - limit.window).collect();
    if recent.len() < limit.max_hits {
        return Ok(());
    }
    let frees_at = *recent[recent.len() - limit.max_hits] + limit.window;
    Err((frees_at - now).max(Duration::seconds(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_refuses_until_the_oldest_hit_leaves_the_window() {
        let limit = Limit {
            max_hits: 3,
            window: Duration::minutes(10),
        };
        let now = Utc::now();
        let hits = [
            now - Duration::minutes(9),
            now - Duration::minutes(5),
            now - Duration::minutes(1),
        ];
        assert!(check(limit, &hits[..2], now).is_ok());
        assert_eq!(check(limit, &hits, now), Err(Duration::minutes(1)));
        assert!(check(
            limit,
            &hits,
            now + Duration::minutes(1) + Duration::seconds(1)
        )
        .is_ok());
    }
}
