//! "Benachrichtigungen": the inbox on this device and what feeds it.
//!
//! - From the portal: notifications it keeps for this person (signed in: the
//!   account; else this device's random id) — their reports moving on, and
//!   the public topics and districts they subscribed to. Caught up from the
//!   feed at start (one summary on the desktop, not a flood), then followed
//!   on the portal's Server-Sent Events stream, resumed from the last id
//!   taken (`cursors`), so nothing is missed and nothing comes twice.
//! - From other GeoReport servers, which cannot push: the app asks now and
//!   then how the reports it sent there are doing (`update`).
//!
//! Read, unread and deleted are kept here at once and sent to the portal
//! (waiting over restarts when it does not answer), so the inbox is the same
//! on every device of an account. Settings: desktop notifications, topics,
//! districts, quiet hours (no desktop notification then; the inbox still
//! has everything).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use muc_portal_client::notifications::Who;
use muc_portal_client::PortalClient;
use muc_wire::ipc::{MyReport, Notice, NoticeSettings, Notices};
use muc_wire::notify::{Marks, Notification, Severity, Subscriptions, Topic};
use muc_wire::open311::DetailedStatus;
use serde::{Deserialize, Serialize};

use crate::cache::JsonFile;

/// At most this many notices are kept (oldest go first).
const KEEP: usize = 300;

/// A notice with the subscriber it came to (`account:<sub>` / `device:<id>`),
/// to send its marks for the same one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Kept {
    #[serde(flatten)]
    notice: Notice,
    #[serde(default)]
    subscriber: Option<String>,
}

/// Marks the portal has not taken yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WaitingMark {
    subscriber: String,
    marks: Marks,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct State {
    notices: Vec<Kept>,
    settings: NoticeSettings,
    /// The subscriber the portal last took the settings for (None: nobody
    /// yet, or they changed since).
    settings_sent_to: Option<String>,
    /// Per subscriber, the last portal id taken.
    cursors: BTreeMap<String, i64>,
    marks_waiting: Vec<WaitingMark>,
    /// Reports on other servers: service_request_id → the last status seen.
    seen: BTreeMap<String, String>,
}

/// The file of an earlier version (format 1): news of reports only.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StateV1 {
    seen: BTreeMap<String, String>,
    notices: Vec<NoticeV1>,
    desktop: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct NoticeV1 {
    service_request_id: String,
    service_name: Option<String>,
    status: DetailedStatus,
    note: Option<String>,
    at: i64,
    read: bool,
}

pub struct Inbox {
    file: JsonFile<State>,
    legacy: JsonFile<StateV1>,
    /// One read-modify-write at a time (the listener and commands).
    lock: std::sync::Mutex<()>,
    /// Woken when whom to listen for or what to hear changed (sign-in,
    /// sign-out, settings): the listener reconnects.
    pub changed: tokio::sync::Notify,
}

/// A report's news as a notice (other servers, and the earlier file format).
fn report_notice(id: &str, service: Option<&str>, status: DetailedStatus, note: Option<&str>, at: i64) -> Notice {
    let what = service.unwrap_or("Ihre Meldung");
    Notice {
        key: format!("local:{id}:{}", status.code()),
        topic: Topic::ReportStatus,
        severity: if status == DetailedStatus::Fixed { Severity::Success } else { Severity::Info },
        title: format!("{what}: {}", status.label().0),
        text: format!("{id}{}", note.map(|t| format!(" – {t}")).unwrap_or_default()),
        link: Some(format!("report:{id}")),
        at,
        read: false,
    }
}

/// A portal notification as a notice.
fn portal_notice(n: &Notification, now: i64) -> Notice {
    Notice {
        key: format!("portal:{}", n.id),
        topic: n.topic,
        severity: n.severity,
        title: n.title.clone(),
        text: n.text.clone(),
        link: n.link.clone(),
        at: muc_wire::time::parse_rfc3339(&n.created_at).unwrap_or(now),
        read: n.read,
    }
}

