//! The capacity-finder catalogue for the app: asks the portal whether the
//! stored copy is current (ETag), falls back to it offline, with the
//! person's finder favourites (`favourites.rs`).

use muc_portal_client::{Catalogue, PortalClient};
use muc_wire::finders::Finder;
use muc_wire::ipc::{AppError, DataSource, ErrorKind, FinderSnapshot, OpenVia};

use crate::cache::{CachedFinders, FinderCache};
use crate::errors::from_client;
use crate::favourites::Favourites;
use crate::open_data::Packaged;

pub async fn load(
    client: &PortalClient,
    cache: &FinderCache,
    packaged: &Packaged,
    favourites: &Favourites,
    now: i64,
) -> Result<FinderSnapshot, AppError> {
    let stored = cache.load();
    let answer = client.finders(stored.as_ref().map(|c| c.etag.as_str())).await;
    let (data, source) = match (answer, stored) {
        (Ok(Catalogue::Fresh { catalogue, etag }), _) => {
            let fresh = CachedFinders { fetched_at: now, etag, finders: catalogue.finders };
            keep(cache, &fresh);
            (fresh, DataSource::Live)
        }
        (Ok(Catalogue::NotModified), Some(mut copy)) => {
            copy.fetched_at = now;
            keep(cache, &copy);
            (copy, DataSource::Live)
        }
        (Ok(Catalogue::NotModified), None) => {
            return Err(AppError::new(ErrorKind::PortalError, "304 without a stored copy"));
        }
        (Err(e), Some(copy)) => (copy, DataSource::Cache { reason: from_client(&e) }),
        (Err(e), None) => match packaged.finders(cache) {
            Some(copy) => (copy, DataSource::Cache { reason: from_client(&e) }),
            None => return Err(from_client(&e)),
        },
    };
    Ok(FinderSnapshot {
        finders: data.finders,
        fetched_at: data.fetched_at,
        source,
        favourites: favourites.finder_ids(),
    })
}

fn keep(cache: &FinderCache, data: &CachedFinders) {
    if let Err(e) = cache.store(data) {
        tracing::warn!(error = %e, "could not store the finder catalogue");
    }
}

/// The address to hand to the system opener, from the stored catalogue only:
/// https for websites, `tel:` for phone numbers.
pub fn target(cache: &FinderCache, id: &str, via: OpenVia) -> Result<String, AppError> {
    let finders: Vec<Finder> = cache.load().map(|c| c.finders).unwrap_or_default();
    let f = finders
        .iter()
        .find(|f| f.id == id)
        .ok_or_else(|| AppError::new(ErrorKind::NotFound, format!("finder {id}")))?;
    match via {
        OpenVia::Web if f.url.starts_with("https://") => Ok(f.url.clone()),
        OpenVia::Web => Err(AppError::new(ErrorKind::OpenFailed, "only https addresses are opened")),
        OpenVia::Phone => f.tel_url().ok_or_else(|| AppError::new(ErrorKind::NotFound, "no phone number")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use muc_wire::personal::{Favourite, FavouriteKind};

    #[tokio::test]
    async fn fresh_then_not_modified_then_offline() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, stop, task) = crate::test_portal(tmp.path()).await;
        let client = PortalClient::new(&base).expect("client");
        let cache = FinderCache::in_dir(tmp.path());
        let favs = Favourites::in_dir(tmp.path());

        let first = load(&client, &cache, &Packaged::none(), &favs, 100).await.expect("fresh");
        assert_eq!(first.source, DataSource::Live);
        assert!(first.finders.len() >= 10);
        let etag = cache.load().expect("stored").etag;
        assert!(!etag.is_empty());

        // Same catalogue: the portal answers 304 and the copy is confirmed current.
        let second = load(&client, &cache, &Packaged::none(), &favs, 200).await.expect("not modified");
        assert_eq!(second.fetched_at, 200);
        assert_eq!(second.finders, first.finders);

        let finder = |id: &str| Favourite::new(FavouriteKind::Finder, id);
        favs.set(finder("pflegefinder-bayern"), true).expect("fav");
        favs.set(Favourite::new(FavouriteKind::Hotspot, "marienplatz"), true).expect("fav");
        favs.set(finder("kita-finder-muenchen"), true).expect("fav");
        favs.set(finder("pflegefinder-bayern"), false).expect("unfav");
        assert_eq!(favs.finder_ids(), ["kita-finder-muenchen"], "finders only");

        stop.send(()).expect("stop");
        task.await.expect("stopped");
        let offline = load(&client, &cache, &Packaged::none(), &favs, 900).await.expect("cached");
        assert_eq!(offline.fetched_at, 200);
        assert!(matches!(offline.source, DataSource::Cache { .. }));
        assert_eq!(offline.favourites, ["kita-finder-muenchen"]);

        assert_eq!(target(&cache, "patientenservice-116117", OpenVia::Phone).expect("tel"), "tel:116117");
        assert!(target(&cache, "kita-finder-muenchen", OpenVia::Web).expect("web").starts_with("https://"));
        assert_eq!(target(&cache, "nope", OpenVia::Web).expect_err("unknown").kind, ErrorKind::NotFound);
        assert_eq!(
            target(&cache, "kita-finder-muenchen", OpenVia::Phone).expect_err("no phone").kind,
            ErrorKind::NotFound
        );
    }
}
