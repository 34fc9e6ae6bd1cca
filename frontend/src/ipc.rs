//! Typed calls to the Tauri shell. Every call returns `Result<T, AppError>`;
//! nothing here unwraps what crosses the boundary.

use muc_wire::ipc::{
    cmd, AppError, AppInfo, Draft, DraftIdArgs, DraftWithPhotos, EndpointInfo, ErrorKind, FinderSnapshot,
    HotspotSnapshot, LoginStatus, MyReport, NearbyArgs, Notices, OpenFinderArgs, OpenInMapArgs, OpenVia,
    ReportCatalogue, SaveDraftArgs, SessionView, SetEndpointArgs, SetFavouriteArgs, SubmitReportArgs,
};
use muc_wire::open311::ServiceRequest;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // `catch`: with no Tauri around (a plain browser) the call fails with an
    // error instead of throwing through the app.
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch, js_name = invoke)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;
}

/// Whether the page runs inside the Tauri shell (not in a plain browser).
pub fn in_shell() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"__TAURI__".into()).is_ok_and(|v| v.is_object())
}

/// The start information the shell put into the page when it made the window
/// (`window.__MUC_APP_INFO__`), so the first screen needs no round trip.
/// None outside the shell or in an older shell.
pub fn start_info() -> Option<AppInfo> {
    let v = js_sys::Reflect::get(&js_sys::global(), &"__MUC_APP_INFO__".into()).ok()?;
    if !v.is_object() {
        return None;
    }
    serde_wasm_bindgen::from_value(v).ok()
}

async fn call<A: Serialize, R: DeserializeOwned>(command: &str, args: &A) -> Result<R, AppError> {
    if !in_shell() {
        return Err(AppError::new(ErrorKind::Ipc, "not running inside the app shell"));
    }
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let js_args =
        args.serialize(&ser).map_err(|e| AppError::new(ErrorKind::Ipc, format!("arguments of {command}: {e}")))?;
    match tauri_invoke(command, js_args).await {
        Ok(v) => serde_wasm_bindgen::from_value(v)
            .map_err(|e| AppError::new(ErrorKind::Ipc, format!("answer of {command}: {e}"))),
        Err(e) => Err(serde_wasm_bindgen::from_value::<AppError>(e.clone()).unwrap_or_else(|_| {
            AppError::new(ErrorKind::Ipc, format!("{command}: {}", e.as_string().unwrap_or_else(|| format!("{e:?}"))))
        })),
    }
}

#[derive(Serialize)]
struct NoArgs {}

#[derive(Serialize)]
struct Wrapped<T> {
    args: T,
}

pub async fn load_hotspots() -> Result<HotspotSnapshot, AppError> {
    call(cmd::LOAD_HOTSPOTS, &NoArgs {}).await
}

pub async fn open_in_map(site_id: &str) -> Result<(), AppError> {
    call(cmd::OPEN_IN_MAP, &Wrapped { args: OpenInMapArgs { site_id: site_id.into() } }).await
}

pub async fn app_info() -> Result<AppInfo, AppError> {
    call(cmd::APP_INFO, &NoArgs {}).await
}

pub async fn load_finders() -> Result<FinderSnapshot, AppError> {
    call(cmd::LOAD_FINDERS, &NoArgs {}).await
}

pub async fn open_finder(finder_id: &str, via: OpenVia) -> Result<(), AppError> {
    call(cmd::OPEN_FINDER, &Wrapped { args: OpenFinderArgs { finder_id: finder_id.into(), via } }).await
}

/// Marks or unmarks a favourite; returns the new list of favourites.
pub async fn set_favourite(finder_id: &str, favourite: bool) -> Result<Vec<String>, AppError> {
    call(cmd::SET_FAVOURITE, &Wrapped { args: SetFavouriteArgs { finder_id: finder_id.into(), favourite } }).await
}

/// Tells the shell the first screen is painted (start-up time, in its log).
pub async fn frontend_ready() -> Result<(), AppError> {
    call(cmd::FRONTEND_READY, &NoArgs {}).await
}

