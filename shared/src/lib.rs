//! # nastavnik-shared
//!
//! What the core (native) and the UI (wasm32) both need to speak about the same things:
//!
//! * [`vocab`] — the closed vocabularies of the target model of mentoring (forms, kinds, statuses,
//!   meeting types…). Each value has a stable **code** (what is stored in documents and sent over
//!   IPC, never translated) and a Russian **label** in the words of the source documents.
//! * [`code`] — the [`Code`] trait: how a value turns into its stored string and back.
//! * [`report`] — the read models the UI shows: a pair's summary and the school overview.
//! * [`ru`] — Russian plurals and dates.
//! * [`text`] — converting offsets between the UI's UTF-16 and the documents' code points.
//!
//! No automerge, tokio or tauri here: this crate must build for `wasm32-unknown-unknown`.
//!
//! ```
//! use nastavnik_shared::{Code, vocab::ActivityStatus};
//! let s = ActivityStatus::InProgress;
//! assert_eq!(s.code(), "in_progress");
//! assert_eq!(s.label(), "в работе");
//! assert_eq!(ActivityStatus::from_code("in_progress"), Some(s));
//! ```

pub mod app;
pub mod code;
pub mod report;
pub mod ru;
pub mod text;
pub mod vocab;

pub use code::Code;
