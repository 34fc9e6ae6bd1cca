//! The durable outbox: a report is written to disk before anything is sent,
//! and stays there until the portal has it. Sending uses the report's local id
//! as the Open311 Idempotency-Key, so a retry after a crash, a timeout or a
//! lost answer can never create a second report.
//!
//! One sender at a time: the background sender, "Meine Meldungen" and a
//! submit may all ask to send at once; `send_lock` lets one run through while
//! the others wait their turn (and then find nothing left to do). Every
//! change to a stored entry re-reads it under `entry_lock`, so a kiosk
//! session's end and a send finishing at the same moment both take effect.

use std::path::{Path, PathBuf};

use muc_portal_client::ClientError;
pub use muc_wire::open311::{Delivery, Endpoint, OutgoingReport};
use serde::{Deserialize, Serialize};

use crate::cache::JsonFile;
use crate::endpoint::Endpoints;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Local id, also the Idempotency-Key.
    pub id: String,
    pub created_at: i64,
    pub report: OutgoingReport,
    /// The server it goes to, if one was chosen by discovery when it was
    /// written; None: the default (which follows the portal setting).
    #[serde(default)]
    pub endpoint: Option<Endpoint>,
    /// Written while signed in: sent with the person's access token, so it
    /// belongs to their account (our portal only).
    #[serde(default)]
    pub account: bool,
    /// Written in an earlier kiosk session: still sent, no longer shown, and
    /// removed once the portal has it.
    #[serde(default)]
    pub hidden: bool,
    pub delivery: Delivery,
}

#[derive(Debug, Clone)]
pub struct Outbox {
    dir: PathBuf,
    /// The device's random id, sent with a report that goes to the portal
    /// without an account, so the portal can tell this device when it moves on.
    device: Option<crate::follows::Follows>,
    send_lock: std::sync::Arc<tokio::sync::Mutex<()>>,
    entry_lock: std::sync::Arc<std::sync::Mutex<()>>,
}

/// Sends in a row that may run out of time before the report is given back
/// to the person (with backoff: about half an hour of trying).
pub const MAX_TIMEOUTS: u32 = 5;
/// Why such a report was not sent, for the person (German, then English).
pub const TOO_SLOW: &str = "Die Meldung konnte über diese Verbindung nicht rechtzeitig gesendet werden. \
    Entfernen Sie Fotos oder senden Sie sie erneut, wenn die Verbindung besser ist. / \
    The report could not be sent in time over this connection. Remove photos, or send it again on a better connection.";

/// Seconds to wait after `attempts` failures: 15 s doubling, at most 30 min.
pub fn backoff(attempts: u32) -> i64 {
    (15i64 << attempts.min(7)).min(30 * 60)
}

