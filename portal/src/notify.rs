//! Notifications: kept in the database, delivered as a feed with a cursor
//! (`GET /notifications?after=`) and as a Server-Sent Events stream
//! (`GET /notifications/stream`) whose event ids are the notifications' ids.
//!
//! - Who asks: a signed-in person (access token, level 1) or a device of
//!   someone who does not sign in (`X-Device-Id`, the app's random device
//!   id: the same id it supports reports with).
//! - What they get: notifications addressed to them (a report they sent or
//!   support moved on: written in the status change's transaction), and
//!   public ones of the topics and districts they subscribed to.
//! - No gap, no duplicate: ids come from one counter row, locked by the
//!   publishing transaction until it commits (SQLite's write lock does the
//!   same), so a notification with a lower id is never committed after one
//!   with a higher id, and no id is given twice. Whoever has seen
//!   everything up to id n asks for `id > n`.
//! - Several instances: a publication sends `pg_notify` in its transaction;
//!   every instance's hub LISTENs, and reads what is new from the database,
//!   so a notification published on one reaches subscribers of all. The hub
//!   also looks every few seconds, should the LISTEN connection drop. SQLite
//!   runs as one instance; its hub is woken in-process.
//! - The hub keeps the latest notifications in memory (a ring): a thousand
//!   open streams woken by one publication filter the ring, they do not each
//!   query the database. A stream further behind than the ring pages through
//!   the database first.

use std::collections::VecDeque;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use muc_wire::notify::{
    device_id_ok, Audience, Marks, Notification, NotificationPage, Publish, Severity, Subscriptions, Topic,
};
use muc_wire::open311::DetailedStatus;
use sqlx::AnyPool;
use tokio::sync::watch;

use crate::error::Error;
use crate::limits::Source;
use crate::AppState;

/// Kept for this long unless the publisher says otherwise.
const DEFAULT_LIFETIME_SECS: i64 = 30 * 86_400;
/// Expired notifications are deleted this often.
const CLEAN_EVERY: Duration = Duration::from_secs(3600);
/// A device's subscriptions not changed for this long are dropped (the app
/// sends them again at each start; a device gone is forgotten).
const DEVICE_IDLE_SECS: i64 = 400 * 86_400;
/// Notifications the hub keeps in memory for the streams.
const RING: usize = 4096;
/// A page of the feed (and of a stream's catching up).
const PAGE: i64 = 200;
/// The hub looks at the database this often even without a signal.
const SAFETY_POLL: Duration = Duration::from_secs(5);
/// A stream reads its subscriber's subscriptions again after this long.
const SUBSCRIPTIONS_FRESH: Duration = Duration::from_secs(10);
const CHANNEL: &str = "muc_notifications";

/// Who is asking: `account:<sub>` or `device:<id>` as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscriber(String);

impl Subscriber {
    pub fn account(sub: &str) -> Self {
        Subscriber(format!("account:{sub}"))
    }

    pub fn device(id: &str) -> Self {
        Subscriber(format!("device:{id}"))
    }

    pub fn key(&self) -> &str {
        &self.0
    }
}

/// The subscriber of a request: a valid access token (at the level `route`
/// needs), else a well-formed `X-Device-Id`; neither is a 401.
pub async fn subscriber(st: &AppState, headers: &HeaderMap, route: &str) -> Result<Subscriber, Error> {
    if crate::auth::bearer(headers).is_some() {
        let c = crate::personal::citizen(st, headers, crate::personal::needed(route)).await?;
        return Ok(Subscriber::account(&c.sub));
    }
    match headers.get("x-device-id").and_then(|v| v.to_str().ok()) {
        Some(id) if device_id_ok(id) => Ok(Subscriber::device(id)),
        Some(_) => Err(Error::bad_request("invalid_device_id", "X-Device-Id: 16 to 64 of A-Z a-z 0-9 - _.")),
        None => Err(Error::Unauthorized(
            "Notifications are for a signed-in person (Authorization: Bearer) or a device (X-Device-Id).".into(),
        )),
    }
}

