use muc_wire::hotspots::Site;
use muc_wire::ipc::AppError;
use yew::prelude::*;

use crate::i18n::{self, tr, Lang};
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
        format!("{} ({} {})", i18n::distance(lang, p.position.distance_m(&s.position)), tr(lang, "ab", "from"), p.label)
    });
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ &s.name }</h1>
            if props.offline {
                <p class="status warning">{ tr(lang, "Offline: gespeicherte Daten.", "Offline: saved data.") }</p>
            }
            <dl class="facts">
                <dt>{ tr(lang, "Adresse", "Address") }</dt>
                <dd id="site-address">{ format!("{}, {}", s.name, s.city) }</dd>
                <dt>{ tr(lang, "Art des Standorts", "Kind of site") }</dt>
                <dd>{ &s.kind }</dd>
                <dt>{ tr(lang, "WLAN-Zugangspunkte", "Wi-Fi access points") }</dt>
                <dd>{ i18n::access_points(lang, s.access_points) }</dd>
                if let Some(d) = distance {
                    <dt>{ tr(lang, "Entfernung", "Distance") }</dt>
                    <dd>{ d }</dd>
                }
                <dt>{ tr(lang, "Netzwerkname", "Network name") }</dt>
                <dd lang="en">{ "M-WLAN" }</dd>
                <dt>{ tr(lang, "Koordinaten", "Coordinates") }</dt>
                <dd>{ format!("{:.5}, {:.5}", s.position.lat, s.position.lon) }</dd>
            </dl>
            <div class="actions">
                <button type="button" id="site-favourite" class="secondary" aria-pressed={if props.favourite { "true" } else { "false" }}
                    onclick={props.on_favourite.reform({ let on = !props.favourite; move |_| on })}>
                    { if props.favourite { tr(lang, "★ Favorit", "★ Favourite") } else { tr(lang, "☆ Als Favorit merken", "☆ Add to favourites") } }
                </button>
                <button type="button" onclick={open}>
                    { tr(lang, "In Karte öffnen (OpenStreetMap)", "Open in map (OpenStreetMap)") }
                </button>
                <button type="button" class="secondary" onclick={back}>{ tr(lang, "Zurück zur Liste", "Back to the list") }</button>
            </div>
            if let Some(e) = &props.map_error {
                <p class="field-error" role="alert">{ i18n::error_text(lang, e) }</p>
            }
            <p class="hint">{ tr(lang,
                "Die Karte öffnet sich in Ihrem Webbrowser.",
                "The map opens in your web browser.") }</p>
            <p class="attribution">{ &props.attribution }</p>
        </>
    }
}
