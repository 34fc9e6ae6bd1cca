//! Signing in with the city's identity provider (M-Login, BayernID) as a
//! public native client (RFC 8252): the system browser shows the provider's
//! page, the provider redirects to a one-shot listener on 127.0.0.1, the code
//! is traded for tokens with PKCE. The tokens live only in the OS keyring;
//! the frontend sees a name and an account id, never a token.

use std::time::Duration;

use muc_portal_client::oidc::{code_from_redirect, OidcClient, Pkce};
use muc_portal_client::{ClientError, PortalClient};
use muc_wire::ipc::{AppError, ErrorKind, LoginStatus, SessionView};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The keyring entry's service; the entry's user is "session".
pub const KEYRING_SERVICE: &str = "de.muenchen.app";

/// How long the listener waits for the browser to come back.
const WAIT_FOR_BROWSER: Duration = Duration::from_secs(300);
/// An access token is renewed this long before it expires.
const RENEW_BEFORE_SECS: i64 = 30;

#[derive(Debug, Clone)]
pub struct LoginConfig {
    pub issuer: String,
    pub client_id: String,
}

/// What the keyring holds for the signed-in person.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    access_token: String,
    refresh_token: Option<String>,
    expires_at: i64,
    account_id: String,
    name: Option<String>,
}

pub struct Login {
    config: Option<LoginConfig>,
    portal: PortalClient,
    /// The keyring entry's service name (tests use their own).
    service: String,
    cancel: std::sync::Mutex<Option<tokio::sync::oneshot::Sender<()>>>,
}

fn keyring_error(e: keyring::Error) -> AppError {
    AppError::new(ErrorKind::Keyring, e.to_string())
}

/// One keyring call at a time: the background sender, the notices
/// check and a command may otherwise talk to the Secret Service at once.
fn with_entry<T>(service: &str, what: &str, f: impl FnOnce(&keyring::Entry) -> T) -> Result<T, AppError> {
    static_lock(|| {
        let entry = keyring::Entry::new(service, "session").map_err(keyring_error)?;
        let started = std::time::Instant::now();
        let out = f(&entry);
        tracing::debug!(what, ms = started.elapsed().as_millis() as u64, "keyring");
        Ok(out)
    })
}

/// Deletes the stored session; the keyring's own answer.
fn delete_stored(service: &str) -> Result<(), keyring::Error> {
    static_lock(|| keyring::Entry::new(service, "session")?.delete_credential())
}

fn static_lock<T>(f: impl FnOnce() -> T) -> T {
    static KEYRING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = KEYRING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    f()
}

/// Removes a stored session from the keyring (none is fine).
pub fn remove_stored(service: &str) -> Result<(), AppError> {
    match delete_stored(service) {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(keyring_error(e)),
    }
}

/// For the kiosk wipe at start and at each session's end: any stored token
/// goes, so one left by earlier use never signs a visitor's report. A device
/// with no keyring service at all holds no token in it, which is no reason
/// to block it.
pub fn remove_stored_if_reachable(service: &str) -> Result<(), AppError> {
    match delete_stored(service) {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e @ (keyring::Error::NoStorageAccess(_) | keyring::Error::PlatformFailure(_))) => {
            tracing::warn!(error = %e, "no keyring reachable; no sign-in token can be stored here");
            Ok(())
        }
        Err(e) => Err(keyring_error(e)),
    }
}

fn login_error(detail: impl Into<String>) -> AppError {
    AppError::new(ErrorKind::Login, detail)
}

impl Login {
    pub fn new(config: Option<LoginConfig>, portal: &PortalClient, service: &str) -> Self {
        Self { config, portal: portal.clone(), service: service.into(), cancel: std::sync::Mutex::new(None) }
    }

    fn with_entry<T>(&self, what: &str, f: impl FnOnce(&keyring::Entry) -> T) -> Result<T, AppError> {
        with_entry(&self.service, what, f)
    }

