//! The app's screens. Navigation is state, not URLs: the app has no address
//! bar, and a kiosk must not be navigable to arbitrary pages.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Home,
    Hotspots,
    HotspotDetail(String),
    Finders,
    Report,
    MyReports,
    Personal,
    Notices,
}
