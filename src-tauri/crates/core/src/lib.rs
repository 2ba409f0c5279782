//! # nastavnik-core
//!
//! The model of Наставник, with no IO, no clock and no randomness of its own: time and ids
//! are passed in by the shell (the node, the app, tests).
//!
//! * Two kinds of automerge documents, typed with autosurgeon:
//!   [`pair::PairDoc`] — one per mentoring pair or group, edited offline by its mentor(s) and
//!   mentee(s) and synced to the curator; [`school::SchoolDoc`] — the curator's: the school,
//!   the bank of people, the pairs index, the roadmap.
//! * [`document`] — load (with clear errors for foreign or damaged bytes), read, and
//!   [`document::change`]: one domain operation = one atomic, validated automerge change.
//!   A third kind, [`notes::NotesDoc`], holds a mentor's private notes and never leaves the device.
//! * Domain operations are methods on the typed documents that check their input and return
//!   a [`DomainError`] in plain Russian; typing into shared texts goes straight to automerge
//!   ([`pair::splice_text`]).
//! * Read models: [`pair::PairDoc::summary`] and [`school::overview`].
//! * [`sync_check`] — what a sync message from another device must satisfy before automerge
//!   receives it (automerge trusts some of its fields; found by fuzzing).
//!
//! See `pair` for a runnable example.

pub mod attention;
pub mod check;
pub mod chunk_guard;
pub mod coded;
pub mod conflicts;
pub mod demo;
pub mod document;
pub mod error;
pub mod history;
pub mod keyed;
pub mod known;
pub mod notes;
pub mod pair;
pub mod roster;
pub mod school;
pub mod sync_check;

pub use error::{DocError, DomainError, Error};
