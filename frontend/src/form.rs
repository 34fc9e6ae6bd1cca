//! Reading form controls from their events.

use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, HtmlSelectElement};

/// The chosen value of the `<select>` an event came from.
pub fn select_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).map(|s| s.value())
}

/// The current text of the `<input>` an event came from.
pub fn input_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value())
}

/// An `oninput` handler that keeps `state` equal to the input's text.
pub fn bind_text(state: yew::UseStateHandle<String>) -> yew::Callback<web_sys::InputEvent> {
    yew::Callback::from(move |e: web_sys::InputEvent| {
        if let Some(v) = input_value(&e.into()) {
            state.set(v);
        }
    })
}
