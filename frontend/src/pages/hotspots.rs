use std::rc::Rc;

use crate::form::{bind_text, select_value};
use muc_wire::hotspots::{kinds, sort_by_distance, Site};
use muc_wire::ipc::{DataSource, HotspotSnapshot};
use yew::prelude::*;

use crate::i18n::{self, t, Lang};
use crate::places::{self, Place};

pub use crate::load::Load;

/// Where the device-location request is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locate {
    Idle,
    Busy,
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct HotspotsProps {
    pub lang: Lang,
    pub load: Load<HotspotSnapshot>,
    pub place: Option<Place>,
    pub kind: Option<String>,
    /// Unix seconds, for "data from 5 minutes ago".
    pub now: i64,
    pub locate: Locate,
    pub on_place: Callback<Place>,
    pub on_kind: Callback<Option<String>>,
    pub on_select: Callback<String>,
    pub on_refresh: Callback<()>,
    pub on_locate: Callback<()>,
    /// Map tiles; None: no map offered.
    #[prop_or_default]
    pub tile_url: Option<String>,
    /// The map is open (the person asked for it).
    #[prop_or_default]
    pub map_open: bool,
    #[prop_or_default]
    pub on_map: Callback<bool>,
    /// The site picked on the map or in the list (both show it).
    #[prop_or_default]
    pub picked: Option<String>,
    #[prop_or_default]
    pub on_pick: Callback<String>,
}

