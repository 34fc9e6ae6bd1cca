//! Data a screen loads from the shell: loading, ready, or failed.

use std::future::Future;
use std::rc::Rc;

use muc_wire::ipc::AppError;
use yew::{Callback, UseStateHandle};

#[derive(Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(Rc<T>),
    Failed(AppError),
}

// Not derived: cloning shares the Rc, so T need not be Clone.
impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        match self {
            Load::Loading => Load::Loading,
            Load::Ready(t) => Load::Ready(t.clone()),
            Load::Failed(e) => Load::Failed(e.clone()),
        }
    }
}

/// A load's answer as its state.
fn answered<T>(r: Result<T, AppError>) -> Load<T> {
    match r {
        Ok(v) => Load::Ready(Rc::new(v)),
        Err(e) => Load::Failed(e),
    }
}

/// A callback that (re)loads `state` with `fetch`.
pub fn loader<T: 'static, Fut>(state: UseStateHandle<Load<T>>, fetch: fn() -> Fut) -> Callback<()>
where
    Fut: Future<Output = Result<T, AppError>> + 'static,
{
    load_with(state, fetch, true)
}

/// Like [`loader`], but what is shown stays until the answer replaces it:
/// the screen is not emptied meanwhile, so what is on it keeps its state
/// (a message the person has not read yet, where the focus is).
pub fn refresher<T: 'static, Fut>(state: UseStateHandle<Load<T>>, fetch: fn() -> Fut) -> Callback<()>
where
    Fut: Future<Output = Result<T, AppError>> + 'static,
{
    load_with(state, fetch, false)
}

fn load_with<T: 'static, Fut>(state: UseStateHandle<Load<T>>, fetch: fn() -> Fut, blank: bool) -> Callback<()>
where
    Fut: Future<Output = Result<T, AppError>> + 'static,
{
    Callback::from(move |()| {
        if blank {
            state.set(Load::Loading);
        }
        let state = state.clone();
        wasm_bindgen_futures::spawn_local(async move { state.set(answered(fetch().await)) });
    })
}
