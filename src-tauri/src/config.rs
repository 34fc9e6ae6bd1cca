//! Where the app finds its portal and keeps its files.

use std::path::PathBuf;

/// The portal the app talks to unless `MUC_PORTAL_URL` says otherwise: set
/// when the app is built (`MUC_BUILD_PORTAL_URL`; `./x deb` requires it, so a
/// citizen's package points at the city's portal), else the local portal
/// that `./x run` starts.
pub const DEFAULT_PORTAL_URL: &str = match option_env!("MUC_BUILD_PORTAL_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8080",
};
/// OpenStreetMap's standard tiles (© OpenStreetMap contributors, ODbL). The
/// webview may only load tiles from hosts in the CSP's img-src (tauri.conf.json).
pub const DEFAULT_TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

#[derive(Debug, Clone)]
pub struct Config {
    pub portal_url: String,
    pub data_dir: PathBuf,
    /// The Open311 api_key this app sends with reports (MUC_OPEN311_API_KEY).
    pub open311_api_key: String,
    /// MUC_START_SCREEN: hotspots, finders or report.
    pub start_screen: Option<String>,
    /// MUC_TILE_URL: map tiles for picking a place ("off": no map).
    pub tile_url: Option<String>,
    /// MUC_OIDC_ISSUER (+ MUC_OIDC_CLIENT_ID): the identity provider; none: no sign-in.
    pub login: Option<crate::login::LoginConfig>,
    /// MUC_OIDC_MORE: providers beside the first (name for people, config).
    pub more_logins: Vec<(String, crate::login::LoginConfig)>,
    /// MUC_NOTICE_INTERVAL: seconds between status checks for notices (300).
    pub notice_interval: u64,
    /// MUC_KIOSK=1: a shared device; MUC_KIOSK_IDLE seconds without input end a session (180).
    pub kiosk_idle_secs: Option<u32>,
}

impl Config {
    /// `MUC_PORTAL_URL` (default: the local portal) and `MUC_DATA_DIR`
    /// (default: the platform's app data folder).
    pub fn from_env(platform_data_dir: Option<PathBuf>) -> Result<Config, String> {
        let portal_url = std::env::var("MUC_PORTAL_URL").unwrap_or_else(|_| DEFAULT_PORTAL_URL.into());
        if !muc_wire::open311::acceptable_url(&portal_url) {
            return Err(format!("the portal must be https (http only on this machine), got {portal_url:?}"));
        }
        let data_dir = std::env::var_os("MUC_DATA_DIR")
            .map(PathBuf::from)
            .or(platform_data_dir)
            .ok_or("no folder for app data: set MUC_DATA_DIR")?;
        let open311_api_key = std::env::var("MUC_OPEN311_API_KEY").unwrap_or_else(|_| "muenchen-app".into());
        let start_screen =
            std::env::var("MUC_START_SCREEN").ok().filter(|s| matches!(s.as_str(), "hotspots" | "finders" | "report"));
        let tile_url = match std::env::var("MUC_TILE_URL").as_deref() {
            Ok("off") => None,
            Ok(u) => Some(u.to_string()),
            Err(_) => Some(DEFAULT_TILE_URL.to_string()),
        };
        if let Some(u) = &tile_url {
            let placeholders = ["{z}", "{x}", "{y}"].iter().all(|p| u.contains(p));
            if !placeholders || !muc_wire::open311::acceptable_url(u) {
                return Err(format!(
                    "MUC_TILE_URL must be https (http only on this machine) with {{z}}, {{x}} and {{y}}, got {u:?}"
                ));
            }
        }
        let login = match std::env::var("MUC_OIDC_ISSUER").ok().filter(|s| !s.trim().is_empty()) {
            None => None,
            Some(issuer) if muc_wire::open311::acceptable_url(&issuer) => Some(crate::login::LoginConfig {
                issuer,
                client_id: std::env::var("MUC_OIDC_CLIENT_ID").unwrap_or_else(|_| "muenchen-app".into()),
            }),
            Some(issuer) => {
                return Err(format!("MUC_OIDC_ISSUER must be https (http only on this machine), got {issuer:?}"))
            }
        };
        // Providers beside the first (M-Login beside BayernID): NAME=ISSUER, comma-separated.
        let mut more_logins = Vec::new();
        for entry in
            std::env::var("MUC_OIDC_MORE").unwrap_or_default().split(',').map(str::trim).filter(|e| !e.is_empty())
        {
            let (name, issuer) = entry
                .split_once('=')
                .map(|(n, i)| (n.trim().to_string(), i.trim().to_string()))
                .filter(|(n, i)| !n.is_empty() && muc_wire::open311::acceptable_url(i))
                .ok_or_else(|| format!("MUC_OIDC_MORE: {entry:?} is not NAME=ISSUER with an https issuer"))?;
            let client_id = login.as_ref().map(|l: &crate::login::LoginConfig| l.client_id.clone());
            let client_id = client_id.ok_or("MUC_OIDC_MORE needs MUC_OIDC_ISSUER (the first provider)")?;
            more_logins.push((name, crate::login::LoginConfig { issuer, client_id }));
        }
        let notice_interval = std::env::var("MUC_NOTICE_INTERVAL")
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
            .filter(|s| *s >= 1)
            .unwrap_or(300);
        let kiosk_idle_secs = matches!(std::env::var("MUC_KIOSK").as_deref(), Ok("1" | "true" | "yes")).then(|| {
            std::env::var("MUC_KIOSK_IDLE").ok().and_then(|s| s.parse::<u32>().ok()).filter(|s| *s >= 3).unwrap_or(180)
        });
        Ok(Config {
            portal_url,
            data_dir,
            open311_api_key,
            start_screen,
            tile_url,
            login,
            more_logins,
            notice_interval,
            kiosk_idle_secs,
        })
    }
}

/// The name under which the running app is found by a second launch (the
/// single-instance plugin's D-Bus name on Linux): one per data folder, so two
/// launches on one folder become one app, while tests and people with their
/// own `MUC_DATA_DIR` each get their own.
pub fn instance_id(data_dir: Option<&std::ffi::OsStr>) -> String {
    const APP: &str = "de.muenchen.buergerapp";
    let Some(dir) = data_dir else { return APP.to_string() };
    let path = std::path::Path::new(dir);
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    // Not a secret, only a short stable name (D-Bus allows [A-Za-z0-9_]).
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    path.hash(&mut h);
    format!("{APP}.d{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_instance_name_per_data_folder() {
        let a = super::instance_id(Some(std::ffi::OsStr::new("/tmp/a")));
        assert_eq!(a, super::instance_id(Some(std::ffi::OsStr::new("/tmp/a"))));
        assert_ne!(a, super::instance_id(Some(std::ffi::OsStr::new("/tmp/b"))));
        assert_eq!(super::instance_id(None), "de.muenchen.buergerapp");
        assert!(a.split('.').all(|part| !part.is_empty()
            && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !part.starts_with(|c: char| c.is_ascii_digit())));
    }
}
