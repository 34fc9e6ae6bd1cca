//! The portal: the city-side APIs the app talks to, on open standards.
//!
//! `app()` builds the router (tests call it in-process); `serve()` runs it.

pub mod audit;
pub mod auth;
pub mod citizens;
pub mod config;
pub mod cors;
pub mod db;
pub mod error;
pub mod favourites;
pub mod finders;
pub mod hotspots;
pub mod index;
pub mod limits;
pub mod linkcheck;
pub mod metrics;
pub mod negotiate;
pub mod notify;
pub mod ogc;
pub mod open311;
pub mod openapi;
pub mod personal;
pub mod pow;
pub mod profile;
pub mod read_cache;
pub mod says;
pub mod seed;
pub mod server;
pub mod service_texts;
pub mod stamp;

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use sqlx::AnyPool;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::index::SiteIndex;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Shared by all handlers. One `Arc`: every handler and middleware takes a
/// clone per request, so a clone is one atomic increment (a struct of many
/// `Arc`s and strings cost a few per cent of read throughput, measured).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] shares.
pub struct Shared {
    pub db: AnyPool,
    /// Absolute base URL for links in responses, without a trailing slash.
    pub base_url: String,
    /// Where report photos are stored (MUC_MEDIA_DIR; default: beside the
    /// SQLite file, or the user's data folder; never the working directory).
    pub media_dir: std::path::PathBuf,
    /// Photos in that folder or in the database (MUC_PHOTO_STORE).
    pub photo_store: config::PhotoStore,
    /// The object store of `--photo-store s3` (None with the other stores).
    pub objects: Option<open311::media::Objects>,
    /// Figures for `GET /metrics`.
    pub metrics: Arc<metrics::Metrics>,
    /// Proof of work for anonymous reports (None: off).
    pub pow: Option<Arc<pow::Pow>>,
    /// Per-source throttling of anonymous writes.
    pub limits: Arc<limits::Limits>,
    /// Photos decoded at once (one per core): bounds the portal's memory.
    pub photo_slots: Arc<tokio::sync::Semaphore>,
    /// Open311 API keys allowed to post reports (MUC_OPEN311_API_KEYS, comma-separated).
    pub api_keys: Arc<Vec<String>>,
    /// Signed-in citizens' access tokens are checked with this provider
    /// (MUC_OIDC_ISSUER); None: reports are anonymous or by device only.
    pub oidc: Option<Arc<citizens::Oidc>>,
    /// Providers beside the first (MUC_OIDC_MORE: M-Login beside BayernID).
    pub more_oidc: Vec<Arc<citizens::Oidc>>,
    /// Public reads as ready-made bytes (see `read_cache`).
    pub read_cache: read_cache::ReadCache,
    /// What has been published, for the notification streams (see `notify`).
    pub hub: Arc<notify::Hub>,
    index: RwLock<Arc<SiteIndex>>,
}

impl AppState {
    /// Every citizens' provider, the first one first.
    pub fn providers(&self) -> Vec<&citizens::Oidc> {
        self.oidc.iter().chain(self.more_oidc.iter()).map(|o| o.as_ref()).collect()
    }

