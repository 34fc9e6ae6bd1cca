//! Database access: one `AnyPool` for SQLite (default) or PostgreSQL, with
//! one set of versioned migrations written in SQL both accept (TEXT, BIGINT,
//! DOUBLE PRECISION). Queries use `$n` placeholders, which both accept too.
//! Should a backend ever need its own SQL, split the folder then.

use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::AnyPool;

use crate::BoxError;

static MIGRATIONS: Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend, BoxError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(format!("unsupported database URL (use sqlite:… or postgres://…): {}", redact(url)).into())
        }
    }
}

/// Opens the pool and brings the schema up to date.
pub async fn connect(url: &str) -> Result<AnyPool, BoxError> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of_url(url)?;
    let opts = AnyConnectOptions::from_str(url)?;
    let pool = AnyPoolOptions::new()
        .max_connections(if backend == Backend::Sqlite { 4 } else { 16 })
        .connect_with(opts)
        .await
        .map_err(|e| format!("cannot open database {}: {e}", redact(url)))?;
    match backend {
        Backend::Sqlite => {
            // WAL lets readers run while a writer writes; it is stored in the file.
            sqlx::query("PRAGMA journal_mode=WAL").execute(&pool).await?;
        }
        Backend::Postgres => {}
    }
    MIGRATIONS.run(&pool).await?;
    Ok(pool)
}

/// Begins a write transaction that reads before it writes. On SQLite it
/// takes the write lock at once (`BEGIN IMMEDIATE`), waiting its turn: a
/// deferred transaction would fail with BUSY when another writer wrote
/// between its read and its write. PostgreSQL's default is right as it is.
pub async fn begin_write(pool: &AnyPool) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    if pool.connect_options().database_url.scheme() == "sqlite" {
        pool.begin_with("BEGIN IMMEDIATE").await
    } else {
        pool.begin().await
    }
}

/// A URL without its password, for logs and error messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}://{}:***{}", &url[..s], user, &url[at..])
        }
        _ => url.to_string(),
    }
}

/// A site as stored.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SiteRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub city: String,
    pub access_points: i64,
    pub lon: f64,
    pub lat: f64,
    pub source_ids: String,
}

pub const SITE_COLUMNS: &str = "id, name, kind, city, access_points, lon, lat, source_ids";

pub async fn all_sites(pool: &AnyPool) -> Result<Vec<SiteRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {SITE_COLUMNS} FROM hotspot_sites ORDER BY id")).fetch_all(pool).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("postgres://app:secret@db:5432/muc"), "postgres://app:***@db:5432/muc");
        assert_eq!(redact("sqlite:portal.db"), "sqlite:portal.db");
    }

    #[test]
    fn knows_backends() {
        assert_eq!(Backend::of_url("sqlite::memory:").ok(), Some(Backend::Sqlite));
        assert_eq!(Backend::of_url("postgresql://x").ok(), Some(Backend::Postgres));
        assert!(Backend::of_url("mysql://x").is_err());
    }
}
