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

impl Screen {
    /// The screens that have a name of their own (start screen, favourites).
    const NAMED: [(&'static str, Screen); 6] = [
        ("hotspots", Screen::Hotspots),
        ("finders", Screen::Finders),
        ("report", Screen::Report),
        ("my-reports", Screen::MyReports),
        ("notices", Screen::Notices),
        ("personal", Screen::Personal),
    ];

    pub fn from_code(code: &str) -> Option<Screen> {
        Self::NAMED.iter().find(|(c, _)| *c == code).map(|(_, s)| s.clone())
    }

    /// Its name, for the named screens (the start module hands over with it).
    pub fn code(&self) -> Option<&'static str> {
        Self::NAMED.iter().find(|(_, s)| s == self).map(|(c, _)| *c)
    }

    /// Its name, for screens a person can pin as a favourite (every named
    /// screen but the personal area, where the favourites are listed).
    pub fn pin_code(&self) -> Option<&'static str> {
        Self::NAMED.iter().find(|(c, s)| s == self && *c != "personal").map(|(c, _)| *c)
    }

    /// Where a notification's link leads: `report:<id>` to "Meine
    /// Meldungen" (where the report is), `screen:<name>` to that screen.
    pub fn from_link(link: &str) -> Option<Screen> {
        match link.split_once(':')? {
            ("report", id) if !id.is_empty() => Some(Screen::MyReports),
            ("screen", code) => Screen::from_code(code),
            _ => None,
        }
    }

    /// The icon of its area (see `crate::icon`).
    pub fn icon(&self) -> &'static str {
        match self {
            Screen::Home => "home",
            Screen::Hotspots | Screen::HotspotDetail(_) => "wifi",
            Screen::Finders => "finders",
            Screen::Report | Screen::MyReports => "report",
            Screen::Personal => "personal",
            Screen::Notices => "notices",
        }
    }

    /// The five areas, in the order home lists them.
    pub const AREAS: [Screen; 5] =
        [Screen::Hotspots, Screen::Report, Screen::Finders, Screen::Notices, Screen::Personal];

    /// The area a screen belongs to (a site's detail is in the Wi-Fi area).
    pub fn area(&self) -> Option<Screen> {
        match self {
            Screen::Home => None,
            Screen::HotspotDetail(_) => Some(Screen::Hotspots),
            Screen::MyReports => Some(Screen::Report),
            other => Some(other.clone()),
        }
    }

    /// Its heading, for lists that name screens.
    /// The area's name on the phone's bottom bar (a fifth of 320 px).
    pub fn short_title(&self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::t;
        match self.area() {
            Some(Screen::Hotspots) => t(lang, "area-short-hotspots"),
            Some(Screen::Report) => t(lang, "area-short-report"),
            Some(Screen::Finders) => t(lang, "area-short-finders"),
            Some(Screen::Notices) => t(lang, "area-short-notices"),
            Some(Screen::Personal) => t(lang, "area-short-personal"),
            _ => self.title(lang),
        }
    }

    pub fn title(&self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::t;
        match self {
            Screen::Home => t(lang, "start-page"),
            Screen::Hotspots | Screen::HotspotDetail(_) => t(lang, "free-wi-fi-m-wlan"),
            Screen::Finders => t(lang, "capacity-finders"),
            Screen::Report => t(lang, "report-an-issue"),
            Screen::MyReports => t(lang, "my-reports"),
            Screen::Personal => t(lang, "personal-area"),
            Screen::Notices => t(lang, "notifications"),
        }
    }
}
