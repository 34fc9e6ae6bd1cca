//! The device's position, where the platform has one. Phones answer through
//! the shell (Tauri's geolocation plugin: the platform's location service
//! and its permission prompt); desktops through the webview's own
//! `navigator.geolocation`. Most desktops have no location provider, and
//! people may decline: every caller offers typing a place instead.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// Asks for the position once; `done` gets (lat, lon), or None on failure.
pub fn request(done: Callback<Option<(f64, f64)>>) {
    if !crate::ipc::in_shell() {
        from_the_webview(done);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match crate::ipc::ask::<muc_wire::ipc::cmd::Locate>().await {
            Ok(Some(p)) => done.emit(Some((p.lat, p.lon))),
            // The shell has no position source of its own: the webview's.
            Ok(None) => from_the_webview(done),
            Err(_) => done.emit(None),
        }
    });
}

fn from_the_webview(done: Callback<Option<(f64, f64)>>) {
    let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        done.emit(None);
        return;
    };
    let ok = {
        let done = done.clone();
        Closure::once_into_js(move |pos: web_sys::Position| {
            let c = pos.coords();
            done.emit(Some((c.latitude(), c.longitude())));
        })
    };
    let err = {
        let done = done.clone();
        Closure::once_into_js(move |_e: JsValue| done.emit(None))
    };
    let opts = web_sys::PositionOptions::new();
    opts.set_timeout(10_000);
    opts.set_maximum_age(60_000);
    if geo
        .get_current_position_with_error_callback_and_options(ok.unchecked_ref(), Some(err.unchecked_ref()), &opts)
        .is_err()
    {
        done.emit(None);
    }
}
