//! Where a chair is in the queue, as its address says it: the filters, the
//! order and the page (`/moderation?roundtable=…&order=newest&page=2`), so
//! that every decision, and every comment opened from the queue, comes
//! back to the same place. A decision's confirmation travels in the
//! address too (`done=publish&decided=c-…`): several instances serve the
//! queue, and none keeps anything between a decision and the next page.

use crate::domain::queue_pages::QueueOrder;
use crate::domain::Message;
use crate::services::moderation::{QueueFilter, QueueRequest};
use crate::web::error::WebError;
use crate::web::form_pairs::FormPairs;

/// A decision to confirm: its code and the comments it named.
pub type Confirm = (String, Vec<String>);

/// At most this many comments are named in a confirmation's address.
const CONFIRMED_IN_ADDRESS: usize = 60;

/// The anchor of a decision's confirmation on the queue.
pub const CONFIRMATION_ANCHOR: &str = "decided";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueAt {
    pub filter: QueueFilter,
    pub order: QueueOrder,
    pub page: usize,
}

/// The whole queue's first page, oldest first.
impl Default for QueueAt {
    fn default() -> Self {
        Self {
            filter: QueueFilter::default(),
            order: QueueOrder::default(),
            page: 1,
        }
    }
}

fn non_empty(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

impl QueueAt {
    /// The queue's place from a query string; a wrong order or page is the
    /// reader's mistake (400).
    pub fn parse(query: &str) -> Result<(Self, Option<Confirm>), WebError> {
        let pairs = FormPairs::parse(query.as_bytes());
        let order = match pairs.get("order").trim() {
            "" => QueueOrder::default(),
            raw => QueueOrder::from_code(raw).ok_or_else(|| {
                WebError::invalid("order", Message::new("invalid-order").with("value", raw))
            })?,
        };
        let page = match pairs.get("page").trim() {
            "" => 1,
            raw => match raw.parse::<usize>() {
                Ok(number) if number >= 1 => number,
                _ => {
                    let reason = Message::new("invalid-page").with("value", raw);
                    return Err(WebError::invalid("page", reason));
                }
            },
        };
        let at = Self {
            filter: QueueFilter {
                consultation: non_empty(pairs.get("consultation")),
                roundtable: non_empty(pairs.get("roundtable")),
                late: pairs.get("late") == "1",
                theme: non_empty(pairs.get("theme")),
                relevance: non_empty(pairs.get("relevance")),
            },
            order,
            page,
        };
        let decided: Vec<String> = pairs
            .all("decided")
            .into_iter()
            .filter(|r| !r.is_empty())
            .take(CONFIRMED_IN_ADDRESS)
            .collect();
        let confirm = non_empty(pairs.get("done"))
            .filter(|_| !decided.is_empty())
            .map(|action| (action, decided));
        Ok((at, confirm))
    }

    /// The place a form says it came from ("/moderation?page=2"); anything
    /// else, or a place that does not parse, is the queue's first page.
    pub fn of_back(back: &str) -> Self {
        let query = match back.split_once('?') {
            Some(("/moderation", query)) => query,
            _ => "",
        };
        let query = query.split('#').next().unwrap_or("");
        Self::parse(query).map(|(at, _)| at).unwrap_or_default()
    }

    /// The query string of this place ("roundtable=…&page=2"), empty for
    /// the first page of the whole queue, oldest first.
    pub fn query(&self) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if let Some(consultation) = &self.filter.consultation {
            query.append_pair("consultation", consultation);
        }
        if let Some(roundtable) = &self.filter.roundtable {
            query.append_pair("roundtable", roundtable);
        }
        if self.filter.late {
            query.append_pair("late", "1");
        }
        for (name, value) in [
            ("theme", &self.filter.theme),
            ("relevance", &self.filter.relevance),
        ] {
            if let Some(value) = value {
                query.append_pair(name, value);
            }
        }
        if self.order != QueueOrder::default() {
            query.append_pair("order", self.order.code());
        }
        if self.page > 1 {
            query.append_pair("page", &self.page.to_string());
        }
        query.finish()
    }

    pub fn address(&self) -> String {
        with_query("/moderation", &self.query())
    }

    /// The same queue on another page.
    pub fn on_page(&self, page: usize) -> Self {
        Self {
            page,
            ..self.clone()
        }
    }

    /// This place with the confirmation of a decision, at the confirmation.
    pub fn confirming(&self, action: &str, decided: &[String]) -> String {
        let mut query = url::form_urlencoded::Serializer::new(self.query());
        query.append_pair("done", action);
        for reference in decided.iter().take(CONFIRMED_IN_ADDRESS) {
            query.append_pair("decided", reference);
        }
        format!("/moderation?{}#{CONFIRMATION_ANCHOR}", query.finish())
    }

    /// What the service is asked for.
    pub fn request(&self, confirm: Option<Confirm>) -> QueueRequest {
        QueueRequest {
            filter: self.filter.clone(),
            order: self.order,
            page: self.page,
            confirm,
        }
    }
}

/// `path?query`, or the path alone for an empty query.
pub fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_reads_back_from_its_address() {
        let at = QueueAt {
            filter: QueueFilter {
                consultation: None,
                roundtable: Some("0190-rt".into()),
                ..QueueFilter::default()
            },
            order: QueueOrder::NewestFirst,
            page: 2,
        };
        assert_eq!(
            at.address(),
            "/moderation?roundtable=0190-rt&order=newest&page=2"
        );
        assert_eq!(QueueAt::of_back(&at.address()), at);
        assert_eq!(QueueAt::default().address(), "/moderation");
        assert_eq!(QueueAt::of_back("/moderation"), QueueAt::default());
    }

    #[test]
    fn a_confirmation_travels_in_the_address() {
        let at = QueueAt::default().on_page(3);
        let address = at.confirming("publish", &["c-1".into(), "c-2".into()]);
        assert_eq!(
            address,
            "/moderation?page=3&done=publish&decided=c-1&decided=c-2#decided"
        );
        let query = address
            .split_once('?')
            .unwrap()
            .1
            .split('#')
            .next()
            .unwrap();
        let (back, confirm) = QueueAt::parse(query).unwrap();
        assert_eq!(back, at);
        assert_eq!(
            confirm,
            Some(("publish".into(), vec!["c-1".into(), "c-2".into()]))
        );
    }

    #[test]
    fn wrong_places_are_refused_or_forgotten() {
        assert!(QueueAt::parse("order=random").is_err());
        assert!(QueueAt::parse("page=0").is_err());
        assert!(QueueAt::parse("page=two").is_err());
        assert_eq!(QueueAt::of_back("/moderation?page=two"), QueueAt::default());
        assert_eq!(
            QueueAt::of_back("https://elsewhere.example/moderation?page=2"),
            QueueAt::default(),
            "only the queue's own address"
        );
        let (_, confirm) = QueueAt::parse("done=publish").unwrap();
        assert_eq!(confirm, None, "nothing named, nothing to confirm");
    }
}
