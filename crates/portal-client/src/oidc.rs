//! The app's side of OpenID Connect as a public native client (RFC 8252):
//! discovery, authorization code with PKCE (S256) and a loopback redirect,
//! the token exchange, refresh, user info and revocation. No client secret;
//! the tokens are the caller's to keep (the shell keeps them in the OS keyring).

use serde::Deserialize;

use crate::ClientError;

#[derive(Debug, Clone, Deserialize)]
pub struct ProviderInfo {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    #[serde(default)]
    pub userinfo_endpoint: Option<String>,
    #[serde(default)]
    pub revocation_endpoint: Option<String>,
}

/// The answer of the token endpoint.
#[derive(Debug, Clone, Deserialize)]
pub struct Tokens {
    pub access_token: String,
    #[serde(default)]
    pub refresh_token: Option<String>,
    #[serde(default)]
    pub expires_in: Option<i64>,
    #[serde(default)]
    pub id_token: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UserInfo {
    pub sub: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// A PKCE verifier with its S256 challenge, and a `state` against CSRF.
#[derive(Debug, Clone)]
pub struct Pkce {
    pub verifier: String,
    pub challenge: String,
    pub state: String,
}

fn b64url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

impl Pkce {
    pub fn new() -> Result<Self, ClientError> {
        use sha2::Digest;
        let mut raw = [0u8; 48];
        getrandom::getrandom(&mut raw).map_err(|e| ClientError::Invalid(e.to_string()))?;
        let verifier = b64url(&raw[..32]);
        let challenge = b64url(&sha2::Sha256::digest(verifier.as_bytes()));
        Ok(Self { verifier, challenge, state: b64url(&raw[32..]) })
    }
}

#[derive(Debug, Clone)]
pub struct OidcClient {
    pub provider: ProviderInfo,
    pub client_id: String,
    http: reqwest::Client,
}

impl OidcClient {
    /// Reads the provider's `/.well-known/openid-configuration`.
    pub async fn discover(portal: &crate::PortalClient, issuer: &str, client_id: &str) -> Result<Self, ClientError> {
        let url = format!("{}/.well-known/openid-configuration", issuer.trim_end_matches('/'));
        let resp = portal.http.get(url).send().await?;
        let status = resp.status();
        let body = resp.bytes().await?;
        if !status.is_success() {
            return Err(ClientError::Status {
                status: status.as_u16(),
                code: "discovery".into(),
                description: "the identity provider's configuration is not available".into(),
            });
        }
        let provider: ProviderInfo = serde_json::from_slice(&body).map_err(|e| ClientError::Invalid(e.to_string()))?;
        if provider.issuer.trim_end_matches('/') != issuer.trim_end_matches('/') {
            return Err(ClientError::Invalid(format!("issuer mismatch: {} vs {issuer}", provider.issuer)));
        }
        Ok(Self { provider, client_id: client_id.into(), http: portal.http.clone() })
    }

    /// Where the browser goes to sign in.
    pub fn authorize_url(&self, redirect_uri: &str, pkce: &Pkce) -> String {
        let q = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("scope", "openid profile offline_access")
            .append_pair("code_challenge", &pkce.challenge)
            .append_pair("code_challenge_method", "S256")
            .append_pair("state", &pkce.state)
            .finish();
        let sep = if self.provider.authorization_endpoint.contains('?') { '&' } else { '?' };
        format!("{}{sep}{q}", self.provider.authorization_endpoint)
    }

    async fn token_request(&self, form: &[(&str, &str)]) -> Result<Tokens, ClientError> {
        let resp = self.http.post(&self.provider.token_endpoint).form(form).send().await?;
        let status = resp.status();
        let body = resp.bytes().await?;
        if !status.is_success() {
            #[derive(Deserialize)]
            struct E {
                error: String,
                #[serde(default)]
                error_description: Option<String>,
            }
            let e: E = serde_json::from_slice(&body).unwrap_or(E { error: "unknown".into(), error_description: None });
            return Err(ClientError::Status {
                status: status.as_u16(),
                code: e.error,
                description: e.error_description.unwrap_or_default(),
            });
        }
        serde_json::from_slice(&body).map_err(|e| ClientError::Invalid(e.to_string()))
    }

    /// Trades the code from the redirect for tokens.
    pub async fn exchange_code(&self, code: &str, redirect_uri: &str, verifier: &str) -> Result<Tokens, ClientError> {
        self.token_request(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
            ("client_id", &self.client_id),
            ("code_verifier", verifier),
        ])
        .await
    }

    /// A fresh access token. `invalid_grant` means the session is over.
    pub async fn refresh(&self, refresh_token: &str) -> Result<Tokens, ClientError> {
        self.token_request(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", &self.client_id),
        ])
        .await
    }

