//! Signed-in citizens: the portal accepts OpenID Connect access tokens (JWT)
//! from the configured provider (M-Login, BayernID; a test provider in
//! tests), checked against the provider's published keys (JWKS): signature,
//! issuer, audience, expiry. Nothing else about the person is stored than the
//! provider's subject id on the reports they send.

use std::time::{Duration, Instant};

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};
use muc_wire::personal::{Provider, TrustLevel};

/// The provider's keys are kept this long, then fetched again.
const KEYS_LIFETIME: Duration = Duration::from_secs(600);
/// A token naming a key we do not know makes us fetch the keys again (the
/// provider may have rotated them), but at most this often: otherwise anyone
/// could make the portal hammer the provider with made-up key ids.
const REFETCH_AFTER: Duration = Duration::from_secs(60);
/// The only signature algorithms accepted: asymmetric ones. `none` and the
/// HMAC family (which an attacker could key with the public key) never.
const ALGORITHMS: [Algorithm; 5] =
    [Algorithm::RS256, Algorithm::RS384, Algorithm::RS512, Algorithm::PS256, Algorithm::ES256];
/// Token types (`typ`) an access token may declare (RFC 9068 `at+jwt`; some
/// providers write `JWT`); anything else (a logout token, a DPoP proof) is not one.
const TOKEN_TYPES: [&str; 3] = ["at+jwt", "application/at+jwt", "jwt"];

pub struct Oidc {
    issuer: String,
    audience: String,
    /// Clients (`azp`) whose tokens are accepted, where a token names one.
    clients: Vec<String>,
    /// Clock skew allowed on `exp` and `nbf`, in seconds.
    leeway: u64,
    /// For people ("BayernID"), in the portal's description of itself.
    name: String,
    /// The levels it can be asked for (empty: it reports none).
    levels: Vec<TrustLevel>,
    /// For a provider beside the first (M-Login beside BayernID): account
    /// ids are `<prefix>:<sub>`, so the same subject at two providers is two
    /// accounts, never one.
    account_prefix: Option<String>,
    http: reqwest::Client,
    keys: tokio::sync::RwLock<Option<Keys>>,
    /// One fetch of the keys at a time; the others wait for its result.
    fetching: tokio::sync::Mutex<()>,
}

struct Keys {
    set: JwkSet,
    fetched: Instant,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// Expired, not yet valid, wrong signature, issuer, audience, key, type or client, unreadable.
    #[error("invalid token: {0}")]
    Invalid(String),
    /// The provider's keys could not be fetched.
    #[error("identity provider unreachable: {0}")]
    Unavailable(String),
}

#[derive(serde::Deserialize)]
struct Claims {
    sub: String,
    #[serde(default)]
    azp: Option<String>,
    /// BayernID's trust level (`level1`…`level4`).
    #[serde(default)]
    authlevel: Option<String>,
}

/// A signed-in citizen, as their valid access token says.
#[derive(Debug, Clone, PartialEq)]
pub struct Citizen {
    /// The account: the provider's subject id (`<provider>:<sub>` at a
    /// provider beside the first).
    pub sub: String,
    /// The provider that signed the token.
    pub issuer: String,
    /// The level the sign-in reached: the token's `authlevel`; a token
    /// without one (a provider without levels) or with a value we do not
    /// know counts as the lowest, never higher.
    pub level: TrustLevel,
}

fn invalid(why: impl Into<String>) -> TokenError {
    TokenError::Invalid(why.into())
}

impl Oidc {
    pub fn new(issuer: &str, audience: &str) -> Self {
        Self {
            issuer: issuer.trim_end_matches('/').to_string(),
            audience: audience.to_string(),
            clients: vec!["muenchen-app".into()],
            leeway: 30,
            name: url::Url::parse(issuer).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default(),
            levels: Vec::new(),
            account_prefix: None,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                // The keys come from where the provider says, not from wherever it redirects.
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap_or_default(),
            keys: tokio::sync::RwLock::new(None),
            fetching: tokio::sync::Mutex::new(()),
        }
    }

    /// The provider's name for people and the levels it offers.
    pub fn with_levels(mut self, name: &str, levels: Vec<TrustLevel>) -> Self {
        self.name = name.to_string();
        self.levels = levels;
        self
    }

    /// A provider beside the first: its accounts are named `<prefix>:<sub>`.
    pub fn beside_the_first(mut self, prefix: &str) -> Self {
        self.account_prefix = Some(prefix.to_string());
        self
    }