/// A notification as stored: who it is for, and what a subscriber gets.
#[derive(Debug, Clone)]
pub struct Stored {
    /// None: subscribers of its topic and district.
    pub recipient: Option<String>,
    pub expires_at: i64,
    pub n: Notification,
}

impl Stored {
    fn reaches(&self, who: &Subscriber, subs: &Subscriptions, now: i64) -> bool {
        self.expires_at > now
            && match &self.recipient {
                Some(r) => r == who.key(),
                None => subs.wants(self.n.topic, self.n.district),
            }
    }
}

type Row = (i64, String, Option<i64>, String, String, String, Option<String>, i64, i64, Option<String>);
/// A row with the subscriber's marks: read at, deleted at.
type Marked = (
    i64,
    String,
    Option<i64>,
    String,
    String,
    String,
    Option<String>,
    i64,
    i64,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

fn stored(row: Row) -> Option<Stored> {
    let (id, topic, district, severity, title, text, link, created_at, expires_at, recipient) = row;
    Some(Stored {
        expires_at,
        n: Notification {
            id,
            topic: Topic::from_code(&topic)?,
            district: district.and_then(|d| u8::try_from(d).ok()),
            severity: Severity::from_code(&severity).unwrap_or_default(),
            title,
            text,
            link,
            created_at: crate::rfc3339(created_at),
            expires_at: Some(crate::rfc3339(expires_at)),
            personal: recipient.is_some(),
            read: false,
        },
        recipient,
    })
}

const COLUMNS: &str = "id, topic, district, severity, title, body, link, created_at, expires_at, recipient";

fn is_postgres(db: &AnyPool) -> bool {
    db.connect_options().database_url.scheme().starts_with("postgres")
}

/// Writes one notification in `tx`, with the next id (see the module text).
pub async fn insert(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    postgres: bool,
    p: &Publish,
    now: i64,
) -> Result<i64, sqlx::Error> {
    // The row stays locked until commit: ids are committed in the order given.
    sqlx::query("UPDATE notification_counter SET last_id = last_id + 1 WHERE only_row = 1").execute(&mut **tx).await?;
    let id: i64 =
        sqlx::query_scalar("SELECT last_id FROM notification_counter WHERE only_row = 1").fetch_one(&mut **tx).await?;
    let recipient = match &p.audience {
        Audience::Subscribers => None,
        Audience::Account { account_id } => Some(Subscriber::account(account_id).0),
        Audience::Device { device_id } => Some(Subscriber::device(device_id).0),
    };
    let expires = p.expires_at.as_deref().and_then(crate::parse_rfc3339).unwrap_or(now + DEFAULT_LIFETIME_SECS);
    sqlx::query(
        "INSERT INTO notifications (id, topic, district, severity, title, body, link, created_at, expires_at, recipient) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id)
    .bind(p.topic.code())
    .bind(p.district.map(i64::from))
    .bind(p.severity.code())
    .bind(p.title.trim())
    .bind(p.text.trim())
    .bind(&p.link)
    .bind(now)
    .bind(expires)
    .bind(recipient)
    .execute(&mut **tx)
    .await?;
    if postgres {
        // Delivered to every instance's hub when this transaction commits.
        sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(id.to_string()).execute(&mut **tx).await?;
    }
    Ok(id)
}

/// Publishes one notification in a transaction of its own, with its audit
/// row (`by`: the operator). The instances' hubs learn of it from
/// `pg_notify` on PostgreSQL; on SQLite the caller wakes its own hub (the
/// command line's publication is found by the running portal's next look).
pub async fn publish(db: &AnyPool, p: &Publish, by: &str) -> Result<i64, Error> {
    p.check().map_err(|why| Error::bad_request("invalid_notification", why))?;
    let mut tx = crate::db::begin_write(db).await?;
    let id = insert(&mut tx, is_postgres(db), p, crate::now()).await?;
    let to = match &p.audience {
        Audience::Subscribers => {
            p.district.map_or("subscribers".to_string(), |d| format!("subscribers in district {d}"))
        }
        Audience::Account { .. } => "an account".to_string(),
        Audience::Device { .. } => "a device".to_string(),
    };
    crate::audit::record(
        &mut tx,
        by,
        "notification.publish",
        &id.to_string(),
        Some(&format!("{}: {to}", p.topic.code())),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A report moved on: a notification for whoever sent it (its account, or
/// without one its device) and each device supporting it, in the status
/// change's transaction.
pub async fn status_changed(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    postgres: bool,
    request_id: &str,
    status: DetailedStatus,
    note: Option<&str>,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let (account, device, service): (Option<String>, Option<String>, String) = sqlx::query_as(
        "SELECT r.account_id, r.device_id, COALESCE(s.name_de, r.service_code) FROM requests r \
         LEFT JOIN services s ON s.code = r.service_code WHERE r.id = $1",
    )
    .bind(request_id)
    .fetch_one(&mut **tx)
    .await?;
    let supporters: Vec<String> = sqlx::query_scalar("SELECT supporter FROM request_support WHERE request_id = $1")
        .bind(request_id)
        .fetch_all(&mut **tx)
        .await?;
    // The reporter: the account a report was sent with (seen on every device
    // signed in), else the device it came from; supporters are devices.
    let device = device.filter(|_| account.is_none());
    let mut audiences: Vec<Audience> = Vec::new();
    audiences.extend(account.map(|account_id| Audience::Account { account_id }));
    for d in device.into_iter().chain(supporters).filter(|d| device_id_ok(d)) {
        let a = Audience::Device { device_id: d };
        if !audiences.contains(&a) {
            audiences.push(a);
        }
    }
    // In German, the app's first language (the portal does not know the
    // person's; the app shows the status in words of its own beside it).
    let title: String = format!("{service}: {}", status.label().0).chars().take(120).collect();
    let severity = if status == DetailedStatus::Fixed { Severity::Success } else { Severity::Info };
    let text = match note {
        Some(n) => format!("{request_id} – {n}"),
        None => request_id.to_string(),
    };
    let text: String = text.chars().take(1000).collect();
    for audience in &audiences {
        let p = Publish {
            audience: audience.clone(),
            topic: Topic::ReportStatus,
            district: None,
            severity,
            title: title.clone(),
            text: text.clone(),
            link: Some(format!("report:{request_id}")).filter(|l| l.len() <= 107),
            expires_at: None,
        };
        insert(tx, postgres, &p, now).await?;
    }
    Ok(audiences.len())
}

/// The subscriber's subscriptions (none kept: none).
pub async fn subscriptions_of(db: &AnyPool, who: &Subscriber) -> Result<Subscriptions, sqlx::Error> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT topics, districts FROM subscriptions WHERE subscriber = $1")
            .bind(who.key())
            .fetch_optional(db)
            .await?;
    let Some((topics, districts)) = row else { return Ok(Subscriptions::default()) };
    Ok(Subscriptions {
        topics: topics.split(',').filter_map(Topic::from_code).collect(),
        districts: districts.split(',').filter_map(|d| d.parse().ok()).collect(),
    })
}

/// Every notification addressed to `who` (the data export), with its read
/// mark, deleted ones too: they are still kept until they expire.
pub async fn addressed_to(db: &AnyPool, who: &Subscriber) -> Result<Vec<Notification>, sqlx::Error> {
    let rows: Vec<Marked> = sqlx::query_as(
        "SELECT n.id, n.topic, n.district, n.severity, n.title, n.body, n.link, n.created_at, n.expires_at, \
             n.recipient, m.read_at, m.deleted_at FROM notifications n \
             LEFT JOIN notification_marks m ON m.subscriber = $1 AND m.notification_id = n.id \
             WHERE n.recipient = $1 ORDER BY n.id",
    )
    .bind(who.key())
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, topic, district, severity, title, body, link, created, expires, recipient, read, _deleted)| {
                let mut s = stored((id, topic, district, severity, title, body, link, created, expires, recipient))?;
                s.n.read = read.is_some();
                Some(s.n)
            },
        )
        .collect())
}

/// One page of what `who` gets after `after`, with its read marks; deleted ones left out.
pub async fn page(db: &AnyPool, who: &Subscriber, after: i64, now: i64) -> Result<NotificationPage, sqlx::Error> {
    let subs = subscriptions_of(db, who).await?;
    let rows: Vec<Marked> = sqlx::query_as(&format!(
        "SELECT n.id, n.topic, n.district, n.severity, n.title, n.body, n.link, n.created_at, n.expires_at, \
             n.recipient, m.read_at, m.deleted_at FROM notifications n \
             LEFT JOIN notification_marks m ON m.subscriber = $1 AND m.notification_id = n.id \
             WHERE n.id > $2 AND (n.recipient = $1 OR n.recipient IS NULL) ORDER BY n.id LIMIT {}",
        PAGE + 1
    ))
    .bind(who.key())
    .bind(after)
    .fetch_all(db)
    .await?;
    let more = rows.len() as i64 > PAGE;
    let mut next_after = after;
    let mut items = Vec::new();
    for (id, topic, district, severity, title, body, link, created, expires, recipient, read, deleted) in
        rows.into_iter().take(PAGE as usize)
    {
        next_after = id;
        let Some(mut s) = stored((id, topic, district, severity, title, body, link, created, expires, recipient))
        else {
            continue;
        };
        if deleted.is_none() && s.reaches(who, &subs, now) {
            s.n.read = read.is_some();
            items.push(s.n);
        }
    }
    Ok(NotificationPage { items, next_after, more })
}

/// Deletes expired notifications with their marks, and subscriptions of
/// devices not heard of for over a year. Returns the notifications deleted.
pub async fn clean(db: &AnyPool, now: i64) -> Result<u64, sqlx::Error> {
    let mut tx = crate::db::begin_write(db).await?;
    sqlx::query(
        "DELETE FROM notification_marks WHERE notification_id IN (SELECT id FROM notifications WHERE expires_at <= $1)",
    )
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let deleted = sqlx::query("DELETE FROM notifications WHERE expires_at <= $1").bind(now).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM subscriptions WHERE subscriber LIKE 'device:%' AND updated_at < $1")
        .bind(now - DEVICE_IDLE_SECS)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(deleted.rows_affected())
}

// ---- The hub -----------------------------------------------------------

/// This instance's view of what has been published: the latest id and a
/// ring of the latest notifications, for the open streams.
pub struct Hub {
    ring: RwLock<VecDeque<Arc<Stored>>>,
    latest: watch::Sender<i64>,
    wake: tokio::sync::Notify,
    /// Set when the portal stops: every stream ends (a client reconnects
    /// to another instance, or to this one after its restart).
    closed: watch::Sender<bool>,
}

impl Hub {
    /// Starts the hub's task (and on PostgreSQL its listener) on `db`.
    pub async fn start(db: AnyPool, database_url: &str) -> Result<Arc<Hub>, sqlx::Error> {
        let last: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM notifications").fetch_one(&db).await?;
        let hub = Arc::new(Hub {
            ring: RwLock::new(VecDeque::new()),
            latest: watch::channel(last).0,
            wake: Default::default(),
            closed: watch::channel(false).0,
        });
        if is_postgres(&db) {
            let (url, weak) = (database_url.to_string(), Arc::downgrade(&hub));
            tokio::spawn(async move { listen(url, weak).await });
        }
        let weak = Arc::downgrade(&hub);
        tokio::spawn(async move {
            let mut cleaned = tokio::time::Instant::now();
            loop {
                let Some(hub) = weak.upgrade() else { return };
                let _ = tokio::time::timeout(SAFETY_POLL, hub.wake.notified()).await;
                if let Err(e) = hub.read_new(&db).await {
                    tracing::warn!(error = %e, "notifications: reading new ones failed");
                }
                if cleaned.elapsed() >= CLEAN_EVERY {
                    cleaned = tokio::time::Instant::now();
                    match clean(&db, crate::now()).await {
                        Ok(n) if n > 0 => tracing::info!(deleted = n, "notifications: expired ones deleted"),
                        Ok(_) => {}
                        Err(e) => tracing::warn!(error = %e, "notifications: cleaning failed"),
                    }
                }
            }
        });
        Ok(hub)
    }

    /// Ends every open stream (the portal is stopping).
    pub fn close(&self) {
        self.closed.send_replace(true);
    }

    /// Something may have been published: look.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    async fn read_new(&self, db: &AnyPool) -> Result<(), sqlx::Error> {
        loop {
            let last = *self.latest.borrow();
            let rows: Vec<Row> =
                sqlx::query_as(&format!("SELECT {COLUMNS} FROM notifications WHERE id > $1 ORDER BY id LIMIT 1000"))
                    .bind(last)
                    .fetch_all(db)
                    .await?;
            let Some(newest) = rows.last().map(|r| r.0) else { return Ok(()) };
            let full = rows.len() == 1000;
            {
                let mut ring = self.ring.write().unwrap_or_else(|p| p.into_inner());
                for s in rows.into_iter().filter_map(stored) {
                    if ring.len() == RING {
                        ring.pop_front();
                    }
                    ring.push_back(Arc::new(s));
                }
            }
            self.latest.send_replace(newest);
            if !full {
                return Ok(());
            }
        }
    }

    /// What the ring has after `after`, if it reaches back that far (None:
    /// the caller must read the database first).
    fn after(&self, after: i64) -> Option<Vec<Arc<Stored>>> {
        let ring = self.ring.read().unwrap_or_else(|p| p.into_inner());
        let latest = *self.latest.borrow();
        if after >= latest {
            return Some(Vec::new());
        }
        match ring.front() {
            Some(first) if first.n.id <= after + 1 => Some(ring.iter().filter(|s| s.n.id > after).cloned().collect()),
            _ => None,
        }
    }
}

