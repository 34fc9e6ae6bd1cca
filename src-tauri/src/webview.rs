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

/// Painting without a GPU. WebKitGTK paints pages with Skia on the GPU; on a
/// machine without one (no DRM render node: a virtual machine, a thin client
/// in a Bürger-Lab, Xvfb) Mesa emulates the GPU in software, and every new
/// kind of drawing on a page (rounded corners, borders, shadows) first
/// compiles a shader on the CPU: measured here, about 100 ms each on the first
/// frame, 330 ms until the home screen's second frame against 165 ms with
/// Skia's own CPU painting (BENCHMARKS.md). So without a render node the app
/// asks WebKit for CPU painting, unless the person or the packager set
/// WebKit's variable themselves. Called first thing in `run`, before any
/// thread exists (setting the environment is only sound then).
/// Returns whether it did (for the log, which starts after this).
pub fn paint_on_the_cpu_without_a_gpu() -> bool {
    #[cfg(target_os = "linux")]
    {
        const VAR: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
        let render_node = std::fs::read_dir("/dev/dri")
            .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
            .unwrap_or(false);
        if cpu_painting(render_node, std::env::var_os(VAR).is_some()) {
            std::env::set_var(VAR, "1");
            return true;
        }
    }
    false
}

/// Whether to ask for CPU painting: only without a render node, and never
/// against a choice already made.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn cpu_painting(render_node: bool, already_chosen: bool) -> bool {
    !render_node && !already_chosen
}

#[cfg(test)]
mod tests {
    use super::cpu_painting;

    #[test]
    fn cpu_painting_only_without_a_gpu_and_never_against_a_choice() {
        assert!(cpu_painting(false, false));
        assert!(!cpu_painting(true, false), "a GPU paints");
        assert!(!cpu_painting(false, true), "the person's or packager's setting wins");
        assert!(!cpu_painting(true, true));
    }
}
