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

/// An authenticated operator, as an extractor. Put it before the body in a
/// handler's arguments: the token is checked before a byte of the body is
/// read, so nobody without a token can make the portal read a large body.
#[derive(Debug, Clone)]
pub struct Operator(pub String);

impl axum::extract::FromRequestParts<AppState> for Operator {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, st: &AppState) -> Result<Self> {
        match operator(st, &parts.headers).await {
            Ok(name) => Ok(Operator(name)),
            Err(e) => {
                let peer = parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
                tracing::warn!(source = ?peer, path = %parts.uri.path(), "operator authentication failed");
                Err(e)
            }
        }
    }
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