/// The hotspot finder: where am I, what kind of site, the list by distance.
#[component]
pub fn Hotspots(props: &HotspotsProps) -> Html {
    let lang = props.lang;
    let snapshot = match &props.load {
        Load::Ready(s) => Some(s.clone()),
        _ => None,
    };
    html! {
        <>
            <h1 tabindex="-1" class="page-title">{ t(lang, "find-free-wi-fi") }</h1>
            <p class="lead">{ t(lang, "m-wlan-is-the-city-of") }</p>
            <DataStatus lang={lang} load={props.load.clone()} now={props.now} on_refresh={props.on_refresh.clone()} />
            <PlacePicker lang={lang} {snapshot} place={props.place.clone()}
                locate={props.locate} on_place={props.on_place.clone()} on_locate={props.on_locate.clone()} />
            if let (Load::Ready(snap), Some(tiles)) = (&props.load, &props.tile_url) {
                <div class="actions">
                    <button type="button" class="secondary" id="site-map-toggle" aria-expanded={props.map_open.to_string()}
                        aria-controls="site-map" onclick={props.on_map.reform({ let open = props.map_open; move |_| !open })}>
                        { crate::icon::icon("place") }
                        { if props.map_open { t(lang, "close-map") } else { t(lang, "show-on-map") } }
                    </button>
                </div>
                if props.map_open {
                    <crate::pages::site_map::SiteMap lang={lang} tile_url={tiles.clone()}
                        sites={Rc::new(snap.sites.iter().filter(|s| props.kind.as_deref().is_none_or(|k| s.kind == k)).cloned().collect::<Vec<_>>())}
                        start={props.place.as_ref().map(|p| p.position).unwrap_or(muc_wire::geo::LonLat::new(11.5755, 48.1374))}
                        selected={props.picked.clone()} on_select={props.on_pick.clone()} />
                }
            }
            if let Load::Ready(snap) = &props.load {
                <SiteList lang={lang} snapshot={snap.clone()} place={props.place.clone()}
                    kind={props.kind.clone()} on_kind={props.on_kind.clone()} on_select={props.on_select.clone()}
                    picked={props.picked.clone()} on_pick={props.on_pick.clone()} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct DataStatusProps {
    lang: Lang,
    load: Load<HotspotSnapshot>,
    now: i64,
    on_refresh: Callback<()>,
}

/// Loading, offline with cached data (and how old it is), or what went wrong.
#[component]
fn DataStatus(props: &DataStatusProps) -> Html {
    let lang = props.lang;
    let refresh = props.on_refresh.reform(|_| ());
    let refresh_button = html! {
        <button type="button" class="secondary" onclick={refresh}>{ t(lang, "reload") }</button>
    };
    match &props.load {
        Load::Loading => html! {
            <div class="status" role="status">{ t(lang, "loading-sites") }</div>
        },
        Load::Failed(e) => html! {
            <div class="status error" role="alert">
                <p><strong>{ t(lang, "the-sites-could-not-be-loaded") }</strong></p>
                <p>{ i18n::error_text(lang, e) }</p>
                <p>{ t(lang, "no-sites-are-stored-on-this") }</p>
                { refresh_button }
            </div>
        },
        Load::Ready(snap) => match &snap.source {
            DataSource::Live => html! {
                <div class="status" role="status">
                    <p>{ i18n::t_args(lang, "current-data-as-of-date", &[("date", i18n::date_time(lang, snap.fetched_at).into())]) }</p>
                    <button type="button" class="secondary" onclick={props.on_refresh.reform(|_| ())}>{ t(lang, "refresh") }</button>
                </div>
            },
            // Shown at start until the portal answers: no button, nothing to do.
            DataSource::Saved => html! {
                <div class="status" role="status" id="refreshing-notice" aria-busy="true">
                    <p>{ i18n::t_args(lang, "updating-saved-data-as-of-date", &[("date", i18n::date_time(lang, snap.fetched_at).into())]) }</p>
                </div>
            },
            DataSource::Cache { reason } => html! {
                <div class="status warning" role="status" id="offline-notice">
                    <p><strong>{ t(lang, "offline-saved-data-2") }</strong></p>
                    <p>{ i18n::error_text(lang, reason) }</p>
                    <p class="data-age">{ i18n::t_args(lang, "sites-from-date-age", &[
                        ("date", i18n::date_time(lang, snap.fetched_at).into()),
                        ("age", i18n::age(lang, props.now - snap.fetched_at).into())]) }</p>
                    { refresh_button }
                </div>
            },
        },
    }
}

#[derive(Properties)]
struct PlacePickerProps {
    lang: Lang,
    /// The sites, for places named by a site's name (shared, not copied:
    /// a copy of all 138 on every drawing of the screen cost its start).
    snapshot: Option<Rc<HotspotSnapshot>>,
    place: Option<Place>,
    locate: Locate,
    on_place: Callback<Place>,
    on_locate: Callback<()>,
}

/// The sites alone, not where they came from: the portal's answer that
/// equals the saved copy drawn at start redraws the status line, not the
/// card or the rows.
fn same_sites(a: &HotspotSnapshot, b: &HotspotSnapshot) -> bool {
    a.sites == b.sites && a.attribution == b.attribution
}

impl PartialEq for PlacePickerProps {
    fn eq(&self, o: &Self) -> bool {
        let sites = match (&self.snapshot, &o.snapshot) {
            (Some(a), Some(b)) => same_sites(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        sites
            && (self.lang, &self.place, self.locate, &self.on_place, &self.on_locate)
                == (o.lang, &o.place, o.locate, &o.on_place, &o.on_locate)
    }
}

#[component]
fn PlacePicker(props: &PlacePickerProps) -> Html {
    let lang = props.lang;
    let query = use_state(String::new);
    let not_found = use_state(|| false);
    // The place form and the district list are shown (the person asked).
    let open = use_state(|| false);
    {
        // Opened: the person goes on in the place field.
        let opened = *open;
        use_effect_with(opened, move |&opened| {
            if opened {
                if let Some(input) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("place-input"))
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = input.focus();
                }
            }
        });
    }

    let oninput = bind_text(query.clone());
    let onsubmit = {
        let (query, not_found, snapshot, on_place) =
            (query.clone(), not_found.clone(), props.snapshot.clone(), props.on_place.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let sites = snapshot.as_ref().map_or(&[][..], |s| &s.sites[..]);
            match places::resolve(&query, sites) {
                Some(p) => {
                    not_found.set(false);
                    on_place.emit(p);
                }
                None => not_found.set(true),
            }
        })
    };
    let onchange_district = {
        let on_place = props.on_place.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e).unwrap_or_default();
            if let Some(&(name, lon, lat)) = places::DISTRICTS.iter().find(|d| d.0 == v) {
                on_place.emit(Place::new(name, lon, lat));
            }
        })
    };
    let locate = props.on_locate.reform(|_| ());
    let current = match &props.place {
        Some(p) => i18n::t_args(lang, "your-position-is", &[("place", (&p.label).into())]),
        None => t(lang, "no-position-chosen-yet").to_string(),
    };
    let district_value = props
        .place
        .as_ref()
        .filter(|p| places::DISTRICTS.iter().any(|d| d.0 == p.label))
        .map(|p| p.label.clone())
        .unwrap_or_default();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // The form and the districts are asked for, not drawn up front: the
    // card is half as tall, so the sites start about 230 px higher, and the
    // first frame after start has less to draw (BENCHMARKS.md, start-up).
    html! {
        <section class="card" aria-labelledby="place-heading">
            <h2 id="place-heading">{ t(lang, "position") }</h2>
            <p id="current-place" aria-live="polite">{ current }</p>
            <div class="row">
                <button type="button" class="secondary" onclick={locate} disabled={props.locate == Locate::Busy}>
                    { t(lang, "use-my-location") }
                </button>
                <button type="button" class="secondary" id="place-choice-toggle" aria-expanded={open.to_string()}
                    aria-controls="place-choice" onclick={toggle}>
                    { t(lang, "enter-a-place-or-district") }
                </button>
            </div>
            if props.locate == Locate::Busy {
                <p role="status">{ t(lang, "finding-your-location") }</p>
            }
            if props.locate == Locate::Failed {
                <p class="field-error" role="alert">{ t(lang, "your-device-does-not-share-a") }</p>
            }
            if *open {
                <div id="place-choice">
                    <form class="place-form" onsubmit={onsubmit}>
                        <label for="place-input">{ t(lang, "place-address-or-coordinates") }</label>
                        <p id="place-hint" class="hint">{ t(lang, "for-example-marienplatz-sendlinger-tor-or") }</p>
                        <div class="row">
                            <input id="place-input" type="text" autocomplete="off" value={(*query).clone()} {oninput}
                                aria-describedby={if *not_found { "place-hint place-error" } else { "place-hint" }}
                                aria-invalid={if *not_found { "true" } else { "false" }} />
                            <button type="submit">{ t(lang, "apply") }</button>
                        </div>
                        if *not_found {
                            <p id="place-error" class="field-error" role="alert">{ t(lang, "we-do-not-know-this-place") }</p>
                        }
                    </form>
                    <label for="district-select">{ t(lang, "or-choose-a-district") }</label>
                    <select id="district-select" onchange={onchange_district}>
                        <option value="" selected={district_value.is_empty()}>{ t(lang, "district") }</option>
                        { for places::DISTRICTS.iter().map(|(name, _, _)| html! {
                            <option value={*name} selected={district_value == *name}>{ *name }</option>
                        }) }
                    </select>
                </div>
            }
        </section>
    }
}

