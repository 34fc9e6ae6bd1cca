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
            .expect("MUC_TEST_POSTGRES_URL is not set: run the tests with `./x test`, which starts PostgreSQL");
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

    /// The portal's state; without the proof of work for anonymous reports,
    /// which `open311::proof_of_work_for_anonymous_reports` tests on its own.
    pub async fn state(&self) -> AppState {
        let mut st = AppState::open(&self.url, BASE).await.expect("open portal state");
        st.pow = None;
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
