//! The München app's shell: owns the network, the disk and the system
//! integrations; the frontend asks for things through typed commands.

pub mod cache;
mod commands;
pub mod config;
pub mod drafts;
pub mod endpoint;
pub mod errors;
pub mod favourites;
pub mod finders;
pub mod follows;
pub mod hotspots;
pub mod kiosk;
pub mod language;
pub mod login;
pub mod my_data;
pub mod notices;
pub mod open_data;
pub mod outbox;
pub mod photos;
pub mod profile;
pub mod reports;
mod startup;
pub mod webview;

// One module per side where desktops and phones differ, with the same names
// in both (the way Tauri's own plugins split).
#[cfg(desktop)]
mod desktop;
#[cfg(desktop)]
pub(crate) use desktop as platform;
#[cfg(mobile)]
mod mobile;
#[cfg(mobile)]
pub(crate) use mobile as platform;

use std::sync::Mutex;

use muc_portal_client::PortalClient;
use muc_wire::hotspots::Site;
use tauri::Manager;

use crate::cache::{FinderCache, HotspotCache};
use crate::favourites::Favourites;

/// An answer for `load_hotspots` on its way.
pub type HotspotsAhead =
    tauri::async_runtime::JoinHandle<Result<muc_wire::ipc::HotspotSnapshot, muc_wire::ipc::AppError>>;

/// State shared by the commands.
pub struct AppState {
    pub client: PortalClient,
    pub cache: HotspotCache,
    pub finders: FinderCache,
    pub favourites: Favourites,
    pub outbox: outbox::Outbox,
    /// Where reports go (the portal's GeoReport endpoint, or one found by discovery).
    pub endpoints: endpoint::Endpoints,
    pub languages: language::Languages,
    pub categories: reports::CategoryCache,
    pub drafts: drafts::Drafts,
    pub follows: follows::Follows,
    pub login: login::Login,
    pub notices: notices::Inbox,
    pub start_screen: Option<String>,
    pub tile_url: Option<String>,
    /// Kiosk mode: seconds without input before a session ends.
    pub kiosk_idle_secs: Option<u32>,
    /// Kiosk mode: the running session as the shell enforces it.
    pub kiosk: Option<std::sync::Arc<kiosk::Session>>,
    pub data_dir: std::path::PathBuf,
    /// The open data the package carries, for a first start without the portal.
    pub packaged: open_data::Packaged,
    /// The sites last shown, so `open_in_map` can resolve an id without
    /// trusting a URL from the webview.
    pub last_sites: Mutex<Vec<Site>>,
    /// The start screen's hotspots, asked for while the webview starts; the
    /// first `load_hotspots` takes this answer instead of asking again.
    pub hotspots_ahead: Mutex<Option<HotspotsAhead>>,
}

impl AppState {
    /// What the frontend needs to know to draw its first screen.
    pub fn info(&self) -> muc_wire::ipc::AppInfo {
        muc_wire::ipc::AppInfo {
            version: env!("CARGO_PKG_VERSION").into(),
            portal_url: self.client.base().into(),
            start_screen: self.start_screen.clone(),
            tile_url: self.tile_url.clone(),
            kiosk_idle_secs: self.kiosk_idle_secs,
            kiosk_problem: self.kiosk.as_ref().and_then(|k| k.problem()),
            phone: cfg!(mobile),
        }
    }

    /// What a kiosk wipe works on.
    pub fn kiosk_wipe(&self) -> kiosk::Wipe<'_> {
        kiosk::Wipe {
            data_dir: &self.data_dir,
            outbox: &self.outbox,
            endpoints: &self.endpoints,
            keyring_service: login::KEYRING_SERVICE,
        }
    }
}

/// When the process started, for the first-paint log line; the wall clock
/// too, to place the page's timeline (Unix-epoch times) on the same clock.
pub(crate) static STARTED: std::sync::OnceLock<(std::time::Instant, std::time::SystemTime)> =
    std::sync::OnceLock::new();