impl Outbox {
    pub fn new(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("outbox"),
            device: Some(crate::follows::Follows::new(data_dir)),
            send_lock: Default::default(),
            entry_lock: Default::default(),
        }
    }

    /// Reports go without this device's id (kiosk mode: a shared device has
    /// nobody to tell, and keeps no id of its own across sessions).
    pub fn without_device(mut self) -> Self {
        self.device = None;
        self
    }

    /// Read-modify-write of stored entries, one at a time (short, no await inside).
    fn entries(&self) -> std::sync::MutexGuard<'_, ()> {
        self.entry_lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The folder with the entries and their photos (the kiosk wipe keeps it).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, id: &str) -> JsonFile<Entry> {
        JsonFile::new(self.dir.join(format!("{id}.json")), 1)
    }

    /// Writes the report (and its photos) to disk; returns its local id.
    pub fn enqueue(
        &self,
        mut report: OutgoingReport,
        photos: &[Vec<u8>],
        endpoint: Option<Endpoint>,
        account: bool,
        now: i64,
    ) -> std::io::Result<Entry> {
        let id = random_hex16()?;
        // Photos first, each synced and renamed into place: the entry that
        // names them is written last, so it never points at a missing file.
        report.photos.clear();
        for (n, bytes) in photos.iter().enumerate() {
            let name = format!("{id}.{n}.photo");
            crate::cache::write_atomic(&self.dir.join(&name), bytes)?;
            report.photos.push(name);
        }
        let entry = Entry {
            id: id.clone(),
            created_at: now,
            report,
            endpoint,
            account,
            hidden: false,
            delivery: Delivery::Waiting { attempts: 0, next_attempt_at: now, last_error: None, timeouts: 0 },
        };
        self.file(&id).store(&entry)?;
        Ok(entry)
    }

    /// Every report of this device, newest first.
    pub fn list(&self) -> Vec<Entry> {
        let mut v: Vec<Entry> =
            crate::cache::json_ids(&self.dir).iter().filter_map(|id| self.file(id).load()).collect();
        v.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(a.id.cmp(&b.id)));
        v
    }

    /// The reports the person in front of the device may see (kiosk mode
    /// hides earlier sessions' waiting reports).
    pub fn visible(&self) -> Vec<Entry> {
        self.list().into_iter().filter(|e| !e.hidden).collect()
    }

    /// The end of a kiosk session: sent and refused reports go, waiting ones
    /// stay (hidden) until the portal has them. Nothing unsent is lost.
    pub fn end_session(&self) -> std::io::Result<()> {
        let _one = self.entries();
        for mut e in self.list() {
            if matches!(e.delivery, Delivery::Waiting { .. }) {
                e.hidden = true;
                self.file(&e.id).store(&e)?;
            } else {
                self.remove(&e)?;
            }
        }
        Ok(())
    }

    /// Whether a report written signed in waits to be sent (it needs a token).
    pub fn waiting_for_account(&self) -> bool {
        self.list().iter().any(|e| e.account && matches!(e.delivery, Delivery::Waiting { .. }))
    }

    /// Takes a report the portal refused out of the outbox, with its photos,
    /// so the person can fix it (it comes back as a draft).
    pub fn take_refused(&self, id: &str) -> std::io::Result<Option<(Entry, Vec<Vec<u8>>)>> {
        let _one = self.entries();
        if !muc_wire::ipc::Draft::valid_id(id) {
            return Ok(None);
        }
        let file = self.file(id);
        let Some(entry) = file.load() else { return Ok(None) };
        if !matches!(entry.delivery, Delivery::Refused { .. }) {
            return Ok(None);
        }
        let photos =
            entry.report.photos.iter().map(|p| std::fs::read(self.dir.join(p))).collect::<Result<Vec<_>, _>>()?;
        Ok(Some((entry, photos)))
    }

    /// Removes a report and its photos (after it became a draft again).
    pub fn remove(&self, entry: &Entry) -> std::io::Result<()> {
        std::fs::remove_file(self.file(&entry.id).path())?;
        for p in &entry.report.photos {
            let _ = std::fs::remove_file(self.dir.join(p));
        }
        Ok(())
    }

    fn fields(&self, r: &OutgoingReport) -> Vec<(String, String)> {
        let mut f = vec![("service_code".to_string(), r.service_code.clone())];
        if let (Some(lat), Some(lon)) = (r.lat, r.lon) {
            f.push(("lat".into(), lat.to_string()));
            f.push(("long".into(), lon.to_string()));
        }
        for (k, v) in [("address_string", &r.address), ("description", &r.description), ("email", &r.email)] {
            if let Some(v) = v {
                f.push((k.into(), v.clone()));
            }
        }
        for (code, values) in &r.attributes {
            for v in values {
                let key = if values.len() > 1 { format!("attribute[{code}][]") } else { format!("attribute[{code}]") };
                f.push((key, v.clone()));
            }
        }
        f
    }

    /// Sends every report that is due; returns how many the portal now has.
    /// `token`: the signed-in person's access token, for reports written signed in.
    pub async fn send_due(&self, endpoints: &Endpoints, token: Option<&str>, now: i64) -> usize {
        self.send(endpoints, token, now, false).await
    }

    /// Sends every waiting report now, whatever its backoff (the person asked).
    pub async fn send_all_now(&self, endpoints: &Endpoints, token: Option<&str>, now: i64) -> usize {
        self.send(endpoints, token, now, true).await
    }

    async fn send(&self, endpoints: &Endpoints, token: Option<&str>, now: i64, ignore_backoff: bool) -> usize {
        // One sender at a time; a second caller waits, then finds the
        // entries the first one sent already marked as sent.
        let _sender = self.send_lock.lock().await;
        let mut sent = 0;
        for e in self.list() {
            let Delivery::Waiting { attempts, next_attempt_at, timeouts, .. } = e.delivery.clone() else { continue };
            if next_attempt_at > now && !ignore_backoff {
                continue;
            }
            let photos: Vec<Vec<u8>> = e
                .report
                .photos
                .iter()
                .filter_map(|name| {
                    std::fs::read(self.dir.join(name))
                        .inspect_err(|err| {
                            tracing::error!(id = %e.id, error = %err, "outbox photo unreadable; sending without it")
                        })
                        .ok()
                })
                .collect();
            let client = endpoints.client_for(e.endpoint.as_ref());
            // Signed out since it was written: it still goes, without the account.
            let bearer = if e.account && e.endpoint.is_none() { token } else { None };
            let mut fields = self.fields(&e.report);
            if e.endpoint.is_none() && bearer.is_none() {
                if let Some(id) = self.device.as_ref().and_then(|f| f.device_id().ok()) {
                    fields.push(("device_id".into(), id));
                }
            }
            let delivery = match client.post_report(&fields, photos, &e.id, bearer).await {
                Ok(created) => {
                    sent += 1;
                    Delivery::Sent {
                        service_request_id: created.service_request_id.unwrap_or_default(),
                        token: created.token,
                        sent_at: now,
                    }
                }
                // The portal read it and said no: keep it for the person, do not retry blindly.
                // 401: the token expired on the way; the next run renews it.
                // 408, 429 and 428 (a proof of work expired or used): try again later.
                Err(ClientError::Status { status, description, .. })
                    if (400..500).contains(&status) && !matches!(status, 401 | 408 | 428 | 429) =>
                {
                    Delivery::Refused { reason: description }
                }
                // Ran out of time again and again (408 is the server's word for
                // it): too big for this link. Not retried for ever; kept with a
                // reason, to send again with fewer photos or a better connection.
                Err(err @ (ClientError::TimedOut(_) | ClientError::Status { status: 408, .. }))
                    if timeouts + 1 >= MAX_TIMEOUTS =>
                {
                    tracing::warn!(id = %e.id, error = %err, "report given up after repeated timeouts");
                    Delivery::Refused { reason: TOO_SLOW.into() }
                }
                Err(err) => Delivery::Waiting {
                    attempts: attempts + 1,
                    next_attempt_at: now.saturating_add(backoff(attempts)),
                    timeouts: match err {
                        ClientError::TimedOut(_) | ClientError::Status { status: 408, .. } => timeouts + 1,
                        _ => 0,
                    },
                    last_error: Some(err.to_string()),
                },
            };
            self.record(&e.id, delivery);
        }
        sent
    }

    /// Writes down how a send went, on the entry as it is on disk now (a
    /// kiosk session may have ended meanwhile and hidden it).
    fn record(&self, id: &str, delivery: Delivery) {
        let _one = self.entries();
        let file = self.file(id);
        let Some(mut e) = file.load() else { return };
        e.delivery = delivery;
        if e.hidden && matches!(e.delivery, Delivery::Sent { .. } | Delivery::Refused { .. }) {
            // A kiosk session's report, sent: nothing of it stays on the shared device.
            if let Err(err) = self.remove(&e) {
                tracing::error!(id = %e.id, error = %err, "sent kiosk report not removed");
            }
            return;
        }
        if let Err(err) = file.store(&e) {
            // The portal has it (or not); the next run resends with the same key, which is safe.
            tracing::error!(id = %e.id, error = %err, "could not record the delivery");
        }
    }
}

