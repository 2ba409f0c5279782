//! Who this device is, kept in `device.json`: the curator's device (with the school document),
//! or a member's device (with the person it belongs to and the school's trust root).

use serde::{Deserialize, Serialize};

use crate::error::NodeError;
use crate::paths::{DataDir, write_atomic};

/// The role of this device in the school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "role")]
pub enum Device {
    /// Not joined yet: neither created a school nor redeemed an invite.
    New,
    /// The curator's device; holds the school document.
    Curator {
        /// The school document's id.
        school_doc: String,
    },
    /// A mentor's or mentee's device.
    Member {
        /// The person in the school's bank.
        person_id: String,
        /// Their name, for display.
        name: String,
        /// The curator devices this device trusts (the school's trust root).
        curators: Vec<String>,
        /// Pair documents this person belongs to: pair id → document id.
        pairs: Vec<(String, String)>,
    },
}

impl Device {
    /// Reads `device.json`; a missing file means a new device.
    pub fn load(dir: &DataDir) -> Result<Device, NodeError> {
        let path = dir.device_file();
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| NodeError::io_in(&format!("{} повреждён", path.display()), e)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Device::New),
            Err(e) => Err(NodeError::io(&path, e)),
        }
    }

    /// Writes `device.json` atomically.
    pub fn save(&self, dir: &DataDir) -> Result<(), NodeError> {
        let bytes = serde_json::to_vec_pretty(self).map_err(NodeError::io_by)?;
        write_atomic(&dir.device_file(), &bytes, 0o600)
    }

    /// The role in Russian, for `device show`.
    pub fn label(&self) -> &'static str {
        match self {
            Device::New => "новое устройство (не подключено к школе)",
            Device::Curator { .. } => "устройство куратора",
            Device::Member { .. } => "устройство участника",
        }
    }
}
