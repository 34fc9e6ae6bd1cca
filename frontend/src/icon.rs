//! Icons from the sprite `tools/assets.mjs` puts into index.html (Tabler
//! icons, MIT). Always beside a text that says the same: hidden from screen
//! readers, never the only way to tell what something is.

use yew::prelude::*;

/// The icon `name`, an id of `tools/assets.mjs`'s `ICONS`: `wifi`,
/// `report`, `finders` … A function, not a component: a component type
/// costs its own copy of Yew's lifecycle in the wasm, and an icon has no
/// state to keep.
pub fn icon(name: &'static str) -> Html {
    html! {
        <svg class="icon" aria-hidden="true" focusable="false" width="24" height="24">
            <use href={format!("#icon-{name}")} />
        </svg>
    }
}