/// The shell's handlers, one per entry of `muc_wire::for_each_command!`: a
/// command without a handler of its name does not compile, and no handler
/// is registered that the list (and so the ACL) does not know.
fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    macro_rules! handlers {
        ($($ty:ident = $name:ident ($args:ty) -> $out:ty;)*) => {
            tauri::generate_handler![$(commands::$name),*]
        };
    }
    muc_wire::for_each_command!(handlers)
}

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    STARTED.get_or_init(|| (std::time::Instant::now(), std::time::SystemTime::now()));
    let cpu_painting = webview::paint_on_the_cpu_without_a_gpu();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    if cpu_painting {
        tracing::info!("no GPU render node: WebKit paints on the CPU");
    }
    // URLs and phone numbers open with the system (on phones through the
    // plugin's platform side, so it is registered everywhere).
    let builder = platform::plugins(tauri::Builder::default().plugin(tauri_plugin_opener::init()));
    let result = builder
        .setup(|app| {
            platform::setup(app);
            let mut cfg = config::Config::from_env(app.path().app_data_dir().ok())?;
            let kiosk = cfg.kiosk_idle_secs.map(|idle| std::sync::Arc::new(kiosk::Session::new(idle)));
            if kiosk.is_some() {
                // No sign-in on a shared device: the session would outlive the person.
                cfg.login = None;
            }
            tracing::info!(portal = %cfg.portal_url, data = %cfg.data_dir.display(), kiosk = kiosk.is_some(), "starting");
            cache::private_dir(&cfg.data_dir)?;
            let client = PortalClient::new(&cfg.portal_url)?;
            app.manage(AppState {
                endpoints: endpoint::Endpoints::load(&client, &cfg.data_dir, &cfg.open311_api_key),
                languages: language::Languages::load(&cfg.data_dir, cfg.kiosk_idle_secs.is_some()),
                login: login::Login::new(cfg.login.clone(), login::KEYRING_SERVICE).with_more(cfg.more_logins.clone()),
                client,
                cache: HotspotCache::in_dir(&cfg.data_dir),
                finders: FinderCache::in_dir(&cfg.data_dir),
                favourites: Favourites::in_dir(&cfg.data_dir),
                outbox: if cfg.kiosk_idle_secs.is_some() {
                    outbox::Outbox::new(&cfg.data_dir).without_device()
                } else {
                    outbox::Outbox::new(&cfg.data_dir)
                },
                categories: reports::category_cache(&cfg.data_dir),
                drafts: drafts::Drafts::new(&cfg.data_dir),
                follows: follows::Follows::new(&cfg.data_dir),
                notices: notices::Inbox::new(&cfg.data_dir),
                start_screen: cfg.start_screen.clone(),
                tile_url: cfg.tile_url.clone(),
                kiosk_idle_secs: cfg.kiosk_idle_secs,
                kiosk: kiosk.clone(),
                data_dir: cfg.data_dir.clone(),
                packaged: std::env::current_exe()
                    .map(|exe| open_data::Packaged::beside(&exe))
                    .unwrap_or_else(|_| open_data::Packaged::none()),
                last_sites: Mutex::new(Vec::new()),
                hotspots_ahead: Mutex::new(None),
            });
            let state = app.state::<AppState>();
            // Reports are sent asking for refusals in the person's language.
            state.endpoints.speak(&state.languages.current());
            // A shared device: whatever an earlier session left (after a
            // crash, a kill or a power cut) goes before the first screen.
            if let Some(session) = &kiosk {
                let result = kiosk::run_steps(state.kiosk_wipe().steps(true));
                match &result {
                    Ok(()) => tracing::info!("kiosk: started clean"),
                    Err(e) => tracing::error!(failed = %e, "kiosk: the last session could not be removed"),
                }
                session.ended(&result);
            }
            // The window is made here, after the wipe (tauri.conf.json: create false).
            let window_config = app
                .config()
                .app
                .windows
                .iter()
                .find(|w| w.label == "main")
                .cloned()
                .ok_or("no main window in tauri.conf.json")?;
            // Start-up time: the portal is asked for the start screen's data
            // now, while the webview starts (a few hundred ms), not after.
            if state.start_screen.as_deref() == Some("hotspots") {
                let handle = app.handle().clone();
                let task = tauri::async_runtime::spawn(async move {
                    let state = handle.state::<AppState>();
                    hotspots::load(&state.client, &state.cache, &state.packaged, commands::now()).await
                });
                if let Ok(mut ahead) = state.hotspots_ahead.lock() {
                    *ahead = Some(task);
                }
            }
            // And the sites saved on this device are shown with the first
            // frame, marked as being refreshed, until the portal answers.
            let saved = match state.start_screen.as_deref() {
                Some("hotspots") => hotspots::saved(&state.cache, &state.packaged, state.client.base()),
                _ => None,
            };
            if let (Some(saved), Ok(mut last)) = (&saved, state.last_sites.lock()) {
                // `open_in_map` resolves ids among the sites shown.
                *last = saved.sites.clone();
            }
            let mut window = tauri::WebviewWindowBuilder::from_config(app.handle(), &window_config)?
                // The first screen is drawn without a round trip to the shell:
                // the page finds the start information when it loads. It is
                // fixed at window creation, so the page still asks `app_info`
                // for what may change later.
                .initialization_script(startup::page_script(
                    &state.info(),
                    saved.as_ref(),
                    &state.languages.catalogue(),
                )?);
            if kiosk.is_some() {
                // The webview's storage lives in the data folder, so the wipe
                // at start reaches it.
                window = window.data_directory(kiosk::webview_dir(&cfg.data_dir));
                // Full screen without a frame: kiosk windows are a desktop
                // thing (phones have neither frames nor this call; a
                // Bürger-Lab tablet is locked by the platform's own kiosk
                // mode: Android screen pinning, iOS Guided Access).
                #[cfg(desktop)]
                {
                    window = window.decorations(false).fullscreen(true);
                }
            }
            let w = window.build()?;
            webview::reload_when_the_page_dies(&w);
            if kiosk.is_some() {
                // Kiosk machines often run without a window manager, which
                // would ignore "full screen": cover the monitor as well.
                if let Some(m) = w.current_monitor().ok().flatten() {
                    if let Err(e) = w.set_position(*m.position()).and_then(|()| w.set_size(*m.size())) {
                        tracing::warn!(error = %e, "kiosk window not full screen");
                    }
                }
            }
            // The shell enforces the idle limit too: a hung or reloaded page
            // cannot keep a session alive.
            if let Some(session) = kiosk.clone() {
                let handle = app.handle().clone();
                tauri::async_runtime::spawn(async move {
                    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
                    loop {
                        tick.tick().await;
                        if session.overdue() {
                            tracing::warn!(idle = session.idle_for(), "kiosk: the page did not end the session; the shell does");
                            let state = handle.state::<AppState>();
                            let window = handle.get_webview_window("main");
                            let result = commands::wipe_session(&state, window.as_ref());
                            session.ended(&result);
                            if let Some(w) = window {
                                if let Err(e) = w.reload() {
                                    tracing::error!(error = %e, "kiosk: page not reloaded");
                                }
                            }
                        }
                    }
                });
            }
            // Reports waiting in the outbox go out as soon as the portal answers.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let mut tick = tokio::time::interval(std::time::Duration::from_secs(20));
                loop {
                    tick.tick().await;
                    let state = handle.state::<AppState>();
                    // Only when a report written signed in waits does this reach the keyring.
                    let token = if state.outbox.waiting_for_account() {
                        state.login.access_token(commands::now()).await.ok().flatten()
                    } else {
                        None
                    };
                    state.outbox.send_due(&state.endpoints, token.as_deref(), commands::now()).await;
                    // Favourites changed while the portal did not answer.
                    if state.favourites.has_waiting() {
                        state.favourites.sync(&state.login, &state.client, commands::now()).await;
                    }
                }
            });
            // Notifications: pushed by the portal while the app runs. Not on a
            // shared device (kiosk): nobody there to tell, and no device id kept.
            if cfg.kiosk_idle_secs.is_none() {
                let handle = app.handle().clone();
                tauri::async_runtime::spawn(async move {
                    let to = handle.clone();
                    notices::listen(handle, move |s| show(&to, s)).await;
                });
            }
            // Reports on other GeoReport servers (they cannot push): asked every few minutes.
            let handle = app.handle().clone();
            let every = cfg.notice_interval;
            tauri::async_runtime::spawn(async move {
                let mut tick = tokio::time::interval(std::time::Duration::from_secs(every));
                loop {
                    tick.tick().await;
                    let state = handle.state::<AppState>();
                    let fresh = notices::check(&state, commands::now()).await;
                    if !fresh.is_empty() {
                        show(&handle, notices::Shown::Inbox);
                    }
                    if notices::desktop_wanted(&state.notices.settings(), state.kiosk.is_some(), notices::local_minute()) {
                        for n in fresh {
                            show(&handle, notices::Shown::Desktop(n.title, n.text, n.link));
                        }
                    }
                }
            });
            Ok(())
        })
        .invoke_handler(handler())
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(e) = result {
        eprintln!("muenchen-app: {e}");
        std::process::exit(1);
    }
}

