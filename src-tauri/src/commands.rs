//! Tauri commands: thin wrappers over the tested library code.
//!
//! Each handler is named as its command in `muc_wire::for_each_command!` and
//! typed by it (`Args<cmd::X>`, `Answer<cmd::X>` or `Out<cmd::X>`); the
//! handler list is built from that list (`crate::handler`).

use muc_wire::hotspots::osm_url;
use muc_wire::ipc::{cmd, Answer, AppError, Args, ErrorKind, LoginStatus, Out};
use tauri::{Manager as _, State};

use crate::AppState;

pub(crate) fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// On a shared device nothing opens outside the app (a browser would keep
/// the person's traces beyond the session).
fn not_on_kiosk(state: &AppState) -> Result<(), AppError> {
    match state.kiosk_idle_secs {
        Some(_) => Err(AppError::new(ErrorKind::NotOnSharedDevice, "kiosk mode")),
        None => Ok(()),
    }
}

/// Opens a web address or `tel:` number with the system (the opener
/// plugin: the default browser or dialler, on desktops and phones).
fn open_url(app: &tauri::AppHandle) -> impl Fn(&str) -> Result<(), AppError> + '_ {
    use tauri_plugin_opener::OpenerExt as _;
    move |url: &str| {
        tracing::info!(%url, "opening with the system");
        app.opener().open_url(url, None::<&str>).map_err(|e| AppError::new(ErrorKind::OpenFailed, e.to_string()))
    }
}

#[tauri::command]
pub async fn load_hotspots(state: State<'_, AppState>) -> Answer<cmd::LoadHotspots> {
    // The answer asked for at start, if there is one; a refresh asks anew.
    let ahead = state.hotspots_ahead.lock().ok().and_then(|mut a| a.take());
    let snap = match ahead {
        Some(task) => match task.await {
            Ok(answer) => answer?,
            Err(e) => {
                tracing::warn!(error = %e, "the hotspots asked for at start are lost; asking again");
                crate::hotspots::load(&state.client, &state.cache, &state.packaged, now()).await?
            }
        },
        None => crate::hotspots::load(&state.client, &state.cache, &state.packaged, now()).await?,
    };
    if let Ok(mut last) = state.last_sites.lock() {
        *last = snap.sites.clone();
    }
    Ok(snap)
}

/// Opens the site on OpenStreetMap in the system's browser. The URL is built
/// here from the site's stored position, never taken from the webview.
#[tauri::command]
pub fn open_in_map(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    args: Args<cmd::OpenInMap>,
) -> Answer<cmd::OpenInMap> {
    let pos = state
        .last_sites
        .lock()
        .map_err(|_| AppError::new(ErrorKind::Storage, "state lock"))?
        .iter()
        .find(|s| s.id == args.site_id)
        .map(|s| s.position)
        .ok_or_else(|| AppError::new(ErrorKind::NotFound, format!("site {}", args.site_id)))?;
    not_on_kiosk(&state)?;
    open_url(&app)(&osm_url(pos))
}

#[tauri::command]
pub async fn load_finders(state: State<'_, AppState>) -> Answer<cmd::LoadFinders> {
    crate::finders::load(&state.client, &state.finders, &state.packaged, &state.favourites, now()).await
}

/// Opens a finder's website or phone number, looked up by id in the stored catalogue.
#[tauri::command]
pub fn open_finder(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    args: Args<cmd::OpenFinder>,
) -> Answer<cmd::OpenFinder> {
    not_on_kiosk(&state)?;
    open_url(&app)(&crate::finders::target(&state.finders, &args.finder_id, args.via)?)
}

/// Stored on the device before it answers; sent to the account (when
/// joined with one) in the background, so a star never waits on the network.
#[tauri::command]
pub fn set_favourite(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    args: Args<cmd::SetFavourite>,
) -> Answer<cmd::SetFavourite> {
    let view = state.favourites.set(args.favourite, args.on)?;
    if !matches!(view.sync, muc_wire::ipc::FavouriteSync::DeviceOnly) {
        tauri::async_runtime::spawn(async move {
            let state = app.state::<AppState>();
            state.favourites.sync(&state.login, &state.client, now()).await;
        });
    }
    Ok(view)
}

