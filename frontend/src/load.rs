//! Data a screen loads from the shell: loading, ready, or failed.

use std::rc::Rc;

use muc_wire::ipc::AppError;

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
impl<T> From<Result<T, AppError>> for Load<T> {
    fn from(r: Result<T, AppError>) -> Self {
        match r {
            Ok(v) => Load::Ready(Rc::new(v)),
            Err(e) => Load::Failed(e),
        }
    }
}

impl<T> Load<T> {
    /// Done: answered or failed.
    pub fn is_done(&self) -> bool {
        !matches!(self, Load::Loading)
    }
}