pub async fn report_categories() -> Result<ReportCatalogue, AppError> {
    call(cmd::REPORT_CATEGORIES, &NoArgs {}).await
}

/// Hands the report to the shell, which keeps it on disk before sending.
pub async fn submit_report(args: SubmitReportArgs) -> Result<MyReport, AppError> {
    call(cmd::SUBMIT_REPORT, &Wrapped { args }).await
}

pub async fn list_drafts() -> Result<Vec<Draft>, AppError> {
    call(cmd::LIST_DRAFTS, &NoArgs {}).await
}

pub async fn save_draft(args: SaveDraftArgs) -> Result<Draft, AppError> {
    call(cmd::SAVE_DRAFT, &Wrapped { args }).await
}

pub async fn load_draft(id: String) -> Result<DraftWithPhotos, AppError> {
    call(cmd::LOAD_DRAFT, &Wrapped { args: DraftIdArgs { id } }).await
}

pub async fn delete_draft(id: String) -> Result<(), AppError> {
    call(cmd::DELETE_DRAFT, &Wrapped { args: DraftIdArgs { id } }).await
}

pub async fn my_reports() -> Result<Vec<MyReport>, AppError> {
    call(cmd::MY_REPORTS, &NoArgs {}).await
}

pub async fn nearby_reports(service_code: String, lat: f64, lon: f64) -> Result<Vec<ServiceRequest>, AppError> {
    call(cmd::NEARBY_REPORTS, &Wrapped { args: NearbyArgs { service_code, lat, lon } }).await
}

pub async fn open311_endpoint() -> Result<EndpointInfo, AppError> {
    call(cmd::OPEN311_ENDPOINT, &NoArgs {}).await
}

pub async fn set_open311_endpoint(args: SetEndpointArgs) -> Result<EndpointInfo, AppError> {
    call(cmd::SET_OPEN311_ENDPOINT, &Wrapped { args }).await
}

/// A refused report back as a draft (the shell moves it out of the outbox).
pub async fn revise_report(id: String) -> Result<DraftWithPhotos, AppError> {
    call(cmd::REVISE_REPORT, &Wrapped { args: DraftIdArgs { id } }).await
}

/// "I am affected too" on a report nearby; it then shows in "Meine Meldungen".
pub async fn support_report(service_request_id: String) -> Result<(), AppError> {
    call(cmd::SUPPORT_REPORT, &Wrapped { args: muc_wire::ipc::SupportArgs { service_request_id } }).await
}

pub async fn login_status() -> Result<LoginStatus, AppError> {
    call(cmd::LOGIN_STATUS, &NoArgs {}).await
}

/// Opens the provider's page in the browser and waits until the person is back.
pub async fn login() -> Result<SessionView, AppError> {
    call(cmd::LOGIN, &NoArgs {}).await
}

pub async fn cancel_login() -> Result<(), AppError> {
    call(cmd::CANCEL_LOGIN, &NoArgs {}).await
}

pub async fn logout() -> Result<(), AppError> {
    call(cmd::LOGOUT, &NoArgs {}).await
}

pub async fn notices() -> Result<Notices, AppError> {
    call(cmd::NOTICES, &NoArgs {}).await
}

pub async fn mark_notices_read() -> Result<Notices, AppError> {
    call(cmd::MARK_NOTICES_READ, &NoArgs {}).await
}

pub async fn set_desktop_notices(on: bool) -> Result<Notices, AppError> {
    call(cmd::SET_DESKTOP_NOTICES, &Wrapped { args: muc_wire::ipc::DesktopNoticesArgs { on } }).await
}

/// Kiosk mode: ends the session (the shell removes what it left).
pub async fn end_session() -> Result<(), AppError> {
    call(cmd::END_SESSION, &NoArgs {}).await
}

/// Kiosk mode: someone is using the screen.
pub async fn kiosk_activity() -> Result<(), AppError> {
    call(cmd::KIOSK_ACTIVITY, &NoArgs {}).await
}
