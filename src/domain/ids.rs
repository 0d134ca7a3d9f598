//! Typed ids: a comment id cannot be passed where a roundtable id is expected.
//! All are UUID v7, so their text form sorts by creation time.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::{Timestamp, Uuid};

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn generate() -> Self {
                Self(Uuid::now_v7())
            }

            /// An id whose time part is `time`, for records created with a
            /// past date (demo content, imports) so that ids still sort by date.
            pub fn generated_at(time: DateTime<Utc>) -> Self {
                let seconds = u64::try_from(time.timestamp()).unwrap_or(0);
                Self(Uuid::new_v7(Timestamp::from_unix(
                    uuid::NoContext,
                    seconds,
                    time.timestamp_subsec_nanos(),
                )))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id_type!(
    UserId,
    ConsultationId,
    OrganisationId,
    RoundtableId,
    GuidingQuestionId,
    ProgrammeItemId,
    ChairAssignmentId,
    CommentId,
    ResourceId,
);

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ids_generated_at_a_time_sort_by_that_time() {
        let earlier = CommentId::generated_at(Utc.with_ymd_and_hms(2019, 5, 14, 9, 0, 0).unwrap());
        let later = CommentId::generated_at(Utc.with_ymd_and_hms(2019, 5, 14, 9, 0, 1).unwrap());
        assert!(earlier.to_string() < later.to_string());
        assert_eq!(earlier.0.get_version_num(), 7);
    }

    #[test]
    fn ids_round_trip_through_text() {
        let id = RoundtableId::generate();
        assert_eq!(id.to_string().parse::<RoundtableId>().unwrap(), id);
        assert!("not-a-uuid".parse::<RoundtableId>().is_err());
    }
}