impl Inbox {
    pub fn new(data_dir: &Path) -> Self {
        let path = data_dir.join("notices.json");
        Self {
            file: JsonFile::new(path.clone(), 2),
            legacy: JsonFile::new(path, 1),
            lock: std::sync::Mutex::new(()),
            changed: tokio::sync::Notify::new(),
        }
    }

    fn state(&self) -> State {
        if let Some(s) = self.file.load() {
            return s;
        }
        // The earlier format: its notices and setting are kept.
        match self.legacy.load() {
            Some(v1) => State {
                notices: v1
                    .notices
                    .iter()
                    .map(|n| Kept {
                        notice: Notice {
                            read: n.read,
                            ..report_notice(
                                &n.service_request_id,
                                n.service_name.as_deref(),
                                n.status,
                                n.note.as_deref(),
                                n.at,
                            )
                        },
                        subscriber: None,
                    })
                    .collect(),
                settings: NoticeSettings { desktop: v1.desktop, ..NoticeSettings::default() },
                seen: v1.seen,
                ..State::default()
            },
            None => State::default(),
        }
    }

    /// Changes the stored state under the lock; returns what `f` returns.
    fn change<T>(&self, f: impl FnOnce(&mut State) -> T) -> std::io::Result<T> {
        let _one = self.lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut s = self.state();
        let out = f(&mut s);
        s.notices.sort_by_key(|k| std::cmp::Reverse(k.notice.at));
        s.notices.truncate(KEEP);
        self.file.store(&s)?;
        Ok(out)
    }

    fn view(s: &State) -> Notices {
        Notices {
            notices: s.notices.iter().map(|k| k.notice.clone()).collect(),
            settings: s.settings.clone(),
            waiting: !s.marks_waiting.is_empty() || s.settings_sent_to.is_none(),
        }
    }

    pub fn list(&self) -> Notices {
        Self::view(&self.state())
    }

    /// How many are unread (the number on the area bar).
    pub fn unread(&self) -> u32 {
        self.state().notices.iter().filter(|k| !k.notice.read).count() as u32
    }

    pub fn settings(&self) -> NoticeSettings {
        self.state().settings
    }

    /// The last portal id taken for `subscriber` (None: never listened).
    pub fn cursor(&self, subscriber: &str) -> Option<i64> {
        self.state().cursors.get(subscriber).copied()
    }

    /// Takes notifications from the portal for `subscriber`; returns those
    /// new to the inbox (a notification already here is not news again).
    pub fn take(&self, subscriber: &str, items: &[Notification], now: i64) -> std::io::Result<Vec<Notice>> {
        self.change(|s| {
            let mut fresh = Vec::new();
            for n in items {
                let cursor = s.cursors.entry(subscriber.to_string()).or_insert(0);
                *cursor = (*cursor).max(n.id);
                let notice = portal_notice(n, now);
                if s.notices.iter().any(|k| k.notice.key == notice.key) {
                    continue;
                }
                s.notices.push(Kept { notice: notice.clone(), subscriber: Some(subscriber.to_string()) });
                fresh.push(notice);
            }
            if items.is_empty() {
                s.cursors.entry(subscriber.to_string()).or_insert(0);
            }
            fresh
        })
    }

    /// Moves the cursor on without notices (a feed page with nothing for us).
    pub fn advance(&self, subscriber: &str, to: i64) -> std::io::Result<()> {
        self.change(|s| {
            let c = s.cursors.entry(subscriber.to_string()).or_insert(0);
            *c = (*c).max(to);
        })
    }

