//! `--photo-store s3` (issue 15, "several instances"): photos in an
//! S3-compatible object store, served by every instance. The store here is
//! moto's S3 server (PyPI `moto[server]`, installed by `./x setup db`): a real
//! HTTP server speaking the S3 protocol, signatures included, keeping objects
//! in memory. No S3 server that keeps objects on disk installs from the
//! registries this machine reaches (MinIO and Garage do not).

mod common;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{Answer, TestDb, LIGHT};
use muc_portal::config::{Config, PhotoStore};
use muc_portal::AppState;

const GPS_PHOTO: &[u8] = include_bytes!("fixtures/street-light.jpg");
const BUCKET: &str = "muc-photos";

/// moto's S3 server on a free loopback port, stopped when dropped.
struct S3Server {
    child: Child,
    url: String,
}

impl S3Server {
    fn start() -> S3Server {
        let program = std::env::var("MUC_TEST_MOTO_SERVER").unwrap_or_else(|_| "moto_server".into());
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
        let child = Command::new(&program)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{program}: {e} (`./x setup db` installs moto[server])"));
        let server = S3Server { child, url: format!("http://127.0.0.1:{port}") };
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(std::time::Instant::now() < deadline, "moto_server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// The keys of the bucket's objects (S3 ListObjectsV2).
    async fn keys(&self) -> Vec<String> {
        let xml =
            reqwest::get(format!("{}/{BUCKET}?list-type=2", self.url)).await.expect("list").text().await.expect("text");
        xml.split("<Key>").skip(1).filter_map(|k| k.split("</Key>").next()).map(str::to_string).collect()
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The portal's settings for photos in `s3`, as an operator writes them.
fn s3_config(endpoint: &str) -> Config {
    Config::from_args([
        "--photo-store",
        "s3",
        "--s3-bucket",
        BUCKET,
        "--s3-endpoint",
        endpoint,
        "--s3-access-key-id",
        "test-key",
        "--s3-secret-access-key",
        "test-secret",
    ])
    .expect("settings")
}

/// One instance with its own media folder, photos in the object store.
async fn instance(db: &TestDb, endpoint: &str) -> (AppState, tempfile::TempDir) {
    let media = tempfile::tempdir().expect("tempdir");
    let mut st = db.state().await;
    let s = st.settings();
    s.media_dir = media.path().to_path_buf();
    s.photo_store = PhotoStore::S3;
    s.objects = Some(muc_portal::open311::media::object_store(&s3_config(endpoint)).expect("object store"));
    (st, media)
}

async fn get(st: &AppState, uri: &str) -> Answer {
    common::send(st, Request::get(uri).body(Body::empty()).expect("request")).await
}

/// Posted through one instance, the photo is an object in the bucket (no
/// file, no row), served by the other; a report the database cannot store
/// leaves no object behind.
#[tokio::test]
async fn a_photo_in_the_object_store_is_served_by_every_instance() {
    let s3 = S3Server::start();
    let made = reqwest::Client::new().put(format!("{}/{BUCKET}", s3.url)).send().await.expect("create bucket");
    assert!(made.status().is_success(), "{}", made.status());
    let db = TestDb::sqlite().await;
    let (a, media_a) = instance(&db, &s3.url).await;
    let (b, media_b) = instance(&db, &s3.url).await;

    let created = common::post_photos(&a, LIGHT, &[GPS_PHOTO]).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&created.body));
    let id = created.json()[0]["service_request_id"].as_str().expect("id").to_string();
    let report = get(&b, &format!("/open311/v2/requests/{id}.json")).await.json();
    let url = report[0]["media_url"].as_str().expect("media_url").to_string();
    let name = url.rsplit('/').next().expect("name").to_string();
    assert_eq!(s3.keys().await, vec![name], "one object, under the generated name");

    let photo = get(&b, url.strip_prefix(common::BASE).expect("ours")).await;
    common::assert_served_clean_and_no_files(&photo, &[media_a.path(), media_b.path()]);
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM photos").fetch_one(&a.db).await.expect("count");
    assert_eq!(rows, 0, "no photo in the database");
    assert_eq!(get(&b, "/media/0123456789abcdef0123456789abcdef.jpg").await.status, StatusCode::NOT_FOUND);

    // The database fails mid-insert: a 500, and the object stored before it is deleted again.
    sqlx::query("DROP TABLE request_history").execute(&a.db).await.expect("drop");
    assert_eq!(common::post_photos(&a, LIGHT, &[GPS_PHOTO]).await.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(s3.keys().await.len(), 1, "no object of a report not stored");
}

/// The store is gone: a report with a photo is refused with a 503 the
/// person (and the app's outbox) can act on, nothing is half stored, and
/// the reason is logged, not sent.
#[tokio::test]
async fn an_unreachable_object_store_refuses_the_report_and_stores_nothing() {
    let s3 = S3Server::start();
    let url = s3.url.clone();
    drop(s3);
    let db = TestDb::sqlite().await;
    let (a, _media) = instance(&db, &url).await;
    let refused = common::post_photos(&a, LIGHT, &[GPS_PHOTO]).await;
    assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE, "the app's outbox sends it again later");
    assert_eq!(refused.headers.get("retry-after").and_then(|v| v.to_str().ok()), Some("120"));
    let body = String::from_utf8_lossy(&refused.body);
    assert!(body.contains("Fotos können gerade nicht gespeichert werden"), "{body}");
    assert!(!body.contains("127.0.0.1") && !body.contains("error"), "no internals in the answer: {body}");
    let reports: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests").fetch_one(&a.db).await.expect("count");
    assert_eq!(reports, 0, "no report without its photo");
}
