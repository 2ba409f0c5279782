//! # nastavnik-tests
//!
//! Cross-crate scenarios of Наставник: the convergence proptest, the saved fixtures of each
//! document version (`tests/fixtures/`), and — until the app exists — the demo that builds a
//! sample school, saves its documents to a data folder and prints the overview.
//!
//! * [`files`] — saving and loading documents in a data folder.
//! * [`cli`] — driving real `nastavnik-cli` processes, one data folder per device.

pub mod cli;
pub mod files;

/// The folder holding the saved fixtures.
pub fn fixtures_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}
