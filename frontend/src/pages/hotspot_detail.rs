use muc_wire::hotspots::Site;
use muc_wire::ipc::AppError;
use yew::prelude::*;

use crate::i18n::{self, t, Lang};
use crate::places::Place;

#[derive(Properties, PartialEq)]
pub struct HotspotDetailProps {
    pub lang: Lang,
    pub site: Site,
    pub place: Option<Place>,
    pub attribution: String,
    /// Shown when the data came from the offline copy.
    pub offline: bool,
    pub map_error: Option<AppError>,
    pub on_back: Callback<()>,
    pub on_open_map: Callback<String>,
    /// Marked as a favourite.
    #[prop_or_default]
    pub favourite: bool,
    /// Mark (true) or unmark.
    #[prop_or_default]
    pub on_favourite: Callback<bool>,
}

#[component]
pub fn HotspotDetail(props: &HotspotDetailProps) -> Html {
    let lang = props.lang;
    let s = &props.site;
    let back = props.on_back.reform(|_| ());
    let open = {
        let (cb, id) = (props.on_open_map.clone(), s.id.clone());
        Callback::from(move |_| cb.emit(id.clone()))
    };
    let distance = props.place.as_ref().map(|p| {
        i18n::t_args(
            lang,
            "distance-from",
            &[
                ("distance", i18n::distance(lang, p.position.distance_m(&s.position)).into()),
                ("place", (&p.label).into()),
            ],
        )
    });
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ &s.name }</h1>
            if props.offline {
                <p class="status warning">{ t(lang, "offline-saved-data") }</p>
            }
            <dl class="facts">
                <dt>{ t(lang, "address") }</dt>
                <dd id="site-address">{ format!("{}, {}", s.name, s.city) }</dd>
                <dt>{ t(lang, "kind-of-site") }</dt>
                <dd>{ i18n::words::site_kind(lang, &s.kind).0 }
                    if let Some(why) = i18n::words::site_kind(lang, &s.kind).1 { <span class="hint site-kind-why">{ " – " }{ why }</span> }
                </dd>
                <dt>{ t(lang, "wi-fi-access-points") }</dt>
                <dd>{ i18n::access_points(lang, s.access_points) }</dd>
                if let Some(d) = distance {
                    <dt>{ t(lang, "distance") }</dt>
                    <dd>{ d }</dd>
                }
                <dt>{ t(lang, "network-name") }</dt>
                <dd lang="en">{ "M-WLAN" }</dd>
                <dt>{ t(lang, "coordinates") }</dt>
                <dd>{ format!("{:.5}, {:.5}", s.position.lat, s.position.lon) }</dd>
            </dl>
            <div class="actions">
                <button type="button" id="site-favourite" class="secondary" aria-pressed={if props.favourite { "true" } else { "false" }}
                    onclick={props.on_favourite.reform({ let on = !props.favourite; move |_| on })}>
                    { if props.favourite { t(lang, "favourite") } else { t(lang, "add-to-favourites") } }
                </button>
                <button type="button" onclick={open}>
                    { t(lang, "open-in-map-openstreetmap") }
                </button>
                <button type="button" class="secondary" onclick={back}>{ t(lang, "back-to-the-list") }</button>
            </div>
            if let Some(e) = &props.map_error {
                <p class="field-error" role="alert">{ i18n::error_text(lang, e) }</p>
            }
            <p class="hint">{ t(lang, "the-map-opens-in-your-web") }</p>
            <p class="attribution">{ &props.attribution }</p>
        </>
    }
}