    /// Opens the database, migrates, seeds on first start and builds the index.
    /// `base_url` is where the portal is reached (links in answers).
    pub async fn open(config: &config::Config, base_url: &str) -> Result<Self, BoxError> {
        config.check()?;
        let db = db::connect(&config.database_url).await?;
        // Several instances starting at once on an empty database race to
        // seed it: the loser's inserts fail on the winner's keys (PostgreSQL
        // lets them fail only once the winner has committed). The loser then
        // finds the data there and goes on. Seen in the bench: one of two
        // instances started together exited with "duplicate key".
        // Each lost race is one part (sites, services, finders) the winner
        // has committed: at most three, then everything is there.
        let mut lost = 0;
        loop {
            match seed(&db).await {
                Err(e) if is_unique_violation(&e) && lost < 3 => lost += 1,
                other => break other?,
            }
        }
        let hub = notify::Hub::start(db.clone(), &config.database_url).await?;
        let st = AppState(Arc::new(Shared {
            hub,
            db,
            base_url: base_url.trim_end_matches('/').to_string(),
            media_dir: config.media_dir(),
            photo_store: config.photo_store,
            objects: match config.photo_store {
                config::PhotoStore::S3 => Some(open311::media::object_store(config)?),
                _ => None,
            },
            api_keys: Arc::new(config.api_keys()),
            oidc: citizens::Oidc::from_config(config).map(Arc::new),
            more_oidc: citizens::Oidc::more_from_config(config)?.into_iter().map(Arc::new).collect(),
            photo_slots: open311::media::slots(),
            limits: Arc::new(limits::Limits::new(config.limits(), config.pow_key.as_deref().map(pow::source_salt))),
            pow: pow::Pow::from_config(config).map(Arc::new),
            metrics: Arc::new(metrics::Metrics::default()),
            read_cache: read_cache::ReadCache::new(config.read_cache_lifetime(), config.read_cache_mib * 1024 * 1024),
            index: RwLock::new(Arc::new(SiteIndex::new(Vec::new()))),
        }));
        st.reload_index().await?;
        Ok(st)
    }

    /// Rebuilds the spatial index from the database (after the data changed).
    pub async fn reload_index(&self) -> Result<(), BoxError> {
        let fresh = Arc::new(SiteIndex::new(db::all_sites(&self.db).await?));
        *self.index.write().map_err(|_| "index lock poisoned")? = fresh;
        Ok(())
    }

    /// Changes a setting before the state is shared with the router (tests
    /// turn proof of work off or point photos elsewhere). Panics once shared:
    /// a running portal's settings do not change under its handlers.
    pub fn settings(&mut self) -> &mut Shared {
        Arc::get_mut(&mut self.0).expect("settings are changed before the state is shared")
    }

    pub fn index(&self) -> Arc<SiteIndex> {
        // A poisoned lock still holds a complete index: readers never see half a swap.
        match self.index.read() {
            Ok(g) => g.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }
}

/// The open data on first start; each part only into an empty table.
async fn seed(db: &AnyPool) -> Result<(), BoxError> {
    let seeded = seed::seed_if_empty(db).await?;
    if seeded > 0 {
        tracing::info!(sites = seeded, "seeded M-WLAN hotspot sites");
    }
    let services = open311::store::seed_services(db).await?;
    if services > 0 {
        tracing::info!(services, "seeded the Open311 report categories");
    }
    let finders = finders::seed_if_empty(db, now()).await?;
    if finders > 0 {
        tracing::info!(finders, "seeded the capacity-finder catalogue");
    }
    Ok(())
}

fn is_unique_violation(e: &BoxError) -> bool {
    e.downcast_ref::<sqlx::Error>().and_then(|e| e.as_database_error()).is_some_and(|d| d.is_unique_violation())
}

/// How long a request may take (report uploads have their own, longer time).
pub(crate) fn request_timeout() -> TimeoutLayer {
    TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30))
}

