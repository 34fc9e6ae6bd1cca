//! The page's process can die under the app: WebKitGTK runs each page in a
//! process of its own, which a crash in WebKit or GLib, the out-of-memory
//! killer or a signal can end. WebKit then leaves a blank window, and nobody —
//! least of all a visitor at a Bürger-Lab kiosk — would know to restart the
//! app. The shell notices and loads the page again; what the person kept
//! (drafts, the outbox, favourites) lives in the shell and is all still there.

/// Reloads the window's page whenever its web process ends (Linux; elsewhere
/// the platform's webview recovers on its own or the hook is not offered).
pub fn reload_when_the_page_dies(window: &tauri::WebviewWindow) {
    #[cfg(target_os = "linux")]
    {
        let hooked = window.with_webview(|webview| {
            use webkit2gtk::WebViewExt;
            webview.inner().connect_web_process_terminated(|view, reason| {
                tracing::warn!(?reason, "the page's process ended; loading the page again");
                view.reload();
            });
        });
        if let Err(e) = hooked {
            tracing::warn!(error = %e, "cannot watch the page's process");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
