//! The app's areas. Each keeps its state in a store (a reducer: the state,
//! an `Action` enum, `Reducible`), which App provides above the screen
//! switch so it outlives navigation (a list loaded once stays loaded), and
//! has a component that loads what its screen needs when it opens and draws
//! the page with it. Pages (`crate::pages`) only draw what they are given
//! and say what the person did; App only chooses the screen, draws the
//! frame around it and provides the stores.

// The start module (neither `wifi` nor `areas`) has none of them; see
// `crate::handover`.
#[cfg(feature = "wifi")]
pub mod account;
#[cfg(feature = "wifi")]
pub mod favourites;
#[cfg(feature = "wifi")]
pub mod finders;
#[cfg(feature = "wifi")]
pub mod hotspots;
#[cfg(feature = "wifi")]
pub mod notices;
#[cfg(feature = "wifi")]
pub mod personal;
#[cfg(feature = "wifi")]
pub mod reports;
#[cfg(feature = "wifi")]
pub mod screens;

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use muc_wire::ipc::AppError;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::route::Screen;

/// What every area draws with: the language, the way to another screen,
/// the map tiles' address (None: no map offered).
#[derive(Clone, PartialEq)]
pub struct Frame {
    pub lang: Lang,
    pub navigate: Callback<Screen>,
    pub tile_url: Option<String>,
}

#[hook]
pub fn use_frame() -> Frame {
    use_context::<Frame>().expect("App provides the frame")
}

/// An area's store, as App provides it.
#[hook]
pub fn use_store<S: Reducible + PartialEq + 'static>() -> UseReducerHandle<S> {
    use_context::<UseReducerHandle<S>>().expect("App provides every area's store")
}

/// Runs `f` when the area's screen opens (its component is first drawn).
#[hook]
pub fn use_on_open(f: impl FnOnce() + 'static) {
    use_effect_with((), move |_| f());
}

/// Asks the shell and hands the answer to a store.
pub fn ask_then<S, T, Fut>(
    store: &UseReducerDispatcher<S>,
    ask: impl FnOnce() -> Fut + 'static,
    then: impl FnOnce(Result<T, AppError>) -> S::Action + 'static,
) where
    S: Reducible + 'static,
    T: 'static,
    Fut: Future<Output = Result<T, AppError>> + 'static,
{
    let store = store.clone();
    wasm_bindgen_futures::spawn_local(async move { store.dispatch(then(ask().await)) });
}

/// A reducer that changes a copy of the state: `apply` does the change. An
/// action that changes nothing returns the same state, so the screen is not
/// drawn again (Yew redraws when the state is another `Rc`): at start the
/// areas ask for data they already show as loading, and each needless
/// redraw of the hotspot list cost 10–15 ms before its first frame
/// (measured with the start-up timeline, BENCHMARKS.md).
#[cfg(feature = "wifi")]
macro_rules! reducer {
    ($state:ty, $action:ty) => {
        impl yew::Reducible for $state {
            type Action = $action;
            fn reduce(self: std::rc::Rc<Self>, action: $action) -> std::rc::Rc<Self> {
                let mut next = (*self).clone();
                next.apply(action);
                if next == *self {
                    self
                } else {
                    std::rc::Rc::new(next)
                }
            }
        }
    };
}

/// Whether an area has asked the shell for its data yet: bookkeeping, not
/// something drawn. Every copy of a store shares it and it is equal to any
/// other, so marking it is no change of the state and draws nothing again.
#[derive(Clone, Debug, Default)]
pub struct Asked(Rc<Cell<bool>>);

impl Asked {
    pub fn mark(&self) {
        self.0.set(true);
    }

    pub fn get(&self) -> bool {
        self.0.get()
    }
}

impl PartialEq for Asked {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
#[cfg(feature = "wifi")]
pub(crate) use reducer;