/// Tells the page the inbox changed, or shows a notification whose click
/// brings the window forward on the notification's screen. The page is
/// called through functions it put on `window` (no event permission is
/// granted to it).
fn show(handle: &tauri::AppHandle, what: notices::Shown) {
    match what {
        notices::Shown::Inbox => call_page(handle, "window.__mucNotices && window.__mucNotices()".into()),
        notices::Shown::Desktop(summary, body, link) => {
            let h = handle.clone();
            let shown = platform::notify(handle, &summary, &body, link, move |link| open_in_page(&h, link));
            if let Err(e) = shown {
                tracing::warn!(error = %e, "notification not shown");
            }
        }
    }
}

fn call_page(handle: &tauri::AppHandle, js: String) {
    if let Some(w) = handle.get_webview_window("main") {
        if let Err(e) = w.eval(&js) {
            tracing::warn!(error = %e, "page not told");
        }
    }
}

/// The window in front, on the screen a notification's link names (the
/// inbox without one). The link goes as JSON, never spliced in as code.
pub(crate) fn open_in_page(handle: &tauri::AppHandle, link: Option<String>) {
    if let Some(w) = handle.get_webview_window("main") {
        platform::bring_forward(&w);
    }
    let link =
        serde_json::to_string(&link.unwrap_or_else(|| "screen:notices".into())).unwrap_or_else(|_| "null".into());
    call_page(handle, format!("window.__mucOpen && window.__mucOpen({link})"));
}

