//! Kiosk mode, for shared devices in Bürger-Labs: the window fills the
//! screen, things that would leave the app (a browser, a sign-in) are not
//! offered, and a session ends after a while without input or when the person
//! says so.
//!
//! Ending a session **wipes**: everything in the data folder goes except the
//! public open-data copies (hotspots, finder catalogue, the default server's
//! report categories) and reports still waiting to be sent — those go out,
//! hidden from the next person, and are removed once sent. The wipe is an
//! allow-list, so a file added by a later feature (or a `*.corrupt`, a temp
//! file, an orphaned photo) cannot be forgotten. Every step runs even when one
//! fails; any failure is reported so the screen stays blocked for a helper.
//!
//! The wipe also runs **at start**, before the first screen, so a crash, a
//! kill or a power cut mid-session leaves nothing for the next person; then
//! the webview's own storage folder (kept inside the data folder in kiosk
//! mode) and any sign-in token in the keyring are removed too. The idle
//! timer is enforced here in the shell as well ([`Session`]): a hung or
//! reloaded page cannot keep a session alive.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use crate::endpoint::Endpoints;
use crate::outbox::Outbox;

/// Public open data, kept across sessions (the same for everybody).
const KEEP: &[&str] = &["hotspots.json", "finders.json"];
/// The webview's storage in kiosk mode (cookies, local storage, caches).
pub const WEBVIEW_DIR: &str = "webview";
/// The shell ends a session this long after the page should have (the page
/// normally ends it itself, after its warning).
pub const GRACE_SECS: u64 = 3;

/// What a wipe works on.
pub struct Wipe<'a> {
    pub data_dir: &'a Path,
    pub outbox: &'a Outbox,
    pub endpoints: &'a Endpoints,
    /// The keyring service of sign-in tokens: any stored token is removed.
    pub keyring_service: &'a str,
}

/// Steps of a wipe that failed, by name, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed(pub Vec<String>);

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.join("; "))
    }
}

/// One step of a wipe.
pub type Step<'s> = (&'static str, Box<dyn FnOnce() -> Result<(), String> + 's>);

/// Runs every step, whatever the ones before did; names those that failed.
pub fn run_steps(steps: Vec<Step<'_>>) -> Result<(), Failed> {
    let mut failed = Vec::new();
    for (name, step) in steps {
        if let Err(e) = step() {
            tracing::error!(step = name, error = %e, "kiosk wipe step failed");
            failed.push(format!("{name}: {e}"));
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Failed(failed))
    }
}

impl Wipe<'_> {
    /// The steps of a wipe. `at_start`: the webview's storage folder goes
    /// too (at run time the webview clears itself instead, see the command).
    pub fn steps(&self, at_start: bool) -> Vec<Step<'_>> {
        let io = |e: std::io::Error| e.to_string();
        vec![
            ("outbox", Box::new(move || self.outbox.end_session().map_err(io))),
            ("outbox leftovers", Box::new(move || remove_unreferenced(self.outbox).map_err(io))),
            ("personal files", Box::new(move || self.remove_personal(at_start).map_err(io))),
            ("server choice", Box::new(move || self.endpoints.reset().map_err(io))),
            (
                "sign-in token",
                Box::new(move || {
                    crate::login::remove_stored_if_reachable(self.keyring_service).map_err(|e| e.to_string())
                }),
            ),
        ]
    }

    /// Everything in the data folder but the allow-list.
    fn remove_personal(&self, at_start: bool) -> std::io::Result<()> {
        let entries = match std::fs::read_dir(self.data_dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        let default_categories = self.endpoints.default_url();
        let mut first_error = None;
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let keep = KEEP.contains(&name.as_str())
                || name == "outbox"
                || (name == WEBVIEW_DIR && !at_start)
                // The categories of the city's server are public; another
                // server's would tell the next person where this one reported.
                || (name == "report-categories.json"
                    && crate::reports::category_cache(self.data_dir)
                        .load()
                        .is_some_and(|c| c.endpoint_url == default_categories));
            if keep {
                continue;
            }
            let path = entry.path();
            let removed =
                if entry.file_type()?.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
            if let Err(e) = removed {
                first_error.get_or_insert(std::io::Error::new(e.kind(), format!("{}: {e}", path.display())));
            }
        }
        first_error.map_or(Ok(()), Err)
    }
}