    /// A different clock-skew allowance (tests use 0 to see expiry at once).
    pub fn with_leeway(mut self, seconds: u64) -> Self {
        self.leeway = seconds;
        self
    }

    /// From `--oidc-issuer` (none: sign-in is not offered), `--oidc-audience`,
    /// `--oidc-clients`, `--oidc-name` and `--oidc-levels`.
    pub fn from_config(config: &crate::config::Config) -> Option<Self> {
        let issuer = config.oidc_issuer.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
        let mut oidc = Self::new(issuer, &config.oidc_audience);
        if let Some(name) = config.oidc_name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            oidc.name = name.to_string();
        }
        oidc.levels = config.oidc_levels.clone();
        oidc.clients =
            config.oidc_clients.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).map(String::from).collect();
        Some(oidc)
    }

    /// The providers of `--oidc-more` (`NAME=ISSUER`, M-Login beside
    /// BayernID): no trust levels (every sign-in counts as level 1), the same
    /// audience and clients as the first; account ids prefixed with the name
    /// in lower case (`m-login:<sub>`).
    pub fn more_from_config(config: &crate::config::Config) -> Result<Vec<Self>, String> {
        let first = Self::from_config(config);
        let mut out: Vec<Self> = Vec::new();
        for entry in config.oidc_more.iter().map(|e| e.trim()).filter(|e| !e.is_empty()) {
            let (name, issuer) = entry
                .split_once('=')
                .map(|(n, i)| (n.trim(), i.trim()))
                .filter(|(n, i)| !n.is_empty() && url::Url::parse(i).is_ok())
                .ok_or_else(|| format!("--oidc-more: '{entry}' is not NAME=ISSUER-URL"))?;
            let prefix: String =
                name.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
            let mut oidc =
                Self::new(issuer, &config.oidc_audience).with_levels(name, Vec::new()).beside_the_first(&prefix);
            oidc.clients = first.as_ref().map(|f| f.clients.clone()).unwrap_or_else(|| vec!["muenchen-app".into()]);
            if first.as_ref().is_some_and(|f| f.issuer == oidc.issuer) || out.iter().any(|o| o.issuer == oidc.issuer) {
                return Err(format!("--oidc-more: {issuer} is named twice"));
            }
            out.push(oidc);
        }
        if first.is_none() && !out.is_empty() {
            return Err("--oidc-more needs --oidc-issuer (the first provider)".into());
        }
        Ok(out)
    }

    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The provider's keys, from the `jwks_uri` of its discovery document,
    /// which must be https on the issuer's own host (http only on loopback).
    async fn fetch_keys(&self) -> Result<JwkSet, TokenError> {
        let conf: serde_json::Value =
            self.get_json(&format!("{}/.well-known/openid-configuration", self.issuer)).await?;
        let jwks_uri = conf["jwks_uri"].as_str().ok_or_else(|| TokenError::Unavailable("no jwks_uri".into()))?;
        if !jwks_on_issuer_host(jwks_uri, &self.issuer) {
            return Err(TokenError::Unavailable(format!("jwks_uri {jwks_uri} is not https on the issuer's host")));
        }
        self.get_json(jwks_uri).await
    }

    /// A JSON document from the provider; any failure is "unavailable".
    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T, TokenError> {
        let unavailable = |e: reqwest::Error| TokenError::Unavailable(e.to_string());
        let resp = self.http.get(url).send().await.map_err(unavailable)?;
        resp.error_for_status().map_err(unavailable)?.json().await.map_err(unavailable)
    }

    /// Fetches the keys unless someone else just did (one fetch at a time).
    async fn refresh(&self, unless_newer_than: Duration) -> Result<(), TokenError> {
        let _one = self.fetching.lock().await;
        if self.keys.read().await.as_ref().is_some_and(|k| k.fetched.elapsed() < unless_newer_than) {
            return Ok(());
        }
        let set = self.fetch_keys().await?;
        *self.keys.write().await = Some(Keys { set, fetched: Instant::now() });
        Ok(())
    }

    /// The key a token names. An unknown key id makes one fetch of the keys
    /// (rate-limited); a token that names none is refused.
    async fn key(&self, kid: &str) -> Result<DecodingKey, TokenError> {
        self.refresh(KEYS_LIFETIME).await?;
        for attempt in 0..2 {
            if let Some(k) = &*self.keys.read().await {
                if let Some(jwk) = k.set.find(kid) {
                    return DecodingKey::from_jwk(jwk).map_err(|e| invalid(e.to_string()));
                }
            }
            if attempt == 0 {
                self.refresh(REFETCH_AFTER).await?;
            }
        }
        Err(invalid("signed with a key the provider does not publish"))
    }

    /// The citizen of a valid access token: signed with a key
    /// the provider publishes and names, by an accepted algorithm; `exp`,
    /// `iss`, `aud` and `sub` present and right; `nbf` (if any) reached;
    /// `typ` and `azp` right where present.
    pub async fn verify(&self, token: &str) -> Result<Citizen, TokenError> {
        let header = decode_header(token).map_err(|e| invalid(e.to_string()))?;
        if !ALGORITHMS.contains(&header.alg) {
            return Err(invalid(format!("algorithm {:?} not accepted", header.alg)));
        }
        if let Some(typ) = &header.typ {
            if !TOKEN_TYPES.contains(&typ.to_ascii_lowercase().as_str()) {
                return Err(invalid(format!("not an access token (typ {typ})")));
            }
        }
        let kid = header.kid.as_deref().ok_or_else(|| invalid("the token names no key (kid)"))?;
        let key = self.key(kid).await?;
        let mut v = Validation::new(header.alg);
        v.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        v.set_issuer(&[&self.issuer]);
        v.set_audience(&[&self.audience]);
        v.validate_nbf = true;
        v.leeway = self.leeway;
        let data = decode::<Claims>(token, &key, &v).map_err(|e| invalid(e.to_string()))?;
        if let Some(azp) = &data.claims.azp {
            if !self.clients.contains(azp) {
                return Err(invalid(format!("issued to another client ({azp})")));
            }
        }
        if data.claims.sub.is_empty() {
            return Err(invalid("no subject"));
        }
        let level = match data.claims.authlevel.as_deref() {
            None => TrustLevel::Level1,
            Some(code) => TrustLevel::from_code(code).unwrap_or_else(|| {
                tracing::info!(authlevel = code, "unknown trust level in a token; counted as level 1");
                TrustLevel::Level1
            }),
        };
        let sub = match &self.account_prefix {
            Some(p) => format!("{p}:{}", data.claims.sub),
            None => data.claims.sub,
        };
        Ok(Citizen { sub, issuer: self.issuer.clone(), level })
    }

    /// The provider as the portal describes it (`/.well-known/oauth-protected-resource`).
    pub fn provider(&self) -> Provider {
        Provider { name: self.name.clone(), issuer: self.issuer.clone(), levels: self.levels.clone() }
    }
}

