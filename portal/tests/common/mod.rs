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

/// An answer of the portal, its body read as JSON (Null when empty).
pub struct Answer {
    pub status: axum::http::StatusCode,
    pub headers: axum::http::HeaderMap,
    pub json: serde_json::Value,
}

/// Sends `req` to the whole app, with `body` as JSON if given.
pub async fn send_json(
    st: &AppState,
    mut req: axum::http::request::Builder,
    body: Option<serde_json::Value>,
) -> Answer {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let body = match body {
        Some(v) => {
            req = req.header(axum::http::header::CONTENT_TYPE, "application/json");
            axum::body::Body::from(v.to_string())
        }
        None => axum::body::Body::empty(),
    };
    let resp = muc_portal::app(st.clone()).oneshot(req.body(body).expect("request")).await.expect("infallible");
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    let json =
        if bytes.is_empty() { serde_json::Value::Null } else { serde_json::from_slice(&bytes).expect("JSON body") };
    Answer { status, headers, json }
}
