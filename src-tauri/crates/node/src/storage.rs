//! Durable document storage for samod: the on-disk layout of automerge-repo's file-system
//! storage, with the guarantees that layout's reference implementation lacks.
//!
//! * Every chunk is written to a synced temporary file and renamed into place: a kill at any
//!   moment leaves either no chunk or a whole one, and a write that returned is on disk.
//! * A chunk that cannot be read as automerge data (a damaged disk, a stray file) is moved to
//!   `quarantine/` with a log line instead of breaking its document; the document loads from the
//!   remaining chunks, and the other documents are untouched.
//! * A write that fails is retried, kept in memory until it lands ([`pending`]), and counted as
//!   unsaved until then — never reported as saved; deletions of its document wait for it.
//! * A reading process opens the storage [`read only`](DurableStorage::read_only): it loads, and
//!   writes, deletes, sweeps and sets aside nothing. Only the folder's writer (who holds its lock)
//!   touches the files, so a read can neither harm a running `serve` nor fail beside another read.

pub mod pending;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use samod::storage::{Storage, StorageKey};

use crate::error::NodeError;
use crate::paths::write_atomic;
use pending::{Delete, Pending};

/// samod storage in a folder, crash-safe (see the module docs).
#[derive(Debug, Clone)]
pub struct DurableStorage {
    root: PathBuf,
    quarantine: PathBuf,
    writable: bool,
    pending: Arc<Mutex<Pending>>,
}

/// How often a failing write is tried before it is kept for later, and the pause between tries.
const TRIES: [Duration; 3] = [Duration::ZERO, Duration::from_millis(50), Duration::from_millis(250)];

impl DurableStorage {
    /// Storage in `root` for the folder's writer, setting unreadable chunks aside in `quarantine`.
    pub fn new(root: PathBuf, quarantine: PathBuf) -> DurableStorage {
        DurableStorage { root, quarantine, writable: true, pending: Arc::default() }
    }

    /// Storage in `root` for a reading process: changes stay in memory, the folder is untouched.
    pub fn read_only(root: PathBuf) -> DurableStorage {
        DurableStorage { quarantine: root.clone(), root, writable: false, pending: Arc::default() }
    }

    /// How many chunks are not on disk yet (their writes failed and wait for another try).
    /// samod cannot be told that a write failed, so the node checks this before it reports a
    /// change as saved.
    pub fn unsaved(&self) -> usize {
        self.lock().unsaved()
    }

    /// Why the last write failed, if one did.
    pub fn last_error(&self) -> Option<String> {
        self.lock().last_error.clone()
    }

    /// Tries the waiting writes again, then the deletions that waited for them; returns how many
    /// chunks are still not on disk.
    pub fn flush_blocking(&self) -> usize {
        let writes = self.lock().writes(); // the guard must not live through the loop
        for (path, data) in writes {
            if write_atomic(&path, &data, 0o600).is_ok() {
                self.lock().written(&path);
            }
        }
        let ready = self.lock().ready_deletes(|p| self.doc_dir(p));
        for path in ready {
            let _ = std::fs::remove_file(path);
        }
        self.unsaved()
    }

    fn lock(&self) -> MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The folder of the document a chunk path belongs to (`root/ab/cdef…`).
    fn doc_dir(&self, path: &Path) -> PathBuf {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        self.root.join(rel.components().take(2).collect::<PathBuf>())
    }

    fn put_blocking(&self, path: PathBuf, data: Vec<u8>) {
        let mut error = String::new();
        for pause in TRIES {
            std::thread::sleep(pause);
            match write_atomic(&path, &data, 0o600) {
                Ok(()) => {
                    self.lock().written(&path);
                    if self.unsaved() > 0 {
                        self.flush_blocking(); // the disk works again: the waiting writes too
                    }
                    return;
                }
                Err(NodeError::Io(message) | NodeError::IoBy { message, .. }) => error = message,
                Err(e) => error = e.to_string(),
            }
        }
        tracing::error!("не удалось сохранить документ (изменение ждёт в памяти новой попытки): {error}");
        let mut pending = self.lock();
        pending.keep(path, data);
        pending.last_error = Some(error);
    }

    fn delete_blocking(&self, path: PathBuf) {
        let doc = self.doc_dir(&path);
        if self.lock().delete(&path, &doc) == Delete::Now {
            let _ = std::fs::remove_file(path);
        }
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
                    if self.writable && is_stale_temp(&name) {
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
                        if self.writable {
                            self.set_aside(&path, "не читается как данные automerge");
                        } else {
                            tracing::warn!("повреждённый фрагмент документа {} пропущен", path.display());
                        }
                        continue;
                    }
                    out.insert(child, data);
                }
            }
        }
        out
    }
}

/// A temporary file left by a dead process: `.<name>.<pid>-<n>.tmp`. Our own are writes in
/// flight, and so are those of any process still alive (only the folder's writer sweeps, but a
/// write of a process that has just lost the lock may still be renamed into place).
fn is_stale_temp(name: &str) -> bool {
    let pid = name.trim_end_matches(".tmp").rsplit('.').next().and_then(|s| s.split('-').next());
    pid.and_then(|p| p.parse::<u32>().ok()).is_none_or(|p| p != std::process::id() && !alive(p))
}

/// Whether a process runs (Linux: its `/proc` entry; elsewhere assumed, so nothing is swept).
fn alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") { Path::new("/proc").join(pid.to_string()).exists() } else { true }
}

/// Whether bytes parse as automerge chunks (a crafted chunk that makes automerge's decoder
/// panic does not: it is set aside like any damaged one).
fn readable(data: &[u8]) -> bool {
    nastavnik_core::document::chunk_loads(data)
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
        let (this, path) = (self.clone(), self.path(&key));
        async move {
            if this.writable {
                let _ = tokio::task::spawn_blocking(move || this.put_blocking(path, data)).await;
            }
        }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        let (this, path) = (self.clone(), self.path(&key));
        async move {
            if this.writable {
                let _ = tokio::task::spawn_blocking(move || this.delete_blocking(path)).await;
            }
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
    fn temp_files_of_dead_processes_are_stale_of_live_ones_not() {
        let mut child = std::process::Command::new("sleep").arg("5").spawn().unwrap();
        assert!(!is_stale_temp(&format!(".abc.{}-0.tmp", child.id())), "a live process's write in flight");
        assert!(!is_stale_temp(&format!(".abc.{}-7.tmp", std::process::id())));
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(is_stale_temp(&format!(".abc.{}-0.tmp", child.id())), "its process is gone");
        assert!(is_stale_temp(".weird.tmp"));
    }
}