/// The router with all middleware. Everything a request can hit is here.
pub fn app(state: AppState) -> Router {
    let public = Router::new()
        .merge(ogc::router())
        .merge(hotspots::router())
        .merge(finders::router())
        .merge(personal::metadata_router())
        .layer(RequestBodyLimitLayer::new(64 * 1024))
        .layer(request_timeout())
        .merge(open311::read_router());
    let public = read_cache::keepable(public);
    // Writes, the operator API and personal routes: no CORS (see `cors`).
    let private = Router::new()
        .merge(finders::operator_router().layer(RequestBodyLimitLayer::new(64 * 1024)).layer(request_timeout()))
        .merge(audit::router().layer(request_timeout()))
        .merge(notify::operator_router().layer(RequestBodyLimitLayer::new(64 * 1024)).layer(request_timeout()))
        .merge(personal::router().layer(request_timeout()))
        // Streams stay open: no request timeout on them.
        .merge(personal::stream_router())
        .merge(open311::write_router())
        .route("/metrics", axum::routing::get(metrics::serve))
        .layer(axum::middleware::from_fn_with_state(state.clone(), run_to_completion));
    let router = Router::new()
        .merge(public)
        .merge(private)
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), metrics::track))
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .with_state(state.clone());
    // The layers wrap the router once, as one service. `Router::layer` would
    // wrap every route on its own: routing first, then a clone of the whole
    // stack per request; and a read kept in memory would still be routed.
    let layered = tower::ServiceBuilder::new()
        // Every request gets an id (or keeps the one a proxy gave it): in the
        // answer's X-Request-Id and on every log line of the request. And
        // every answer says nosniff.
        .layer(stamp::StampLayer)
        .layer(cors::ForPages::new())
        // A kept read is answered here, before routing and before a span is
        // made: it logs nothing (its one event is at debug level and names
        // the request id), so most of what the layers cost is not paid on
        // the reads that are most of the traffic (BENCHMARKS.md, "layers").
        .layer(read_cache::ReadCacheLayer::new(state))
        .map_response(axum::response::IntoResponse::into_response)
        .layer(TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<axum::body::Body>| {
            let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
        }))
        // Inside the span, so a panic's log line names its request.
        .layer(CatchPanicLayer::custom(error::panic_response))
        .service(router);
    Router::new().fallback_service(layered)
}

