//! Reports of others this person supports ("me too") and follows in "Meine
//! Meldungen", and the random supporter id of this device (so a second tap
//! counts once on the portal, and nobody can tell who it was).

use std::path::{Path, PathBuf};

use muc_wire::open311::Endpoint;
use serde::{Deserialize, Serialize};

use crate::cache::JsonFile;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Followed {
    pub service_request_id: String,
    /// The server it is on; None: the default.
    pub endpoint: Option<Endpoint>,
    pub since: i64,
}

#[derive(Debug, Clone)]
pub struct Follows {
    file: JsonFile<Vec<Followed>>,
    device_id: PathBuf,
}

impl Follows {
    pub fn new(data_dir: &Path) -> Self {
        Self { file: JsonFile::new(data_dir.join("followed-reports.json"), 1), device_id: data_dir.join("device-id") }
    }

    pub fn list(&self) -> Vec<Followed> {
        self.file.load().unwrap_or_default()
    }

    /// Adds a report to follow (once).
    pub fn follow(&self, f: Followed) -> std::io::Result<()> {
        let mut list = self.list();
        if !list.iter().any(|x| x.service_request_id == f.service_request_id && x.endpoint == f.endpoint) {
            list.push(f);
            self.file.store(&list)?;
        }
        Ok(())
    }

    /// Forgets the followed reports and the supporter id (kiosk session end).
    pub fn clear(&self) -> std::io::Result<()> {
        self.file.remove()?;
        match std::fs::remove_file(&self.device_id) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// A random id for this device, made once. Not derived from anything
    /// about the device or the person.
    pub fn device_id(&self) -> std::io::Result<String> {
        if let Ok(id) = std::fs::read_to_string(&self.device_id) {
            if id.trim().len() == 32 {
                return Ok(id.trim().to_string());
            }
        }
        let id = crate::outbox::random_hex16()?;
        crate::cache::write_atomic(&self.device_id, id.as_bytes())?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_once_and_keeps_one_device_id() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let f = Follows::new(tmp.path());
        let one = Followed { service_request_id: "MUC-1".into(), endpoint: None, since: 1 };
        f.follow(one.clone()).expect("follow");
        f.follow(one.clone()).expect("again");
        assert_eq!(f.list(), vec![one]);
        let id = f.device_id().expect("id");
        assert_eq!(id.len(), 32);
        assert_eq!(Follows::new(tmp.path()).device_id().expect("same"), id, "made once");
    }
}
