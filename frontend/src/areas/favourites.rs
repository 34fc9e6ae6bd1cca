//! Favourites: the device's or the account's, as the shell keeps them
//! (`src-tauri/src/favourites.rs` merges and syncs them).

use muc_wire::ipc::{cmd, AppError, FavouriteView, SetFavouriteArgs};
use muc_wire::personal::Favourite;
use std::cell::Cell;

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
    /// The view as asked for when `CHANGES_ASKED` was `seen`.
    Loaded {
        view: Result<FavouriteView, AppError>,
        seen: u64,
    },
    Changed(Result<FavouriteView, AppError>),
    ClearError,
}

impl Favourites {
    fn apply(&mut self, action: Action) {
        match action {
            // Asked for before a change the person made: its answer may not
            // have that change yet, and would undo the star just set. The
            // change's own answer is the newer view.
            Action::Loaded { seen, .. } if seen != CHANGES_ASKED.with(Cell::get) => {}
            Action::Loaded { view, .. } => self.view = view.into(),
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
    let seen = CHANGES_ASKED.with(Cell::get);
    ask_then(store, ipc::ask::<cmd::LoadFavourites>, move |view| Action::Loaded { view, seen });
}

thread_local! {
    /// How many marks and unmarks the page has asked the shell for: a
    /// refresh asked before one of them answers with an older view.
    static CHANGES_ASKED: Cell<u64> = const { Cell::new(0) };
}

/// Marks (true) or unmarks any favourite.
#[hook]
pub fn use_set_favourite() -> Callback<(Favourite, bool)> {
    let store = use_store::<Favourites>().dispatcher();
    Callback::from(move |(favourite, on): (Favourite, bool)| {
        CHANGES_ASKED.with(|c| c.set(c.get() + 1));
        ask_then(&store, move || ipc::call::<cmd::SetFavourite>(SetFavouriteArgs { favourite, on }), Action::Changed);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use muc_wire::ipc::FavouriteSync;
    use muc_wire::personal::FavouriteKind;

    /// A refresh asked before a mark answers after it (the shell read the
    /// favourites first): the older view does not undo the star; one asked
    /// after the mark is taken.
    #[wasm_bindgen_test::wasm_bindgen_test]
    fn a_refresh_asked_before_a_change_does_not_undo_it() {
        let view = |items: Vec<Favourite>| FavouriteView { items, sync: FavouriteSync::DeviceOnly };
        let star = Favourite::new(FavouriteKind::Hotspot, "s1");
        let mut store = Favourites::default();
        let before = CHANGES_ASKED.with(Cell::get);
        CHANGES_ASKED.with(|c| c.set(c.get() + 1));
        store.apply(Action::Changed(Ok(view(vec![star.clone()]))));
        assert!(store.has(&star));
        store.apply(Action::Loaded { view: Ok(view(vec![])), seen: before });
        assert!(store.has(&star), "an older answer undid the mark");
        let after = CHANGES_ASKED.with(Cell::get);
        store.apply(Action::Loaded { view: Ok(view(vec![])), seen: after });
        assert!(!store.has(&star), "a newer answer (unmarked elsewhere) is shown");
    }
}
