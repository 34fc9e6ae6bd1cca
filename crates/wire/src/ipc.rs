//! Types of the Tauri commands between the shell and the frontend.

use serde::{Deserialize, Serialize};

use crate::finders::Finder;
use crate::geo::LonLat;
use crate::hotspots::Site;
use crate::open311::{Delivery, OutgoingReport, Service, ServiceDefinition, ServiceRequest};
pub use crate::personal::{AccountDeleted, MyProfile};

/// What a shell command takes and answers: one description per command,
/// named by both sides (the shell's handler returns `Answer<C>` or `Out<C>`,
/// the frontend calls `call::<C>`), so a mismatch does not compile.
pub trait Command {
    /// The name the frontend invokes and the ACL permits (`allow-<name>`).
    const NAME: &'static str;
    /// What goes in the call's `args` ([`NoArgs`] for none).
    type Args: Serialize + for<'de> Deserialize<'de>;
    /// What the shell answers when the call succeeds.
    type Output: Serialize + for<'de> Deserialize<'de>;
}

/// The arguments of a command that takes none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct NoArgs {}

/// The shell's answer to command `C`, for handlers that can fail.
pub type Answer<C> = Result<<C as Command>::Output, AppError>;
/// The shell's answer to command `C`, for handlers that cannot fail.
pub type Out<C> = <C as Command>::Output;
/// The arguments of command `C`.
pub type Args<C> = <C as Command>::Args;

/// The one list of the shell's commands. `for_each_command!(m)` hands every
/// entry to macro `m` as `Type = name (Args) -> Output;` so the shell
/// registers its handlers from this list (a missing handler does not
/// compile) and `cmd::ALL` feeds tauri-build's permissions. Adding a command:
/// an entry here, a handler in the shell's `commands.rs`; the capability
/// test then names the permission to grant.
#[macro_export]
macro_rules! for_each_command {
    ($m:ident) => {
        $m! {
            LoadHotspots = load_hotspots (NoArgs) -> HotspotSnapshot;
            OpenInMap = open_in_map (OpenInMapArgs) -> ();
            GetAppInfo = app_info (NoArgs) -> AppInfo;
            LoadFinders = load_finders (NoArgs) -> FinderSnapshot;
            OpenFinder = open_finder (OpenFinderArgs) -> ();
            SetFavourite = set_favourite (SetFavouriteArgs) -> FavouriteView;
            LoadFavourites = load_favourites (NoArgs) -> FavouriteView;
            LoadProfile = load_profile (NoArgs) -> MyProfile;
            SaveProfile = save_profile (SaveProfileArgs) -> MyProfile;
            RevokeProfile = revoke_profile (NoArgs) -> MyProfile;
            FrontendReady = frontend_ready (FrontendReadyArgs) -> ();
            ReportCategories = report_categories (NoArgs) -> ReportCatalogue;
            SubmitReport = submit_report (SubmitReportArgs) -> MyReport;
            MyReports = my_reports (NoArgs) -> Vec<MyReport>;
            NearbyReports = nearby_reports (NearbyArgs) -> Vec<ServiceRequest>;
            ListDrafts = list_drafts (NoArgs) -> Vec<Draft>;
            SaveDraft = save_draft (SaveDraftArgs) -> Draft;
            LoadDraft = load_draft (DraftIdArgs) -> DraftWithPhotos;
            DeleteDraft = delete_draft (DraftIdArgs) -> ();
            Open311Endpoint = open311_endpoint (NoArgs) -> EndpointInfo;
            SetOpen311Endpoint = set_open311_endpoint (SetEndpointArgs) -> EndpointInfo;
            ReviseReport = revise_report (DraftIdArgs) -> DraftWithPhotos;
            SupportReport = support_report (SupportArgs) -> ();
            GetLoginStatus = login_status (NoArgs) -> LoginStatus;
            Login = login (LoginArgs) -> SessionView;
            ExportMyData = export_my_data (NoArgs) -> Exported;
            DeleteMyAccount = delete_my_account (NoArgs) -> AccountDeleted;
            CancelLogin = cancel_login (NoArgs) -> ();
            Logout = logout (NoArgs) -> ();
            GetNotices = notices (NoArgs) -> Notices;
            UnreadNotices = unread_notices (NoArgs) -> u32;
            MarkNoticesRead = mark_notices_read (NoArgs) -> Notices;
            MarkNotice = mark_notice (MarkNoticeArgs) -> Notices;
            SetNoticeSettings = set_notice_settings (NoticeSettings) -> Notices;
            SetLanguage = set_language (SetLanguageArgs) -> muc_messages::Catalogue;
            EndSession = end_session (NoArgs) -> ();
            KioskActivity = kiosk_activity (NoArgs) -> ();
            Locate = locate (NoArgs) -> Option<LonLat>;
        }
    };
}

