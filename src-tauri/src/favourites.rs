//! Favourites: kept on this device, and joined with the account when the
//! person signs in, so every device they sign in on has the same set.
//!
//! The merge rule (the portal's side is `portal/src/favourites.rs`):
//! - Signed out, favourites live on this device only.
//! - On the first sync after a sign-in the device sends an add for every
//!   favourite it holds: the account's set and the device's are joined, and
//!   neither side loses one. From then on the device shows the account's set.
//! - Signed in, every change is kept as a pending add or remove (in
//!   `favourites.json`, written atomically before the answer) and sent in
//!   the order made; offline they wait, and go out when the portal answers
//!   (on the next change, on opening, every 20 seconds in the background).
//! - For each favourite the change that reaches the portal last wins; the
//!   portal's set then replaces the device's, with changes still unsent laid
//!   on top. Device clocks are never compared.
//! - Removing while signed out removes on this device only (nothing is
//!   sent): the next sign-in joins the two sets again.
//!
//! Pending changes carry the account they were made for: after a sign-out
//! they wait for that account and are never sent to another.

use muc_portal_client::PortalClient;
use muc_wire::ipc::{AppError, ErrorKind, FavouriteSync, FavouriteView};
use muc_wire::personal::{
    Favourite, FavouriteChange, FavouriteChanges, FavouriteKind, FavouriteOp, MAX_FAVOURITES, MAX_FAVOURITE_CHANGES,
};
use serde::{Deserialize, Serialize};

use crate::cache::JsonFile;
use crate::login::Login;

/// What `favourites.json` holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    /// What the person sees, in the order added.
    pub items: Vec<Favourite>,
    /// Changes the portal has not confirmed yet, oldest first.
    pub pending: Vec<Pending>,
    /// The account this device's set is joined with; None: not since the
    /// last sign-in (the next sync joins).
    pub joined: Option<String>,
    pub next_seq: u64,
    /// When the portal last confirmed the set (Unix seconds).
    pub synced_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub seq: u64,
    /// The account it was made for.
    pub account: String,
    pub change: FavouriteChange,
}

impl Stored {
    fn waiting(&self) -> usize {
        self.joined.as_ref().map_or(0, |a| self.pending.iter().filter(|p| &p.account == a).count())
    }
}

pub struct Favourites {
    file: JsonFile<Stored>,
    /// Format 1: finder ids only, from before favourites were synced.
    legacy: JsonFile<Vec<String>>,
    /// One read-change-write of the file at a time.
    write: std::sync::Mutex<()>,
    /// One exchange with the portal at a time.
    sync: tokio::sync::Mutex<()>,
}

fn storage(e: std::io::Error) -> AppError {
    AppError::new(ErrorKind::Storage, e.to_string())
}

impl Favourites {
    pub fn in_dir(dir: &std::path::Path) -> Self {
        let path = dir.join("favourites.json");
        Favourites {
            file: JsonFile::new(path.clone(), 2),
            legacy: JsonFile::new(path, 1),
            write: std::sync::Mutex::new(()),
            sync: tokio::sync::Mutex::new(()),
        }
    }

    pub fn path(&self) -> &std::path::Path {
        self.file.path()
    }

    /// The stored set; a file of the first format becomes finder favourites.
    pub fn load(&self) -> Stored {
        self.file.load().unwrap_or_else(|| Stored {
            items: self
                .legacy
                .load()
                .unwrap_or_default()
                .into_iter()
                .map(|id| Favourite::new(FavouriteKind::Finder, id))
                .collect(),
            ..Stored::default()
        })
    }

    /// Ids of the finder favourites, in the order added.
    pub fn finder_ids(&self) -> Vec<String> {
        self.load().items.into_iter().filter(|f| f.kind == FavouriteKind::Finder).map(|f| f.id).collect()
    }

    fn change<T>(&self, f: impl FnOnce(&mut Stored) -> Result<T, AppError>) -> Result<T, AppError> {
        let _g = self.write.lock().map_err(|_| AppError::new(ErrorKind::Storage, "favourites lock poisoned"))?;
        let mut s = self.load();
        let out = f(&mut s)?;
        self.file.store(&s).map_err(storage)?;
        Ok(out)
    }

    /// Marks or unmarks `fav` on this device, stored before it returns; while
    /// joined with an account the change also waits to be sent.
    pub fn set(&self, fav: Favourite, on: bool) -> Result<FavouriteView, AppError> {
        fav.check().map_err(|why| AppError::new(ErrorKind::NotFound, why))?;
        self.change(|s| {
            let had = s.items.contains(&fav);
            if on && !had {
                if s.items.len() >= MAX_FAVOURITES {
                    return Err(AppError::new(ErrorKind::Storage, format!("at most {MAX_FAVOURITES} favourites")));
                }
                s.items.push(fav.clone());
            } else if !on {
                s.items.retain(|f| f != &fav);
            }
            if let Some(account) = s.joined.clone() {
                // Only the last change of a favourite matters to the portal.
                s.pending.retain(|p| !(p.account == account && p.change.favourite() == fav));
                let op = if on { FavouriteOp::Add } else { FavouriteOp::Remove };
                let change = FavouriteChange { op, kind: fav.kind, id: fav.id.clone() };
                s.pending.push(Pending { seq: s.next_seq, account, change });
                s.next_seq += 1;
            }
            let sync = if s.joined.is_some() {
                FavouriteSync::Waiting { waiting: s.waiting(), reason: None }
            } else {
                FavouriteSync::DeviceOnly
            };
            Ok(FavouriteView { items: s.items.clone(), sync })
        })
    }

