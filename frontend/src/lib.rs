//! The app's user interface (Yew, WebAssembly). It talks only to the Tauri
//! shell, through the typed calls in `ipc`; it never sees tokens, files or
//! the network.

pub mod app;
pub mod areas;
pub mod form;
#[cfg(not(feature = "areas"))]
pub mod handover;
pub mod i18n;
pub mod icon;
pub mod ipc;
pub mod kiosk;
pub mod load;
#[cfg(feature = "wifi")]
pub mod location;
#[cfg(feature = "wifi")]
pub mod map;
pub mod pages;
#[cfg(feature = "wifi")]
pub mod places;
pub mod route;
pub mod timeline;

use wasm_bindgen::prelude::*;

/// Called by `main.js` once the module is loaded: at start (`open` None),
/// or when the start module hands over to this one on the area `open`
/// (a `route::Screen` code).
#[wasm_bindgen]
pub fn run_app(open: Option<String>) {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            timeline::mark("yew starts");
            let open = open.as_deref().and_then(route::Screen::from_code);
            if open.is_some() {
                app::start_reported_already();
            }
            let _app = yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { open }).render();
            #[cfg(not(feature = "areas"))]
            handover::keep(_app);
        }
        None => web_sys::console::error_1(&"#app element missing".into()),
    }
}

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
