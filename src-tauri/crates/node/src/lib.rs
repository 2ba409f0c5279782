//! # nastavnik-node
//!
//! The IO shell around `nastavnik-core`: one node per device.
//!
//! * [`paths`] — the data folder; [`identity`] — the device's ed25519 key (its network id);
//!   [`device`] — whether this is the curator's device or a member's.
//! * [`storage`] — crash-safe samod storage (atomic chunk writes, damaged chunks set aside);
//!   [`node`] — the samod repository and typed access to documents through the core's operations.
//! * [`clock`] — the one clock of a process (`--today` starts it on a given day).
//! * [`access`] — the share policy: a pair's document goes to its members' devices and the
//!   curator's; the school document to the curator's devices only.
//!
//! The binary `nastavnik-cli` (see `main.rs`) does everything a user can do, headless.

pub mod access;
pub mod attention;
pub mod clock;
pub mod conflicts;
pub mod control;
pub mod curator;
pub mod device;
pub mod discovery;
pub mod doc_files;
pub mod documents;
pub mod error;
pub mod grants;
pub mod history;
pub mod identity;
pub mod intake;
pub mod invite;
pub mod invite_proof;
pub mod joining;
pub mod lock;
pub mod net;
pub mod node;
pub mod notified;
pub mod online;
pub mod paths;
pub mod private_notes;
pub mod render;
pub mod roster_file;
pub mod server;
pub mod storage;
pub mod summary_cache;
pub mod sync;
pub mod sync_state;
pub mod traffic;
pub mod trust;
pub mod wire;

pub use error::NodeError;
pub use node::Node;

/// A fresh short id for a new item (person, pair, activity…): `prefix-` and 8 hex digits.
pub fn new_id(prefix: &str) -> String {
    let uuid = uuid::Uuid::new_v4().simple().to_string();
    format!("{prefix}-{}", &uuid[..8])
}