/// The `iss` a token claims, unverified: only to choose the provider that
/// then verifies everything (a forged `iss` meets that provider's keys).
fn claimed_issuer(token: &str) -> Option<String> {
    use base64::Engine;
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    v.get("iss")?.as_str().map(|s| s.trim_end_matches('/').to_string())
}

/// Verifies `token` with the provider it names among `providers` (the
/// first one when it is the only one: its own checks then refuse another
/// `iss`). None: sign-in is not set up.
pub async fn verify(providers: &[&Oidc], token: &str) -> Option<Result<Citizen, TokenError>> {
    let provider = match providers {
        [] => return None,
        [only] => *only,
        many => match claimed_issuer(token).and_then(|iss| many.iter().find(|p| p.issuer == iss)) {
            Some(p) => *p,
            None => return Some(Err(invalid("issued by a provider this portal does not accept"))),
        },
    };
    Some(provider.verify(token).await)
}

/// Whether a JWKS address is https on the issuer's host (http only when the
/// issuer itself is on loopback, as in tests).
fn jwks_on_issuer_host(jwks_uri: &str, issuer: &str) -> bool {
    match (url::Url::parse(jwks_uri), url::Url::parse(issuer)) {
        (Ok(j), Ok(i)) => {
            j.host_str() == i.host_str()
                && (j.scheme() == "https" || (j.scheme() == i.scheme() && muc_wire::open311::acceptable_url(jwks_uri)))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_only_from_the_issuers_host() {
        use super::jwks_on_issuer_host as ok;
        assert!(ok("https://login.muenchen.de/jwks", "https://login.muenchen.de/realms/m"));
        assert!(ok("http://127.0.0.1:4000/jwks", "http://127.0.0.1:4000"));
        assert!(!ok("https://evil.example/jwks", "https://login.muenchen.de"));
        assert!(!ok("http://login.muenchen.de/jwks", "https://login.muenchen.de"));
        assert!(!ok("http://evil.example\\@127.0.0.1/jwks", "http://127.0.0.1"));
    }
}