/// In the outbox folder, every file that no remaining entry names: photos of
/// removed entries, temporary files of a write cut short, corrupt copies.
fn remove_unreferenced(outbox: &Outbox) -> std::io::Result<()> {
    let entries = outbox.list();
    let wanted: std::collections::HashSet<String> = entries
        .iter()
        .flat_map(|e| e.report.photos.iter().cloned().chain(std::iter::once(format!("{}.json", e.id))))
        .collect();
    let dir = match std::fs::read_dir(outbox.dir()) {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in dir {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !wanted.contains(&name) {
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                std::fs::remove_dir_all(path)?;
            } else {
                std::fs::remove_file(path)?;
            }
        }
    }
    Ok(())
}

/// The running session, as the shell sees it: the last input the page
/// reported, and what of the last wipe failed.
#[derive(Debug)]
pub struct Session {
    pub idle_secs: u32,
    started: Instant,
    /// Milliseconds after `started` of the last input.
    last_input_ms: AtomicU64,
    problem: Mutex<Option<String>>,
}

impl Session {
    pub fn new(idle_secs: u32) -> Self {
        Self { idle_secs, started: Instant::now(), last_input_ms: AtomicU64::new(0), problem: Mutex::new(None) }
    }

    /// Someone touched the screen (reported by the page).
    pub fn touch(&self) {
        self.last_input_ms.store(self.started.elapsed().as_millis() as u64, Ordering::SeqCst);
    }

    /// Seconds since the last input.
    pub fn idle_for(&self) -> u64 {
        let now = self.started.elapsed().as_millis() as u64;
        now.saturating_sub(self.last_input_ms.load(Ordering::SeqCst)) / 1000
    }

    /// Whether the shell must end the session itself (the page did not).
    pub fn overdue(&self) -> bool {
        self.idle_for() >= u64::from(self.idle_secs) + GRACE_SECS
    }

    pub fn problem(&self) -> Option<String> {
        self.problem.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    /// Records how the last wipe went; a new session starts either way.
    pub fn ended(&self, result: &Result<(), Failed>) {
        *self.problem.lock().unwrap_or_else(std::sync::PoisonError::into_inner) =
            result.as_ref().err().map(ToString::to_string);
        self.touch();
    }
}

/// Where the webview keeps its data in kiosk mode.
pub fn webview_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(WEBVIEW_DIR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use muc_portal_client::PortalClient;
    use muc_wire::ipc::Draft;
    use muc_wire::open311::{Delivery, OutgoingReport};

    fn files_under(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let rel = e.file_name().to_string_lossy().into_owned();
            if e.path().is_dir() {
                out.extend(files_under(&e.path()).into_iter().map(|f| format!("{rel}/{f}")));
            } else {
                out.push(rel);
            }
        }
        out.sort();
        out
    }