/// The shell's commands as types (`cmd::LoadHotspots`…), and `cmd::ALL`,
/// their names.
pub mod cmd {
    #[allow(unused_imports)] // each type is named by some entry of the list
    use super::*;
    use crate::open311::ServiceRequest;

    macro_rules! describe {
        ($($ty:ident = $name:ident ($args:ty) -> $out:ty;)*) => {
            $(
                #[doc = concat!("The `", stringify!($name), "` command.")]
                #[derive(Debug, Clone, Copy)]
                pub enum $ty {}
                impl Command for $ty {
                    const NAME: &'static str = stringify!($name);
                    type Args = $args;
                    type Output = $out;
                }
            )*
            /// Every command's name, in the list's order.
            pub const ALL: &[&str] = &[$(stringify!($name)),*];
        };
    }
    crate::for_each_command!(describe);
}

/// Where reports go, as the settings show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndpointInfo {
    pub url: String,
    pub discovery_url: Option<String>,
    /// The operator's contact line from its discovery document.
    pub contact: Option<String>,
    /// true: the built-in default (the city's portal).
    pub is_default: bool,
}

/// Arguments of `set_open311_endpoint`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SetEndpointArgs {
    /// A GeoReport v2 discovery URL; None goes back to the default.
    pub discovery_url: Option<String>,
    /// The key the server issued for this app, if it asks for one.
    #[serde(default)]
    pub api_key: Option<String>,
    #[serde(default)]
    pub jurisdiction_id: Option<String>,
}

/// The hotspot set the app shows, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HotspotSnapshot {
    pub sites: Vec<Site>,
    /// When this set was fetched from the portal (Unix seconds, UTC).
    pub fetched_at: i64,
    /// Live from the portal, from the on-disk cache because the portal
    /// could not be reached (with the reason), or the saved copy shown at
    /// start while the portal is asked.
    pub source: DataSource,
    pub attribution: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DataSource {
    Live,
    Cache {
        reason: AppError,
    },
    /// The copy saved on this device, shown at start while the portal is
    /// asked; the portal's answer (`Live`, or `Cache` with the reason it
    /// could not be reached) replaces it.
    Saved,
}

/// The capacity-finder catalogue the app shows, with the person's favourites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinderSnapshot {
    pub finders: Vec<Finder>,
    /// When the catalogue was last confirmed current with the portal (Unix seconds).
    pub fetched_at: i64,
    pub source: DataSource,
    /// Ids of the finders this person marked, in the order marked.
    pub favourites: Vec<String>,
}

/// How to open a finder: its website in the browser, or its phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenVia {
    Web,
    Phone,
}

/// Arguments of `open_finder`: an id from the catalogue, never a URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenFinderArgs {
    pub finder_id: String,
    pub via: OpenVia,
}

/// Arguments of `set_language`: a code of `muc_messages::LANGUAGES`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetLanguageArgs {
    pub lang: String,
}

/// Arguments of `set_favourite`: mark (`on`) or unmark a favourite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetFavouriteArgs {
    pub favourite: crate::personal::Favourite,
    pub on: bool,
}

/// Arguments of `save_profile`. `consent_version`: the person ticked the
/// consent to that version of the text now (None: it is in force already).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveProfileArgs {
    pub profile: crate::personal::Profile,
    #[serde(default)]
    pub consent_version: Option<u32>,
}