#[derive(Properties)]
struct SiteListProps {
    lang: Lang,
    snapshot: Rc<HotspotSnapshot>,
    place: Option<Place>,
    kind: Option<String>,
    on_kind: Callback<Option<String>>,
    on_select: Callback<String>,
    picked: Option<String>,
    on_pick: Callback<String>,
}

impl PartialEq for SiteListProps {
    fn eq(&self, o: &Self) -> bool {
        same_sites(&self.snapshot, &o.snapshot)
            && (self.lang, &self.place, &self.kind, &self.on_kind, &self.on_select, &self.picked, &self.on_pick)
                == (o.lang, &o.place, &o.kind, &o.on_kind, &o.on_select, &o.picked, &o.on_pick)
    }
}

/// Rows drawn with the first list after start: what a window up to about
/// 1230 px tall shows (in a 1024 px wide window the list starts 810 px
/// down and a row is 70 px tall: none at 768 px, four at 1080). The rest,
/// and the kinds of the filter, follow once that frame is on screen, so
/// opening the app on the list does not wait for DOM work below the fold:
/// all 138 rows took 60–120 ms of a cold start, and 12 rows with the kinds
/// took 13 ms more of the page's start than 4 without, in one paired
/// measurement (6 measured as 4; marks in the shell's start-up timeline,
/// BENCHMARKS.md). Later lists are drawn whole at once.
pub const FIRST_ROWS: usize = 6;

/// How long the rows after the first wait for the portal's answer when the
/// list opened with the saved copy (see `SiteList`).
const REST_WAITS_FOR_ANSWER_MS: u32 = 400;

