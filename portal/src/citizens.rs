//! Signed-in citizens: the portal accepts OpenID Connect access tokens (JWT)
//! from the configured provider (M-Login, BayernID; a test provider in
//! tests), checked against the provider's published keys (JWKS): signature,
//! issuer, audience, expiry. Nothing else about the person is stored than the
//! provider's subject id on the reports they send.

use std::time::{Duration, Instant};

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};

/// The provider's keys are fetched again at most this often (for a key we
/// do not know yet, e.g. after the provider rotated them).
const REFETCH_AFTER: Duration = Duration::from_secs(60);

pub struct Oidc {
    issuer: String,
    audience: String,
    /// Clock skew allowed on `exp`, in seconds.
    leeway: u64,
    http: reqwest::Client,
    keys: tokio::sync::RwLock<Option<(JwkSet, Instant)>>,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// Expired, wrong signature, wrong issuer or audience, unreadable.
    #[error("invalid token: {0}")]
    Invalid(String),
    /// The provider's keys could not be fetched.
    #[error("identity provider unreachable: {0}")]
    Unavailable(String),
}

#[derive(serde::Deserialize)]
struct Claims {
    sub: String,
}

impl Oidc {
    pub fn new(issuer: &str, audience: &str) -> Self {
        Self {
            issuer: issuer.trim_end_matches('/').to_string(),
            audience: audience.to_string(),
            leeway: 30,
            http: reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap_or_default(),
            keys: tokio::sync::RwLock::new(None),
        }
    }

    /// A different clock-skew allowance (tests use 0 to see expiry at once).
    pub fn with_leeway(mut self, seconds: u64) -> Self {
        self.leeway = seconds;
        self
    }

    /// `MUC_OIDC_ISSUER` (none: sign-in is not offered) and `MUC_OIDC_AUDIENCE`.
    pub fn from_env() -> Option<Self> {
        let issuer = std::env::var("MUC_OIDC_ISSUER").ok().filter(|s| !s.trim().is_empty())?;
        let audience = std::env::var("MUC_OIDC_AUDIENCE").unwrap_or_else(|_| "muenchen-portal".into());
        Some(Self::new(&issuer, &audience))
    }

    async fn fetch_keys(&self) -> Result<JwkSet, TokenError> {
        let unavailable = |e: reqwest::Error| TokenError::Unavailable(e.to_string());
        let conf: serde_json::Value = self
            .http
            .get(format!("{}/.well-known/openid-configuration", self.issuer))
            .send()
            .await
            .map_err(unavailable)?
            .json()
            .await
            .map_err(unavailable)?;
        let jwks_uri = conf["jwks_uri"].as_str().ok_or_else(|| TokenError::Unavailable("no jwks_uri".into()))?;
        self.http.get(jwks_uri).send().await.map_err(unavailable)?.json().await.map_err(unavailable)
    }

    async fn key(&self, kid: Option<&str>) -> Result<DecodingKey, TokenError> {
        for attempt in 0..2 {
            let stale = match &*self.keys.read().await {
                Some((_, at)) => attempt > 0 && at.elapsed() > REFETCH_AFTER,
                None => true,
            };
            if stale || self.keys.read().await.is_none() {
                let fresh = self.fetch_keys().await?;
                *self.keys.write().await = Some((fresh, Instant::now()));
            }
            if let Some((set, _)) = &*self.keys.read().await {
                let jwk = match kid {
                    Some(k) => set.find(k),
                    None => set.keys.first(),
                };
                if let Some(jwk) = jwk {
                    return DecodingKey::from_jwk(jwk).map_err(|e| TokenError::Invalid(e.to_string()));
                }
            }
        }
        Err(TokenError::Invalid("signed with a key the provider does not publish".into()))
    }

    /// The subject (account id) of a valid access token.
    pub async fn verify(&self, token: &str) -> Result<String, TokenError> {
        let header = decode_header(token).map_err(|e| TokenError::Invalid(e.to_string()))?;
        let allowed = [Algorithm::RS256, Algorithm::RS384, Algorithm::RS512, Algorithm::PS256, Algorithm::ES256];
        if !allowed.contains(&header.alg) {
            return Err(TokenError::Invalid(format!("algorithm {:?} not accepted", header.alg)));
        }
        let key = self.key(header.kid.as_deref()).await?;
        let mut v = Validation::new(header.alg);
        v.set_issuer(&[&self.issuer]);
        v.set_audience(&[&self.audience]);
        v.leeway = self.leeway;
        let data = decode::<Claims>(token, &key, &v).map_err(|e| TokenError::Invalid(e.to_string()))?;
        Ok(data.claims.sub)
    }
}
