//! iCalendar files (RFC 5545): one VEVENT per dated thing, times in UTC
//! (unambiguous whatever the reader's zone), a stable UID per event.

use crate::services::syndication::CalendarContent;
use icalendar::{Calendar, Component, Event, EventLike};
use url::Url;

pub fn to_ics(content: &CalendarContent, base: &Url) -> String {
    let host = base.host_str().unwrap_or("roundtable");
    let mut calendar = Calendar::new();
    calendar.name(&content.name);
    for item in &content.items {
        let url = base
            .join(&item.path)
            .map(String::from)
            .unwrap_or_else(|_| item.path.clone());
        let mut event = Event::new();
        event
            .uid(&format!("{}@{host}", item.uid))
            .summary(&item.title)
            .starts(item.starts_at)
            .url(&url);
        // A moment without an end (a deadline) has no DTEND: RFC 5545 wants
        // an end after the start, and an event without one lasts no time.
        if let Some(ends_at) = item.ends_at.filter(|end| *end > item.starts_at) {
            event.ends(ends_at);
        }
        let description = match item.description.trim() {
            "" => url.clone(),
            text => format!("{text}\n\n{url}"),
        };
        event.description(&description);
        if let Some(location) = &item.location {
            event.location(location);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}
