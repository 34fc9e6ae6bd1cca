//! Operational figures for the city's monitoring, at `GET /metrics` in the
//! Prometheus text format (`prometheus-client`, the Prometheus project's own
//! crate): requests by route and status, their latency, reports received,
//! photos processed, and refusals by the abuse guards. Nothing about people.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use crate::AppState;

type Labels = Vec<(String, String)>;

/// A request's labels as one small struct: counting a request allocates only
/// its route (a label vector cost about ten allocations per request).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabel {
    route: String,
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabel, Histogram>,
    pub reports: Counter,
    pub photos: Counter,
    /// Refusals by kind: `rate_limit`, `support_cap`, `proof_of_work`.
    pub refused: Family<Labels, Counter>,
    /// Public reads answered from memory, and those that ran their handler.
    cache_hits: Counter,
    cache_misses: Counter,
}

fn latency_histogram() -> Histogram {
    // 0.5 ms … about 4 s.
    Histogram::new(exponential_buckets(0.0005, 2.0, 14))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("muc_portal");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabel, Histogram>::new_with_constructor(latency_histogram as fn() -> Histogram);
        let reports = Counter::default();
        let photos = Counter::default();
        let refused = Family::<Labels, Counter>::default();
        let (cache_hits, cache_misses) = (Counter::default(), Counter::default());
        registry.register("read_cache_hits", "Public reads answered from memory", cache_hits.clone());
        registry.register("read_cache_misses", "Public reads that ran their handler", cache_misses.clone());
        registry.register("http_requests", "HTTP requests by method, route and status", requests.clone());
        registry.register("http_request_seconds", "HTTP request latency by route", latency.clone());
        registry.register("reports_received", "New reports stored", reports.clone());
        registry.register("photos_processed", "Photos cleaned and stored", photos.clone());
        registry.register(
            "refused",
            "Requests refused by the abuse guards (limits, proof of work, operator authentication), by kind",
            refused.clone(),
        );
        Self { registry, requests, latency, reports, photos, refused, cache_hits, cache_misses }
    }
}

impl Metrics {
    pub fn refuse(&self, kind: &str) {
        self.refused.get_or_create(&vec![("kind".into(), kind.into())]).inc();
    }

    pub fn read_cache(&self, hit: bool) {
        if hit { &self.cache_hits } else { &self.cache_misses }.inc();
    }

    /// Counts and times one answered request under its route.
    pub fn observe(&self, method: &Method, route: &str, status: StatusCode, took: std::time::Duration) {
        self.series(method, route, status).observe(took);
    }

    /// The series one kind of answer is counted in, looked up once: a read
    /// answered from memory keeps it with the answer, so counting it costs
    /// two atomic adds instead of hashing its labels and a copy of its route.
    pub fn series(&self, method: &Method, route: &str, status: StatusCode) -> Series {
        let labels = RequestLabels { method: method_label(method), route: route.to_string(), status: status.as_u16() };
        Series {
            requests: self.requests.get_or_create(&labels).clone(),
            latency: self.latency.get_or_create(&RouteLabel { route: labels.route }).clone(),
        }
    }
}

/// One method, route and status: its request counter and its route's latency.
#[derive(Clone, Debug)]
pub struct Series {
    requests: Counter,
    latency: Histogram,
}

impl Series {
    pub fn observe(&self, took: std::time::Duration) {
        self.requests.inc();
        self.latency.observe(took.as_secs_f64());
    }
}

fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        // Anything else is refused by routing; one series for all of it.
        _ => "OTHER",
    }
}

/// Counts and times every routed request (a route layer: the matched
/// route, not the raw path, so ids do not make new series). Reads answered
/// from memory never reach the router: the read cache counts those.
pub async fn track(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_string());
    let method = req.method().clone();
    let started = Instant::now();
    let resp = next.run(req).await;
    st.metrics.observe(&method, route.as_deref().unwrap_or("unmatched"), resp.status(), started.elapsed());
    resp
}

/// `GET /metrics`.
pub async fn serve(State(st): State<AppState>) -> Response {
    let mut out = String::new();
    if encode(&mut out, &st.metrics.registry).is_err() {
        return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    // Figures of now: never kept by the read cache or a proxy.
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], out)
        .into_response()
}
