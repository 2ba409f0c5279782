//! # nastavnik-tests
//!
//! Cross-crate scenarios of Наставник: the convergence proptest, the saved fixtures of each
//! document version (`tests/fixtures/`), and — until the app exists — the demo that builds a
//! sample school, saves its documents to a data folder and prints the overview.
//!
//! * [`render`] — the overview as plain Russian text (used by the demo).
//! * [`files`] — saving and loading documents in a data folder.

pub mod files;
pub mod render;

/// The folder holding the saved fixtures.
pub fn fixtures_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}