    fn load(&self) -> Result<Option<Stored>, AppError> {
        match self.with_entry("read", |e| e.get_password())? {
            Ok(s) => Ok(serde_json::from_str(&s).ok()),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keyring_error(e)),
        }
    }

    fn store(&self, s: &Stored) -> Result<(), AppError> {
        let json = serde_json::to_string(s).map_err(|e| AppError::new(ErrorKind::Storage, e.to_string()))?;
        self.with_entry("write", |e| e.set_password(&json))?.map_err(keyring_error)
    }

    fn forget(&self) -> Result<(), AppError> {
        remove_stored(&self.service)
    }

    /// For tests: sign-in not set up, so the keyring is never touched.
    #[cfg(test)]
    pub fn not_configured() -> Self {
        Self::new(None, &PortalClient::new("http://127.0.0.1:9").expect("client"), KEYRING_SERVICE)
    }

    /// Who is signed in (from the keyring; no network).
    pub fn status(&self) -> LoginStatus {
        let session = if self.config.is_some() {
            self.load().ok().flatten().map(|s| SessionView { account_id: s.account_id, name: s.name })
        } else {
            None
        };
        LoginStatus {
            configured: self.config.is_some(),
            session,
            issuer: self.config.as_ref().map(|c| c.issuer.clone()),
        }
    }

    async fn client(&self) -> Result<OidcClient, AppError> {
        let c = self.config.as_ref().ok_or_else(|| login_error("sign-in is not set up (MUC_OIDC_ISSUER)"))?;
        OidcClient::discover(&self.portal, &c.issuer, &c.client_id).await.map_err(|e| crate::hotspots::app_error(&e))
    }

    /// Signs in: `open` shows the provider's page in the system browser.
    pub async fn login(
        &self,
        open: impl FnOnce(&str) -> Result<(), AppError>,
        now: i64,
    ) -> Result<SessionView, AppError> {
        let oidc = self.client().await?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| login_error(format!("no loopback port: {e}")))?;
        let port = listener.local_addr().map_err(|e| login_error(e.to_string()))?.port();
        let redirect = format!("http://127.0.0.1:{port}/callback");
        let pkce = Pkce::new().map_err(|e| login_error(e.to_string()))?;
        let (tx, rx) = tokio::sync::oneshot::channel();
        if let Ok(mut c) = self.cancel.lock() {
            *c = Some(tx);
        }
        open(&oidc.authorize_url(&redirect, &pkce))?;
        let code = tokio::select! {
            r = tokio::time::timeout(WAIT_FOR_BROWSER, wait_for_code(&listener, &pkce.state)) => {
                r.map_err(|_| login_error("no answer from the browser within 5 minutes"))??
            }
            _ = rx => return Err(login_error("cancelled")),
        };
        let tokens =
            oidc.exchange_code(&code, &redirect, &pkce.verifier).await.map_err(|e| login_error(e.to_string()))?;
        let who = oidc.who(&tokens).map_err(|e| login_error(e.to_string()))?;
        let stored = Stored {
            expires_at: now + tokens.expires_in.unwrap_or(300),
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
            account_id: who.sub,
            name: who.name,
        };
        self.store(&stored)?;
        tracing::info!("signed in");
        Ok(SessionView { account_id: stored.account_id, name: stored.name })
    }

    /// Stops waiting for the browser.
    pub fn cancel(&self) {
        if let Some(tx) = self.cancel.lock().ok().and_then(|mut c| c.take()) {
            let _ = tx.send(());
        }
    }

    /// A valid access token for the portal, renewed with the refresh token
    /// when it is (nearly) expired. None: nobody is signed in, or the
    /// provider ended the session (then the stored session is removed).
    pub async fn access_token(&self, now: i64) -> Result<Option<String>, AppError> {
        if self.config.is_none() {
            return Ok(None);
        }
        let Some(mut s) = self.load()? else { return Ok(None) };
        if s.expires_at - RENEW_BEFORE_SECS > now {
            return Ok(Some(s.access_token));
        }
        let Some(refresh) = s.refresh_token.clone() else {
            self.forget()?;
            return Ok(None);
        };
        let oidc = self.client().await?;
        match oidc.refresh(&refresh).await {
            Ok(t) => {
                s.access_token = t.access_token;
                s.expires_at = now + t.expires_in.unwrap_or(300);
                if let Some(r) = t.refresh_token {
                    s.refresh_token = Some(r);
                }
                self.store(&s)?;
                Ok(Some(s.access_token))
            }
            // The provider says the session is over: signed out.
            Err(ClientError::Status { status: 400 | 401, .. }) => {
                tracing::info!("session ended by the identity provider");
                self.forget()?;
                Ok(None)
            }
            Err(e) => Err(crate::hotspots::app_error(&e)),
        }
    }

    /// Signs out: the provider is asked to drop the refresh token (best
    /// effort) and the keyring entry is removed.
    pub async fn logout(&self) -> Result<(), AppError> {
        if let Some(s) = self.load()? {
            if let (Some(r), Ok(oidc)) = (s.refresh_token, self.client().await) {
                if let Err(e) = oidc.revoke(&r).await {
                    tracing::info!(error = %e, "refresh token not revoked");
                }
            }
        }
        self.forget()
    }
}

