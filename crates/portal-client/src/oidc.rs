//! The app's side of OpenID Connect as a public native client (RFC 8252),
//! on the `openidconnect` crate: discovery, authorization code with PKCE
//! (S256), `state` and `nonce`, the ID token checked (signature against the
//! provider's keys, issuer, audience, expiry, nonce), refresh and revocation.
//! No client secret; the tokens are the caller's to keep (the shell keeps
//! them in the OS keyring). Every address the provider names must be https
//! (http only on this machine, for tests), checked before anything is sent.

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreClaimName, CoreClaimType, CoreClient, CoreClientAuthMethod, CoreGrantType,
    CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm, CoreResponseMode,
    CoreResponseType, CoreRevocableToken, CoreSubjectIdentifierType,
};
use openidconnect::{
    AdditionalProviderMetadata, AuthenticationFlow, AuthorizationCode, ClaimsVerificationError, ClientId, CsrfToken,
    IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, ProviderMetadata, RedirectUrl,
    RefreshToken, RequestTokenError, RevocationUrl, Scope, TokenResponse,
};
use serde::{Deserialize, Serialize};

use muc_wire::open311::acceptable_url;
use muc_wire::personal::TrustLevel;

/// Why signing in or renewing did not work, in words for the log and support.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OidcError {
    /// The provider names an address that is not https (http only on this machine).
    #[error("the identity provider names an address that is not https: {0}")]
    Insecure(String),
    /// The provider could not be reached or answered nonsense.
    #[error("the identity provider is not available: {0}")]
    Unavailable(String),
    /// The provider said no (e.g. `invalid_grant`: the session is over).
    #[error("the identity provider refused: {0}")]
    Refused(String),
    /// The ID token failed a check: it was not made for this sign-in.
    #[error("the ID token was refused: {0}")]
    IdToken(String),
}

/// The provider's discovery document, with the revocation endpoint (RFC 7009).
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Extra {
    #[serde(default)]
    revocation_endpoint: Option<String>,
}
impl AdditionalProviderMetadata for Extra {}

type Metadata = ProviderMetadata<
    Extra,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;

/// Tokens from the token endpoint.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: Option<String>,
    pub expires_in: Option<i64>,
}

/// Who signed in, from a checked ID token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub sub: String,
    pub name: Option<String>,
}

/// A sign-in on its way: where the browser goes, and what the answer must match.
#[derive(Debug)]
pub struct Pending {
    pub authorize_url: String,
    pub state: String,
    redirect: RedirectUrl,
    nonce: Nonce,
    verifier: PkceCodeVerifier,
}

#[derive(Debug, Clone)]
pub struct OidcClient {
    metadata: Metadata,
    client_id: ClientId,
    http: openidconnect::reqwest::Client,
}

fn unavailable(e: impl std::fmt::Display) -> OidcError {
    OidcError::Unavailable(e.to_string())
}

/// The provider's address must be https, or http on this machine.
fn checked(what: &str, url: &str) -> Result<(), OidcError> {
    if acceptable_url(url) {
        Ok(())
    } else {
        Err(OidcError::Insecure(format!("{what} {url}")))
    }
}

impl OidcClient {
    /// Reads the provider's `/.well-known/openid-configuration` (the issuer in
    /// it must be the one asked for) and checks every address it names.
    pub async fn discover(issuer: &str, client_id: &str) -> Result<Self, OidcError> {
        checked("issuer", issuer)?;
        // No redirects: following them would let a provider point us anywhere (SSRF).
        let http = openidconnect::reqwest::Client::builder()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .connect_timeout(std::time::Duration::from_secs(5))
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .map_err(unavailable)?;
        let issuer_url = IssuerUrl::new(issuer.trim_end_matches('/').to_string()).map_err(unavailable)?;
        let metadata = Metadata::discover_async(issuer_url, &http).await.map_err(unavailable)?;
        checked("authorization endpoint", metadata.authorization_endpoint().as_str())?;
        let token = metadata
            .token_endpoint()
            .ok_or_else(|| OidcError::Unavailable("no token endpoint in the discovery document".into()))?;
        checked("token endpoint", token.as_str())?;
        checked("JWKS", metadata.jwks_uri().as_str())?;
        if let Some(u) = metadata.userinfo_endpoint() {
            checked("userinfo endpoint", u.as_str())?;
        }
        if let Some(u) = &metadata.additional_metadata().revocation_endpoint {
            checked("revocation endpoint", u)?;
        }
        Ok(Self { metadata, client_id: ClientId::new(client_id.to_string()), http })
    }

    fn client(&self) -> CoreClientWithMaybe {
        CoreClient::from_provider_metadata(self.metadata.clone(), self.client_id.clone(), None)
    }

    /// Starts a sign-in: the address for the browser, with a fresh `state`,
    /// `nonce` and PKCE challenge; the answer comes to `redirect_uri`.
    pub fn start(&self, redirect_uri: &str) -> Result<Pending, OidcError> {
        self.start_at(redirect_uri, None)
    }

