//! Typed calls to the Tauri shell. Every call returns `Result<T, AppError>`;
//! nothing here unwraps what crosses the boundary.

use muc_wire::ipc::{cmd, AppError, AppInfo, Command, ErrorKind, NoArgs};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    // `catch`: with no Tauri around (a plain browser) the call fails with an
    // error instead of throwing through the app.
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch, js_name = invoke)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;
}

/// Whether the page runs inside the Tauri shell (not in a plain browser).
pub fn in_shell() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"__TAURI__".into()).is_ok_and(|v| v.is_object())
}

/// The start information the shell put into the page when it made the window
/// (`window.__MUC_APP_INFO__`), so the first screen needs no round trip.
/// None outside the shell or in an older shell.
pub fn start_info() -> Option<AppInfo> {
    injected("__MUC_APP_INFO__")
}

/// The sites saved on this device, put into the page by the shell when the
/// app opens on the hotspot list: drawn with the first frame, marked as being
/// refreshed, until the portal answers.
pub fn saved_hotspots() -> Option<muc_wire::ipc::HotspotSnapshot> {
    injected("__MUC_SAVED_HOTSPOTS__")
}

/// The texts of the language to start in, put into the page by the shell
/// (the person's choice, else the system's language, else German), or of
/// the language chosen since (App puts them there): a serialised
/// `muc_messages::Catalogue`, left in JavaScript for
/// `i18n::install_from_page` to read message by message.
pub fn start_messages() -> Option<JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &"__MUC_MESSAGES__".into()).ok().filter(|v| v.is_object())
}

/// The shell's answer to the sites, asked for by the page as it loaded
/// (`window.__MUC_EARLY_HOTSPOTS__`, set by the shell's initialization
/// script when the app opens on the hotspot list), so the answer can be
/// there by the time the frontend runs: see `Early`.
pub fn early_hotspots() -> Option<Early<cmd::LoadHotspots>> {
    let v = js_sys::Reflect::get(&js_sys::global(), &"__MUC_EARLY_HOTSPOTS__".into()).ok()?;
    v.is_object().then(|| Early { early: v, command: std::marker::PhantomData })
}

/// A call to the shell's command `C` the page made before the frontend ran:
/// `{ promise, answer }`, where `answer` is set once the promise fulfils.
pub struct Early<C> {
    early: JsValue,
    command: std::marker::PhantomData<C>,
}

impl<C: Command> Early<C> {
    /// The answer, if it has come already (a failure is only in `wait`).
    pub fn answer(&self) -> Option<C::Output> {
        let v = js_sys::Reflect::get(&self.early, &"answer".into()).ok().filter(|v| !v.is_undefined())?;
        serde_wasm_bindgen::from_value(v).ok()
    }

    /// Waits for the answer, as `call` would.
    pub async fn wait(self) -> Result<C::Output, AppError> {
        let promise = js_sys::Reflect::get(&self.early, &"promise".into())
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
            .ok_or_else(|| AppError::new(ErrorKind::Ipc, format!("{}: no early call in the page", C::NAME)))?;
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(v) => decode::<C>(v),
            Err(e) => Err(failure(C::NAME, e)),
        }
    }
}

fn decode<C: Command>(v: JsValue) -> Result<C::Output, AppError> {
    serde_wasm_bindgen::from_value(v).map_err(|e| AppError::new(ErrorKind::Ipc, format!("answer of {}: {e}", C::NAME)))
}

/// What a rejected call says: the shell's `AppError`, or what failed on the way.
fn failure(command: &str, e: JsValue) -> AppError {
    serde_wasm_bindgen::from_value::<AppError>(e.clone()).unwrap_or_else(|_| {
        AppError::new(ErrorKind::Ipc, format!("{command}: {}", e.as_string().unwrap_or_else(|| format!("{e:?}"))))
    })
}

fn injected<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    let v = js_sys::Reflect::get(&js_sys::global(), &name.into()).ok()?;
    if !v.is_object() {
        return None;
    }
    serde_wasm_bindgen::from_value(v).ok()
}

/// Calls the shell's command `C` (a type of `muc_wire::ipc::cmd`) with its
/// arguments; the answer has the type the command declares.
pub async fn call<C: Command>(args: C::Args) -> Result<C::Output, AppError> {
    decode::<C>(call_raw::<C>(args).await?)
}

/// Calls the shell's command `C` and leaves its answer in JavaScript (for
/// a language's texts, which are read message by message: see `i18n`).
pub async fn call_raw<C: Command>(args: C::Args) -> Result<JsValue, AppError> {
    let command = C::NAME;
    if !in_shell() {
        return Err(AppError::new(ErrorKind::Ipc, "not running inside the app shell"));
    }
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    // Tauri hands each handler parameter its key; handlers without `args`
    // ignore it.
    let js_args = Wrapped { args }
        .serialize(&ser)
        .map_err(|e| AppError::new(ErrorKind::Ipc, format!("arguments of {command}: {e}")))?;
    match tauri_invoke(command, js_args).await {
        Ok(v) => Ok(v),
        Err(e) => Err(failure(command, e)),
    }
}

/// Calls the shell's command `C`, which takes no arguments.
pub async fn ask<C: Command<Args = NoArgs>>() -> Result<C::Output, AppError> {
    call::<C>(NoArgs {}).await
}

#[derive(Serialize)]
struct Wrapped<T> {
    args: T,
}
