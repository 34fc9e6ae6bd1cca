use yew::prelude::*;

use crate::i18n::{tr, Lang};
use crate::route::Area;

#[derive(Properties, PartialEq)]
pub struct ComingSoonProps {
    pub lang: Lang,
    pub area: Area,
    pub on_back: Callback<()>,
}

/// An area that is not built yet says so plainly, and what it will offer.
#[component]
pub fn ComingSoon(props: &ComingSoonProps) -> Html {
    let lang = props.lang;
    let back = props.on_back.reform(|_| ());
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ props.area.title(lang) }</h1>
            <p class="notice">{ tr(lang,
                "Dieser Bereich ist noch nicht verfügbar. Wir arbeiten daran.",
                "This area is not available yet. We are working on it.") }</p>
            <p>{ props.area.promise(lang) }</p>
            <button type="button" class="secondary" onclick={back}>{ tr(lang, "Zur Startseite", "To the start page") }</button>
        </>
    }
}
