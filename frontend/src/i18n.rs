//! German first, English second. Every text is written at its call site in
//! both languages (`tr(lang, "Zurück", "Back")`), so a missing translation
//! cannot compile.

use muc_wire::ipc::{AppError, ErrorKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::De => Lang::En,
            Lang::En => Lang::De,
        }
    }
}

pub fn tr(lang: Lang, de: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::De => de,
        Lang::En => en,
    }
}

/// A plain sentence for an error, in the person's language.
pub fn error_text(lang: Lang, e: &AppError) -> &'static str {
    match e.kind {
        ErrorKind::PortalUnreachable => tr(
            lang,
            "Der Server der Stadt ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es später noch einmal.",
            "The city's server cannot be reached right now. Please check your internet connection and try again later.",
        ),
        ErrorKind::PortalError => tr(
            lang,
            "Der Server der Stadt hat mit einem Fehler geantwortet. Bitte versuchen Sie es später noch einmal.",
            "The city's server answered with an error. Please try again later.",
        ),
        ErrorKind::NotFound => tr(
            lang,
            "Dieser Eintrag wurde nicht gefunden. Bitte laden Sie die Liste neu.",
            "This entry was not found. Please reload the list.",
        ),
        ErrorKind::OpenFailed => tr(
            lang,
            "Die Karte konnte nicht geöffnet werden. Ist ein Webbrowser installiert?",
            "The map could not be opened. Is a web browser installed?",
        ),
        ErrorKind::Storage => tr(
            lang,
            "Daten konnten auf diesem Gerät nicht gespeichert werden.",
            "Data could not be saved on this device.",
        ),
        ErrorKind::Ipc => tr(
            lang,
            "Die App konnte diese Aktion nicht ausführen. Bitte starten Sie die App neu.",
            "The app could not do this. Please restart the app.",
        ),
        ErrorKind::InsecureAddress => tr(
            lang,
            "Die Adresse muss mit https:// beginnen, damit Meldungen verschlüsselt übertragen werden.",
            "The address must start with https:// so that reports are sent encrypted.",
        ),
        ErrorKind::Keyring => tr(
            lang,
            "Der Schlüsselbund des Systems ist nicht verfügbar. Ohne ihn kann sich die App nicht sicher anmelden.",
            "The system keyring is not available. Without it the app cannot sign in securely.",
        ),
        ErrorKind::Login => tr(
            lang,
            "Die Anmeldung wurde nicht abgeschlossen. Bitte versuchen Sie es erneut.",
            "Signing in was not completed. Please try again.",
        ),
        ErrorKind::NotOnSharedDevice => tr(
            lang,
            "Auf diesem öffentlichen Gerät ist das nicht möglich. Nutzen Sie dafür Ihr eigenes Gerät.",
            "This is not possible on this public device. Please use your own device for it.",
        ),
        ErrorKind::NotOpen311 => tr(
            lang,
            "Unter dieser Adresse antwortet kein Meldedienst nach GeoReport v2 (JSON). Bitte prüfen Sie die Discovery-Adresse.",
            "No GeoReport v2 (JSON) reporting service answers at this address. Please check the discovery address.",
        ),
        ErrorKind::Photo => tr(
            lang,
            "Ein Foto konnte nicht verarbeitet werden. Bitte entfernen Sie es oder wählen Sie ein anderes.",
            "A photo could not be processed. Please remove it or choose another one.",
        ),
        // The personal area says which level in words (`pages::my_data`).
        ErrorKind::LevelNeeded(_) => tr(
            lang,
            "Dafür ist eine Anmeldung mit einer höheren Stufe nötig (zum Beispiel mit dem ELSTER-Zertifikat oder dem Online-Ausweis).",
            "This needs a sign-in at a higher level (for example with the ELSTER certificate or the eID card).",
        ),
        ErrorKind::SessionNotEnded => tr(
            lang,
            "Die Daten der letzten Sitzung konnten nicht vollständig gelöscht werden. Das Gerät bleibt gesperrt. Bitte sagen Sie dem Team des Bürger-Labs Bescheid.",
            "The data of the last session could not all be deleted. The device stays locked. Please tell the Bürger-Lab team.",
        ),
    }
}

/// A day from an RFC 3339 time, written the language's way by the
/// browser's `Intl` ("4.12.2026" / "12/4/2026").
pub fn date(lang: Lang, rfc3339: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    d.to_locale_date_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED).into()
}

/// "vor 5 Minuten" / "5 minutes ago".
pub fn age(lang: Lang, seconds: i64) -> String {
    let s = seconds.max(0);
    let (n, de1, den, en1, enn) = if s < 60 {
        return tr(lang, "gerade eben", "just now").into();
    } else if s < 3600 {
        (s / 60, "Minute", "Minuten", "minute", "minutes")
    } else if s < 86_400 {
        (s / 3600, "Stunde", "Stunden", "hour", "hours")
    } else {
        (s / 86_400, "Tag", "Tagen", "day", "days")
    };
    match lang {
        Lang::De => format!("vor {n} {}", if n == 1 { de1 } else { den }),
        Lang::En => format!("{n} {} ago", if n == 1 { en1 } else { enn }),
    }
}

pub fn access_points(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::De, 1) => "1 Zugangspunkt".into(),
        (Lang::De, n) => format!("{n} Zugangspunkte"),
        (Lang::En, 1) => "1 access point".into(),
        (Lang::En, n) => format!("{n} access points"),
    }
}

pub fn distance(lang: Lang, metres: f64) -> String {
    muc_wire::geo::format_distance(metres, lang == Lang::De)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn ages_read_naturally() {
        assert_eq!(age(Lang::De, 5), "gerade eben");
        assert_eq!(age(Lang::De, 60), "vor 1 Minute");
        assert_eq!(age(Lang::De, 7200), "vor 2 Stunden");
        assert_eq!(age(Lang::En, 86_400 * 3), "3 days ago");
        assert_eq!(age(Lang::En, -10), "just now");
    }
}
