//! Tauri commands: thin wrappers over the tested library code.

use muc_wire::hotspots::osm_url;
use muc_wire::ipc::{AppError, AppInfo, ErrorKind, HotspotSnapshot, OpenInMapArgs};
use tauri::State;

use crate::AppState;

#[tauri::command]
pub async fn load_hotspots(state: State<'_, AppState>) -> Result<HotspotSnapshot, AppError> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let snap = crate::hotspots::load(&state.client, &state.cache, now).await?;
    if let Ok(mut last) = state.last_sites.lock() {
        *last = snap.sites.clone();
    }
    Ok(snap)
}

/// Opens the site on OpenStreetMap in the system's browser. The URL is built
/// here from the site's stored position, never taken from the webview.
#[tauri::command]
pub fn open_in_map(state: State<'_, AppState>, args: OpenInMapArgs) -> Result<(), AppError> {
    let pos = state
        .last_sites
        .lock()
        .map_err(|_| AppError::new(ErrorKind::Storage, "state lock"))?
        .iter()
        .find(|s| s.id == args.site_id)
        .map(|s| s.position)
        .ok_or_else(|| AppError::new(ErrorKind::NotFound, format!("site {}", args.site_id)))?;
    let url = osm_url(pos);
    tracing::info!(%url, "opening map");
    tauri_plugin_opener::open_url(&url, None::<&str>)
        .map_err(|e| AppError::new(ErrorKind::OpenFailed, e.to_string()))
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo { version: env!("CARGO_PKG_VERSION").into(), portal_url: state.client.base().into() }
}
