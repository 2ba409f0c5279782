//! # nastavnik-tests
//!
//! Cross-crate scenarios of Наставник: the convergence proptests, the saved fixtures of each
//! document version (`tests/fixtures/`), and scenarios that drive real `nastavnik-cli` processes.
//!
//! * [`cli`] — driving real `nastavnik-cli` processes, one data folder per device.
//! * [`namespace`] — re-running a test inside a private network or mount namespace.
//! * [`rng`] — a seeded generator for randomised scenarios.

pub mod cli;
pub mod namespace;
pub mod rng;

/// The folder holding the saved fixtures.
pub fn fixtures_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}
