//! What only desktops do (Linux, Windows, macOS), beside `mobile.rs` with
//! the same names for phones, split the way Tauri's own plugins split:
//! one running app per data folder, the sign-in redirect to a loopback
//! port, notifications through the desktop's notification service, and the
//! window brought forward. The position comes from the webview itself
//! (WebKitGTK asks GeoClue), so `position` has nothing to add here.

use std::collections::HashMap;

use muc_portal_client::oidc::code_from_redirect;
use tauri::Manager as _;

/// The plugins desktops need beside the common ones.
pub fn plugins(builder: tauri::Builder<tauri::Wry>) -> tauri::Builder<tauri::Wry> {
    // One app per data folder: a second launch would start a second outbox
    // sender. It hands over to the first, which comes to the front.
    builder.plugin(
        tauri_plugin_single_instance::Builder::new()
            .dbus_id(crate::config::instance_id(std::env::var_os("MUC_DATA_DIR").as_deref()))
            .callback(|app, _argv, _cwd| {
                tracing::info!("a second launch on the same data folder: showing this window instead");
                if let Some(w) = app.get_webview_window("main") {
                    bring_forward(&w);
                }
            })
            .build(),
    )
}

/// Called from the app's setup, once the plugins are in: nothing on desktops.
pub fn setup(_app: &tauri::App) {}

/// The window in front: a second launch, or a click on one of its notifications.
pub fn bring_forward(w: &tauri::WebviewWindow) {
    let _ = w.unminimize();
    let _ = w.show();
    let _ = w.set_focus();
}

/// Desktops have no platform position to offer: the webview's own
/// `navigator.geolocation` is used.
pub async fn position(_app: &tauri::AppHandle) -> Result<Option<muc_wire::geo::LonLat>, String> {
    Ok(None)
}

/// Shows a desktop notification (freedesktop.org Notifications on Linux)
/// with a default action: clicking it calls `on_click` with the link.
/// Without a notification service it is an error the caller logs: the
/// inbox has the notice anyway.
pub fn notify(
    _app: &tauri::AppHandle,
    summary: &str,
    body: &str,
    link: Option<String>,
    on_click: impl FnOnce(Option<String>) + Send + 'static,
) -> Result<(), String> {
    let mut n = notify_rust::Notification::new();
    n.appname("München App").summary(summary).body(body);
    #[cfg(all(unix, not(target_os = "macos")))]
    n.action("default", "Öffnen");
    let handle = n.show().map_err(|e| e.to_string())?;
    #[cfg(all(unix, not(target_os = "macos")))]
    std::thread::spawn(move || {
        handle.wait_for_action(|action| {
            if action == "default" {
                on_click(link);
            }
        })
    });
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    let _ = (handle, link, on_click);
    Ok(())
}

/// The loopback redirect (RFC 8252 §7.3), step one: a port on 127.0.0.1
/// taken before the sign-in starts, so its address can be the redirect URI.
pub struct Redirect {
    listener: tokio::net::TcpListener,
    port: u16,
}

impl Redirect {
    pub async fn ready() -> Result<Redirect, String> {
        let listener =
            tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| format!("no loopback port: {e}"))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        Ok(Redirect { listener, port })
    }

    pub fn uri(&self) -> String {
        format!("http://127.0.0.1:{}/callback", self.port)
    }

    /// Step two: a small HTTP server that answers the browser with a page
    /// and hands over the code of the first request to `/callback` that
    /// carries the right `state`. Other requests (a favicon, a stray or
    /// forged callback) get their answer and change nothing.
    pub fn expect(self, state: String) -> Waiting {
        use axum::extract::Query;
        use axum::response::{Html, IntoResponse};
        let (tx, rx) = tokio::sync::oneshot::channel();
        let tx = std::sync::Arc::new(std::sync::Mutex::new(Some(tx)));
        let callback = move |Query(params): Query<HashMap<String, String>>| {
            let (tx, state) = (tx.clone(), state.clone());
            async move {
                let result = code_from_redirect(&params, &state);
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
                // A callback without the right state is not this sign-in's: ignore it.
                if result.as_ref().err().is_none_or(|e| e != "state does not match") {
                    if let Some(tx) = tx.lock().ok().and_then(|mut t| t.take()) {
                        let _ = tx.send(result);
                    }
                }
                let page = format!(
                    "<!doctype html><html lang=\"de\"><meta charset=\"utf-8\"><title>{title}</title><h1>{title}</h1><p>{text}</p></html>"
                );
                ([(axum::http::header::CACHE_CONTROL, "no-store")], Html(page)).into_response()
            }
        };
        let app = axum::Router::new().route("/callback", axum::routing::get(callback));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let listener = self.listener;
        tokio::spawn(async move {
            let shutdown = async move {
                let _ = stopped.await;
            };
            if let Err(e) = axum::serve(listener, app).with_graceful_shutdown(shutdown).await {
                tracing::warn!(error = %e, "sign-in redirect listener");
            }
        });
        Waiting { result: rx, stop: Some(stop) }
    }
}

/// A sign-in waiting for the browser to come back.
pub struct Waiting {
    result: tokio::sync::oneshot::Receiver<Result<String, String>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Waiting {
    /// The code, once the browser brought it (or why not).
    pub async fn code(mut self) -> Result<String, String> {
        (&mut self.result).await.unwrap_or_else(|_| Err("the redirect listener stopped".into()))
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
