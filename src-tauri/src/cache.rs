//! Small JSON files the app keeps on disk: the offline copies of the
//! hotspots and the finder catalogue, and the person's favourites (`favourites.rs`).
//!
//! Writes are atomic (temporary file, fsync, rename, fsync of the folder): a
//! crash or power cut mid-write leaves the previous copy intact, never a torn
//! file. Every write has its own temporary file (`tempfile`), so two writers
//! at once cannot mix their bytes; the last rename wins whole. A file that
//! cannot be read is set aside, not trusted and not deleted.
//!
//! Everything here is personal: files are created 0600 and folders 0700.

use std::fs;
use std::io::Write;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use muc_wire::finders::Finder;
use muc_wire::hotspots::Site;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A typed JSON file with a format number; files of another format are ignored.
#[derive(Debug, Clone)]
pub struct JsonFile<T> {
    path: PathBuf,
    format: u32,
    _t: PhantomData<T>,
}

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    format: u32,
    data: T,
}

impl<T: Serialize + DeserializeOwned> JsonFile<T> {
    pub fn new(path: PathBuf, format: u32) -> Self {
        Self { path, format, _t: PhantomData }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The stored value, or None if there is none (or it is unreadable).
    pub fn load(&self) -> Option<T> {
        let bytes = match fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => {
                tracing::warn!(path = %self.path.display(), error = %e, "cannot read");
                return None;
            }
        };
        match serde_json::from_slice::<Envelope<serde_json::Value>>(&bytes) {
            Ok(env) if env.format != self.format => {
                tracing::info!(path = %self.path.display(), format = env.format, "ignoring a file of another format");
                None
            }
            Ok(env) => match serde_json::from_value(env.data) {
                Ok(v) => Some(v),
                Err(e) => self.set_aside(&e),
            },
            Err(e) => self.set_aside(&e),
        }
    }

    fn set_aside(&self, e: &serde_json::Error) -> Option<T> {
        let aside = self.path.with_extension("json.corrupt");
        tracing::warn!(error = %e, aside = %aside.display(), "unreadable file set aside");
        let _ = fs::rename(&self.path, aside);
        None
    }

    /// Removes the file (gone already is fine).
    pub fn remove(&self) -> std::io::Result<()> {
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    pub fn store(&self, data: &T) -> std::io::Result<()> {
        write_atomic(&self.path, &serde_json::to_vec(&Envelope { format: self.format, data })?)
    }
}

/// Creates `dir` (and its parents) readable by this user only (0700 where
/// the platform has modes); an existing folder is tightened to 0700.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        let mode = fs::metadata(dir)?.permissions().mode() & 0o777;
        if mode != 0o700 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

/// Writes `bytes` to `path` atomically and durably: a temporary file of its
/// own in the same folder (created 0600 by `tempfile`), synced, renamed over
/// `path`, then the folder synced so the rename survives a power cut.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    private_dir(dir)?;
    replace_file(path, bytes)
}

/// [`write_atomic`] into a folder that is not the app's (the person's
/// downloads): the folder is left as it is; the file is 0600.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(TEMP_PREFIX).tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// Temporary files of writes in progress start with this; one left by a
/// crash is never read and is removed by the kiosk wipe.
pub const TEMP_PREFIX: &str = ".tmp-";

/// The ids (file names without `.json`) of the JSON files in `dir`; none if
/// it does not exist. Temporary files of an interrupted write are not listed.
pub fn json_ids(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    entries.filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".json").map(str::to_string)).collect()
}

/// The last hotspot set fetched from the portal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedHotspots {
    pub fetched_at: i64,
    pub portal_url: String,
    pub sites: Vec<Site>,
}

impl CachedHotspots {
    pub fn new(fetched_at: i64, portal_url: &str, sites: Vec<Site>) -> Self {
        Self { fetched_at, portal_url: portal_url.into(), sites }
    }
}

pub type HotspotCache = JsonFile<CachedHotspots>;

impl HotspotCache {
    pub fn in_dir(dir: &Path) -> Self {
        JsonFile::new(dir.join("hotspots.json"), 1)
    }
}

/// The last finder catalogue, with the ETag to ask whether it is still current.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedFinders {
    pub fetched_at: i64,
    pub etag: String,
    pub finders: Vec<Finder>,
}

pub type FinderCache = JsonFile<CachedFinders>;

