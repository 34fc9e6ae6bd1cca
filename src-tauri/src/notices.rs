//! "Benachrichtigungen": when a report this person follows moves on (their
//! own, one they support, or one of their account), the app says so — in its
//! inbox, and as a desktop notification if they want that. The app remembers
//! the last status it saw of each report; the first sighting is not news.

use std::collections::BTreeMap;
use std::path::Path;

use muc_wire::ipc::{MyReport, Notice, Notices};
use muc_wire::open311::DetailedStatus;
use serde::{Deserialize, Serialize};

use crate::cache::JsonFile;

/// At most this many notices are kept (oldest go first).
const KEEP: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct State {
    /// service_request_id → the last status code seen.
    seen: BTreeMap<String, String>,
    notices: Vec<Notice>,
    /// Desktop notifications wanted (on unless the person turned them off).
    #[serde(default = "yes")]
    desktop: bool,
}

fn yes() -> bool {
    true
}

pub struct Inbox {
    file: JsonFile<State>,
}

impl Inbox {
    pub fn new(data_dir: &Path) -> Self {
        Self { file: JsonFile::new(data_dir.join("notices.json"), 1) }
    }

    fn state(&self) -> State {
        self.file.load().unwrap_or(State { desktop: true, ..State::default() })
    }

    pub fn list(&self) -> Notices {
        let s = self.state();
        Notices { notices: s.notices, desktop: s.desktop }
    }

    /// Compares with what was seen before; returns the new notices (newest
    /// first) and keeps them. Reports the server did not answer for are left alone.
    pub fn update(&self, mine: &[MyReport], now: i64) -> std::io::Result<Vec<Notice>> {
        let mut s = self.state();
        let mut fresh = Vec::new();
        for r in mine {
            let Some(remote) = &r.remote else { continue };
            let status =
                remote.extended_attributes.as_ref().map(|x| x.detailed_status).unwrap_or(
                    if remote.status == "closed" { DetailedStatus::Closed } else { DetailedStatus::Received },
                );
            let before = s.seen.insert(remote.service_request_id.clone(), status.code().to_string());
            if before.is_some_and(|b| b != status.code()) {
                fresh.push(Notice {
                    service_request_id: remote.service_request_id.clone(),
                    service_name: remote.service_name.clone(),
                    status,
                    note: remote.status_notes.clone(),
                    at: now,
                    read: false,
                });
            }
        }
        let changed = !fresh.is_empty() || s.seen.len() != self.state().seen.len();
        for n in fresh.iter().rev() {
            s.notices.insert(0, n.clone());
        }
        s.notices.truncate(KEEP);
        if changed {
            self.file.store(&s)?;
        }
        Ok(fresh)
    }

    /// Forgets every notice and status seen (kiosk session end).
    pub fn clear(&self) -> std::io::Result<()> {
        self.file.remove()
    }

    pub fn mark_read(&self) -> std::io::Result<Notices> {
        let mut s = self.state();
        s.notices.iter_mut().for_each(|n| n.read = true);
        self.file.store(&s)?;
        Ok(Notices { notices: s.notices, desktop: s.desktop })
    }

    pub fn set_desktop(&self, on: bool) -> std::io::Result<Notices> {
        let mut s = self.state();
        s.desktop = on;
        self.file.store(&s)?;
        Ok(Notices { notices: s.notices, desktop: s.desktop })
    }
}

/// Whether news goes to the desktop as well as the inbox: if the person
/// wants it, and never on a shared device, where the desktop's notification
/// history would keep a visitor's reports after the session.
pub fn desktop_wanted(person_wants: bool, kiosk: bool) -> bool {
    person_wants && !kiosk
}

