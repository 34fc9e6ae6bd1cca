//! "Meldestelle": where reports go. The city's portal by default; experts and
//! Bürger-Lab helpers can point the app at any GeoReport v2 server by its
//! discovery address (checked by the shell before it is taken).

use muc_wire::ipc::{AppError, EndpointInfo, SetEndpointArgs};
use yew::prelude::*;

use crate::form::bind_text;
use crate::i18n::{self, t, Lang};
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
        t(lang, "the-city-of-munich-default").to_string()
    } else {
        info.contact.clone().unwrap_or_else(|| info.url.clone())
    };
    html! {
        <section class="card" aria-labelledby="endpoint-heading" id="endpoint">
            <h2 id="endpoint-heading">{ t(lang, "where-reports-go") }</h2>
            <p id="endpoint-current">{ t(lang, "reports-go-to") }{ " " }<strong>{ target }</strong>
                <br /><span class="hint">{ &info.url }</span></p>
            if !info.is_default {
                <button type="button" onclick={reset} disabled={props.busy}>{ t(lang, "back-to-the-city-of-munich") }</button>{ " " }
            }
            <button type="button" class="secondary" id="endpoint-toggle" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls="endpoint-form" onclick={{ let o = open.clone(); Callback::from(move |_| o.set(!*o)) }}>
                { t(lang, "choose-another-reporting-server-georeport-v2") }
            </button>
            if *open || props.error.is_some() {
                <form id="endpoint-form" onsubmit={submit} novalidate=true>
                    <label for="endpoint-discovery">{ t(lang, "discovery-address") }</label>
                    <p id="endpoint-discovery-hint" class="hint">{ t(lang, "the-address-of-an-open311-georeport") }</p>
                    <input id="endpoint-discovery" type="url" inputmode="url" autocomplete="url" value={(*url).clone()}
                        oninput={bind_text(url.clone())} aria-describedby="endpoint-discovery-hint" />
                    <label for="endpoint-key">{ t(lang, "api-key-if-the-server-asks") }</label>
                    <input id="endpoint-key" type="text" autocomplete="off" value={(*key).clone()} oninput={bind_text(key.clone())} />
                    <label for="endpoint-jurisdiction">{ t(lang, "jurisdiction-id-optional") }</label>
                    <input id="endpoint-jurisdiction" type="text" autocomplete="off" value={(*jurisdiction).clone()} oninput={bind_text(jurisdiction.clone())} />
                    if props.busy { <p role="status">{ t(lang, "checking-the-server") }</p> }
                    if let Some(e) = &props.error {
                        <div role="alert" class="field-error" id="endpoint-error">
                            <p>{ i18n::error_text(lang, e) }</p>
                            <p class="hint">{ crate::i18n::t_args(lang, "details-are", &[("detail", (&e.detail).into())]) }</p>
                        </div>
                    }
                    <div class="actions">
                        <button type="submit" disabled={props.busy}>{ t(lang, "check-and-use") }</button>
                    </div>
                </form>
            }
        </section>
    }
}
