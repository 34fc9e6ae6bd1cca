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

    /// Its heading, for lists that name screens.
    pub fn title(&self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::tr;
        match self {
            Screen::Home => tr(lang, "Startseite", "Start page"),
            Screen::Hotspots | Screen::HotspotDetail(_) => tr(lang, "Freies WLAN (M-WLAN)", "Free Wi-Fi (M-WLAN)"),
            Screen::Finders => tr(lang, "Kapazitätsfinder", "Capacity finders"),
            Screen::Report => tr(lang, "Anliegen melden", "Report an issue"),
            Screen::MyReports => tr(lang, "Meine Meldungen", "My reports"),
            Screen::Personal => tr(lang, "Persönlicher Bereich", "Personal area"),
            Screen::Notices => tr(lang, "Benachrichtigungen", "Notifications"),
        }
    }
}
