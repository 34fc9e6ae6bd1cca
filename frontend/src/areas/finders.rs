//! The city's capacity finders (midwives, care, childcare, doctors): a
//! directory that opens the existing portals.

use std::rc::Rc;

use muc_wire::ipc::{cmd, AppError, FinderSnapshot, OpenFinderArgs, OpenVia};
use muc_wire::personal::{Favourite, FavouriteKind};
use yew::prelude::*;

use super::favourites::{self, use_set_favourite, Favourites};
use super::{ask_then, reducer, use_frame, use_on_open, use_store};
use crate::ipc;
use crate::load::Load;
use crate::pages::finders::Finders as FinderList;

#[derive(Clone, PartialEq)]
pub struct Finders {
    pub load: Load<FinderSnapshot>,
    fetched: super::Asked,
    /// Opening a portal failed.
    pub open_error: Option<AppError>,
}

impl Default for Finders {
    fn default() -> Self {
        Finders { load: Load::Loading, fetched: Default::default(), open_error: None }
    }
}

pub enum Action {
    Asking,
    Answer(Result<FinderSnapshot, AppError>),
    OpenError(Option<AppError>),
}

impl Finders {
    fn apply(&mut self, action: Action) {
        match action {
            Action::Asking => {
                self.fetched.mark();
                self.load = Load::Loading;
            }
            Action::Answer(r) => self.load = r.into(),
            Action::OpenError(e) => self.open_error = e,
        }
    }
}
reducer!(Finders, Action);

fn ask(store: &UseReducerDispatcher<Finders>) {
    store.dispatch(Action::Asking);
    ask_then(store, ipc::ask::<cmd::LoadFinders>, Action::Answer);
}

/// The directory, asked the first time it is needed (here or for the
/// names of favourites in the personal area).
pub fn load_once(store: &UseReducerHandle<Finders>) {
    if !store.fetched.get() {
        ask(&store.dispatcher());
    }
}

#[component]
pub fn FindersArea() -> Html {
    let frame = use_frame();
    let store = use_store::<Finders>();
    let favs = use_store::<Favourites>();
    let set_favourite = use_set_favourite();
    {
        let (store, favs) = (store.clone(), favs.dispatcher());
        use_on_open(move || {
            store.dispatch(Action::OpenError(None));
            favs.dispatch(favourites::Action::ClearError);
            favourites::refresh(&favs);
            load_once(&store);
        });
    }
    // The stars follow the favourites as they are now, not as they were
    // when the directory was loaded.
    let load = match (&store.load, &favs.view) {
        (Load::Ready(s), Load::Ready(v)) => {
            Load::Ready(Rc::new(FinderSnapshot { favourites: v.ids(FavouriteKind::Finder), ..(**s).clone() }))
        }
        (l, _) => l.clone(),
    };
    let on_open = {
        let d = store.dispatcher();
        Callback::from(move |(finder_id, via): (String, OpenVia)| {
            ask_then(
                &d,
                move || ipc::call::<cmd::OpenFinder>(OpenFinderArgs { finder_id, via }),
                |r| Action::OpenError(r.err()),
            );
        })
    };
    let d = store.dispatcher();
    html! {
        <FinderList lang={frame.lang} {load} now={crate::app::now_secs()}
            open_error={store.open_error.clone().or_else(|| favs.error.clone())}
            {on_open} on_favourite={set_favourite.reform(|(id, on): (String, bool)| (Favourite::new(FavouriteKind::Finder, id), on))}
            on_refresh={Callback::from(move |()| ask(&d))} />
    }
}
