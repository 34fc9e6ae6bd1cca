//! What only phones do (Android, iOS), beside `desktop.rs` with the same
//! names: notifications through the platform (Tauri's notification plugin,
//! with its permission prompt), the sign-in redirect as a deep link into
//! the app (RFC 8252 §7.1: a private-use URI scheme in reverse-domain form,
//! claimed in tauri.conf.json's `plugins.deep-link`), the position from the
//! platform's location service (geolocation plugin), and tokens in the
//! platform's secure store: keyring's Keychain store on iOS (`apple-native`),
//! the Android Keystore through `android-keyring` (set up in `plugins`).
//!
//! This machine has no Android SDK or Xcode: this module is checked by
//! compiling (`./x check-mobile`), not run. See the README, "Building for
//! Android and iOS".

use std::collections::HashMap;
use std::sync::Mutex;

use muc_portal_client::oidc::code_from_redirect;
use tauri::plugin::PermissionState;
use tauri_plugin_deep_link::DeepLinkExt as _;
use tauri_plugin_geolocation::{GeolocationExt as _, PermissionType, PositionOptions};
use tauri_plugin_notification::NotificationExt as _;

/// The redirect URI of the sign-in: the app's own scheme (the app id
/// reversed, as RFC 8252 §7.1 asks), one path, nothing else.
pub const REDIRECT_URI: &str = "de.muenchen.buergerapp:/oauth2redirect";

/// The plugins phones need beside the common ones.
pub fn plugins(builder: tauri::Builder<tauri::Wry>) -> tauri::Builder<tauri::Wry> {
    #[cfg(target_os = "android")]
    if let Err(e) = android_keyring::set_android_keyring_credential_builder() {
        // Without it keyring would keep tokens in memory only: better no
        // sign-in than a session that is silently lost or kept insecurely.
        tracing::error!(error = %e, "Android Keystore not reachable: sign-in will fail");
        keyring::set_default_credential_builder(Box::new(no_store::NoStore));
    }
    builder
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_geolocation::init())
        .plugin(tauri_plugin_deep_link::init())
}

/// Called from the app's setup, once the plugins are in.
pub fn setup(app: &tauri::App) {
    // The identity provider sends the browser back here.
    app.deep_link().on_open_url(|event| {
        for url in event.urls() {
            redirected(&url);
        }
    });
    // A tap on a notification opens the screen it is about.
    let handle = app.handle().clone();
    let tapped = app.notification().on_action(move |a| {
        if a.action_id() == "tap" {
            let link =
                a.notification().and_then(|n| n.extra().get("link")).and_then(|l| l.as_str()).map(str::to_string);
            crate::open_in_page(&handle, link);
        }
    });
    if let Err(e) = tapped {
        tracing::warn!(error = %e, "notification taps not followed");
    }
}

/// Where no secure store can be reached, every keyring call fails (and
/// signing in says so) instead of keyring's in-memory default, which would
/// lose the session at every start and hold it unprotected meanwhile.
#[cfg(target_os = "android")]
mod no_store {
    use keyring::credential::{Credential, CredentialBuilderApi, CredentialPersistence};

    pub struct NoStore;

    impl CredentialBuilderApi for NoStore {
        fn build(&self, _target: Option<&str>, _service: &str, _user: &str) -> keyring::Result<Box<Credential>> {
            Err(keyring::Error::NoStorageAccess("the Android Keystore is not reachable".into()))
        }

        fn as_any(&self) -> &dyn std::any::Any {
            self
        }

        fn persistence(&self) -> CredentialPersistence {
            CredentialPersistence::EntryOnly
        }
    }
}

/// The system brings the app forward itself.
pub fn bring_forward(_: &tauri::WebviewWindow) {}

