//! Signing in with the city's identity provider (M-Login, BayernID) as a
//! public native client (RFC 8252): the system browser shows the provider's
//! page, the provider redirects back to the app (on desktops a small HTTP
//! server on 127.0.0.1, on phones the app's own URI scheme: `Redirect` in
//! `desktop.rs` / `mobile.rs`), the code is traded for tokens with PKCE and the ID token is checked
//! (`muc_portal_client::oidc`, on the `openidconnect` crate). The tokens live
//! only in the OS keyring, written only after every check passed; the
//! frontend sees a name and an account id, never a token.

use std::time::Duration;

use muc_portal_client::oidc::{OidcClient, OidcError};

use muc_wire::ipc::{AppError, ErrorKind, LoginStatus, SessionView};
use muc_wire::personal::{Provider, TrustLevel};
use serde::{Deserialize, Serialize};

#[cfg(desktop)]
use crate::desktop::Redirect;
#[cfg(mobile)]
use crate::mobile::Redirect;

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
    /// The trust level the portal read from the access token at sign-in.
    #[serde(default)]
    level: Option<TrustLevel>,
    /// The provider signed in with, when not the first (M-Login): its
    /// issuer, for renewing and revoking there, and its name.
    #[serde(default)]
    issuer: Option<String>,
    #[serde(default)]
    provider: Option<String>,
}

pub struct Login {
    config: Option<LoginConfig>,
    /// Providers beside the first (MUC_OIDC_MORE): (name for people, config).
    more: Vec<(String, LoginConfig)>,
    /// The keyring entry's service name (tests use their own).
    service: String,
    cancel: std::sync::Mutex<Option<tokio::sync::oneshot::Sender<()>>>,
    /// The configured provider as the portal describes it, asked once.
    described: std::sync::OnceLock<Provider>,
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
    pub fn new(config: Option<LoginConfig>, service: &str) -> Self {
        Self {
            config,
            more: Vec::new(),
            service: service.into(),
            cancel: std::sync::Mutex::new(None),
            described: std::sync::OnceLock::new(),
        }
    }

    /// Providers beside the first one (M-Login beside BayernID).
    pub fn with_more(mut self, more: Vec<(String, LoginConfig)>) -> Self {
        self.more = more;
        self
    }

    /// The provider of `issuer` (None: the first), with its name when it
    /// is one beside the first.
    fn config_for(&self, issuer: Option<&str>) -> Result<(&LoginConfig, Option<&str>), AppError> {
        let first = self.config.as_ref().ok_or_else(|| login_error("sign-in is not set up (MUC_OIDC_ISSUER)"))?;
        match issuer {
            None => Ok((first, None)),
            Some(i) if same_issuer(i, &first.issuer) => Ok((first, None)),
            Some(i) => self
                .more
                .iter()
                .find(|(_, c)| same_issuer(i, &c.issuer))
                .map(|(n, c)| (c, Some(n.as_str())))
                .ok_or_else(|| login_error(format!("{i} is not a provider this app signs in with"))),
        }
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
        Self::new(None, KEYRING_SERVICE)
    }

    /// Who is signed in (from the keyring; no network).
    pub fn status(&self) -> LoginStatus {
        let session = if self.config.is_some() {
            self.load().ok().flatten().map(|s| SessionView {
                account_id: s.account_id,
                name: s.name,
                level: s.level,
                provider: s.provider,
            })
        } else {
            None
        };
        LoginStatus {
            configured: self.config.is_some(),
            session,
            issuer: self.config.as_ref().map(|c| c.issuer.clone()),
            provider: self.described.get().cloned(),
            more: if self.config.is_some() {
                self.more
                    .iter()
                    .map(|(name, c)| Provider { name: name.clone(), issuer: c.issuer.clone(), levels: Vec::new() })
                    .collect()
            } else {
                Vec::new()
            },
        }
    }

