//! "Meldestelle": where reports go. The city's portal by default; experts and
//! Bürger-Lab helpers can point the app at any GeoReport v2 server by its
//! discovery address (checked by the shell before it is taken).

use muc_wire::ipc::{AppError, EndpointInfo, SetEndpointArgs};
use yew::prelude::*;

use crate::form::bind_text;
use crate::i18n::{self, tr, Lang};
use crate::load::Load;

#[derive(Properties, PartialEq)]
pub struct EndpointProps {
    pub lang: Lang,
    pub endpoint: Load<EndpointInfo>,
    pub busy: bool,
    pub error: Option<AppError>,
    pub on_set: Callback<SetEndpointArgs>,
}

#[component]
pub fn EndpointSettings(props: &EndpointProps) -> Html {
    let lang = props.lang;
    let url = use_state(String::new);
    let key = use_state(String::new);
    let jurisdiction = use_state(String::new);
    let open = use_state(|| false);
    let Load::Ready(info) = &props.endpoint else { return html! {} };
    let submit = {
        let (url, key, jurisdiction, on_set) = (url.clone(), key.clone(), jurisdiction.clone(), props.on_set.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
            on_set.emit(SetEndpointArgs {
                discovery_url: opt(&url),
                api_key: opt(&key),
                jurisdiction_id: opt(&jurisdiction),
            });
        })
    };
    let reset = props.on_set.reform(|_: MouseEvent| SetEndpointArgs::default());
    let target = if info.is_default {
        tr(lang, "die Landeshauptstadt München (Standard)", "the City of Munich (default)").to_string()
    } else {
        info.contact.clone().unwrap_or_else(|| info.url.clone())
    };
    html! {
        <section class="card" aria-labelledby="endpoint-heading" id="endpoint">
            <h2 id="endpoint-heading">{ tr(lang, "Meldestelle", "Where reports go") }</h2>
            <p id="endpoint-current">{ tr(lang, "Meldungen gehen an ", "Reports go to ") }<strong>{ target }</strong>
                <br /><span class="hint">{ &info.url }</span></p>
            if !info.is_default {
                <button type="button" onclick={reset} disabled={props.busy}>{ tr(lang, "Zurück zur Stadt München", "Back to the City of Munich") }</button>{ " " }
            }
            <button type="button" class="secondary" id="endpoint-toggle" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls="endpoint-form" onclick={{ let o = open.clone(); Callback::from(move |_| o.set(!*o)) }}>
                { tr(lang, "Andere Meldestelle wählen (GeoReport v2)", "Choose another reporting server (GeoReport v2)") }
            </button>
            if *open || props.error.is_some() {
                <form id="endpoint-form" onsubmit={submit} novalidate=true>
                    <label for="endpoint-discovery">{ tr(lang, "Discovery-Adresse", "Discovery address") }</label>
                    <p id="endpoint-discovery-hint" class="hint">{ tr(lang,
                        "Die Adresse der discovery.json eines Open311-GeoReport-v2-Servers, z. B. https://beispiel.de/open311/discovery.json. Sie muss mit https:// beginnen.",
                        "The address of an Open311 GeoReport v2 server's discovery.json, e.g. https://example.org/open311/discovery.json. It must start with https://.") }</p>
                    <input id="endpoint-discovery" type="url" inputmode="url" autocomplete="url" value={(*url).clone()}
                        oninput={bind_text(url.clone())} aria-describedby="endpoint-discovery-hint" />
                    <label for="endpoint-key">{ tr(lang, "API-Schlüssel (falls der Server einen verlangt)", "API key (if the server asks for one)") }</label>
                    <input id="endpoint-key" type="text" autocomplete="off" value={(*key).clone()} oninput={bind_text(key.clone())} />
                    <label for="endpoint-jurisdiction">{ tr(lang, "Jurisdiction-ID (freiwillig)", "Jurisdiction ID (optional)") }</label>
                    <input id="endpoint-jurisdiction" type="text" autocomplete="off" value={(*jurisdiction).clone()} oninput={bind_text(jurisdiction.clone())} />
                    if props.busy { <p role="status">{ tr(lang, "Server wird geprüft …", "Checking the server …") }</p> }
                    if let Some(e) = &props.error {
                        <div role="alert" class="field-error" id="endpoint-error">
                            <p>{ i18n::error_text(lang, e) }</p>
                            <p class="hint">{ format!("{}: {}", tr(lang, "Einzelheiten", "Details"), e.detail) }</p>
                        </div>
                    }
                    <div class="actions">
                        <button type="submit" disabled={props.busy}>{ tr(lang, "Prüfen und übernehmen", "Check and use") }</button>
                    </div>
                </form>
            }
        </section>
    }
}
