//! The portal: the city-side APIs the app talks to, on open standards.
//!
//! `app()` builds the router (tests call it in-process); `serve()` runs it.

pub mod auth;
pub mod citizens;
pub mod db;
pub mod error;
pub mod finders;
pub mod hotspots;
pub mod index;
pub mod linkcheck;
pub mod negotiate;
pub mod ogc;
pub mod open311;
pub mod seed;

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::http::{header, HeaderValue};
use axum::Router;
use sqlx::AnyPool;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::index::SiteIndex;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Shared by all handlers. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: AnyPool,
    /// Absolute base URL for links in responses, without a trailing slash.
    pub base_url: String,
    /// Where report photos are stored (MUC_MEDIA_DIR, default ./muc-media).
    pub media_dir: std::path::PathBuf,
    /// Open311 API keys allowed to post reports (MUC_OPEN311_API_KEYS, comma-separated).
    pub api_keys: Arc<Vec<String>>,
    /// Signed-in citizens' access tokens are checked with this provider
    /// (MUC_OIDC_ISSUER); None: reports are anonymous or by device only.
    pub oidc: Option<Arc<citizens::Oidc>>,
    index: Arc<RwLock<Arc<SiteIndex>>>,
}

impl AppState {
    /// Opens the database, migrates, seeds on first start and builds the index.
    pub async fn open(database_url: &str, base_url: &str) -> Result<Self, BoxError> {
        let db = db::connect(database_url).await?;
        let seeded = seed::seed_if_empty(&db).await?;
        if seeded > 0 {
            tracing::info!(sites = seeded, "seeded M-WLAN hotspot sites");
        }
        let services = open311::store::seed_services(&db).await?;
        if services > 0 {
            tracing::info!(services, "seeded the Open311 report categories");
        }
        let finders = finders::seed_if_empty(&db, finders::now()).await?;
        if finders > 0 {
            tracing::info!(finders, "seeded the capacity-finder catalogue");
        }
        let api_keys = std::env::var("MUC_OPEN311_API_KEYS").unwrap_or_else(|_| "muenchen-app".into());
        let st = AppState {
            db,
            base_url: base_url.trim_end_matches('/').to_string(),
            media_dir: std::env::var_os("MUC_MEDIA_DIR").map(Into::into).unwrap_or_else(|| "muc-media".into()),
            api_keys: Arc::new(
                api_keys.split(',').map(str::trim).filter(|k| !k.is_empty()).map(String::from).collect(),
            ),
            oidc: citizens::Oidc::from_env().map(Arc::new),
            index: Arc::new(RwLock::new(Arc::new(SiteIndex::new(Vec::new())))),
        };
        st.reload_index().await?;
        Ok(st)
    }

    /// Rebuilds the spatial index from the database (after the data changed).
    pub async fn reload_index(&self) -> Result<(), BoxError> {
        let fresh = Arc::new(SiteIndex::new(db::all_sites(&self.db).await?));
        *self.index.write().map_err(|_| "index lock poisoned")? = fresh;
        Ok(())
    }

    pub fn index(&self) -> Arc<SiteIndex> {
        // A poisoned lock still holds a complete index: readers never see half a swap.
        match self.index.read() {
            Ok(g) => g.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    pub fn now_rfc3339(&self) -> String {
        let secs =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
        rfc3339(secs)
    }
}

/// The router with all middleware. Everything a request can hit is here.
pub fn app(state: AppState) -> Router {
    // Small bodies everywhere but Open311, which takes one photo per report.
    let small = Router::new()
        .merge(ogc::router())
        .merge(hotspots::router())
        .merge(finders::router())
        .layer(RequestBodyLimitLayer::new(64 * 1024));
    Router::new()
        .merge(small)
        .merge(open311::router())
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .with_state(state)
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            // Open data for any web client; no credentials are ever accepted.
            HeaderValue::from_static("*"),
        ))
        .layer(TraceLayer::new_for_http())
}

/// Binds, then serves until `shutdown` resolves. Returns the bound address
/// through `on_bound` first (port 0 picks a free port).
pub async fn serve(
    database_url: &str,
    bind: SocketAddr,
    public_url: Option<&str>,
    on_bound: impl FnOnce(SocketAddr),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), BoxError> {
    let listener = tokio::net::TcpListener::bind(bind).await.map_err(|e| format!("cannot listen on {bind}: {e}"))?;
    let addr = listener.local_addr()?;
    let base = public_url.map(str::to_string).unwrap_or_else(|| format!("http://{addr}"));
    let state = AppState::open(database_url, &base).await?;
    tracing::info!(%addr, base = %base, db = %db::redact(database_url), "portal listening");
    on_bound(addr);
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown).await?;
    Ok(())
}

/// "2026-11-28T09:00:00Z", "…+01:00" or "…T09:00:00.123Z" → Unix seconds.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || !(b[10] == b'T' || b[10] == b't' || b[10] == b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d, h, mi, sec) = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(r) = rest.strip_prefix('.') {
        rest = r.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match rest {
        "Z" | "z" => 0,
        o if o.len() == 6 && (o.starts_with('+') || o.starts_with('-')) && &o[3..4] == ":" => {
            let v = o[1..3].parse::<i64>().ok()? * 3600 + o[4..6].parse::<i64>().ok()? * 60;
            if o.starts_with('-') {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    // Howard Hinnant's days_from_civil.
    let y2 = if mo <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + mi * 60 + sec - offset)
}

/// Unix seconds → "YYYY-MM-DDTHH:MM:SSZ" (proleptic Gregorian, UTC).
pub fn rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_rfc3339() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(1_795_000_000), "2026-11-18T11:06:40Z");
        assert_eq!(super::rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn parses_rfc3339_both_ways() {
        for t in [0, 951_782_400, 1_795_000_000, 4_102_444_800] {
            assert_eq!(super::parse_rfc3339(&super::rfc3339(t)), Some(t));
        }
        assert_eq!(super::parse_rfc3339("2026-11-18T12:06:40+01:00"), Some(1_795_000_000));
        assert_eq!(super::parse_rfc3339("2026-11-18T11:06:40.250Z"), Some(1_795_000_000));
        for bad in ["", "yesterday", "2026-13-01T00:00:00Z", "2026-11-18T11:06:40", "2026-11-18T11:06:40+0100"] {
            assert_eq!(super::parse_rfc3339(bad), None, "{bad}");
        }
    }
}
