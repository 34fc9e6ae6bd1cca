//! Operator authentication: `Authorization: Bearer <token>`. Tokens are made
//! on the command line (`muc-portal operator-token create NAME --scope …`),
//! shown once and stored only as SHA-256 hashes. Each has a public id (to
//! list and revoke it by), a scope, and an expiry. Failed attempts are logged
//! with their source; making and revoking tokens goes into the audit log.
//! (Operator sign-in through the city's OpenID provider can replace the
//! tokens later; the scopes stay.)

use std::marker::PhantomData;

use axum::http::{header, HeaderMap};
use sha2::{Digest, Sha256};
use sqlx::AnyPool;

use crate::error::{Error, Result};
use crate::AppState;

/// What a token may do. A token carries one or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Change the capacity-finder catalogue.
    Finders,
    /// Move citizens' reports through their lifecycle.
    Requests,
    /// Read the audit log.
    Audit,
    /// Publish notifications to a topic, a district or a person.
    Notifications,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::Finders, Scope::Requests, Scope::Audit, Scope::Notifications];

    pub fn code(self) -> &'static str {
        match self {
            Scope::Finders => "finders",
            Scope::Requests => "requests",
            Scope::Audit => "audit",
            Scope::Notifications => "notifications",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|x| x.code() == s.trim())
    }

    /// A comma-separated list, each known, at least one.
    pub fn parse_list(s: &str) -> std::result::Result<Vec<Scope>, String> {
        let mut out = Vec::new();
        for part in s.split(',').filter(|p| !p.trim().is_empty()) {
            let scope = Scope::parse(part).ok_or_else(|| {
                format!("unknown scope '{}' (use finders, requests, audit, notifications)", part.trim())
            })?;
            if !out.contains(&scope) {
                out.push(scope);
            }
        }
        if out.is_empty() {
            return Err("name at least one scope: finders, requests, audit".into());
        }
        Ok(out)
    }

    fn join(scopes: &[Scope]) -> String {
        scopes.iter().map(|s| s.code()).collect::<Vec<_>>().join(",")
    }
}

fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// An authenticated operator.
#[derive(Debug, Clone)]
pub struct Operator {
    /// The token's public id.
    pub token_id: String,
    pub name: String,
    pub scopes: Vec<Scope>,
}

impl Operator {
    /// How the audit log names this operator: name and token id.
    pub fn who(&self) -> String {
        format!("{} (token {})", self.name, self.token_id)
    }
}

/// The scope a route needs, as a type, so the check happens in the extractor.
pub trait Needs {
    const SCOPE: Scope;
}
pub struct Finders;
pub struct Requests;
pub struct Audit;
pub struct Notifications;
impl Needs for Notifications {
    const SCOPE: Scope = Scope::Notifications;
}
impl Needs for Finders {
    const SCOPE: Scope = Scope::Finders;
}
impl Needs for Requests {
    const SCOPE: Scope = Scope::Requests;
}
impl Needs for Audit {
    const SCOPE: Scope = Scope::Audit;
}

/// An operator whose token covers scope `S`, as an extractor. Put it before
/// the body in a handler's arguments: token and scope are checked before a
/// byte of the body is read, so nobody without them can make the portal read
/// a large body.
#[derive(Debug, Clone)]
pub struct OperatorWith<S: Needs>(pub Operator, pub PhantomData<S>);

impl<S: Needs + Send + Sync> axum::extract::FromRequestParts<AppState> for OperatorWith<S> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, st: &AppState) -> Result<Self> {
        let peer = || parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
        let op = match operator(st, &parts.headers).await {
            Ok(op) => op,
            Err(e) => {
                tracing::warn!(source = ?peer(), path = %parts.uri.path(), reason = %e, "operator authentication failed");
                st.metrics.refuse("operator_auth");
                return Err(e);
            }
        };
        if !op.scopes.contains(&S::SCOPE) {
            tracing::warn!(source = ?peer(), path = %parts.uri.path(), operator = %op.who(), needs = S::SCOPE.code(),
                "operator token used outside its scope");
            return Err(Error::Forbidden(format!(
                "This operator token does not have the scope '{}'. Ask for a token with it.",
                S::SCOPE.code()
            )));
        }
        Ok(OperatorWith(op, PhantomData))
    }
}

