//! The page's start: what it finds when it loads, before any of its own
//! code runs (`page_script`), and its start-up timeline on the process's
//! clock, for the benchmark (`MUC_BENCH_FIRST_PAINT`): which step between
//! launch and the first screen takes the time.

use std::time::{SystemTime, UNIX_EPOCH};

use muc_wire::ipc::{cmd, AppInfo, Command, HotspotSnapshot, TimelineMark};
use serde::Serialize;

/// The window's initialization script, run in the page before its own
/// scripts: the start information (`__MUC_APP_INFO__`), the sites saved on
/// this device (`__MUC_SAVED_HOTSPOTS__`) and the start language's texts
/// (`__MUC_MESSAGES__`), as JSON, which is a JavaScript expression. Opening
/// on the hotspot list it also asks for the sites at once
/// (`__MUC_EARLY_HOTSPOTS__`, see `ask_early`): the shell has asked the
/// portal since before the window existed, so the answer is usually in the
/// page before the frontend's wasm is compiled, and the first frame shows it
/// rather than the saved copy, drawn once instead of twice (BENCHMARKS.md,
/// start-up).
pub fn page_script(
    info: &AppInfo,
    saved: Option<&HotspotSnapshot>,
    catalogue: &impl Serialize,
) -> serde_json::Result<String> {
    let mut script = format!(
        "window.__MUC_APP_INFO__ = {}; window.__MUC_SAVED_HOTSPOTS__ = {}; window.__MUC_MESSAGES__ = {};",
        serde_json::to_string(info)?,
        serde_json::to_string(&saved)?,
        serde_json::to_string(catalogue)?
    );
    if info.start_screen.as_deref() == Some("hotspots") {
        script.push_str(&ask_early("__MUC_EARLY_HOTSPOTS__", cmd::LoadHotspots::NAME)?);
    }
    Ok(script)
}

/// Calls the shell's `command` (one without arguments) as the page loads and
/// keeps the call as `window.<name>`: `{ promise, answer }`, `answer` set
/// once it came (the frontend's `ipc::Early` reads both). A failure is left
/// to whoever awaits the promise; the `catch` only keeps it from being
/// reported as unhandled when nobody does.
fn ask_early(name: &str, command: &str) -> serde_json::Result<String> {
    let command = serde_json::to_string(command)?;
    Ok(format!(
        " window.{name} = (() => {{ const early = {{}}; \
         early.promise = window.__TAURI__.core.invoke({command}).then((answer) => (early.answer = answer)); \
         early.promise.catch(() => {{}}); return early; }})();"
    ))
}

/// The page's marks as milliseconds since the process started, in order of
/// time, as one JSON line: `[["muc_frontend_bg.wasm received", 312.5], …]`.
/// The page stamps its marks with the wall clock (its time origin plus the
/// offset), which is the only clock the two sides share.
pub fn timeline_line(process_start: SystemTime, marks: &[TimelineMark]) -> String {
    let start = process_start.duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0);
    let mut rows: Vec<(&str, f64)> = marks
        .iter()
        .filter(|m| m.at.is_finite())
        .map(|m| (m.name.as_str(), ((m.at - start) * 10.0).round() / 10.0))
        .collect();
    rows.sort_by(|a, b| a.1.total_cmp(&b.1));
    serde_json::to_string(&rows).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn info(start_screen: Option<&str>) -> AppInfo {
        AppInfo {
            version: "1".into(),
            portal_url: "http://127.0.0.1:9".into(),
            start_screen: start_screen.map(Into::into),
            tile_url: None,
            kiosk_idle_secs: None,
            kiosk_problem: None,
            phone: false,
        }
    }

    #[test]
    fn opening_on_the_list_the_page_asks_for_the_sites_as_it_loads() {
        let script = page_script(&info(Some("hotspots")), None, &["texts"]).expect("script");
        assert!(script.starts_with("window.__MUC_APP_INFO__ = {"), "{script}");
        assert!(script.contains("window.__MUC_SAVED_HOTSPOTS__ = null;"), "{script}");
        assert!(script.contains(r#"window.__MUC_MESSAGES__ = ["texts"];"#), "{script}");
        // The command the frontend would call, under the name it reads.
        assert!(
            script.contains(r#"window.__MUC_EARLY_HOTSPOTS__ = "#)
                && script.contains(r#"window.__TAURI__.core.invoke("load_hotspots")"#),
            "{script}"
        );
        assert_eq!(cmd::LoadHotspots::NAME, "load_hotspots");
        // Home and the other start screens ask nothing before the page does.
        for other in [None, Some("finders"), Some("report")] {
            let script = page_script(&info(other), None, &["texts"]).expect("script");
            assert!(!script.contains("invoke"), "{other:?}: {script}");
        }
    }

    #[test]
    fn marks_are_placed_on_the_process_clock_in_order() {
        let start = UNIX_EPOCH + Duration::from_millis(1_700_000_000_000);
        let mark = |name: &str, at: f64| TimelineMark { name: name.into(), at };
        let line = timeline_line(
            start,
            &[
                mark("first render", 1_700_000_000_480.25),
                mark("navigation start", 1_700_000_000_120.0),
                mark("broken", f64::NAN),
            ],
        );
        assert_eq!(line, r#"[["navigation start",120.0],["first render",480.3]]"#);
    }
}
