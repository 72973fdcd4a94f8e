//! `GET /metrics` in the Prometheus text format (`prometheus-client`):
//! requests by route and status, their durations, requests turned away by
//! the per-till limit, and open live streams. Route templates only (never
//! ids, bodies or anything personal).

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::Arc;

/// A request's labels.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    /// The route template (`/v1/push`), or `other`.
    pub route: String,
    /// The HTTP status.
    pub status: u16,
}

/// A route's label.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    /// The route template.
    pub route: String,
}

/// Everything the server counts; cheap to clone.
#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    /// Requests answered.
    pub requests: Family<RequestLabels, Counter>,
    /// Seconds per request (live streams count when they end).
    pub seconds: Family<RouteLabels, Histogram>,
    /// Requests turned away by the per-till limit.
    pub rate_limited: Counter,
    /// Live streams open now.
    pub live_streams: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("dukadesk");
        let requests = Family::<RequestLabels, Counter>::default();
        let seconds = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.001, 2.0, 16))
        });
        let rate_limited = Counter::default();
        let live_streams = Gauge::default();
        registry.register("requests", "Requests answered", requests.clone());
        registry.register(
            "request_seconds",
            "Time to answer a request",
            seconds.clone(),
        );
        registry.register(
            "rate_limited",
            "Requests turned away by the per-till limit",
            rate_limited.clone(),
        );
        registry.register(
            "live_streams",
            "Live streams open now",
            live_streams.clone(),
        );
        Metrics {
            registry: Arc::new(registry),
            requests,
            seconds,
            rate_limited,
            live_streams,
        }
    }
}

impl Metrics {
    /// The text a scrape gets.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}
