//! Sync status: for each document and peer, when the two last had each other's changes, and
//! whether this device has changed the document since (changes the peer lacks). Whether the
//! peer has changes we lack is known only while connected; offline it is reported as unknown.
//!
//! Recorded by `sync` when a document is synced with a peer, and by `serve` from samod's live
//! connection state; persisted in `sync-state.json`.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use samod::Repo;
use serde::{Deserialize, Serialize};

use crate::doc_files::DocFiles;
use crate::error::NodeError;
use crate::paths::{DataDir, write_atomic};

/// The last full sync of one document with one peer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerSync {
    /// Document id.
    pub doc: String,
    /// Peer device id.
    pub peer: String,
    /// When both sides last had each other's changes.
    pub last_synced: DateTime<Utc>,
    /// The document's heads at that moment.
    pub heads: Vec<String>,
}

/// All recorded syncs of this device.
#[derive(Debug, Default)]
pub struct SyncState {
    rows: Vec<PeerSync>,
    changed: bool,
}

/// One line of `status`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusRow {
    /// The last sync.
    #[serde(flatten)]
    pub sync: PeerSync,
    /// Whether this device changed the document since (the peer lacks those changes).
    pub ours_unsent: Option<bool>,
}

fn file(dir: &DataDir) -> std::path::PathBuf {
    dir.root().join("sync-state.json")
}

impl SyncState {
    /// The day each document last synced fully with any peer (for the warnings).
    pub fn last_synced_by_doc(&self) -> std::collections::HashMap<String, chrono::NaiveDate> {
        let mut days = std::collections::HashMap::new();
        for row in &self.rows {
            let day = row.last_synced.date_naive();
            days.entry(row.doc.clone())
                .and_modify(|d: &mut chrono::NaiveDate| *d = (*d).max(day))
                .or_insert(day);
        }
        days
    }

    /// Loads the recorded state (empty if none).
    pub fn load(dir: &DataDir) -> SyncState {
        let rows =
            std::fs::read(file(dir)).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
        SyncState { rows, changed: false }
    }

    /// Saves it if anything was recorded.
    pub fn save(&mut self, dir: &DataDir) -> Result<(), NodeError> {
        if self.changed {
            let bytes = serde_json::to_vec_pretty(&self.rows).map_err(NodeError::io_by)?;
            write_atomic(&file(dir), &bytes, 0o600)?;
            self.changed = false;
        }
        Ok(())
    }

    /// Records that `doc` is in sync with `peer` at `heads`.
    pub fn record(&mut self, doc: &str, peer: &str, heads: Vec<String>, at: DateTime<Utc>) {
        let row = PeerSync { doc: doc.into(), peer: peer.into(), last_synced: at, heads };
        match self.rows.iter_mut().find(|r| r.doc == doc && r.peer == peer) {
            Some(old) if old.heads == row.heads => old.last_synced = at,
            Some(old) => *old = row,
            None => self.rows.push(row),
        }
        self.changed = true;
    }

    /// Records every (document, peer) that samod's live connections show in sync.
    pub fn observe(&mut self, repo: &Repo, at: DateTime<Utc>) {
        let (connections, _) = repo.connected_peers();
        self.observe_connections(&connections, at);
    }

    /// Records every (document, peer) that these connections show in sync.
    pub fn observe_connections<'a>(
        &mut self,
        connections: impl IntoIterator<Item = &'a samod::ConnectionInfo>,
        at: DateTime<Utc>,
    ) {
        for conn in connections {
            let samod::ConnectionState::Connected { their_peer_id } = &conn.state else { continue };
            for (doc, state) in &conn.docs {
                let (Some(shared), Some(theirs)) = (&state.shared_heads, &state.their_heads) else {
                    continue;
                };
                let ours_sent = state.last_sent_heads.as_ref().is_none_or(|h| h == shared);
                if shared == theirs && ours_sent {
                    let heads = shared.iter().map(|h| h.to_string()).collect();
                    self.record(&doc.to_string(), &their_peer_id.to_string(), heads, at);
                }
            }
        }
    }

    /// The status of every recorded (document, peer), checking this device's copy on disk.
    pub fn report(&self, docs_dir: &std::path::Path) -> Vec<StatusRow> {
        self.rows
            .iter()
            .map(|row| {
                let ours_unsent = DocFiles::new(docs_dir, &row.doc).load().ok().flatten().map(|doc| {
                    let now: HashSet<String> = doc.get_heads().iter().map(|h| h.to_string()).collect();
                    now != row.heads.iter().cloned().collect::<HashSet<_>>()
                });
                StatusRow { sync: row.clone(), ours_unsent }
            })
            .collect()
    }
}