/// The person's favourites and whether the account has them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FavouriteView {
    /// In the order added.
    pub items: Vec<crate::personal::Favourite>,
    pub sync: FavouriteSync,
}

impl FavouriteView {
    pub fn has(&self, kind: crate::personal::FavouriteKind, id: &str) -> bool {
        self.items.iter().any(|f| f.kind == kind && f.id == id)
    }

    pub fn ids(&self, kind: crate::personal::FavouriteKind) -> Vec<String> {
        self.items.iter().filter(|f| f.kind == kind).map(|f| f.id.clone()).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum FavouriteSync {
    /// Not signed in: kept on this device only.
    DeviceOnly,
    /// The account's set, confirmed by the portal at `at` (Unix seconds).
    Synced { at: i64 },
    /// Signed in; `waiting` changes are still to be sent. `reason`: why
    /// the last try failed (None: on their way now).
    Waiting { waiting: usize, reason: Option<AppError> },
}

/// Report categories with their form fields, for "Anliegen melden".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportCatalogue {
    pub categories: Vec<ReportCategory>,
    pub fetched_at: i64,
    pub source: DataSource,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportCategory {
    pub service: Service,
    pub definition: ServiceDefinition,
}

/// Arguments of `submit_report`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmitReportArgs {
    pub report: OutgoingReport,
    /// The photos' bytes, in order, checked again by the portal.
    #[serde(default)]
    pub photos: Vec<Vec<u8>>,
    /// The draft this report was written in; removed once the report is in the outbox.
    #[serde(default)]
    pub draft_id: Option<String>,
}

/// A report being written, as the person left the form. Kept on the device
/// so it can be resumed later; several at once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Chosen by the frontend when the form opens: 8–64 letters, digits or '-'.
    pub id: String,
    /// Set by the shell when it stores the draft (Unix seconds).
    #[serde(default)]
    pub updated_at: i64,
    pub service_code: String,
    pub attributes: std::collections::BTreeMap<String, Vec<String>>,
    /// The place as typed (it is resolved again on resume).
    pub place_text: String,
    pub description: String,
    pub email: String,
    pub consent: bool,
    /// The photos' file names as the person chose them, for display.
    pub photo_names: Vec<String>,
}

/// Arguments of `save_draft`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveDraftArgs {
    pub draft: Draft,
    /// The photos' bytes when they changed since the last save; None keeps
    /// the stored ones (so typing does not send photos over and over).
    #[serde(default)]
    pub photos: Option<Vec<Vec<u8>>>,
}

/// A stored draft with its photos, to resume it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftWithPhotos {
    pub draft: Draft,
    pub photos: Vec<Vec<u8>>,
}

/// Arguments of `load_draft` and `delete_draft`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftIdArgs {
    pub id: String,
}

impl Draft {
    /// Whether an id is safe as a file name (no paths, no dots).
    pub fn valid_id(id: &str) -> bool {
        (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    }
}

/// Arguments of `nearby_reports`: open reports of this category near this place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NearbyArgs {
    pub service_code: String,
    pub lat: f64,
    pub lon: f64,
}

/// A report written on this device, with what the portal says about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyReport {
    pub local_id: String,
    pub created_at: i64,
    pub report: OutgoingReport,
    pub delivery: Delivery,
    /// The portal's view (status, notes, history), when it could be asked.
    pub remote: Option<ServiceRequest>,
    /// Not written here: someone else's report this person supports and follows.
    #[serde(default)]
    pub followed: bool,
    /// Not written on this device: a report of the signed-in account.
    #[serde(default)]
    pub from_account: bool,
    /// On a GeoReport server other than the portal: its news comes from the
    /// app asking now and then (the portal pushes news of its own reports).
    #[serde(default)]
    pub elsewhere: bool,
}

/// A notification in the app's inbox: from the portal (pushed or caught up),
/// or news the app found itself on another GeoReport server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// `portal:<id>` (the portal's notification id) or `local:<report>:<status>`.
    pub key: String,
    pub topic: crate::notify::Topic,
    pub severity: crate::notify::Severity,
    pub title: String,
    pub text: String,
    /// Where it leads in the app: `report:<id>` or `screen:<name>`.
    pub link: Option<String>,
    /// When it was made (Unix seconds).
    pub at: i64,
    pub read: bool,
}

