//! The curator's summary cache: one small [`PairSummary`] per pair document, persisted in
//! `summaries.json` and keyed by the document's fingerprint (its chunk names, see
//! [`DocFiles`]). Opening the overview lists the folders, re-reads only the documents whose
//! fingerprint changed — one at a time, dropped after — and never keeps them open.

use std::collections::HashMap;
use std::path::Path;

use nastavnik_shared::report::PairSummary;
use serde::{Deserialize, Serialize};

use crate::doc_files::DocFiles;
use crate::error::NodeError;
use crate::paths::write_atomic;

/// What a summary holds changes now and then (conflicts were added): entries written by an
/// older build are read again.
const VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Cached {
    /// [`VERSION`] when written (0: before versions).
    #[serde(default)]
    version: u32,
    /// Folder times when last checked: equal means unchanged, without listing anything.
    stamp: (u128, u128),
    /// Chunk names: the content key when the times moved.
    fingerprint: u64,
    summary: PairSummary,
}

/// What a refresh did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CacheStats {
    /// Summaries taken from the cache.
    pub cached: usize,
    /// Documents read because they changed (or were new).
    pub read: usize,
    /// Documents not on this device yet.
    pub missing: usize,
    /// Documents that could not be read (with why).
    pub unreadable: Vec<String>,
}

/// The cache, as loaded from disk.
#[derive(Debug, Default)]
pub struct SummaryCache {
    entries: HashMap<String, Cached>,
    changed: bool,
}

impl SummaryCache {
    /// Loads `summaries.json`; a missing or unreadable file is an empty cache.
    pub fn load(file: &Path) -> SummaryCache {
        let entries =
            std::fs::read(file).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
        SummaryCache { entries, changed: false }
    }

    /// Writes the cache back if it changed.
    pub fn save(&mut self, file: &Path) -> Result<(), NodeError> {
        if self.changed {
            let bytes = serde_json::to_vec(&self.entries).map_err(NodeError::io_by)?;
            write_atomic(file, &bytes, 0o600)?;
            self.changed = false;
        }
        Ok(())
    }

    /// Summaries of `docs` (pair document ids) in the samod folder `docs_dir`, borrowed from
    /// the cache after bringing it up to date.
    pub fn summaries(&mut self, docs_dir: &Path, docs: &[String]) -> (Vec<&PairSummary>, CacheStats) {
        self.summaries_with_progress(docs_dir, docs, &mut |_, _| {})
    }

    /// [`Self::summaries`], calling `progress(done, total)` before each document and once at the end — for a
    /// progress bar when thousands of pairs are read (cache hits are quick, reads are not).
    pub fn summaries_with_progress(
        &mut self,
        docs_dir: &Path,
        docs: &[String],
        progress: &mut dyn FnMut(usize, usize),
    ) -> (Vec<&PairSummary>, CacheStats) {
        let mut stats = CacheStats::default();
        let mut present = Vec::with_capacity(docs.len());
        for (done, id) in docs.iter().enumerate() {
            progress(done, docs.len());
            let files = DocFiles::new(docs_dir, id);
            let Some(stamp) = files.stamp() else {
                stats.missing += 1;
                continue;
            };
            if self.entries.get(id).is_some_and(|c| c.stamp == stamp && c.version == VERSION) {
                stats.cached += 1;
                present.push(id);
                continue;
            }
            let Some(fingerprint) = files.fingerprint() else {
                stats.missing += 1;
                continue;
            };
            if let Some(hit) =
                self.entries.get_mut(id).filter(|c| c.fingerprint == fingerprint && c.version == VERSION)
            {
                hit.stamp = stamp; // touched, not changed
                self.changed = true;
                stats.cached += 1;
                present.push(id);
                continue;
            }
            match read_summary(&files) {
                Ok(summary) => {
                    stats.read += 1;
                    self.entries.insert(id.clone(), Cached { version: VERSION, stamp, fingerprint, summary });
                    self.changed = true;
                    present.push(id);
                }
                Err(e) => stats.unreadable.push(format!("{id}: {e}")),
            }
        }
        progress(docs.len(), docs.len());
        let out = present.into_iter().filter_map(|id| self.entries.get(id).map(|c| &c.summary)).collect();
        (out, stats)
    }
}

fn read_summary(files: &DocFiles) -> Result<PairSummary, NodeError> {
    let doc = files.load()?.ok_or_else(|| NodeError::Missing("документ исчез".into()))?;
    Ok(nastavnik_core::pair::summary_of(&doc)?)
}
