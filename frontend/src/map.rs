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

#[derive(Properties, PartialEq)]
pub struct TilesProps {
    pub tile_url: String,
    pub zoom: u8,
    /// The map's centre in world pixels at `zoom`.
    pub centre: (f64, f64),
    /// A tile could not be loaded (the tile server is away).
    pub on_failed: Callback<()>,
    /// Drawn over the tiles, placed relative to the centre (markers).
    #[prop_or_default]
    pub children: Html,
}

/// The map's tiles around a centre: a 7 × 5 grid fills a window up to
/// 1280 × 768. The grid is moved through the CSSOM: the CSP allows no style
/// attributes. What is drawn over the map goes into the same anchor, whose
/// origin is the centre.
#[component]
pub fn Tiles(props: &TilesProps) -> Html {
    let layer = use_node_ref();
    let (cx, cy) = props.centre;
    let zoom = props.zoom;
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
    let max = 1i64 << zoom;
    let mut tiles = Vec::new();
    for dy in -2..=2 {
        for dx in -3..=3 {
            let (x, y) = (tx + dx, ty + dy);
            if y < 0 || y >= max {
                tiles.push(html! { <span key={format!("{zoom}/{x}/{y}")} class="map-tile"></span> });
                continue;
            }
            let src = tile_src(&props.tile_url, zoom, x.rem_euclid(max), y);
            let onerror = props.on_failed.reform(|_| ());
            tiles.push(html! {
                <img key={format!("{zoom}/{x}/{y}")} class="map-tile" src={src} alt="" width="256" height="256"
                    draggable="false" {onerror} />
            });
        }
    }
    html! {
        <div class="map-tiles-anchor">
            <div class="map-tiles" ref={layer}>{ for tiles }</div>
            { props.children.clone() }
        </div>
    }
}

/// A map's view: zoom and centre, moved by keys, buttons, a click or tap.
#[derive(Clone)]
pub struct View {
    pub zoom: u8,
    /// The centre in world pixels at `zoom`.
    pub centre: (f64, f64),
    pub pan: Callback<(f64, f64)>,
    pub set_zoom: Callback<u8>,
    /// To this place, at this zoom.
    pub go: Callback<(LonLat, u8)>,
    /// Arrows move, + and − zoom.
    pub onkeydown: Callback<KeyboardEvent>,
    /// A click or tap moves that point to the centre (not the click that
    /// ends a drag).
    pub onclick: Callback<MouseEvent>,
    /// A finger or the mouse drags the map.
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
}

/// A drag under way: where the pointer went down, the centre then, and
/// whether it has moved far enough to be a drag rather than a tap.
#[derive(Default)]
struct Drag {
    from: Option<((f64, f64), (f64, f64))>,
    moved: bool,
}

/// Below this many CSS pixels a pointer's way is a tap, not a drag.
const DRAG_SLOP_PX: f64 = 6.0;

impl View {
    pub fn here(&self) -> LonLat {
        from_world_px(self.centre.0, self.centre.1, self.zoom)
    }
}