/// What the person wants to hear of, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeSettings {
    /// Also as desktop notifications while the app runs.
    pub desktop: bool,
    /// Public topics subscribed to (news of one's own reports always comes).
    pub topics: Vec<crate::notify::Topic>,
    /// Stadtbezirke (1–25); none: the whole city.
    pub districts: Vec<u8>,
    /// Quiet hours, minutes after midnight (from, until): no desktop
    /// notification then; the inbox still has everything.
    pub quiet: Option<(u16, u16)>,
}

impl Default for NoticeSettings {
    fn default() -> Self {
        Self { desktop: true, topics: Vec::new(), districts: Vec::new(), quiet: None }
    }
}

impl NoticeSettings {
    /// Whether `minute` (after midnight, local time) is in the quiet hours;
    /// they may run over midnight (22:00–07:00).
    pub fn is_quiet(&self, minute: u16) -> bool {
        match self.quiet {
            Some((from, until)) if from <= until => (from..until).contains(&minute),
            Some((from, until)) => minute >= from || minute < until,
            None => false,
        }
    }
}

/// The inbox, newest first, and the settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notices {
    pub notices: Vec<Notice>,
    pub settings: NoticeSettings,
    /// Settings or marks not yet taken by the portal (it did not answer).
    pub waiting: bool,
}

/// Arguments of `mark_notice`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkNoticeArgs {
    pub key: String,
    /// Some: read or unread.
    pub read: Option<bool>,
    pub deleted: bool,
}

/// What the frontend may know of a sign-in: never a token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    /// The provider's subject id.
    pub account_id: String,
    pub name: Option<String>,
    /// The trust level the sign-in reached, as the portal read it from the
    /// token (None: the portal could not be asked when signing in).
    #[serde(default)]
    pub level: Option<crate::personal::TrustLevel>,
    /// The provider signed in with, by its name for people (None: the first one).
    #[serde(default)]
    pub provider: Option<String>,
}

/// Arguments of `login`: the trust level to ask for (None: the provider's
/// default). Asking for a level is a new sign-in, also when signed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct LoginArgs {
    #[serde(default)]
    pub level: Option<crate::personal::TrustLevel>,
    /// The provider to sign in with, by its issuer (None: the first one).
    #[serde(default)]
    pub issuer: Option<String>,
}

/// The answer of `export_my_data`: where the file was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exported {
    pub path: String,
}

/// Whether sign-in is set up, and who is signed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoginStatus {
    pub configured: bool,
    pub session: Option<SessionView>,
    /// The identity provider's address, to name it on the sign-in button.
    pub issuer: Option<String>,
    /// The same provider as the portal describes it (its name for people,
    /// the trust levels it offers); None when the portal could not be asked.
    #[serde(default)]
    pub provider: Option<crate::personal::Provider>,
    /// Providers beside the first this app may sign in with (M-Login), no levels.
    #[serde(default)]
    pub more: Vec<crate::personal::Provider>,
}

/// Arguments of `support_report`: "I am affected too" on a report nearby.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupportArgs {
    pub service_request_id: String,
}

/// Arguments of `open_in_map`: the shell builds the URL itself from the id,
/// so the frontend cannot make it open arbitrary addresses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenInMapArgs {
    pub site_id: String,
}

/// Arguments of `frontend_ready`: the first screen is painted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontendReadyArgs {
    /// False while the screen shows the device's saved copy and the
    /// portal's answer is still on its way; true once it shows that answer
    /// (or that the portal could not be reached), or needs none.
    pub settled: bool,
    /// Where the page's start went: the browser's navigation, resource and
    /// paint timings and the page's own marks, so the benchmark can say
    /// which step takes the time instead of guessing.
    #[serde(default)]
    pub timeline: Vec<TimelineMark>,
}