/// One round of the background check: statuses asked (nothing sent), news
/// kept in the inbox and, if wanted, shown on the desktop.
pub async fn check(state: &crate::AppState, now: i64) {
    let mine =
        crate::reports::statuses(&state.outbox, &state.follows, &state.endpoints, &state.login, now, false).await;
    match state.notices.update(&mine, now) {
        Ok(fresh) => {
            let desktop = desktop_wanted(state.notices.list().desktop, state.kiosk.is_some());
            for n in fresh {
                tracing::info!(id = %n.service_request_id, status = n.status.code(), "report moved on");
                if desktop {
                    if let Err(e) = show_on_desktop(&n) {
                        tracing::warn!(error = %e, "desktop notification not shown");
                    }
                }
            }
        }
        Err(e) => tracing::error!(error = %e, "notices not kept"),
    }
}

/// The desktop notification's text: (summary, body), in German (the
/// background has no UI language; German first).
pub fn desktop_text(n: &Notice) -> (String, String) {
    let (de, _) = n.status.label();
    let what = n.service_name.clone().unwrap_or_else(|| "Ihre Meldung".into());
    (
        format!("{what}: {de}"),
        format!("{}{}", n.service_request_id, n.note.as_ref().map(|t| format!(" – {t}")).unwrap_or_default()),
    )
}

/// Shows a desktop notification (freedesktop.org Notifications on Linux).
/// Without a notification service it is an error the caller logs: the
/// inbox has the notice anyway.
pub fn show_on_desktop(n: &Notice) -> Result<(), String> {
    let (summary, body) = desktop_text(n);
    notify_rust::Notification::new()
        .appname("München App")
        .summary(&summary)
        .body(&body)
        .show()
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn never_on_the_desktop_of_a_shared_device() {
        assert!(super::desktop_wanted(true, false));
        assert!(!super::desktop_wanted(true, true), "kiosk: inbox only");
        assert!(!super::desktop_wanted(false, false));
    }

    use super::*;
    use muc_wire::open311::{Extended, ServiceRequest};

    fn report(id: &str, status: DetailedStatus, note: Option<&str>) -> MyReport {
        let remote = ServiceRequest {
            status_notes: note.map(str::to_string),
            service_name: Some("Straßenbeleuchtung".into()),
            extended_attributes: Some(Extended {
                detailed_status: status,
                status_history: Vec::new(),
                media_urls: Vec::new(),
                supporters: 0,
            }),
            ..ServiceRequest::new(id, "strassenbeleuchtung", status.open311(), "2026-11-28T10:00:00Z")
        };
        crate::reports::from_remote(remote, false, false)
    }

    #[test]
    fn a_change_is_news_the_first_sighting_is_not() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let inbox = Inbox::new(tmp.path());
        assert!(inbox.list().desktop, "on unless turned off");
        let first = inbox.update(&[report("MUC-1", DetailedStatus::Received, None)], 10).expect("update");
        assert!(first.is_empty());
        assert!(inbox.update(&[report("MUC-1", DetailedStatus::Received, None)], 20).expect("same").is_empty());
        let fixed = inbox
            .update(&[report("MUC-1", DetailedStatus::Fixed, Some("Leuchtmittel getauscht."))], 30)
            .expect("changed");
        assert_eq!(fixed.len(), 1);
        assert_eq!(
            desktop_text(&fixed[0]),
            ("Straßenbeleuchtung: Erledigt".into(), "MUC-1 – Leuchtmittel getauscht.".into())
        );
        // Kept across a restart, unread until read.
        let again = Inbox::new(tmp.path());
        assert_eq!(again.list().notices.len(), 1);
        assert!(!again.list().notices[0].read);
        assert!(again.mark_read().expect("read").notices[0].read);
        assert!(!again.set_desktop(false).expect("off").desktop);
        assert!(!Inbox::new(tmp.path()).list().desktop);
    }

    #[test]
    fn offline_answers_change_nothing() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let inbox = Inbox::new(tmp.path());
        inbox.update(&[report("MUC-2", DetailedStatus::Received, None)], 1).expect("seen");
        let mut unknown = report("MUC-2", DetailedStatus::Fixed, None);
        unknown.remote = None;
        assert!(inbox.update(&[unknown], 2).expect("no answer").is_empty());
        assert!(inbox.update(&[report("MUC-2", DetailedStatus::Received, None)], 3).expect("same").is_empty());
    }
}