    #[tokio::test]
    async fn a_session_leaves_nothing_personal_and_loses_no_report() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path();
        // The portal is down while the session runs.
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("b").local_addr().expect("a").port();
        let down =
            Endpoints::load(&PortalClient::new(&format!("http://127.0.0.1:{port}")).expect("c"), dir, "muenchen-app");
        let outbox = Outbox::new(dir);
        let report = OutgoingReport {
            email: Some("anna@example.org".into()),
            ..OutgoingReport::new("graffiti")
                .at(48.1427, 11.5775)
                .answer("flaeche", "kasten")
                .describe("im Bürger-Lab geschrieben")
        };
        let photo = include_bytes!("../../portal/tests/fixtures/street-light.jpg").to_vec();
        outbox.enqueue(report, &[photo], None, false, 1).expect("queued");
        outbox.send_due(&down, None, 1).await;
        crate::drafts::Drafts::new(dir)
            .save(Draft { id: "kiosk-draft-1".into(), service_code: "graffiti".into(), ..Draft::default() }, None, 1)
            .expect("draft");
        crate::follows::Follows::new(dir).device_id().expect("device id");
        crate::favourites::Favourites::in_dir(dir)
            .set(muc_wire::personal::Favourite::new(muc_wire::personal::FavouriteKind::Finder, "kita-finder"), true)
            .expect("favourite");
        crate::notices::Inbox::new(dir)
            .set_settings(muc_wire::ipc::NoticeSettings { desktop: false, ..Default::default() })
            .expect("notices");
        // What a crash leaves: a set-aside file, a temp file, an orphaned photo.
        std::fs::write(dir.join("followed-reports.json.corrupt"), b"{").expect("corrupt");
        std::fs::write(outbox.dir().join(".tmp-abc"), b"half").expect("temp");
        std::fs::write(outbox.dir().join("0123.0.photo"), b"orphan").expect("orphan");
        std::fs::write(dir.join("hotspots.json"), b"{}").expect("public copy");
        std::fs::create_dir_all(webview_dir(dir).join("localstorage")).expect("webview");

        let wipe =
            Wipe { data_dir: dir, outbox: &outbox, endpoints: &down, keyring_service: "de.muenchen.app.test.kiosk" };
        run_steps(wipe.steps(true)).expect("wiped");
        let left = files_under(dir);
        let waiting = &outbox.list()[0];
        let mut expected = vec!["hotspots.json".to_string(), format!("outbox/{}.json", waiting.id)];
        expected.extend(waiting.report.photos.iter().map(|p| format!("outbox/{p}")));
        expected.sort();
        assert_eq!(left, expected, "only public data and the waiting report stay");
        assert!(outbox.visible().is_empty(), "the next person sees nothing");
        assert!(waiting.hidden);

        // The portal is back: it goes out, and then nothing of it stays.
        let (base, _stop, _task) = crate::test_portal(dir).await;
        let up = Endpoints::load(&PortalClient::new(&base).expect("c"), dir, "muenchen-app");
        assert_eq!(outbox.send_all_now(&up, None, 100).await, 1);
        assert!(outbox.list().is_empty(), "sent, then removed from the shared device");
        let on_portal: Vec<serde_json::Value> =
            reqwest::get(format!("{base}/open311/v2/requests.json")).await.expect("get").json().await.expect("json");
        assert_eq!(on_portal.len(), 1);
        assert!(!matches!(outbox.list().first().map(|e| &e.delivery), Some(Delivery::Waiting { .. })));
    }

    /// Found in review: the end of a session stopped at the first error.
    #[test]
    fn every_step_runs_and_every_failure_is_named() {
        let ran = std::cell::Cell::new(0);
        let steps: Vec<Step<'_>> = vec![
            (
                "first",
                Box::new(|| {
                    ran.set(ran.get() + 1);
                    Ok(())
                }),
            ),
            ("drafts", Box::new(|| Err("device busy".into()))),
            (
                "third",
                Box::new(|| {
                    ran.set(ran.get() + 1);
                    Ok(())
                }),
            ),
            ("webview", Box::new(|| Err("not cleared".into()))),
        ];
        let failed = run_steps(steps).expect_err("two failed");
        assert_eq!(ran.get(), 2, "the steps after a failure still ran");
        assert_eq!(failed.0, ["drafts: device busy", "webview: not cleared"]);
    }

    #[test]
    fn the_shell_ends_a_session_the_page_forgot() {
        let s = Session::new(0);
        assert!(!s.overdue() || GRACE_SECS == 0);
        let s = Session { started: Instant::now() - std::time::Duration::from_secs(100), ..Session::new(60) };
        assert!(s.overdue(), "no input for 100 s, 60 s allowed");
        s.ended(&Err(Failed(vec!["webview: x".into()])));
        assert!(!s.overdue(), "a new session starts");
        assert_eq!(s.problem().as_deref(), Some("webview: x"));
        s.ended(&Ok(()));
        assert_eq!(s.problem(), None);
    }
}
