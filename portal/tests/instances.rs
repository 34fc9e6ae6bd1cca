//! Several portal instances on one database (issue 15, "several
//! instances"): what one instance stores or takes, every other one sees.
//! First two instances in this process on SQLite and PostgreSQL, then two
//! real `muc-portal` processes on one throwaway PostgreSQL behind Debian's
//! nginx as the load balancer.

mod common;

use std::io::BufRead as _;
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{Answer, TestDb, KEY, LIGHT};
use muc_portal::config::PhotoStore;
use muc_portal::limits::{LimitConfig, Limits};
use muc_portal::AppState;

const POW_KEY: &str = "the-key-every-instance-shares";
const GPS_PHOTO: &[u8] = include_bytes!("fixtures/street-light.jpg");

/// One instance: its own memory, media folder and read cache, the shared
/// database, photos in the database, the shared key.
async fn instance(db: &TestDb) -> (AppState, tempfile::TempDir) {
    let media = tempfile::tempdir().expect("tempdir");
    let mut st = db.state().await;
    let s = st.settings();
    s.media_dir = media.path().to_path_buf();
    s.photo_store = PhotoStore::Database;
    s.limits = Arc::new(Limits::new(
        LimitConfig {
            supports_per_report: 2,
            reports_burst: 3,
            report_every: Duration::from_secs(3600),
            shared: true,
            ..Default::default()
        },
        Some(muc_portal::pow::source_salt(POW_KEY)),
    ));
    (st, media)
}

fn from(mut req: Request<Body>, ip: &str) -> Request<Body> {
    let addr: SocketAddr = format!("{ip}:40000").parse().expect("addr");
    req.extensions_mut().insert(axum::extract::ConnectInfo(addr));
    req
}

fn form(path: &str) -> axum::http::request::Builder {
    Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
}

fn encoded(fields: &[(&str, &str)]) -> Body {
    Body::from(url::form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish())
}

async fn get(st: &AppState, uri: &str) -> Answer {
    common::send(st, Request::get(uri).body(Body::empty()).expect("request")).await
}

async fn photo_rows(st: &AppState) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM photos").fetch_one(&st.db).await.expect("count")
}

on_both_databases!(
    a_photo_stored_through_one_is_served_by_the_other,
    a_retry_that_lands_on_the_other_gets_the_same_report,
    a_proof_of_work_counts_once_across_instances,
    supports_are_capped_across_instances,
    reports_are_limited_across_instances
);

/// `--photo-store database`: the photo is a row, not a file in one
/// instance's folder; a report that cannot be stored leaves no photo row.
async fn a_photo_stored_through_one_is_served_by_the_other(db: TestDb) {
    let (a, media_a) = instance(&db).await;
    let (b, media_b) = instance(&db).await;
    let created = common::post_photos(&a, LIGHT, &[GPS_PHOTO]).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&created.body));
    let id = created.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let report = get(&b, &format!("/open311/v2/requests/{id}.json")).await.json();
    let url = report[0]["media_url"].as_str().expect("media_url").to_string();
    let photo = get(&b, url.strip_prefix(common::BASE).expect("ours")).await;
    common::assert_served_clean_and_no_files(&photo, &[media_a.path(), media_b.path()]);
    assert_eq!(photo_rows(&a).await, 1);
    assert_eq!(get(&b, "/media/0123456789abcdef0123456789abcdef.jpg").await.status, StatusCode::NOT_FOUND);

    // The database fails mid-insert: a 500, and the photo stored before it is gone again.
    sqlx::query("DROP TABLE request_history").execute(&a.db).await.expect("drop");
    assert_eq!(common::post_photos(&a, LIGHT, &[GPS_PHOTO]).await.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(photo_rows(&a).await, 1, "no photo of a report not stored");
}

