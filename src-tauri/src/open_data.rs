//! The open data the app's package carries (`muc_wire::open_data`): a dated
//! copy of the hotspot sites, the finder catalogue and the report categories,
//! taken when the package was built. The app has no copy of its own on its
//! first start; when the portal cannot be reached then, the packaged copy
//! goes into the app's offline copies (so everything that reads them, such as
//! opening a finder, works) and is shown with its date. The portal's first
//! answer replaces it, as it replaces any offline copy.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use muc_wire::open_data::{OpenData, FILE_NAME};

use crate::cache::{CachedFinders, CachedHotspots, FinderCache, HotspotCache};
use crate::reports::{CachedCategories, CategoryCache};

pub struct Packaged {
    path: Option<PathBuf>,
    data: OnceLock<Option<OpenData>>,
}

impl Packaged {
    /// Where a package puts it for a binary in `<prefix>/bin/<name>`:
    /// `<prefix>/share/<name>/open-data.json` (the .deb: /usr/share/muenchen-app;
    /// the same relative place when the package is unpacked elsewhere).
    pub fn beside(exe: &Path) -> Self {
        let path = exe
            .file_name()
            .zip(exe.parent().and_then(Path::parent))
            .map(|(name, prefix)| prefix.join("share").join(name).join(FILE_NAME));
        Self { path, data: OnceLock::new() }
    }

    /// A package's copy at `path` (tests).
    pub fn at(path: PathBuf) -> Self {
        Self { path: Some(path), data: OnceLock::new() }
    }

    /// No packaged copy (a development build run from the source tree).
    pub fn none() -> Self {
        Self { path: None, data: OnceLock::new() }
    }

    /// The copy, read once; None if the package has none or it is unreadable.
    fn get(&self) -> Option<&OpenData> {
        self.data
            .get_or_init(|| {
                let path = self.path.as_ref()?;
                let bytes = match std::fs::read(path) {
                    Ok(b) => b,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
                    Err(e) => {
                        tracing::warn!(path = %path.display(), error = %e, "packaged open data unreadable");
                        return None;
                    }
                };
                serde_json::from_slice(&bytes)
                    .inspect_err(|e| tracing::warn!(path = %path.display(), error = %e, "packaged open data invalid"))
                    .ok()
            })
            .as_ref()
    }

    fn keep<T: serde::Serialize + serde::de::DeserializeOwned>(file: &crate::cache::JsonFile<T>, data: T) -> T {
        if let Err(e) = file.store(&data) {
            tracing::warn!(error = %e, "could not keep the packaged open data");
        }
        data
    }

    /// The packaged sites as the app's offline copy (stored as such).
    pub fn hotspots(&self, cache: &HotspotCache, portal_url: &str) -> Option<CachedHotspots> {
        let d = self.get()?;
        tracing::info!(made_at = d.made_at, "hotspots from the package's copy");
        Some(Self::keep(cache, CachedHotspots::new(d.made_at, portal_url, d.sites.clone())))
    }

    /// The packaged finder catalogue as the app's offline copy.
    pub fn finders(&self, cache: &FinderCache) -> Option<CachedFinders> {
        let d = self.get()?;
        tracing::info!(made_at = d.made_at, "finder catalogue from the package's copy");
        let copy = CachedFinders { fetched_at: d.made_at, etag: d.finders_etag.clone(), finders: d.finders.clone() };
        Some(Self::keep(cache, copy))
    }