/// The favourites, synced with the account when signed in.
#[tauri::command]
pub async fn load_favourites(state: State<'_, AppState>) -> Answer<cmd::LoadFavourites> {
    if state.kiosk_idle_secs.is_some() {
        // Nobody signs in on a shared device: no keyring read.
        let items = state.favourites.load().items;
        return Ok(muc_wire::ipc::FavouriteView { items, sync: muc_wire::ipc::FavouriteSync::DeviceOnly });
    }
    Ok(state.favourites.sync(&state.login, &state.client, now()).await)
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> Out<cmd::GetAppInfo> {
    state.info()
}

/// The frontend painted its first screen with its data (the home screen, or
/// the start screen once its data is shown: first perhaps the device's saved
/// copy, then the portal's answer). Logged for operations; the benchmark
/// (MUC_BENCH_FIRST_PAINT=print|exit) reads `FIRST_PAINT` and
/// `SETTLED_PAINT` from stdout, and with `exit` the app ends at the latter.
#[tauri::command]
pub fn frontend_ready(args: Args<cmd::FrontendReady>) -> Out<cmd::FrontendReady> {
    let ms = crate::STARTED.get().map(|t| t.0.elapsed().as_millis()).unwrap_or(0);
    // Each moment is reported once: the first paint (perhaps of the saved
    // copy), and the first paint of the portal's answer.
    static FIRST: std::sync::Once = std::sync::Once::new();
    static SETTLED: std::sync::Once = std::sync::Once::new();
    let bench = std::env::var("MUC_BENCH_FIRST_PAINT").ok();
    FIRST.call_once(|| {
        tracing::info!(ms, "first screen painted");
        if bench.is_some() {
            // The page's steps before it, on the process's clock (one line, for the bench).
            if let Some(&(_, wall)) = crate::STARTED.get() {
                println!("TIMELINE {}", crate::startup::timeline_line(wall, &args.timeline));
            }
            println!("FIRST_PAINT {ms}");
        }
    });
    if args.settled {
        SETTLED.call_once(|| {
            tracing::info!(ms, "first screen painted with the portal's answer");
            match bench.as_deref() {
                Some("exit") => {
                    println!("SETTLED_PAINT {ms}");
                    std::process::exit(0);
                }
                Some("print") => println!("SETTLED_PAINT {ms}"),
                _ => {}
            }
        });
    }
}

#[tauri::command]
pub async fn report_categories(state: State<'_, AppState>) -> Answer<cmd::ReportCategories> {
    crate::reports::categories(&state.endpoints, &state.categories, &state.packaged, now()).await
}

/// Writes the report to the outbox on disk, then tries to send it.
#[tauri::command]
pub async fn submit_report(state: State<'_, AppState>, args: Args<cmd::SubmitReport>) -> Answer<cmd::SubmitReport> {
    crate::reports::submit(&state.outbox, &state.drafts, &state.endpoints, &state.login, args, now()).await
}

#[tauri::command]
pub fn list_drafts(state: State<'_, AppState>) -> Out<cmd::ListDrafts> {
    state.drafts.list()
}

/// Async and off the runtime's threads: photos are cleaned (decoded and
/// re-encoded) before they are stored, which must not freeze the window.
#[tauri::command]
pub async fn save_draft(state: State<'_, AppState>, args: Args<cmd::SaveDraft>) -> Answer<cmd::SaveDraft> {
    let drafts = state.drafts.clone();
    tokio::task::spawn_blocking(move || drafts.save(args.draft, args.photos.as_deref(), now()))
        .await
        .map_err(|e| AppError::new(ErrorKind::Storage, e.to_string()))?
}

#[tauri::command]
pub fn load_draft(state: State<'_, AppState>, args: Args<cmd::LoadDraft>) -> Answer<cmd::LoadDraft> {
    state.drafts.load(&args.id)
}

#[tauri::command]
pub fn delete_draft(state: State<'_, AppState>, args: Args<cmd::DeleteDraft>) -> Answer<cmd::DeleteDraft> {
    state.drafts.delete(&args.id)
}

#[tauri::command]
pub async fn my_reports(state: State<'_, AppState>) -> Answer<cmd::MyReports> {
    let list = crate::reports::mine(&state.outbox, &state.follows, &state.endpoints, &state.login, now()).await;
    // The person sees the statuses now; the inbox learns them too (no desktop pop-up).
    if let Err(e) = state.notices.update(&list, now()) {
        tracing::warn!(error = %e, "notices not kept");
    }
    Ok(list)
}

/// Open reports of the same category nearby, so the person can see whether
/// it is already known before sending another.
#[tauri::command]
pub async fn nearby_reports(state: State<'_, AppState>, args: Args<cmd::NearbyReports>) -> Answer<cmd::NearbyReports> {
    state
        .endpoints
        .client()
        .nearby_reports(&args.service_code, args.lat, args.lon, crate::reports::NEARBY_RADIUS_M)
        .await
        .map_err(|e| {
            // The person can send anyway; the log says why the check was skipped.
            tracing::warn!(error = %e, "reports nearby not checked");
            crate::errors::from_client(&e)
        })
}

/// Where reports go now.
#[tauri::command]
pub fn open311_endpoint(state: State<'_, AppState>) -> Out<cmd::Open311Endpoint> {
    state.endpoints.info()
}

/// Points reporting at another GeoReport v2 server by its discovery URL
/// (checked before it is taken), or back at the default.
#[tauri::command]
pub async fn set_open311_endpoint(
    state: State<'_, AppState>,
    args: Args<cmd::SetOpen311Endpoint>,
) -> Answer<cmd::SetOpen311Endpoint> {
    state.endpoints.set(args).await
}

/// Another language: remembered (not on a shared device); its texts back.
#[tauri::command]
pub fn set_language(state: State<'_, AppState>, args: Args<cmd::SetLanguage>) -> Answer<cmd::SetLanguage> {
    let catalogue = state.languages.choose(&args.lang)?;
    state.endpoints.speak(&catalogue.lang);
    Ok(catalogue)
}

/// A report the portal refused becomes a draft again, to fix and resend.
#[tauri::command]
pub fn revise_report(state: State<'_, AppState>, args: Args<cmd::ReviseReport>) -> Answer<cmd::ReviseReport> {
    state.drafts.from_refused(&state.outbox, &args.id, now())
}

/// "I am affected too" on an open report nearby: supported on the portal and
/// followed in "Meine Meldungen", instead of a second report.
#[tauri::command]
pub async fn support_report(state: State<'_, AppState>, args: Args<cmd::SupportReport>) -> Answer<cmd::SupportReport> {
    crate::reports::support(&state.follows, &state.endpoints, &args.service_request_id, now()).await
}

#[tauri::command]
// Async, so the keyring call runs off the window's main thread.
pub async fn login_status(state: State<'_, AppState>) -> Answer<cmd::GetLoginStatus> {
    // No sign-in on a shared device: the session would outlive the person.
    Ok(match state.kiosk_idle_secs {
        Some(_) => LoginStatus { configured: false, session: None, issuer: None, provider: None, more: Vec::new() },
        None => state.login.status_described(&state.client).await,
    })
}

/// Signs in through the identity provider's page in the system browser,
/// at the trust level asked for (a step-up is a new sign-in).
#[tauri::command]
pub async fn login(app: tauri::AppHandle, state: State<'_, AppState>, args: Args<cmd::Login>) -> Answer<cmd::Login> {
    not_on_kiosk(&state)?;
    let who = state.login.login_with(open_url(&app), now(), args.level, args.issuer.as_deref(), &state.client).await?;
    // The device's favourites join the account's (the portal not answering
    // now: on the next sync).
    state.favourites.sync(&state.login, &state.client, now()).await;
    // Notifications: now the account's.
    state.notices.changed.notify_one();
    Ok(who)
}

/// Saves what the portal holds about the signed-in person in their
/// downloads folder (or the app's data folder where there is none).
#[tauri::command]
pub async fn export_my_data(app: tauri::AppHandle, state: State<'_, AppState>) -> Answer<cmd::ExportMyData> {
    not_on_kiosk(&state)?;
    let folder = app.path().download_dir().unwrap_or_else(|_| state.data_dir.join("exports"));
    crate::my_data::export(&state.login, &state.client, &folder, now()).await
}

/// Deletes the person's account at the portal, then signs out here.
#[tauri::command]
pub async fn delete_my_account(state: State<'_, AppState>) -> Answer<cmd::DeleteMyAccount> {
    not_on_kiosk(&state)?;
    let account = state.login.status().session.map(|s| s.account_id);
    let deleted = crate::my_data::delete_account(&state.login, &state.client, now()).await?;
    // The favourites stay on this device; nothing waits for the account any more.
    state.favourites.unjoin(account.as_deref())?;
    state.notices.changed.notify_one();
    Ok(deleted)
}

/// The profile kept in the portal, with its consent.
#[tauri::command]
pub async fn load_profile(state: State<'_, AppState>) -> Answer<cmd::LoadProfile> {
    not_on_kiosk(&state)?;
    crate::profile::load(&state.login, &state.client, now()).await
}

/// Keeps the profile; gives the consent first when the person ticked it.
#[tauri::command]
pub async fn save_profile(state: State<'_, AppState>, args: Args<cmd::SaveProfile>) -> Answer<cmd::SaveProfile> {
    not_on_kiosk(&state)?;
    crate::profile::save(&state.login, &state.client, args.profile, args.consent_version, now()).await
}

/// Revokes the profile consent: the portal deletes the profile.
#[tauri::command]
pub async fn revoke_profile(state: State<'_, AppState>) -> Answer<cmd::RevokeProfile> {
    not_on_kiosk(&state)?;
    crate::profile::revoke(&state.login, &state.client, now()).await
}

#[tauri::command]
pub fn cancel_login(state: State<'_, AppState>) -> Out<cmd::CancelLogin> {
    state.login.cancel()
}

#[tauri::command]
pub async fn logout(state: State<'_, AppState>) -> Answer<cmd::Logout> {
    // Changes waiting go out first where the portal answers; otherwise they
    // wait for this account's next sign-in.
    if state.favourites.has_waiting() {
        state.favourites.sync(&state.login, &state.client, now()).await;
    }
    state.login.logout().await?;
    state.notices.changed.notify_one();
    state.favourites.unjoin(None)
}

#[tauri::command]
pub fn notices(state: State<'_, AppState>) -> Out<cmd::GetNotices> {
    state.notices.list()
}

/// Only the number, for the area bar of the frontend's smaller modules
/// (start, Wi-Fi), which have no use for the notices themselves.
#[tauri::command]
pub fn unread_notices(state: State<'_, AppState>) -> Out<cmd::UnreadNotices> {
    state.notices.unread()
}

#[tauri::command]
pub fn mark_notices_read(state: State<'_, AppState>) -> Answer<cmd::MarkNoticesRead> {
    let list = state.notices.mark_all_read().map_err(|e| AppError::new(ErrorKind::Storage, e.to_string()))?;
    // The listener reconnects, and sends the marks first.
    state.notices.changed.notify_one();
    Ok(list)
}

#[tauri::command]
pub fn mark_notice(state: State<'_, AppState>, args: Args<cmd::MarkNotice>) -> Answer<cmd::MarkNotice> {
    let list = state
        .notices
        .mark(&args.key, args.read, args.deleted)
        .map_err(|e| AppError::new(ErrorKind::Storage, e.to_string()))?;
    state.notices.changed.notify_one();
    Ok(list)
}

#[tauri::command]
pub fn set_notice_settings(
    state: State<'_, AppState>,
    args: Args<cmd::SetNoticeSettings>,
) -> Answer<cmd::SetNoticeSettings> {
    state.notices.set_settings(args).map_err(|e| AppError::new(ErrorKind::Ipc, e))
}

/// Kiosk mode: the person is done (or walked away). Every step of the wipe
/// runs, the webview's storage included; if any failed, the error names them
/// and the page keeps the screen blocked for a helper (and so does the next
/// start, through `app_info`).
#[tauri::command]
pub fn end_session(window: tauri::WebviewWindow, state: State<'_, AppState>) -> Answer<cmd::EndSession> {
    let Some(session) = &state.kiosk else {
        return Err(AppError::new(ErrorKind::NotFound, "not a kiosk"));
    };
    let result = wipe_session(&state, Some(&window));
    session.ended(&result);
    result.map_err(|e| AppError::new(ErrorKind::SessionNotEnded, e.to_string()))
}

/// The wipe at the end of a kiosk session, with the webview's storage.
pub(crate) fn wipe_session(
    state: &AppState,
    window: Option<&tauri::WebviewWindow>,
) -> Result<(), crate::kiosk::Failed> {
    let wipe = state.kiosk_wipe();
    let mut steps = wipe.steps(false);
    steps.push((
        "webview storage",
        Box::new(move || match window {
            Some(w) => w.clear_all_browsing_data().map_err(|e| e.to_string()),
            None => Err("no window".into()),
        }),
    ));
    let result = crate::kiosk::run_steps(steps);
    // The next visitor starts in German, whatever this one chose.
    state.languages.forget();
    state.endpoints.speak("de");
    if result.is_ok() {
        tracing::info!("kiosk session ended; personal data removed");
    }
    result
}

/// Kiosk mode: someone touched the screen (the page reports it, at most
/// every few seconds). The shell ends a session nobody touched.
#[tauri::command]
pub fn kiosk_activity(state: State<'_, AppState>) -> Out<cmd::KioskActivity> {
    if let Some(k) = &state.kiosk {
        k.touch();
    }
}

/// The device's position from the platform (phones); None where the
/// webview's own geolocation is the way (desktops).
#[tauri::command]
pub async fn locate(app: tauri::AppHandle) -> Answer<cmd::Locate> {
    crate::platform::position(&app).await.map_err(|e| AppError::new(ErrorKind::NoPosition, e))
}