    /// Whether changes wait to be sent for the joined account (no keyring, no network).
    pub fn has_waiting(&self) -> bool {
        self.load().waiting() > 0
    }

    /// Sends what waits and takes the account's set, joining first after a
    /// sign-in. Signed out: the device's set, as it is. The portal not
    /// answering: the device's set with the changes still waiting.
    pub async fn sync(&self, login: &Login, portal: &PortalClient, now: i64) -> FavouriteView {
        let _one = self.sync.lock().await;
        let token = login.access_token(now).await;
        let account = login.status().session.map(|s| s.account_id);
        let (token, account) = match (token, account) {
            (Ok(Some(t)), Some(a)) => (t, a),
            (Err(e), _) => return self.view_waiting(e),
            _ => {
                // Signed out (or the provider ended the session): the next
                // sign-in joins again. Pending changes keep their account.
                let _ = self.change(|s| {
                    s.joined = None;
                    Ok(())
                });
                return FavouriteView { items: self.load().items, sync: FavouriteSync::DeviceOnly };
            }
        };
        let s = self.load();
        let sent_upto = s.pending.iter().filter(|p| p.account == account).map(|p| p.seq).max();
        let mut changes: Vec<FavouriteChange> =
            s.pending.iter().filter(|p| p.account == account).map(|p| p.change.clone()).collect();
        let joining = s.joined.as_deref() != Some(account.as_str());
        if joining {
            changes.extend(s.items.iter().map(|f| FavouriteChange {
                op: FavouriteOp::Add,
                kind: f.kind,
                id: f.id.clone(),
            }));
        }
        let answer = if changes.is_empty() {
            portal.favourites(&token).await
        } else {
            let mut last = None;
            for chunk in changes.chunks(MAX_FAVOURITE_CHANGES) {
                match portal.change_favourites(&token, &FavouriteChanges { changes: chunk.to_vec() }).await {
                    Ok(list) => last = Some(Ok(list)),
                    Err(e) => {
                        last = Some(Err(e));
                        break;
                    }
                }
            }
            last.unwrap_or_else(|| Ok(Default::default()))
        };
        let list = match answer {
            Ok(list) => list,
            Err(e) => {
                tracing::info!(error = %e, "favourites not synced");
                return self.view_waiting(crate::errors::from_client(&e));
            }
        };
        let done = self.change(|s| {
            // What was sent is in the portal's answer; what came after is laid on top.
            s.pending.retain(|p| p.account != account || sent_upto.is_none_or(|upto| p.seq > upto));
            let theirs = list.favourites();
            if joining {
                // Added here while the join was on its way (not yet a
                // pending change then): sent next time.
                for f in s.items.iter().filter(|f| !theirs.contains(f)) {
                    let change = FavouriteChange { op: FavouriteOp::Add, kind: f.kind, id: f.id.clone() };
                    s.pending.push(Pending { seq: s.next_seq, account: account.clone(), change });
                    s.next_seq += 1;
                }
            }
            s.items = theirs;
            for p in s.pending.iter().filter(|p| p.account == account) {
                let fav = p.change.favourite();
                s.items.retain(|f| f != &fav);
                if p.change.op == FavouriteOp::Add {
                    s.items.push(fav);
                }
            }
            s.joined = Some(account.clone());
            s.synced_at = Some(now);
            Ok(FavouriteView {
                items: s.items.clone(),
                sync: match s.waiting() {
                    0 => FavouriteSync::Synced { at: now },
                    waiting => FavouriteSync::Waiting { waiting, reason: None },
                },
            })
        });
        done.unwrap_or_else(|e| self.view_waiting(e))
    }

    fn view_waiting(&self, reason: AppError) -> FavouriteView {
        let s = self.load();
        FavouriteView { sync: FavouriteSync::Waiting { waiting: s.waiting(), reason: Some(reason) }, items: s.items }
    }

