//! Test databases: a fresh SQLite file or a fresh PostgreSQL database per test.
#![allow(dead_code)] // each test binary uses a part of it

use muc_portal::AppState;

pub const BASE: &str = "http://portal.test";

pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite:{}?mode=rwc", dir.path().join("portal.db").display());
        TestDb { url, _dir: Some(dir) }
    }

    /// A new database on the PostgreSQL server named by MUC_TEST_POSTGRES_URL,
    /// which `./x test` starts. Without it the test fails: the PostgreSQL path
    /// is part of the product and must not be skipped silently.
    pub async fn postgres() -> TestDb {
        let admin = std::env::var("MUC_TEST_POSTGRES_URL")
            .expect("MUC_TEST_POSTGRES_URL is not set: run `./x test portal`, which starts a throwaway PostgreSQL, or point it at one (postgres://user@host:port/db)");
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&admin).await.expect("connect to test PostgreSQL");
        let name = format!(
            "muc_test_{}_{}",
            std::process::id(),
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_nanos()
        );
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&pool).await.expect("create database");
        pool.close().await;
        let (prefix, _) = admin.rsplit_once('/').expect("URL with a database name");
        TestDb { url: format!("{prefix}/{name}"), _dir: None }
    }

    /// The portal's settings for this database: the defaults.
    pub fn config(&self) -> muc_portal::config::Config {
        muc_portal::config::Config::for_database(&self.url)
    }

    /// The portal's state; without the proof of work for anonymous reports,
    /// which `open311::proof_of_work_for_anonymous_reports` tests on its own.
    pub async fn state(&self) -> AppState {
        let mut st = AppState::open(&self.config(), BASE).await.expect("open portal state");
        st.settings().pow = None;
        st
    }
}

/// Runs a check once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name(super::common::TestDb::sqlite().await).await
                }
                #[tokio::test]
                async fn postgres() {
                    super::$name(super::common::TestDb::postgres().await).await
                }
            }
        )*
    };
}

/// An answer of the portal.
pub struct Answer {
    pub status: axum::http::StatusCode,
    pub headers: axum::http::HeaderMap,
    pub content_type: String,
    pub body: Vec<u8>,
    /// The body as JSON; Null when it is empty or not JSON (see [`Answer::json`]).
    pub json: serde_json::Value,
}

impl Answer {
    /// The body as JSON; a body that is not JSON fails the test, showing it.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn xml(&self) -> roxmltree::Document<'_> {
        assert!(self.content_type.starts_with("text/xml"), "{}", self.content_type);
        roxmltree::Document::parse(std::str::from_utf8(&self.body).expect("utf-8")).expect("well-formed XML")
    }
}

/// How every test calls the portal: `req` through the whole app (all its
/// layers) on the state `st`, on either database.
pub async fn send(st: &AppState, req: axum::http::Request<axum::body::Body>) -> Answer {
    send_to(muc_portal::app(st.clone()), req).await
}

/// Like [`send`], to a router built by the test.
pub async fn send_to(app: axum::Router, req: axum::http::Request<axum::body::Body>) -> Answer {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let resp = app.oneshot(req).await.expect("infallible");
    let status = resp.status();
    let headers = resp.headers().clone();
    let content_type =
        headers.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let body = resp.into_body().collect().await.expect("body").to_bytes().to_vec();
    let json = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
    Answer { status, headers, content_type, body, json }
}

/// The app's API key (compiled into the open-source app, so anyone has it).
pub const KEY: &str = "muenchen-app";

/// A complete report of a dark street light, as form fields.
pub const LIGHT: &[(&str, &str)] = &[
    ("api_key", KEY),
    ("service_code", "strassenbeleuchtung"),
    ("lat", "48.137154"),
    ("long", "11.576124"),
    ("attribute[art]", "dunkel"),
    ("description", "Die Laterne vor Hausnummer 8 ist seit Tagen dunkel."),
];

/// A photo served at `/media/…` whole and cleaned, and no file of it in
/// any of `media_folders` (it is kept in the database or an object store).
pub fn assert_served_clean_and_no_files(photo: &Answer, media_folders: &[&std::path::Path]) {
    assert_eq!(photo.status, axum::http::StatusCode::OK);
    assert_eq!(photo.content_type, "image/jpeg");
    image::load_from_memory(&photo.body).expect("a whole JPEG");
    assert!(!photo.body.windows(4).any(|w| w == b"Exif"), "cleaned before it was stored");
    for dir in media_folders {
        assert_eq!(std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0), 0, "no files anywhere");
    }
}

/// A report POSTed as multipart: `fields`, then each of `photos` as `media`.
pub async fn post_photos(st: &AppState, fields: &[(&str, &str)], photos: &[&[u8]]) -> Answer {
    let boundary = "muc-test-boundary";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes());
    }
    for photo in photos {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"media\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .as_bytes(),
        );
        body.extend(*photo);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").as_bytes());
    let req = axum::http::Request::post("/open311/v2/requests.json")
        .header(axum::http::header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(axum::body::Body::from(body))
        .expect("request");
    send(st, req).await
}

/// Sends `req` with `body` as JSON if given.
pub async fn send_json(
    st: &AppState,
    mut req: axum::http::request::Builder,
    body: Option<serde_json::Value>,
) -> Answer {
    let body = match body {
        Some(v) => {
            req = req.header(axum::http::header::CONTENT_TYPE, "application/json");
            axum::body::Body::from(v.to_string())
        }
        None => axum::body::Body::empty(),
    };
    send(st, req.body(body).expect("request")).await
}

/// A solved ALTCHA challenge of the portal, as the `altcha` form field.
pub fn solved(c: &altcha_lib_rs::Challenge) -> String {
    use base64::Engine;
    let number = altcha_lib_rs::solve_challenge(&c.challenge, &c.salt, Some(c.algorithm), Some(c.maxnumber), 0)
        .expect("solvable");
    let payload = altcha_lib_rs::Payload {
        algorithm: c.algorithm,
        challenge: c.challenge.clone(),
        number,
        salt: c.salt.clone(),
        signature: c.signature.clone(),
        took: None,
    };
    base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&payload).expect("json"))
}

/// The titles of a notification feed's items, in order.
pub fn titles(feed: &serde_json::Value) -> Vec<String> {
    feed["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|n| n["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The real portal on a loopback port: its address, the sender that stops
/// it, and its task.
pub async fn serve(db: &TestDb) -> (String, tokio::sync::oneshot::Sender<()>, tokio::task::JoinHandle<()>) {
    let (addr_tx, addr_rx) = tokio::sync::oneshot::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let mut config = db.config();
    config.bind = "127.0.0.1:0".parse().expect("addr");
    let task = tokio::spawn(async move {
        muc_portal::serve(
            &config,
            move |a| {
                let _ = addr_tx.send(a);
            },
            async move {
                let _ = stop_rx.await;
            },
        )
        .await
        .expect("portal runs");
    });
    (format!("http://{}", addr_rx.await.expect("portal bound")), stop_tx, task)
}