thread_local! {
    static LIST_DRAWN_BEFORE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The next list is drawn as the first one after start is (first rows,
/// then the rest). For tests, which share one page.
#[doc(hidden)]
pub fn draw_the_next_list_as_at_start() {
    LIST_DRAWN_BEFORE.with(|d| d.set(false));
}

#[component]
fn SiteList(props: &SiteListProps) -> Html {
    let lang = props.lang;
    // `_eq`: whichever of the two timers below comes second changes nothing.
    let whole = use_state_eq(|| LIST_DRAWN_BEFORE.with(|d| d.replace(true)));
    {
        let whole = whole.clone();
        // The saved copy drawn at start: the rest waits for the portal's
        // answer, which mostly comes within the first frames, so the answer
        // is on screen first (its status line) and the rows below the fold
        // are drawn once, from the answer, not from the copy and again from
        // the answer. A portal that is slow to answer does not hold them up
        // for longer than `REST_WAITS_FOR_ANSWER_MS`.
        let saved = props.snapshot.source == DataSource::Saved;
        use_effect_with(saved, move |&saved| {
            if !*whole {
                let wait = if saved { REST_WAITS_FOR_ANSWER_MS } else { 0 };
                // After the frame with the first rows is presented, and after
                // the start-up mark taken then (a task, not a frame callback).
                crate::app::after_two_frames(move || {
                    gloo_timers::callback::Timeout::new(wait, move || whole.set(true)).forget();
                });
            }
        });
    }
    let sites = &props.snapshot.sites;
    // References, not copies of the sites.
    let filtered = sites.iter().filter(|s| props.kind.as_deref().is_none_or(|k| s.kind == k));
    let rows: Vec<(Option<f64>, &Site)> = match &props.place {
        Some(p) => sort_by_distance(filtered, p.position).into_iter().map(|(d, s)| (Some(d), s)).collect(),
        None => {
            let mut v: Vec<_> = filtered.map(|s| (None, s)).collect();
            v.sort_by(|a, b| a.1.name.cmp(&b.1.name));
            v
        }
    };
    let onchange_kind = {
        let on_kind = props.on_kind.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e).unwrap_or_default();
            on_kind.emit((!v.is_empty()).then_some(v));
        })
    };
    let heading = match (&props.place, rows.len()) {
        (_, 0) => t(lang, "no-sites").to_string(),
        (Some(p), n) => i18n::t_args(lang, "sites-nearest-first", &[("n", n.into()), ("place", (&p.label).into())]),
        (None, n) => i18n::t_args(lang, "sites-alphabetical", &[("n", n.into())]),
    };
    let current_kind = props.kind.clone().unwrap_or_default();
    // The kinds come with the rest of the rows: the first frame shows the
    // select as it looks closed ("all kinds"), and nobody has opened it yet.
    let kind_options: Html = if *whole {
        kinds(sites)
            .into_iter()
            .map(|(k, n)| {
                let sel = current_kind == k;
                let label = format!("{} ({n})", i18n::words::site_kind(lang, &k).0);
                html! { <option value={k.clone()} selected={sel}>{ label }</option> }
            })
            .collect()
    } else {
        Html::default()
    };
    html! {
        <section aria-labelledby="list-heading">
            <div class="card">
                <label for="kind-select">{ t(lang, "kind-of-site") }</label>
                <select id="kind-select" onchange={onchange_kind}>
                    <option value="" selected={current_kind.is_empty()}>
                        { i18n::t_args(lang, "all-kinds-count", &[("n", sites.len().into())]) }
                    </option>
                    { kind_options }
                </select>
            </div>
            <h2 id="list-heading">{ heading }</h2>
            // aria-busy: assistive technology (and tests) wait for the whole list.
            <ul class="sites" id="site-list" aria-busy={(!*whole && rows.len() > FIRST_ROWS).to_string()}>
                { for rows.iter().take(if *whole { rows.len() } else { FIRST_ROWS }).map(|(d, s)| {
                    let id = s.id.clone();
                    let on_select = props.on_select.clone();
                    let onclick = Callback::from(move |_| on_select.emit(id.clone()));
                    // Focus on a row shows its site on the map.
                    let onfocus = props.on_pick.reform({ let id = s.id.clone(); move |_: FocusEvent| id.clone() });
                    let picked = props.picked.as_deref() == Some(s.id.as_str());
                    html! {
                        <li id={format!("site-row-{}", s.id)} class={classes!(picked.then_some("picked"))}>
                            <button type="button" class="site" {onclick} {onfocus} aria-current={picked.then_some("true")}>
                                <span class="site-name">{ &s.name }</span>
                                <span class="site-meta">{ format!("{} · {}", i18n::words::site_kind(lang, &s.kind).0, i18n::access_points(lang, s.access_points)) }</span>
                                if let Some(d) = d {
                                    <span class="site-distance">{ i18n::distance(lang, *d) }</span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <p class="attribution">{ &props.snapshot.attribution }</p>
        </section>
    }
}