    /// [`start`](Self::start) asking for a trust level (BayernID: by scope).
    /// A level asked for is a new sign-in (`prompt=login`): the provider
    /// asks again, at that level, even with a session of its own.
    pub fn start_at(&self, redirect_uri: &str, level: Option<TrustLevel>) -> Result<Pending, OidcError> {
        let redirect = RedirectUrl::new(redirect_uri.to_string()).map_err(unavailable)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let client = self.client().set_redirect_uri(redirect.clone());
        let mut request = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("profile".into()))
            .add_scope(Scope::new("offline_access".into()));
        if let Some(level) = level {
            request = request.add_scope(Scope::new(level.code().into())).add_prompt(CoreAuthPrompt::Login);
        }
        let (url, state, nonce) = request.set_pkce_challenge(challenge).url();
        checked("authorization address", url.as_str())?;
        Ok(Pending { authorize_url: url.to_string(), state: state.secret().clone(), redirect, nonce, verifier })
    }

    /// Trades the code from the redirect for tokens, and checks the ID token
    /// (signature, issuer, audience, expiry, nonce) before anyone trusts it.
    pub async fn finish(&self, pending: Pending, code: &str) -> Result<(Tokens, Person), OidcError> {
        let client = self.client().set_redirect_uri(pending.redirect.clone());
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .map_err(unavailable)?
            .set_pkce_verifier(pending.verifier)
            .request_async(&self.http)
            .await
            .map_err(token_error)?;
        let id_token = response.id_token().ok_or_else(|| OidcError::IdToken("the provider sent no ID token".into()))?;
        let claims = id_token.claims(&client.id_token_verifier(), &pending.nonce).map_err(claims_error)?;
        let person = Person {
            sub: claims.subject().to_string(),
            name: claims.name().and_then(|n| n.get(None)).map(|n| n.to_string()),
        };
        Ok((tokens(&response), person))
    }

    /// A fresh access token. [`OidcError::Refused`] means the session is over.
    pub async fn refresh(&self, refresh_token: &str) -> Result<Tokens, OidcError> {
        let client = self.client();
        let token = RefreshToken::new(refresh_token.to_string());
        let response = client
            .exchange_refresh_token(&token)
            .map_err(unavailable)?
            .request_async(&self.http)
            .await
            .map_err(token_error)?;
        Ok(tokens(&response))
    }

    /// Tells the provider the refresh token is no longer wanted (RFC 7009).
    pub async fn revoke(&self, refresh_token: &str) -> Result<(), OidcError> {
        let Some(url) = &self.metadata.additional_metadata().revocation_endpoint else { return Ok(()) };
        let client = self.client().set_revocation_url(RevocationUrl::new(url.clone()).map_err(unavailable)?);
        let token: CoreRevocableToken = RefreshToken::new(refresh_token.to_string()).into();
        client.revoke_token(token).map_err(unavailable)?.request_async(&self.http).await.map_err(unavailable)
    }
}

type CoreClientWithMaybe = CoreClient<
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointMaybeSet,
    openidconnect::EndpointMaybeSet,
>;

fn tokens(r: &openidconnect::core::CoreTokenResponse) -> Tokens {
    Tokens {
        access_token: r.access_token().secret().clone(),
        refresh_token: r.refresh_token().map(|t| t.secret().clone()),
        expires_in: r.expires_in().map(|d| d.as_secs() as i64),
    }
}

fn token_error<RE: std::error::Error + 'static>(
    e: RequestTokenError<RE, openidconnect::StandardErrorResponse<openidconnect::core::CoreErrorResponseType>>,
) -> OidcError {
    match e {
        RequestTokenError::ServerResponse(r) => OidcError::Refused(r.to_string()),
        other => unavailable(other),
    }
}

/// Says which check an ID token failed, in plain words.
fn claims_error(e: ClaimsVerificationError) -> OidcError {
    OidcError::IdToken(match e {
        ClaimsVerificationError::Expired(_) => "it has expired".into(),
        ClaimsVerificationError::InvalidAudience(_) => "it was issued for another app".into(),
        ClaimsVerificationError::InvalidIssuer(_) => "it was issued by another provider".into(),
        ClaimsVerificationError::InvalidNonce(_) => "it belongs to another sign-in (nonce)".into(),
        ClaimsVerificationError::SignatureVerification(s) => format!("its signature is not the provider's ({s})"),
        other => other.to_string(),
    })
}

/// Reads `code` from the redirect's query, checking `state`.
pub fn code_from_redirect(
    params: &std::collections::HashMap<String, String>,
    expected_state: &str,
) -> Result<String, String> {
    if let Some(e) = params.get("error") {
        return Err(format!("{e}: {}", params.get("error_description").cloned().unwrap_or_default()));
    }
    if params.get("state").map(String::as_str) != Some(expected_state) {
        return Err("state does not match".into());
    }
    params.get("code").cloned().ok_or_else(|| "no code".into())
}
