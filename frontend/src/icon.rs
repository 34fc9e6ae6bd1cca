//! Icons from the sprite `tools/assets.mjs` puts into index.html (Tabler
//! icons, MIT). Always beside a text that says the same: hidden from screen
//! readers, never the only way to tell what something is.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IconProps {
    /// An id of `tools/assets.mjs`'s `ICONS`: `wifi`, `report`, `finders` …
    pub name: &'static str,
}

#[component]
pub fn Icon(props: &IconProps) -> Html {
    html! {
        <svg class="icon" aria-hidden="true" focusable="false" width="24" height="24">
            <use href={format!("#icon-{}", props.name)} />
        </svg>
    }
}
