//! The portal: the city-side APIs the app talks to, on open standards.
//!
//! `app()` builds the router (tests call it in-process); `serve()` runs it.

pub mod auth;
pub mod db;
pub mod error;
pub mod finders;
pub mod linkcheck;
pub mod hotspots;
pub mod index;
pub mod negotiate;
pub mod ogc;
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
        let finders = finders::seed_if_empty(&db, finders::now()).await?;
        if finders > 0 {
            tracing::info!(finders, "seeded the capacity-finder catalogue");
        }
        let st = AppState {
            db,
            base_url: base_url.trim_end_matches('/').to_string(),
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
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        rfc3339(secs)
    }
}

/// The router with all middleware. Everything a request can hit is here.
pub fn app(state: AppState) -> Router {
    Router::new()
        .merge(ogc::router())
        .merge(hotspots::router())
        .merge(finders::router())
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .with_state(state)
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(RequestBodyLimitLayer::new(64 * 1024))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
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
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|e| format!("cannot listen on {bind}: {e}"))?;
    let addr = listener.local_addr()?;
    let base = public_url.map(str::to_string).unwrap_or_else(|| format!("http://{addr}"));
    let state = AppState::open(database_url, &base).await?;
    tracing::info!(%addr, base = %base, db = %db::redact(database_url), "portal listening");
    on_bound(addr);
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown).await?;
    Ok(())
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
}