    /// Compares reports on other servers with what was seen before; returns
    /// the new notices and keeps them. Reports the server did not answer for,
    /// and the portal's own (it pushes their news), are left alone.
    pub fn update(&self, mine: &[MyReport], now: i64) -> std::io::Result<Vec<Notice>> {
        let elsewhere: Vec<&MyReport> = mine.iter().filter(|r| r.elsewhere && r.remote.is_some()).collect();
        if elsewhere.is_empty() {
            return Ok(Vec::new());
        }
        self.change(|s| {
            let mut fresh = Vec::new();
            for r in elsewhere {
                let Some(remote) = &r.remote else { continue };
                let status = remote.extended_attributes.as_ref().map(|x| x.detailed_status).unwrap_or(
                    if remote.status == "closed" { DetailedStatus::Closed } else { DetailedStatus::Received },
                );
                let before = s.seen.insert(remote.service_request_id.clone(), status.code().to_string());
                if before.is_some_and(|b| b != status.code()) {
                    let n = report_notice(
                        &remote.service_request_id,
                        remote.service_name.as_deref(),
                        status,
                        remote.status_notes.as_deref(),
                        now,
                    );
                    s.notices.push(Kept { notice: n.clone(), subscriber: None });
                    fresh.push(n);
                }
            }
            fresh
        })
    }

    /// Read, unread or deleted: here at once, to the portal when it answers.
    pub fn mark(&self, key: &str, read: Option<bool>, deleted: bool) -> std::io::Result<Notices> {
        self.change(|s| {
            let Some(at) = s.notices.iter().position(|k| k.notice.key == key) else { return Self::view(s) };
            let kept = if deleted { s.notices.remove(at) } else { s.notices[at].clone() };
            if let Some(r) = read {
                if let Some(k) = s.notices.iter_mut().find(|k| k.notice.key == key) {
                    k.notice.read = r;
                }
            }
            let portal_id = kept.notice.key.strip_prefix("portal:").and_then(|id| id.parse::<i64>().ok());
            if let (Some(id), Some(subscriber)) = (portal_id, kept.subscriber) {
                s.marks_waiting.push(WaitingMark { subscriber, marks: Marks { ids: vec![id], read, deleted } });
            }
            Self::view(s)
        })
    }

    /// Everything read (the inbox was looked at).
    pub fn mark_all_read(&self) -> std::io::Result<Notices> {
        self.change(|s| {
            let mut by: BTreeMap<String, Vec<i64>> = BTreeMap::new();
            for k in s.notices.iter_mut().filter(|k| !k.notice.read) {
                k.notice.read = true;
                let id = k.notice.key.strip_prefix("portal:").and_then(|id| id.parse::<i64>().ok());
                if let (Some(id), Some(sub)) = (id, &k.subscriber) {
                    by.entry(sub.clone()).or_default().push(id);
                }
            }
            for (subscriber, ids) in by {
                for ids in ids.chunks(500) {
                    s.marks_waiting.push(WaitingMark {
                        subscriber: subscriber.clone(),
                        marks: Marks { ids: ids.to_vec(), read: Some(true), deleted: false },
                    });
                }
            }
            Self::view(s)
        })
    }

    /// New settings; the portal is told on the listener's next connection.
    pub fn set_settings(&self, mut settings: NoticeSettings) -> Result<Notices, String> {
        settings.topics.retain(|t| Topic::PUBLIC.contains(t));
        settings.topics.sort();
        settings.topics.dedup();
        settings.districts.sort_unstable();
        settings.districts.dedup();
        Subscriptions { topics: settings.topics.clone(), districts: settings.districts.clone() }.check()?;
        if settings.quiet.is_some_and(|(a, b)| a >= 24 * 60 || b >= 24 * 60) {
            return Err("quiet hours: minutes after midnight, 0 to 1439".into());
        }
        let out = self
            .change(|s| {
                s.settings = settings;
                s.settings_sent_to = None;
                Self::view(s)
            })
            .map_err(|e| e.to_string())?;
        self.changed.notify_one();
        Ok(out)
    }

