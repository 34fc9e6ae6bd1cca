//! Where the page's start went, for the benchmark: the browser's own
//! timings (navigation, each file loaded, paints) and the page's marks,
//! stamped with the wall clock so the shell can place them on its clock.
//! Read through `js_sys::Reflect` rather than web-sys's typed timing
//! interfaces: four fields are read, and the typed bindings would add their
//! glue to every download for a benchmark's sake.

use js_sys::{Array, Function, Reflect};
use muc_wire::ipc::TimelineMark;
use wasm_bindgen::{JsCast, JsValue};

fn performance() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"performance".into()).ok().filter(|p| !p.is_undefined())
}

fn call(target: &JsValue, method: &str, args: &Array) -> Option<JsValue> {
    let f: Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
    f.apply(target, args).ok()
}

fn number(target: &JsValue, field: &str) -> Option<f64> {
    Reflect::get(target, &field.into()).ok()?.as_f64()
}

fn text(target: &JsValue, field: &str) -> String {
    Reflect::get(target, &field.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

/// Sets a mark (`performance.mark`) named `name` now.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = call(&p, "mark", &Array::of1(&name.into()));
    }
}

/// The page's timeline so far; empty where the browser keeps none.
pub fn page_timeline() -> Vec<TimelineMark> {
    let Some(p) = performance() else { return Vec::new() };
    let Some(origin) = number(&p, "timeOrigin") else { return Vec::new() };
    let mut out = vec![TimelineMark { name: "navigation start".into(), at: origin }];
    let mut push = |name: String, offset: Option<f64>| {
        if let Some(ms) = offset.filter(|ms| *ms > 0.0) {
            out.push(TimelineMark { name, at: origin + ms });
        }
    };
    let entries = call(&p, "getEntries", &Array::new()).map(|v| Array::from(&v)).unwrap_or_default();
    for e in entries.iter() {
        let name = text(&e, "name");
        // Files by their name only: the scheme and host differ per platform.
        let file = name.rsplit('/').next().unwrap_or_default().to_string();
        match text(&e, "entryType").as_str() {
            "navigation" => {
                push("page received".into(), number(&e, "responseEnd"));
                push("page parsed".into(), number(&e, "domInteractive"));
            }
            "resource" => {
                push(format!("{file} requested"), number(&e, "startTime"));
                push(format!("{file} received"), number(&e, "responseEnd"));
            }
            "mark" | "paint" => push(name, number(&e, "startTime")),
            _ => {}
        }
    }
    push("reported".into(), call(&p, "now", &Array::new()).and_then(|v| v.as_f64()));
    out
}
