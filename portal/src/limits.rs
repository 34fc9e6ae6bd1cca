//! Throttling anonymous writes. The Open311 api_key is compiled into an
//! open-source app, so anyone has it: new reports and "me too" supports are
//! limited per source (the peer's IP address, or the nearest client address
//! a trusted reverse proxy wrote into `X-Forwarded-For`) with `governor`'s
//! GCRA limiter; a report counts supports from one source up to a cap. A
//! refusal is a 429 with `Retry-After`, in GeoReport's error format.
//!
//! Requests with no known peer (in-process calls in tests) are not limited:
//! the real server always knows the peer.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::time::Duration;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// The limits (from `Config`: `--limit-reports` and friends).
#[derive(Debug, Clone)]
pub struct LimitConfig {
    /// New reports a source may send at once, then one per `report_every`.
    pub reports_burst: u32,
    pub report_every: Duration,
    /// Supports a source may send at once, then one per `support_every`.
    pub supports_burst: u32,
    pub support_every: Duration,
    /// Supports of one report from one source (different supporter ids).
    pub supports_per_report: u32,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    pub trust_forwarded_for: bool,
}

impl Default for LimitConfig {
    fn default() -> Self {
        Self {
            reports_burst: 10,
            report_every: Duration::from_secs(60),
            supports_burst: 30,
            support_every: Duration::from_secs(10),
            supports_per_report: 3,
            trust_forwarded_for: false,
        }
    }
}

pub struct Limits {
    pub config: LimitConfig,
    reports: DefaultKeyedRateLimiter<IpAddr>,
    supports: DefaultKeyedRateLimiter<IpAddr>,
    /// Sources are kept only as salted hashes where they are stored (the cap
    /// of supports per report); the salt lives in memory.
    salt: [u8; 16],
}

/// What a source wants to do.
#[derive(Debug, Clone, Copy)]
pub enum Write {
    Report,
    Support,
}

fn quota(burst: u32, every: Duration) -> Quota {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(every).unwrap_or_else(|| Quota::per_minute(NonZeroU32::MIN)).allow_burst(burst)
}

impl Limits {
    pub fn new(config: LimitConfig) -> Self {
        let mut salt = [0u8; 16];
        // Without randomness the hashes are merely unsalted: still no addresses stored.
        let _ = getrandom::getrandom(&mut salt);
        Self {
            reports: RateLimiter::keyed(quota(config.reports_burst, config.report_every)),
            supports: RateLimiter::keyed(quota(config.supports_burst, config.support_every)),
            config,
            salt,
        }
    }

    /// Ok, or the seconds to wait before the next try.
    pub fn check(&self, what: Write, source: Option<IpAddr>) -> Result<(), u64> {
        let Some(ip) = source else { return Ok(()) };
        let limiter = match what {
            Write::Report => &self.reports,
            Write::Support => &self.supports,
        };
        // Memory stays bounded: forget sources whose buckets are full again.
        if limiter.len() > 100_000 {
            limiter.retain_recent();
        }
        limiter.check_key(&ip).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }

    /// A salted hash standing for a source where one must be stored.
    pub fn source_hash(&self, source: IpAddr) -> String {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        h.update(self.salt);
        h.update(source.to_string().as_bytes());
        h.finalize().iter().take(12).map(|b| format!("{b:02x}")).collect()
    }
}

/// The source of a request: the peer's address, or (behind a trusted proxy)
/// the last address in `X-Forwarded-For`, which that proxy appended.
#[derive(Debug, Clone, Copy)]
pub struct Source(pub Option<IpAddr>);

impl FromRequestParts<crate::AppState> for Source {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, st: &crate::AppState) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        if st.limits.config.trust_forwarded_for {
            let forwarded = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|a| a.trim().parse::<IpAddr>().ok())
                .next_back();
            if forwarded.is_some() {
                return Ok(Source(forwarded));
            }
        }
        Ok(Source(peer))
    }
}