/// PostgreSQL: wake the hub on every `pg_notify` of a publication,
/// reconnecting after a second when the connection is lost.
async fn listen(url: String, hub: std::sync::Weak<Hub>) {
    loop {
        match sqlx::postgres::PgListener::connect(&url).await {
            Ok(mut l) => {
                if let Err(e) = l.listen(CHANNEL).await {
                    tracing::warn!(error = %e, "notifications: LISTEN failed");
                } else {
                    // Whatever came while not listening.
                    if let Some(h) = hub.upgrade() {
                        h.wake();
                    }
                    while let Ok(_n) = l.recv().await {
                        match hub.upgrade() {
                            Some(h) => h.wake(),
                            None => return,
                        }
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, "notifications: no LISTEN connection"),
        }
        if hub.upgrade().is_none() {
            return;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

// ---- Routes ------------------------------------------------------------

#[derive(serde::Deserialize)]
pub struct After {
    #[serde(default)]
    after: Option<i64>,
}

fn personal<T: serde::Serialize>(v: T) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], Json(v)).into_response()
}

/// `GET /notifications?after=`: the feed, to catch up (the app after a start).
pub async fn feed(State(st): State<AppState>, headers: HeaderMap, q: Query<After>) -> Result<Response, Error> {
    let who = subscriber(&st, &headers, "GET /notifications").await?;
    Ok(personal(page(&st.db, &who, q.after.unwrap_or(0).max(0), crate::now()).await?))
}

/// `GET /notifications/stream`: Server-Sent Events from `Last-Event-ID` (or
/// `after`; neither: from now). Each event's id is the notification's id.
pub async fn stream(State(st): State<AppState>, headers: HeaderMap, q: Query<After>) -> Result<Response, Error> {
    let who = subscriber(&st, &headers, "GET /notifications/stream").await?;
    let resume = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(q.after);
    let start = resume.unwrap_or_else(|| *st.hub.latest.borrow()).max(0);
    let subs = subscriptions_of(&st.db, &who).await?;
    let state = Follow {
        st: st.clone(),
        who,
        subs,
        subs_read: tokio::time::Instant::now(),
        sent: start,
        queue: VecDeque::new(),
        latest: st.hub.latest.subscribe(),
        closed: st.hub.closed.subscribe(),
    };
    let events = futures_util::stream::unfold(state, |mut f| async move {
        let n = f.next().await?;
        let event = Event::default().id(n.id.to_string()).event("notification").json_data(&n);
        Some((event.map_err(|e| Error::Internal(e.to_string())), f))
    });
    let mut r = Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response();
    // A proxy in front (nginx) passes events on at once instead of buffering them.
    r.headers_mut().insert("x-accel-buffering", axum::http::HeaderValue::from_static("no"));
    r.headers_mut().insert(header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    Ok(r)
}

/// One stream's place in the sequence.
struct Follow {
    st: AppState,
    who: Subscriber,
    subs: Subscriptions,
    subs_read: tokio::time::Instant,
    /// Everything up to this id has been considered (sent or not for us).
    sent: i64,
    queue: VecDeque<Notification>,
    latest: watch::Receiver<i64>,
    closed: watch::Receiver<bool>,
}

impl Follow {
    /// The newest id the hub has read (a statement of its own: the watch's
    /// guard must not be held across an await).
    fn read_so_far(&self) -> i64 {
        *self.latest.borrow()
    }

    /// The next notification for this subscriber; None ends the stream.
    async fn next(&mut self) -> Option<Notification> {
        loop {
            if *self.closed.borrow() {
                return None;
            }
            if let Some(n) = self.queue.pop_front() {
                return Some(n);
            }
            if self.subs_read.elapsed() > SUBSCRIPTIONS_FRESH {
                if let Ok(s) = subscriptions_of(&self.st.db, &self.who).await {
                    self.subs = s;
                }
                self.subs_read = tokio::time::Instant::now();
            }
            let now = crate::now();
            match self.st.hub.after(self.sent) {
                Some(new) => {
                    for s in new {
                        self.sent = self.sent.max(s.n.id);
                        if s.reaches(&self.who, &self.subs, now) {
                            self.queue.push_back(s.n.clone());
                        }
                    }
                }
                // Behind the ring: a page from the database. Everything up to
                // what the hub has read is committed, so a last page takes
                // the stream at least that far (ids deleted since leave gaps).
                None => {
                    let read = self.read_so_far();
                    match page(&self.st.db, &self.who, self.sent, now).await {
                        Ok(p) => {
                            self.sent = if p.more { p.next_after } else { p.next_after.max(read) };
                            self.queue.extend(p.items.into_iter().map(|mut n| {
                                n.read = false;
                                n
                            }));
                            continue;
                        }
                        Err(e) => {
                            tracing::warn!(error = %e, "notifications: a stream could not catch up");
                            return None;
                        }
                    }
                }
            }
            if self.queue.is_empty() {
                // Until something newer than what was considered is published.
                let sent = self.sent;
                tokio::select! {
                    r = self.latest.wait_for(|l| *l > sent) => if r.is_err() { return None },
                    _ = self.closed.wait_for(|c| *c) => return None,
                }
            }
        }
    }
}

/// A device's writes are anonymous: limited per source like supports (an
/// account's are not).
async fn throttle(st: &AppState, who: &Subscriber, source: Option<std::net::IpAddr>) -> Result<(), Error> {
    if who.key().starts_with("account:") {
        return Ok(());
    }
    match st.limits.check(&st.db, crate::limits::Write::Device, source).await {
        Ok(()) => Ok(()),
        Err(crate::limits::Denied::Wait(secs)) => {
            st.metrics.refuse("rate_limit");
            Err(Error::TooMany(secs))
        }
        Err(crate::limits::Denied::Database(e)) => Err(e.into()),
    }
}

/// `POST /notifications/marks`: read, unread or deleted (the inbox on every device).
pub async fn marks(State(st): State<AppState>, Source(source): Source, req: Request<Body>) -> Result<Response, Error> {
    let who = subscriber(&st, req.headers(), "POST /notifications/marks").await?;
    throttle(&st, &who, source).await?;
    let m: Marks = json_of(req).await?;
    if m.ids.len() > 500 {
        return Err(Error::bad_request("too_many_ids", "At most 500 ids at once."));
    }
    let now = crate::now();
    let mut tx = crate::db::begin_write(&st.db).await?;
    for id in &m.ids {
        sqlx::query(
            "INSERT INTO notification_marks (subscriber, notification_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(who.key())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if let Some(read) = m.read {
            sqlx::query("UPDATE notification_marks SET read_at = $3 WHERE subscriber = $1 AND notification_id = $2")
                .bind(who.key())
                .bind(id)
                .bind(read.then_some(now))
                .execute(&mut *tx)
                .await?;
        }
        if m.deleted {
            sqlx::query("UPDATE notification_marks SET deleted_at = $3 WHERE subscriber = $1 AND notification_id = $2")
                .bind(who.key())
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn get_subscriptions(State(st): State<AppState>, headers: HeaderMap) -> Result<Response, Error> {
    let who = subscriber(&st, &headers, "GET /notifications/subscriptions").await?;
    Ok(personal(subscriptions_of(&st.db, &who).await?))
}

pub async fn put_subscriptions(
    State(st): State<AppState>,
    Source(source): Source,
    req: Request<Body>,
) -> Result<Response, Error> {
    let who = subscriber(&st, req.headers(), "PUT /notifications/subscriptions").await?;
    throttle(&st, &who, source).await?;
    let mut s: Subscriptions = json_of(req).await?;
    s.check().map_err(|why| Error::bad_request("invalid_subscriptions", why))?;
    s.topics.sort();
    s.topics.dedup();
    s.districts.sort_unstable();
    s.districts.dedup();
    let join = |v: Vec<String>| v.join(",");
    let mut tx = crate::db::begin_write(&st.db).await?;
    sqlx::query("DELETE FROM subscriptions WHERE subscriber = $1").bind(who.key()).execute(&mut *tx).await?;
    sqlx::query("INSERT INTO subscriptions (subscriber, topics, districts, updated_at) VALUES ($1, $2, $3, $4)")
        .bind(who.key())
        .bind(join(s.topics.iter().map(|t| t.code().to_string()).collect()))
        .bind(join(s.districts.iter().map(u8::to_string).collect()))
        .bind(crate::now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(personal(s))
}

/// No subscriptions any more (personal notifications still come).
pub async fn delete_subscriptions(
    State(st): State<AppState>,
    Source(source): Source,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let who = subscriber(&st, &headers, "DELETE /notifications/subscriptions").await?;
    throttle(&st, &who, source).await?;
    sqlx::query("DELETE FROM subscriptions WHERE subscriber = $1").bind(who.key()).execute(&st.db).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The operator's route (a token with the scope `notifications`).
pub fn operator_router() -> axum::Router<AppState> {
    axum::Router::new().route("/operator/notifications", axum::routing::post(operator_publish))
}

/// `POST /operator/notifications` (scope `notifications`): publish.
pub async fn operator_publish(
    State(st): State<AppState>,
    crate::auth::OperatorWith(op, _): crate::auth::OperatorWith<crate::auth::Notifications>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, Error> {
    let p: Publish = crate::finders::json_body(&headers, &body)?;
    let id = publish(&st.db, &p, &op.who()).await?;
    st.hub.wake();
    tracing::info!(id, topic = p.topic.code(), operator = %op.who(), "notification published");
    Ok((StatusCode::CREATED, Json(serde_json::json!({ "id": id }))).into_response())
}

async fn json_of<T: serde::de::DeserializeOwned>(req: Request<Body>) -> Result<T, Error> {
    let (parts, body) = req.into_parts();
    let body =
        axum::body::to_bytes(body, 64 * 1024).await.map_err(|_| Error::PayloadTooLarge("At most 64 KiB.".into()))?;
    crate::finders::json_body(&parts.headers, &body)
}

/// Deletes what is the account's alone (in the account deletion's transaction).
pub async fn forget(tx: &mut sqlx::Transaction<'_, sqlx::Any>, account: &str) -> Result<(), sqlx::Error> {
    let key = Subscriber::account(account).0;
    for q in [
        "DELETE FROM notifications WHERE recipient = $1",
        "DELETE FROM subscriptions WHERE subscriber = $1",
        "DELETE FROM notification_marks WHERE subscriber = $1",
    ] {
        sqlx::query(q).bind(&key).execute(&mut **tx).await?;
    }
    Ok(())
}
