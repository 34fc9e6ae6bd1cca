//! A smaller module's hand-over to the whole frontend (built without the
//! `areas` feature: the start module and the Wi-Fi module).
//!
//! The app opens with the start module (the frame and the home screen, a
//! third of the whole frontend's bytes; WebKit compiles wasm as it first
//! runs, so fewer bytes are a faster start too), or with the Wi-Fi module
//! when it opens on the hotspot list. When the person opens a screen the
//! module does not have, `main.js` loads the whole frontend; this module's
//! app is destroyed (its kiosk guard's timers and listeners with it) and the
//! whole one is drawn in its place, on that screen. What the person chose
//! stays: the language is in the page (`__MUC_MESSAGES__`, see `App`'s
//! language choice), everything else is in the shell.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use yew::AppHandle;

use crate::app::App;
use crate::route::Screen;

#[wasm_bindgen]
extern "C" {
    /// Set by `main.js`: loads the whole frontend and starts it on the
    /// screen named `code`; the promise fails if it could not be loaded.
    #[wasm_bindgen(js_namespace = window, js_name = __mucOpenWhole, catch)]
    fn open_whole_js(code: &str) -> Result<js_sys::Promise, JsValue>;
}

thread_local! {
    static RUNNING: RefCell<Option<AppHandle<App>>> = const { RefCell::new(None) };
}

/// Keeps the running app, to destroy it at the hand-over.
pub fn keep(app: AppHandle<App>) {
    RUNNING.with(|r| *r.borrow_mut() = Some(app));
}

/// Called by `main.js` just before the whole frontend is drawn.
#[wasm_bindgen]
pub fn stop_app() {
    if let Some(app) = RUNNING.with(|r| r.borrow_mut().take()) {
        app.destroy();
    }
}

/// Asks `main.js` for the whole frontend, on `screen`. An error (logged)
/// if it could not be loaded; this module then still runs.
pub async fn open_whole(screen: &Screen) -> Result<(), ()> {
    let Some(code) = screen.code() else { return Err(()) };
    let loaded = match open_whole_js(code) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.map(drop),
        Err(e) => Err(e),
    };
    loaded.map_err(|e| web_sys::console::error_2(&"the whole frontend could not be loaded:".into(), &e))
}
