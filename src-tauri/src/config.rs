//! Where the app finds its portal and keeps its files.

use std::path::PathBuf;

pub const DEFAULT_PORTAL_URL: &str = "http://127.0.0.1:8080";

#[derive(Debug, Clone)]
pub struct Config {
    pub portal_url: String,
    pub data_dir: PathBuf,
    /// The Open311 api_key this app sends with reports (MUC_OPEN311_API_KEY).
    pub open311_api_key: String,
    /// MUC_START_SCREEN: hotspots, finders or report.
    pub start_screen: Option<String>,
}

impl Config {
    /// `MUC_PORTAL_URL` (default: the local portal) and `MUC_DATA_DIR`
    /// (default: the platform's app data folder).
    pub fn from_env(platform_data_dir: Option<PathBuf>) -> Result<Config, String> {
        let portal_url = std::env::var("MUC_PORTAL_URL").unwrap_or_else(|_| DEFAULT_PORTAL_URL.into());
        if !(portal_url.starts_with("http://") || portal_url.starts_with("https://")) {
            return Err(format!("MUC_PORTAL_URL must be an http(s) URL, got {portal_url:?}"));
        }
        let data_dir = std::env::var_os("MUC_DATA_DIR")
            .map(PathBuf::from)
            .or(platform_data_dir)
            .ok_or("no folder for app data: set MUC_DATA_DIR")?;
        let open311_api_key = std::env::var("MUC_OPEN311_API_KEY").unwrap_or_else(|_| "muenchen-app".into());
        let start_screen =
            std::env::var("MUC_START_SCREEN").ok().filter(|s| matches!(s.as_str(), "hotspots" | "finders" | "report"));
        Ok(Config { portal_url, data_dir, open311_api_key, start_screen })
    }
}
