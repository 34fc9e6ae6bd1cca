//! Favourites in the personal area: `GET /me/favourites` and
//! `POST /me/favourites/changes`, so a person's hotspots, finders, report
//! categories and screens are the same on every device they sign in on.
//!
//! The merge rule (the app's side is `src-tauri/src/favourites.rs`): a device
//! sends its changes as adds and removes in the order made, and on its first
//! sync after a sign-in an add for every favourite it holds, so the account
//! and the device are joined without losing either side. For each favourite
//! the change that reaches the portal last wins; device clocks are never
//! compared. Adds and removes are idempotent, so a batch sent twice (its
//! answer lost) changes nothing the second time.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use muc_wire::personal::{
    FavouriteChanges, FavouriteKind, FavouriteList, FavouriteOp, SavedFavourite, MAX_FAVOURITES, MAX_FAVOURITE_CHANGES,
};
use sqlx::AnyPool;

use crate::error::Error;
use crate::personal::{citizen, needed};
use crate::AppState;

/// The largest body of changes: 300 changes of 200-character ids fit.
const BODY_LIMIT: usize = 128 * 1024;

pub async fn list(State(st): State<AppState>, headers: HeaderMap) -> Result<Response, Error> {
    let c = citizen(&st, &headers, needed("GET /me/favourites")).await?;
    Ok(answer(of_account(&st.db, &c.sub).await?))
}

/// The token is checked before the body is read: without one, nothing is read.
pub async fn change(State(st): State<AppState>, req: Request<Body>) -> Result<Response, Error> {
    let c = citizen(&st, req.headers(), needed("POST /me/favourites/changes")).await?;
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, BODY_LIMIT).await.map_err(|_| {
        Error::PayloadTooLarge(format!("Send at most {MAX_FAVOURITE_CHANGES} changes ({} KiB).", BODY_LIMIT / 1024))
    })?;
    let changes: FavouriteChanges = crate::finders::json_body(&parts.headers, &body)?;
    if changes.changes.len() > MAX_FAVOURITE_CHANGES {
        return Err(Error::bad_request(
            "too_many_changes",
            format!("Send at most {MAX_FAVOURITE_CHANGES} changes at once, in several batches."),
        ));
    }
    for ch in &changes.changes {
        ch.favourite().check().map_err(|why| Error::bad_request("invalid_favourite", why))?;
    }
    apply(&st.db, &c.sub, &changes, crate::now_ms()).await?;
    Ok(answer(of_account(&st.db, &c.sub).await?))
}

fn answer(list: FavouriteList) -> Response {
    // Personal: never kept by a cache on the way.
    ([(header::CACHE_CONTROL, "no-store")], Json(list)).into_response()
}

/// The account's favourites, oldest first.
pub async fn of_account(db: &AnyPool, account: &str) -> Result<FavouriteList, sqlx::Error> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT kind, item, added_at FROM favourites WHERE account_id = $1 ORDER BY added_at, kind, item",
    )
    .bind(account)
    .fetch_all(db)
    .await?;
    let items = rows
        .into_iter()
        .filter_map(|(kind, id, at)| {
            Some(SavedFavourite { kind: FavouriteKind::from_code(&kind)?, id, added_at: crate::rfc3339(at / 1000) })
        })
        .collect();
    Ok(FavouriteList { items })
}

/// Applies `changes` in order, in one transaction: all or nothing. More
/// than [`MAX_FAVOURITES`] afterwards refuses the whole batch.
pub async fn apply(db: &AnyPool, account: &str, changes: &FavouriteChanges, now_ms: i64) -> Result<(), Error> {
    let mut tx = crate::db::begin_write(db).await?;
    // Later adds sort after earlier ones, also within one batch and when
    // two batches come in the same millisecond.
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(added_at) FROM favourites WHERE account_id = $1")
        .bind(account)
        .fetch_one(&mut *tx)
        .await?;
    let mut at = now_ms.max(last.unwrap_or(0) + 1);
    for ch in &changes.changes {
        match ch.op {
            FavouriteOp::Add => {
                sqlx::query(
                    "INSERT INTO favourites (account_id, kind, item, added_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (account_id, kind, item) DO NOTHING",
                )
                .bind(account)
                .bind(ch.kind.code())
                .bind(&ch.id)
                .bind(at)
                .execute(&mut *tx)
                .await?;
                at += 1;
            }
            FavouriteOp::Remove => {
                sqlx::query("DELETE FROM favourites WHERE account_id = $1 AND kind = $2 AND item = $3")
                    .bind(account)
                    .bind(ch.kind.code())
                    .bind(&ch.id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM favourites WHERE account_id = $1")
        .bind(account)
        .fetch_one(&mut *tx)
        .await?;
    if count as usize > MAX_FAVOURITES {
        // Dropping the transaction rolls it back.
        return Err(Error::bad_request(
            "too_many_favourites",
            format!("An account keeps at most {MAX_FAVOURITES} favourites; remove some first."),
        ));
    }
    tx.commit().await?;
    Ok(())
}

/// Deletes the account's favourites (in the account deletion's transaction).
pub async fn forget(tx: &mut sqlx::Transaction<'_, sqlx::Any>, account: &str) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM favourites WHERE account_id = $1").bind(account).execute(&mut **tx).await?;
    Ok(done.rows_affected())
}
