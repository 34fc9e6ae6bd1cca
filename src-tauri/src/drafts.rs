//! Drafts: reports being written, kept on the device so the person can stop
//! and resume, several at once. Each draft is one JSON file, written
//! atomically; its photos are files written before the JSON that names them,
//! so a crash mid-save leaves the previous draft whole.

use std::path::{Path, PathBuf};

use muc_wire::ipc::{AppError, Draft, DraftWithPhotos, ErrorKind};
use serde::{Deserialize, Serialize};

use crate::cache::JsonFile;

/// What is stored: the draft and the files holding its photos.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Stored {
    draft: Draft,
    photo_files: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Drafts {
    dir: PathBuf,
    /// Drafts whose report went to the outbox in this run: a save that was
    /// already on its way must not bring them back.
    finished: std::sync::Arc<std::sync::Mutex<std::collections::HashSet<String>>>,
}

fn storage(e: std::io::Error) -> AppError {
    AppError::new(ErrorKind::Storage, e.to_string())
}

fn checked(id: &str) -> Result<&str, AppError> {
    if Draft::valid_id(id) {
        Ok(id)
    } else {
        Err(AppError::new(ErrorKind::NotFound, format!("not a draft id: {id:?}")))
    }
}

impl Drafts {
    pub fn new(data_dir: &Path) -> Self {
        Self { dir: data_dir.join("drafts"), finished: Default::default() }
    }

    fn file(&self, id: &str) -> JsonFile<Stored> {
        JsonFile::new(self.dir.join(format!("{id}.json")), 1)
    }

    /// Stores the draft; with `photos`, replaces its photos too. Returns it as stored.
    pub fn save(&self, mut draft: Draft, photos: Option<&[Vec<u8>]>, now: i64) -> Result<Draft, AppError> {
        let id = checked(&draft.id)?.to_string();
        if self.finished.lock().map(|f| f.contains(&id)).unwrap_or(false) {
            return Ok(draft);
        }
        crate::cache::private_dir(&self.dir).map_err(storage)?;
        let old = self.file(&id).load();
        draft.updated_at = now;
        let photo_files = match photos {
            None => old.as_ref().map(|o| o.photo_files.clone()).unwrap_or_default(),
            Some(list) => {
                // Cleaned before anything is stored: no EXIF or GPS on the device.
                let list = &crate::photos::clean_all(list)?;
                // New names each time (a generation counter), so the old
                // draft keeps pointing at its own files until the new JSON is in place.
                let generation = old.as_ref().map(|o| o.draft.updated_at).unwrap_or(0).max(now) + 1;
                let mut names = Vec::with_capacity(list.len());
                for (n, bytes) in list.iter().enumerate() {
                    let name = format!("{id}.{generation}.{n}.photo");
                    crate::cache::write_atomic(&self.dir.join(&name), bytes).map_err(storage)?;
                    names.push(name);
                }
                names
            }
        };
        self.file(&id).store(&Stored { draft: draft.clone(), photo_files: photo_files.clone() }).map_err(storage)?;
        // Only now are the old photo files unreferenced.
        for stale in old.map(|o| o.photo_files).unwrap_or_default().iter().filter(|f| !photo_files.contains(f)) {
            let _ = std::fs::remove_file(self.dir.join(stale));
        }
        Ok(draft)
    }

    /// A report the portal refused, back as a draft to fix and send again.
    /// The draft is written before the outbox entry goes: nothing is lost.
    pub fn from_refused(
        &self,
        outbox: &crate::outbox::Outbox,
        id: &str,
        now: i64,
    ) -> Result<DraftWithPhotos, AppError> {
        let (entry, photos) = outbox
            .take_refused(id)
            .map_err(storage)?
            .ok_or_else(|| AppError::new(ErrorKind::NotFound, format!("no refused report {id}")))?;
        let r = &entry.report;
        let place_text = r.address.clone().unwrap_or_else(|| match (r.lat, r.lon) {
            (Some(lat), Some(lon)) => format!("{lat:.5}, {lon:.5}"),
            _ => String::new(),
        });
        let draft = Draft {
            id: entry.id.clone(),
            updated_at: now,
            service_code: r.service_code.clone(),
            attributes: r.attributes.clone(),
            place_text,
            description: r.description.clone().unwrap_or_default(),
            email: r.email.clone().unwrap_or_default(),
            consent: r.email.is_some(),
            photo_names: (1..=photos.len()).map(|n| format!("Foto {n}.jpg")).collect(),
        };
        let draft = self.save(draft, Some(&photos), now)?;
        outbox.remove(&entry).map_err(storage)?;
        Ok(DraftWithPhotos { draft, photos })
    }

