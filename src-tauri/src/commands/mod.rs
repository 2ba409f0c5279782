//! The app's `#[tauri::command]`s: thin — parse the form, run one operation of the core through
//! the node as one change, return a DTO of `nastavnik_shared::app`. Errors are typed `AppError`s.

pub mod bank;
pub mod changes;
pub mod documents;
pub mod editing;
pub mod joining;
pub mod monitoring;
pub mod notes;
pub mod pair;
mod parse;
pub mod programme;
pub mod replacement;
pub mod school;
pub mod startup;
pub mod sync;