/// Accepts connections until the browser brings the code (other requests,
/// e.g. a favicon, are answered and ignored); answers the browser with a page.
async fn wait_for_code(listener: &tokio::net::TcpListener, state: &str) -> Result<String, AppError> {
    loop {
        let (mut sock, _) = listener.accept().await.map_err(|e| login_error(e.to_string()))?;
        let mut buf = vec![0u8; 8192];
        let n = sock.read(&mut buf).await.unwrap_or(0);
        let head = String::from_utf8_lossy(&buf[..n]);
        let path = head.lines().next().and_then(|l| l.split_whitespace().nth(1)).unwrap_or("/").to_string();
        if !path.starts_with("/callback") {
            let _ = sock.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").await;
            continue;
        }
        let result = code_from_redirect(&path, state);
        let (title, text) = match &result {
            Ok(_) => (
                "Angemeldet / Signed in",
                "Sie sind angemeldet. Sie können dieses Fenster schließen und zur München App zurückkehren. / You are signed in. You can close this window and return to the app.",
            ),
            Err(_) => (
                "Anmeldung fehlgeschlagen / Sign-in failed",
                "Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es in der App erneut. / Signing in did not work. Please try again in the app.",
            ),
        };
        let body = format!(
            "<!doctype html><html lang=\"de\"><meta charset=\"utf-8\"><title>{title}</title><h1>{title}</h1><p>{text}</p></html>"
        );
        let resp = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = sock.write_all(resp.as_bytes()).await;
        return result.map_err(login_error);
    }
}

/// Plays the browser in tests: signs in at the provider, then follows the
/// redirect to the app's loopback listener, as a browser would.
#[cfg(test)]
pub(crate) fn test_browser(user: &'static str) -> impl FnOnce(&str) -> Result<(), AppError> {
    move |url: &str| {
        let url = url.to_string();
        tokio::spawn(async move {
            let back = muc_test_op::sign_in(&url, user).await.expect("signed in at the provider");
            reqwest::get(&back).await.expect("the app's listener answers");
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use muc_test_op::TestOp;

    fn browser(user: &'static str) -> impl FnOnce(&str) -> Result<(), AppError> {
        test_browser(user)
    }

    /// The real provider and the real keyring (Secret Service, in the
    /// D-Bus session `./x test` provides).
    #[tokio::test]
    async fn sign_in_renew_and_sign_out() {
        let op = TestOp::start(60).expect("the OpenID provider");
        let portal = PortalClient::new("http://127.0.0.1:9").expect("client");
        let service = format!("de.muenchen.app.test.{}", std::process::id());
        let cfg = LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let login = Login::new(Some(cfg), &portal, &service);
        assert!(login.status().session.is_none());

        let who = login.login(browser("anna"), 1_000).await.expect("signed in");
        assert_eq!((who.account_id.as_str(), who.name.as_deref()), ("anna", Some("Anna")));
        assert_eq!(login.status().session, Some(who));
        let first = login.access_token(1_000).await.expect("token").expect("signed in");
        assert!(first.split('.').count() == 3, "a JWT for the portal");

        // Later than its expiry: renewed with the refresh token.
        let renewed = login.access_token(1_000 + 3600).await.expect("token").expect("still signed in");
        assert_ne!(renewed, first);

        login.logout().await.expect("signed out");
        assert!(login.status().session.is_none());
        assert_eq!(login.access_token(1_000).await.expect("no token"), None);
    }

    #[tokio::test]
    async fn a_session_the_provider_ended_signs_out() {
        let op = TestOp::start(60).expect("the OpenID provider");
        let portal = PortalClient::new("http://127.0.0.1:9").expect("client");
        let service = format!("de.muenchen.app.test.ended.{}", std::process::id());
        let cfg = LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let login = Login::new(Some(cfg.clone()), &portal, &service);
        login.login(browser("bert"), 1_000).await.expect("signed in");
        // The provider restarts and forgets every session: the refresh token is void.
        drop(op);
        let op = TestOp::start(60).expect("the provider again");
        let login = Login::new(Some(LoginConfig { issuer: op.issuer.clone(), ..cfg }), &portal, &service);
        assert_eq!(login.access_token(1_000 + 3600).await.expect("answered"), None, "signed out, not stuck");
        assert!(login.status().session.is_none());
    }

    #[tokio::test]
    async fn cancelling_stops_waiting() {
        let op = TestOp::start(60).expect("the OpenID provider");
        let portal = PortalClient::new("http://127.0.0.1:9").expect("client");
        let cfg = LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let login = std::sync::Arc::new(Login::new(Some(cfg), &portal, "de.muenchen.app.test.cancel"));
        let l = login.clone();
        let waiting = tokio::spawn(async move { l.login(|_| Ok(()), 1).await });
        while login.cancel.lock().map(|c| c.is_none()).unwrap_or(true) {
            tokio::task::yield_now().await;
        }
        login.cancel();
        let r = waiting.await.expect("joined");
        assert!(matches!(r, Err(e) if e.kind == ErrorKind::Login && e.detail == "cancelled"));
    }
}