/// One moment of the page's start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineMark {
    /// For example `muc_frontend_bg.wasm received` or `first render`.
    pub name: String,
    /// Milliseconds since the Unix epoch (the page's time origin plus its
    /// offset), so the shell can place it on its own clock.
    pub at: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppInfo {
    pub version: String,
    pub portal_url: String,
    /// The screen to open on start ("hotspots", "finders", "report"), e.g. for
    /// a Wi-Fi kiosk or a desktop shortcut; None: the home screen.
    #[serde(default)]
    pub start_screen: Option<String>,
    /// Map tiles for picking a place, `{z}/{x}/{y}` in it; None: no map.
    #[serde(default)]
    pub tile_url: Option<String>,
    /// Kiosk mode (a shared device in a Bürger-Lab): seconds without input
    /// before the session ends; None: a personal device.
    #[serde(default)]
    pub kiosk_idle_secs: Option<u32>,
    /// Kiosk mode: what of the last session could not be removed. While set,
    /// the screen stays blocked for the next person and asks for a helper.
    #[serde(default)]
    pub kiosk_problem: Option<String>,
    /// A phone (Android, iOS): the report form offers the camera beside
    /// the gallery.
    #[serde(default)]
    pub phone: bool,
}

/// The one error type of the IPC boundary. The frontend turns `kind` into a
/// plain sentence in the person's language; `detail` is for support staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppError {
    pub kind: ErrorKind,
    #[serde(default)]
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The portal did not answer (offline, down, timeout).
    PortalUnreachable,
    /// The portal answered with an error or with data we cannot read.
    PortalError,
    /// No such item (e.g. a site id that is not in the data).
    NotFound,
    /// The system could not open the link.
    OpenFailed,
    /// Local storage failed (disk full, permissions).
    Storage,
    /// The shell's IPC could not be reached or answered nonsense.
    Ipc,
    /// A server address that is not https (http only on this machine).
    InsecureAddress,
    /// The address answers, but not as a GeoReport v2 server with JSON.
    NotOpen311,
    /// The system keyring (where sign-in tokens are kept) is not available.
    Keyring,
    /// Signing in did not complete (cancelled, timed out, refused by the provider).
    Login,
    /// Not offered on a shared device (kiosk): opening other programs, signing in.
    NotOnSharedDevice,
    /// A photo could not be read or is over the limits (detail: which, why).
    Photo,
    /// Kiosk mode: a session's data could not all be removed; the device
    /// stays blocked until a helper has looked.
    SessionNotEnded,
    /// Signed in below the trust level this needs: a new sign-in at that
    /// level (BayernID's step-up) helps.
    LevelNeeded(crate::personal::TrustLevel),
    /// The device has no position to give (switched off, permission refused).
    NoPosition,
}

impl AppError {
    pub fn new(kind: ErrorKind, detail: impl Into<String>) -> Self {
        Self { kind, detail: detail.into() }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.detail)
    }
}

impl std::error::Error for AppError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_hours_may_run_over_midnight() {
        let night = NoticeSettings { quiet: Some((22 * 60, 7 * 60)), ..NoticeSettings::default() };
        assert!(night.is_quiet(23 * 60) && night.is_quiet(0) && night.is_quiet(6 * 60 + 59));
        assert!(!night.is_quiet(7 * 60) && !night.is_quiet(12 * 60) && !night.is_quiet(21 * 60 + 59));
        let lunch = NoticeSettings { quiet: Some((12 * 60, 13 * 60)), ..NoticeSettings::default() };
        assert!(lunch.is_quiet(12 * 60 + 30) && !lunch.is_quiet(13 * 60) && !lunch.is_quiet(11 * 60));
        assert!(!NoticeSettings::default().is_quiet(0));
    }

    #[test]
    fn snapshot_round_trips_through_json() {
        let snap = HotspotSnapshot {
            sites: vec![],
            fetched_at: 1_700_000_000,
            source: DataSource::Cache { reason: AppError::new(ErrorKind::PortalUnreachable, "connection refused") },
            attribution: "x".into(),
        };
        let json = serde_json::to_string(&snap).expect("serialise");
        assert!(json.contains(r#""kind":"cache""#), "{json}");
        assert!(json.contains(r#""kind":"portal_unreachable""#), "{json}");
        let back: HotspotSnapshot = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, snap);
    }
}