/// The real portal on a loopback port, on a fresh SQLite file in `dir`, for
/// tests: its per-source limits are wide, since every test report comes from
/// 127.0.0.1 (the throttling itself is tested in the portal).
#[cfg(test)]
pub(crate) async fn test_portal(
    dir: &std::path::Path,
) -> (String, tokio::sync::oneshot::Sender<()>, tokio::task::JoinHandle<()>) {
    let url = format!("sqlite:{}?mode=rwc", dir.join("portal.db").display());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let mut st =
        muc_portal::AppState::open(&muc_portal::config::Config::for_database(&url), &base).await.expect("portal");
    st.settings().media_dir = dir.join("portal-media");
    // The proof of work stays on (the app solves it on every anonymous send),
    // at a small constant cost: all test reports come from one source.
    st.settings().pow =
        Some(std::sync::Arc::new(muc_portal::pow::Pow::new("shell-tests-key-0123456789".into()).with_cost(2000, 1000)));
    st.settings().limits = std::sync::Arc::new(muc_portal::limits::Limits::new(
        muc_portal::limits::LimitConfig { reports_burst: 100_000, supports_burst: 100_000, ..Default::default() },
        None,
    ));
    let (stx, srx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let stop = async move {
            let _ = srx.await;
        };
        muc_portal::serve_state(listener, st, stop).await.expect("portal");
    });
    (base, stx, task)
}

/// The real portal on a loopback port that accepts sign-ins from `issuer`.
#[cfg(test)]
pub(crate) async fn test_portal_with_login(
    dir: &std::path::Path,
    issuer: &str,
) -> (String, tokio::task::JoinHandle<()>) {
    test_portal_with_logins(dir, issuer, None).await
}

