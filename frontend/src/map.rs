//! Picking a place on a map, where map tiles can be reached. The map only
//! loads when the person asks for it (tile requests tell the tile server
//! roughly where they look). It works by keyboard and buttons as well as by
//! pointer: the point to report is always the crosshair in the middle.

use muc_wire::geo::{from_world_px, to_world_px, LonLat, TILE_PX};
use yew::prelude::*;

use crate::i18n::{t, Lang};

pub const MIN_ZOOM: u8 = 11;
pub const MAX_ZOOM: u8 = 19;
/// How far one press of an arrow moves the map, in CSS pixels.
const STEP_PX: f64 = 64.0;

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub lang: Lang,
    /// e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`
    pub tile_url: String,
    /// Where to start (the place typed so far, or the city centre).
    pub start: LonLat,
    pub on_pick: Callback<LonLat>,
    pub on_close: Callback<()>,
}

/// The tile address for one tile.
pub fn tile_src(template: &str, z: u8, x: i64, y: i64) -> String {
    template.replace("{z}", &z.to_string()).replace("{x}", &x.to_string()).replace("{y}", &y.to_string())
}

#[component]
pub fn MapPicker(props: &MapProps) -> Html {
    let lang = props.lang;
    let zoom = use_state(|| 16u8);
    // The centre in world pixels at the current zoom.
    let centre = {
        let start = props.start;
        use_state(move || to_world_px(start, 16))
    };
    let failed = use_state(|| false);
    let loaded = use_state(|| 0u32);
    let layer = use_node_ref();

    let pan = {
        let centre = centre.clone();
        move |dx: f64, dy: f64| {
            let (x, y) = *centre;
            centre.set((x + dx, y + dy));
        }
    };
    let set_zoom = {
        let (centre, zoom) = (centre.clone(), zoom.clone());
        move |z: u8| {
            let z = z.clamp(MIN_ZOOM, MAX_ZOOM);
            let here = from_world_px(centre.0, centre.1, *zoom);
            centre.set(to_world_px(here, z));
            zoom.set(z);
        }
    };
    let here = from_world_px(centre.0, centre.1, *zoom);

    let onkeydown = {
        let (pan, set_zoom, zoom) = (pan.clone(), set_zoom.clone(), *zoom);
        Callback::from(move |e: KeyboardEvent| {
            let handled = match e.key().as_str() {
                "ArrowUp" => {
                    pan(0.0, -STEP_PX);
                    true
                }
                "ArrowDown" => {
                    pan(0.0, STEP_PX);
                    true
                }
                "ArrowLeft" => {
                    pan(-STEP_PX, 0.0);
                    true
                }
                "ArrowRight" => {
                    pan(STEP_PX, 0.0);
                    true
                }
                "+" | "=" => {
                    set_zoom(zoom.saturating_add(1));
                    true
                }
                "-" => {
                    set_zoom(zoom.saturating_sub(1));
                    true
                }
                _ => false,
            };
            if handled {
                e.prevent_default();
            }
        })
    };
    // A click or tap moves that point under the crosshair.
    let onclick = {
        let pan = pan.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(el) = e.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            else {
                return;
            };
            let r = el.get_bounding_client_rect();
            pan(
                f64::from(e.client_x()) - r.left() - r.width() / 2.0,
                f64::from(e.client_y()) - r.top() - r.height() / 2.0,
            );
        })
    };

    // A 7 × 5 grid of tiles around the centre fills a window up to 1280 × 768.
    // The grid is moved through the CSSOM: the CSP allows no style attributes.
    let (cx, cy) = *centre;
    let (tx, ty) = ((cx / TILE_PX).floor() as i64, (cy / TILE_PX).floor() as i64);
    {
        let layer = layer.clone();
        let (left, top) = ((tx - 3) as f64 * TILE_PX - cx, (ty - 2) as f64 * TILE_PX - cy);
        use_effect_with((left.round() as i64, top.round() as i64), move |(left, top)| {
            if let Some(el) = layer.cast::<web_sys::HtmlElement>() {
                let _ = el.style().set_property("left", &format!("{left}px"));
                let _ = el.style().set_property("top", &format!("{top}px"));
            }
        });
    }
    let max = 1i64 << *zoom;
    let mut tiles = Vec::new();
    for dy in -2..=2 {
        for dx in -3..=3 {
            let (x, y) = (tx + dx, ty + dy);
            if y < 0 || y >= max {
                tiles.push(html! { <span key={format!("{}/{x}/{y}", *zoom)} class="map-tile"></span> });
                continue;
            }
            let src = tile_src(&props.tile_url, *zoom, x.rem_euclid(max), y);
            let onerror = {
                let failed = failed.clone();
                Callback::from(move |_| failed.set(true))
            };
            let onload = {
                let loaded = loaded.clone();
                Callback::from(move |_| loaded.set(*loaded + 1))
            };
            tiles.push(html! {
                <img key={format!("{}/{x}/{y}", *zoom)} class="map-tile" src={src} alt="" width="256" height="256"
                    draggable="false" {onerror} {onload} />
            });
        }
    }
    let button = |label: &'static str, text: &'static str, f: Callback<MouseEvent>| {
        html! { <button type="button" class="secondary map-button" aria-label={label} onclick={f}>{ text }</button> }
    };
    let step = |dx: f64, dy: f64| {
        let pan = pan.clone();
        Callback::from(move |_| pan(dx, dy))
    };
    let zoom_by = |d: i8| {
        let (set_zoom, z) = (set_zoom.clone(), *zoom);
        Callback::from(move |_| set_zoom(z.saturating_add_signed(d)))
    };
    let pick = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |_| on_pick.emit(here))
    };
    let close = props.on_close.reform(|_| ());
    html! {
        <div class="map-picker" id="map-picker">
            <p id="map-help" class="hint">{ t(lang, "move-the-map-until-the-cross") }</p>
            <div class="map-view" tabindex="0" role="group" aria-roledescription={t(lang, "map")}
                aria-label={t(lang, "map-to-choose-the-place")}
                aria-describedby="map-help map-position" {onkeydown} {onclick}>
                <div class="map-tiles-anchor"><div class="map-tiles" ref={layer}>{ for tiles }</div></div>
                <div class="map-cross" aria-hidden="true"></div>
            </div>
            <p id="map-position" aria-live="polite">{ crate::i18n::t_args(lang, "map-cross-at", &[("position", format!("{:.5}, {:.5}", here.lat, here.lon).into()), ("zoom", (*zoom).into())]) }</p>
            if *failed {
                <p class="status warning" role="status" id="map-unreachable">{ t(lang, "the-map-cannot-be-reached-right") }</p>
            }
            <div class="map-controls">
                { button(t(lang, "move-map-north"), "↑", step(0.0, -STEP_PX)) }
                { button(t(lang, "move-map-west"), "←", step(-STEP_PX, 0.0)) }
                { button(t(lang, "move-map-east"), "→", step(STEP_PX, 0.0)) }
                { button(t(lang, "move-map-south"), "↓", step(0.0, STEP_PX)) }
                { button(t(lang, "zoom-in"), "+", zoom_by(1)) }
                { button(t(lang, "zoom-out"), "−", zoom_by(-1)) }
            </div>
            <p class="attribution">{ t(lang, "map-data-openstreetmap-contributors-odbl") }</p>
            <div class="actions">
                <button type="button" onclick={pick}>{ t(lang, "use-this-point") }</button>
                <button type="button" class="secondary" onclick={close}>{ t(lang, "close-map") }</button>
            </div>
        </div>
    }
}
