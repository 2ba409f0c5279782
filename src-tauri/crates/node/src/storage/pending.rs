//! Writes that did not reach the disk yet, and the deletions that must wait for them.
//!
//! samod cannot be told that a write failed: it believes a chunk is saved once `put` returns, and
//! after a compaction it deletes the chunks the new snapshot replaces. So a chunk whose write
//! failed is kept here, in memory, and written again (on the next write, on every flush, before
//! the node closes); and while any chunk of a document is waiting, deleting that document's other
//! chunks waits too — otherwise a failed snapshot would take every change it replaced with it.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Chunks waiting to be written (path → bytes) and deletions waiting for them.
#[derive(Debug, Default)]
pub struct Pending {
    writes: HashMap<PathBuf, Vec<u8>>,
    deletes: HashSet<PathBuf>,
    /// Why the last write failed (for the message that says changes are not saved).
    pub last_error: Option<String>,
}

/// What to do about a deletion.
#[derive(Debug, PartialEq, Eq)]
pub enum Delete {
    /// Delete the file now.
    Now,
    /// Wait: the document has chunks that are not on disk yet.
    Deferred,
}

impl Pending {
    /// How many chunks are not on disk.
    pub fn unsaved(&self) -> usize {
        self.writes.len()
    }

    /// Keeps a chunk whose write failed.
    pub fn keep(&mut self, path: PathBuf, data: Vec<u8>) {
        self.deletes.remove(&path);
        self.writes.insert(path, data);
    }

    /// A chunk reached the disk (a later write of the same chunk replaces a waiting one).
    pub fn written(&mut self, path: &Path) {
        self.writes.remove(path);
    }

    /// Decides a deletion: the chunk's own waiting write is dropped; the deletion waits while
    /// another chunk of its document (`doc_dir`) is not on disk.
    pub fn delete(&mut self, path: &Path, doc_dir: &Path) -> Delete {
        self.writes.remove(path);
        if self.writes.keys().any(|p| p.starts_with(doc_dir)) {
            self.deletes.insert(path.to_path_buf());
            Delete::Deferred
        } else {
            Delete::Now
        }
    }

    /// The waiting writes, to try again.
    pub fn writes(&self) -> Vec<(PathBuf, Vec<u8>)> {
        self.writes.iter().map(|(p, d)| (p.clone(), d.clone())).collect()
    }

    /// The deferred deletions that may go ahead now (their documents have nothing waiting):
    /// removed from the list and returned.
    pub fn ready_deletes(&mut self, doc_dir_of: impl Fn(&Path) -> PathBuf) -> Vec<PathBuf> {
        let writes = &self.writes;
        let (ready, waiting): (Vec<PathBuf>, Vec<PathBuf>) =
            self.deletes.drain().partition(|d| !writes.keys().any(|w| w.starts_with(doc_dir_of(d))));
        self.deletes = waiting.into_iter().collect();
        ready
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_dir(p: &Path) -> PathBuf {
        p.parent().and_then(Path::parent).unwrap_or(p).to_path_buf()
    }

    #[test]
    fn a_failed_snapshot_holds_back_the_deletion_of_what_it_replaces() {
        let mut pending = Pending::default();
        let (doc, other) = (PathBuf::from("docs/ab/cdef"), PathBuf::from("docs/xy/z"));
        let snapshot = doc.join("snapshot/s1");
        let old = doc.join("incremental/c1");
        pending.keep(snapshot.clone(), vec![1]);
        assert_eq!(pending.delete(&old, &doc), Delete::Deferred);
        assert_eq!(
            pending.delete(&other.join("incremental/c"), &other),
            Delete::Now,
            "other documents go on"
        );
        assert!(pending.ready_deletes(doc_dir).is_empty(), "the snapshot is still not on disk");
        pending.written(&snapshot);
        assert_eq!(pending.ready_deletes(doc_dir), vec![old]);
        assert_eq!(pending.unsaved(), 0);
    }

    #[test]
    fn deleting_a_waiting_chunk_drops_its_write() {
        let mut pending = Pending::default();
        let doc = PathBuf::from("docs/ab/cdef");
        pending.keep(doc.join("incremental/c1"), vec![1]);
        assert_eq!(pending.delete(&doc.join("incremental/c1"), &doc), Delete::Now);
        assert_eq!(pending.unsaved(), 0);
    }
}
