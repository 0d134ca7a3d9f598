//! End-to-end journeys in a real headless Chromium against the real server
//! (issue #15): each page a journey arrives at is checked with axe-core
//! (WCAG 2.1 A and AA: no violation), the Nu HTML checker (no error, on the
//! HTML the server sent) and for horizontal scrolling. Without Chromium,
//! chromedriver, Java or the npm tools the tests say "skipped" (and fail
//! under CI); `.ci/run` installs them.

mod chairs;
mod checks;
mod duplicate_journey;
mod journey;
mod journeys;
mod outcome_journey;
mod recorder;
mod report_journey;
mod search_journey;
mod self_check;
mod session;
mod staff;
mod tools;
