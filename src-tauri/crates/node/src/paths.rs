//! The data folder of one device.
//!
//! ```text
//! <data dir>/
//!   device.key        the device's ed25519 secret key (0600)
//!   device.json       who this device is: curator or member (person id), the school's trust root
//!   docs/             automerge documents, stored by samod through `storage::DurableStorage`
//!   quarantine/       files that could not be read, set aside (never deleted)
//!   summaries.json    the curator's summary cache
//! ```

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::NodeError;

/// The layout of a device's data folder.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// The platform's data folder for the app (e.g. `~/.local/share/nastavnik`).
    pub fn platform_default() -> Result<PathBuf, NodeError> {
        directories::ProjectDirs::from("ru", "nastavnik", "nastavnik")
            .map(|d| d.data_dir().to_path_buf())
            .ok_or_else(|| NodeError::Io("не удалось определить папку данных пользователя".into()))
    }

    /// Opens (creating if needed, readable only by the user) a data folder.
    pub fn open(root: impl Into<PathBuf>) -> Result<DataDir, NodeError> {
        let root = root.into();
        for dir in [root.clone(), root.join("docs"), root.join("quarantine")] {
            fs::create_dir_all(&dir).map_err(|e| NodeError::io(&dir, e))?;
        }
        restrict(&root, 0o700)?;
        Ok(DataDir { root })
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }
    /// The device key file.
    pub fn key_file(&self) -> PathBuf {
        self.root.join("device.key")
    }
    /// The device description file.
    pub fn device_file(&self) -> PathBuf {
        self.root.join("device.json")
    }
    /// Where samod keeps documents.
    pub fn docs(&self) -> PathBuf {
        self.root.join("docs")
    }
    /// Where unreadable files are set aside.
    pub fn quarantine(&self) -> PathBuf {
        self.root.join("quarantine")
    }
    /// The summary cache.
    pub fn summaries_file(&self) -> PathBuf {
        self.root.join("summaries.json")
    }
    /// Which reminders this device has already shown as desktop notifications.
    pub fn notified_file(&self) -> PathBuf {
        self.root.join("notified.json")
    }
}

/// Writes a file so that a crash leaves either the old or the new content: a synced temporary
/// file renamed over the target, then the folder synced.
pub fn write_atomic(path: &Path, data: &[u8], mode: u32) -> Result<(), NodeError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| NodeError::io(dir, e))?;
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let tmp = dir.join(format!(
        ".{}.{}-{}.tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file"),
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let mut file = fs::File::create(&tmp).map_err(|e| NodeError::io(&tmp, e))?;
    restrict(&tmp, mode)?;
    file.write_all(data).and_then(|_| file.sync_all()).map_err(|e| NodeError::io(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| NodeError::io(path, e))?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> Result<(), NodeError> {
    use std::os::unix::fs::PermissionsExt;
    // Already so: nothing to write (a read-only folder is still readable).
    if fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o777 == mode) {
        return Ok(());
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).map_err(|e| NodeError::io(path, e))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> Result<(), NodeError> {
    Ok(())
}
