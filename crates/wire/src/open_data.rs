//! The dated copy of the portal's open data that ships inside the app's
//! package (`open-data.json`): what a citizen sees on the first start and
//! whenever the portal cannot be reached before the app has kept a copy of
//! its own. Written by `muc-portal open-data`, read by the shell.

use serde::{Deserialize, Serialize};

use crate::finders::Finder;
use crate::hotspots::Site;
use crate::ipc::ReportCategory;

/// The file name in the package's data folder.
pub const FILE_NAME: &str = "open-data.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenData {
    /// When the copy was taken (Unix seconds): shown as its date.
    pub made_at: i64,
    /// M-WLAN sites (dl-de/by-2-0, see `hotspots::ATTRIBUTION`).
    pub sites: Vec<Site>,
    /// The capacity-finder catalogue and the portal's ETag for it.
    pub finders: Vec<Finder>,
    pub finders_etag: String,
    /// The report categories of the portal's own GeoReport endpoint.
    pub categories: Vec<ReportCategory>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_copy_round_trips() {
        let d =
            OpenData { made_at: 1, sites: vec![], finders: vec![], finders_etag: "\"x\"".into(), categories: vec![] };
        let back: OpenData = serde_json::from_str(&serde_json::to_string(&d).expect("json")).expect("parse");
        assert_eq!(back, d);
    }
}