    /// [`status`](Self::status) with the provider as the portal describes it
    /// (`/.well-known/oauth-protected-resource`): its name and trust levels.
    /// Only the provider this app is set up for is taken: the portal names
    /// where citizens sign in, it does not choose where this app sends them.
    pub async fn status_described(&self, portal: &muc_portal_client::PortalClient) -> LoginStatus {
        if let (Some(c), None) = (&self.config, self.described.get()) {
            match portal.resource_metadata().await {
                Ok(doc) => {
                    let ours = doc.providers.into_iter().find(|p| same_issuer(&p.issuer, &c.issuer));
                    if let Some(p) = ours {
                        let _ = self.described.set(p);
                    } else {
                        tracing::warn!(issuer = %c.issuer, "the portal does not name this app's identity provider");
                    }
                }
                Err(e) => tracing::info!(error = %e, "the portal's sign-in description not fetched"),
            }
        }
        self.status()
    }

    async fn client(&self, issuer: Option<&str>) -> Result<OidcClient, AppError> {
        let (c, _) = self.config_for(issuer)?;
        OidcClient::discover(&c.issuer, &c.client_id).await.map_err(oidc_error)
    }

    /// Signs in: `open` shows the provider's page in the system browser.
    /// `level`: the trust level to ask for (a new sign-in even when signed
    /// in). The level reached is the portal's reading of the access token
    /// (`portal`'s `GET /me`): the app does not read access tokens itself.
    pub async fn login(
        &self,
        open: impl FnOnce(&str) -> Result<(), AppError>,
        now: i64,
        level: Option<TrustLevel>,
        portal: &muc_portal_client::PortalClient,
    ) -> Result<SessionView, AppError> {
        self.login_with(open, now, level, None, portal).await
    }

    /// [`login`](Self::login) at the provider of `issuer` (None: the first).
    /// The account is the portal's name for it (`m-login:<sub>` at a
    /// provider beside the first), when the portal answers.
    pub async fn login_with(
        &self,
        open: impl FnOnce(&str) -> Result<(), AppError>,
        now: i64,
        level: Option<TrustLevel>,
        issuer: Option<&str>,
        portal: &muc_portal_client::PortalClient,
    ) -> Result<SessionView, AppError> {
        let (config, provider) = self.config_for(issuer)?;
        let (provider_issuer, provider) = (config.issuer.clone(), provider.map(str::to_string));
        let oidc = self.client(issuer).await?;
        // Where the provider sends the browser back: a loopback port on
        // desktops, the app's own URI scheme on phones.
        let way_back = Redirect::ready().await.map_err(login_error)?;
        let pending = oidc.start_at(&way_back.uri(), level).map_err(oidc_error)?;
        let (tx, rx) = tokio::sync::oneshot::channel();
        if let Ok(mut c) = self.cancel.lock() {
            *c = Some(tx);
        }
        let redirect = way_back.expect(pending.state.clone());
        open(&pending.authorize_url)?;
        let code = tokio::select! {
            r = tokio::time::timeout(WAIT_FOR_BROWSER, redirect.code()) => {
                r.map_err(|_| login_error("no answer from the browser within 5 minutes"))?.map_err(login_error)?
            }
            _ = rx => return Err(login_error("cancelled")),
        };
        // Nothing is stored unless the ID token passed every check.
        let (tokens, who) = oidc.finish(pending, &code).await.map_err(oidc_error)?;
        let (account_id, level) = match portal.me(&tokens.access_token).await {
            Ok(me)
                if same_issuer(&me.issuer, &provider_issuer)
                    && (me.account_id == who.sub || me.account_id.ends_with(&format!(":{}", who.sub))) =>
            {
                (me.account_id, Some(me.level))
            }
            Ok(me) => {
                tracing::warn!(portal = %me.account_id, "the portal reads another account from the token");
                (who.sub, None)
            }
            Err(e) => {
                tracing::info!(error = %e, "trust level not known: the portal did not answer");
                (who.sub, None)
            }
        };
        let stored = Stored {
            expires_at: now + tokens.expires_in.unwrap_or(300),
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
            account_id,
            name: who.name,
            level,
            issuer: provider.is_some().then_some(provider_issuer),
            provider,
        };
        self.store(&stored)?;
        tracing::info!(level = ?level, provider = ?stored.provider, "signed in");
        Ok(SessionView { account_id: stored.account_id, name: stored.name, level, provider: stored.provider })
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
        let oidc = self.client(s.issuer.as_deref()).await?;
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
            Err(OidcError::Refused(why)) => {
                tracing::info!(%why, "session ended by the identity provider");
                self.forget()?;
                Ok(None)
            }
            Err(e) => Err(oidc_error(e)),
        }
    }

    /// Signs out: the provider is asked to drop the refresh token (best
    /// effort) and the keyring entry is removed.
    pub async fn logout(&self) -> Result<(), AppError> {
        if let Some(s) = self.load()? {
            if let (Some(r), Ok(oidc)) = (s.refresh_token, self.client(s.issuer.as_deref()).await) {
                if let Err(e) = oidc.revoke(&r).await {
                    tracing::info!(error = %e, "refresh token not revoked");
                }
            }
        }
        self.forget()
    }
}

