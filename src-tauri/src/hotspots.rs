//! Loading hotspots for the app: live from the portal when it answers, from
//! the on-disk cache when it does not, from the package's dated copy on a first
//! start without the portal, and a clear error when none of these works.

use muc_portal_client::PortalClient;
use muc_wire::hotspots::{Site, ATTRIBUTION};
use muc_wire::ipc::{AppError, DataSource, HotspotSnapshot};

use crate::cache::{CachedHotspots, HotspotCache};
use crate::open_data::Packaged;

pub async fn load(
    client: &PortalClient,
    cache: &HotspotCache,
    packaged: &Packaged,
    now: i64,
) -> Result<HotspotSnapshot, AppError> {
    match client.all_hotspots().await {
        Ok(sites) => {
            let stored = CachedHotspots::new(now, client.base(), sites);
            if let Err(e) = cache.store(&stored) {
                // Showing fresh data matters more than keeping a copy of it.
                tracing::warn!(error = %e, "could not store hotspot cache");
            }
            Ok(snapshot(stored.sites, now, DataSource::Live))
        }
        Err(e) => {
            let reason = crate::errors::from_client(&e);
            tracing::warn!(error = %e, "portal not available; trying the cache");
            match cache.load().or_else(|| packaged.hotspots(cache, client.base())) {
                Some(c) => Ok(snapshot(c.sites, c.fetched_at, DataSource::Cache { reason })),
                None => Err(reason),
            }
        }
    }
}

/// The copy saved on this device (on a first start, the package's), shown
/// at once while the portal is asked; None when there is neither.
pub fn saved(cache: &HotspotCache, packaged: &Packaged, portal_url: &str) -> Option<HotspotSnapshot> {
    let copy = cache.load().or_else(|| packaged.hotspots(cache, portal_url))?;
    Some(snapshot(copy.sites, copy.fetched_at, DataSource::Saved))
}

fn snapshot(sites: Vec<Site>, fetched_at: i64, source: DataSource) -> HotspotSnapshot {
    HotspotSnapshot { sites, fetched_at, source, attribution: ATTRIBUTION.into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use muc_wire::ipc::ErrorKind;

    #[tokio::test]
    async fn live_then_cached_when_the_portal_goes_away() {
        let db = tempfile::tempdir().expect("tempdir");
        let (base, stop, task) = crate::test_portal(db.path()).await;
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = HotspotCache::in_dir(dir.path());
        let client = PortalClient::new(&base).expect("client");

        assert_eq!(saved(&cache, &Packaged::none(), &base), None, "nothing saved before the first load");
        let live = load(&client, &cache, &Packaged::none(), 1000).await.expect("live");
        assert_eq!(live.source, DataSource::Live);
        // What the next start shows at once, while it asks the portal.
        let next_start = saved(&cache, &Packaged::none(), &base).expect("saved");
        assert_eq!((next_start.source, next_start.fetched_at), (DataSource::Saved, 1000));
        assert_eq!(next_start.sites, live.sites);
        assert_eq!(live.sites.len(), 138);
        assert!(live.attribution.contains("dl-de/by-2-0"));

        stop.send(()).expect("stop");
        task.await.expect("stopped");

        let cached = load(&client, &cache, &Packaged::none(), 5000).await.expect("cached");
        assert_eq!(cached.sites, live.sites);
        assert_eq!(cached.fetched_at, 1000, "the age is that of the copy");
        match cached.source {
            DataSource::Cache { reason } => assert_eq!(reason.kind, ErrorKind::PortalUnreachable),
            other => panic!("expected cache, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn no_portal_and_no_cache_is_a_clear_error() {
        // A port nobody listens on: bind, note the port, close.
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
        let client = PortalClient::new(&format!("http://127.0.0.1:{port}")).expect("client");
        let dir = tempfile::tempdir().expect("tempdir");
        let err = load(&client, &HotspotCache::in_dir(dir.path()), &Packaged::none(), 0).await.expect_err("no data");
        assert_eq!(err.kind, ErrorKind::PortalUnreachable);
    }

    #[tokio::test]
    async fn a_portal_that_dies_mid_answer_falls_back_to_the_cache() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        // A server that promises 10 kB of JSON, sends 20 bytes and hangs up.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            while let Ok((mut s, _)) = listener.accept().await {
                let mut buf = [0u8; 2048];
                let _ = s.read(&mut buf).await;
                let _ = s
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/geo+json\r\ncontent-length: 10000\r\n\r\n{\"type\":\"FeatureColl")
                    .await;
            }
        });
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = HotspotCache::in_dir(dir.path());
        let kept = CachedHotspots::new(42, "x", vec![]);
        cache.store(&kept).expect("store");
        let client = PortalClient::new(&format!("http://{addr}")).expect("client");
        let snap = load(&client, &cache, &Packaged::none(), 100).await.expect("falls back");
        assert_eq!(snap.fetched_at, 42);
        assert!(
            matches!(&snap.source, DataSource::Cache { reason } if reason.kind == ErrorKind::PortalUnreachable),
            "{:?}",
            snap.source
        );
        assert_eq!(cache.load(), Some(kept), "the good copy was not overwritten");
    }
}
