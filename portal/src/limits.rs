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
    /// Count the limits in the database too, over every instance on it.
    pub shared: bool,
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
            shared: false,
        }
    }
}

pub struct Limits {
    pub config: LimitConfig,
    reports: DefaultKeyedRateLimiter<IpAddr>,
    supports: DefaultKeyedRateLimiter<IpAddr>,
    devices: DefaultKeyedRateLimiter<IpAddr>,
    /// Sources are kept only as salted hashes where they are stored (the cap
    /// of supports per report); the salt is never stored.
    salt: [u8; 16],
}

/// What a source wants to do.
#[derive(Debug, Clone, Copy)]
pub enum Write {
    Report,
    Support,
    /// A device's notification subscriptions and marks (no account):
    /// with the supports' numbers, counted apart.
    Device,
}

impl Write {
    fn name(self) -> &'static str {
        match self {
            Write::Report => "report",
            Write::Support => "support",
            Write::Device => "device",
        }
    }
}

/// Why a write was not let through.
#[derive(Debug)]
pub enum Denied {
    /// Over the limit: the seconds until the next try is let through.
    Wait(u64),
    /// The shared count could not be read (the write is not let through).
    Database(sqlx::Error),
}

fn whole_seconds(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// The same cell rate algorithm as governor's (GCRA), kept in the database
/// so that every instance counts against one limit: a row per source and
/// kind holds the "theoretical arrival time"; a write moves it on by one
/// period and is let through while that stays within `burst` periods of
/// now. One statement, so two instances cannot both take the last slot.
/// Written by hand: no maintained limiter keeps its state in SQL through
/// sqlx's Any driver. Sources are salted hashes here, never addresses.
async fn shared_check(db: &sqlx::AnyPool, key: &str, burst: u32, every: Duration, now_ms: i64) -> Result<(), Denied> {
    let period = i64::try_from(every.as_millis()).unwrap_or(i64::MAX / 4);
    let window = period.saturating_mul(i64::from(burst.max(1)));
    let moved: Option<i64> = sqlx::query_scalar(
        "INSERT INTO write_limits (key, tat) VALUES ($1, $2 + $3) \
         ON CONFLICT (key) DO UPDATE SET tat = (CASE WHEN write_limits.tat > $2 THEN write_limits.tat ELSE $2 END) + $3 \
         WHERE (CASE WHEN write_limits.tat > $2 THEN write_limits.tat ELSE $2 END) + $3 - $2 <= $4 \
         RETURNING tat",
    )
    .bind(key)
    .bind(now_ms)
    .bind(period)
    .bind(window)
    .fetch_optional(db)
    .await
    .map_err(Denied::Database)?;
    if moved.is_some() {
        return Ok(());
    }
    let tat: i64 = sqlx::query_scalar("SELECT tat FROM write_limits WHERE key = $1")
        .bind(key)
        .fetch_one(db)
        .await
        .map_err(Denied::Database)?;
    // At most one period: the stored time may come from a request that read
    // the clock a little later (another task, another instance's clock).
    let wait_ms = (tat.max(now_ms) + period - window - now_ms).clamp(1, period);
    Err(Denied::Wait(whole_seconds(Duration::from_millis(u64::try_from(wait_ms).unwrap_or(0)))))
}

/// Forgets sources whose allowance is whole again (the hourly purge).
pub async fn purge_shared(db: &sqlx::AnyPool, now_ms: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM write_limits WHERE tat < $1").bind(now_ms).execute(db).await?.rows_affected())
}

fn quota(burst: u32, every: Duration) -> Quota {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(every).unwrap_or_else(|| Quota::per_minute(NonZeroU32::MIN)).allow_burst(burst)
}

impl Limits {
    /// `salt`: the one shared by all instances (from `--pow-key`), or None
    /// for a random one per start (then the cap of supports per report
    /// counts per instance and start).
    pub fn new(config: LimitConfig, salt: Option<[u8; 16]>) -> Self {
        let salt = salt.unwrap_or_else(|| {
            let mut salt = [0u8; 16];
            // Without randomness the hashes are merely unsalted: still no addresses stored.
            let _ = getrandom::getrandom(&mut salt);
            salt
        });
        Self {
            reports: RateLimiter::keyed(quota(config.reports_burst, config.report_every)),
            supports: RateLimiter::keyed(quota(config.supports_burst, config.support_every)),
            devices: RateLimiter::keyed(quota(config.supports_burst, config.support_every)),
            config,
            salt,
        }
    }

    /// Ok, or the seconds to wait before the next try. First in this
    /// instance's memory (a flood is refused without touching the database),
    /// then, with `shared`, in the database over all instances.
    pub async fn check(&self, db: &sqlx::AnyPool, what: Write, source: Option<IpAddr>) -> Result<(), Denied> {
        let Some(ip) = source else { return Ok(()) };
        let (limiter, burst, every) = match what {
            Write::Report => (&self.reports, self.config.reports_burst, self.config.report_every),
            Write::Support => (&self.supports, self.config.supports_burst, self.config.support_every),
            Write::Device => (&self.devices, self.config.supports_burst, self.config.support_every),
        };
        // Memory stays bounded: forget sources whose buckets are full again.
        if limiter.len() > 100_000 {
            limiter.retain_recent();
        }
        limiter.check_key(&ip).map_err(|not_until| {
            Denied::Wait(whole_seconds(not_until.wait_time_from(DefaultClock::default().now())))
        })?;
        if !self.config.shared {
            return Ok(());
        }
        let key = format!("{}:{}", what.name(), self.source_hash(ip));
        shared_check(db, &key, burst, every, crate::now_ms()).await
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
