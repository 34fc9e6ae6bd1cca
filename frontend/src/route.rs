//! The app's screens. Navigation is state, not URLs: the app has no address
//! bar, and a kiosk must not be navigable to arbitrary pages.

use crate::i18n::{tr, Lang};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Home,
    Hotspots,
    HotspotDetail(String),
    Finders,
    Report,
    MyReports,
    Personal,
    Area(Area),
}

/// The areas of the app that come with later issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Personal,
    Notifications,
}

impl Area {
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Area::Personal => tr(lang, "Persönlicher Bereich", "Personal area"),
            Area::Notifications => tr(lang, "Benachrichtigungen", "Notifications"),
        }
    }

    /// What the area will offer, said plainly.
    pub fn promise(self, lang: Lang) -> &'static str {
        match self {
            Area::Personal => tr(
                lang,
                "Hier melden Sie sich mit M-Login oder BayernID an und finden Ihre Favoriten, Ihr Profil und Ihre Meldungen.",
                "Here you will log in with M-Login or BayernID and find your favourites, your profile and your reports.",
            ),
            Area::Notifications => tr(
                lang,
                "Hier erhalten Sie Hinweise der Stadt, zum Beispiel wenn sich der Stand Ihrer Meldung ändert.",
                "Here you will get notices from the city, for example when the status of your report changes.",
            ),
        }
    }
}