/// [`test_portal_with_login`] with M-Login's stand-in beside BayernID's.
#[cfg(test)]
pub(crate) async fn test_portal_with_logins(
    dir: &std::path::Path,
    issuer: &str,
    more: Option<&str>,
) -> (String, tokio::task::JoinHandle<()>) {
    let url = format!("sqlite:{}?mode=rwc", dir.join("portal.db").display());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let mut st =
        muc_portal::AppState::open(&muc_portal::config::Config::for_database(&url), &base).await.expect("portal");
    st.settings().oidc =
        Some(std::sync::Arc::new(muc_portal::citizens::Oidc::new(issuer, "muenchen-portal").with_levels(
            "BayernID",
            vec![
                muc_wire::personal::TrustLevel::Level1,
                muc_wire::personal::TrustLevel::Level3,
                muc_wire::personal::TrustLevel::Level4,
            ],
        )));
    st.settings().more_oidc = more
        .map(|m| {
            std::sync::Arc::new(
                muc_portal::citizens::Oidc::new(m, "muenchen-portal")
                    .with_levels("M-Login", Vec::new())
                    .beside_the_first("m-login"),
            )
        })
        .into_iter()
        .collect();
    st.settings().media_dir = dir.join("portal-media");
    let task = tokio::spawn(async move {
        muc_portal::serve_state(listener, st, std::future::pending()).await.expect("serve");
    });
    (base, task)
}

/// What a [`test_relay`] does with the requests it passes on.
#[cfg(test)]
pub(crate) enum Relay {
    /// About one request in five gets a 503 without reaching the server,
    /// and one in five reaches it and its answer is lost (502), spread
    /// without a period, so no sequence of requests always fails.
    Flaky,
    /// Records the body of every POST; answers `/discovery.json` itself,
    /// naming the relay as the GeoReport v2 endpoint (a third-party server).
    Recording(std::sync::Arc<std::sync::Mutex<Vec<Vec<u8>>>>),
}

/// An HTTP relay on loopback in front of a real portal, for tests.
#[cfg(test)]
pub(crate) async fn test_relay(upstream: String, mode: Relay) -> String {
    use axum::response::IntoResponse;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let me = url.clone();
    let mode = std::sync::Arc::new(mode);
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let http = reqwest::Client::new();
    let app = axum::Router::new().fallback(move |req: axum::extract::Request| {
        let (http, upstream, count, mode, me) =
            (http.clone(), upstream.clone(), count.clone(), mode.clone(), me.clone());
        async move {
            let n = count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            // A fixed scramble of the request number: 0..16, no period.
            let roll = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 60;
            let (parts, body) = req.into_parts();
            let bytes = axum::body::to_bytes(body, 64 << 20).await.unwrap_or_default();
            match &*mode {
                Relay::Flaky if roll < 3 => {
                    return (axum::http::StatusCode::SERVICE_UNAVAILABLE, "busy").into_response();
                }
                Relay::Recording(_) if parts.uri.path() == "/discovery.json" => {
                    let doc = serde_json::json!({
                        "contact": "Test relay",
                        "endpoints": [{
                            "specification": "http://wiki.open311.org/GeoReport_v2",
                            "url": format!("{me}/open311/v2"),
                            "type": "production",
                            "formats": ["application/json"],
                        }],
                    });
                    return axum::Json(doc).into_response();
                }
                Relay::Recording(seen) if parts.method == axum::http::Method::POST => {
                    seen.lock().expect("lock").push(bytes.to_vec());
                }
                _ => {}
            }
            let path = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
            let mut rb = http.request(parts.method.clone(), format!("{upstream}{path}")).body(bytes);
            for (k, v) in &parts.headers {
                if k != axum::http::header::HOST && k != axum::http::header::CONTENT_LENGTH {
                    rb = rb.header(k, v);
                }
            }
            let Ok(resp) = rb.send().await else { return axum::http::StatusCode::BAD_GATEWAY.into_response() };
            let status = resp.status();
            let body = resp.bytes().await.unwrap_or_default();
            if matches!(*mode, Relay::Flaky) && (3..6).contains(&roll) {
                // The server stored it; the app never hears so.
                return axum::http::StatusCode::BAD_GATEWAY.into_response();
            }
            (status, body).into_response()
        }
    });
    tokio::spawn(async move { axum::serve(listener, app).await.expect("relay") });
    url
}
