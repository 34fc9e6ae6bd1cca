//! The person's language: the one chosen in the app (kept on disk, except on
//! a shared device, where each visitor starts in German), else the system's
//! if the app speaks it, else German. The texts are the Fluent files of
//! `muc_messages`, read with the Fluent project's parser.

use std::path::Path;
use std::sync::RwLock;

use muc_messages::Catalogue;
use muc_wire::ipc::{AppError, ErrorKind};

use crate::cache::JsonFile;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Chosen {
    lang: String,
}

pub struct Languages {
    /// None on a shared device: nothing of a visitor's is kept.
    file: Option<JsonFile<Chosen>>,
    current: RwLock<String>,
}

impl Languages {
    pub fn load(data_dir: &Path, shared_device: bool) -> Self {
        let file = (!shared_device).then(|| JsonFile::new(data_dir.join("language.json"), 1));
        let chosen = file.as_ref().and_then(|f| f.load()).map(|c: Chosen| c.lang);
        let current = chosen
            .filter(|l| muc_messages::language(l).is_some())
            .or_else(|| if shared_device { None } else { from_system(sys_locale::get_locales()) })
            .unwrap_or_else(|| "de".to_string());
        Self { file, current: RwLock::new(current) }
    }

    /// The language in use (its code).
    pub fn current(&self) -> String {
        self.current.read().map(|c| c.clone()).unwrap_or_else(|_| "de".into())
    }

    /// The texts of the language in use.
    pub fn catalogue(&self) -> Catalogue {
        muc_messages::catalogue(&self.current()).or_else(|| muc_messages::catalogue("de")).unwrap_or_default()
    }

    /// Switches to `code` (remembered where the device is the person's own)
    /// and hands back its texts.
    pub fn choose(&self, code: &str) -> Result<Catalogue, AppError> {
        let catalogue = muc_messages::catalogue(code)
            .ok_or_else(|| AppError::new(ErrorKind::Ipc, format!("the app does not speak {code:?}")))?;
        if let Some(file) = &self.file {
            file.store(&Chosen { lang: code.to_string() })
                .map_err(|e| AppError::new(ErrorKind::Storage, e.to_string()))?;
        }
        if let Ok(mut current) = self.current.write() {
            *current = code.to_string();
        }
        Ok(catalogue)
    }
}

impl Languages {
    /// Back to German for the next visitor of a shared device (where the
    /// choice was never written down).
    pub fn forget(&self) {
        if let Ok(mut current) = self.current.write() {
            *current = "de".to_string();
        }
    }
}

/// The first of the system's languages (most preferred first: `de-DE`,
/// `en_US.UTF-8`, `tr`…) the app speaks.
fn from_system(locales: impl Iterator<Item = String>) -> Option<String> {
    locales.into_iter().find_map(|l| {
        let primary = l.split(['-', '_', '.']).next()?.to_ascii_lowercase();
        muc_messages::language(&primary).map(|lang| lang.code.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_language_is_followed_when_the_app_speaks_it() {
        let of = |l: &[&str]| from_system(l.iter().map(|s| s.to_string()));
        assert_eq!(of(&["tr-TR", "de-DE"]).as_deref(), Some("tr"));
        assert_eq!(of(&["en_GB.UTF-8"]).as_deref(), Some("en"));
        assert_eq!(of(&["fr-FR", "uk-UA"]).as_deref(), Some("uk"));
        assert_eq!(of(&["fr-FR", "C"]), None);
    }

    #[test]
    fn a_choice_is_kept_on_an_own_device_and_not_on_a_shared_one() {
        let dir = tempfile::tempdir().expect("tmp");
        let own = Languages::load(dir.path(), false);
        assert_eq!(own.choose("en").expect("en").lang, "en");
        assert_eq!(Languages::load(dir.path(), false).catalogue().lang, "en");
        assert!(own.choose("xx").is_err(), "a language the app does not speak");

        let shared_dir = tempfile::tempdir().expect("tmp");
        let shared = Languages::load(shared_dir.path(), true);
        assert_eq!(shared.choose("en").expect("en").lang, "en");
        assert_eq!(shared.catalogue().lang, "en", "in this session");
        assert!(!shared_dir.path().join("language.json").exists(), "nothing kept");
        assert_eq!(
            Languages::load(shared_dir.path(), true).catalogue().lang,
            "de",
            "the next visitor starts in German"
        );
        // Between two visitors of the same running app: the session's end forgets it.
        shared.forget();
        assert_eq!(shared.catalogue().lang, "de");
    }
}