    /// Who signed in, from the ID token the token endpoint returned. It came
    /// straight from the provider over the back channel, so (OIDC Core
    /// 3.1.3.7) its issuer and audience are checked here and its signature is
    /// trusted to the TLS connection.
    pub fn who(&self, tokens: &Tokens) -> Result<UserInfo, ClientError> {
        use base64::Engine;
        let invalid = |w: &str| ClientError::Invalid(format!("ID token: {w}"));
        let jwt = tokens.id_token.as_deref().ok_or_else(|| invalid("missing"))?;
        let payload = jwt.split('.').nth(1).ok_or_else(|| invalid("not a JWT"))?;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload.trim_end_matches('='))
            .map_err(|_| invalid("not base64url"))?;
        #[derive(Deserialize)]
        struct Claims {
            iss: String,
            aud: serde_json::Value,
            sub: String,
            #[serde(default)]
            name: Option<String>,
        }
        let c: Claims = serde_json::from_slice(&bytes).map_err(|e| invalid(&e.to_string()))?;
        let aud_ok = match &c.aud {
            serde_json::Value::String(a) => *a == self.client_id,
            serde_json::Value::Array(list) => list.iter().any(|a| a.as_str() == Some(&self.client_id)),
            _ => false,
        };
        if c.iss.trim_end_matches('/') != self.provider.issuer.trim_end_matches('/') || !aud_ok {
            return Err(invalid("issued by another provider or for another client"));
        }
        Ok(UserInfo { sub: c.sub, name: c.name })
    }

    pub async fn userinfo(&self, access_token: &str) -> Result<UserInfo, ClientError> {
        let url =
            self.provider.userinfo_endpoint.as_deref().ok_or_else(|| ClientError::Invalid("no userinfo".into()))?;
        let resp = self.http.get(url).bearer_auth(access_token).send().await?;
        let status = resp.status();
        let body = resp.bytes().await?;
        if !status.is_success() {
            return Err(ClientError::Status {
                status: status.as_u16(),
                code: "userinfo".into(),
                description: String::new(),
            });
        }
        serde_json::from_slice(&body).map_err(|e| ClientError::Invalid(e.to_string()))
    }

    /// Tells the provider the refresh token is no longer wanted (best effort).
    pub async fn revoke(&self, refresh_token: &str) -> Result<(), ClientError> {
        let Some(url) = &self.provider.revocation_endpoint else { return Ok(()) };
        self.http
            .post(url)
            .form(&[("token", refresh_token), ("token_type_hint", "refresh_token"), ("client_id", &self.client_id)])
            .send()
            .await?;
        Ok(())
    }
}

/// Reads `code` from the redirect to the loopback listener, checking `state`.
pub fn code_from_redirect(path_and_query: &str, expected_state: &str) -> Result<String, String> {
    let query = path_and_query.split_once('?').map(|(_, q)| q).unwrap_or("");
    let params: std::collections::HashMap<String, String> =
        url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    if let Some(e) = params.get("error") {
        return Err(format!("{e}: {}", params.get("error_description").cloned().unwrap_or_default()));
    }
    if params.get("state").map(String::as_str) != Some(expected_state) {
        return Err("state does not match".into());
    }
    params.get("code").cloned().ok_or_else(|| "no code".into())
}