/// The app resends a report with the same idempotency key when an answer
/// was lost; behind a balancer the retry may reach the other instance.
async fn a_retry_that_lands_on_the_other_gets_the_same_report(db: TestDb) {
    let (a, _ma) = instance(&db).await;
    let (b, _mb) = instance(&db).await;
    let send = |st: &AppState| {
        let req = form("/open311/v2/requests.json").header("idempotency-key", "retry-1").body(encoded(LIGHT));
        let st = st.clone();
        async move { common::send(&st, req.expect("request")).await }
    };
    let first = send(&a).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let again = send(&b).await;
    assert_eq!(again.status, StatusCode::OK, "a retry, not a new report");
    assert_eq!(again.json()[0]["service_request_id"], first.json()[0]["service_request_id"]);
    assert_eq!(again.json()[0]["token"], first.json()[0]["token"]);
}

/// A solved challenge is taken once, whichever instance it reaches first.
async fn a_proof_of_work_counts_once_across_instances(db: TestDb) {
    let (mut a, _ma) = instance(&db).await;
    let (mut b, _mb) = instance(&db).await;
    for st in [&mut a, &mut b] {
        st.settings().pow = Some(Arc::new(muc_portal::pow::Pow::new(POW_KEY.into()).with_cost(1000, 1000)));
    }
    let challenge: altcha_lib_rs::Challenge =
        serde_json::from_value(get(&a, "/open311/v2/challenge.json").await.json()).expect("a challenge");
    let solution = common::solved(&challenge);
    let mut with: Vec<(&str, &str)> = LIGHT.to_vec();
    with.push(("altcha", &solution));
    let post = |st: &AppState| {
        let req = form("/open311/v2/requests.json").body(encoded(&with)).expect("request");
        let st = st.clone();
        async move { common::send(&st, req).await }
    };
    // Solved for A's challenge, accepted by B: the instances share the key.
    assert_eq!(post(&b).await.status, StatusCode::CREATED);
    let replayed = post(&a).await;
    assert_eq!(replayed.status, StatusCode::PRECONDITION_REQUIRED);
    assert!(replayed.json()[0]["description"].as_str().is_some_and(|d| d.contains("schon verwendet")));
}

