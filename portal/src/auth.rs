//! Operator authentication: `Authorization: Bearer <token>`. Tokens are made
//! by the command line (`muc-portal operator-token NAME`), shown once, and
//! stored only as SHA-256 hashes. (Operator login through the city's OpenID
//! provider can replace this when the OpenID issue lands.)

use axum::http::{header, HeaderMap};
use sha2::{Digest, Sha256};
use sqlx::AnyPool;

use crate::error::{Error, Result};
use crate::AppState;

fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The operator's name, or 401.
pub async fn operator(st: &AppState, headers: &HeaderMap) -> Result<String> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| Error::Unauthorized("Send an operator token: Authorization: Bearer <token>.".into()))?;
    let name: Option<String> = sqlx::query_scalar("SELECT name FROM operator_tokens WHERE token_hash = $1")
        .bind(hash(token))
        .fetch_optional(&st.db)
        .await?;
    name.ok_or_else(|| Error::Unauthorized("This operator token is not valid.".into()))
}

/// Makes a new token for `name` and returns it; only its hash is stored.
pub async fn create_token(pool: &AnyPool, name: &str) -> Result<String, crate::BoxError> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|e| format!("no randomness: {e}"))?;
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    sqlx::query("INSERT INTO operator_tokens (token_hash, name, created_at) VALUES ($1, $2, $3)")
        .bind(hash(&token))
        .bind(name)
        .bind(crate::finders::now())
        .execute(pool)
        .await?;
    Ok(token)
}
