//! Free Wi-Fi (M-WLAN): the list of sites and one site.

use std::rc::Rc;

use muc_wire::ipc::{cmd, AppError, DataSource, HotspotSnapshot, OpenInMapArgs};
use muc_wire::personal::{Favourite, FavouriteKind};
use yew::prelude::*;

use super::favourites::{self, use_set_favourite, Favourites};
use super::{ask_then, reducer, use_frame, use_on_open, use_store};
use crate::i18n::t;
use crate::ipc;
use crate::load::Load;
use crate::pages::hotspot_detail::HotspotDetail;
use crate::pages::hotspots::{Hotspots as HotspotList, Locate};
use crate::places::Place;
use crate::route::Screen;

#[derive(Clone, PartialEq)]
pub struct Hotspots {
    pub load: Load<HotspotSnapshot>,
    /// The copy saved on the device that the shell put into the page.
    saved: Option<Rc<HotspotSnapshot>>,
    fetched: super::Asked,
    pub place: Option<Place>,
    pub kind: Option<String>,
    pub locate: Locate,
    pub map_error: Option<AppError>,
    /// The map beside the list is open.
    pub map_open: bool,
    /// The site picked on the map or in the list.
    pub picked: Option<String>,
}

pub enum Action {
    Asking { blank: bool },
    Answer(Result<HotspotSnapshot, AppError>),
    Place(Place),
    Kind(Option<String>),
    Locate(Locate),
    MapError(Option<AppError>),
    MapOpen(bool),
    Pick(String),
}

impl Hotspots {
    /// Opening on the hotspot list, the page has sites before the frontend
    /// runs: the portal's answer to the page's early call (then nothing more
    /// is asked), or the copy saved on this device, drawn at once, marked as
    /// being refreshed.
    pub fn new(start: Option<HotspotSnapshot>) -> Self {
        let start = start.map(Rc::new);
        let fetched = super::Asked::default();
        if start.as_ref().is_some_and(|s| s.source != DataSource::Saved) {
            fetched.mark();
        }
        Hotspots {
            load: start.clone().map_or(Load::Loading, Load::Ready),
            saved: start.filter(|s| s.source == DataSource::Saved),
            fetched,
            place: None,
            kind: None,
            locate: Locate::Idle,
            map_error: None,
            map_open: false,
            picked: None,
        }
    }

    pub fn showing_saved(&self) -> bool {
        matches!(&self.load, Load::Ready(s) if s.source == DataSource::Saved)
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Asking { blank } => {
                self.fetched.mark();
                if blank {
                    self.load = Load::Loading;
                }
            }
            // The saved copy stays on screen until the portal answers; if the
            // shell cannot answer at all, it stays, marked as offline with the reason.
            Action::Answer(Err(reason)) if self.showing_saved() => {
                if let Some(copy) = &self.saved {
                    self.load = Load::Ready(Rc::new(HotspotSnapshot {
                        source: DataSource::Cache { reason },
                        ..(**copy).clone()
                    }));
                }
            }
            Action::Answer(r) => self.load = r.into(),
            Action::Place(p) => self.place = Some(p),
            Action::Kind(k) => self.kind = k,
            Action::Locate(l) => self.locate = l,
            Action::MapError(e) => self.map_error = e,
            Action::MapOpen(open) => self.map_open = open,
            Action::Pick(id) => self.picked = Some(id),
        }
    }
}
reducer!(Hotspots, Action);

/// Asks the shell for the sites; with `early`, the call the page made as it
/// loaded (`ipc::early_hotspots`) is awaited instead of making a new one:
/// the shell answers it with what it asked the portal at start.
fn ask(store: &UseReducerDispatcher<Hotspots>, blank: bool, early: Option<ipc::Early<cmd::LoadHotspots>>) {
    store.dispatch(Action::Asking { blank });
    match early {
        Some(early) => ask_then(store, move || early.wait(), Action::Answer),
        None => ask_then(store, ipc::ask::<cmd::LoadHotspots>, Action::Answer),
    }
}