    /// Tells the portal what waits for `subscriber`: its subscriptions (if
    /// they changed or the subscriber did), and its marks. Marks of an
    /// account no longer signed in are dropped (they cannot be sent);
    /// what the portal refuses is dropped with a log line; what does not
    /// reach it waits. Ok(false): something is still waiting.
    pub async fn send_waiting(&self, portal: &PortalClient, who: Who<'_>, subscriber: &str) -> bool {
        let s = self.state();
        let mut all_sent = true;
        if s.settings_sent_to.as_deref() != Some(subscriber) {
            let subs = Subscriptions { topics: s.settings.topics.clone(), districts: s.settings.districts.clone() };
            match portal.put_subscriptions(who, &subs).await {
                Ok(_) => {
                    let settings = s.settings.clone();
                    let _ = self.change(|st| {
                        // Unless they changed again meanwhile.
                        if st.settings == settings {
                            st.settings_sent_to = Some(subscriber.to_string());
                        }
                    });
                }
                Err(e) => {
                    tracing::info!(error = %e, "subscriptions not sent");
                    all_sent = false;
                }
            }
        }
        for w in &s.marks_waiting {
            let outcome = if w.subscriber == subscriber {
                match portal.mark_notifications(who, &w.marks).await {
                    Ok(()) => true,
                    Err(muc_portal_client::ClientError::Status { status, .. }) if status < 500 && status != 429 => {
                        tracing::warn!(status, "marks refused by the portal; dropped");
                        true
                    }
                    Err(e) => {
                        tracing::info!(error = %e, "marks not sent");
                        false
                    }
                }
            } else {
                // Another account's, signed out since: they cannot be sent.
                !w.subscriber.starts_with("device:")
            };
            if outcome {
                let _ = self.change(|st| {
                    if let Some(i) = st.marks_waiting.iter().position(|x| x == w) {
                        st.marks_waiting.remove(i);
                    }
                });
            } else {
                all_sent = false;
            }
        }
        all_sent
    }

    /// Forgets every notice, cursor and status seen (kiosk session end).
    pub fn clear(&self) -> std::io::Result<()> {
        self.file.remove()
    }
}

/// Whether news goes to the desktop as well as the inbox: if the person
/// wants it, not in their quiet hours, and never on a shared device, where
/// the desktop's notification history would keep a visitor's news.
pub fn desktop_wanted(settings: &NoticeSettings, kiosk: bool, local_minute: u16) -> bool {
    settings.desktop && !kiosk && !settings.is_quiet(local_minute)
}

/// Minutes after midnight, local time (the system's time zone, read by jiff
/// from the tz database: quiet hours are the person's hours).
pub fn local_minute() -> u16 {
    let now = jiff::Zoned::now();
    u16::try_from(i32::from(now.hour()) * 60 + i32::from(now.minute())).unwrap_or(0)
}

/// What the desktop shows after a catch-up: each of a few, or one summary
/// of many (a person opening the app after a week is not flooded).
pub fn catch_up_text(fresh: &[Notice]) -> Option<(String, String, Option<String>)> {
    match fresh {
        [] => None,
        [one] => Some((one.title.clone(), one.text.clone(), one.link.clone())),
        many => Some((
            format!("{} neue Benachrichtigungen", many.len()),
            many.iter().take(3).map(|n| n.title.as_str()).collect::<Vec<_>>().join(" · "),
            Some("screen:notices".into()),
        )),
    }
}

/// Who the app listens for: the signed-in account, else this device.
pub async fn subscriber(state: &crate::AppState, now: i64) -> Result<(Option<String>, String), String> {
    if let Ok(Some(token)) = state.login.access_token(now).await {
        if let Some(session) = state.login.status().session {
            return Ok((Some(token), format!("account:{}", session.account_id)));
        }
    }
    let device = state.follows.device_id().map_err(|e| e.to_string())?;
    Ok((None, format!("device:{device}")))
}

/// Follows the portal for as long as the app runs: sends what waits,
/// catches up from the feed (one desktop summary), then takes the stream,
/// reconnecting with backoff from the last id taken. `shown` is told of
/// what should appear on the desktop and that the inbox changed.
pub async fn listen(handle: tauri::AppHandle, shown: impl Fn(Shown) + Send + Sync) {
    use tauri::Manager;
    let mut backoff = Backoff::default();
    loop {
        let state = handle.state::<crate::AppState>();
        let portal = state.client.clone();
        let now = crate::commands::now();
        let (token, subscriber) = match subscriber(&state, now).await {
            Ok(x) => x,
            Err(e) => {
                tracing::warn!(error = %e, "notifications: no device id");
                tokio::time::sleep(backoff.next_delay()).await;
                continue;
            }
        };
        let who = match &token {
            Some(t) => Who::Account(t),
            None => Who::Device(subscriber.trim_start_matches("device:")),
        };
        match follow(&state.notices, &portal, who, &subscriber, state.kiosk.is_some(), &shown, &mut backoff).await {
            Ok(Ended::Changed) => backoff = Backoff::default(),
            Ok(Ended::Stream) => {}
            Err(e) => tracing::info!(error = %e, "notifications: portal not reached"),
        }
        // Back soon, or at once when sign-in or settings changed.
        let _ = tokio::time::timeout(backoff.next_delay(), state.notices.changed.notified()).await;
    }
}

