//! The curator's own record of the access it granted: document → devices, in `roster.json`.
//!
//! The signed entries inside the pair documents are what other devices verify; the curator,
//! who signed them, keeps this index so that computing its share table never has to open
//! thousands of documents. It is updated with every grant and revocation, and rebuilt from the
//! documents (once) if it is missing.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::NodeError;
use crate::paths::{DataDir, write_atomic};

/// Document id → device ids with access.
pub type Roster = BTreeMap<String, BTreeSet<String>>;

fn file(dir: &DataDir) -> std::path::PathBuf {
    dir.root().join("roster.json")
}

/// The recorded roster, or `None` if there is none yet.
pub fn load(dir: &DataDir) -> Option<Roster> {
    std::fs::read(file(dir)).ok().and_then(|b| serde_json::from_slice(&b).ok())
}

/// Writes the roster.
pub fn save(dir: &DataDir, roster: &Roster) -> Result<(), NodeError> {
    let bytes = serde_json::to_vec_pretty(roster).map_err(NodeError::io_by)?;
    write_atomic(&file(dir), &bytes, 0o600)
}

/// Records that `device` may (or may no longer) receive `doc`.
pub fn update(dir: &DataDir, doc: &str, device: &str, allowed: bool) -> Result<(), NodeError> {
    let mut roster = load(dir).unwrap_or_default();
    let devices = roster.entry(doc.to_string()).or_default();
    if allowed {
        devices.insert(device.to_string());
    } else {
        devices.remove(device);
    }
    save(dir, &roster)
}
