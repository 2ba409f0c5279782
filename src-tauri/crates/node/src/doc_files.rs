//! Reading a document straight from its folder, without samod: for read-only work over many
//! documents (the curator's summaries), one document in memory at a time.
//!
//! The folder of a document holds `snapshot/<compaction hash>` and `incremental/<change hash>`
//! chunks. Their names are a fingerprint of the content: same names, same document — which
//! lets the summary cache skip unchanged documents without parsing a byte.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use automerge::Automerge;

use crate::error::NodeError;

/// The chunk files of one document in a docs folder.
#[derive(Debug, Clone)]
pub struct DocFiles {
    dir: PathBuf,
}

impl DocFiles {
    /// The document `doc_id` in the samod docs folder `docs`.
    pub fn new(docs: &Path, doc_id: &str) -> DocFiles {
        let split = doc_id.char_indices().nth(2).map_or(doc_id.len(), |(at, _)| at);
        DocFiles { dir: docs.join(&doc_id[..split]).join(&doc_id[split..]) }
    }

    /// Whether any chunk of the document is here.
    pub fn exists(&self) -> bool {
        self.dir.is_dir()
    }

    fn chunks(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for kind in ["snapshot", "incremental"] {
            if let Ok(entries) = std::fs::read_dir(self.dir.join(kind)) {
                files.extend(
                    entries.flatten().map(|e| e.path()).filter(|p| {
                        p.file_name().and_then(|n| n.to_str()).is_some_and(|n| !n.starts_with('.'))
                    }),
                );
            }
        }
        files.sort();
        files
    }

    /// A fingerprint of the content from the chunk names alone; `None` if there is no chunk.
    pub fn fingerprint(&self) -> Option<u64> {
        let chunks = self.chunks();
        if chunks.is_empty() {
            return None;
        }
        let mut hasher = DefaultHasher::new();
        for chunk in &chunks {
            chunk.file_name().hash(&mut hasher);
        }
        Some(hasher.finish())
    }

    /// A cheap change stamp: the modification times of the chunk folders (a chunk added or
    /// removed changes its folder's time). Equal stamps mean "not changed"; different stamps
    /// are confirmed with [`DocFiles::fingerprint`].
    pub fn stamp(&self) -> Option<(u128, u128)> {
        let time = |kind: &str| {
            std::fs::metadata(self.dir.join(kind))
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos())
        };
        let stamp = (time("snapshot"), time("incremental"));
        (stamp != (0, 0)).then_some(stamp)
    }

    /// Loads the document from its chunks (snapshots first, then changes).
    pub fn load(&self) -> Result<Option<Automerge>, NodeError> {
        let chunks = self.chunks();
        if chunks.is_empty() {
            return Ok(None);
        }
        let mut doc = Automerge::new();
        for chunk in chunks {
            let bytes = std::fs::read(&chunk).map_err(|e| NodeError::io(&chunk, e))?;
            let corrupt = |why: String| {
                NodeError::Doc(nastavnik_core::DocError::Corrupt(format!("{}: {why}", chunk.display())))
            };
            nastavnik_core::chunk_guard::check_chunks(&bytes).map_err(|e| corrupt(e.to_string()))?;
            // automerge's decoder panics on some crafted chunks (found by fuzzing): an error here.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| doc.load_incremental(&bytes)))
                .map_err(|_| corrupt("сбой при разборе".into()))?
                .map_err(|e| corrupt(e.to_string()))?;
        }
        Ok(Some(doc))
    }
}