    /// The packaged report categories, which are those of the portal's own
    /// endpoint (`endpoint_url`): the caller asks only for that one.
    pub fn categories(&self, cache: &CategoryCache, endpoint_url: &str) -> Option<CachedCategories> {
        let d = self.get()?;
        tracing::info!(made_at = d.made_at, "report categories from the package's copy");
        let copy = CachedCategories {
            fetched_at: d.made_at,
            endpoint_url: endpoint_url.into(),
            categories: d.categories.clone(),
        };
        Some(Self::keep(cache, copy))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Endpoints;
    use muc_portal_client::PortalClient;
    use muc_wire::ipc::{DataSource, ErrorKind};

    /// The package's copy, taken from the real portal as `muc-portal open-data` does.
    async fn packaged_copy(dir: &Path) -> PathBuf {
        let (base, stop, task) = crate::test_portal(dir).await;
        let copy =
            PortalClient::new(&base).expect("client").open_data("muenchen-app", 1_700_000_000).await.expect("copy");
        stop.send(()).expect("stop");
        task.await.expect("stopped");
        let path = dir.join("share/muenchen-app").join(FILE_NAME);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, serde_json::to_vec(&copy).expect("json")).expect("write");
        path
    }

    #[tokio::test]
    async fn a_first_start_without_the_portal_shows_the_packaged_copy_with_its_date() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let packaged = Packaged::at(packaged_copy(tmp.path()).await);
        // Nobody listens here: the portal cannot be reached.
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
        let client = PortalClient::new(&format!("http://127.0.0.1:{port}")).expect("client");
        let data = tmp.path().join("app-data");

        let cache = HotspotCache::in_dir(&data);
        let sites = crate::hotspots::load(&client, &cache, &packaged, 1_800_000_000).await.expect("sites");
        assert_eq!(sites.sites.len(), 138);
        assert_eq!(sites.fetched_at, 1_700_000_000, "shown with the copy's date");
        assert!(matches!(&sites.source, DataSource::Cache { reason } if reason.kind == ErrorKind::PortalUnreachable));

        let finders = FinderCache::in_dir(&data);
        let favs = crate::favourites::Favourites::in_dir(&data);
        let list = crate::finders::load(&client, &finders, &packaged, &favs, 1_800_000_000).await.expect("finders");
        assert_eq!(list.finders.len(), 10);
        assert_eq!(list.fetched_at, 1_700_000_000);
        // Kept as the offline copy: a finder opens from it.
        let first = &list.finders[0];
        assert!(crate::finders::target(&finders, &first.id, muc_wire::ipc::OpenVia::Web).is_ok());

        let endpoints = Endpoints::load(&client, &data, "muenchen-app");
        let cats = crate::reports::category_cache(&data);
        let catalogue =
            crate::reports::categories(&endpoints, &cats, &packaged, 1_800_000_000).await.expect("categories");
        assert_eq!(catalogue.categories.len(), 8);
        assert_eq!(catalogue.fetched_at, 1_700_000_000);
    }

    #[tokio::test]
    async fn the_portals_first_answer_replaces_the_packaged_copy() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let packaged = Packaged::at(packaged_copy(tmp.path()).await);
        let data = tmp.path().join("app-data");
        let cache = HotspotCache::in_dir(&data);
        let dead = PortalClient::new("http://127.0.0.1:9").expect("client");
        crate::hotspots::load(&dead, &cache, &packaged, 1_800_000_000).await.expect("packaged");

        let portal_dir = tempfile::tempdir().expect("tempdir");
        let (base, _stop, _task) = crate::test_portal(portal_dir.path()).await;
        let live = PortalClient::new(&base).expect("client");
        let fresh = crate::hotspots::load(&live, &cache, &packaged, 1_800_000_100).await.expect("live");
        assert_eq!(fresh.source, DataSource::Live);
        assert_eq!(cache.load().expect("copy").fetched_at, 1_800_000_100, "the offline copy is the portal's now");
    }

    #[test]
    fn found_where_a_package_puts_it_and_missing_or_broken_is_none() {
        let p = Packaged::beside(Path::new("/opt/x/usr/bin/muenchen-app"));
        assert_eq!(p.path.as_deref(), Some(Path::new("/opt/x/usr/share/muenchen-app/open-data.json")));
        assert!(p.get().is_none(), "no such file: no copy, no panic");
        let tmp = tempfile::tempdir().expect("tempdir");
        let broken = tmp.path().join(FILE_NAME);
        std::fs::write(&broken, b"{\"made_at\": 1, \"sites\": [").expect("write");
        assert!(Packaged::at(broken).get().is_none());
    }
}