    /// After a sign-out or the account's deletion: this device's set stays,
    /// joined with nothing. `forget_account`: its unsent changes go too.
    pub fn unjoin(&self, forget_account: Option<&str>) -> Result<(), AppError> {
        self.change(|s| {
            s.joined = None;
            s.synced_at = None;
            if let Some(a) = forget_account {
                s.pending.retain(|p| p.account != a);
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::login::{test_browser, LoginConfig};

    fn finder(id: &str) -> Favourite {
        Favourite::new(FavouriteKind::Finder, id)
    }

    fn hotspot(id: &str) -> Favourite {
        Favourite::new(FavouriteKind::Hotspot, id)
    }

    /// Two devices of Anna's, the real portal, the real provider, the real
    /// keyring: what each marked before signing in is joined in the account
    /// (neither side lost); a change made offline waits on disk (also over a
    /// restart) and goes out when the portal answers; the other device sees
    /// it on its next sync; after signing out, changes stay on the device.
    #[tokio::test]
    async fn two_devices_share_favourites_after_sign_in_and_lose_nothing_offline() {
        let op = muc_test_op::TestOp::start(60).expect("the OpenID provider");
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, _task) = crate::test_portal_with_login(tmp.path(), &op.issuer).await;
        let portal = PortalClient::new(&base).expect("client");
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
        let gone = PortalClient::new(&format!("http://127.0.0.1:{port}")).expect("client");
        let cfg = || LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let pid = std::process::id();
        let (a_login, b_login) = (
            Login::new(Some(cfg()), &format!("de.muenchen.app.test.fav-a.{pid}")),
            Login::new(Some(cfg()), &format!("de.muenchen.app.test.fav-b.{pid}")),
        );
        let (a_dir, b_dir) = (tmp.path().join("phone"), tmp.path().join("laptop"));
        let (a, b) = (Favourites::in_dir(&a_dir), Favourites::in_dir(&b_dir));

        // Signed out: on the device only, nothing waits.
        let v = a.set(finder("kita-finder-muenchen"), true).expect("set");
        assert_eq!(v.sync, FavouriteSync::DeviceOnly);
        assert_eq!(a.sync(&a_login, &portal, 1).await.sync, FavouriteSync::DeviceOnly);
        b.set(hotspot("marienplatz"), true).expect("set");

        a_login.login(test_browser("anna"), 2, None, &portal).await.expect("signed in");
        let v = a.sync(&a_login, &portal, 3).await;
        assert_eq!((v.items.clone(), v.sync), (vec![finder("kita-finder-muenchen")], FavouriteSync::Synced { at: 3 }));
        b_login.login(test_browser("anna"), 4, None, &portal).await.expect("signed in");
        let v = b.sync(&b_login, &portal, 5).await;
        assert_eq!(v.items, [finder("kita-finder-muenchen"), hotspot("marienplatz")], "joined, neither side lost");
        assert_eq!(a.sync(&a_login, &portal, 6).await.items, v.items, "the other device after a refresh");

        // Offline on the phone: the change is kept and waits, over a restart too.
        let v = a.set(finder("kita-finder-muenchen"), false).expect("set");
        assert_eq!(v.sync, FavouriteSync::Waiting { waiting: 1, reason: None });
        let v = a.sync(&a_login, &gone, 7).await;
        assert!(
            matches!(&v.sync, FavouriteSync::Waiting { waiting: 1, reason: Some(e) } if e.kind == ErrorKind::PortalUnreachable),
            "{:?}",
            v.sync
        );
        assert_eq!(v.items, [hotspot("marienplatz")], "shown as the person left it");
        let restarted = Favourites::in_dir(&a_dir);
        assert!(restarted.has_waiting(), "still waiting after a restart");
        // The laptop adds meanwhile; both changes arrive, in order.
        b.set(finder("hebammen-suche"), true).expect("set");
        let v = restarted.sync(&a_login, &portal, 8).await;
        assert_eq!(v.sync, FavouriteSync::Synced { at: 8 });
        assert!(!restarted.has_waiting());
        let v = b.sync(&b_login, &portal, 9).await;
        assert_eq!(v.items, [hotspot("marienplatz"), finder("hebammen-suche")], "{v:?}");

        // Signed out, the phone keeps its set; its changes reach nobody.
        a_login.logout().await.expect("signed out");
        restarted.unjoin(None).expect("unjoined");
        let v = restarted.set(finder("pflegefinder-bayern"), true).expect("set");
        assert_eq!(v.sync, FavouriteSync::DeviceOnly);
        assert!(v.items.contains(&hotspot("marienplatz")), "kept on the device");
        assert_eq!(restarted.sync(&a_login, &portal, 10).await.sync, FavouriteSync::DeviceOnly);
        assert_eq!(b.sync(&b_login, &portal, 11).await.items.len(), 2, "not sent to the account");
        b_login.logout().await.expect("signed out");
    }

    /// A file from before favourites were synced (finder ids, format 1)
    /// is read as finder favourites; an id the portal would refuse is
    /// refused here already.
    #[test]
    fn the_first_format_is_read_and_bad_ids_refused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        JsonFile::<Vec<String>>::new(tmp.path().join("favourites.json"), 1)
            .store(&vec!["kita-finder".into(), "hebammen".into()])
            .expect("old file");
        let favs = Favourites::in_dir(tmp.path());
        assert_eq!(favs.load().items, [finder("kita-finder"), finder("hebammen")]);
        let v = favs.set(hotspot("marienplatz"), true).expect("set");
        assert_eq!(v.items.len(), 3, "stored in the new format, nothing lost");
        assert_eq!(Favourites::in_dir(tmp.path()).finder_ids(), ["kita-finder", "hebammen"]);
        assert_eq!(favs.set(finder("a\u{7}b"), true).expect_err("control").kind, ErrorKind::NotFound);
    }
}
