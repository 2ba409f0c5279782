//! Durable document storage for samod: the on-disk layout of automerge-repo's file-system
//! storage, with the guarantees that layout's reference implementation lacks.
//!
//! * Every chunk is written to a synced temporary file and renamed into place: a kill at any
//!   moment leaves either no chunk or a whole one, and a write that returned is on disk.
//! * A chunk that cannot be read as automerge data (a damaged disk, a stray file) is moved to
//!   `quarantine/` with a log line instead of breaking its document; the document loads from the
//!   remaining chunks, and the other documents are untouched.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use samod::storage::{Storage, StorageKey};

use crate::paths::write_atomic;

/// samod storage in a folder, crash-safe (see the module docs).
#[derive(Debug, Clone)]
pub struct DurableStorage {
    root: PathBuf,
    quarantine: PathBuf,
    failed_writes: Arc<AtomicUsize>,
}

impl DurableStorage {
    /// Storage in `root`, setting unreadable chunks aside in `quarantine`.
    pub fn new(root: PathBuf, quarantine: PathBuf) -> DurableStorage {
        DurableStorage { root, quarantine, failed_writes: Arc::default() }
    }

    /// How many writes failed since this storage was opened. samod cannot be told that a write
    /// failed, so the node checks this before it reports a change as saved.
    pub fn failed_writes(&self) -> usize {
        self.failed_writes.load(Ordering::SeqCst)
    }

    fn path(&self, key: &StorageKey) -> PathBuf {
        let mut path = self.root.clone();
        for (i, part) in key.into_iter().enumerate() {
            if i == 0 {
                // Splay by the first two characters, as automerge-repo does.
                let split = part.char_indices().nth(2).map_or(part.len(), |(at, _)| at);
                path.push(&part[..split]);
                path.push(&part[split..]);
            } else {
                path.push(part);
            }
        }
        path
    }

    fn set_aside(&self, path: &Path, why: &str) {
        let name = path.strip_prefix(&self.root).unwrap_or(path).to_string_lossy().replace('/', "_");
        let stamp =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let target = self.quarantine.join(format!("{stamp}-{name}"));
        let _ = std::fs::create_dir_all(&self.quarantine);
        match std::fs::rename(path, &target) {
            Ok(()) => tracing::warn!(
                "повреждённый фрагмент документа {} ({why}) перемещён в {}",
                path.display(),
                target.display()
            ),
            Err(e) => tracing::warn!(
                "повреждённый фрагмент документа {} ({why}) не удалось переместить: {e}",
                path.display()
            ),
        }
    }

    fn load_range_blocking(&self, prefix: StorageKey) -> HashMap<StorageKey, Vec<u8>> {
        let mut out = HashMap::new();
        let mut stack = vec![(self.path(&prefix), prefix)];
        while let Some((dir, key)) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                let Some(name) = entry.file_name().to_str().map(str::to_string) else { continue };
                let path = entry.path();
                if name.starts_with('.') && name.ends_with(".tmp") {
                    if is_stale_temp(&name) {
                        let _ = std::fs::remove_file(&path); // a write a crash interrupted
                    }
                    continue;
                }
                let Ok(child) = key.with_component(name) else { continue };
                let Ok(meta) = entry.metadata() else { continue };
                if meta.is_dir() {
                    stack.push((path, child));
                } else if let Ok(data) = std::fs::read(&path) {
                    if is_chunk(&child) && !readable(&data) {
                        self.set_aside(&path, "не читается как данные automerge");
                        continue;
                    }
                    out.insert(child, data);
                }
            }
        }
        out
    }
}

/// A temporary file left by another (dead) process: `.<name>.<pid>-<n>.tmp`. Our own are
/// writes in flight.
fn is_stale_temp(name: &str) -> bool {
    let pid = name.trim_end_matches(".tmp").rsplit('.').next().and_then(|s| s.split('-').next());
    pid.and_then(|p| p.parse::<u32>().ok()).is_none_or(|p| p != std::process::id())
}

/// Whether bytes parse as automerge chunks. `load_incremental` into an empty document is
/// used because it queues changes whose dependencies are in other chunks instead of failing
/// (plain `load` refuses them), while damaged bytes still fail their checksums.
fn readable(data: &[u8]) -> bool {
    automerge::Automerge::new().load_incremental(data).is_ok()
}

/// Whether a key holds automerge data (a snapshot or an incremental chunk of a document).
fn is_chunk(key: &StorageKey) -> bool {
    key.into_iter().nth(1).is_some_and(|kind| kind == "snapshot" || kind == "incremental")
}

impl Storage for DurableStorage {
    fn load(&self, key: StorageKey) -> impl Future<Output = Option<Vec<u8>>> + Send {
        let path = self.path(&key);
        async move { tokio::task::spawn_blocking(move || std::fs::read(path).ok()).await.ok().flatten() }
    }

    fn load_range(&self, prefix: StorageKey) -> impl Future<Output = HashMap<StorageKey, Vec<u8>>> + Send {
        let this = self.clone();
        async move {
            tokio::task::spawn_blocking(move || this.load_range_blocking(prefix)).await.unwrap_or_default()
        }
    }

    fn put(&self, key: StorageKey, data: Vec<u8>) -> impl Future<Output = ()> + Send {
        let path = self.path(&key);
        let failed = self.failed_writes.clone();
        async move {
            let written = tokio::task::spawn_blocking(move || write_atomic(&path, &data, 0o600)).await;
            let error = match written {
                Ok(Ok(())) => return,
                Ok(Err(e)) => e.to_string(),
                Err(e) => e.to_string(),
            };
            failed.fetch_add(1, Ordering::SeqCst);
            tracing::error!("не удалось сохранить документ: {error}");
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        let path = self.path(&key);
        async move {
            let _ = tokio::task::spawn_blocking(move || std::fs::remove_file(path)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use automerge::transaction::Transactable;
    use automerge::{Automerge, ROOT};

    use super::*;

    #[test]
    fn chunks_with_missing_dependencies_are_readable_garbage_is_not() {
        let mut doc = Automerge::new();
        doc.transact::<_, _, automerge::AutomergeError>(|tx| tx.put(ROOT, "a", 1)).unwrap();
        let first = doc.save();
        doc.transact::<_, _, automerge::AutomergeError>(|tx| tx.put(ROOT, "b", 2)).unwrap();
        let second = doc.save_after(&Automerge::load(&first).unwrap().get_heads());
        assert!(readable(&first));
        assert!(readable(&second), "an incremental chunk alone is fine");
        let change = doc.get_last_local_change().unwrap().raw_bytes().to_vec();
        assert!(readable(&change), "one change whose dependency is elsewhere is fine");
        assert!(!readable(b"definitely not automerge"));
        let mut flipped = second.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x55;
        assert!(!readable(&flipped));
    }

    #[test]
    fn temp_files_of_other_processes_are_stale() {
        assert!(is_stale_temp(".abc.1.2-0.tmp") || std::process::id() == 2);
        assert!(!is_stale_temp(&format!(".abc.{}-7.tmp", std::process::id())));
        assert!(is_stale_temp(".weird.tmp"));
    }
}
