//! Whole numbers in request bodies. JSON has a single number type: `2`,
//! `2.0` and `2e0` are the same number, and JSON Schema's `integer` (what
//! the OpenAPI document promises) takes all three. serde would refuse the
//! last two for an integer field, so they are read here.

use serde::de::{Deserialize, Deserializer, Error};

/// A number without a fractional part that fits `T`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Whole<T>(pub T);

/// The integer types a body holds, with their range in words for refusals.
pub trait WholeType: TryFrom<i64> {
    const RANGE: &'static str;
}

impl WholeType for usize {
    const RANGE: &'static str = "0 or more";
}

impl WholeType for i32 {
    const RANGE: &'static str = "from -2147483648 to 2147483647";
}

/// Above this a float no longer holds every integer exactly.
const EXACT_IN_F64: f64 = 9_007_199_254_740_992.0;

impl<'de, T: WholeType> Deserialize<'de> for Whole<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = serde_json::Number::deserialize(deserializer)?;
        let value = number.as_i64().or_else(|| {
            number
                .as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() <= EXACT_IN_F64)
                .map(|f| f as i64)
        });
        value
            .and_then(|v| T::try_from(v).ok())
            .map(Whole)
            .ok_or_else(|| {
                D::Error::custom(format!(
                    "invalid number {number}, expected a whole number {}",
                    T::RANGE
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: WholeType>(json: &str) -> Result<T, String> {
        serde_json::from_str::<Whole<T>>(json)
            .map(|w| w.0)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn whole_numbers_may_be_written_as_floats() {
        assert_eq!(read::<usize>("693"), Ok(693));
        assert_eq!(read::<usize>("693.0"), Ok(693));
        assert_eq!(read::<usize>("6.93e2"), Ok(693));
        assert_eq!(read::<i32>("-2.0"), Ok(-2));
    }

    #[test]
    fn fractions_and_numbers_out_of_range_are_refused() {
        assert!(read::<usize>("1.5")
            .unwrap_err()
            .contains("whole number 0 or more"));
        assert!(read::<usize>("-1").is_err());
        assert!(read::<i32>("3000000000").is_err());
        assert!(read::<usize>("1e300").is_err());
        assert!(read::<usize>("\"2\"").is_err());
    }
}
