//! How alike two comments are, for the chairs' "possible duplicates": the
//! share of distinct indexed terms they have in common (Jaccard), so that
//! a pasted copy scores 1 and word order or a greeting added barely matter.

use std::collections::HashSet;

/// Below this, two comments share little more than common words.
pub const DUPLICATE_THRESHOLD: f64 = 0.3;

pub fn term_set(terms: &str) -> HashSet<&str> {
    terms.split(' ').filter(|t| !t.is_empty()).collect()
}

pub fn similarity(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count();
    common as f64 / (a.len() + b.len() - common) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_one_and_unrelated_texts_are_near_zero() {
        let a = term_set("more fund for rural school");
        assert_eq!(similarity(&a, &term_set("rural school more fund for")), 1.0);
        assert!(similarity(&a, &term_set("the bus timet chang")) < DUPLICATE_THRESHOLD);
        assert_eq!(similarity(&a, &term_set("")), 0.0);
    }
}