/// Asked the first time the area opens; later visits show what was loaded.
#[hook]
fn use_sites_once() -> UseReducerHandle<Hotspots> {
    let store = use_store::<Hotspots>();
    let (fetched, d) = (store.fetched.get(), store.dispatcher());
    use_on_open(move || {
        if !fetched {
            ask(&d, false, ipc::early_hotspots());
        }
    });
    store
}

#[component]
pub fn HotspotsArea() -> Html {
    let frame = use_frame();
    let store = use_sites_once();
    let d = store.dispatcher();
    // The finder's "use my location": where the platform has no position
    // (most desktops) or the person declines, the finder says so and offers
    // the place picker.
    let on_locate = {
        let d = d.clone();
        Callback::from(move |()| {
            d.dispatch(Action::Locate(Locate::Busy));
            let d = d.clone();
            crate::location::request(Callback::from(move |pos: Option<(f64, f64)>| match pos {
                Some((lat, lon)) => {
                    d.dispatch(Action::Place(Place::new(format!("{lat:.5}, {lon:.5}"), lon, lat)));
                    d.dispatch(Action::Locate(Locate::Idle));
                }
                None => d.dispatch(Action::Locate(Locate::Failed)),
            }));
        })
    };
    html! {
        <HotspotList lang={frame.lang} load={store.load.clone()} place={store.place.clone()} kind={store.kind.clone()}
            now={crate::app::now_secs()} locate={store.locate}
            on_place={d.to_callback().reform(Action::Place)} on_kind={d.to_callback().reform(Action::Kind)}
            on_select={frame.navigate.reform(Screen::HotspotDetail)}
            on_refresh={{ let d = d.clone(); Callback::from(move |()| ask(&d, true, None)) }} {on_locate}
            tile_url={frame.tile_url.clone()} map_open={store.map_open} on_map={d.to_callback().reform(Action::MapOpen)}
            picked={store.picked.clone()} on_pick={d.to_callback().reform(Action::Pick)} />
    }
}

#[derive(Properties, PartialEq)]
pub struct HotspotDetailAreaProps {
    pub id: String,
}

#[component]
pub fn HotspotDetailArea(props: &HotspotDetailAreaProps) -> Html {
    let frame = use_frame();
    let store = use_sites_once();
    let favs = use_store::<Favourites>();
    let set_favourite = use_set_favourite();
    {
        let (d, favs) = (store.dispatcher(), favs.dispatcher());
        use_on_open(move || {
            d.dispatch(Action::MapError(None));
            favourites::refresh(&favs);
        });
    }
    let on_open_map = {
        let d = store.dispatcher();
        Callback::from(move |id: String| {
            ask_then(
                &d,
                move || ipc::call::<cmd::OpenInMap>(OpenInMapArgs { site_id: id }),
                |r| Action::MapError(r.err()),
            );
        })
    };
    let l = frame.lang;
    match &store.load {
        Load::Ready(snap) => match snap.sites.iter().find(|s| s.id == props.id) {
            Some(site) => {
                let favourite = Favourite::new(FavouriteKind::Hotspot, props.id.clone());
                html! {
                    <HotspotDetail lang={l} site={site.clone()} place={store.place.clone()}
                        attribution={snap.attribution.clone()}
                        offline={matches!(snap.source, DataSource::Cache { .. })}
                        map_error={store.map_error.clone()}
                        favourite={favs.has(&favourite)}
                        on_favourite={set_favourite.reform(move |on| (favourite.clone(), on))}
                        on_back={frame.navigate.reform(|()| Screen::Hotspots)} {on_open_map} />
                }
            }
            None => html! { <crate::pages::home::Home lang={l} on_navigate={frame.navigate.clone()} /> },
        },
        // Opened from a favourite before the sites were loaded.
        Load::Loading => html! { <p role="status">{ t(l, "loading") }</p> },
        Load::Failed(_) => html! { <crate::pages::home::Home lang={l} on_navigate={frame.navigate.clone()} /> },
    }
}