#[hook]
pub fn use_view(start: LonLat, start_zoom: u8) -> View {
    let zoom = use_state(|| start_zoom);
    let centre = use_state(move || to_world_px(start, start_zoom));
    let pan = {
        let centre = centre.clone();
        Callback::from(move |(dx, dy): (f64, f64)| {
            let (x, y) = *centre;
            centre.set((x + dx, y + dy));
        })
    };
    let set_zoom = {
        let (centre, zoom) = (centre.clone(), zoom.clone());
        Callback::from(move |z: u8| {
            let z = z.clamp(MIN_ZOOM, MAX_ZOOM);
            let here = from_world_px(centre.0, centre.1, *zoom);
            centre.set(to_world_px(here, z));
            zoom.set(z);
        })
    };
    let go = {
        let (centre, zoom) = (centre.clone(), zoom.clone());
        Callback::from(move |(to, z): (LonLat, u8)| {
            let z = z.clamp(MIN_ZOOM, MAX_ZOOM);
            centre.set(to_world_px(to, z));
            zoom.set(z);
        })
    };
    let onkeydown = {
        let (pan, set_zoom, zoom) = (pan.clone(), set_zoom.clone(), *zoom);
        Callback::from(move |e: KeyboardEvent| {
            let z = zoom;
            let (d, z) = match e.key().as_str() {
                "ArrowUp" => ((0.0, -STEP_PX), z),
                "ArrowDown" => ((0.0, STEP_PX), z),
                "ArrowLeft" => ((-STEP_PX, 0.0), z),
                "ArrowRight" => ((STEP_PX, 0.0), z),
                "+" | "=" => ((0.0, 0.0), z.saturating_add(1)),
                "-" => ((0.0, 0.0), z.saturating_sub(1)),
                _ => return,
            };
            e.prevent_default();
            if z == zoom {
                pan.emit(d);
            } else {
                set_zoom.emit(z);
            }
        })
    };
    let drag = use_mut_ref(Drag::default);
    let onpointerdown = {
        let (drag, centre) = (drag.clone(), centre.clone());
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            *drag.borrow_mut() =
                Drag { from: Some(((f64::from(e.client_x()), f64::from(e.client_y())), *centre)), moved: false };
            // The moves keep coming here when the finger leaves the map.
            if let Some(el) =
                e.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let onpointermove = {
        let (drag, centre) = (drag.clone(), centre.clone());
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            let Some(((x0, y0), (cx, cy))) = d.from else { return };
            let (dx, dy) = (f64::from(e.client_x()) - x0, f64::from(e.client_y()) - y0);
            if !d.moved && dx.abs() + dy.abs() < DRAG_SLOP_PX {
                return;
            }
            d.moved = true;
            // Measured from where the drag began, so moves that come
            // faster than the page redraws are not lost.
            centre.set((cx - dx, cy - dy));
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.borrow_mut().from = None)
    };
    let onclick = {
        let pan = pan.clone();
        let drag = drag.clone();
        Callback::from(move |e: MouseEvent| {
            // The click that ends a drag is not a tap.
            if std::mem::take(&mut drag.borrow_mut().moved) {
                return;
            }
            let Some(el) = e.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            else {
                return;
            };
            let r = el.get_bounding_client_rect();
            pan.emit((
                f64::from(e.client_x()) - r.left() - r.width() / 2.0,
                f64::from(e.client_y()) - r.top() - r.height() / 2.0,
            ));
        })
    };
    View {
        zoom: *zoom,
        centre: *centre,
        pan,
        set_zoom,
        go,
        onkeydown,
        onclick,
        onpointerdown,
        onpointermove,
        onpointerup,
    }
}

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub lang: Lang,
    pub zoom: u8,
    pub pan: Callback<(f64, f64)>,
    pub set_zoom: Callback<u8>,
}

/// Buttons that do what the keys do, for touch and for people who do not
/// use arrows on a focused map.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let button = |label: &'static str, text: &'static str, f: Callback<MouseEvent>| {
        html! { <button type="button" class="secondary map-button" aria-label={label} onclick={f}>{ text }</button> }
    };
    let step = |dx: f64, dy: f64| props.pan.reform(move |_| (dx, dy));
    let zoom_by = |d: i8| {
        let z = props.zoom;
        props.set_zoom.reform(move |_| z.saturating_add_signed(d))
    };
    html! {
        <div class="map-controls">
            { button(t(lang, "move-map-north"), "↑", step(0.0, -STEP_PX)) }
            { button(t(lang, "move-map-west"), "←", step(-STEP_PX, 0.0)) }
            { button(t(lang, "move-map-east"), "→", step(STEP_PX, 0.0)) }
            { button(t(lang, "move-map-south"), "↓", step(0.0, STEP_PX)) }
            { button(t(lang, "zoom-in"), "+", zoom_by(1)) }
            { button(t(lang, "zoom-out"), "−", zoom_by(-1)) }
        </div>
    }
}

#[component]
pub fn MapPicker(props: &MapProps) -> Html {
    let lang = props.lang;
    let view = use_view(props.start, 16);
    let failed = use_state(|| false);
    let here = view.here();
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
                aria-describedby="map-help map-position" onkeydown={view.onkeydown.clone()} onclick={view.onclick.clone()}
                onpointerdown={view.onpointerdown.clone()} onpointermove={view.onpointermove.clone()}
                onpointerup={view.onpointerup.clone()} onpointercancel={view.onpointerup.clone()}>
                <Tiles tile_url={props.tile_url.clone()} zoom={view.zoom} centre={view.centre}
                    on_failed={{ let failed = failed.clone(); Callback::from(move |()| failed.set(true)) }} />
                <div class="map-cross" aria-hidden="true"></div>
            </div>
            <p id="map-position" aria-live="polite">{ crate::i18n::t_args(lang, "map-cross-at", &[("position", format!("{:.5}, {:.5}", here.lat, here.lon).into()), ("zoom", view.zoom.into())]) }</p>
            if *failed {
                <p class="status warning" role="status" id="map-unreachable">{ t(lang, "the-map-cannot-be-reached-right") }</p>
            }
            <Controls {lang} zoom={view.zoom} pan={view.pan.clone()} set_zoom={view.set_zoom.clone()} />
            <p class="attribution">{ t(lang, "map-data-openstreetmap-contributors-odbl") }</p>
            <div class="actions">
                <button type="button" onclick={pick}>{ t(lang, "use-this-point") }</button>
                <button type="button" class="secondary" onclick={close}>{ t(lang, "close-map") }</button>
            </div>
        </div>
    }
}
