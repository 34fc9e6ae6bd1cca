//! Favourites: the device's or the account's, as the shell keeps them
//! (`src-tauri/src/favourites.rs` merges and syncs them).

use muc_wire::ipc::{cmd, AppError, FavouriteView, SetFavouriteArgs};
use muc_wire::personal::Favourite;
use yew::prelude::*;

use super::{ask_then, reducer, use_store};
use crate::ipc;
use crate::load::Load;

#[derive(Clone, PartialEq)]
pub struct Favourites {
    pub view: Load<FavouriteView>,
    /// Marking or unmarking failed (shown where the finders are).
    pub error: Option<AppError>,
}

impl Default for Favourites {
    fn default() -> Self {
        Favourites { view: Load::Loading, error: None }
    }
}

pub enum Action {
    Loaded(Result<FavouriteView, AppError>),
    Changed(Result<FavouriteView, AppError>),
    ClearError,
}

impl Favourites {
    fn apply(&mut self, action: Action) {
        match action {
            Action::Loaded(r) => self.view = r.into(),
            Action::Changed(Ok(v)) => {
                self.view = Load::Ready(v.into());
                self.error = None;
            }
            Action::Changed(Err(e)) => self.error = Some(e),
            Action::ClearError => self.error = None,
        }
    }

    /// Whether this one is marked (false while not known).
    pub fn has(&self, favourite: &Favourite) -> bool {
        matches!(&self.view, Load::Ready(v) if v.has(favourite.kind, &favourite.id))
    }
}
reducer!(Favourites, Action);

/// Asks again, keeping what is shown until the answer: synced with the
/// account on each visit, so another device's changes show.
pub fn refresh(store: &UseReducerDispatcher<Favourites>) {
    ask_then(store, ipc::ask::<cmd::LoadFavourites>, Action::Loaded);
}

/// Marks (true) or unmarks any favourite.
#[hook]
pub fn use_set_favourite() -> Callback<(Favourite, bool)> {
    let store = use_store::<Favourites>().dispatcher();
    Callback::from(move |(favourite, on): (Favourite, bool)| {
        ask_then(&store, move || ipc::call::<cmd::SetFavourite>(SetFavouriteArgs { favourite, on }), Action::Changed);
    })
}