/// The position from the platform's location service, asking for the
/// permission the first time. Refused or switched off: an error the page
/// shows beside "type a place instead".
pub async fn position(app: &tauri::AppHandle) -> Result<Option<muc_wire::geo::LonLat>, String> {
    let geo = app.geolocation();
    let status = geo.check_permissions().map_err(|e| e.to_string())?;
    let asked = match status.location {
        PermissionState::Prompt | PermissionState::PromptWithRationale => {
            geo.request_permissions(Some(vec![PermissionType::Location])).map_err(|e| e.to_string())?.location
        }
        other => other,
    };
    if asked != PermissionState::Granted {
        return Err("location permission not granted".into());
    }
    let options = PositionOptions { enable_high_accuracy: true, timeout: 10_000, maximum_age: 60_000 };
    let p = geo.get_current_position(Some(options)).map_err(|e| e.to_string())?;
    Ok(Some(muc_wire::geo::LonLat::new(p.coords.longitude, p.coords.latitude)))
}

/// Shows a notification through the platform; a tap opens `link` (see
/// `plugins`). Permission is asked the first time (Android 13+, iOS).
pub fn notify(
    app: &tauri::AppHandle,
    summary: &str,
    body: &str,
    link: Option<String>,
    _on_click: impl FnOnce(Option<String>) + Send + 'static,
) -> Result<(), String> {
    let n = app.notification();
    let state = n.permission_state().map_err(|e| e.to_string())?;
    let state = match state {
        PermissionState::Prompt | PermissionState::PromptWithRationale => {
            n.request_permission().map_err(|e| e.to_string())?
        }
        other => other,
    };
    if state != PermissionState::Granted {
        return Err("notifications not allowed on this phone".into());
    }
    let mut b = n.builder().title(summary).body(body);
    if let Some(link) = link {
        b = b.extra("link", link);
    }
    b.show().map_err(|e| e.to_string())
}

/// The sign-in waiting for its deep link: its `state` and where the code goes.
type Pending = (String, tokio::sync::oneshot::Sender<Result<String, String>>);
static PENDING: Mutex<Option<Pending>> = Mutex::new(None);

/// A deep link came in: if it is the sign-in's redirect with the waiting
/// sign-in's `state`, its code (or the provider's error) goes there. A
/// link with another state is not this sign-in's and changes nothing.
fn redirected(url: &url::Url) {
    let Ok(ours) = url::Url::parse(REDIRECT_URI) else { return };
    if url.scheme() != ours.scheme() || url.path() != ours.path() {
        return;
    }
    let params: HashMap<String, String> = url.query_pairs().into_owned().collect();
    let Ok(mut pending) = PENDING.lock() else { return };
    let Some((state, _)) = pending.as_ref() else { return };
    let result = code_from_redirect(&params, state);
    if result.as_ref().err().is_some_and(|e| e == "state does not match") {
        tracing::warn!("a sign-in redirect with another state: ignored");
        return;
    }
    if let Some((_, tx)) = pending.take() {
        let _ = tx.send(result);
    }
}

/// The deep-link redirect, step one: nothing to open, the scheme is the app's.
pub struct Redirect;

impl Redirect {
    pub async fn ready() -> Result<Redirect, String> {
        Ok(Redirect)
    }

    pub fn uri(&self) -> String {
        REDIRECT_URI.into()
    }

    /// Step two: the next deep link with this `state` carries the code. A
    /// new sign-in replaces one still waiting (its wait ends).
    pub fn expect(self, state: String) -> Waiting {
        let (tx, rx) = tokio::sync::oneshot::channel();
        if let Ok(mut p) = PENDING.lock() {
            *p = Some((state, tx));
        }
        Waiting { result: rx }
    }
}

/// A sign-in waiting for the browser to come back.
pub struct Waiting {
    result: tokio::sync::oneshot::Receiver<Result<String, String>>,
}

impl Waiting {
    pub async fn code(mut self) -> Result<String, String> {
        (&mut self.result).await.unwrap_or_else(|_| Err("another sign-in was started".into()))
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        // Cancelled or timed out: a late redirect finds nobody waiting
        // (only this wait's sender is closed by this; a newer one is kept).
        self.result.close();
        if let Ok(mut p) = PENDING.lock() {
            if p.as_ref().is_some_and(|(_, tx)| tx.is_closed()) {
                *p = None;
            }
        }
    }
}