/// Issuer URLs compared as OpenID does, but forgiving a trailing slash.
fn same_issuer(a: &str, b: &str) -> bool {
    a.trim_end_matches('/') == b.trim_end_matches('/')
}

fn oidc_error(e: OidcError) -> AppError {
    match e {
        OidcError::Unavailable(d) => AppError::new(ErrorKind::PortalUnreachable, d),
        other => login_error(other.to_string()),
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

    /// No portal listens here: the level stays unknown (`my_data`'s test
    /// has a portal).
    fn no_portal() -> muc_portal_client::PortalClient {
        muc_portal_client::PortalClient::new("http://127.0.0.1:9").expect("client")
    }

    /// The real provider and the real keyring (Secret Service, in the
    /// D-Bus session `./x test` provides).
    #[tokio::test]
    async fn sign_in_renew_and_sign_out() {
        let op = TestOp::start(60).expect("the OpenID provider");
        let service = format!("de.muenchen.app.test.{}", std::process::id());
        let cfg = LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let login = Login::new(Some(cfg), &service);
        assert!(login.status().session.is_none());

        let who = login.login(browser("anna"), 1_000, None, &no_portal()).await.expect("signed in");
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

    /// M-Login beside BayernID, with the real portal: the app signs in at
    /// the provider asked for, keeps the portal's name for the account
    /// (`m-login:anna`, not BayernID's Anna), renews there, and refuses a
    /// provider it is not set up for.
    #[tokio::test]
    async fn a_second_provider_signs_in_to_an_account_of_its_own() {
        let (bayern, mlogin) = (TestOp::start(60).expect("BayernID"), TestOp::start(60).expect("M-Login"));
        let tmp = tempfile::tempdir().expect("tempdir");
        let (base, _task) = crate::test_portal_with_logins(tmp.path(), &bayern.issuer, Some(&mlogin.issuer)).await;
        let portal = muc_portal_client::PortalClient::new(&base).expect("client");
        let cfg = |i: &str| LoginConfig { issuer: i.to_string(), client_id: "muenchen-app".into() };
        let service = format!("de.muenchen.app.test.more.{}", std::process::id());
        let login =
            Login::new(Some(cfg(&bayern.issuer)), &service).with_more(vec![("M-Login".into(), cfg(&mlogin.issuer))]);
        let offered = login.status().more;
        assert_eq!((offered[0].name.as_str(), offered[0].issuer.as_str()), ("M-Login", mlogin.issuer.as_str()));

        let who =
            login.login_with(browser("anna"), 1_000, None, Some(&mlogin.issuer), &portal).await.expect("signed in");
        assert_eq!(
            (who.account_id.as_str(), who.provider.as_deref(), who.level),
            ("m-login:anna", Some("M-Login"), Some(TrustLevel::Level1))
        );
        assert_eq!(login.status().session, Some(who));
        let renewed = login.access_token(1_000 + 3600).await.expect("token").expect("renewed at M-Login");
        let me = portal.me(&renewed).await.expect("the portal takes it");
        assert_eq!((me.account_id.as_str(), me.issuer.as_str()), ("m-login:anna", mlogin.issuer.as_str()));
        login.logout().await.expect("signed out");

        let e = login.login_with(browser("anna"), 1, None, Some("https://login.example.org"), &portal).await;
        assert!(matches!(&e, Err(err) if err.kind == ErrorKind::Login), "{e:?}");
        assert!(login.status().session.is_none(), "nothing stored");
    }

    #[tokio::test]
    async fn a_session_the_provider_ended_signs_out() {
        let op = TestOp::start(60).expect("the OpenID provider");
        let service = format!("de.muenchen.app.test.ended.{}", std::process::id());
        let cfg = LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let login = Login::new(Some(cfg.clone()), &service);
        login.login(browser("bert"), 1_000, None, &no_portal()).await.expect("signed in");
        // The provider restarts and forgets every session: the refresh token is void.
        drop(op);
        let op = TestOp::start(60).expect("the provider again");
        let login = Login::new(Some(LoginConfig { issuer: op.issuer.clone(), ..cfg }), &service);
        assert_eq!(login.access_token(1_000 + 3600).await.expect("answered"), None, "signed out, not stuck");
        assert!(login.status().session.is_none());
    }

    #[tokio::test]
    async fn cancelling_stops_waiting() {
        let op = TestOp::start(60).expect("the OpenID provider");
        let cfg = LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let login = std::sync::Arc::new(Login::new(Some(cfg), "de.muenchen.app.test.cancel"));
        let l = login.clone();
        let waiting = tokio::spawn(async move { l.login(|_| Ok(()), 1, None, &no_portal()).await });
        while login.cancel.lock().map(|c| c.is_none()).unwrap_or(true) {
            tokio::task::yield_now().await;
        }
        login.cancel();
        let r = waiting.await.expect("joined");
        assert!(matches!(r, Err(e) if e.kind == ErrorKind::Login && e.detail == "cancelled"));
    }

    /// Whether the keyring holds a session under `service`.
    fn stored_in_keyring(service: &str) -> bool {
        keyring::Entry::new(service, "session").and_then(|e| e.get_password()).is_ok()
    }

    /// Found in review: the hand-written client did not check the ID
    /// token's expiry or signature and sent no nonce. Each of these comes
    /// from the real provider, misbehaving on purpose: each is refused with
    /// a clear message, and nothing reaches the keyring.
    #[tokio::test]
    async fn forged_id_tokens_are_refused_and_nothing_is_stored() {
        for (fault, says) in [
            ("tamper", "the ID token was refused: its signature is not the provider's"),
            ("nonce", "the ID token was refused: it belongs to another sign-in (nonce)"),
            ("expired", "the ID token was refused: it has expired"),
            ("audience", "the ID token was refused: it was issued for another app"),
            ("http", "not https: token endpoint http://token.example.org/token"),
        ] {
            let op = TestOp::start_with(60, fault).expect("the OpenID provider");
            let service = format!("de.muenchen.app.test.{fault}.{}", std::process::id());
            let cfg = LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
            let login = Login::new(Some(cfg), &service);
            type Browser = Box<dyn FnOnce(&str) -> Result<(), AppError>>;
            let browser: Browser = if fault == "http" { Box::new(|_: &str| Ok(())) } else { Box::new(browser("anna")) };
            let e = login.login(browser, 1_000, None, &no_portal()).await.expect_err(fault);
            assert_eq!(e.kind, ErrorKind::Login, "{fault}: {e}");
            assert!(e.detail.contains(says), "{fault}: {}", e.detail);
            assert!(login.status().session.is_none(), "{fault}: not signed in");
            assert!(!stored_in_keyring(&service), "{fault}: nothing in the keyring");
        }
    }

    /// A callback to the loopback listener that does not carry this
    /// sign-in's state (a forged or stray redirect) changes nothing; the
    /// real one still completes the sign-in.
    #[tokio::test]
    async fn a_forged_callback_is_ignored() {
        let op = TestOp::start(60).expect("the OpenID provider");
        let service = format!("de.muenchen.app.test.forged.{}", std::process::id());
        let cfg = LoginConfig { issuer: op.issuer.clone(), client_id: "muenchen-app".into() };
        let login = Login::new(Some(cfg), &service);
        let forging_browser = move |url: &str| {
            let url = url.to_string();
            tokio::spawn(async move {
                let redirect = url::Url::parse(&url).expect("url");
                let back = redirect.query_pairs().find(|(k, _)| k == "redirect_uri").expect("redirect").1.to_string();
                let forged = reqwest::get(format!("{back}?code=stolen&state=guessed")).await.expect("answered");
                assert!(forged.text().await.expect("page").contains("fehlgeschlagen"));
                let real = muc_test_op::sign_in(&url, "anna").await.expect("signed in");
                reqwest::get(&real).await.expect("the app's listener answers");
            });
            Ok(())
        };
        let who = login
            .login(forging_browser, 1_000, None, &no_portal())
            .await
            .expect("signed in despite the forged callback");
        assert_eq!(who.account_id, "anna");
        login.logout().await.expect("signed out");
    }
}
