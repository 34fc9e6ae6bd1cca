//! Wire types: everything that crosses HTTP (portal ⇄ client) or Tauri IPC
//! (shell ⇄ frontend). It depends on serde (and `time` and `url` for the
//! parsers of untrusted text) and on no tauri, yew, axum or sqlx, so the portal,
//! the shell and the wasm frontend all agree on one definition.

pub mod error;
pub mod finders;
pub mod geo;
pub mod hotspots;
pub mod ipc;
pub mod notify;
pub mod ogc;
pub mod open311;
pub mod open_data;
pub mod ops;
pub mod personal;
pub mod photo;
pub mod places;
pub mod search;
pub mod time;

pub use error::ApiError;