    /// Removes every draft (the end of a kiosk session).
    pub fn clear(&self) -> std::io::Result<()> {
        match std::fs::remove_dir_all(&self.dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Every draft, most recently changed first.
    pub fn list(&self) -> Vec<Draft> {
        let mut v: Vec<Draft> =
            crate::cache::json_ids(&self.dir).iter().filter_map(|id| Some(self.file(id).load()?.draft)).collect();
        v.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
        v
    }

    pub fn load(&self, id: &str) -> Result<DraftWithPhotos, AppError> {
        let stored =
            self.file(checked(id)?).load().ok_or_else(|| AppError::new(ErrorKind::NotFound, format!("draft {id}")))?;
        let photos = stored
            .photo_files
            .iter()
            .map(|f| std::fs::read(self.dir.join(f)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(storage)?;
        Ok(DraftWithPhotos { draft: stored.draft, photos })
    }

    /// The draft's report is in the outbox: remove it, and ignore late saves.
    pub fn finish(&self, id: &str) -> Result<(), AppError> {
        if let Ok(mut f) = self.finished.lock() {
            f.insert(id.to_string());
        }
        self.delete(id)
    }

    /// Removes a draft and its photos (sent, or thrown away by the person).
    pub fn delete(&self, id: &str) -> Result<(), AppError> {
        let file = self.file(checked(id)?);
        let photos = file.load().map(|s| s.photo_files).unwrap_or_default();
        match std::fs::remove_file(file.path()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(storage(e)),
        }
        for f in photos {
            let _ = std::fs::remove_file(self.dir.join(f));
        }
        // Photos of a save that died before its JSON was written.
        let prefix = format!("{id}.");
        for e in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            if e.file_name().to_str().is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".photo")) {
                let _ = std::fs::remove_file(e.path());
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, text: &str) -> Draft {
        Draft {
            id: id.into(),
            service_code: "graffiti".into(),
            place_text: "Odeonsplatz".into(),
            description: text.into(),
            ..Draft::default()
        }
    }

    const PHOTO: &[u8] = include_bytes!("../../portal/tests/fixtures/street-light.jpg");

    fn is_clean_jpeg(b: &[u8]) -> bool {
        b.starts_with(&[0xFF, 0xD8, 0xFF]) && !b.windows(4).any(|w| w == b"Exif")
    }

    #[test]
    fn several_drafts_are_kept_resumed_and_removed() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let drafts = Drafts::new(tmp.path());
        drafts.save(draft("aaaaaaaa-1", "erster"), Some(&[PHOTO.to_vec(), PHOTO.to_vec()]), 10).expect("1");
        drafts.save(draft("bbbbbbbb-2", "zweiter"), None, 20).expect("2");
        let list = drafts.list();
        assert_eq!(list.iter().map(|d| d.description.as_str()).collect::<Vec<_>>(), ["zweiter", "erster"]);

        // Typing more keeps the photos without sending them again.
        drafts.save(draft("aaaaaaaa-1", "erster, länger"), None, 30).expect("again");
        let back = drafts.load("aaaaaaaa-1").expect("load");
        assert_eq!(back.draft.description, "erster, länger");
        assert_eq!(back.photos.len(), 2);
        assert!(back.photos.iter().all(|p| is_clean_jpeg(p)), "stored without EXIF or GPS");
        assert_eq!(drafts.list()[0].id, "aaaaaaaa-1", "most recent first");

        // Replacing the photos leaves no stale files.
        drafts.save(draft("aaaaaaaa-1", "erster"), Some(&[PHOTO.to_vec()]), 40).expect("photos");
        assert_eq!(drafts.load("aaaaaaaa-1").expect("load").photos.len(), 1);
        // A file that is no photo is refused, named, and nothing is stored.
        let bad = drafts.save(draft("aaaaaaaa-1", "erster"), Some(&[PHOTO.to_vec(), b"%PDF-1.4".to_vec()]), 45);
        assert!(matches!(bad, Err(e) if e.kind == ErrorKind::Photo && e.detail.starts_with("Foto 2")));
        let files = std::fs::read_dir(tmp.path().join("drafts")).expect("dir").count();
        assert_eq!(files, 3, "two JSON files and one photo");

        drafts.delete("aaaaaaaa-1").expect("delete");
        assert_eq!(drafts.list().len(), 1);
        assert_eq!(std::fs::read_dir(tmp.path().join("drafts")).expect("dir").count(), 1);
        assert!(matches!(drafts.load("aaaaaaaa-1"), Err(e) if e.kind == ErrorKind::NotFound));
        // Sent: a save still on its way does not bring it back.
        drafts.finish("bbbbbbbb-2").expect("finish");
        drafts.save(draft("bbbbbbbb-2", "zu spät"), None, 50).expect("ignored");
        assert!(drafts.list().is_empty());
        assert_eq!(std::fs::read_dir(tmp.path().join("drafts")).expect("dir").count(), 0);
    }

    #[test]
    fn ids_cannot_reach_outside_the_folder() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let drafts = Drafts::new(tmp.path());
        for bad in ["../../etc/passwd", "short", "a/b/c/d/e/f/g", "aaaaaaaa.json", ""] {
            assert!(drafts.save(draft(bad, "x"), None, 1).is_err(), "{bad}");
            assert!(drafts.load(bad).is_err(), "{bad}");
            assert!(drafts.delete(bad).is_err(), "{bad}");
        }
        assert!(!tmp.path().join("drafts").exists() || drafts.list().is_empty());
    }

    #[test]
    fn a_crash_mid_save_keeps_the_previous_draft() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let drafts = Drafts::new(tmp.path());
        drafts.save(draft("cccccccc-3", "gespeichert"), Some(&[PHOTO.to_vec()]), 10).expect("save");
        let before = drafts.load("cccccccc-3").expect("saved").photos;
        // A save that died after writing its new photo but before its JSON:
        std::fs::write(tmp.path().join("drafts/cccccccc-3.99.0.photo"), b"neu").expect("orphan");
        std::fs::write(tmp.path().join("drafts/.cccccccc-3.json.tmp"), b"{\"half").expect("torn");
        let back = drafts.load("cccccccc-3").expect("still there");
        assert_eq!((back.draft.description.as_str(), back.photos), ("gespeichert", before));
        assert_eq!(drafts.list().len(), 1, "the torn temporary file is not a draft");
    }
}

