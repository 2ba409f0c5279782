//! Documents in a data folder: `school.automerge` and `pairs/<pair id>.automerge`.
//!
//! Writes go to a temporary file that is synced and renamed over the old one, so a crash
//! never leaves a half-written document.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use automerge::Automerge;

/// Saves a document atomically.
pub fn save(path: &Path, doc: &Automerge) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("не удалось создать папку {}", dir.display()))?;
    }
    let tmp = path.with_extension("tmp");
    let mut file =
        fs::File::create(&tmp).with_context(|| format!("не удалось записать {}", tmp.display()))?;
    file.write_all(&doc.save())?;
    file.sync_all()?;
    fs::rename(&tmp, path)?;
    Ok(())
}

/// The school document's path.
pub fn school_path(data_dir: &Path) -> PathBuf {
    data_dir.join("school.automerge")
}

/// A pair document's path.
pub fn pair_path(data_dir: &Path, pair_id: &str) -> PathBuf {
    data_dir.join("pairs").join(format!("{pair_id}.automerge"))
}

/// Paths of all pair documents in the folder, sorted.
pub fn pair_paths(data_dir: &Path) -> Result<Vec<PathBuf>> {
    let dir = data_dir.join("pairs");
    let mut paths = Vec::new();
    if dir.exists() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "automerge") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    Ok(paths)
}
