//! # nastavnik-tests
//!
//! Cross-crate scenarios of Наставник: the convergence proptests, the saved fixtures of each
//! document version (`tests/fixtures/`), and scenarios that drive real `nastavnik-cli` processes.
//!
//! * [`cli`] — driving real `nastavnik-cli` processes, one data folder per device.

pub mod cli;

/// The folder holding the saved fixtures.
pub fn fixtures_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}