/// Supports per report and source are capped over all instances: the
/// sources are hashed with the same salt everywhere (from the shared key).
async fn supports_are_capped_across_instances(db: TestDb) {
    let (a, _ma) = instance(&db).await;
    let (b, _mb) = instance(&db).await;
    let created = common::send(&a, form("/open311/v2/requests.json").body(encoded(LIGHT)).expect("r")).await;
    let id = created.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let support = |st: &AppState, who: &str| {
        let req = form(&format!("/open311/v2/requests/{id}/support.json"))
            .header("idempotency-key", who)
            .body(Body::from(format!("api_key={KEY}")))
            .expect("request");
        let (st, req) = (st.clone(), from(req, "10.0.0.3"));
        async move { common::send(&st, req).await }
    };
    assert_eq!(support(&a, "a").await.status, StatusCode::OK);
    assert_eq!(support(&b, "b").await.status, StatusCode::OK);
    assert_eq!(support(&a, "c").await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(support(&b, "d").await.status, StatusCode::TOO_MANY_REQUESTS, "the other instance knows too");
}

/// `--shared-limits`: a source's reports count against one limit over all
/// instances, also when they arrive at the same moment (three let through
/// of twelve sent at once to two instances).
async fn reports_are_limited_across_instances(db: TestDb) {
    let (a, _ma) = instance(&db).await;
    let (b, _mb) = instance(&db).await;
    let post = |st: &AppState, ip: &str| {
        let req = from(form("/open311/v2/requests.json").body(encoded(LIGHT)).expect("request"), ip);
        let st = st.clone();
        async move { common::send(&st, req).await }
    };
    let mut at_once = tokio::task::JoinSet::new();
    for n in 0..12 {
        at_once.spawn(post(if n % 2 == 0 { &a } else { &b }, "10.0.0.7"));
    }
    let answers = at_once.join_all().await;
    let created = answers.iter().filter(|x| x.status == StatusCode::CREATED).count();
    let limited: Vec<&Answer> = answers.iter().filter(|x| x.status == StatusCode::TOO_MANY_REQUESTS).collect();
    assert_eq!((created, limited.len()), (3, 9), "{:?}", answers.iter().map(|x| x.status).collect::<Vec<_>>());
    for refused in limited {
        let wait: u64 = refused.headers[header::RETRY_AFTER].to_str().expect("ascii").parse().expect("seconds");
        assert!((1..=3600).contains(&wait), "{wait}");
        assert!(refused.json()[0]["description"].as_str().is_some_and(|d| d.contains("Zu viele Anfragen")));
    }
    assert_eq!(post(&b, "10.0.0.8").await.status, StatusCode::CREATED, "another source goes on");
}

// ---------------------------------------------------------------------
// Two real portal processes behind nginx on one throwaway PostgreSQL.
// ---------------------------------------------------------------------

/// A `muc-portal` process, stopped when dropped.
struct Portal {
    child: Child,
    url: String,
}

impl Portal {
    /// Started, not yet waited for: several may start at once.
    fn spawn(database_url: &str, public_url: &str, media: &std::path::Path) -> Child {
        Command::new(env!("CARGO_BIN_EXE_muc-portal"))
            .args(["--bind", "127.0.0.1:0", "--database-url", database_url, "--public-url", public_url])
            .args(["--photo-store", "database", "--pow", "off", "--trust-forwarded-for", "true"])
            .arg("--media-dir")
            .arg(media)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start muc-portal")
    }

    /// Waits for the line the portal prints once it listens (main.rs).
    fn ready(mut child: Child) -> Portal {
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("read");
        let url = line
            .trim()
            .strip_prefix("muc-portal listening on ")
            .unwrap_or_else(|| panic!("the portal did not start listening: {line:?}"))
            .to_string();
        Portal { child, url }
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Debian's nginx balancing over `upstreams` on a free loopback port.
struct Nginx {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Nginx {
    fn start(port: u16, upstreams: &[&str]) -> Nginx {
        let dir = tempfile::tempdir().expect("tempdir");
        let servers: String = upstreams
            .iter()
            .map(|u| format!("server {};", u.trim_start_matches("http://")))
            .collect::<Vec<_>>()
            .join(" ");
        let root = std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        let p = dir.path().display();
        let conf = format!(
            "{user}worker_processes 1;\ndaemon off;\npid {p}/nginx.pid;\nerror_log {p}/error.log;\n\
             events {{ worker_connections 256; }}\n\
             http {{\n  access_log off;\n  client_body_temp_path {p}/tmp;\n  proxy_temp_path {p}/tmp;\n\
               fastcgi_temp_path {p}/tmp;\n  uwsgi_temp_path {p}/tmp;\n  scgi_temp_path {p}/tmp;\n\
               upstream portals {{ {servers} }}\n\
               server {{ listen 127.0.0.1:{port}; client_max_body_size 70m;\n\
                 location / {{ proxy_pass http://portals; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n\
                   add_header X-Upstream $upstream_addr always; }} }}\n}}\n",
            user = if root { "user root;\n" } else { "" },
        );
        std::fs::create_dir_all(dir.path().join("tmp")).expect("tmp");
        std::fs::write(dir.path().join("nginx.conf"), conf).expect("conf");
        let child = Command::new("/usr/sbin/nginx")
            .args(["-p", &dir.path().to_string_lossy(), "-c", &dir.path().join("nginx.conf").to_string_lossy()])
            .spawn()
            .expect("nginx (Debian's nginx-light; `./x setup db` installs it)");
        let nginx = Nginx { child, port, _dir: dir };
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(std::time::Instant::now() < deadline, "nginx did not start");
            std::thread::yield_now();
        }
        nginx
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM: the master stops its workers (a SIGKILLed master leaves them running).
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
}

/// A JSON answer over HTTP; `now` asks for the answer of now (`no-cache`).
async fn read_json(http: &reqwest::Client, url: &str, now: bool) -> serde_json::Value {
    let mut req = http.get(url);
    if now {
        req = req.header(header::CACHE_CONTROL.as_str(), "no-cache");
    }
    req.send().await.expect("read").json().await.expect("json")
}

/// Through the balancer a report with a photo is posted; each instance on
/// its own then reads it, photo included; an operator's status change made
/// on one is read on the other (asking for the answer of now, as the app
/// does) and through the balancer within the read cache's lifetime.
#[tokio::test]
async fn two_processes_behind_nginx_on_one_postgresql() {
    let db = TestDb::postgres().await;
    let media = tempfile::tempdir().expect("tempdir");
    // Nginx's port is known before the portals start: their public URL.
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    let public = format!("http://127.0.0.1:{port}");
    // Both at once on the empty database: they race to migrate and seed it.
    let (a, b) = (
        Portal::spawn(&db.url, &public, &media.path().join("a")),
        Portal::spawn(&db.url, &public, &media.path().join("b")),
    );
    let (a, b) = (Portal::ready(a), Portal::ready(b));
    let lb = Nginx::start(port, &[&a.url, &b.url]);
    let lb_url = format!("http://127.0.0.1:{}", lb.port);
    let http = reqwest::Client::new();

    let mut form = reqwest::multipart::Form::new();
    for (k, v) in LIGHT {
        form = form.text(k.to_string(), v.to_string());
    }
    let form = form.part("media", reqwest::multipart::Part::bytes(GPS_PHOTO.to_vec()).file_name("p.jpg"));
    let created = http.post(format!("{lb_url}/open311/v2/requests.json")).multipart(form).send().await.expect("post");
    assert_eq!(created.status(), reqwest::StatusCode::CREATED);
    let created: serde_json::Value = created.json().await.expect("json");
    let id = created[0]["service_request_id"].as_str().expect("id").to_string();

    let mut photos = Vec::new();
    for portal in [&a, &b] {
        let r = read_json(&http, &format!("{}/open311/v2/requests/{id}.json", portal.url), false).await;
        let media_url = r[0]["media_url"].as_str().expect("media_url");
        let path = media_url.strip_prefix(&public).expect("links name the balancer");
        let photo = http.get(format!("{}{path}", portal.url)).send().await.expect("photo");
        assert_eq!(photo.status(), reqwest::StatusCode::OK, "{} serves the photo", portal.url);
        photos.push(photo.bytes().await.expect("bytes"));
    }
    assert_eq!(photos[0], photos[1]);
    assert!(image::load_from_memory(&photos[0]).is_ok());
    assert_eq!(std::fs::read_dir(media.path()).map(|d| d.count()).unwrap_or(0), 0, "no photo files");

    // Both instances answered through the balancer (round robin).
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..4 {
        let r = http.get(format!("{lb_url}/open311/v2/services.json")).send().await.expect("read");
        seen.insert(r.headers()["x-upstream"].to_str().expect("ascii").to_string());
    }
    assert_eq!(seen.len(), 2, "{seen:?}");

    // An operator moves the report on A: B reads the new status.
    let st = db.state().await;
    let token = muc_portal::auth::create_token(&st.db, "Baureferat", &[muc_portal::auth::Scope::Requests], 1, "test")
        .await
        .expect("token")
        .token;
    let moved = http
        .post(format!("{}/operator/requests/{id}/status", a.url))
        .bearer_auth(&token)
        .json(&serde_json::json!({"status": "in_progress", "note": "Ein Trupp ist unterwegs."}))
        .send()
        .await
        .expect("status");
    assert_eq!(moved.status(), reqwest::StatusCode::NO_CONTENT, "{:?}", moved.text().await);
    let on_b = read_json(&http, &format!("{}/open311/v2/requests/{id}.json", b.url), true).await;
    assert_eq!(on_b[0]["extended_attributes"]["detailed_status"], "in_progress", "{on_b}");
    // Without asking for now, through the balancer: within the read cache's lifetime (2 s).
    let until = std::time::Instant::now() + Duration::from_secs(5);
    let mut every = tokio::time::interval(Duration::from_millis(100));
    loop {
        every.tick().await;
        let r = read_json(&http, &format!("{lb_url}/open311/v2/requests/{id}.json"), false).await;
        if r[0]["extended_attributes"]["detailed_status"] == "in_progress" {
            break;
        }
        assert!(std::time::Instant::now() < until, "still old after the lifetime: {r}");
    }
    drop(lb);
}

/// Notifications on two real `muc-portal` processes on one PostgreSQL: a
/// device follows the stream on each; an operator publishes alternately on
/// A and B, and moves a report (sent from the device through B) on A: both
/// streams deliver every notification once, in the same order (PostgreSQL's
/// LISTEN/NOTIFY wakes the other instance).
#[tokio::test]
async fn every_instance_streams_every_notification() {
    use muc_portal_client::notifications::Who;
    use muc_wire::notify::{Subscriptions, Topic};
    let db = TestDb::postgres().await;
    let media = tempfile::tempdir().expect("tempdir");
    let (a, b) = (
        Portal::spawn(&db.url, "http://portal.test", &media.path().join("a")),
        Portal::spawn(&db.url, "http://portal.test", &media.path().join("b")),
    );
    let (a, b) = (Portal::ready(a), Portal::ready(b));
    let device = Who::Device("device-of-a-citizen-01");
    let (ca, cb) = (
        muc_portal_client::PortalClient::new(&a.url).expect("client"),
        muc_portal_client::PortalClient::new(&b.url).expect("client"),
    );
    ca.put_subscriptions(device, &Subscriptions { topics: vec![Topic::Warnings], districts: vec![] })
        .await
        .expect("subscribed on A");
    let mut streams = [
        ca.notification_stream(device, None).await.expect("stream on A"),
        cb.notification_stream(device, None).await.expect("stream on B"),
    ];

    let st = db.state().await;
    let token = muc_portal::auth::create_token(
        &st.db,
        "Presseamt",
        &[muc_portal::auth::Scope::Notifications, muc_portal::auth::Scope::Requests],
        1,
        "test",
    )
    .await
    .expect("token")
    .token;
    let http = reqwest::Client::new();
    let mut fields: Vec<(&str, &str)> = LIGHT.to_vec();
    fields.push(("device_id", "device-of-a-citizen-01"));
    let created: serde_json::Value = http
        .post(format!("{}/open311/v2/requests.json", b.url))
        .form(&fields)
        .send()
        .await
        .expect("report")
        .json()
        .await
        .expect("json");
    let report = created[0]["service_request_id"].as_str().expect("id").to_string();
    let mut published = Vec::new();
    for i in 0..20 {
        let on = if i % 2 == 0 { &a.url } else { &b.url };
        let r = http
            .post(format!("{on}/operator/notifications"))
            .bearer_auth(&token)
            .json(&serde_json::json!({"audience": {"to": "subscribers"}, "topic": "warnings",
                                      "title": format!("Warnung {i}"), "text": ""}))
            .send()
            .await
            .expect("publish");
        assert_eq!(r.status(), reqwest::StatusCode::CREATED);
        published.push(format!("Warnung {i}"));
        if i == 9 {
            let moved = http
                .post(format!("{}/operator/requests/{report}/status", a.url))
                .bearer_auth(&token)
                .json(&serde_json::json!({"status": "in_progress"}))
                .send()
                .await
                .expect("status");
            assert_eq!(moved.status(), reqwest::StatusCode::NO_CONTENT);
            published.push("Straßenbeleuchtung: In Bearbeitung".to_string());
        }
    }
    let mut got = [Vec::new(), Vec::new()];
    for (stream, got) in streams.iter_mut().zip(&mut got) {
        while got.len() < published.len() {
            let n = tokio::time::timeout(Duration::from_secs(60), stream.next())
                .await
                .expect("a notification within a minute (a hang guard)")
                .expect("open")
                .expect("event");
            got.push((n.id, n.title));
        }
    }
    assert_eq!(got[0], got[1], "both instances, the same notifications in the same order");
    assert_eq!(got[0].iter().map(|(_, t)| t.clone()).collect::<Vec<_>>(), published);
    assert!(got[0].windows(2).all(|w| w[0].0 < w[1].0), "ids rise");
}