#[cfg(test)]
mod refused_tests {
    use super::*;
    use muc_portal_client::PortalClient;

    #[tokio::test]
    async fn a_refused_report_comes_back_as_a_draft_with_its_photos() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, _stop, _task) = crate::test_portal(tmp.path()).await;
        let endpoints =
            crate::endpoint::Endpoints::load(&PortalClient::new(&base).expect("client"), tmp.path(), "muenchen-app");
        let outbox = crate::outbox::Outbox::new(tmp.path());
        let drafts = Drafts::new(tmp.path());
        // Berlin is not Munich: the portal refuses it.
        let report = muc_wire::open311::OutgoingReport {
            email: Some("anna@example.org".into()),
            ..muc_wire::open311::OutgoingReport::new("graffiti")
                .at(52.52, 13.405)
                .answer("flaeche", "kasten")
                .describe("am Alexanderplatz")
        };
        let photo = include_bytes!("../../portal/tests/fixtures/street-light.jpg").to_vec();
        let entry = outbox.enqueue(report, std::slice::from_ref(&photo), None, false, 1).expect("queued");
        outbox.send_due(&endpoints, None, 1).await;
        assert!(matches!(outbox.list()[0].delivery, muc_wire::open311::Delivery::Refused { .. }));

        assert!(drafts.from_refused(&outbox, "not-a-refused-one", 2).is_err());
        let back = drafts.from_refused(&outbox, &entry.id, 2).expect("draft");
        assert_eq!(back.draft.place_text, "52.52000, 13.40500");
        assert_eq!(back.draft.description, "am Alexanderplatz");
        assert!(back.draft.consent && back.draft.email == "anna@example.org");
        assert_eq!(back.photos, vec![photo]);
        assert!(outbox.list().is_empty(), "it left the outbox");
        assert_eq!(drafts.list().len(), 1, "and is a draft now");
        assert_eq!(std::fs::read_dir(tmp.path().join("outbox")).expect("dir").count(), 0, "no photo left behind");
    }
}