/// What the listener hands to the window and the desktop.
#[derive(Debug, Clone, PartialEq)]
pub enum Shown {
    /// The inbox changed (the page refreshes it).
    Inbox,
    /// A desktop notification: summary, body, link.
    Desktop(String, String, Option<String>),
}

#[derive(Debug, PartialEq)]
pub enum Ended {
    /// Sign-in or settings changed: reconnect now.
    Changed,
    /// The portal ended the stream or the connection broke.
    Stream,
}

/// One connection: what waits is sent, the feed caught up, the stream
/// followed until it ends or `inbox.changed` says to reconnect.
pub async fn follow(
    inbox: &Inbox,
    portal: &PortalClient,
    who: Who<'_>,
    subscriber: &str,
    kiosk: bool,
    shown: &(impl Fn(Shown) + Send + Sync),
    backoff: &mut Backoff,
) -> Result<Ended, muc_portal_client::ClientError> {
    // A change signalled before now is what this connection starts from:
    // its stored wake-up is taken, so it does not end the stream at once.
    let _ = tokio::time::timeout(Duration::ZERO, inbox.changed.notified()).await;
    inbox.send_waiting(portal, who, subscriber).await;
    // Catch up: everything after the last id taken (never listened: all
    // the portal still keeps, but nothing of it on the desktop).
    let known = inbox.cursor(subscriber);
    let mut after = known.unwrap_or(0);
    let mut fresh = Vec::new();
    loop {
        let page = portal.notifications(who, after).await?;
        fresh.extend(inbox.take(subscriber, &page.items, crate::commands::now()).unwrap_or_default());
        inbox.advance(subscriber, page.next_after).ok();
        after = page.next_after;
        if !page.more {
            break;
        }
    }
    if !fresh.is_empty() {
        shown(Shown::Inbox);
    }
    if known.is_some() && desktop_wanted(&inbox.settings(), kiosk, local_minute()) {
        let unread: Vec<Notice> = fresh.into_iter().filter(|n| !n.read).collect();
        if let Some((s, b, l)) = catch_up_text(&unread) {
            shown(Shown::Desktop(s, b, l));
        }
    }
    let mut stream = portal.notification_stream(who, Some(after)).await?;
    *backoff = Backoff::default();
    loop {
        let next = tokio::select! {
            n = stream.next() => n,
            () = inbox.changed.notified() => return Ok(Ended::Changed),
        };
        let n = match next {
            None => return Ok(Ended::Stream),
            Some(Err(e)) => return Err(e),
            Some(Ok(n)) => n,
        };
        let fresh = inbox.take(subscriber, std::slice::from_ref(&n), crate::commands::now()).unwrap_or_default();
        if fresh.is_empty() {
            continue;
        }
        shown(Shown::Inbox);
        if desktop_wanted(&inbox.settings(), kiosk, local_minute()) {
            for f in fresh {
                shown(Shown::Desktop(f.title, f.text, f.link));
            }
        }
    }
}

/// Reconnection delays: 1 s doubling to a minute, each with up to a quarter
/// more at random, so a thousand apps do not come back in the same second
/// after a portal restart.
#[derive(Debug, Default)]
pub struct Backoff {
    tries: u32,
}