impl FinderCache {
    pub fn in_dir(dir: &Path) -> Self {
        JsonFile::new(dir.join("finders.json"), 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use muc_wire::geo::LonLat;

    fn sample(n: usize) -> CachedHotspots {
        let sites = (0..n)
            .map(|i| Site {
                id: format!("s{i}"),
                name: format!("Platz {i}"),
                kind: "TOS".into(),
                city: "München".into(),
                access_points: 2,
                position: LonLat::new(11.5 + i as f64 * 0.001, 48.1),
            })
            .collect();
        CachedHotspots::new(1_790_000_000, "http://127.0.0.1:8080", sites)
    }

    #[test]
    fn round_trips_and_overwrites() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = HotspotCache::in_dir(&dir.path().join("nested"));
        assert_eq!(cache.load(), None);
        cache.store(&sample(3)).expect("store");
        assert_eq!(cache.load(), Some(sample(3)));
        cache.store(&sample(5)).expect("store again");
        assert_eq!(cache.load().expect("cached").sites.len(), 5);
        // No temporary files left behind.
        let names: Vec<_> =
            fs::read_dir(dir.path().join("nested")).expect("dir").map(|e| e.expect("e").file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("hotspots.json")]);
    }

    /// Found in review: every writer used the same temporary file name
    /// (`<file>.tmp<pid>`), so two saves at once could mix their bytes and
    /// the next start set the file aside as corrupt.
    #[test]
    fn two_writers_at_once_never_leave_a_mixed_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = HotspotCache::in_dir(dir.path());
        std::thread::scope(|s| {
            for n in [3usize, 40] {
                let cache = &cache;
                s.spawn(move || {
                    for _ in 0..300 {
                        cache.store(&sample(n)).expect("store");
                    }
                });
            }
            for _ in 0..300 {
                let got = cache.load().map(|c| c.sites.len());
                assert!(matches!(got, None | Some(3) | Some(40)), "{got:?}");
            }
        });
        assert!(matches!(cache.load().map(|c| c.sites.len()), Some(3 | 40)));
        let names: Vec<_> = fs::read_dir(dir.path()).expect("dir").map(|e| e.expect("e").file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("hotspots.json")], "nothing set aside, no temp left");
    }

    #[cfg(unix)]
    #[test]
    fn personal_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let nested = dir.path().join("a/b");
        let favourites = JsonFile::<Vec<String>>::new(nested.join("favourites.json"), 1);
        favourites.store(&vec!["kita-finder".to_string()]).expect("store");
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(favourites.path()), 0o600);
        assert_eq!(mode(&nested), 0o700);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        // A folder made by an older version with default permissions is tightened.
        let old = dir.path().join("old");
        fs::create_dir(&old).expect("mkdir");
        fs::set_permissions(&old, fs::Permissions::from_mode(0o755)).expect("chmod");
        write_atomic(&old.join("x.json"), b"{}").expect("write");
        assert_eq!(mode(&old), 0o700);
    }

    #[test]
    fn a_torn_write_leaves_the_previous_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = HotspotCache::in_dir(dir.path());
        cache.store(&sample(3)).expect("store");
        // A process killed mid-write leaves only a half temporary file behind.
        fs::write(dir.path().join(format!("{TEMP_PREFIX}999")), b"{\"format\":1,\"data\":{\"fetch").expect("torn");
        assert_eq!(cache.load(), Some(sample(3)));
    }

    #[test]
    fn a_corrupt_file_is_set_aside_not_trusted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = HotspotCache::in_dir(dir.path());
        fs::write(cache.path(), b"not json").expect("write");
        assert_eq!(cache.load(), None);
        assert!(cache.path().with_extension("json.corrupt").exists());
        cache.store(&sample(1)).expect("store after corruption");
        assert_eq!(cache.load(), Some(sample(1)));
    }

    #[test]
    fn an_unwritable_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a-file");
        fs::write(&file, b"x").expect("write");
        // A file where the folder should be.
        let cache = HotspotCache::in_dir(&file);
        assert!(cache.store(&sample(1)).is_err());
    }

    #[test]
    fn files_of_another_format_are_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let v1 = HotspotCache::in_dir(dir.path());
        v1.store(&sample(2)).expect("store");
        let v2: JsonFile<CachedHotspots> = JsonFile::new(v1.path().to_path_buf(), 2);
        assert_eq!(v2.load(), None);
        assert!(v1.path().exists(), "a newer app's file is not destroyed");
    }
}