/// 16 random bytes as 32 hex digits (local ids, the supporter id).
pub fn random_hex16() -> std::io::Result<String> {
    let mut raw = [0u8; 16];
    getrandom_fill(&mut raw)?;
    Ok(raw.iter().map(|b| format!("{b:02x}")).collect())
}

/// The operating system's random source on every platform (getrandom):
/// ids double as idempotency keys and the supporter id, so never a clock.
fn getrandom_fill(buf: &mut [u8]) -> std::io::Result<()> {
    getrandom::getrandom(buf).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use muc_portal_client::PortalClient;

    fn endpoints(base: &str, dir: &Path) -> Endpoints {
        Endpoints::load(&PortalClient::new(base).expect("client"), dir, "muenchen-app")
    }

    fn light() -> OutgoingReport {
        OutgoingReport::new("strassenbeleuchtung")
            .at(48.137154, 11.576124)
            .answer("art", "dunkel")
            .describe("Laterne dunkel")
    }

    async fn reports_on_portal(base: &str) -> usize {
        let body =
            reqwest::get(format!("{base}/open311/v2/requests.json")).await.expect("GET").text().await.expect("body");
        serde_json::from_str::<Vec<serde_json::Value>>(&body).expect("list").len()
    }

    #[test]
    fn backoff_grows_and_stops() {
        assert_eq!(backoff(0), 15);
        assert_eq!(backoff(1), 30);
        assert_eq!(backoff(6), 960);
        assert_eq!(backoff(20), 1800);
    }

    #[tokio::test]
    async fn waits_while_the_portal_is_down_then_arrives_once() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("b").local_addr().expect("a").port();
        let down = endpoints(&format!("http://127.0.0.1:{port}"), tmp.path());
        let outbox = Outbox::new(tmp.path());
        let e = outbox
            .enqueue(
                light(),
                &vec![include_bytes!("../../portal/tests/fixtures/street-light.jpg").to_vec(); 2],
                None,
                false,
                100,
            )
            .expect("enqueue");

        assert_eq!(outbox.send_due(&down, None, 100).await, 0);
        let waiting = outbox.list();
        assert!(
            matches!(
                &waiting[0].delivery,
                Delivery::Waiting { attempts: 1, next_attempt_at: 115, last_error: Some(_), timeouts: 0 }
            ),
            "{waiting:?}"
        );

        // A restart: a new Outbox over the same folder still has it.
        let (base, _stop, _task) = crate::test_portal(tmp.path()).await;
        let up = endpoints(&base, tmp.path());
        let again = Outbox::new(tmp.path());
        assert_eq!(again.send_due(&up, None, 110).await, 0, "not due yet: backoff");
        assert_eq!(again.send_due(&up, None, 115).await, 1);
        assert_eq!(again.send_due(&up, None, 2000).await, 0, "sent once, never again");
        assert!(
            matches!(&again.list()[0].delivery, Delivery::Sent { service_request_id, .. } if service_request_id.starts_with("MUC-"))
        );
        assert_eq!(again.list()[0].id, e.id);
        assert_eq!(reports_on_portal(&base).await, 1);
        let stored: serde_json::Value =
            reqwest::get(format!("{base}/open311/v2/requests.json")).await.expect("GET").json().await.expect("json");
        let urls = stored[0]["extended_attributes"]["media_urls"].as_array().expect("photos").len();
        assert_eq!(urls, 2, "both photos arrived");
    }

    #[tokio::test]
    async fn a_crash_after_sending_does_not_duplicate() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, _stop, _task) = crate::test_portal(tmp.path()).await;
        let client = endpoints(&base, tmp.path());
        let outbox = Outbox::new(tmp.path());
        let e = outbox.enqueue(light(), &[], None, false, 0).expect("enqueue");
        // The app sent it, then died before it could write down that it did.
        let first =
            client.client().post_report(&outbox.fields(&e.report), Vec::new(), &e.id, None).await.expect("first send");
        // After the restart it sends again, with the same key.
        assert_eq!(outbox.send_due(&client, None, 1).await, 1);
        let Delivery::Sent { service_request_id, .. } = &outbox.list()[0].delivery else { panic!("sent") };
        assert_eq!(Some(service_request_id.clone()), first.service_request_id);
        assert_eq!(reports_on_portal(&base).await, 1, "exactly once");
    }

    #[tokio::test]
    async fn a_refused_report_is_kept_with_the_reason() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, _stop, _task) = crate::test_portal(tmp.path()).await;
        let client = endpoints(&base, tmp.path());
        let outbox = Outbox::new(tmp.path());
        let mut r = light();
        r.attributes.clear();
        outbox.enqueue(r, &[b"%PDF-1.4 not a photo".to_vec()], None, false, 0).expect("enqueue");
        assert_eq!(outbox.send_due(&client, None, 1).await, 0);
        let entry = &outbox.list()[0];
        assert!(matches!(&entry.delivery, Delivery::Refused { reason } if reason.contains("art")), "{entry:?}");
        assert_eq!(entry.report.service_code, "strassenbeleuchtung", "nothing the person wrote is lost");
        assert!(
            matches!(&entry.delivery, Delivery::Refused { reason } if reason.contains("Bitte ausfüllen")),
            "{entry:?}"
        );

        // The reason comes in the person's language (Accept-Language).
        client.speak("tr");
        let mut r = light();
        r.attributes.clear();
        outbox.enqueue(r, &[], None, false, 2).expect("enqueue");
        outbox.send_due(&client, None, 3).await;
        let turkish = outbox.list().into_iter().find(|e| e.created_at == 2).expect("the second");
        assert!(
            matches!(&turkish.delivery, Delivery::Refused { reason } if reason.contains("Lütfen doldurun") && reason.contains("Lambanın nesi var?")),
            "{turkish:?}"
        );
    }

    /// Found in review: the background sender, "Meine Meldungen" and a
    /// submit each called `send` with no lock, all writing one temp file name.
    /// Here they run against each other for many rounds through a portal that
    /// fails some answers: every report arrives exactly once, none is set aside.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn senders_against_each_other_deliver_every_report_exactly_once() {
        use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
        use std::sync::Arc;
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, _stop, _task) = crate::test_portal(tmp.path()).await;
        let relay = crate::test_relay(base.clone(), crate::Relay::Flaky).await;
        let eps = Arc::new(endpoints(&relay, tmp.path()));
        let outbox = Outbox::new(tmp.path());
        let drafts = crate::drafts::Drafts::new(tmp.path());
        let follows = crate::follows::Follows::new(tmp.path());
        let login = Arc::new(crate::login::Login::not_configured());
        // Time moves on fast, so backoff never hides a report for long.
        let clock = Arc::new(AtomicI64::new(1_000));
        let now = {
            let c = clock.clone();
            move || c.fetch_add(500, Ordering::SeqCst)
        };
        let done = Arc::new(AtomicBool::new(false));

        // Two background senders (as after a second launch), two people
        // looking at "Meine Meldungen", and the writers below.
        let mut loops = Vec::new();
        for _ in 0..2 {
            let (o, e, d, n) = (outbox.clone(), eps.clone(), done.clone(), now.clone());
            loops.push(tokio::spawn(async move {
                while !d.load(Ordering::SeqCst) {
                    o.send_due(&e, None, n()).await;
                    tokio::task::yield_now().await;
                }
            }));
            let (o, e, d, n, l, f) =
                (outbox.clone(), eps.clone(), done.clone(), now.clone(), login.clone(), follows.clone());
            loops.push(tokio::spawn(async move {
                while !d.load(Ordering::SeqCst) {
                    crate::reports::mine(&o, &f, &e, &l, n()).await;
                }
            }));
        }
        const WRITERS: usize = 4;
        const EACH: usize = 10;
        // Long texts make each save take a while, as on a slow phone.
        let long = "ü".repeat(3800);
        let mut writers = Vec::new();
        for w in 0..WRITERS {
            let (outbox, eps, drafts, login, now) =
                (outbox.clone(), eps.clone(), drafts.clone(), login.clone(), now.clone());
            let long = long.clone();
            writers.push(tokio::spawn(async move {
                for i in 0..EACH {
                    let report = OutgoingReport { description: Some(format!("Stress {w}-{i}. {long}")), ..light() };
                    let args = muc_wire::ipc::SubmitReportArgs { report, photos: Vec::new(), draft_id: None };
                    crate::reports::submit(&outbox, &drafts, &eps, &login, args, now()).await.expect("queued");
                }
            }));
        }
        for w in writers {
            w.await.expect("writer");
        }
        // Let the sender and the viewer go on a little against each other.
        for _ in 0..10 {
            outbox.send_all_now(&eps, None, now()).await;
        }
        done.store(true, Ordering::SeqCst);
        for l in loops {
            l.await.expect("loop");
        }
        // Whatever is still waiting goes out now (the relay still fails some).
        for _ in 0..50 {
            if outbox.list().iter().all(|e| matches!(e.delivery, Delivery::Sent { .. })) {
                break;
            }
            outbox.send_all_now(&eps, None, now()).await;
        }

        let entries = outbox.list();
        assert_eq!(entries.len(), WRITERS * EACH, "no report set aside or lost");
        let unsent: Vec<_> = entries
            .iter()
            .filter(|e| !matches!(e.delivery, Delivery::Sent { .. }))
            .map(|e| format!("{}: {:?}", e.id, std::mem::discriminant(&e.delivery)))
            .collect();
        assert!(unsent.is_empty(), "not sent: {unsent:?}");
        let aside: Vec<_> = std::fs::read_dir(outbox.dir())
            .expect("dir")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
            .collect();
        assert!(aside.is_empty(), "set aside: {aside:?}");
        let all: Vec<serde_json::Value> = reqwest::get(format!("{base}/open311/v2/requests.json?page_size=100"))
            .await
            .expect("GET")
            .json()
            .await
            .expect("json");
        for w in 0..WRITERS {
            for i in 0..EACH {
                let text = format!("Stress {w}-{i}. ");
                let n = all.iter().filter(|r| r["description"].as_str().is_some_and(|d| d.starts_with(&text))).count();
                assert_eq!(n, 1, "{text} arrived {n} times");
            }
        }
    }

    /// Found in review: a report too big for the link was retried for ever
    /// (a 20 s limit for every request). Now its time grows with its size,
    /// and after repeated timeouts it comes back to the person with a reason.
    #[tokio::test]
    async fn a_report_too_slow_for_the_link_comes_back_with_a_reason() {
        let tmp = tempfile::tempdir().expect("tempdir");
        // A server that asks for no proof of work (404) and takes the upload
        // but never answers it.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((mut s, _)) = listener.accept().await {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let mut first = [0u8; 4];
                if s.peek(&mut first).await.is_ok() && &first == b"GET " {
                    let mut buf = vec![0u8; 4096];
                    let _ = s.read(&mut buf).await;
                    let _ =
                        s.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").await;
                } else {
                    held.push(s);
                }
            }
        });
        let timing =
            muc_portal_client::UploadTiming { base: std::time::Duration::from_millis(300), bytes_per_sec: 1 << 40 };
        let slow = Endpoints::load(
            &PortalClient::new(&url).expect("client").with_upload_timing(timing),
            tmp.path(),
            "muenchen-app",
        );
        let outbox = Outbox::new(tmp.path());
        outbox.enqueue(light(), &[], None, false, 0).expect("queued");
        for round in 1..MAX_TIMEOUTS {
            outbox.send_all_now(&slow, None, i64::from(round)).await;
            let d = &outbox.list()[0].delivery;
            assert!(matches!(d, Delivery::Waiting { timeouts, .. } if *timeouts == round), "{d:?}");
        }
        outbox.send_all_now(&slow, None, 99).await;
        let d = &outbox.list()[0].delivery;
        assert!(matches!(d, Delivery::Refused { reason } if reason.contains("Entfernen Sie Fotos")), "{d:?}");
        assert_eq!(outbox.list()[0].report.description.as_deref(), Some("Laterne dunkel"), "nothing is lost");
    }

    #[test]
    fn a_big_report_gets_more_time_up_to_the_portals_limit() {
        let t = muc_portal_client::UploadTiming::default();
        assert_eq!(t.for_bytes(0).as_secs(), 30);
        assert_eq!(t.for_bytes(10 * 1024 * 1024).as_secs(), 30 + 320, "10 MB at 256 kbit/s");
        assert_eq!(t.for_bytes(1 << 40).as_secs(), muc_wire::open311::UPLOAD_TIMEOUT_SECS);
    }
}