impl Backoff {
    pub fn next_delay(&mut self) -> Duration {
        let base = Duration::from_secs(1u64 << self.tries.min(6)).min(Duration::from_secs(60));
        self.tries = self.tries.saturating_add(1);
        let mut b = [0u8; 2];
        let _ = getrandom::getrandom(&mut b);
        base + base.mul_f64(f64::from(u16::from_le_bytes(b)) / f64::from(u16::MAX) / 4.0)
    }
}

/// One round of asking other GeoReport servers (they cannot push): news
/// kept in the inbox and, if wanted, shown on the desktop.
pub async fn check(state: &crate::AppState, now: i64) -> Vec<Notice> {
    let mine =
        crate::reports::statuses(&state.outbox, &state.follows, &state.endpoints, &state.login, now, false).await;
    match state.notices.update(&mine, now) {
        Ok(fresh) => fresh,
        Err(e) => {
            tracing::error!(error = %e, "notices not kept");
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_on_the_desktop_of_a_shared_device_or_in_quiet_hours() {
        let on = NoticeSettings::default();
        assert!(desktop_wanted(&on, false, 600));
        assert!(!desktop_wanted(&on, true, 600), "kiosk: inbox only");
        assert!(!desktop_wanted(&NoticeSettings { desktop: false, ..on.clone() }, false, 600));
        let night = NoticeSettings { quiet: Some((22 * 60, 7 * 60)), ..on };
        assert!(!desktop_wanted(&night, false, 23 * 60));
        assert!(desktop_wanted(&night, false, 8 * 60));
    }

    #[test]
    fn many_caught_up_are_one_summary() {
        let n = |i: i64| report_notice(&format!("M-{i}"), Some("Graffiti"), DetailedStatus::Fixed, None, i);
        assert_eq!(catch_up_text(&[]), None);
        assert_eq!(catch_up_text(&[n(1)]).map(|t| t.0), Some("Graffiti: Erledigt".into()));
        let (summary, body, link) = catch_up_text(&[n(1), n(2), n(3), n(4), n(5)]).expect("one");
        assert_eq!(summary, "5 neue Benachrichtigungen");
        assert_eq!(body.matches("Graffiti: Erledigt").count(), 3, "the first three named: {body}");
        assert_eq!(link.as_deref(), Some("screen:notices"));
    }

    #[test]
    fn backoff_grows_to_a_minute_with_jitter() {
        let mut b = Backoff::default();
        let d: Vec<Duration> = (0..9).map(|_| b.next_delay()).collect();
        assert!(d[0] >= Duration::from_secs(1) && d[0] <= Duration::from_millis(1250), "{d:?}");
        assert!(d[3] >= Duration::from_secs(8) && d[3] <= Duration::from_secs(10), "{d:?}");
        assert!(d[8] >= Duration::from_secs(60) && d[8] <= Duration::from_secs(75), "{d:?}");
    }

    #[test]
    fn the_first_format_is_read_and_its_notices_kept() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            tmp.path().join("notices.json"),
            r#"{"format":1,"data":{"seen":{"MUC-1":"fixed"},"desktop":false,"notices":[{"service_request_id":"MUC-1","service_name":"Graffiti","status":"fixed","note":"Übermalt.","at":5,"read":false}]}}"#,
        )
        .expect("write");
        let inbox = Inbox::new(tmp.path());
        let list = inbox.list();
        assert!(!list.settings.desktop, "the setting is kept");
        assert_eq!(list.notices.len(), 1, "{list:?}");
        assert_eq!(
            (list.notices[0].title.as_str(), list.notices[0].text.as_str()),
            ("Graffiti: Erledigt", "MUC-1 – Übermalt.")
        );
        assert_eq!(list.notices[0].link.as_deref(), Some("report:MUC-1"));
    }

    /// Until `f` holds (a hang guard of 30 s, not a timing assertion).
    async fn until(what: &str, f: impl Fn() -> bool) {
        for _ in 0..300 {
            if f() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{what}: not within 30 s");
    }

    async fn publish(base: &str, token: &str, title: &str) -> i64 {
        let r = reqwest::Client::new()
            .post(format!("{base}/operator/notifications"))
            .bearer_auth(token)
            .json(&serde_json::json!({"audience": {"to": "subscribers"}, "topic": "warnings", "district": 3,
                                      "title": title, "text": "Bitte Fenster schließen."}))
            .send()
            .await
            .expect("publish");
        assert_eq!(r.status(), reqwest::StatusCode::CREATED);
        r.json::<serde_json::Value>().await.expect("json")["id"].as_i64().expect("id")
    }

    type Seen = std::sync::Arc<std::sync::Mutex<Vec<Shown>>>;

    fn desktop_titles(seen: &Seen) -> Vec<String> {
        let seen = seen.lock().expect("lock");
        seen.iter()
            .filter_map(|s| match s {
                Shown::Desktop(t, _, _) => Some(t.clone()),
                Shown::Inbox => None,
            })
            .collect()
    }

    fn titles(inbox: &Inbox) -> Vec<String> {
        inbox.list().notices.iter().map(|n| n.title.clone()).collect()
    }

    /// One connection of the listener in a task of its own, until told that
    /// something changed.
    fn run(inbox: &std::sync::Arc<Inbox>, base: &str, device: &str, seen: &Seen) -> tokio::task::JoinHandle<Ended> {
        let (inbox, base, device, seen) = (inbox.clone(), base.to_string(), device.to_string(), seen.clone());
        tokio::spawn(async move {
            let portal = PortalClient::new(&base).expect("client");
            let shown = move |s: Shown| seen.lock().expect("lock").push(s);
            let subscriber = format!("device:{device}");
            follow(&inbox, &portal, Who::Device(&device), &subscriber, false, &shown, &mut Backoff::default())
                .await
                .expect("followed")
        })
    }

    /// With the real portal: the device subscribes (sent by the listener
    /// itself); what was published before it ever listened comes into the
    /// inbox without a desktop notification; a live one comes on the desktop
    /// once; a read mark reaches the portal on the next connection; three
    /// published while the app was closed are one summary at its start.
    #[tokio::test(flavor = "multi_thread")]
    async fn the_portals_notifications_reach_the_inbox_once_and_the_desktop_sparingly() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, _stop, _task) = crate::test_portal(tmp.path()).await;
        let pool = muc_portal::db::connect(&format!("sqlite:{}?mode=rwc", tmp.path().join("portal.db").display()))
            .await
            .expect("db");
        let token =
            muc_portal::auth::create_token(&pool, "Presseamt", &[muc_portal::auth::Scope::Notifications], 1, "t")
                .await
                .expect("token")
                .token;
        let dir = tmp.path().join("app");
        std::fs::create_dir_all(&dir).expect("dir");
        let device = crate::follows::Follows::new(&dir).device_id().expect("device id");
        let inbox = std::sync::Arc::new(Inbox::new(&dir));
        let settings =
            NoticeSettings { topics: vec![Topic::Warnings], districts: vec![3], ..NoticeSettings::default() };
        inbox.set_settings(settings).expect("settings");
        let seen: Seen = Default::default();

        // The first connection subscribes; then an operator publishes.
        let first = run(&inbox, &base, &device, &seen);
        let portal = PortalClient::new(&base).expect("client");
        until("subscribed", || !inbox.list().waiting).await;
        let subs = portal.subscriptions(Who::Device(&device)).await.expect("subscriptions");
        assert_eq!((subs.topics, subs.districts), (vec![Topic::Warnings], vec![3]));
        let live = publish(&base, &token, "Unwetterwarnung").await;
        until("in the inbox", || titles(&inbox) == ["Unwetterwarnung"]).await;
        until("shown on the desktop", || desktop_titles(&seen) == ["Unwetterwarnung"]).await;
        assert_eq!(titles(&inbox), ["Unwetterwarnung"]);

        // Read here: the portal learns it on the next connection.
        inbox.mark(&format!("portal:{live}"), Some(true), false).expect("read");
        inbox.changed.notify_one();
        assert_eq!(first.await.expect("ran"), Ended::Changed);
        // Closed: three come meanwhile.
        for t in ["Sturm 1", "Sturm 2", "Sturm 3"] {
            publish(&base, &token, t).await;
        }
        let second = run(&inbox, &base, &device, &seen);
        until("caught up", || titles(&inbox).len() == 4).await;
        until("one summary", || desktop_titles(&seen).len() == 2).await;
        assert_eq!(desktop_titles(&seen)[1], "3 neue Benachrichtigungen", "one summary, not a flood");
        let feed = portal.notifications(Who::Device(&device), 0).await.expect("feed");
        let read: Vec<(String, bool)> = feed.items.iter().map(|n| (n.title.clone(), n.read)).collect();
        assert_eq!(read[0], ("Unwetterwarnung".to_string(), true), "the mark reached the portal: {read:?}");
        // Nothing twice: the same notifications again change nothing.
        assert!(inbox.take(&format!("device:{device}"), &feed.items, 0).expect("take").is_empty());
        assert_eq!(titles(&inbox).len(), 4);
        second.abort();
    }

    /// A portal that is not there: the listener's connection fails with an
    /// error it retries on; marks and settings wait, over a restart too.
    #[tokio::test]
    async fn without_the_portal_settings_and_marks_wait() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
        let gone = PortalClient::new(&format!("http://127.0.0.1:{port}")).expect("client");
        let inbox = Inbox::new(tmp.path());
        inbox
            .set_settings(NoticeSettings { topics: vec![Topic::RoadWorks], ..NoticeSettings::default() })
            .expect("set");
        let shown = |_: Shown| {};
        let r = follow(
            &inbox,
            &gone,
            Who::Device("a-device-id-00000001"),
            "device:a-device-id-00000001",
            false,
            &shown,
            &mut Backoff::default(),
        )
        .await;
        assert!(matches!(r, Err(muc_portal_client::ClientError::Unreachable(_))), "{r:?}");
        let again = Inbox::new(tmp.path());
        assert_eq!(again.settings().topics, [Topic::RoadWorks]);
        assert!(again.list().waiting, "still to be sent");
        assert!(again.set_settings(NoticeSettings { districts: vec![26], ..NoticeSettings::default() }).is_err());
        assert!(again.set_settings(NoticeSettings { quiet: Some((0, 1440)), ..NoticeSettings::default() }).is_err());
    }

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
        MyReport { elsewhere: true, ..crate::reports::from_remote(remote, false, false) }
    }

    #[test]
    fn news_from_other_servers_is_a_change_the_first_sighting_is_not() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let inbox = Inbox::new(tmp.path());
        assert!(inbox.list().settings.desktop, "on unless turned off");
        assert!(inbox.update(&[report("X-1", DetailedStatus::Received, None)], 10).expect("update").is_empty());
        assert!(inbox.update(&[report("X-1", DetailedStatus::Received, None)], 20).expect("same").is_empty());
        let fixed =
            inbox.update(&[report("X-1", DetailedStatus::Fixed, Some("Leuchtmittel getauscht."))], 30).expect("news");
        assert_eq!(
            (fixed[0].title.as_str(), fixed[0].text.as_str()),
            ("Straßenbeleuchtung: Erledigt", "X-1 – Leuchtmittel getauscht.")
        );
        // The portal's own reports: its push says it, not a guess from here.
        let mut own = report("M-1", DetailedStatus::Received, None);
        own.elsewhere = false;
        inbox.update(&[own.clone()], 40).expect("seen");
        own.remote.as_mut().expect("remote").extended_attributes.as_mut().expect("x").detailed_status =
            DetailedStatus::Fixed;
        assert!(inbox.update(&[own], 50).expect("ignored").is_empty());
        // No answer: nothing changes.
        let mut unknown = report("X-1", DetailedStatus::Closed, None);
        unknown.remote = None;
        assert!(inbox.update(&[unknown], 60).expect("no answer").is_empty());
        let again = Inbox::new(tmp.path());
        assert_eq!(again.list().notices.len(), 1);
        assert_eq!(again.unread(), 1);
        assert!(again.mark_all_read().expect("read").notices[0].read);
        assert_eq!(again.unread(), 0);
    }
}
