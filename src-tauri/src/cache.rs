//! The on-disk copy of the last hotspot set, so the app works offline.
//!
//! Writes are atomic (temporary file, fsync, rename, fsync of the folder): a
//! crash or power cut mid-write leaves the previous copy intact, never a torn
//! file. A file that cannot be read is set aside, not trusted and not deleted.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use muc_wire::hotspots::Site;
use serde::{Deserialize, Serialize};

/// Bump when the stored shape changes; older files are then ignored.
const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedHotspots {
    pub format: u32,
    pub fetched_at: i64,
    pub portal_url: String,
    pub sites: Vec<Site>,
}

impl CachedHotspots {
    pub fn new(fetched_at: i64, portal_url: &str, sites: Vec<Site>) -> Self {
        Self { format: FORMAT, fetched_at, portal_url: portal_url.into(), sites }
    }
}

#[derive(Debug, Clone)]
pub struct HotspotCache {
    path: PathBuf,
}

impl HotspotCache {
    pub fn in_dir(dir: &Path) -> Self {
        Self { path: dir.join("hotspots.json") }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The stored set, or None if there is none (or it is unreadable).
    pub fn load(&self) -> Option<CachedHotspots> {
        let bytes = match fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => {
                tracing::warn!(path = %self.path.display(), error = %e, "cannot read hotspot cache");
                return None;
            }
        };
        match serde_json::from_slice::<CachedHotspots>(&bytes) {
            Ok(c) if c.format == FORMAT => Some(c),
            Ok(c) => {
                tracing::info!(format = c.format, "ignoring hotspot cache of another format");
                None
            }
            Err(e) => {
                let aside = self.path.with_extension("json.corrupt");
                tracing::warn!(error = %e, aside = %aside.display(), "hotspot cache unreadable; set aside");
                let _ = fs::rename(&self.path, aside);
                None
            }
        }
    }

    pub fn store(&self, data: &CachedHotspots) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        let tmp = self.path.with_extension(format!("json.tmp{}", std::process::id()));
        let result = (|| {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(&serde_json::to_vec(data)?)?;
            f.sync_all()?;
            fs::rename(&tmp, &self.path)?;
            // Make the rename itself durable.
            fs::File::open(dir)?.sync_all()
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
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
        let names: Vec<_> = fs::read_dir(dir.path().join("nested")).expect("dir").map(|e| e.expect("e").file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("hotspots.json")]);
    }

    #[test]
    fn a_torn_write_leaves_the_previous_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = HotspotCache::in_dir(dir.path());
        cache.store(&sample(3)).expect("store");
        // A process killed mid-write leaves only a half temporary file behind.
        fs::write(cache.path().with_extension("json.tmp999"), b"{\"format\":1,\"fetch").expect("torn");
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
}
