//! Reading form controls from their events.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// The chosen value of the `<select>` an event came from. The event may
/// come from one of its `<option>`s (some browsers and assistive tools send
/// it there, and it bubbles): the value is the select's either way, never
/// an empty answer that would undo the choice.
pub fn select_value(e: &Event) -> Option<String> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    let select = target.closest("select").ok()??;
    select.dyn_into::<HtmlSelectElement>().ok().map(|s| s.value())
}

/// The current value of the `<input>`, `<textarea>` or `<select>` an event came from.
pub fn input_value(e: &Event) -> Option<String> {
    let t = e.target()?;
    let t = match t.dyn_into::<HtmlInputElement>() {
        Ok(i) => return Some(i.value()),
        Err(t) => t,
    };
    match t.dyn_into::<HtmlTextAreaElement>() {
        Ok(a) => Some(a.value()),
        Err(t) => t.dyn_into::<HtmlSelectElement>().ok().map(|s| s.value()),
    }
}

/// An `oninput` handler that keeps `state` equal to the input's text.
pub fn bind_text(state: yew::UseStateHandle<String>) -> yew::Callback<web_sys::InputEvent> {
    yew::Callback::from(move |e: web_sys::InputEvent| {
        if let Some(v) = input_value(&e.into()) {
            state.set(v);
        }
    })
}
