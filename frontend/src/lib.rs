//! The app's user interface (Yew, WebAssembly). It talks only to the Tauri
//! shell, through the typed calls in `ipc`; it never sees tokens, files or
//! the network.

pub mod app;
pub mod areas;
pub mod form;
pub mod i18n;
pub mod icon;
pub mod ipc;
pub mod kiosk;
pub mod load;
pub mod location;
pub mod map;
pub mod pages;
pub mod places;
pub mod route;
pub mod timeline;

use wasm_bindgen::prelude::*;

/// Called by `main.js` once the module is loaded.
#[wasm_bindgen]
pub fn run_app() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            timeline::mark("yew starts");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => web_sys::console::error_1(&"#app element missing".into()),
    }
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
