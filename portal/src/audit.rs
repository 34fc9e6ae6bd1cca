//! The audit log: who changed what, and when. Every change an operator
//! makes — by token over HTTP or on the command line — writes one row in
//! the same transaction as the change itself, so there is no change without
//! its row and no row without its change. Read it with `GET /operator/audit`
//! (scope `audit`) or `muc-portal audit`.

use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use muc_wire::ops::AuditEntry;
use sqlx::AnyPool;

use crate::auth::{self, OperatorWith};
use crate::error::{Error, Result};
use crate::AppState;

/// Writes one audit row inside the caller's transaction.
pub async fn record(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    operator: &str,
    action: &str,
    target: &str,
    detail: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO audit_log (id, at, operator, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6)")
        // UUIDv7: sorts by time, on every backend, even within one second.
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(crate::now())
        .bind(operator)
        .bind(action)
        .bind(target)
        .bind(detail.map(str::to_string))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// How the command line names its operator in the audit log: the login
/// name of whoever ran it on the server.
pub fn command_line_operator() -> String {
    let user = std::env::var("SUDO_USER").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "unknown".into());
    format!("command line ({user})")
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    at: i64,
    operator: String,
    action: String,
    target: String,
    detail: Option<String>,
}

/// The newest `limit` entries, newest first; with `target`, only those about it.
pub async fn list(pool: &AnyPool, target: Option<&str>, limit: u32) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows: Vec<Row> = match target {
        Some(t) => {
            sqlx::query_as(
                "SELECT id, at, operator, action, target, detail FROM audit_log WHERE target = $1 ORDER BY id DESC LIMIT $2",
            )
            .bind(t)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?
        }
        None => {
            sqlx::query_as("SELECT id, at, operator, action, target, detail FROM audit_log ORDER BY id DESC LIMIT $1")
                .bind(i64::from(limit))
                .fetch_all(pool)
                .await?
        }
    };
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id,
            at: crate::rfc3339(r.at),
            operator: r.operator,
            action: r.action,
            target: r.target,
            detail: r.detail,
        })
        .collect())
}

pub const MAX_LIMIT: u32 = 1000;

pub fn router() -> Router<AppState> {
    Router::new().route("/operator/audit", get(http_list))
}

#[derive(serde::Deserialize)]
struct AuditQuery {
    target: Option<String>,
    limit: Option<u32>,
}

/// `GET /operator/audit?target=&limit=`: the newest entries first.
async fn http_list(
    State(st): State<AppState>,
    _op: OperatorWith<auth::Audit>,
    query: std::result::Result<Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response> {
    let Query(q) = query.map_err(|e| Error::bad_request("invalid_query", e.body_text()))?;
    let limit = q.limit.unwrap_or(100);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(Error::bad_request("invalid_limit", format!("limit must be from 1 to {MAX_LIMIT}.")));
    }
    let entries = list(&st.db, q.target.as_deref(), limit).await?;
    Ok(crate::hotspots::json("application/json", &entries))
}
