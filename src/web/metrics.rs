//! The Prometheus metrics of one app instance.

use prometheus::{HistogramOpts, HistogramVec, IntCounterVec, IntGauge, Opts, Registry};

/// The metrics of one app instance; Prometheus scrapes each instance.
pub struct Metrics {
    pub(super) registry: Registry,
    pub(super) requests: IntCounterVec,
    pub(super) durations: HistogramVec,
    pub(super) outbox_pending: IntGauge,
    pub(super) outbox_oldest_pending_seconds: IntGauge,
    pub(super) outbox_dead: IntGauge,
    pub(super) moderation_pending: IntGauge,
    pub(super) pool_connections: IntGauge,
    pub(super) pool_idle_connections: IntGauge,
}

fn gauge(registry: &Registry, name: &str, help: &str) -> IntGauge {
    let gauge = IntGauge::new(name, help).expect("a valid metric name");
    registry
        .register(Box::new(gauge.clone()))
        .expect("each metric is registered once");
    gauge
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "roundtable_http_requests_total",
                "HTTP requests by route and status",
            ),
            &["method", "route", "status"],
        )
        .expect("a valid metric");
        let durations = HistogramVec::new(
            HistogramOpts::new(
                "roundtable_http_request_duration_seconds",
                "Time to answer HTTP requests, by route",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ]),
            &["method", "route"],
        )
        .expect("a valid metric");
        registry
            .register(Box::new(requests.clone()))
            .expect("registered once");
        registry
            .register(Box::new(durations.clone()))
            .expect("registered once");
        Self {
            outbox_pending: gauge(
                &registry,
                "roundtable_outbox_pending",
                "Emails waiting to be sent",
            ),
            outbox_oldest_pending_seconds: gauge(
                &registry,
                "roundtable_outbox_oldest_pending_seconds",
                "Age of the oldest email waiting to be sent",
            ),
            outbox_dead: gauge(
                &registry,
                "roundtable_outbox_dead",
                "Emails given up after every retry",
            ),
            moderation_pending: gauge(
                &registry,
                "roundtable_moderation_pending",
                "Comments waiting for a chair's decision",
            ),
            pool_connections: gauge(
                &registry,
                "roundtable_db_pool_connections",
                "Database connections this instance holds",
            ),
            pool_idle_connections: gauge(
                &registry,
                "roundtable_db_pool_idle_connections",
                "Of those, the ones not in use",
            ),
            registry,
            requests,
            durations,
        }
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}
