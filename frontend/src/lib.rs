//! # nastavnik-frontend
//!
//! The yew UI of the desktop app, in Russian with the words of the source documents.
//! * [`ipc`] is the only module that touches Tauri (commands by name with the typed DTOs of
//!   `nastavnik_shared::app`, and the `doc-changed` event);
//! * [`state`] holds what the screens show and changes only through [`state::Action`]s (a
//!   reducer, tested natively);
//! * `views` are the screens; forms keep their own fields, so a failed save loses nothing.

pub mod ipc;
pub mod state;
mod views;

pub use views::app::App;
