//! The Wi-Fi sites on a map, beside the list (which stays the accessible
//! equivalent: everything the map shows, the list says). Markers are
//! buttons; nearby sites join into one group marker that zooms in. The map
//! loads only when the person opens it (tile requests tell the tile server
//! roughly where one looks).

use std::collections::BTreeMap;
use std::rc::Rc;

use muc_wire::geo::{from_world_px, to_world_px, LonLat};
use muc_wire::hotspots::Site;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{self, t, Lang};
use crate::map::{use_view, Controls, Tiles, MAX_ZOOM};

#[derive(Properties, PartialEq)]
pub struct SiteMapProps {
    pub lang: Lang,
    pub tile_url: String,
    /// The sites the list shows (the same filter).
    pub sites: Rc<Vec<Site>>,
    /// Where the map opens: the chosen place, else the city centre.
    pub start: LonLat,
    pub selected: Option<String>,
    /// A site's marker was pressed.
    pub on_select: Callback<String>,
}

/// Sites closer than this on screen share a marker.
const CELL_PX: f64 = 48.0;
/// Markers outside the map's window (at most 736 × 320 CSS pixels, see
/// style.css) are left out: they could be neither seen nor pressed.
const REACH: (f64, f64) = (360.0, 150.0);

/// One marker: a site, or a group of sites, at its place relative to the
/// map's centre (CSS pixels).
#[derive(Debug, PartialEq)]
pub enum Marker<'a> {
    Site(&'a Site, (f64, f64)),
    Group(Vec<&'a Site>, (f64, f64)),
}

/// Groups the sites by cells of the screen at this zoom: one site alone is
/// its own marker, several share one at their middle. Written here rather
/// than taken from a clustering crate: grouping some hundred points on a
/// grid is these few lines, and a crate would weigh more in the download
/// than the whole map.
pub fn markers(sites: &[Site], zoom: u8, centre: (f64, f64)) -> Vec<Marker<'_>> {
    // Grid cell → the sites in it, each with its offset from the centre.
    type Cells<'a> = BTreeMap<(i64, i64), Vec<(&'a Site, (f64, f64))>>;
    let mut cells: Cells = BTreeMap::new();
    for s in sites {
        let (x, y) = to_world_px(s.position, zoom);
        let (dx, dy) = (x - centre.0, y - centre.1);
        if dx.abs() > REACH.0 || dy.abs() > REACH.1 {
            continue;
        }
        cells.entry(((x / CELL_PX).floor() as i64, (y / CELL_PX).floor() as i64)).or_default().push((s, (dx, dy)));
    }
    cells
        .into_values()
        .map(|mut v| {
            if v.len() == 1 {
                let (s, at) = v.remove(0);
                Marker::Site(s, at)
            } else {
                let n = v.len() as f64;
                let at = (v.iter().map(|(_, p)| p.0).sum::<f64>() / n, v.iter().map(|(_, p)| p.1).sum::<f64>() / n);
                Marker::Group(v.into_iter().map(|(s, _)| s).collect(), at)
            }
        })
        .collect()
}

/// The first zoom at which these sites have a marker each (at most the
/// map's closest).
fn zoom_apart(sites: &[&Site], from: u8) -> u8 {
    (from + 1..=MAX_ZOOM)
        .find(|&z| {
            let cells: std::collections::BTreeSet<(i64, i64)> = sites
                .iter()
                .map(|s| {
                    let (x, y) = to_world_px(s.position, z);
                    ((x / CELL_PX).floor() as i64, (y / CELL_PX).floor() as i64)
                })
                .collect();
            cells.len() == sites.len()
        })
        .unwrap_or(MAX_ZOOM)
}