/// The token of an `Authorization: Bearer <token>` header, if any.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// The operator a bearer token belongs to, or 401.
pub async fn operator(st: &AppState, headers: &HeaderMap) -> Result<Operator> {
    let token = bearer(headers)
        .ok_or_else(|| Error::Unauthorized("Send an operator token: Authorization: Bearer <token>.".into()))?;
    // id, name, scopes, expires_at, revoked_at
    type TokenRow = (String, String, String, Option<i64>, Option<i64>);
    let row: Option<TokenRow> =
        sqlx::query_as("SELECT id, name, scopes, expires_at, revoked_at FROM operator_tokens WHERE token_hash = $1")
            .bind(hash(token))
            .fetch_optional(&st.db)
            .await?;
    let (token_id, name, scopes, expires_at, revoked_at) =
        row.ok_or_else(|| Error::Unauthorized("This operator token is not valid.".into()))?;
    let now = crate::now();
    if revoked_at.is_some() {
        return Err(Error::Unauthorized("This operator token was revoked. Ask for a new one.".into()));
    }
    if let Some(exp) = expires_at.filter(|e| *e <= now) {
        return Err(Error::Unauthorized(format!(
            "This operator token expired on {}. Ask for a new one.",
            crate::date_of(exp)
        )));
    }
    // Once a minute at most: a busy operator does not turn every read into a write.
    sqlx::query(
        "UPDATE operator_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)",
    )
    .bind(&token_id)
    .bind(now)
    .bind(now - 60)
    .execute(&st.db)
    .await?;
    let scopes = scopes.split(',').filter_map(Scope::parse).collect();
    Ok(Operator { token_id, name, scopes })
}

/// A token just made: shown once, never again.
#[derive(Debug)]
pub struct NewToken {
    pub id: String,
    pub token: String,
    pub expires_at: i64,
}

/// Makes a token for `name` with `scopes`, valid for `days`; only its hash is
/// stored. `by` names who made it, for the audit log.
pub async fn create_token(pool: &AnyPool, name: &str, scopes: &[Scope], days: u32, by: &str) -> Result<NewToken> {
    let name = name.trim();
    if name.is_empty() || name.chars().any(char::is_control) || name.chars().count() > 200 {
        return Err(Error::bad_request("invalid_name", "Name the operator in plain text (at most 200 characters)."));
    }
    if scopes.is_empty() {
        return Err(Error::bad_request("invalid_scope", "Name at least one scope: finders, requests, audit."));
    }
    if !(1..=366).contains(&days) {
        return Err(Error::bad_request("invalid_expiry", "A token is valid for 1 to 366 days."));
    }
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|e| Error::Internal(format!("no randomness: {e}")))?;
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let token_hash = hash(&token);
    // The id is the start of the hash: public, and says nothing of the token.
    let id = token_hash[..12].to_string();
    let now = crate::now();
    let expires_at = now + i64::from(days) * 86_400;
    let mut tx = crate::db::begin_write(pool).await?;
    sqlx::query(
        "INSERT INTO operator_tokens (token_hash, id, name, scopes, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&token_hash)
    .bind(&id)
    .bind(name)
    .bind(Scope::join(scopes))
    .bind(now)
    .bind(expires_at)
    .execute(&mut *tx)
    .await?;
    let detail = format!("{name}; scopes {}; until {}", Scope::join(scopes), crate::date_of(expires_at));
    crate::audit::record(&mut tx, by, "token.create", &id, Some(&detail)).await?;
    tx.commit().await?;
    Ok(NewToken { id, token, expires_at })
}

/// A token as listed: never the token itself.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenInfo {
    pub id: String,
    pub name: String,
    pub scopes: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

pub async fn list_tokens(pool: &AnyPool) -> Result<Vec<TokenInfo>> {
    Ok(sqlx::query_as(
        "SELECT id, name, scopes, created_at, expires_at, revoked_at, last_used_at FROM operator_tokens ORDER BY created_at, id",
    )
    .fetch_all(pool)
    .await?)
}

/// Revokes a token by its id; from then on it gets 401. Revoking twice is an error.
pub async fn revoke_token(pool: &AnyPool, id: &str, by: &str) -> Result<()> {
    let mut tx = crate::db::begin_write(pool).await?;
    let done = sqlx::query("UPDATE operator_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
        .bind(id)
        .bind(crate::now())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound(format!("No active operator token with id '{id}'.")));
    }
    crate::audit::record(&mut tx, by, "token.revoke", id, None).await?;
    tx.commit().await?;
    Ok(())
}