/// Writes run to their end in a task of their own, whatever the client does.
/// A citizen on a flaky mobile link hangs up while the report is written;
/// hyper then drops the handler, and a write dropped inside its transaction
/// left the pooled SQLite connection mid-transaction (sqlx queues the
/// rollback, but its SQLite driver refuses the next `BEGIN IMMEDIATE` on that
/// connection): every later report on it failed with 500, seen under load.
/// Nobody reads the answer of a finished write whose client has gone; the
/// client's retry with the same idempotency key gets it.
///
/// A finished write also tells the read cache that what it kept is old.
async fn run_to_completion(
    axum::extract::State(st): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let writes = !matches!(*req.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    let task = tokio::spawn(async move {
        let resp = next.run(req).await;
        if writes {
            st.read_cache.written();
        }
        resp
    });
    match task.await {
        Ok(resp) => resp,
        // A panic goes on to the panic layer, as if it had happened here.
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => {
            tracing::error!(error = %e, "a write's task was cancelled");
            axum::response::IntoResponse::into_response(axum::http::StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

/// The portal's logs, as text or JSON lines, to `writer`, filtered by
/// `RUST_LOG` (default: info, sqlx at warn). The benchmark installs the same,
/// so the layers it measures pay what logging costs in operation.
pub fn init_logs<W>(format: config::LogFormat, writer: W)
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into());
    let logs = tracing_subscriber::fmt().with_writer(writer).with_env_filter(filter);
    match format {
        config::LogFormat::Json => logs.json().with_current_span(true).init(),
        config::LogFormat::Text => logs.init(),
    }
}

/// Binds, then serves until `shutdown` resolves. Returns the bound address
/// through `on_bound` first (port 0 picks a free port).
pub async fn serve(
    config: &config::Config,
    on_bound: impl FnOnce(SocketAddr),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), BoxError> {
    let bind = config.bind;
    let listener = tokio::net::TcpListener::bind(bind).await.map_err(|e| format!("cannot listen on {bind}: {e}"))?;
    let addr = listener.local_addr()?;
    let base = config.public_url.clone().unwrap_or_else(|| format!("http://{addr}"));
    let state = AppState::open(config, &base).await?;
    tracing::info!(%addr, base = %base, db = %db::redact(&config.database_url), "portal listening");
    on_bound(addr);
    tokio::spawn(purge_contacts_daily(state.db.clone(), config.contact_retention_secs()));
    // Open notification streams end when the portal stops; the graceful
    // shutdown would otherwise wait for them.
    let hub = state.hub.clone();
    let shutdown = async move {
        shutdown.await;
        hub.close();
    };
    server::serve(listener, app(state), config.server_limits(), shutdown).await
}

/// The dated copy of the open data the app's package carries: the portal
/// serves itself on a free loopback port for a moment and is read through
/// the app's own client, so the copy has exactly the shapes the app reads.
pub async fn open_data_copy(config: &config::Config) -> Result<muc_wire::open_data::OpenData, BoxError> {
    let mut config = config.clone();
    config.bind = SocketAddr::from(([127, 0, 0, 1], 0));
    let (bound_tx, bound_rx) = tokio::sync::oneshot::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let api_key = config.api_keys().into_iter().next().ok_or("no Open311 API key configured")?;
    let server = {
        let config = config.clone();
        tokio::spawn(async move {
            serve(
                &config,
                |addr| {
                    let _ = bound_tx.send(addr);
                },
                async move {
                    let _ = stop_rx.await;
                },
            )
            .await
        })
    };
    let addr = match bound_rx.await {
        Ok(a) => a,
        // The server ended before it listened: its error says why.
        Err(_) => return Err(server.await?.err().unwrap_or_else(|| "the portal did not start".into())),
    };
    let client = muc_portal_client::PortalClient::new(&format!("http://{addr}"))?;
    let copy = client.open_data(&api_key, now()).await;
    let _ = stop_tx.send(());
    server.await??;
    Ok(copy?)
}

/// The portal removes expired contact data itself, and proofs of work
/// that have expired anyway: at start, then every hour.
async fn purge_contacts_daily(db: sqlx::AnyPool, retention_secs: i64) {
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match open311::store::purge_contacts(&db, now(), retention_secs).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(reports = n, "contact data of long-closed reports removed"),
            Err(e) => tracing::error!(error = %e, "contact data not purged"),
        }
        if let Err(e) = pow::purge_spent(&db, now()).await {
            tracing::error!(error = %e, "expired proofs of work not forgotten");
        }
        if let Err(e) = limits::purge_shared(&db, now_ms()).await {
            tracing::error!(error = %e, "shared limits not tidied");
        }
    }
}

/// Serves `state` on a bound listener until `shutdown` resolves, as the
/// real server does, with the default connection limits (tests and
/// embedders with their own state use it).
pub async fn serve_state(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), BoxError> {
    let hub = state.hub.clone();
    let shutdown = async move {
        shutdown.await;
        hub.close();
    };
    server::serve(listener, app(state), server::ServerLimits::default(), shutdown).await
}

// Times on the wire (RFC 3339) are read and written in muc-wire, shared with the app.
pub use muc_wire::time::{parse_rfc3339, rfc3339};

/// An absolute folder for photos when MUC_MEDIA_DIR is not set: beside a
/// SQLite database file (`portal.db` → `portal.db.media`), else the user's
/// data folder. Never relative: a portal started from a source tree must not
/// write into it.
pub fn default_media_dir(database_url: &str) -> std::path::PathBuf {
    let file = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
        .map(|rest| rest.split('?').next().unwrap_or(rest))
        .filter(|p| !p.is_empty() && !p.starts_with(':'));
    if let Some(file) = file {
        let path = std::path::Path::new(file);
        let abs = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(path)
        };
        let mut name = abs.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(".media");
        return abs.with_file_name(name);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    data.join("muenchen-portal/media")
}

/// The portal's clock: seconds since the Unix epoch (UTC).
pub fn now() -> i64 {
    now_ms() / 1000
}

/// Milliseconds since the Unix epoch (limits shared between instances).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// The day of a Unix time, `YYYY-MM-DD` (UTC), for messages to people.
pub fn date_of(secs: i64) -> String {
    rfc3339(secs).get(..10).unwrap_or_default().to_string()
}

#[cfg(test)]
mod media_dir_tests {
    #[test]
    fn photos_go_beside_the_database_never_into_the_working_directory() {
        assert_eq!(
            super::default_media_dir("sqlite:/var/lib/muc/portal.db?mode=rwc"),
            std::path::PathBuf::from("/var/lib/muc/portal.db.media")
        );
        assert!(super::default_media_dir("postgres://u@h/db").is_absolute());
        assert!(super::default_media_dir("sqlite::memory:").is_absolute());
    }
}