#[component]
pub fn SiteMap(props: &SiteMapProps) -> Html {
    let lang = props.lang;
    let view = use_view(props.start, 13);
    let failed = use_state(|| false);
    let layer = use_node_ref();
    let list = markers(&props.sites, view.zoom, view.centre);
    // Markers are placed through the CSSOM (the CSP allows no style
    // attributes), from the offsets they carry.
    {
        let layer = layer.clone();
        let key: Vec<(i64, i64)> = list
            .iter()
            .map(|m| match m {
                Marker::Site(_, p) | Marker::Group(_, p) => (p.0.round() as i64, p.1.round() as i64),
            })
            .collect();
        use_effect_with(key, move |_| {
            let Some(root) = layer.cast::<web_sys::Element>() else { return };
            let Ok(nodes) = root.query_selector_all(".map-marker") else { return };
            for i in 0..nodes.length() {
                let Some(el) = nodes.get(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
                let (Some(x), Some(y)) = (el.get_attribute("data-x"), el.get_attribute("data-y")) else { continue };
                let _ = el.style().set_property("left", &format!("{x}px"));
                let _ = el.style().set_property("top", &format!("{y}px"));
            }
        });
    }
    let drawn = list.iter().map(|m| match m {
        Marker::Site(s, (x, y)) => {
            let selected = props.selected.as_deref() == Some(s.id.as_str());
            let (cb, id) = (props.on_select.clone(), s.id.clone());
            html! {
                <button type="button" key={s.id.clone()} class={classes!("map-marker", selected.then_some("selected"))}
                    data-x={x.round().to_string()} data-y={y.round().to_string()}
                    aria-pressed={if selected { "true" } else { "false" }} aria-label={s.name.clone()}
                    onclick={Callback::from(move |e: MouseEvent| {
                        e.stop_propagation();
                        // Shown in the list too (only when picked here: a row
                        // focused by a click must not move under the pointer).
                        let row = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id(&format!("site-row-{id}")));
                        if let Some(row) = row {
                            row.scroll_into_view_with_bool(false);
                        }
                        cb.emit(id.clone());
                    })}>
                    { crate::icon::icon("wifi") }
                </button>
            }
        }
        Marker::Group(sites, (x, y)) => {
            // Pressed: to the group's middle, as close as it takes to tell its sites apart.
            let to = from_world_px(view.centre.0 + x, view.centre.1 + y, view.zoom);
            let apart = zoom_apart(sites, view.zoom);
            let go = view.go.clone();
            let onclick = Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                go.emit((to, apart));
            });
            html! {
                <button type="button" key={format!("group-{}", sites[0].id)} class="map-marker map-group"
                    data-x={x.round().to_string()} data-y={y.round().to_string()}
                    aria-label={i18n::t_args(lang, "sites-here-zoom-in", &[("n", sites.len().into())])} {onclick}>
                    { sites.len() }
                </button>
            }
        }
    });
    html! {
        <div class="site-map" id="site-map">
            <p id="site-map-help" class="hint">{ t(lang, "site-map-help") }</p>
            <div class="map-view" tabindex="0" role="group" aria-roledescription={t(lang, "map")}
                aria-label={t(lang, "map-of-the-wi-fi-sites")} aria-describedby="site-map-help"
                onkeydown={view.onkeydown.clone()} onclick={view.onclick.clone()}
                onpointerdown={view.onpointerdown.clone()} onpointermove={view.onpointermove.clone()}
                onpointerup={view.onpointerup.clone()} onpointercancel={view.onpointerup.clone()}>
                <Tiles tile_url={props.tile_url.clone()} zoom={view.zoom} centre={view.centre}
                    on_failed={{ let failed = failed.clone(); Callback::from(move |()| failed.set(true)) }}>
                    <div class="map-markers" ref={layer}>{ for drawn }</div>
                </Tiles>
            </div>
            if *failed {
                <p class="status warning" role="status">{ t(lang, "the-map-cannot-be-reached-the-list") }</p>
            }
            <Controls {lang} zoom={view.zoom} pan={view.pan.clone()} set_zoom={view.set_zoom.clone()} />
            <p class="attribution">{ t(lang, "map-data-openstreetmap-contributors-odbl") }</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(id: &str, lon: f64, lat: f64) -> Site {
        Site {
            id: id.into(),
            name: id.into(),
            kind: "Öffentlicher Platz".into(),
            city: "München".into(),
            access_points: 1,
            position: LonLat::new(lon, lat),
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn near_sites_share_a_marker_until_zoomed_in() {
        let sites = [
            site("marienplatz", 11.5755, 48.1374),
            site("rathaus", 11.5760, 48.1376),
            site("stachus", 11.5655, 48.1390),
        ];
        let centre = to_world_px(LonLat::new(11.5755, 48.1374), 13);
        let at13 = markers(&sites, 13, centre);
        assert_eq!(at13.len(), 2, "{at13:?}");
        assert!(at13.iter().any(|m| matches!(m, Marker::Group(g, _) if g.len() == 2)));
        let centre = to_world_px(LonLat::new(11.5755, 48.1374), 18);
        let at18 = markers(&sites, 18, centre);
        assert!(at18.iter().all(|m| matches!(m, Marker::Site(..))), "{at18:?}");
        // Far away: not drawn.
        assert!(markers(&[site("far", 12.5, 48.1)], 18, centre).is_empty());
    }
}
