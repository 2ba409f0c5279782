//! The screens. Each loads its data through `ipc` when shown and again after every change.

mod activity;
pub mod app;
mod attention;
mod base;
mod card;
mod conflicts;
mod documents;
mod first_run;
mod history;
mod intake;
mod journal;
mod notes;
mod overview;
mod pair;
mod pairs;
mod person;
mod programme;
mod requests;
mod results;
mod roadmap;
mod shared_text;
mod sync;
mod widgets;
